"""The W3C Nu HTML Checker (vnu.jar) for the tests: install it from its lock file, run it, read its messages.

vnu comes from npm (`vnu-jar`, pinned in tests/vnu/package-lock.json) and runs on the machine's Java
(17 or newer). What the theme itself produces is listed, each with its reason, in tests/vnu/allowlist.json.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support import REPO_ROOT

VNU_DIR = REPO_ROOT / "tests" / "vnu"
VNU_JAR = VNU_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = VNU_DIR / "allowlist.json"
VNU_OPTIONS = ("--format", "json", "--stdout", "--exit-zero-always", "--asciiquotes", "--also-check-css")
BLOCKING_TYPES = frozenset({"error", "non-document-error"})
CHECKED_SUFFIXES = frozenset({".html", ".css"})


@dataclass(frozen=True)
class VnuMessage:
    """One message of vnu, with the file relative to the checked folder."""

    path: str
    line: int | None
    kind: str
    message: str
    extract: str

    @property
    def blocks(self) -> bool:
        return self.kind in BLOCKING_TYPES

    def describe(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}\n    {self.extract.strip()!r}"


@dataclass(frozen=True)
class Allowance:
    """An error the theme produces: patterns for vnu's message and extract, and why it may stay."""

    message: re.Pattern[str]
    extract: re.Pattern[str]
    reason: str

    def allows(self, found: VnuMessage) -> bool:
        return bool(self.message.search(found.message) and self.extract.search(found.extract))


def load_allowlist(path: Path = ALLOWLIST) -> tuple[Allowance, ...]:
    entries = json.loads(path.read_text(encoding="utf-8"))["allowed"]
    return tuple(Allowance(re.compile(e["message"]), re.compile(e["extract"]), e["reason"]) for e in entries)


def vnu_command() -> list[str]:
    """Return the command that runs vnu; install it from the lock file first if needed, or skip."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: the W3C Nu HTML Checker (vnu.jar) needs Java 17 or newer")
    if not VNU_JAR.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: vnu.jar cannot be installed (npm ci --prefix tests/vnu)")
        command = [npm, "ci", "--prefix", str(VNU_DIR), "--ignore-scripts", "--no-audit", "--no-fund"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0 and VNU_JAR.is_file(), result.stdout + result.stderr
    return [java, "-jar", str(VNU_JAR)]


def checked_files(folder: Path) -> list[Path]:
    """Return every HTML page and stylesheet of a built site."""
    return sorted(path for path in folder.rglob("*") if path.suffix in CHECKED_SUFFIXES and path.is_file())


def _relative(url: str, folder: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return url


def run_vnu(folder: Path, files: Sequence[Path]) -> list[VnuMessage]:
    """Run vnu once over the given files of a folder; return every message it reports."""
    assert files, f"nothing to check in {folder}"
    command = [*vnu_command(), *VNU_OPTIONS, *[str(path) for path in files]]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return [
        VnuMessage(_relative(m.get("url", ""), folder), m.get("lastLine"), m["type"], m.get("message", ""),
                   m.get("extract", ""))
        for m in json.loads(result.stdout)["messages"]
    ]


def unexplained(messages: Sequence[VnuMessage], allowlist: Sequence[Allowance]) -> list[VnuMessage]:
    """Return the blocking messages no allow-list entry explains."""
    return [m for m in messages if m.blocks and not any(entry.allows(m) for entry in allowlist)]
