"""Draw a laid-out chart (plan/flowchart.py) as an inline SVG figure for a page's Markdown.

Graphviz would need a system binary to build the site and schemdraw writes style attributes that the
page's CSP blocks, so we lay out our two known shapes ourselves and serialise them with ElementTree.
ElementTree escapes every text and attribute, so contributor text stays text: the SVG is never put
together from strings, and it carries no style attribute, no script and no address of another host.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..plan.flowchart import (
    ARROW,
    CUT,
    FONT_SIZE,
    LABEL_SIZE,
    LINE_HEIGHT,
    PADDING,
    Box,
    Chart,
    ChartFigure,
    Edge,
    Shape,
)
from .markup import Markdown

_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Characters that mean something to Markdown, Jinja or attr_list. A raw HTML block is left alone by
# Markdown, but contributor text inside it is written as character references all the same, so that no
# later stage (an extension, another engine reading the export) can read it as markup.
_MARKUP_CHARS = re.compile(r"[\\`*_{}\[\]()#!|~]")
_TEXT_NODE = re.compile(r">([^<]+)<")  # ElementTree escapes < and > everywhere, so this is text content
# Presentation attributes (not style attributes, which the CSP blocks) keep a chart legible where our
# stylesheet is missing, e.g. in an export built by another engine; flowchart.css overrides them.
_OUTLINE = {"fill": "none", "stroke": "currentColor"}
_RADIUS = {Shape.TERMINAL: 14, Shape.OUTCOME: 8, Shape.STEP: 3, Shape.LEVEL: 3, Shape.REFERENCE: 3}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _points(points: tuple[tuple[int, int], ...]) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def _octagon(box: Box) -> tuple[tuple[int, int], ...]:
    x, y, r, b = box.x, box.y, box.right, box.bottom
    return ((x + CUT, y), (r - CUT, y), (r, y + CUT), (r, b - CUT), (r - CUT, b), (x + CUT, b), (x, b - CUT),
            (x, y + CUT))


def _shape(parent: ET.Element, box: Box) -> None:
    if box.shape is Shape.DECISION:
        ET.SubElement(parent, "polygon", {"class": "flowchart__shape", "points": _points(_octagon(box)), **_OUTLINE})
        return
    radius = _RADIUS[box.shape]
    ET.SubElement(parent, "rect", {"class": "flowchart__shape", "x": _number(box.x), "y": _number(box.y),
                                   "width": _number(box.width), "height": _number(box.height),
                                   "rx": _number(radius), **_OUTLINE})


def _node(parent: ET.Element, box: Box) -> None:
    classes = f"flowchart__node flowchart__node--{box.shape.value}"
    if box.variant:
        classes += f" flowchart__node--{box.shape.value}-{box.variant}"
    group = ET.SubElement(parent, "g", {"class": classes})
    _shape(group, box)
    for index, line in enumerate(box.lines):
        attributes = {"x": _number(box.x + box.inset), "y": _number(box.y + PADDING + index * LINE_HEIGHT + FONT_SIZE)}
        if line.strong:
            attributes["class"] = "flowchart__strong"
        ET.SubElement(group, "text", attributes).text = line.text


def _arrowhead(edge: Edge) -> tuple[tuple[int, int], ...]:
    (x0, _), (x1, y1) = edge.points[-2], edge.points[-1]
    if x0 == x1:  # pointing down
        return ((x1, y1), (x1 - ARROW // 2 - 1, y1 - ARROW), (x1 + ARROW // 2 + 1, y1 - ARROW))
    return ((x1, y1), (x1 - ARROW, y1 - ARROW // 2 - 1), (x1 - ARROW, y1 + ARROW // 2 + 1))  # pointing right


def _shortened(edge: Edge) -> tuple[tuple[int, int], ...]:
    """Return the edge's points with the last one pulled back, so the line ends inside its arrowhead."""
    (x0, _), (x1, y1) = edge.points[-2], edge.points[-1]
    end = (x1, y1 - ARROW + 1) if x0 == x1 else (x1 - ARROW + 1, y1)
    return (*edge.points[:-1], end)


def _edge(parent: ET.Element, edge: Edge) -> None:
    group = ET.SubElement(parent, "g", {"class": "flowchart__edge"})
    ET.SubElement(group, "polyline", {"class": "flowchart__line", "points": _points(_shortened(edge)), **_OUTLINE})
    ET.SubElement(group, "polygon", {"class": "flowchart__arrow", "points": _points(_arrowhead(edge)),
                                     "fill": "currentColor"})
    if edge.label and edge.label_at:
        x, y = edge.label_at
        label = ET.SubElement(group, "text", {"class": "flowchart__label", "x": _number(x), "y": _number(y),
                                              "font-size": _number(LABEL_SIZE)})
        label.text = edge.label


def chart_svg(chart: Chart, title_id: str) -> ET.Element:
    """Return the chart as an <svg> element: an image titled for screen readers, scaled by the stylesheet."""
    if not _ID_RE.match(title_id):
        raise ValueError(f"not a valid element id: {title_id!r}")
    svg = ET.Element("svg", {
        "class": "flowchart__chart", "role": "img", "aria-labelledby": title_id,
        "viewBox": f"0 0 {chart.width} {chart.height}", "width": _number(chart.width),
        "height": _number(chart.height), "font-size": _number(FONT_SIZE),
    })
    ET.SubElement(svg, "title", {"id": title_id}).text = chart.title
    for heading in chart.headings:
        text = ET.SubElement(svg, "text", {"class": "flowchart__heading", "x": _number(heading.x), "y": _number(heading.y)})
        text.text = heading.text
    for edge in chart.edges:
        _edge(svg, edge)
    for box in chart.boxes:
        _node(svg, box)
    return svg


def chart_figure(planned: ChartFigure) -> Markdown:
    """Return the chart as a raw HTML <figure> for Markdown: the SVG and a caption linking to the same as text."""
    # data-search-exclude: Material's search leaves the figure out, the text version is indexed once.
    figure = ET.Element("figure", {"class": "flowchart", "data-search-exclude": ""})
    figure.append(chart_svg(planned.chart, planned.title_id))
    text_version = planned.text_version
    caption = ET.SubElement(figure, "figcaption")
    caption.text = "Derselbe Ablauf als Text: "
    for index, target in enumerate(text_version):
        if not _ID_RE.match(target.anchor):
            raise ValueError(f"not a valid anchor: {target.anchor!r}")
        link = ET.SubElement(caption, "a", {"href": f"#{target.anchor}"})
        link.text = target.label
        link.tail = " · " if index < len(text_version) - 1 else None
    ET.indent(figure, space=" ")
    # No blank line may appear inside a raw HTML block in Markdown; ElementTree writes none.
    return Markdown(_inert(ET.tostring(figure, encoding="unicode")))


def _inert(html: str) -> str:
    """Write every Markdown-significant character of the text content as a numeric character reference."""
    return _TEXT_NODE.sub(lambda m: ">" + _MARKUP_CHARS.sub(lambda c: f"&#{ord(c.group())};", m.group(1)) + "<", html)

