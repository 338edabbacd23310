"""Symbolic links on the way to a file the tools write: `new` and `schema` never write through one.

A link in guideline_data/ can point anywhere on the machine; writing through it would create or
overwrite a file outside the repository. The check refuses such links too (G018), but the tools must
not depend on someone running the check first.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath


def first_link(root: Path, targets: Iterable[PurePosixPath]) -> PurePosixPath | None:
    """Return the first target, or folder on the way to one, that is a symbolic link (relative to root)."""
    for target in targets:
        for depth in range(1, len(target.parts) + 1):
            part = PurePosixPath(*target.parts[:depth])
            if (root / part).is_symlink():
                return part
    return None


def link_refusal(link: PurePosixPath) -> str:
    """Explain why nothing is written through a link, and what to do instead."""
    return (
        f"{link} ist ein symbolischer Link: dorthin wird nicht geschrieben, weil ein Link auf Dateien außerhalb "
        "des Leitfadens zeigen kann; ersetze ihn durch einen echten Ordner bzw. eine echte Datei"
    )
