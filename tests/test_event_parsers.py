"""libyaml's C event parser reads what the guard lets through exactly like PyYAML's pure one.

The loader reads a text with the C parser when load/parser.py's guard allows and falls back to the pure
parser on any error. That is only correct if, for every text the guard lets through, the C parser either
raises or yields the very events the pure parser yields (class, value, anchor, tag, implicit, style,
start and end line and column). These tests measure that on every YAML file of the repository and on
fuzzed variants, and check that the fast path is really taken, and that deep nesting cannot crash.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from guideline.diagnostics import format_diagnostic
from guideline.load import parser as event_parsers
from guideline.load.events import MAX_DEPTH
from guideline.load.parser import GUARD_DEPTH, fast_path_allowed, nesting_estimate, parse_events_c, parse_events_pure
from guideline.load.source import load_yaml
from guideline.load.text import decode_source
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml import events
from yaml.error import YAMLError

REPO = Path(__file__).resolve().parent.parent
YAML_ROOTS = (REPO / "example_data", REPO / "tests" / "fixtures", REPO / "tests" / "golden", REPO / "tests" / "cases")
PATH = PurePosixPath("guideline_data/roles.yml")

pytestmark = pytest.mark.skipif(not event_parsers.c_parser_available(), reason="PyYAML without libyaml")

EventShape = tuple[object, ...]


def yaml_texts() -> list[tuple[str, str]]:
    """Every YAML file of the repository as the loader would hand it to a parser."""
    texts = []
    for root in YAML_ROOTS:
        for path in sorted(root.rglob("*.y*ml")):
            text, _ = decode_source(PurePosixPath(path.name), path.read_bytes())
            if text is not None:
                texts.append((str(path.relative_to(REPO)), text))
    return texts


def shape(event: events.Event) -> EventShape:
    """The parts of an event a loader could read.

    A block list's flow_style is None or False, both "not flow". With a tag, `implicit` differs (libyaml
    says (False, False) for a bare `!` tag): the loader never reads `implicit` and refuses every tag (G009)
    at the event's start, so it is compared only for untagged events.
    """
    flow = bool(getattr(event, "flow_style", None)) if isinstance(event, events.CollectionStartEvent) else None
    tag = getattr(event, "tag", None)
    return (type(event).__name__, getattr(event, "value", None), getattr(event, "anchor", None),
            tag, getattr(event, "implicit", None) if tag is None else None, getattr(event, "style", None), flow,
            getattr(event, "explicit", None), getattr(event, "version", None), getattr(event, "tags", None),
            event.start_mark.line, event.start_mark.column, event.end_mark.line, event.end_mark.column)


def event_shapes(stream: object) -> list[EventShape] | None:
    """All event shapes of a stream, or None when the parser refuses the text."""
    try:
        return [shape(event) for event in stream]  # type: ignore[attr-defined]
    except YAMLError:
        return None


def assert_same_events_or_c_refuses(text: str) -> None:
    """Where the C parser reads a text without error, the pure parser yields identical events."""
    fast = event_shapes(parse_events_c(text))
    if fast is None:
        return  # the loader reads it again with the pure parser
    assert event_shapes(parse_events_pure(text)) == fast


TEXTS = yaml_texts()


def test_the_repository_holds_enough_yaml_to_compare() -> None:
    assert len(TEXTS) > 300
    assert sum(fast_path_allowed(text) for _, text in TEXTS) > 300


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_both_parsers_agree_on_every_file_the_guard_lets_through(name: str, text: str) -> None:
    if fast_path_allowed(text):
        assert_same_events_or_c_refuses(text)


def test_the_parsers_differ_where_the_guard_says() -> None:
    # the pure parser refuses a tab after a colon, libyaml accepts it; U+FEFF is one column wider in libyaml
    assert event_shapes(parse_events_pure("a:\tb\n")) is None
    assert event_shapes(parse_events_c("a:\tb\n")) is not None
    assert event_shapes(parse_events_pure("a: x\ufeffy\n")) != event_shapes(parse_events_c("a: x\ufeffy\n"))
    # libyaml takes '#' right after a block scalar's header as a comment, the pure parser refuses it
    assert event_shapes(parse_events_pure("a: |#\n  b\n")) is None
    assert event_shapes(parse_events_c("a: |#\n  b\n")) is not None
    assert not fast_path_allowed("a: |#\n  b\n")
    assert not fast_path_allowed("a: >-2#x\n  b\n")
    assert not fast_path_allowed("a:\tb\n")
    assert not fast_path_allowed("a: x\ufeffy\n")


@pytest.mark.parametrize("text", ["a: [Wie geht es?]\n", "a: {x?: y}\n", "!:!\n", "a: !!str x\n"])
def test_the_c_events_stop_where_the_parsers_would_differ(text: str) -> None:
    # the pure parser ends a plain text inside brackets at '?' (YAML 1.1); libyaml accepts some tags it refuses
    with pytest.raises(event_parsers.ParsersDiffer):
        list(parse_events_c(text))
    assert event_shapes(parse_events_c("a: [Wie geht es]\nb: Wie geht es?\n")) is not None


def test_a_question_mark_inside_brackets_gets_the_pure_parsers_diagnostic(
        pure_parser_count: type[CountingParser]) -> None:
    loaded, diagnostics = load_yaml(PATH, "roles: [Wie geht es?]\n".encode())
    assert loaded is None
    assert diagnostics and all(diagnostic.code == "G001" for diagnostic in diagnostics)
    assert pure_parser_count.built == 1


def test_columns_count_characters_not_bytes_on_non_ascii_lines() -> None:
    text = "ä😀: 'ü😀 ß'\nb: [😀, {ö: x}]\nc: |\n  Grüße 👩\u200d💻\n"
    fast = event_shapes(parse_events_c(text))
    assert fast is not None
    assert fast == event_shapes(parse_events_pure(text))
    assert fast[4][10:12] == (0, 4)  # the value after "ä😀: " starts at the fifth character


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_the_nesting_estimate_is_never_below_the_real_depth(name: str, text: str) -> None:
    assert nesting_estimate(text) >= real_depth(text)


def real_depth(text: str) -> int:
    """How many collections are open at the deepest point the pure parser reaches."""
    depth = deepest = 0
    try:
        for event in parse_events_pure(text):
            if isinstance(event, events.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, events.CollectionEndEvent):
                depth -= 1
    except YAMLError:
        pass
    return deepest


def test_the_guard_keeps_deep_nesting_away_from_the_c_parser() -> None:
    assert GUARD_DEPTH < MAX_DEPTH
    assert not fast_path_allowed("a: " + "[" * 30 + "]" * 30 + "\n")
    assert not fast_path_allowed("".join(" " * level + "k:\n" for level in range(20)) + " " * 20 + "k: v\n")
    assert fast_path_allowed("a:\n  - b: [c, {d: e}]\n")


FRAGMENTS = (": ", "- ", "-", "[", "]", "{", "}", ",", "'", '"', "#", " #x", "\n", "\r\n", "  ", "&a ", "*a",
             "!!str ", "!x ", "---\n", "...\n", "|", "|-\n", ">", "? ", "%YAML 1.1\n", "\\", "\\x07", "\\u202e",
             "ä", "😀", "\u00a0", "\u200b", "\x85", "\u2028", "key: value\n", "  - item\n", "{{ name }}", "a: b: c")
SOURCES = [text for _, text in TEXTS if fast_path_allowed(text) and len(text) < 4000]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_both_parsers_agree_on_mutated_files(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(SOURCES), label="file")
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="offset")
        if data.draw(st.booleans(), label="delete"):
            text = text[:at] + text[at + data.draw(st.integers(1, 12), label="length"):]
        else:
            text = text[:at] + data.draw(st.sampled_from(FRAGMENTS), label="fragment") + text[at:]
    if fast_path_allowed(text):
        assert_same_events_or_c_refuses(text)


class CountingParser(event_parsers.EventParser):
    """The pure parser, counting how often it is built."""

    built = 0

    def __init__(self, text: str) -> None:
        CountingParser.built += 1
        super().__init__(text)


@pytest.fixture
def pure_parser_count(monkeypatch: pytest.MonkeyPatch) -> type[CountingParser]:
    CountingParser.built = 0
    monkeypatch.setattr(event_parsers, "EventParser", CountingParser)
    return CountingParser


def test_a_valid_file_is_read_by_the_c_parser_alone(pure_parser_count: type[CountingParser]) -> None:
    loaded, diagnostics = load_yaml(PATH, "roles:\n  - id: lead\n    title: 'Leitung'\n".encode())
    assert diagnostics == ()
    assert loaded is not None and loaded.data == {"roles": [{"id": "lead", "title": "Leitung"}]}
    assert pure_parser_count.built == 0


def test_a_broken_file_is_read_again_by_the_pure_parser(pure_parser_count: type[CountingParser]) -> None:
    loaded, diagnostics = load_yaml(PATH, b"roles:\n  - id: lead\n   title: x\n")
    assert loaded is None
    assert [diagnostic.code for diagnostic in diagnostics] == ["G001"]
    assert pure_parser_count.built == 1


def test_a_file_with_a_tab_goes_straight_to_the_pure_parser(pure_parser_count: type[CountingParser]) -> None:
    loaded, _ = load_yaml(PATH, b"roles:\n  - id:\tlead\n")
    assert loaded is None
    assert pure_parser_count.built == 1


DEEP_SCRIPT = """
import sys
from pathlib import PurePosixPath
from guideline.diagnostics import format_diagnostic
from guideline.load.source import load_yaml
loaded, found = load_yaml(PurePosixPath("guideline_data/roles.yml"), sys.stdin.buffer.read())
print(loaded is None)
print("\\n".join(format_diagnostic(diagnostic) for diagnostic in found))
"""


def diagnose_in_subprocess(text: str) -> str:
    """Load a text in a fresh interpreter, so that a crash of the C parser fails the test instead of pytest."""
    done = subprocess.run([sys.executable, "-c", DEEP_SCRIPT], input=text.encode(), capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def test_a_hundred_thousand_nested_brackets_give_the_depth_diagnostic() -> None:
    text = "roles: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert not fast_path_allowed(text)
    assert diagnose_in_subprocess(text) == (
        "True\nguideline_data/roles.yml:1:47: error[G014]: zu tief verschachtelt: mehr als 40 Ebenen\n"
        "    help: prüfe die Einrückung und die Klammern '[' und '{'\n"
    )


def test_a_deeply_indented_file_gives_the_depth_diagnostic() -> None:
    text = "".join(" " * level + f"k{level}:\n" for level in range(900)) + " " * 900 + "k: v\n"
    assert len(text.encode()) < 512 * 1024
    assert not fast_path_allowed(text)
    assert diagnose_in_subprocess(text) == (
        "True\nguideline_data/roles.yml:41:41: error[G014]: zu tief verschachtelt: mehr als 40 Ebenen\n"
        "    help: prüfe die Einrückung und die Klammern '[' und '{'\n"
    )


def test_deep_nesting_hidden_by_quoted_brackets_is_still_refused_in_time() -> None:
    # brackets inside quotes fool the estimate; the reader still stops pulling events at MAX_DEPTH
    text = "roles: " + "[']'," * 100_000 + "\n"
    assert fast_path_allowed(text)
    loaded, diagnostics = load_yaml(PATH, text.encode())
    assert loaded is None
    assert "error[G014]" in format_diagnostic(diagnostics[0])


def test_a_text_without_a_final_line_break_is_left_to_the_pure_parser() -> None:
    text = "a:\n  b: c"
    assert event_shapes(parse_events_pure(text)) != event_shapes(parse_events_c(text))
    assert not fast_path_allowed(text)


PIECES = (*" -:[]{},'\"#&*!|>?%ab\\.~@`0+", "  ", "\n  ", "\n    ", "\n- ", "a: ", "? ", "---\n", "...\n", "ä", "😀",
          "\r\n", "\u00a0", "\\x41", "\\N", "k:\n  - a\n  - b\n", "|-\n  t\n", ">\n t\n\n u\n", "'a''b'", '"a\\"b"')


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_both_parsers_agree_on_texts_made_of_yaml_punctuation(text: str) -> None:
    # this found the differences the guard and ParsersDiffer now handle: '|#', tags, '?' inside brackets
    text += "\n"
    if fast_path_allowed(text):
        assert_same_events_or_c_refuses(text)
