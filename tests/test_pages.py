"""Stage 4: planning pages from a small guideline — URLs, edit paths, and contexts with resolved links."""

from __future__ import annotations

import dataclasses
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.model.ids import IdKind, defined_items
from guideline.model.layout import DataKind
from guideline.model.training import TrainingModule
from guideline.parse.corpus import Guideline
from guideline.plan import links as urls
from guideline.plan.curriculum import curriculum_order, with_prerequisites
from guideline.plan.links import Link, reading_key
from guideline.plan.page import context_of
from guideline.plan.pages import PlannedPage, plan_pages
from guideline.plan.summary import BadgedScenario, LevelBadge
from guideline.render.markdown import render_pages
from guideline.site import load_guideline
from hypothesis import given, settings
from hypothesis import strategies as st

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DATA = REPO_ROOT / "tests" / "golden" / "guideline_data"
DATA = PurePosixPath("tests/golden/guideline_data")


@pytest.fixture(scope="module")
def guideline() -> Guideline:
    """Load the small golden guideline through the real pipeline; it must be free of diagnostics."""
    loaded, report = load_guideline(GOLDEN_DATA, REPO_ROOT)
    assert loaded is not None and not report.diagnostics, format_report(report)
    return loaded


@pytest.fixture(scope="module")
def pages(guideline: Guideline) -> dict[str, PlannedPage]:
    return {page.src_uri: page for page in plan_pages(guideline, all_codes())}


def test_every_page_is_planned_once_sorted_by_url(guideline: Guideline) -> None:
    planned = [page.src_uri for page in plan_pages(guideline, all_codes())]
    assert planned == [
        "antwort-pruefen/index.md",
        "erreichbarkeit.md",
        "externe-stellen.md",
        "index.md",
        "kanaele.md",
        "krise.md",
        "krisenkarte.md",
        "mitarbeitende.md",
        "mitmachen/fehlercodes.md",
        "neu/community-manager.md",
        "neu/index.md",
        "pflichttexte.md",
        "prozess/index.md",
        "prozess/strategie.md",
        "recht.md",
        "rollen/azubi.md",
        "rollen/community-manager.md",
        "rollen/index.md",
        "rollen/social-media-lead.md",
        "schulungen/grundlagen.md",
        "schulungen/index.md",
        "schulungen/kundendialog.md",
        "szenarien/beschwerde.md",
        "szenarien/eskalation.md",
        "szenarien/index.md",
        "szenarien/krise.md",
        "tonalitaet.md",
    ]


def test_edit_paths_point_at_the_data_file_each_page_comes_from(pages: dict[str, PlannedPage]) -> None:
    edit = {uri: str(page.edit_path) for uri, page in pages.items()}
    assert edit["index.md"] == f"{DATA}/organisation.yml"
    assert edit["tonalitaet.md"] == f"{DATA}/tone.yml"
    assert edit["rollen/index.md"] == f"{DATA}/matrix.yml"
    assert edit["rollen/azubi.md"] == f"{DATA}/roles.yml"
    assert edit["kanaele.md"] == f"{DATA}/channels.yml"
    assert edit["szenarien/index.md"] == f"{DATA}/escalation.yml"
    assert edit["szenarien/eskalation.md"] == f"{DATA}/escalation.yml"
    assert edit["szenarien/beschwerde.md"] == f"{DATA}/scenarios/beschwerde.yml"
    assert edit["schulungen/index.md"] == f"{DATA}/training/grundlagen.yml"  # first module of the curriculum
    assert edit["schulungen/kundendialog.md"] == f"{DATA}/training/kundendialog.yml"
    assert edit["prozess/index.md"] == f"{DATA}/process.yml"
    assert edit["prozess/strategie.md"] == f"{DATA}/strategy.yml"
    assert edit["mitarbeitende.md"] == f"{DATA}/employees.yml"
    assert edit["mitmachen/fehlercodes.md"] == "None"  # generated from code: no edit button leads to Python


def test_titles_come_from_the_data(pages: dict[str, PlannedPage]) -> None:
    assert pages["index.md"].title == "Start"
    assert pages["index.md"].context.guideline_title == "Social-Media-Leitfaden"
    assert pages["szenarien/beschwerde.md"].title == "Ein Kunde beschwert sich öffentlich"
    assert pages["rollen/community-manager.md"].title == "Community-Manager:in"
    assert pages["schulungen/kundendialog.md"].title == "Kundendialog"


def test_start_page_links_every_scenario_by_its_question_the_most_severe_first(pages: dict[str, PlannedPage]) -> None:
    start = pages["index.md"].context
    assert start.quick_links == (
        BadgedScenario(Link("Was tun, wenn ein Shitstorm losbricht?", "szenarien/krise.md"),
                       LevelBadge("Stufe 2 von 2: Krise", 4)),
        BadgedScenario(Link("Was tun, wenn sich jemand öffentlich beschwert?", "szenarien/beschwerde.md"),
                       LevelBadge("Stufe 1 von 2: Alltag", 1)),
    )
    assert [(g.rule, g.summary) for g in start.tone_rules] == [
        (Link("Freundlich", "tonalitaet.md#freundlich"), "Wir sind freundlich, auch wenn es hoch hergeht."),
        (Link("Klar", "tonalitaet.md#klar"), "Kurze Sätze, keine Fachbegriffe."),
    ]
    assert start.contact.email == Link("social@beispiel.de", "mailto:social@beispiel.de")
    assert start.contact.phone is None
    assert start.max_first_response == "spätestens 24 Stunden nach Eingang"
    assert start.contributing == Link("Mitmachen", "mitmachen/index.md")


def test_scenario_context_resolves_roles_levels_rules_and_modules(pages: dict[str, PlannedPage]) -> None:
    scenario = context_of(pages["szenarien/beschwerde.md"])
    assert scenario.level == Link("Alltag", "szenarien/eskalation.md#stufe-1")
    assert scenario.owner == Link("Community-Manager:in", "rollen/community-manager.md")
    assert scenario.first_response == "spätestens 4 Stunden nach Eingang"
    assert scenario.channels == (Link("Instagram", "kanaele.md#instagram"),)
    assert [(s.number, s.role.target, s.deadline) for s in scenario.steps] == [
        (1, "rollen/community-manager.md", "1 Stunde"),
        (2, "rollen/community-manager.md", "4 Stunden"),
        (3, "rollen/azubi.md", None),
    ]
    escalation, to_party = scenario.escalations
    assert (escalation.when, escalation.to.target, escalation.level) == (
        "Mehr als 20 Beschwerden in einer Stunde",
        "rollen/social-media-lead.md",
        Link("Krise", "szenarien/eskalation.md#stufe-2"),
    )
    assert to_party.to == Link("Polizei Musterstadt", "externe-stellen.md#polizei")  # a party: its entry, no role page
    assert scenario.tone_rules == (Link("Freundlich", "tonalitaet.md#freundlich"),)
    assert scenario.training == (Link("Kundendialog", "schulungen/kundendialog.md"),)
    assert scenario.index == Link("Alle Szenarien", "szenarien/index.md")


def test_immediate_deadlines_read_sofort(pages: dict[str, PlannedPage]) -> None:
    (step,) = context_of(pages["szenarien/krise.md"]).steps
    assert step.deadline == "sofort"


def test_scenario_index_groups_by_starting_level_the_most_severe_first(pages: dict[str, PlannedPage]) -> None:
    groups = pages["szenarien/index.md"].context.groups
    assert [(g.id, [row.scenario.target for row in g.rows]) for g in groups] == [
        ("stufe-2", ["szenarien/krise.md"]),
        ("stufe-1", ["szenarien/beschwerde.md"]),
    ]
    assert [g.badge for g in groups] == [LevelBadge("Stufe 2 von 2: Krise", 4), LevelBadge("Stufe 1 von 2: Alltag", 1)]
    assert groups[1].rows[0].first_response == "4 Stunden"


def test_escalation_levels_list_who_decides_and_which_scenarios_lead_there(pages: dict[str, PlannedPage]) -> None:
    first, crisis = pages["szenarien/eskalation.md"].context.levels
    assert (first.decides.target, first.informed, first.pause_scheduled_posts) == (
        "rollen/community-manager.md", (), False,
    )
    assert crisis.starts == (Link("Was tun, wenn ein Shitstorm losbricht?", "szenarien/krise.md"),)
    assert crisis.escalated_to == (Link("Was tun, wenn sich jemand öffentlich beschwert?", "szenarien/beschwerde.md"),)
    assert crisis.max_first_response == "spätestens 1 Stunde nach Eingang"


def test_contacts_page_says_around_the_clock_and_lists_a_broadcast_channel_without_a_reply(
        pages: dict[str, PlannedPage]) -> None:
    contacts = pages["erreichbarkeit.md"].context
    assert [(shift.title, shift.when) for shift in contacts.on_call] == [
        ("Rufbereitschaft", "Mo–Fr 18:00–08:00 (Folgetag); Sa, So, feiertags 08:00–08:00 (24 h)"),
        ("Krisentelefon", "rund um die Uhr"),
    ]
    assert [(c.channel.label, c.hours, c.first_response) for c in contacts.channels] == [
        ("Instagram", "Mo–Fr 09:00–17:00", "24 Stunden"),
        ("Blog", "rund um die Uhr", "24 Stunden"),
        ("Newsletter", "nur senden (keine Kommentare)", "–"),
    ]


def test_role_matrix_has_a_table_per_channel_and_an_overview(pages: dict[str, PlannedPage]) -> None:
    matrix = pages["rollen/index.md"].context
    instagram, blog, newsletter = matrix.channels
    assert instagram.anchor == "matrix-instagram"
    assert (instagram.broadcast, newsletter.broadcast) == (None, "nur senden (keine Kommentare)")
    assert [row.task for row in instagram.rows] == [  # task order, not file order
        Link("Monitoring", "rollen/index.md#aufgabe-monitoring"),
        Link("Antworten", "rollen/index.md#aufgabe-replying"),
    ]
    replying = instagram.rows[1]
    assert (replying.responsible.label, replying.approves, replying.informed) == (
        "Community-Manager:in",
        Link("Social-Media-Lead", "rollen/social-media-lead.md"),
        (Link("Azubi Social Media", "rollen/azubi.md"),),
    )
    assert [row.task.label for row in blog.rows] == ["Beiträge veröffentlichen"]
    assert matrix.overview.channels == (
        Link("Instagram", "rollen/index.md#matrix-instagram"),
        Link("Blog", "rollen/index.md#matrix-blog"),
        Link("Newsletter", "rollen/index.md#matrix-newsletter"),
    )
    assert [(row.role.label, row.cells) for row in matrix.overview.rows] == [
        ("Social-Media-Lead", ("A", "R", "A")),
        ("Community-Manager:in", ("R, C", "–", "R")),
        ("Azubi Social Media", ("R, I", "–", "–")),
    ]


def test_departments_separate_team_roles_from_the_others(pages: dict[str, PlannedPage]) -> None:
    communication, service = pages["rollen/index.md"].context.departments
    assert communication.anchor == "abteilung-kommunikation"
    assert communication.team_roles == (Link("Social-Media-Lead", "rollen/social-media-lead.md"),)
    assert communication.other_roles == (Link("Azubi Social Media", "rollen/azubi.md"),)
    assert (service.public_facing, service.team_roles[0].target) == (True, "rollen/community-manager.md")


def _golden_with(tmp_path: Path, overrides: dict[str, str]) -> dict[str, PlannedPage]:
    """Plan the golden guideline with some files replaced; it must stay free of diagnostics."""
    data = tmp_path / "guideline_data"
    shutil.copytree(GOLDEN_DATA, data)
    for relative, text in overrides.items():
        (data / relative).write_text(text, encoding="utf-8")
    loaded, report = load_guideline(data, tmp_path)
    assert loaded is not None and not report.diagnostics, format_report(report)
    return {page.src_uri: page for page in plan_pages(loaded, all_codes())}


def test_department_that_opts_out_of_the_team_shows_its_reason(tmp_path: Path) -> None:
    departments = (GOLDEN_DATA / "departments.yml").read_text(encoding="utf-8") + (
        "  - id: labor\n    name: Labor\n    description: Prüft das Trinkwasser.\n    public_facing: true\n"
        "    team_exemption: Liefert Messwerte zu; öffentlich antwortet die Kommunikation.\n")
    pages = _golden_with(tmp_path, {"departments.yml": departments})
    lab = pages["rollen/index.md"].context.departments[-1]
    assert (lab.public_facing, lab.team_exemption, lab.team_roles) == (
        True, "Liefert Messwerte zu; öffentlich antwortet die Kommunikation.", ())
    (rendered,) = render_pages((pages["rollen/index.md"],))
    section = rendered.markdown.split("{#abteilung-labor}", 1)[1].split("##", 1)[0]
    assert section.strip().splitlines()[-1] == (
        "- Im Social-Media-Team: niemand. Grund: Liefert Messwerte zu; öffentlich antwortet die Kommunikation\\.")


def test_own_tasks_set_the_order_labels_and_anchors_of_the_matrix(tmp_path: Path) -> None:
    matrix = (GOLDEN_DATA / "matrix.yml").read_text(encoding="utf-8")
    tasks = (
        "tasks:\n"
        "  - id: replying\n    label: Anfragen beantworten\n    description: Öffentlich antworten.\n"
        "    answers_people: true\n"
        "  - id: monitoring\n    label: Sichten\n    description: Kanäle sichten.\n"
        "  - id: posting\n    label: Veröffentlichen\n    description: Beiträge und Warnungen veröffentlichen.\n"
    )
    context = _golden_with(tmp_path, {"matrix.yml": tasks + matrix})["rollen/index.md"].context
    assert [row.task for row in context.channels[0].rows] == [
        Link("Anfragen beantworten", "rollen/index.md#aufgabe-replying"),
        Link("Sichten", "rollen/index.md#aufgabe-monitoring"),
    ]
    assert [(task.anchor, task.label) for task in context.tasks] == [
        ("aufgabe-replying", "Anfragen beantworten"), ("aufgabe-monitoring", "Sichten"),
        ("aufgabe-posting", "Veröffentlichen"),
    ]


def test_strategy_without_practice_leaves_out_its_section(tmp_path: Path) -> None:
    strategy = (GOLDEN_DATA / "strategy.yml").read_text(encoding="utf-8")
    pages = _golden_with(tmp_path, {"strategy.yml": strategy.replace("practice: Geübte Abläufe sparen Zeit.\n", "")})
    (rendered,) = render_pages((pages["prozess/strategie.md"],))
    assert pages["prozess/strategie.md"].context.practice is None
    assert "{#praxis}" not in rendered.markdown
    assert rendered.markdown.endswith("Instagram verweist auf den Blog\\.\n")


def test_role_page_gathers_everything_the_role_does(pages: dict[str, PlannedPage]) -> None:
    role = pages["rollen/community-manager.md"].context
    assert role.department == Link("Kundenservice", "rollen/index.md#abteilung-kundenservice")
    assert [(d.channel.label, d.duty) for d in role.channel_duties] == [
        ("Instagram", "Vertretung, Admin"),
        ("Blog", "Vertretung, Admin"),
        ("Newsletter", "Vertretung, Admin"),
    ]
    assert [(a.channel.label, a.task.label, a.letters, a.broadcast) for a in role.assignments] == [
        ("Instagram", "Monitoring", "C", None),
        ("Instagram", "Antworten", "R", None),
        ("Newsletter", "Beiträge veröffentlichen", "R", "nur senden (keine Kommentare)"),
    ]
    assert [link.target for link in role.owned_scenarios] == ["szenarien/beschwerde.md"]
    assert [(p.scenario.target, p.steps) for p in role.scenario_steps] == [("szenarien/beschwerde.md", "1, 2")]
    assert role.decides_levels == (Link("Alltag", "szenarien/eskalation.md#stufe-1"),)
    # kundendialog is required and needs grundlagen first: both, in curriculum order
    assert [(n.module.target, n.duration, n.required) for n in role.training] == [
        ("schulungen/grundlagen.md", "2 Stunden", False),
        ("schulungen/kundendialog.md", "1 Tag", True),
    ]
    assert role.audience_of == ()  # both modules it is audience of are already listed as training


def test_trainee_role_page(pages: dict[str, PlannedPage]) -> None:
    role = pages["rollen/azubi.md"].context
    assert (role.trainee_allowed, role.in_employment_contract, role.owned_scenarios) == (True, False, ())
    assert role.audience_of == (Link("Grundlagen Social Media", "schulungen/grundlagen.md"),)
    assert role.phases == (Link("Monitoring", "prozess/index.md#monitoring"),)
    assert [(a.task.label, a.letters) for a in role.assignments] == [("Monitoring", "R"), ("Antworten", "I")]


def test_channel_context_has_legal_box_matrix_rows_and_strategy(pages: dict[str, PlannedPage]) -> None:
    instagram, blog, newsletter = pages["kanaele.md"].context.channels
    assert instagram.url == Link("https://www.instagram.com/beispiel", "https://www.instagram.com/beispiel")
    assert instagram.url.is_external and not instagram.owner.is_external
    assert instagram.links_to[0].channel == Link("Blog", "kanaele.md#blog")
    assert instagram.legal.admins[0] == Link("Social-Media-Lead", "rollen/social-media-lead.md")
    assert instagram.legal.joint_controller == "Meta und wir sind gemeinsam verantwortlich."
    assert instagram.platform_content == ("Fotos aus dem Alltag", "Fan-Fotos")
    assert [row.task.label for row in instagram.matrix_rows] == ["Monitoring", "Antworten"]
    assert instagram.matrix == Link("Instagram", "rollen/index.md#matrix-instagram")
    assert (blog.url, blog.legal.joint_controller, blog.scenarios) == (None, None, ())
    assert (instagram.broadcast, instagram.max_length) == (None, 2200)
    assert (newsletter.broadcast, newsletter.max_length) == ("nur senden (keine Kommentare)", None)


def test_curriculum_and_training_pages(pages: dict[str, PlannedPage]) -> None:
    rows = pages["schulungen/index.md"].context.rows
    assert [(r.number, r.module.target, r.duration, r.format) for r in rows] == [
        (1, "schulungen/grundlagen.md", "2 Stunden", "Selbststudium"),
        (2, "schulungen/kundendialog.md", "1 Tag", "Workshop"),
    ]
    module = pages["schulungen/kundendialog.md"].context
    assert module.number == 2
    assert module.prerequisites == (Link("Grundlagen Social Media", "schulungen/grundlagen.md"),)
    assert module.required_by == (Link("Community-Manager:in", "rollen/community-manager.md"),)
    assert module.scenarios == (Link("Ein Kunde beschwert sich öffentlich", "szenarien/beschwerde.md"),)
    assert [(o.title, o.duration, o.content) for o in module.outline] == [
        ("Beispiele besprechen", "3 Stunden", "Wir sehen uns echte Kommentare an.")
    ]
    followed_by = pages["schulungen/grundlagen.md"].context.followed_by
    assert followed_by == (Link("Kundendialog", "schulungen/kundendialog.md"),)


def test_process_and_strategy(pages: dict[str, PlannedPage]) -> None:
    process = pages["prozess/index.md"].context
    assert [(p.number, p.id) for p in process.phases] == [(1, "monitoring"), (2, "erfolgsmessung")]
    (kpi,) = process.kpis
    assert (kpi.kpi.name, kpi.phase) == ("Antwortzeit", Link("Erfolgsmessung", "prozess/index.md#erfolgsmessung"))
    strategy = pages["prozess/strategie.md"].context
    assert [(g.origin, [s.source for s in g.sources]) for g in strategy.source_groups] == [
        ("Eigene Inhalte", ["Kundenservice"]),
        ("Inhalte Dritter", ["Fans"]),
    ]
    assert strategy.source_groups[0].sources[0].department == Link(
        "Kundenservice", "rollen/index.md#abteilung-kundenservice"
    )


def test_employees_chapter_lists_topics_with_resolved_contacts(pages: dict[str, PlannedPage]) -> None:
    chapter = pages["mitarbeitende.md"]
    assert chapter.title == "Social Media für alle"
    context = chapter.context
    assert [(g.topic, g.summary) for g in context.overview] == [
        (Link("Kritik entdeckt", "mitarbeitende.md#kritik-melden"), "Nicht selbst antworten, sondern melden."),
        (Link("Privat posten", "mitarbeitende.md#privat-posten"), "Deine Meinung, nicht die der Firma."),
    ]
    report, private = context.topics
    assert (report.id, report.do, report.dont) == ("kritik-melden", ("Link kopieren & Screenshot machen.",),
                                                   ("Selbst antworten.", "*Liken*."))
    assert report.contact is not None
    assert (report.contact.role, report.contact.email, report.contact.form, report.contact.include) == (
        Link("Community-Manager:in", "rollen/community-manager.md"),
        Link("meldung@beispiel.de", "mailto:meldung@beispiel.de"),
        Link("intranet.beispiel.intern/meldung", "https://intranet.beispiel.intern/meldung"),
        ("Link zum Beitrag", "Screenshot mit Uhrzeit"),
    )
    assert private.contact is None


def test_start_page_leads_to_the_employees_chapter(pages: dict[str, PlannedPage]) -> None:
    start = pages["index.md"].context
    assert start.employees == Link("Social Media für alle", "mitarbeitende.md")
    assert start.sections[0] == start.employees


def test_error_code_page_lists_every_code(pages: dict[str, PlannedPage]) -> None:
    from guideline.codes import all_codes

    assert pages["mitmachen/fehlercodes.md"].context.codes == all_codes()


# --- every link of every context resolves to a planned page and an anchor on it -------------------


def _links_in(value: Any) -> Iterator[Link]:
    if isinstance(value, Link):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _links_in(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _links_in(item)


def test_every_link_resolves_to_a_page_and_anchor(guideline: Guideline) -> None:
    planned = plan_pages(guideline, all_codes())
    markdown = {page.src_uri: page.markdown for page in render_pages(planned)}
    known = set(markdown) | {urls.CONTRIBUTING_PAGE}  # the contributing guide is hand-written in docs/
    checked = 0
    for page in planned:
        for link in _links_in(page.context):
            if link.is_external:
                continue
            target, _, anchor = link.target.partition("#")
            target = target.partition("?")[0]  # "Vorlage prüfen" opens the checker with ?vorlage=<id>
            assert target in known, f"{page.src_uri}: link to unknown page {link.target}"
            if anchor:
                assert "{#" + anchor + "}" in markdown[target], f"{page.src_uri}: no anchor {link.target}"
            checked += 1
    assert checked > 100


def test_every_id_is_an_anchor_exactly_once(guideline: Guideline) -> None:
    markdown = {page.src_uri: page.markdown for page in render_pages(plan_pages(guideline, all_codes()))}
    anchors_per_page = {uri: re.findall(r"\{#([a-z0-9-]+)\}", text) for uri, text in markdown.items()}
    for uri, anchors in anchors_per_page.items():
        assert len(anchors) == len(set(anchors)), f"{uri}: duplicate anchors {sorted(anchors)}"
    assert anchors_per_page["tonalitaet.md"] == ["freundlich", "klar"]
    assert anchors_per_page["kanaele.md"] == ["instagram", "blog", "newsletter"]
    assert anchors_per_page["szenarien/eskalation.md"] == ["stufe-1", "stufe-2"]
    assert anchors_per_page["prozess/index.md"] == ["monitoring", "erfolgsmessung"]
    assert anchors_per_page["mitarbeitende.md"] == ["kritik-melden", "privat-posten"]
    assert [a for a in anchors_per_page["krise.md"] if a.startswith("frage-")] == [
        "frage-betrifft-uns", "frage-berechtigt", "frage-fragt-jemand"]


def test_reserved_ids_are_the_fixed_pages_in_each_folder(guideline: Guideline, pages: dict[str, PlannedPage]) -> None:
    """The registry's reserved ids are exactly the fixed pages beside each kind's item pages."""
    for kind in IdKind:
        folder = kind.spec.page_folder
        if folder is None:
            continue
        items = {item.id for parsed in guideline.files() for k, item in defined_items(parsed.model) if k is kind}
        fixed = {uri.split("/", 1)[1].removesuffix(".md") for uri in pages if uri.startswith(f"{folder}/")} - items
        assert fixed == kind.spec.reserved, kind


def test_every_kind_shown_by_anchor_has_its_page_planned(pages: dict[str, PlannedPage]) -> None:
    for kind in IdKind:
        assert (kind.spec.page_folder is None) != (kind.spec.anchor_page is None), kind
        if kind.spec.anchor_page is not None:
            assert kind.spec.anchor_page in pages, kind


# --- curriculum order ------------------------------------------------------------------------------


def _module(module_id: str, title: str, *prerequisites: str) -> TrainingModule:
    return TrainingModule.model_validate(
        {
            "id": module_id, "title": title, "summary": "s", "audience": ["r"], "duration": "1 h",
            "format": "workshop", "objectives": ["o"], "prerequisites": list(prerequisites),
            "outline": [{"title": "t"}],
        }
    )


def test_curriculum_puts_prerequisites_first_and_breaks_ties_by_title() -> None:
    modules = (
        _module("c", "Zielgruppen", "a"),
        _module("a", "Übersicht"),  # Ü sorts with U, before Z
        _module("b", "Antworten"),
        _module("d", "Abschluss", "c", "b"),
    )
    assert [m.id for m in curriculum_order(modules)] == ["b", "a", "c", "d"]


def test_curriculum_survives_cycles_and_unknown_prerequisites() -> None:
    modules = (_module("a", "B-Modul", "b"), _module("b", "A-Modul", "a"), _module("c", "C-Modul", "fehlt"))
    assert [m.id for m in curriculum_order(modules)] == ["c", "b", "a"]


def test_with_prerequisites_is_transitive_and_ignores_unknown_ids() -> None:
    modules = (_module("a", "A"), _module("b", "B", "a"), _module("c", "C", "b"), _module("d", "D"))
    assert with_prerequisites(["c", "unbekannt"], modules) == {"a", "b", "c"}


def test_reading_key_sorts_umlauts_with_their_base_letter() -> None:
    words = ["Zebra", "Ärger", "apfel", "Ofen", "Öl"]
    assert sorted(words, key=reading_key) == ["apfel", "Ärger", "Ofen", "Öl", "Zebra"]


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from([*"aAäÄoOöÖuUüÜßẞéÉç Zz-1", "\u0308", "ﬁ", "İ", "Å", "Å"]), max_size=12))
def test_reading_key_is_the_decomposed_text_without_marks(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    assert reading_key(text) == ("".join(c for c in decomposed if not unicodedata.combining(c)), text)


def test_a_derived_view_is_made_once_per_guideline_and_anew_for_a_changed_one() -> None:
    guideline = load_guideline(GOLDEN_DATA, REPO_ROOT)[0]
    assert guideline is not None
    made: list[int] = []

    def count_scenarios(g: Guideline) -> int:
        made.append(1)
        return len(g.scenarios)

    assert guideline.derived(count_scenarios) == guideline.derived(count_scenarios) == 2
    assert urls.resolve_links(guideline) is urls.resolve_links(guideline)
    without = guideline.replaced(DataKind.SCENARIO, ())
    assert without.derived(count_scenarios) == 0
    assert len(made) == 2
