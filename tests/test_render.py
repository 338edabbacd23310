"""Stage 5: rendering Markdown — contributor text stays data, links resolve, golden pages stay stable.

Golden files: tests/golden/pages/<url> hold one rendered page of each kind, made from the small
guideline in tests/golden/guideline_data/. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 PYTHONPATH=hooks python -m pytest tests/test_render.py

and review the diff like any other change.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.model.layout import DataKind
from guideline.parse.corpus import Guideline
from guideline.plan.links import Link
from guideline.plan.page import Deferred, context_of
from guideline.plan.pages import PlannedPage, plan_pages
from guideline.render.markdown import front_matter, make_environment, relative_href, render_page, render_pages
from guideline.render.markup import Markdown
from guideline.site import load_guideline
from hypothesis import assume, given, settings
from hypothesis import strategies as st

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN = REPO_ROOT / "tests" / "golden"
GOLDEN_PAGES = GOLDEN / "pages"
GOLDEN_KINDS = (
    "index.md",
    "tonalitaet.md",
    "rollen/index.md",
    "rollen/community-manager.md",
    "kanaele.md",
    "szenarien/index.md",
    "krise.md",
    "krisenkarte.md",
    "szenarien/eskalation.md",
    "szenarien/beschwerde.md",
    "erreichbarkeit.md",
    "schulungen/index.md",
    "schulungen/kundendialog.md",
    "prozess/index.md",
    "prozess/strategie.md",
    "recht.md",
    "mitarbeitende.md",
    "pflichttexte.md",
    "externe-stellen.md",
    "neu/index.md",
    "neu/community-manager.md",
)
HOSTILE = (
    '{{ 7*7 }} {% if 1 %}x{% endif %} <script>alert("x")</script> <img src=x onerror=alert(1)> '
    "[k](javascript:alert(1))"
)


@pytest.fixture(scope="module")
def guideline() -> Guideline:
    loaded, report = load_guideline(GOLDEN / "guideline_data", REPO_ROOT)
    assert loaded is not None and not report.diagnostics, format_report(report)
    return loaded


def to_html(page_markdown: str) -> BeautifulSoup:
    """Convert rendered Markdown with exactly the extensions of mkdocs.yml, as MkDocs would."""
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    body = page_markdown.split("---\n", 2)[2]  # drop the front matter
    return BeautifulSoup(markdown.markdown(body, extensions=names, extension_configs=configs), "html.parser")


def assert_inert(soup: BeautifulSoup) -> None:
    """Assert that no contributor text became an element, an event handler or a javascript: URL."""
    for element in soup.find_all(True):
        assert element.name not in {"script", "img", "iframe", "style"}, str(element)
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), str(element)
            assert not str(value).strip().lower().startswith("javascript:"), str(element)


# --- relative links --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("rollen/azubi.md", "index.md", "rollen/azubi.md"),
        ("rollen/azubi.md", "szenarien/krise.md", "../rollen/azubi.md"),
        ("tonalitaet.md#klar", "szenarien/krise.md", "../tonalitaet.md#klar"),
        ("szenarien/eskalation.md#stufe-1", "szenarien/index.md", "eskalation.md#stufe-1"),
        ("#oben", "kanaele.md", "#oben"),
    ],
)
def test_relative_href(target: str, page: str, expected: str) -> None:
    assert relative_href(target, page) == expected


SEGMENT = st.sampled_from(["a", "b", "rollen", "szenarien", "x.md", "index.md"])


@settings(max_examples=300, deadline=None)
@given(target=st.lists(SEGMENT, min_size=1, max_size=4).map("/".join),
       page=st.lists(SEGMENT, min_size=1, max_size=4).map("/".join))
def test_relative_href_agrees_with_relpath(target: str, page: str) -> None:
    """relative_href computes relpath without the file system: both must give the same link."""
    assert relative_href(target, page) == posixpath.relpath(target, posixpath.dirname(page) or ".")


def render_string(source: str, page_uri: str = "szenarien/krise.md", **values: object) -> str:
    environment = make_environment()
    return environment.from_string(source).render(page_uri=page_uri, **values)


def test_links_render_relative_to_the_page_with_escaped_labels() -> None:
    link = Link("Rolle [*A*]", "rollen/a.md")
    assert render_string("{{ link }}", link=link) == r"[Rolle \[\*A\*\]](../rollen/a.md)"
    assert render_string("{{ link | link('Andere') }}", link=link) == "[Andere](../rollen/a.md)"


def test_external_links_keep_their_address_but_cannot_break_out_of_the_link() -> None:
    link = Link("Seite", "https://example.de/a)[x](javascript:alert(1)")
    assert render_string("{{ link }}", link=link) == "[Seite](https://example.de/a%29%5Bx%5D%28javascript:alert%281%29)"
    mail = Link("social@beispiel.de", "mailto:social@beispiel.de")
    assert render_string("{{ link }}", link=mail) == r"[social@beispiel\.de](mailto:social@beispiel.de)"


def test_join_text_prints_links_and_escaped_text_or_the_empty_word() -> None:
    items = (Link("A", "rollen/a.md"), "b*c")
    assert render_string("{{ items | join_text }}", items=items) == r"[A](../rollen/a.md), b\*c"
    assert render_string('{{ items | join_text(empty="keine") }}', items=()) == "keine"


def test_table_rows_escape_pipes_in_cells() -> None:
    cells = ("a|b", Link("L", "kanaele.md#x"))
    assert render_string("{{ cells | row }}", cells=cells) == r"| a\|b | [L](../kanaele.md#x) |"
    assert render_string("{{ 3 | table_rule }}") == "| --- | --- | --- |"


def test_anchor_filter_accepts_only_ids() -> None:
    assert render_string('{{ "stufe-1" | anchor }}') == "{#stufe-1}"
    with pytest.raises(ValueError, match="not a valid anchor"):
        render_string('{{ "x} onclick=1 {" | anchor }}')


def test_code_text_keeps_code_spans_and_escapes_the_rest() -> None:
    text = "Mit `python3 build.py new <art>` anlegen, <b>nicht</b> *so*."
    rendered = render_string("{{ text | code_text }}", text=text)
    assert rendered == r"Mit `python3 build.py new <art>` anlegen, &lt;b&gt;nicht&lt;/b&gt; \*so\*\."
    html = to_html("---\n---\n" + rendered)
    assert html.find("code").get_text() == "python3 build.py new <art>"
    assert html.find("b") is None


def test_fence_survives_backticks_in_the_text() -> None:
    rendered = render_string("{{ text | fence }}", text="a\n```\nb ````")
    assert rendered == "`````text\na\n```\nb ````\n`````"
    assert to_html("---\n---\n" + rendered).find("code").get_text() == "a\n```\nb ````\n"


def test_printing_none_is_an_error_not_the_word_none() -> None:
    with pytest.raises(jinja2.UndefinedError, match="printed None"):
        render_string("{{ value }}", value=None)


def test_front_matter_escapes_html_in_titles() -> None:
    assert front_matter('<b>"A"</b>') == '---\ntitle: "&lt;b&gt;\\"A\\"&lt;/b&gt;"\n---\n\n'
    assert yaml.safe_load(front_matter('<b>"A"</b>').split("---")[1])["title"] == '&lt;b&gt;"A"&lt;/b&gt;'


# --- contributor text is data through the whole page ------------------------------------------------


def hostile_guideline(guideline: Guideline) -> Guideline:
    """Put template syntax, HTML and a javascript: link into titles, steps, templates and rules."""
    scenario = guideline.scenarios[0]
    model = scenario.model
    steps = (model.steps[0].model_copy(update={"action": HOSTILE + "\n\n" + HOSTILE}), *model.steps[1:])
    templates = (model.reply_templates[0].model_copy(update={"title": HOSTILE, "text": HOSTILE}),)
    hostile_model = model.model_copy(
        update={"title": HOSTILE, "question": HOSTILE, "trigger": HOSTILE, "steps": steps, "reply_templates": templates}
    )
    tone = guideline.tone.model
    rule = tone.rules[0].model_copy(update={"title": HOSTILE, "why": HOSTILE})
    hostile_tone = dataclasses.replace(guideline.tone, model=tone.model_copy(update={"rules": (rule, *tone.rules[1:])}))
    return guideline.replaced(
        DataKind.SCENARIO, (dataclasses.replace(scenario, model=hostile_model), *guideline.scenarios[1:])
    ).replaced(DataKind.TONE, (hostile_tone,))


def test_hostile_text_comes_out_literally_and_inert(guideline: Guideline) -> None:
    pages = {page.src_uri: page for page in render_pages(plan_pages(hostile_guideline(guideline), all_codes()))}
    for uri in ("szenarien/beschwerde.md", "tonalitaet.md", "index.md", "rollen/community-manager.md"):
        soup = to_html(pages[uri].markdown)
        assert_inert(soup)
        assert HOSTILE in soup.get_text(), uri
    scenario = to_html(pages["szenarien/beschwerde.md"].markdown)
    for permalink in scenario.select("a.headerlink"):
        permalink.decompose()
    assert scenario.find("h1").get_text() == HOSTILE
    assert scenario.find("pre").get_text() == HOSTILE + "\n"  # the reply template, verbatim for copying
    assert "49" not in scenario.get_text()
    assert pages["szenarien/beschwerde.md"].title == HOSTILE  # front_matter escapes it for the theme


def test_rendering_is_deterministic(guideline: Guideline) -> None:
    assert render_pages(plan_pages(guideline, all_codes())) == render_pages(plan_pages(guideline, all_codes()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab &<>\"'=\\`*_{}[]()#+-.!|:?~/@%;$\t")), min_size=1, max_size=40))
def test_any_single_line_prints_exactly_as_typed(text: str) -> None:
    assume(text.strip())
    html = to_html("---\n---\n" + render_string("{{ value }}", value=text))
    assert [element.name for element in html.find_all(True)] == ["p"], str(html)
    assert html.get_text() == " ".join(text.split())


def test_details_marker_in_contributor_text_stays_text() -> None:
    html = to_html("---\n---\n" + render_string("{{ value | block }}", value="Hallo\n\n??? note\n\nmehr"))
    assert html.find("details") is None


def test_tilde_fence_in_contributor_text_stays_text() -> None:
    html = to_html("---\n---\n" + render_string("{{ value | block }}", value="~~~\n<i>x</i>\n~~~"))
    assert html.find("pre") is None


# --- golden pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("src_uri", GOLDEN_KINDS)
def test_golden_page(guideline: Guideline, src_uri: str) -> None:
    planned = {page.src_uri: page for page in plan_pages(guideline, all_codes())}
    rendered = render_page(make_environment(), planned[src_uri]).markdown
    golden = GOLDEN_PAGES / src_uri
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}: run with UPDATE_GOLDEN=1"
    assert rendered == golden.read_text(encoding="utf-8")


def test_golden_pages_convert_without_stray_syntax(guideline: Guideline) -> None:
    """No escape shows on the rendered page: every backslash and entity was read by Markdown."""
    for page in render_pages(plan_pages(guideline, all_codes())):
        text = to_html(page.markdown).get_text()
        assert "\\" not in text and "&amp;" not in text and "{#" not in text, page.src_uri


from guideline.plan.report import REPORT_PAGE_TEMPLATE  # noqa: E402  (the preview's error page)


def test_every_template_is_used(guideline: Guideline) -> None:
    used = {page.template for page in plan_pages(guideline, all_codes())} | {REPORT_PAGE_TEMPLATE}
    templates = {p.name for p in (REPO_ROOT / "hooks" / "guideline" / "render" / "templates").glob("*.md.j2")}
    # partials: _matrix_table (role_matrix, channels), _release (start, legal), _crisis_notice (start, scenario_index),
    # the call lists (_callee, _scenario_reach, _role_reach: contacts, escalation, scenario and role pages),
    # _level_badge (start, scenario_index) and _scenario_summary (scenario);
    # _stamp (under every page) and review (the report) only with review.yml, which the golden data leaves out;
    # news ("Was ist neu?") only with git history, which plan_pages is not given here;
    # _trail (the breadcrumb line render_page puts above pages outside the navigation);
    # the onboarding checklist's progress and steps (onboarding, role_onboarding)
    assert templates - used == {"_matrix_table.md.j2", "_release.md.j2", "_crisis_notice.md.j2", "_callee.md.j2",
                                "_scenario_reach.md.j2", "_role_reach.md.j2", "_level_badge.md.j2",
                                "_scenario_summary.md.j2", "_stamp.md.j2", "review.md.j2", "news.md.j2",
                                "_trail.md.j2", "_onboarding_checklist.md.j2", "_onboarding_step.md.j2"}


def test_markdown_type_is_left_alone_but_plain_strings_are_escaped() -> None:
    assert render_string("{{ a }} {{ b }}", a=Markdown("**fett**"), b="**fett**") == r"**fett** \*\*fett\*\*"


def test_planned_page_context_is_frozen(guideline: Guideline) -> None:
    page: PlannedPage = plan_pages(guideline, all_codes())[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        context_of(page).summary = "x"  # type: ignore[misc]


def test_a_deferred_context_is_made_once_when_needed_and_compares_by_value() -> None:
    made: list[int] = []
    deferred = Deferred(lambda: made.append(1) or ("Kontext",))
    assert made == []  # planning alone (as `check` does) makes nothing
    assert deferred.value == ("Kontext",) and deferred.value == ("Kontext",) and made == [1]
    same = Deferred(lambda: ("Kontext",))
    assert same == deferred and hash(same) == hash(deferred) and Deferred(lambda: ("anders",)) != deferred


def test_phone_numbers_become_tap_to_call_links_wherever_printed() -> None:
    from guideline.model.phone import parse_phone

    assert render_string("{{ p }}", p=parse_phone("+49 30 23125-100")) == r"[\+49 30 23125\-100](tel:+493023125100)"
    assert render_string("{{ p | phone }}", p=parse_phone("030 / 23125 100")) == "[030 / 23125 100](tel:03023125100)"
