"""'Was ist neu?' and each page's last change, from the data folder's git history (never the clock)."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from guideline import history, site

TESTS = Path(__file__).parent
MINIMAL = TESTS / "fixtures" / "minimal"


def _git(repo: Path, *args: str, when: str = "2026-03-12T10:00:00+00:00") -> None:
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Test",
                   "GIT_AUTHOR_EMAIL": "test@beispiel.example", "GIT_COMMITTER_NAME": "Test",
                   "GIT_COMMITTER_EMAIL": "test@beispiel.example"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=environment)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose guideline was added on 12 March 2026 and whose channels changed on 2 April 2026."""
    shutil.copytree(MINIMAL, tmp_path / "guideline_data")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Add the guideline")
    channels = tmp_path / "guideline_data" / "channels.yml"
    channels.write_text(channels.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("nicht im Datenordner\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    message = "Add weekend service hours to the channels\n\nLeitfaden: Servicezeiten am <b>Wochenende</b> ergänzt.\n"
    _git(tmp_path, "commit", "-q", "-m", message, when="2026-04-02T09:00:00+00:00")
    return tmp_path


def test_the_history_lists_the_data_files_each_commit_changed(repo: Path) -> None:
    found = history.data_history(repo / "guideline_data", repo)
    assert [(change.day, change.note) for change in found.changes] == [
        (datetime.date(2026, 4, 2), "Servicezeiten am <b>Wochenende</b> ergänzt."),
        (datetime.date(2026, 3, 12), None),  # no `Leitfaden:` trailer: nothing to tell readers
    ]
    assert found.changes[0].files == ("channels.yml",)
    assert found.last_change_of("channels.yml") == datetime.date(2026, 4, 2)
    assert found.last_change_of("tone.yml") == datetime.date(2026, 3, 12)


def test_news_page_and_last_change_come_from_git(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pages = {page.src_uri: page.markdown for page in site.build_site(repo / "guideline_data", repo).pages}
    news = pages["aenderungen.md"]
    assert "- **2\\. April 2026:** [Kanäle](kanaele.md)\n    <br>Servicezeiten am &lt;b&gt;Wochenende&lt;/b&gt; ergänzt\\.\n" in news
    first = next(line for line in news.splitlines() if line.startswith("- **12\\. März 2026:** "))
    assert first.startswith("- **12\\. März 2026:** [") and first.endswith(")")  # only the pages, linked
    assert "Add " not in news  # the English subjects never reach the page
    assert pages["kanaele.md"].endswith("\n---\n\n*Zuletzt geändert: 2\\. April 2026 · [Was ist neu?](aenderungen.md)*\n{ .page-stamp }\n")
    assert pages["tonalitaet.md"].endswith("*Zuletzt geändert: 12\\. März 2026 · [Was ist neu?](aenderungen.md)*\n{ .page-stamp }\n")


def test_outside_git_there_is_no_news_page_and_no_change_date(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "guideline_data")
    assert history.data_history(tmp_path / "guideline_data", tmp_path).changes == ()
    pages = {page.src_uri: page.markdown for page in site.build_site(tmp_path / "guideline_data", tmp_path).pages}
    assert "aenderungen.md" not in pages
    assert not any("Zuletzt geändert" in markdown for markdown in pages.values())


def test_only_the_trailers_of_a_message_tell_readers_what_changed(repo: Path) -> None:
    tone = repo / "guideline_data" / "tone.yml"
    tone.write_text(tone.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(repo, "add", "-A")
    message = ("Leitfaden: not a trailer in the subject\n\nLeitfaden: also not one, the body goes on\n\n"
               "Reword two tone rules\n\nLeitfaden: Zwei Regeln zur Tonalität\n  klarer formuliert.\nLeitfaden: Beispiele ergänzt.\n")
    _git(repo, "commit", "-q", "-m", message, when="2026-05-04T09:00:00+00:00")
    newest = history.data_history(repo / "guideline_data", repo).changes[0]
    assert (newest.day, newest.note, newest.files) == (
        datetime.date(2026, 5, 4), "Zwei Regeln zur Tonalität klarer formuliert. Beispiele ergänzt.", ("tone.yml",)
    )
