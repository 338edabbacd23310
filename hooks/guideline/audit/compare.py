"""Compare two builds of the same sources byte for byte: a reproducible build gives identical folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class DifferingFile:
    """A file both builds wrote, with different bytes; `offset` is the first byte where they differ."""

    path: PurePosixPath
    offset: int


@dataclass(frozen=True)
class SiteDifference:
    """How two built folders differ: files only one of them has, and files with different bytes."""

    only_in_first: tuple[PurePosixPath, ...]
    only_in_second: tuple[PurePosixPath, ...]
    differing: tuple[DifferingFile, ...]

    @property
    def identical(self) -> bool:
        return not (self.only_in_first or self.only_in_second or self.differing)


def _files(folder: Path) -> frozenset[PurePosixPath]:
    return frozenset(PurePosixPath(path.relative_to(folder).as_posix()) for path in folder.rglob("*") if path.is_file())


def first_difference(first: bytes, second: bytes) -> int | None:
    """Return the offset of the first byte that differs (or where the shorter one ends); None if equal."""
    if first == second:
        return None
    return next((index for index, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))


def compare_sites(first: Path, second: Path) -> SiteDifference:
    """Compare every file of two built folders by its bytes."""
    first_files, second_files = _files(first), _files(second)
    differing = []
    for path in sorted(first_files & second_files):
        offset = first_difference((first / path).read_bytes(), (second / path).read_bytes())
        if offset is not None:
            differing.append(DifferingFile(path, offset))
    return SiteDifference(
        only_in_first=tuple(sorted(first_files - second_files)),
        only_in_second=tuple(sorted(second_files - first_files)),
        differing=tuple(differing),
    )


def format_difference(difference: SiteDifference, first: PurePosixPath, second: PurePosixPath) -> str:
    """Describe the difference in German, one file per line; a closing line says whether they are equal."""
    lines = [f"nur in {first}/: {path}" for path in difference.only_in_first]
    lines += [f"nur in {second}/: {path}" for path in difference.only_in_second]
    lines += [f"{item.path}: unterschiedlich ab Byte {item.offset}" for item in difference.differing]
    if difference.identical:
        return f"{first}/ und {second}/ sind byte-gleich."
    count = f"{len(lines)} {'Datei' if len(lines) == 1 else 'Dateien'}"
    return "\n".join([*lines, f"{first}/ und {second}/ unterscheiden sich in {count}."])
