"""Choose the YAML event parser for one text: libyaml's C parser where it is safe, else PyYAML's pure one.

Both parsers yield the same event classes with the same marks for what a data file holds: a differential
test (tests/test_event_parsers.py) parses every YAML file of the repository and fuzzed variants with both.
The C parser is about 30 times faster, but it differs from the pure one in ways that matter here:

- Its error messages differ, and our German syntax messages are translated from the pure parser's
  problem strings; so whenever the C parser raises, the caller reads the text again with the pure one.
- It accepts a tab after `key:` (the pure parser refuses it, G001) and ends a plain text at a tab
  differently, and it counts a U+FEFF inside a line one column wider. A text holding a tab or U+FEFF is
  left to the pure parser; so is a text without a final line break, whose last events libyaml places at
  the start of a line after the end. It takes `#` right after a block scalar's header as a comment (the
  pure parser refuses it), so such a text is left to the pure parser too. Where the difference can only be
  seen in the events (a tag, or `?` in a plain text inside brackets), parse_events_c raises ParsersDiffer.
- It costs time quadratic in the depth of flow brackets (measured with PyYAML 6.0.3/libyaml, events only:
  25 000 nested `[` 4.9 s, 50 000 20 s, 100 000 74 s; a deeply indented block file of 1 000 levels
  0.2 s). The C *loader* is worse: `yaml.load(..., CSafeLoader)` of 100 000 nested `[` crashes the
  interpreter with a segmentation fault (its composer recurses once per level on the C stack). We never
  use the C composer; and `nesting_estimate` sends every text that might come near MAX_DEPTH to the pure
  parser, which the reader stops at the limit with G014. Even a text the estimate misjudges (brackets
  inside quotes) cannot cost much: the reader pulls events lazily and stops at MAX_DEPTH.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yaml import events
from yaml.error import YAMLError
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: everything takes the pure path
    CParser = None

__all__ = ["GUARD_DEPTH", "EventParser", "ParsersDiffer", "c_parser_available", "fast_path_allowed", "nesting_estimate",
           "parse_events_c", "parse_events_pure"]

GUARD_DEPTH = 32
"""Texts whose estimated nesting reaches this depth go to the pure parser (the reader refuses at 40)."""
# Tabs and U+FEFF: see above; line breaks other than LF and CRLF: nesting_estimate counts lines at LF.
_AVOID = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
# The indentation of each line that holds more than a comment, and the `- `, `? `, `: ` that begin a line.
_INDENTATION = re.compile(r"\n( *)[^ \n#]")
_INDICATORS = re.compile(r"\n *((?:[-?:] +)+)")
_BRACKET = re.compile(r"[\[\]{}]")
# libyaml takes '#' right after a block scalar's header as a comment; the pure parser refuses it (`text: |#`).
_DIVERGENT = re.compile(r"[|>][-+0-9]*#")


class EventParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python reader, scanner and parser; no composer, resolver or constructor."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


def parse_events_pure(text: str) -> Iterator[events.Event]:
    """Yield the events of a text from PyYAML's pure-Python parser (the source of every syntax message)."""
    parser = EventParser(text)
    while parser.check_event():
        yield parser.get_event()


class ParsersDiffer(YAMLError):
    """libyaml read something the pure parser reads differently: read the text again with the pure parser."""


def parse_events_c(text: str) -> Iterator[events.Event]:
    """Yield the events of a text from libyaml, shaped like the pure parser's (plain style is None).

    Raise ParsersDiffer where libyaml's events cannot be the pure parser's: at a tag (libyaml accepts some
    the pure parser refuses, e.g. `!:!`; a tag is refused with G009 anyway), and at a plain text inside
    brackets that holds '?' (the pure parser ends the text there, as YAML 1.1 says, and then refuses it).
    """
    parser = CParser(text)
    flow = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, events.ScalarEvent):
                if event.style == "":
                    event.style = None
                    if flow and "?" in event.value:
                        raise ParsersDiffer("'?' in a plain text inside brackets")
            elif isinstance(event, events.CollectionStartEvent) and event.flow_style:
                flow += 1
            elif isinstance(event, events.CollectionEndEvent) and flow:
                flow -= 1
            if getattr(event, "tag", None) is not None:
                raise ParsersDiffer("a tag")
            yield event
    finally:
        parser.dispose()


def c_parser_available() -> bool:
    """Say whether PyYAML was built with libyaml."""
    return CParser is not None


def fast_path_allowed(text: str) -> bool:
    """Say whether the C parser may read this text: no character it treats differently, shallow nesting."""
    return (c_parser_available() and text.endswith("\n") and not any(char in text for char in _AVOID)
            and ("\r" not in text or text.count("\r") == text.count("\r\n")) and _DIVERGENT.search(text) is None
            and nesting_estimate(text) < GUARD_DEPTH)


def nesting_estimate(text: str) -> int:
    """Bound how deeply a text nests, in a few passes of regular expressions over the whole text.

    A block collection starts at a line's indentation or after a `- `, `? ` or `: ` that begins the line,
    and at most two share a column (a mapping and a list written without indentation below one of its
    keys): so twice the number of different indentations plus the most such indicators on one line (plus
    one, for the top level) bounds the block nesting. Brackets add at most their deepest nesting, counted
    over the whole text; brackets inside quotes may hide some of it, see the module's docstring.
    """
    lines = "\n" + text
    indentations = len(set(_INDENTATION.findall(lines)))
    indicators = max((len(found) - found.count(" ") for found in _INDICATORS.findall(lines)), default=0)
    block = 2 * (indentations + indicators + 1)
    openers = text.count("[") + text.count("{")
    return block + (openers if block + openers < GUARD_DEPTH else _bracket_depth(text))


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for bracket in _BRACKET.findall(text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest
