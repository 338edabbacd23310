"""The flowcharts: a scenario's steps and escalations, and the crisis decision tree, as inline SVG.

Layout tests work on the geometry (plan/flowchart.py, plan/tree_chart.py): no box overlaps another,
every wrapped line fits its box, every edge joins the boxes it names. Rendering tests parse the SVG with
ElementTree and compare its texts with the data; the built site is parsed with BeautifulSoup.
"""

from __future__ import annotations

import itertools
import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.model.crisis import Question
from guideline.model.ids import IdKind
from guideline.model.layout import DataKind
from guideline.model.scenarios import Scenario
from guideline.parse.corpus import Guideline
from guideline.plan.crisis import tree_lines
from guideline.plan.flowchart import (
    MARGIN,
    Box,
    Chart,
    ChartFigure,
    Shape,
    TextAnchor,
    glyph_width,
    scenario_chart,
    scenario_figure,
    text_width,
    wrap_words,
)
from guideline.plan.links import Links
from guideline.plan.page import context_of
from guideline.plan.pages import plan_pages
from guideline.plan.summary import LevelBadge
from guideline.plan.tree_chart import tree_chart
from guideline.render.markdown import make_environment, render_page
from guideline.render.svg import chart_figure
from guideline.site import load_guideline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import REPO_ROOT

LINKS = Links({
    IdKind.ROLE: {"community": "Community-Management", "lead": "Leitung Social Media"},
    IdKind.PARTY: {"polizei": "Polizei"},
    IdKind.ESCALATION_LEVEL: {"alltag": "Alltag", "krise": "Krise"},
    IdKind.SCENARIO: {},
})
BADGES = {"alltag": LevelBadge("Stufe 1 von 2: Alltag", 1), "krise": LevelBadge("Stufe 2 von 2: Krise", 4)}
HOSTILE = "<script>alert(1)</script> & Co. {{ 7*7 }}"
MARKDOWN = "[Link](javascript:alert(1)) *fett* `code` {: .x } #1 | ~ ! _"
COMPOUND = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellerinnenvereinigung"


def scenario(**changes: Any) -> Scenario:
    data: dict[str, Any] = {
        "id": "beschwerde", "title": "Beschwerde", "question": "Was tun, wenn sich jemand beschwert?",
        "trigger": "Eine Beschwerde.", "escalation_level": "alltag", "first_response": "1 h", "owner": "community",
        "steps": [{"role": "community", "action": "Lesen und antworten.", "deadline": "1 h"},
                  {"role": "lead", "action": "Nachfassen."}],
        "escalate": [{"when": "Es droht jemand", "to": "polizei", "level": "krise"},
                     {"when": "Die Presse fragt an.", "to": "lead", "level": "alltag"}],
    }
    return Scenario.model_validate({**data, **changes})


def question(question_id: str, if_yes: dict[str, Any], if_no: dict[str, Any]) -> Question:
    return Question.model_validate({"id": question_id, "question": f"Frage {question_id}?", "if_yes": if_yes,
                                    "if_no": if_no})


def svg_texts(markup: str) -> list[str]:
    """Return every text line of a chart figure, parsed as XML, in document order."""
    figure = ET.fromstring(markup)
    return [text.text or "" for text in figure.iter("text")]


def squash(text: str) -> str:
    """Drop all whitespace: wrapped lines are compared with the data regardless of where they broke."""
    return "".join(text.split())


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def assert_sound(chart: Chart) -> None:
    """No two boxes overlap, every line fits its box, everything lies inside the chart."""
    for a, b in itertools.combinations(chart.boxes, 2):
        assert not overlaps(a, b), (a.key, b.key)
    for box in chart.boxes:
        assert MARGIN <= box.x and box.right <= chart.width - MARGIN + 1 and box.bottom <= chart.height, box.key
        for line in box.lines:
            assert len(line.text) * glyph_width(line.strong) <= text_width(box.width, box.shape), (box.key, line)


def assert_edges_join_their_boxes(chart: Chart) -> None:
    """Every edge starts on its source's bottom and ends on its target's top or left side."""
    by_key = {box.key: box for box in chart.boxes}
    for edge in chart.edges:
        source, target = by_key[edge.source], by_key[edge.target]
        (x0, y0), (x1, y1) = edge.points[0], edge.points[-1]
        assert y0 == source.bottom and source.x <= x0 <= source.right, edge
        on_top = y1 == target.y and target.x <= x1 <= target.right
        on_left = x1 == target.x and target.y <= y1 <= target.bottom
        assert on_top or on_left, edge


# --- layout ----------------------------------------------------------------------------------------


def test_a_scenario_is_a_column_of_steps_then_a_band_of_decisions() -> None:
    chart = scenario_chart(scenario(), LINKS, BADGES)
    assert_sound(chart)
    assert_edges_join_their_boxes(chart)
    assert [(e.source, e.target, e.label) for e in chart.edges] == [
        ("start", "step-1", None), ("step-1", "step-2", None), ("step-2", "end", None),
        ("decision-1", "level-1", "Ja"), ("decision-1", "decision-2", "Nein"),
        ("decision-2", "level-2", "Ja"), ("decision-2", "continue", "Nein"),
    ]
    texts = {box.key: [line.text for line in box.lines] for box in chart.boxes}
    assert texts["start"] == ["Auslöser", "Was tun, wenn sich jemand beschwert?"]
    # "Frist: 1 Stunde" does not fit the line any more, and moves to the next line as a whole.
    assert texts["step-1"] == ["1. Community-Management ·", "Frist:\u00a01\u00a0Stunde", "Lesen und antworten."]
    assert texts["decision-2"] == ["Eskalieren, wenn: Die Presse fragt an?"]
    assert texts["level-1"] == ["Polizei", "Stufe 2 von 2: Krise"]
    assert [h.text for h in chart.headings] == ["Jederzeit prüfen"]
    level = next(box for box in chart.boxes if box.key == "level-1")
    assert (level.shape, level.variant) == (Shape.LEVEL, "4")  # the badge's colour tone, and its words


def test_a_scenario_without_escalations_has_no_band() -> None:
    chart = scenario_chart(scenario(escalate=[]), LINKS, BADGES)
    assert [box.key for box in chart.boxes] == ["start", "step-1", "step-2", "end"]
    assert chart.headings == ()


def test_long_text_grows_the_box_and_a_long_compound_word_is_broken() -> None:
    long_step = {"role": "community", "action": f"Bitte {COMPOUND} informieren und " + "sehr " * 40 + "lange warten."}
    chart = scenario_chart(scenario(steps=[long_step]), LINKS, BADGES)
    assert_sound(chart)
    box = next(box for box in chart.boxes if box.key == "step-1")
    assert len(box.lines) > 8 and box.height > 8 * 17
    assert COMPOUND not in [line.text for line in box.lines]
    assert COMPOUND in "".join(line.text for line in box.lines)


def test_the_decision_tree_is_indented_and_a_shared_question_is_drawn_once() -> None:
    tree = (
        question("a", {"next": "b"}, {"next": "c"}),
        question("b", {"action": "respond", "advice": "Sofort antworten."}, {"next": "c"}),
        question("c", {"action": "monitor", "escalation_level": "alltag"}, {"action": "dont-respond"}),
    )
    chart = tree_chart(tree_lines(tree, LINKS), "Entscheidungsbaum")
    assert_sound(chart)
    assert_edges_join_their_boxes(chart)
    rows = [(box.shape, [line.text for line in box.lines], box.x) for box in chart.boxes]
    assert [(shape, text) for shape, text, _ in rows] == [
        (Shape.DECISION, ["Frage 1", "Frage a?"]),
        (Shape.DECISION, ["Frage 2", "Frage b?"]),
        (Shape.OUTCOME, ["Antworten", "Sofort antworten."]),
        (Shape.DECISION, ["Frage 3", "Frage c?"]),
        (Shape.OUTCOME, ["Beobachten", "Eskalationsstufe: Alltag"]),
        (Shape.OUTCOME, ["Nicht antworten"]),
        (Shape.REFERENCE, ["weiter bei Frage 3: Frage c?"]),
    ]
    assert [x for _, _, x in rows] == [2, 26, 50, 50, 74, 74, 26]
    assert [(e.source, e.target, e.label) for e in chart.edges] == [
        ("row-1", "row-2", "Ja"), ("row-2", "row-3", "Ja"), ("row-2", "row-4", "Nein"),
        ("row-4", "row-5", "Ja"), ("row-4", "row-6", "Nein"), ("row-1", "row-7", "Nein"),
    ]


def test_a_deep_tree_narrows_its_indent_so_every_box_keeps_its_width() -> None:
    tree = tuple(question(f"q{n}", {"next": f"q{n + 1}"}, {"action": "monitor"}) for n in range(11))
    tree += (question("q11", {"action": "respond"}, {"action": "monitor"}),)
    chart = tree_chart(tree_lines(tree, LINKS), "Tief")
    assert_sound(chart)
    assert min(box.width for box in chart.boxes) >= 200


# --- rendering -------------------------------------------------------------------------------------


def figure_of(chart: Chart) -> str:
    return chart_figure(ChartFigure(chart, "ablauf-diagramm", (TextAnchor("Schritte", "schritte"),)))


def test_contributor_text_is_escaped_text_in_the_svg() -> None:
    steps = [{"role": "community", "action": HOSTILE}, {"role": "lead", "action": MARKDOWN}]
    markup = figure_of(scenario_chart(scenario(steps=steps, escalate=[]), LINKS, BADGES))
    assert "<script" not in markup and "&lt;script&gt;" in markup and "&amp; Co." in markup
    # Markdown's own syntax is written as character references: no later stage can read it as markup
    assert "](" not in markup and "{{" not in markup and "&#91;Link&#93;&#40;javascript:" in markup
    shown = squash(" ".join(svg_texts(markup)))
    assert squash(HOSTILE) in shown and squash(MARKDOWN) in shown


def test_the_figure_is_an_image_titled_for_screen_readers_with_a_link_to_the_text() -> None:
    figure = ET.fromstring(figure_of(scenario_chart(scenario(), LINKS, BADGES)))
    svg = figure.find("svg")
    assert svg is not None and figure.get("class") == "flowchart" and figure.get("data-search-exclude") == ""
    assert (svg.get("role"), svg.get("aria-labelledby")) == ("img", "ablauf-diagramm")
    title = svg.find("title")
    assert title is not None and (title.get("id"), title.text) == ("ablauf-diagramm", "Ablauf als Diagramm: Beschwerde")
    caption = figure.find("figcaption")
    assert caption is not None and " ".join("".join(caption.itertext()).split()) == "Derselbe Ablauf als Text: Schritte"
    assert [a.get("href") for a in caption.iter("a")] == ["#schritte"]
    assert not [el for el in figure.iter() if "style" in el.attrib or el.tag in {"style", "script"}]


def test_the_same_data_gives_the_same_bytes() -> None:
    first = figure_of(scenario_chart(scenario(), LINKS, BADGES))
    assert first == figure_of(scenario_chart(scenario(), LINKS, BADGES))
    assert "\n\n" not in first  # a blank line would end the raw HTML block in Markdown


WORDS = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=300).filter(
    str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=st.lists(WORDS, min_size=1, max_size=4), whens=st.lists(WORDS, max_size=3))
def test_any_text_gives_a_sound_chart_that_shows_it_literally(actions: list[str], whens: list[str]) -> None:
    steps = [{"role": "community", "action": action} for action in actions]
    escalate = [{"when": when, "to": "lead", "level": "krise"} for when in whens]
    chart = scenario_chart(scenario(steps=steps, escalate=escalate), LINKS, BADGES)
    assert_sound(chart)
    assert_edges_join_their_boxes(chart)
    text = squash("".join(svg_texts(figure_of(chart))))
    assert all(squash(action) in text for action in actions)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(st.sampled_from("aäbcE1-.,ß"), min_size=1, max_size=25), min_size=1, max_size=12),
       columns=st.integers(1, 30))
def test_lines_are_filled_exactly_as_textwrap_fills_them(words: list[str], columns: int) -> None:
    text = " ".join(words)
    assert wrap_words(text, columns) == (textwrap.wrap(text, columns, break_on_hyphens=True) or [""])


# --- pages of both guidelines ----------------------------------------------------------------------


def guideline_at(folder: Path) -> Guideline:
    guideline, report = load_guideline(folder, REPO_ROOT)
    assert guideline is not None, format_report(report)
    return guideline


@pytest.mark.parametrize("folder", ["example_data", "tests/fixtures/utility"])
def test_every_chart_of_a_guideline_is_sound(folder: str) -> None:
    guideline = guideline_at(REPO_ROOT / folder)
    planned = plan_pages(guideline, all_codes())
    charts = [context_of(p).chart for p in planned if getattr(context_of(p), "chart", None) is not None]
    assert len(charts) == len(guideline.scenarios) + 1  # every scenario and the crisis page
    for figure in charts:
        assert_sound(figure.chart)
        assert_edges_join_their_boxes(figure.chart)
    environment = make_environment()
    for page in planned:
        if page.template in {"scenario.md.j2", "crisis.md.j2"}:
            assert render_page(environment, page).markdown.count('<figure class="flowchart"') == 1, page.src_uri


def test_a_scenario_figure_links_to_the_escalation_table_only_if_there_is_one() -> None:
    assert [a.anchor for a in scenario_figure(scenario(), LINKS, BADGES).text_version] == ["schritte", "eskalation"]
    assert [a.anchor for a in scenario_figure(scenario(escalate=[]), LINKS, BADGES).text_version] == ["schritte"]


# --- the built site --------------------------------------------------------------------------------


def soup_at(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def chart_text(soup: BeautifulSoup) -> str:
    figures = soup.select("figure.flowchart")
    assert len(figures) == 1
    svg = figures[0].find("svg")
    assert svg is not None and figures[0].find("figcaption") is not None
    return squash(" ".join(text.get_text() for text in svg.find_all("text")))


def test_every_scenario_page_shows_its_steps_escalations_and_actors_in_its_chart(shipped_site: Path) -> None:
    guideline = guideline_at(REPO_ROOT / "example_data")
    for parsed in guideline.scenarios:
        soup = soup_at(shipped_site, f"szenarien/{parsed.model.id}")
        text = chart_text(soup)
        for step in parsed.model.steps:
            assert squash(step.action) in text, (parsed.model.id, step.action)
        for escalation in parsed.model.escalate:
            assert squash(escalation.when.rstrip(".?!")) in text, (parsed.model.id, escalation.when)
        actors = [a.get_text() for a in soup.select("#schritte ~ ol > li > strong > a")]
        assert actors and all(squash(actor) in text for actor in actors), parsed.model.id
        assert soup.select_one("#ablauf") is not None


def test_the_crisis_chart_shows_every_question_and_outcome(shipped_site: Path) -> None:
    guideline = guideline_at(REPO_ROOT / "example_data")
    parsed = guideline.one_of(DataKind.CRISIS)
    assert parsed is not None
    playbook = parsed.model
    text = chart_text(soup_at(shipped_site, "krise"))
    for item in playbook.decision_tree:
        assert squash(item.question) in text
        for branch in (item.if_yes, item.if_no):
            if branch.action:
                assert squash(branch.action.label) in text
            if branch.advice:
                assert squash(branch.advice) in text


def test_no_chart_carries_a_style_a_script_or_an_address(shipped_site: Path) -> None:
    pages = [path for path in shipped_site.rglob("index.html") if "flowchart" in path.read_text(encoding="utf-8")]
    assert len(pages) >= 9
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for svg in soup.select("figure.flowchart svg"):
            assert not svg.select("[style], style, script, [href], [src]"), path
            assert not [tag for tag in svg.find_all(True) if any(a.startswith("on") for a in tag.attrs)], path


def test_the_search_index_holds_the_chart_text_not_twice(shipped_site: Path) -> None:
    index = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    for chart_only in ("Jederzeit prüfen", "Eskalieren, wenn", "Derselbe Ablauf als Text", "Weiter nach Plan"):
        assert chart_only not in text
    assert "Beschwerde lesen, Eskalationsstufe" in " ".join(text.split())  # the steps themselves are indexed
