"""Statements with a required wording: the model's helpers, the channels they go to, and their page contexts.

The checks' exact messages are in tests/cases/check/statement-*; the rendered page is a golden page
(tests/golden/pages/pflichttexte.md); the built HTML is asserted in test_site_e2e.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest
from guideline.check.statements import placed_statements
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.model.statements import Deadline, Statement, placeholders_in
from guideline.parse.corpus import Guideline
from guideline.plan.links import Link
from guideline.plan.page import context_of
from guideline.plan.pages import plan_pages
from guideline.plan.scenarios import StatementNotice
from guideline.site import check_site, load_guideline
from support import GOLDEN_DATA, REPO_ROOT

MINIMAL = REPO_ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def guideline() -> Guideline:
    loaded, report = load_guideline(GOLDEN_DATA, REPO_ROOT)
    assert loaded is not None and not report.diagnostics, format_report(report)
    return loaded


def _statement(**changes: object) -> Statement:
    fields: dict[str, object] = {
        "id": "warnung", "title": "Warnung", "text": "Nicht benutzen.", "verbatim": "true", "source": "Behörde",
        "source_date": "2026-05-04", "channels": ["instagram"], "published_by": "lead",
        "changes_approved_by": "lead", "deadline": {"within": "30 min", "after": "der Anordnung"},
    }
    return Statement.model_validate({**fields, **changes})


# --- the model --------------------------------------------------------------------------------------


def test_placeholders_are_found_by_name_each_once_in_order() -> None:
    assert placeholders_in("Ab [Datum] in [Gebiet], ab [Datum] [ ] []") == ("Datum", "Gebiet", " ")


@pytest.mark.parametrize("written", ["Datum", "[Datum]", " Datum "])
def test_a_placeholder_is_its_name_with_or_without_brackets(written: str) -> None:
    assert _statement(verbatim="false", placeholders=[written]).placeholders == ("Datum",)


@pytest.mark.parametrize(("within", "phrase"), [
    ("30 min", "spätestens 30 Minuten nach der Anordnung des Gesundheitsamts"),
    ("sofort", "sofort nach der Anordnung des Gesundheitsamts"),
])
def test_the_deadline_reads_as_a_phrase(within: str, phrase: str) -> None:
    deadline = Deadline.model_validate({"within": within, "after": "der Anordnung des Gesundheitsamts"})
    assert deadline.phrase == phrase


def test_all_channels_means_every_channel_of_the_guideline() -> None:
    assert _statement(all_channels="true", channels=[]).channels_among(("a", "b")) == ("a", "b")
    assert _statement().channels_among(("a", "b")) == ("instagram",)


# --- the channels each statement goes to: what a per-channel check (e.g. a length limit) reads ------


def test_placed_statements_resolve_all_channels(guideline: Guideline) -> None:
    placed = {p.statement.id: (p.statement.text, p.channels) for p in placed_statements(guideline)}
    assert placed == {
        "hinweis": ("Die Lieferung verzögert sich bis [Datum] im Gebiet [Gebiet].", ("instagram",)),
        # all_channels: every channel of the golden guideline, in file order
        "warnung": (placed["warnung"][0], ("instagram", "blog", "newsletter")),
    }
    assert placed["warnung"][0].startswith("Achtung: Die Behörde warnt vor <b>Geräten</b>")


# --- page contexts ------------------------------------------------------------------------------------


def test_the_statements_page_resolves_roles_channels_and_scenarios(guideline: Guideline) -> None:
    page = {p.src_uri: p for p in plan_pages(guideline, all_codes())}["pflichttexte.md"]
    assert page.edit_path == PurePosixPath("tests/golden/guideline_data/statements/hinweis.yml")  # first by id
    hinweis, warnung = page.context.statements  # sorted by title
    assert (hinweis.id, hinweis.verbatim, hinweis.placeholders) == ("hinweis", False, ("[Datum]", "[Gebiet]"))
    assert hinweis.deadline == "spätestens 4 Stunden nach der Meldung des Lagers"
    assert hinweis.channels == (Link("Instagram", "kanaele.md#instagram"),)
    assert hinweis.scenarios == (Link("Was tun, wenn sich jemand öffentlich beschwert?", "szenarien/beschwerde.md"),)
    assert (warnung.id, warnung.verbatim, warnung.placeholders, warnung.all_channels) == ("warnung", True, (), True)
    assert warnung.channels == (Link("Instagram", "kanaele.md#instagram"), Link("Blog", "kanaele.md#blog"),
                                Link("Newsletter", "kanaele.md#newsletter"))
    assert warnung.published_by == Link("Social-Media-Lead", "rollen/social-media-lead.md")
    assert (warnung.source, warnung.source_date) == ("Behörde Musterstadt, Anordnung", "20. Februar 2026")


def test_a_scenario_names_its_statements_compactly(guideline: Guideline) -> None:
    pages = {p.src_uri: p for p in plan_pages(guideline, all_codes())}
    assert context_of(pages["szenarien/krise.md"]).statements == (StatementNotice(
        Link("Warnung der Behörde", "pflichttexte.md#warnung"), True,
        "spätestens 30 Minuten nach der Anordnung der Behörde", "auf allen Kanälen"),)
    assert context_of(pages["szenarien/beschwerde.md"]).statements[0].channels == "auf Instagram"
    assert pages["szenarien/index.md"].context.statements == Link("Pflichttexte", "pflichttexte.md")
    assert Link("Pflichttexte", "pflichttexte.md") in pages["index.md"].context.sections


def test_without_statements_there_is_no_page_and_no_link(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "guideline_data")
    loaded, report = load_guideline(tmp_path / "guideline_data", tmp_path)
    assert loaded is not None, format_report(report)
    pages = {p.src_uri: p for p in plan_pages(loaded, all_codes())}
    assert "pflichttexte.md" not in pages
    assert pages["szenarien/index.md"].context.statements is None
    assert all(link.target != "pflichttexte.md" for link in pages["index.md"].context.sections)
    assert context_of(pages["szenarien/kritik.md"]).statements == ()


# --- checks beyond the case folders -----------------------------------------------------------------

STATEMENT_YAML = """\
id: warnung
title: Warnung
text: Bitte benutzen Sie die Geräte nicht.
verbatim: true
source: Behörde Musterstadt
source_date: 2026-05-04
all_channels: true
deadline:
  within: {within}
  after: der Anordnung
published_by: social-media-lead
changes_approved_by: social-media-lead
"""


@pytest.mark.parametrize("within", ["1440 min", "24 h", "1 Tag"])
def test_a_deadline_as_long_as_the_maximum_written_in_other_units_passes(tmp_path: Path, within: str) -> None:
    data = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data)
    (data / "statements").mkdir()
    (data / "statements" / "warnung.yml").write_text(STATEMENT_YAML.format(within=within), encoding="utf-8")
    scenario = data / "scenarios" / "kritik.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("steps:", "statements: [warnung]\nsteps:"),
                        encoding="utf-8")
    assert format_report(check_site(data, tmp_path)) == "0 Fehler, 0 Warnungen"
