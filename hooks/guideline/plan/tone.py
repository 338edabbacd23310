"""Page context of the tone rules: each rule with why, examples and the phrases that breach it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model.tone import Example
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning
from .replycheck import reply_check_link
from .scenarios import by_question, question_link

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


@dataclass(frozen=True)
class RuleView:
    """One tone rule with its examples and the scenarios where it matters most."""

    id: str
    title: str
    rule: str
    why: str
    examples: tuple[Example, ...]
    breach_phrases: tuple[str, ...]
    scenarios: tuple[Link, ...]


@dataclass(frozen=True)
class TonePage:
    """Context of `tonalitaet.md`."""

    rules: tuple[RuleView, ...]
    reply_check: Link | None = None  # "Antwort prüfen": the rules as a checker for a draft


def tone_context(guideline: Guideline, links: Links) -> TonePage:
    """Build the tone page: one section per rule, anchored by its id."""
    scenarios = by_question(tuple(parsed.model for parsed in guideline.scenarios))
    return TonePage(
        rules=tuple(
            RuleView(
                id=rule.id, title=rule.title, rule=rule.rule, why=rule.why, examples=rule.examples,
                breach_phrases=tuple(_shown(p.phrase) for p in rule.phrases),
                scenarios=tuple(question_link(s) for s in scenarios if rule.id in s.tone_rules),
            )
            for rule in guideline.tone.model.rules
        )
    )


def _shown(phrase: str) -> str:
    """Show a phrase that may go on ("unschlagbar*") as readers write it: "unschlagbar…"."""
    return f"{phrase.rstrip().removesuffix('*')}…" if phrase.rstrip().endswith("*") else phrase


def plan_tone(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the tone rules."""
    guideline = planning.guideline
    context = replace(tone_context(guideline, planning.links), reply_check=reply_check_link())
    return (PlannedPage(urls.TONE_PAGE, "Tonalität", "tone.md.j2", context, guideline.source_of(guideline.tone)),)
