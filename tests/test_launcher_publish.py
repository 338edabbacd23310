"""launcher.publish: the site is replaced whole by a build that succeeded, and never touched otherwise.

The same with the real MkDocs and real signals: test_atomic_build.py.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Callable, Sequence

import pytest

from launcher import publish
from launcher.terminal import Terminal


def fake_build(*exit_codes: int, page: str = "neu") -> Callable[[Sequence[str | Path]], int]:
    """A tool runner whose MkDocs writes one page; MkDocs, the policy step and the audit exit with these codes."""
    codes = iter(exit_codes)

    def run(arguments: Sequence[str | Path]) -> int:
        if "mkdocs" in arguments:
            target = Path(arguments[list(arguments).index("--site-dir") + 1])
            (target / "index.html").write_text(page, encoding="utf-8")
        return next(codes)

    return run


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A previous site in a scratch folder, which is also the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("alt", encoding="utf-8")
    return tmp_path / "site"


def test_a_successful_build_swaps_in_the_new_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert publish.publish_site(fake_build(0, 0, 0), site, []) == 0
    assert (site / "index.html").read_text(encoding="utf-8") == "neu"
    assert oct(site.stat().st_mode & 0o777) == oct(0o755)
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
    assert capsys.readouterr().err == "build.py: Website gebaut und geprüft: site/ – 1 Seite, 0 Warnungen\n"


def test_the_summary_counts_the_pages_and_the_warnings_the_terminal_saw(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal()
    terminal.record("WARNING", "eine Warnung, die den Build nicht abbricht")
    capsys.readouterr()

    def build_two_pages(arguments: Sequence[str | Path]) -> int:
        if "mkdocs" in arguments:
            staging = Path(arguments[list(arguments).index("--site-dir") + 1])
            for name in ("index.html", "rollen/index.html", "404.htm", "suche.json"):
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / name).write_text("neu", encoding="utf-8")
        return 0

    assert publish.publish_site(build_two_pages, site, [], terminal) == 0
    assert capsys.readouterr().err == "build.py: Website gebaut und geprüft: site/ – 3 Seiten, 1 Warnung\n"


@pytest.mark.parametrize(
    ("exit_codes", "message"),
    [
        ((1,), "build.py: Build fehlgeschlagen: site/ bleibt unverändert\n"),
        ((0, 1), "build.py: Die Content-Security-Policy ließ sich nicht setzen (siehe oben): site/ bleibt unverändert\n"),
        ((0, 0, 1), "build.py: Die gebaute Website hat Fehler (siehe oben): site/ bleibt unverändert\n"),
    ],
)
def test_a_failed_build_policy_or_audit_leaves_the_previous_site(
    exit_codes: tuple[int, ...], message: str, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert publish.publish_site(fake_build(*exit_codes, page="kaputt"), site, []) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
    assert capsys.readouterr().err == message


def test_an_interrupted_build_leaves_the_previous_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(arguments: Sequence[str | Path]) -> int:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish.publish_site(interrupted, site, [])
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
    assert capsys.readouterr().err == "build.py: Build abgebrochen: site/ bleibt, wie es war\n"


def test_mkdocs_gets_the_staging_folder_and_the_extra_options(site: Path) -> None:
    calls: list[list[str]] = []

    def run(arguments: Sequence[str | Path]) -> int:
        calls.append([str(part) for part in arguments])
        return 0

    publish.publish_site(run, site, ["--verbose"])
    [mkdocs, policy, audit] = calls
    staging = mkdocs[mkdocs.index("--site-dir") + 1]
    assert Path(staging).parent == site.parent and Path(staging).name.startswith(".site-tmp-")
    assert mkdocs == ["-m", "mkdocs", "build", "--strict", "--site-dir", staging, "--verbose"]
    assert policy == ["-m", "guideline.cli", "csp", "--site-dir", staging, "--display-path", "site"]
    assert audit == ["-m", "guideline.cli", "audit", "--site-dir", staging, "--display-path", "site"]


def test_a_quiet_terminal_keeps_the_policy_step_and_the_audit_quiet_unless_they_find_something(site: Path) -> None:
    calls: list[list[str]] = []

    def run(arguments: Sequence[str | Path]) -> int:
        calls.append([str(part) for part in arguments])
        return 0

    publish.publish_site(run, site, [], Terminal(verbose=False))
    publish.publish_site(run, site, [], Terminal(verbose=True))
    assert ["--quiet" in call for call in calls] == [False, True, True, False, False, False]


def test_a_new_target_and_its_parents_are_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert publish.publish_site(fake_build(0, 0, 0), tmp_path / "ausgabe" / "public", []) == 0
    assert (tmp_path / "ausgabe" / "public" / "index.html").is_file()


def test_a_failed_swap_puts_the_previous_site_back(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staging = site.parent / ".site-tmp-1"
    staging.mkdir()
    real_replace = os.replace

    def refuse_the_second_rename(source: Path, destination: Path) -> None:
        if source == staging:
            raise OSError("kein Platz")
        real_replace(source, destination)

    monkeypatch.setattr(publish.os, "replace", refuse_the_second_rename)
    with pytest.raises(OSError):
        publish.swap_site(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert not (site.parent / ".site-old-1").exists()


def test_paths_are_shown_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert publish.shown_path(tmp_path / "public") == "public"
    assert publish.shown_path(Path("/")) == "/"


def test_sigterm_becomes_an_exit_with_code_143_only_inside() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as exit_, publish.sigterm_as_exit():
        os.kill(os.getpid(), signal.SIGTERM)
    assert exit_.value.code == 143
    assert signal.getsignal(signal.SIGTERM) is before


def test_the_build_environment_dates_the_build_and_quiets_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    assert publish.build_environment(tmp_path) == {"SOURCE_DATE_EPOCH": "1234567890", "NO_MKDOCS_2_WARNING": "1"}
