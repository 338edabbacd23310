"""Which data folder a project builds: the organisation's own guideline, or the shipped example until there is one.

`guideline_data/` holds an organisation's guideline once `build.py init` has created it. Until then (a
fresh clone of this project) the example in `example_data/` is built, and every tool says so in one
line, so nobody mistakes the example for their own guideline. The example stays where it is after
`init`: the project's own tests and the demo use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DATA_FOLDER = PurePosixPath("guideline_data")
EXAMPLE_FOLDER = PurePosixPath("example_data")

EXAMPLE_NOTICE = (
    "Hinweis: Es gibt noch keinen eigenen Leitfaden (guideline_data/ fehlt), darum wird das Beispiel aus "
    "example_data/ verwendet. Euren eigenen legt ihr mit 'python3 build.py init' an."
)


@dataclass(frozen=True)
class DataSource:
    """The data folder a project builds, relative to the project root, and whether it is the shipped example."""

    folder: PurePosixPath
    is_example: bool

    def path(self, root: Path) -> Path:
        return root / self.folder


def data_source(root: Path) -> DataSource:
    """Return the organisation's own data folder if it exists (even empty), else the shipped example."""
    own = root / DATA_FOLDER
    if own.exists() or own.is_symlink() or not (root / EXAMPLE_FOLDER).is_dir():
        return DataSource(DATA_FOLDER, is_example=False)
    return DataSource(EXAMPLE_FOLDER, is_example=True)


def page_collision_message(src_uri: str, source: str, existing_source: str | None, docs_prefix: str) -> str:
    """Explain why a generated page cannot be added: a hand-written page (existing_source None) or another
    generated page (from existing_source) already has its address."""
    if existing_source is None:
        return (
            f"{docs_prefix}/{src_uri}: die Seite wird aus {source} erzeugt und darf nicht zusätzlich von Hand "
            f"in {docs_prefix}/ liegen\n    help: lösche oder verschiebe {docs_prefix}/{src_uri}"
        )
    return (
        f"{source}: die Seite '{src_uri}' würde zweimal erzeugt (zuerst aus {existing_source})\n"
        "    help: wähle eine andere ID; 'index' und 'eskalation' sind für feste Seiten reserviert"
    )
