"""Owners and review dates (review.yml): the line under every page, the report page, and the build's date.

The checks' exact messages are in tests/cases/check/review-*; here the rendered Markdown is asserted.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from guideline import history, site
from guideline.site import SiteBuild

TESTS = Path(__file__).parent
MINIMAL = TESTS / "fixtures" / "minimal"
REPO_ROOT = TESTS.parent
OVERDUE = TESTS / "cases" / "check" / "review-overdue" / "review.yml"
BUILD_EPOCH = "1796126400"  # 2026-12-01 12:00 UTC


def _build(tmp_path: Path, *, with_review: bool = True) -> dict[str, str]:
    data_dir = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data_dir)
    if with_review:
        shutil.copyfile(OVERDUE, data_dir / "review.yml")
    build: SiteBuild = site.build_site(data_dir, tmp_path)
    assert not build.report.errors
    return {page.src_uri: page.markdown for page in build.pages}


def test_every_page_from_a_data_file_ends_with_owner_and_review_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    pages = _build(tmp_path)
    assert pages["kanaele.md"].endswith(
        "\n---\n\n*Verantwortlich: [Community\\-Manager:in](rollen/community-manager.md) · Zuletzt geprüft: "
        "2\\. November 2026 · [Prüfstand](mitmachen/pruefstand.md)*\n{ .page-stamp }\n"
    )
    assert "Prüfung überfällig" not in pages["kanaele.md"]


def test_an_overdue_page_says_so_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    pages = _build(tmp_path)
    assert pages["tonalitaet.md"].endswith(
        "Zuletzt geprüft: 12\\. März 2026 · [Prüfstand](mitmachen/pruefstand.md)*\n{ .page-stamp }\n\n"
        "**Prüfung überfällig:** die nächste Prüfung war am 8\\. September 2026 fällig.\n{ .page-stamp }\n"
    )
    # a folder entry covers each file in it
    assert "Zuletzt geprüft: 3\\. Juni 2026" in pages["schulungen/grundlagen.md"]
    assert "Prüfung überfällig" in pages["schulungen/grundlagen.md"]


def test_the_report_lists_overdue_entries_first_with_the_date_compared_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    report = _build(tmp_path)["mitmachen/pruefstand.md"]
    assert "Verglichen mit dem 1\\. Dezember 2026 \\(Datum des Builds aus SOURCE\\_DATE\\_EPOCH\\)." in report
    assert "**2 Prüfungen sind überfällig.**" in report
    rows = [line for line in report.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[1:3] == [
        "| tone\\.yml | [Social\\-Media\\-Lead](../rollen/social-media-lead.md) | 12\\. März 2026 | 8\\. September 2026 "
        "| überfällig |",
        "| training/ | [Social\\-Media\\-Lead](../rollen/social-media-lead.md) | 3\\. Juni 2026 | 30\\. November 2026 "
        "| überfällig |",
    ]
    assert rows[3].startswith("| channels\\.yml |") and rows[3].endswith("| aktuell |")


def test_without_review_yml_pages_carry_no_stamp_and_there_is_no_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    pages = _build(tmp_path, with_review=False)
    assert "mitmachen/pruefstand.md" not in pages
    assert not any("Zuletzt geprüft:" in markdown for markdown in pages.values())


def test_outside_git_without_source_date_epoch_nothing_is_called_overdue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert history.build_date(tmp_path) is None  # never the clock
    pages = _build(tmp_path)
    assert "Prüfung überfällig" not in pages["tonalitaet.md"]
    assert "Verglichen mit" not in pages["mitmachen/pruefstand.md"]


WARNING_DAYS = 45
"""How long before a shipped review date falls due a normal commit fails: a month and a half to move it, instead
of G400 turning `check --strict` red on an unrelated commit once the date has passed."""


@pytest.mark.parametrize("data", ["example_data", "tests/fixtures/utility"])
def test_the_shipped_review_dates_are_not_due_soon(data: str) -> None:
    """Fail early, with the fix, when a shipped review comes due within WARNING_DAYS of the build's date."""
    from guideline.model.layout import DataKind
    from guideline.model.review import review_due

    today = history.build_date(REPO_ROOT)  # the date the check compares with, never the clock
    if today is None:
        pytest.skip("outside git and without SOURCE_DATE_EPOCH nothing is ever overdue")
    guideline, report = site.load_guideline(REPO_ROOT / data, REPO_ROOT)
    assert guideline is not None, report
    parsed = guideline.one_of(DataKind.REVIEW)
    if parsed is None:
        pytest.skip(f"{data} has no review.yml")
    interval = guideline.organisation.model.review_interval.minutes
    soon = [
        f"{data}/review.yml: {review.file} is due on {due.isoformat()}; review the example and move its date"
        for review in parsed.model.reviews
        if (due := review_due(review, interval)) < today.day + datetime.timedelta(days=WARNING_DAYS)
    ]
    assert not soon, f"compared with {today.day.isoformat()} ({today.origin}):\n" + "\n".join(soon)
