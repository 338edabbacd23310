"""Fuzzing with Hypothesis: mutated data files never crash the check, and every position is real.

Each example takes a valid guideline (tests/fixtures/minimal/ or the shipped guideline_data/), picks
one file and breaks it the way contributors do: a key deleted, duplicated or misspelt, a value of the
wrong type, text with template syntax, HTML, `javascript:` links or odd Unicode (direction marks,
zero-width and combining characters, emoji, NUL and other control characters), or bytes that are not
UTF-8. Then `check_site` must either pass or report diagnostics whose file exists and whose
line:column lies inside that file; and a guideline that passes must render a page or an anchor for
every id.
"""

from __future__ import annotations

import enum
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from guideline.check.references import defined_ids
from guideline.codes import all_codes
from guideline.diagnostics import Diagnostic, Report, format_diagnostic
from guideline.parse.corpus import Guideline
from guideline.plan.links import resolve_links
from guideline.plan.pages import plan_pages
from guideline.render.markdown import render_pages
from guideline.site import check_site, load_guideline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TESTS = Path(__file__).resolve().parent
DATASETS = {"minimal": TESTS / "fixtures" / "minimal", "shipped": TESTS.parent / "example_data"}
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, as the loader counts lines
NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE

HOSTILE_TEXT = (
    "{{ 7*7 }}", "{% if true %}x{% endif %}", "{# Kommentar #}", "{{ config }}", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "[Klick](javascript:alert(1))", "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>', "&lt;b&gt;", "`Code`", "*fett*", "| a | b |", "!!! warning",
    "{: onclick=alert(1) }", "# Überschrift", "\\", "---", "- Liste", "key: value", "&anker", "*alias",
    "!!python/none",
)
ODD_CHARACTERS = (
    "\u200f", "\u200e", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u0301", "\u0308", "😀", "👩\u200d💻",
    "🇩🇪", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\t", "\r", "\n", "ß", "ǅ", "\U0001d504",
    "\ufffd", "\ufffe",
)
ODD_BYTES = (b"\xff", b"\xc3", b"\xe4", b"\x00", b"\xef\xbb\xbf", b"\r", b"\xed\xa0\x80", b"\xf4\x90\x80\x80")
OTHER_TYPES = ("[eins, zwei]", "{schluessel: wert}", "", "42", "true", "~", "'4 h'", "- liste", "|\n  Text")

payloads = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_TEXT),
        st.sampled_from(ODD_CHARACTERS),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=4),
    ),
    min_size=1, max_size=6,
).map("".join)


class Mutation(enum.Enum):
    DELETE_KEY = "delete a key"
    DUPLICATE_KEY = "duplicate a key"
    RETYPE_VALUE = "give a value another type"
    MISSPELL_KEY = "misspell a key"
    REPLACE_TEXT = "replace a text by odd text"
    INSERT_RAW = "insert odd characters unescaped"
    INSERT_BYTES = "insert bytes that are not UTF-8"


@dataclass(frozen=True)
class Entry:
    """A mapping entry of a YAML file, by character offsets."""

    key_start: int
    key_end: int
    value_start: int
    value_end: int
    value_is_scalar: bool


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def entries_and_scalars(text: str) -> tuple[list[Entry], list[Span]]:
    """Return every mapping entry and every scalar value of a YAML text, with their offsets."""
    entries: list[Entry] = []
    scalars: list[Span] = []
    pending = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                entries.append(Entry(key.start_mark.index, key.end_mark.index, value.start_mark.index,
                                     value.end_mark.index, isinstance(value, yaml.ScalarNode)))
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.ScalarNode):
            scalars.append(Span(node.start_mark.index, node.end_mark.index))
    return entries, scalars


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def starts_line(text: str, index: int) -> bool:
    """Tell whether only indentation stands between the start of the line and index."""
    return not text[line_start(text, index):index].strip()


def yaml_double_quoted(text: str) -> str:
    """Quote any text as a YAML double-quoted scalar: escapes only what YAML cannot hold literally."""
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif NON_PRINTABLE.match(char) or char in "\t\r\n\x85\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def misspelt(key: str, draw: Callable[[st.SearchStrategy[int]], int]) -> str:
    """Return a typo of a key: a letter dropped, doubled or swapped, capitals, or a dash for an underscore."""
    position = draw(st.integers(0, max(len(key) - 1, 0)))
    variants = [
        key[:position] + key[position + 1:],
        key[:position] + key[position:position + 1] * 2 + key[position + 1:],
        key[:position] + key[position + 1:position + 2] + key[position:position + 1] + key[position + 2:],
        key.upper(),
        key.replace("_", "-"),
        key + "s",
    ]
    return variants[draw(st.integers(0, len(variants) - 1))]


def mutate(text: str, mutation: Mutation, data: st.DataObject) -> bytes:
    """Apply one mutation to a valid YAML text; return the file's new bytes."""
    entries, scalars = entries_and_scalars(text)
    if mutation is Mutation.INSERT_BYTES:
        raw = text.encode("utf-8")
        at = data.draw(st.integers(0, len(raw)), label="byte offset")
        return raw[:at] + data.draw(st.sampled_from(ODD_BYTES), label="bytes") + raw[at:]
    if mutation in (Mutation.REPLACE_TEXT, Mutation.INSERT_RAW):
        span = data.draw(st.sampled_from(scalars), label="scalar")
        payload = data.draw(payloads, label="payload")
        if mutation is Mutation.INSERT_RAW:
            at = data.draw(st.integers(span.start, span.end), label="offset")
            return (text[:at] + payload + text[at:]).encode("utf-8")
        original = text[span.start:span.end]
        tail = original[len(original.rstrip()):]  # block scalars end after their line break: keep it
        return (text[:span.start] + yaml_double_quoted(payload) + tail + text[span.end:]).encode("utf-8")
    entry = data.draw(st.sampled_from(entries), label="entry")
    return mutate_entry(text, entry, mutation, data).encode("utf-8")


def mutate_entry(text: str, entry: Entry, mutation: Mutation, data: st.DataObject) -> str:
    """Delete, duplicate, retype or misspell one mapping entry, keeping the lines around it intact."""
    key = text[entry.key_start:entry.key_end]
    # Block values (lists, mappings, `|` text) end at the start of the next entry's line.
    next_line = line_start(text, entry.value_end) if starts_line(text, entry.value_end) else None
    if mutation is Mutation.MISSPELL_KEY:
        return text[:entry.key_start] + misspelt(key, data.draw) + text[entry.key_end:]
    if mutation is Mutation.DELETE_KEY:
        whole_lines = next_line is not None and starts_line(text, entry.key_start)
        start = line_start(text, entry.key_start) if whole_lines else entry.key_start
        return text[:start] + text[entry.value_end if next_line is None else next_line:]
    if mutation is Mutation.DUPLICATE_KEY:
        copy = text[entry.key_start:entry.value_end].rstrip()
        indent = " " * (entry.key_start - line_start(text, entry.key_start))
        if next_line is None:
            return text[:entry.value_end] + "\n" + indent + copy + text[entry.value_end:]
        return text[:next_line] + indent + copy + "\n" + text[next_line:]
    replacement = data.draw(st.sampled_from(OTHER_TYPES), label="other type") if entry.value_is_scalar else "ein Text"
    if next_line is None:
        return text[:entry.value_start] + replacement + text[entry.value_end:]
    return text[:entry.value_start] + replacement + "\n" + text[next_line:]


# --- what must hold -------------------------------------------------------------------------------


def yaml_lines(content: bytes) -> list[str]:
    """Split a file into lines as YAML counts them (after decoding, without a byte order mark)."""
    return YAML_LINE_BREAK.split(content.decode("utf-8", errors="replace").removeprefix("\ufeff"))


def assert_points_inside_its_file(diagnostic: Diagnostic, root: Path) -> None:
    shown = format_diagnostic(diagnostic)
    path = root / diagnostic.path
    assert path.is_file(), f"the diagnostic names a file that does not exist:\n{shown}"
    lines = yaml_lines(path.read_bytes())
    line, column = diagnostic.position.line, diagnostic.position.column
    assert 1 <= line <= len(lines), f"line {line} is outside the file ({len(lines)} lines):\n{shown}"
    assert 1 <= column <= len(lines[line - 1]) + 1, f"column {column} is outside line {line!r}:\n{shown}"


def assert_sound_report(report: Report, root: Path) -> None:
    documented = {entry.code for entry in all_codes()}
    for diagnostic in report.diagnostics:
        assert diagnostic.code in documented, format_diagnostic(diagnostic)
        assert diagnostic.message.strip(), format_diagnostic(diagnostic)
        assert_points_inside_its_file(diagnostic, root)


def assert_every_id_is_rendered(guideline: Guideline) -> None:
    pages = {page.src_uri: page.markdown for page in render_pages(plan_pages(guideline, all_codes()))}
    links = resolve_links(guideline)
    for mention in defined_ids(guideline):
        target = links.to(mention.kind, mention.item_id).target
        page, _, anchor = target.partition("#")
        assert page in pages, f"{mention.kind.name} '{mention.item_id}' has no page {page}"
        if anchor:
            assert pages[page].count("{#" + anchor + "}") == 1, f"{page} must define the anchor '{anchor}' once"


def check_mutated_guideline(root: Path, data: st.DataObject) -> None:
    data_dir = root / "guideline_data"
    files = sorted(path for path in data_dir.rglob("*.yml") if "schema" not in path.parts)
    target = data.draw(st.sampled_from(files), label="file")
    original = target.read_bytes()
    mutation = data.draw(st.sampled_from(Mutation), label="mutation")
    try:
        target.write_bytes(mutate(original.decode("utf-8"), mutation, data))
        report = check_site(data_dir, root)
        assert_sound_report(report, root)
        if not report.errors:
            guideline, _ = load_guideline(data_dir, root)
            assert guideline is not None
            assert_every_id_is_rendered(guideline)
    finally:
        target.write_bytes(original)


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A copy of each valid guideline, each in its own repository root."""
    roots = {}
    for name, source in DATASETS.items():
        root = tmp_path_factory.mktemp(f"fuzz-{name}")
        shutil.copytree(source, root / "guideline_data")
        assert not check_site(root / "guideline_data", root).errors, name
        roots[name] = root
    return roots


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutations_of_the_minimal_guideline(trees: dict[str, Path], data: st.DataObject) -> None:
    check_mutated_guideline(trees["minimal"], data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutations_of_the_shipped_guideline(trees: dict[str, Path], data: st.DataObject) -> None:
    check_mutated_guideline(trees["shipped"], data)


# --- the mutations themselves ---------------------------------------------------------------------


SAMPLE = "a: 1\nliste:\n  - x: eins\n    y: zwei\nb: |\n  Text\nc: drei\n"


@pytest.mark.parametrize(
    ("mutation", "choice", "expected"),
    [
        (Mutation.DELETE_KEY, 0, {"liste": [{"x": "eins", "y": "zwei"}], "b": "Text\n", "c": "drei"}),
        (Mutation.DELETE_KEY, 1, {"a": 1, "b": "Text\n", "c": "drei"}),
        (Mutation.RETYPE_VALUE, 1, {"a": 1, "liste": "ein Text", "b": "Text\n", "c": "drei"}),
    ],
)
def test_entry_mutations_change_what_they_say(mutation: Mutation, choice: int, expected: object) -> None:
    entries, _ = entries_and_scalars(SAMPLE)
    top_level = sorted((e for e in entries if line_start(SAMPLE, e.key_start) == e.key_start),
                       key=lambda e: e.key_start)
    mutated = mutate_entry(SAMPLE, top_level[choice], mutation, data=None)  # type: ignore[arg-type]
    assert yaml.safe_load(mutated) == expected


def duplicated_keys(text: str) -> list[str]:
    """Return the keys that some mapping of a YAML text holds twice."""
    found, pending = [], [yaml.compose(text, Loader=yaml.SafeLoader)]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            found += sorted({key for key in keys if keys.count(key) > 1})
            pending += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return found


def test_a_duplicated_key_appears_twice_in_its_own_mapping() -> None:
    entries, _ = entries_and_scalars(SAMPLE)
    for entry in entries:
        mutated = mutate_entry(SAMPLE, entry, Mutation.DUPLICATE_KEY, data=None)  # type: ignore[arg-type]
        assert duplicated_keys(mutated) == [SAMPLE[entry.key_start:entry.key_end]], mutated


def test_odd_text_survives_double_quoting() -> None:
    text = "".join(ODD_CHARACTERS) + "".join(HOSTILE_TEXT) + '"\\'
    assert yaml.safe_load("k: " + yaml_double_quoted(text)) == {"k": text}
