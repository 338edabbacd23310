"""Flowcharts as geometry: boxes with wrapped text lines and edges with coordinates, no SVG yet.

A scenario becomes one column (start, the steps, end) plus a band of escalation decisions; the crisis
decision tree becomes an indented tree (see tree_chart.py). Everything is laid out for a phone first:
one column, 340 units wide, text wrapped to the box with a conservative glyph width, so the chart never
needs sideways scrolling. Coordinates are integers, so the same data always gives the same chart.
"""

from __future__ import annotations

import enum
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from ..model.scenarios import Escalation, Scenario, Step
from .links import Links
from .summary import LevelBadge

WIDTH = 340
"""Width of every chart in SVG units; the stylesheet scales it down to a narrow phone's column."""
MARGIN = 2
FONT_SIZE = 13
LABEL_SIZE = 11
LINE_HEIGHT = 17
PADDING = 8
CUT = 10
"""How far a decision's corners are cut off: the octagon marks a question without relying on colour."""
GAP = 24
"""Vertical space between two boxes in a column: room for the arrow and its Ja/Nein label."""
ARROW = 6
GLYPH = 0.58 * FONT_SIZE
"""A conservative average glyph width of the system sans-serif fonts (most German text stays under 0.5 em)."""
STRONG_GLYPH = 0.64 * FONT_SIZE
LABEL_GLYPH = 0.64 * LABEL_SIZE
ESCALATION_INDENT = 40
"""How far a decision's Ja box sits to the right, leaving room for the Nein line on the left."""
NEIN_OFFSET = 16
"""Where a decision's Nein line runs down, from the chart's left edge: left of the indented Ja boxes."""
END_WIDTH = 180
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_WORD_PARTS = textwrap.TextWrapper.wordsep_re  # where textwrap breaks a hyphenated word (not "E-Mail")
"""Whitespace the wrapping may break at and joins; a no-break space (U+00A0) stays as it is."""


class Shape(enum.Enum):
    """What a box stands for; the renderer draws each shape differently, the words say the same."""

    TERMINAL = "terminal"
    STEP = "step"
    DECISION = "decision"
    LEVEL = "level"
    OUTCOME = "outcome"
    REFERENCE = "reference"


class TextLine(NamedTuple):
    """One line of a box's text, already wrapped; strong lines are bold (a tuple: a big chart has many)."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Box:
    """A box of the chart: its place, its shape, its lines; `variant` picks a colour class (level tone, action)."""

    key: str
    shape: Shape
    x: int
    y: int
    width: int
    height: int
    lines: tuple[TextLine, ...]
    variant: str | None = None

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    @property
    def inset(self) -> int:
        """Return the distance from the box's left edge to its text."""
        return PADDING + (CUT if self.shape is Shape.DECISION else 0)


@dataclass(frozen=True)
class Edge:
    """An arrow from one box to another along its points; the label ("Ja"/"Nein") sits at `label_at`."""

    source: str
    target: str
    points: tuple[tuple[int, int], ...]
    label: str | None = None
    label_at: tuple[int, int] | None = None


@dataclass(frozen=True)
class Heading:
    """A line of text between boxes, e.g. "Jederzeit prüfen" above the escalation decisions."""

    text: str
    x: int
    y: int


@dataclass(frozen=True)
class Chart:
    """A laid-out chart: its size, title (what a screen reader announces), boxes, edges and headings."""

    title: str
    width: int
    height: int
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class TextAnchor:
    """A link in a chart's caption to the same content as text on the page: its words and the anchor."""

    label: str
    anchor: str


@dataclass(frozen=True)
class ChartFigure:
    """A chart as a page shows it: the chart, the id of its title, and where the same content stands as text."""

    chart: Chart
    title_id: str
    text_version: tuple[TextAnchor, ...]


# --- text ----------------------------------------------------------------------------------------


def glyph_width(strong: bool) -> float:
    """Return the width the layout assumes for one character of a normal or a bold line."""
    return STRONG_GLYPH if strong else GLYPH


def wrap(text: str, width: int, strong: bool = False) -> tuple[TextLine, ...]:
    """Wrap text to lines that fit `width` units; words longer than a line are broken, never overflow."""
    columns = max(1, int(width // glyph_width(strong)))
    return tuple(TextLine(line, strong) for line in wrap_words(_SPACES.sub(" ", text).strip(), columns))


def wrap_words(text: str, columns: int) -> list[str]:
    """Return the lines of textwrap.wrap(text, columns, break_long_words=True, break_on_hyphens=True), or [""].

    textwrap splits every text with one large regular expression; in a big guideline that was a third of
    the planning time. When every word (or part of a hyphenated word) fits a line, filling lines greedily
    gives the same lines at a quarter of the cost; texts with a longer word still go to textwrap. A property
    test compares both on random texts.
    """
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        parts = [chunk for chunk in _WORD_PARTS.split(word) if chunk] or [""] if "-" in word else (word,)
        for index, part in enumerate(parts):
            if len(part) > columns:  # textwrap breaks it and fills the line before it: its rules, not ours
                return textwrap.wrap(text, columns, break_long_words=True, break_on_hyphens=True) or [""]
            separator = " " if line and index == 0 else ""
            if len(line) + len(separator) + len(part) <= columns:
                line += separator + part
            else:
                lines.append(line)
                line = part
    return [*lines, line]


def text_width(box_width: int, shape: Shape) -> int:
    """Return how wide a box's text may be: its width minus the padding (and the cut corners)."""
    cut = CUT if shape is Shape.DECISION else 0
    return box_width - 2 * (PADDING + cut)


def make_box(key: str, shape: Shape, x: int, y: int, width: int, parts: tuple[tuple[str, bool], ...],
             variant: str | None = None) -> Box:
    """Make a box whose height grows with the wrapped lines of its parts (text, strong)."""
    room = text_width(width, shape)
    lines = tuple(line for text, strong in parts if text for line in wrap(text, room, strong))
    return Box(key, shape, x, y, width, 2 * PADDING + LINE_HEIGHT * len(lines), lines, variant)


def down(source: Box, target: Box, x: int, label: str | None = None) -> Edge:
    """Return a straight arrow down at x from one box's bottom to the next box's top, labelled beside it."""
    label_at = (x + 5, source.bottom + GAP // 2 + LABEL_SIZE // 2) if label else None
    return Edge(source.key, target.key, ((x, source.bottom), (x, target.y)), label, label_at)


# --- the scenario flowchart ------------------------------------------------------------------------


def _step_title(number: int, actor: str, step: Step) -> str:
    # No-break spaces keep "Frist: 1 Stunde" on one line; the wrapping breaks only between other words.
    deadline = " · Frist:\u00a0" + step.deadline.label.replace(" ", "\u00a0") if step.deadline else ""
    return f"{number}. {actor}{deadline}"


def _column(scenario: Scenario, links: Links) -> tuple[list[Box], list[Edge], int]:
    """Lay out the start, every step and the end one below the other, joined by arrows."""
    full = WIDTH - 2 * MARGIN
    boxes = [make_box("start", Shape.TERMINAL, MARGIN, MARGIN, full,
                      (("Auslöser", True), (scenario.question, False)))]
    for number, step in enumerate(scenario.steps, start=1):
        title = _step_title(number, links.actor(step.role).label, step)
        boxes.append(make_box(f"step-{number}", Shape.STEP, MARGIN, boxes[-1].bottom + GAP, full,
                              ((title, True), (step.action, False))))
    boxes.append(make_box("end", Shape.TERMINAL, (WIDTH - END_WIDTH) // 2, boxes[-1].bottom + GAP, END_WIDTH,
                          (("Erledigt", True),)))
    edges = [down(a, b, WIDTH // 2) for a, b in zip(boxes, boxes[1:])]
    return boxes, edges, boxes[-1].bottom


def _when(escalation: Escalation) -> str:
    return "Eskalieren, wenn: " + escalation.when.strip().rstrip(".?!") + "?"


def _band(escalations: tuple[Escalation, ...], links: Links, badges: Mapping[str, LevelBadge],
          top: int) -> tuple[list[Box], list[Edge], list[Heading], int]:
    """Lay out the escalation decisions: each with its Ja box below it, Nein down the left to the next."""
    heading = Heading("Jederzeit prüfen", MARGIN, top + GAP + FONT_SIZE)
    y = heading.y + GAP // 2
    full, indent = WIDTH - 2 * MARGIN, MARGIN + ESCALATION_INDENT
    boxes: list[Box] = []
    edges: list[Edge] = []
    for number, escalation in enumerate(escalations, start=1):
        decision = make_box(f"decision-{number}", Shape.DECISION, MARGIN, y, full, ((_when(escalation), False),))
        if boxes:
            edges.append(_nein(boxes[-2], boxes[-1], decision))
        badge = badges[escalation.level]
        target = make_box(f"level-{number}", Shape.LEVEL, indent, decision.bottom + GAP, WIDTH - MARGIN - indent,
                          ((links.actor(escalation.to).label, True), (badge.label, False)), str(badge.tone))
        edges.append(down(decision, target, indent + 20, "Ja"))
        boxes += [decision, target]
        y = target.bottom + GAP
    rest = make_box("continue", Shape.TERMINAL, MARGIN, y, END_WIDTH, (("Weiter nach Plan", True),))
    edges.append(_nein(boxes[-2], boxes[-1], rest))
    return [*boxes, rest], edges, [heading], rest.bottom


def _nein(decision: Box, ja_box: Box, target: Box) -> Edge:
    """Return a decision's Nein: down its left side, past its Ja box, labelled in the gap below that box."""
    x = MARGIN + NEIN_OFFSET
    return Edge(decision.key, target.key, ((x, decision.bottom), (x, target.y)), "Nein",
                (x + 5, ja_box.bottom + GAP // 2 + LABEL_SIZE // 2))


def scenario_figure(scenario: Scenario, links: Links, badges: Mapping[str, LevelBadge]) -> ChartFigure:
    """Return a scenario's chart with its caption's links to the steps and the escalation table."""
    text_version = (TextAnchor("Schritte", "schritte"),)
    if scenario.escalate:
        text_version += (TextAnchor("Eskalation", "eskalation"),)
    return ChartFigure(scenario_chart(scenario, links, badges), "ablauf-diagramm", text_version)


def scenario_chart(scenario: Scenario, links: Links, badges: Mapping[str, LevelBadge]) -> Chart:
    """Lay out a scenario as a flowchart: trigger, steps, done; then the escalation decisions."""
    boxes, edges, bottom = _column(scenario, links)
    headings: list[Heading] = []
    if scenario.escalate:
        band, band_edges, headings, bottom = _band(scenario.escalate, links, badges, bottom)
        boxes += band
        edges += band_edges
    title = f"Ablauf als Diagramm: {scenario.title}"
    return Chart(title, WIDTH, bottom + MARGIN, tuple(boxes), tuple(edges), tuple(headings))

