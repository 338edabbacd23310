"""The Python runner of the reply checker: a draft and its channel in, the findings out.

docs/javascripts/replycheck.js is the browser's runner of the same rules; tests/fixtures/replycheck/corpus.yml
is run through both and they must agree on every finding. Offsets count code points of the original draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .normalise import Normalised, is_word_character, normalise, phrase_spans
from .pattern import compile_pattern
from .rules import SEVERITIES, ChannelCheck, PatternCheck, RuleSet

TEMPLATE_KINDS = frozenset({"tone", "personal-data", "link"})
"""What `check` looks for in the guideline's own templates: what does not depend on a channel (placeholders are
meant to be in a template, the channel rules have their own checks) and is more than a hint (shouting is advice for
a reader's draft, not a reason to stop a build)."""

ALL_KINDS = frozenset({"tone", "address", "placeholder", "personal-data", "length", "shouting", "link", "greeting",
                       "sign-off"})
_LINK_START = ("https://", "http://", "www.")
# The starts in any case, spelled out: IGNORECASE would also take Unicode look-alikes ("ſ" for "s"), lower() not.
_LINK_CANDIDATE = re.compile("|".join("".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in start)
                                      for start in _LINK_START))
_LINK_END = frozenset(" \t\n\r<>\"'“”„»«")
_SENTENCE_END = frozenset(".!?:\n\"„")


@dataclass(frozen=True)
class Finding:
    """One thing the guideline would say about a draft, at the span [start, end) of the original text."""

    kind: str  # tone, address, placeholder, personal-data, length, shouting, link, greeting, sign-off
    rule_id: str
    severity: str  # error, warning, hint
    start: int
    end: int
    message: str
    link: str  # which rule explains it: "tone:<id>", "channel:<id>" or "rule:<kind>"
    better: str = ""  # the better wording, for tone rules


def check_reply(rules: RuleSet, text: str, channel_id: str | None, public: bool,
                kinds: frozenset[str] | None = None) -> tuple[Finding, ...]:
    """Return every finding in a draft for a channel (None: any), public or a direct message, by severity.

    `kinds` limits the findings to some kinds (as `check` does for templates); the others are not even looked for.
    """
    channel = rules.channel(channel_id)
    normalised = normalise(text)
    wanted = kinds if kinds is not None else ALL_KINDS
    placeholders = tuple(_pattern_spans(rules.placeholder, text, normalised)) \
        if rules.placeholder and wanted & {"placeholder", "address"} else ()
    runs: tuple[tuple[str, Callable[[], Iterable[Finding]]], ...] = (
        ("tone", lambda: _tone(rules, normalised)),
        ("address", lambda: _address(rules, text, channel, placeholders)),
        ("placeholder", lambda: _placeholder(rules.placeholder, placeholders) if rules.placeholder else ()),
        ("personal-data", lambda: _personal_data(rules, text, normalised, public)),
        ("length", lambda: _length(text, channel)),
        ("shouting", lambda: _shouting(rules, text)),
        ("link", lambda: _links(rules, text)),
        ("greeting", lambda: _expectations(rules, text, channel)),
    )
    found = [finding for kind, run in runs if kind in wanted or (kind == "greeting" and "sign-off" in wanted)
             for finding in run() if finding.kind in wanted]
    return tuple(sorted(found, key=_order))


def _order(finding: Finding) -> tuple[int, int, int, str, str]:
    return SEVERITIES.index(finding.severity), finding.start, finding.end, finding.kind, finding.rule_id


def _covered(span: tuple[int, int], exceptions: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in exceptions)


def _tone(rules: RuleSet, normalised: Normalised) -> Iterator[Finding]:
    for check in rules.tone:
        for phrase in check.phrases:
            fine = tuple(span for exception in phrase.exceptions for span in phrase_spans(normalised, exception, False))
            for start, end in phrase_spans(normalised, phrase.text, phrase.prefix):
                if not _covered((start, end), fine):
                    yield Finding("tone", check.rule_id, "warning", start, end, check.message,
                                  f"tone:{check.rule_id}", check.better)


def _pattern_spans(check: PatternCheck, text: str, normalised: Normalised) -> Iterator[tuple[int, int]]:
    fine = tuple(span for exception in check.exceptions for span in phrase_spans(normalised, exception, False))
    for match in compile_pattern(check.pattern).finditer(text):
        if match.end() > match.start() and not _covered(match.span(), fine):
            yield match.span()


def _finding(check: PatternCheck, span: tuple[int, int]) -> Finding:
    return Finding(check.kind, check.rule_id, check.severity, span[0], span[1], check.message,
                   f"rule:{check.rule_id}")


def _placeholder(check: PatternCheck, spans: tuple[tuple[int, int], ...]) -> Iterator[Finding]:
    return (_finding(check, span) for span in spans)


def _personal_data(rules: RuleSet, text: str, normalised: Normalised, public: bool) -> Iterator[Finding]:
    for check in rules.personal_data:
        if public or not check.public_only:
            yield from (_finding(check, span) for span in _pattern_spans(check, text, normalised))


def words(text: str) -> Iterator[tuple[int, int]]:
    """Yield the span of each run of letters (JavaScript: /\\p{L}+/u)."""
    start = -1
    for index, character in enumerate(text):
        if character.isalpha():
            start = index if start < 0 else start
        elif start >= 0:
            yield start, index
            start = -1
    if start >= 0:
        yield start, len(text)


def _address_forms(rules: RuleSet, text: str, placeholders: tuple[tuple[int, int], ...]) -> Iterator[
        tuple[str, tuple[int, int]]]:
    for start, end in words(text):
        if _covered((start, end), placeholders):
            continue
        word = text[start:end]
        if word.lower() in rules.address.du:
            yield "du", (start, end)
        elif word in rules.address.sie and (word in rules.address.always_formal or not _sentence_start(text, start)):
            yield "sie", (start, end)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _address(rules: RuleSet, text: str, channel: ChannelCheck | None,
             placeholders: tuple[tuple[int, int], ...]) -> Iterator[Finding]:
    forms = tuple(_address_forms(rules, text, placeholders))
    if channel is not None and channel.form is not None:
        for form, (start, end) in forms:
            if form != channel.form:
                yield Finding("address", channel.id, "error", start, end, channel.form_message, f"channel:{channel.id}")
        return
    used = tuple(dict.fromkeys(form for form, _ in forms))
    if len(used) > 1:  # the form that comes second is the odd one out
        for form, (start, end) in forms:
            if form == used[1]:
                yield Finding("address", "gemischt", "error", start, end, rules.address.mixed_message,
                              "rule:address")


def _length(text: str, channel: ChannelCheck | None) -> Iterator[Finding]:
    if channel is None or channel.max_length is None:
        return
    stripped = text.strip()
    if len(stripped) > channel.max_length:
        lead = len(text) - len(text.lstrip())
        yield Finding("length", channel.id, "error", lead + channel.max_length, lead + len(stripped),
                      channel.length_message, f"channel:{channel.id}")


def _shouting(rules: RuleSet, text: str) -> Iterator[Finding]:
    shouting = rules.shouting
    counted = [(s, e) for s, e in words(text) if e - s >= shouting.min_letters]
    loud = [(s, e) for s, e in counted if text[s:e] == text[s:e].upper() != text[s:e].lower()
            and text[s:e] not in shouting.exceptions]
    if loud and len(loud) * 100 > shouting.max_capital_share * len(counted):
        for start, end in loud:
            yield Finding("shouting", "grossbuchstaben", "hint", start, end, shouting.capitals_message,
                          "rule:shouting")
    yield from _exclamations(rules, text)


def _exclamations(rules: RuleSet, text: str) -> Iterator[Finding]:
    index = 0
    while index < len(text):
        end = index
        while end < len(text) and text[end] == "!":
            end += 1
        if end - index >= max(rules.shouting.exclamation_marks, 2):
            yield Finding("shouting", "ausrufezeichen", "hint", index, end, rules.shouting.exclamation_message,
                          "rule:shouting")
        index = max(end, index + 1)


def _links(rules: RuleSet, text: str) -> Iterator[Finding]:
    if not rules.link_hosts:
        return
    index = 0  # where the next link may start: links do not overlap
    for candidate in _LINK_CANDIDATE.finditer(text):  # no start ends inside another, so finditer skips none
        start = candidate.start()
        if start < index or (start > 0 and is_word_character(text[start - 1])):
            continue
        end = start
        while end < len(text) and text[end] not in _LINK_END:
            end += 1
        while end > start and text[end - 1] in ".,;:!?)":
            end -= 1
        if not _allowed_host(_host(text[start:end].lower()), rules.link_hosts):
            yield Finding("link", "link-host", "warning", start, end, rules.link_message, "rule:link")
        index = max(end, start + 1)


def _host(link: str) -> str:
    rest = link.split("://", 1)[1] if "://" in link else link
    for stop in "/?#:":
        rest = rest.split(stop, 1)[0]
    return rest


def _allowed_host(host: str, allowed: tuple[str, ...]) -> bool:
    return any(host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])) for pattern in allowed)


def _expectations(rules: RuleSet, text: str, channel: ChannelCheck | None) -> Iterator[Finding]:
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if channel is None or not lines:
        return
    for check in rules.expectations:
        if channel.id not in check.channels:
            continue
        start, end = lines[0] if check.kind == "greeting" else lines[-1]
        if compile_pattern(check.pattern).search(text[start:end]) is None:
            yield Finding(check.kind, check.rule_id, check.severity, start, end, check.message, f"rule:{check.kind}")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield each line's span without its leading and trailing spaces."""
    start = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        yield start + lead, start + len(line.rstrip())
        start += len(line) + 1
