"""Valid HTML: the W3C Nu HTML Checker (vnu.jar) over every page and stylesheet of the built site.

vnu comes from npm (`vnu-jar`, pinned in tests/vnu/package-lock.json) and runs on the machine's Java
(17 or newer); it starts slowly, so it runs once over all files. Zero errors are allowed in what we
generate; what the theme itself produces is listed, each with its reason, in tests/vnu/allowlist.json.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from html_checker import VNU_DIR, VnuMessage, checked_files, load_allowlist, run_vnu, unexplained

# --- the shipped guideline ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(shipped_site: Path) -> Path:
    return shipped_site


@pytest.fixture(scope="module")
def vnu_messages(site: Path) -> list[VnuMessage]:
    return run_vnu(site, checked_files(site))


def test_every_page_and_stylesheet_is_valid(site: Path, vnu_messages: list[VnuMessage]) -> None:
    assert len([path for path in checked_files(site) if path.suffix == ".html"]) >= 30
    problems = unexplained(vnu_messages, load_allowlist())
    assert problems == [], "vnu reports errors:\n" + "\n".join(m.describe() for m in problems)


def test_every_allowlist_entry_has_a_reason_and_is_still_needed(vnu_messages: list[VnuMessage]) -> None:
    for entry in load_allowlist():
        assert len(entry.reason) > 60 and "Theme" in entry.reason, entry.reason
        assert any(entry.allows(m) for m in vnu_messages if m.blocks), (
            f"allow-list entry {entry.message.pattern!r} matches nothing any more: delete it"
        )


def test_allowlist_explains_only_theme_markup() -> None:
    for entry in load_allowlist():
        assert "md-" in entry.extract.pattern, entry.extract.pattern  # Material's class and data attribute names


def test_vnu_is_pinned_and_installs_without_scripts() -> None:
    package = json.loads((VNU_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((VNU_DIR / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["devDependencies"]["vnu-jar"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), pinned
    locked = lock["packages"]["node_modules/vnu-jar"]
    assert locked["version"] == pinned and locked["integrity"].startswith("sha512-")
    # vnu-jar's postinstall script would download a Java runtime from the internet: never run it.
    assert "ignore-scripts=true" in (VNU_DIR / ".npmrc").read_text(encoding="utf-8").splitlines()
