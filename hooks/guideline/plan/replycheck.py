"""Page context of "Antwort prüfen" (/antwort-pruefen/), and the rule set the page's script checks drafts with.

Without JavaScript the page explains every rule as text; with it, docs/javascripts/replycheck.js checks a draft
against `javascripts/replycheck-rules.js`, which `rules_script` gives as data (render/replycheck.py writes it).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..load.source import DataPath
from ..model.ids import IdKind
from ..parse.file import ParsedFile
from ..replycheck.rules import ChannelCheck, PatternCheck, RuleSet, compile_rules, rules_data
from .links import Link, Links
from .page import PlannedPage, Planning

REPLY_CHECK_FOLDER = "antwort-pruefen"
REPLY_CHECK_PAGE = f"{REPLY_CHECK_FOLDER}/index.md"
TemplateIds = Mapping[tuple[str, DataPath], str]
"""Each reply template's id in the checker, by its file's display path and its data path (replycheck.templates)."""
RULES_SCRIPT = "javascripts/replycheck-rules.js"  # reply_check.md.j2 loads it as ../javascripts/replycheck-rules.js
TEMPLATE_PARAMETER = "vorlage"


@dataclass(frozen=True)
class ToneRuleView:
    rule: Link
    phrases: tuple[str, ...]
    better: str


@dataclass(frozen=True)
class ChannelView:
    channel: Link
    form: str  # "du", "Sie" or "" (not fixed)
    max_length: int | None


@dataclass(frozen=True)
class PatternView:
    anchor: str
    name: str
    message: str
    where: str  # "nur öffentlich" / "auch in Direktnachrichten"
    severity: str
    exceptions: tuple[str, ...]


@dataclass(frozen=True)
class ExpectationView:
    name: str
    message: str
    channels: tuple[Link, ...]


@dataclass(frozen=True)
class ReplyCheckPage:
    """Context of `antwort-pruefen/index.md`: every rule the checker applies, in words."""

    tone_rules: tuple[ToneRuleView, ...]
    channels: tuple[ChannelView, ...]
    personal_data: tuple[PatternView, ...]
    placeholder: str  # its message, "" without a usable placeholder pattern
    link_hosts: tuple[str, ...]
    shouting_share: int
    shouting_letters: int
    exclamation_marks: int
    expectations: tuple[ExpectationView, ...]


def reply_check_link() -> Link:
    """Return the link to the checker."""
    return Link("Antwort prüfen", REPLY_CHECK_PAGE)


def template_check_links(ids: TemplateIds, parsed: ParsedFile[Any], templates: DataPath,
                         titles: tuple[str, ...]) -> tuple[Link, ...]:
    """Return a "Vorlage prüfen" link for each template in the tuple at `templates`, opening it in the checker."""
    path = str(parsed.source_map.path)
    return tuple(Link(f"Vorlage „{title}“ prüfen",
                      f"{REPLY_CHECK_PAGE}?{TEMPLATE_PARAMETER}={ids[(path, (*templates, index))]}")
                 for index, title in enumerate(titles))


def reply_check_context(rules: RuleSet, links: Links) -> ReplyCheckPage:
    """Build the page: the tone rules' phrases, each channel's form and length, and reply_check.yml's rules."""
    return ReplyCheckPage(
        tone_rules=tuple(ToneRuleView(links.to(IdKind.TONE_RULE, t.rule_id), _phrases(rules, t.rule_id), t.better)
                         for t in rules.tone),
        channels=tuple(_channel_view(c, links) for c in rules.channels),
        personal_data=tuple(_pattern_view(check) for check in rules.personal_data),
        placeholder="" if rules.placeholder is None else rules.placeholder.message,
        link_hosts=rules.link_hosts,
        shouting_share=rules.shouting.max_capital_share,
        shouting_letters=rules.shouting.min_letters,
        exclamation_marks=max(rules.shouting.exclamation_marks, 2),
        expectations=tuple(ExpectationView(check.name, check.message,
                                           tuple(links.to(IdKind.CHANNEL, c) for c in check.channels))
                           for check in rules.expectations),
    )


def _phrases(rules: RuleSet, rule_id: str) -> tuple[str, ...]:
    tone = next(check for check in rules.tone if check.rule_id == rule_id)
    return tuple(phrase.label for phrase in tone.phrases)


def _channel_view(channel: ChannelCheck, links: Links) -> ChannelView:
    form = {"du": "du", "sie": "Sie"}.get(channel.form or "", "")
    return ChannelView(links.to(IdKind.CHANNEL, channel.id), form, channel.max_length)


def _pattern_view(check: PatternCheck) -> PatternView:
    where = "nur in öffentlichen Antworten" if check.public_only else "auch in Direktnachrichten"
    severity = {"error": "Fehler", "warning": "Warnung", "hint": "Hinweis"}[check.severity]
    return PatternView(f"regel-{check.rule_id}", check.name, check.message, where, severity, check.exceptions)


def _href(target: str) -> str:
    """Return a page target ("tonalitaet.md#x") as an address relative to the checker page ("../tonalitaet/#x")."""
    path, _, anchor = target.partition("#")
    folder = path.removesuffix("index.md") if path.endswith("index.md") else path.removesuffix(".md") + "/"
    relative = posixpath.relpath(folder or ".", REPLY_CHECK_FOLDER) + "/"
    return f"{relative}#{anchor}" if anchor else relative


def rule_links(rules: RuleSet, links: Links) -> dict[str, str]:
    """Return where each finding's rule is explained, by the matcher's link key."""
    found = {f"tone:{t.rule_id}": _href(links.to(IdKind.TONE_RULE, t.rule_id).target) for t in rules.tone}
    found.update({f"channel:{c.id}": _href(links.to(IdKind.CHANNEL, c.id).target) for c in rules.channels})
    found.update({f"rule:{p.rule_id}": f"#regel-{p.rule_id}" for p in rules.personal_data})
    found.update({f"rule:{name}": f"#{anchor}" for name, anchor in _SECTIONS.items()})
    return found


_SECTIONS = {"platzhalter": "platzhalter", "address": "anrede", "shouting": "schreien", "link": "links",
             "greeting": "anrede-und-gruss", "sign-off": "anrede-und-gruss"}
"""The page's sections that explain the rules without an entry of their own."""


def rules_script(planning: Planning) -> dict[str, Any]:
    """Return the data of the generated rules script: the rule set with the links the page shows."""
    rules = compile_rules(planning.guideline)
    return rules_data(rules, rule_links(rules, planning.links))


def plan_reply_check(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the checker page; every guideline has one (the tone rules are required)."""
    guideline = planning.guideline
    context = reply_check_context(compile_rules(guideline), planning.links)
    return (PlannedPage(REPLY_CHECK_PAGE, "Antwort prüfen", "reply_check.md.j2", context,
                        guideline.source_of(guideline.tone)),)
