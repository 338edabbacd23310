"""Page context of the crisis card (`krisenkarte.md`): everything for the first minutes on one printed A4 page.

The card repeats, in one line each, what other pages explain at length: the tone rules, each level's first
response with who decides, whom to call (on-call shifts, crisis team, or the guideline's contact when the
guideline has no contacts.yml) and every scenario's question with its owner and deadline. Its print layout
(docs/stylesheets/print.css) keeps it on one page; tests/test_print.py measures that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from . import links as urls
from .contacts import CrisisView, crisis_view
from .crisis import crisis_link
from .legal import ReleaseView, release_view
from .links import Link, Links
from .page import PlannedPage, Planning
from .reach import CONTACTS_LINK, Callee, OnCallView, callee, contacts_of, on_call_views
from .scenarios import by_question, question_link, response_phrase
from .start import ContactView, RuleGlance, contact_view

if TYPE_CHECKING:
    from ..parse.corpus import Guideline



@dataclass(frozen=True)
class LevelLine:
    """One escalation level: the first response it demands and who decides (with a number, if known)."""

    level: Link
    first_response: str
    decides: Callee


@dataclass(frozen=True)
class QuestionLine:
    """One scenario: its question links to its page, with the owner to call and the first response's deadline."""

    scenario: Link
    owner: Callee
    deadline: str


@dataclass(frozen=True)
class CrisisCardPage:
    """Context of `krisenkarte.md`."""

    max_first_response: str
    tone_rules: tuple[RuleGlance, ...]
    levels: tuple[LevelLine, ...]
    on_call: tuple[OnCallView, ...]
    crisis_team: CrisisView | None
    contact: ContactView
    questions: tuple[QuestionLine, ...]
    reach: Link | None  # "Wen rufe ich an?" with every number, if the guideline has contacts.yml
    playbook: Link | None  # the crisis playbook, if the guideline has crisis.yml
    release: ReleaseView | None


def crisis_card_context(guideline: Guideline, links: Links, playbook: Link | None) -> CrisisCardPage:
    """Build the card from the tone rules, levels, contacts (if any) and scenarios, sorted by question."""
    contacts = contacts_of(guideline)
    scenarios = by_question(tuple(parsed.model for parsed in guideline.scenarios))
    return CrisisCardPage(
        max_first_response=response_phrase(guideline.organisation.model.max_first_response),
        tone_rules=tuple(RuleGlance(links.to(IdKind.TONE_RULE, r.id), r.rule) for r in guideline.tone.model.rules),
        levels=tuple(
            LevelLine(links.to(IdKind.ESCALATION_LEVEL, level.id), level.max_first_response.label,
                      callee(level.decides, contacts, links))
            for level in guideline.escalation.model.levels
        ),
        on_call=on_call_views(contacts, links) if contacts else (),
        crisis_team=crisis_view(contacts, links) if contacts else None,
        contact=contact_view(guideline),
        questions=tuple(
            QuestionLine(question_link(s), callee(s.owner, contacts, links), s.first_response.label)
            for s in scenarios
        ),
        reach=CONTACTS_LINK if contacts else None,
        playbook=playbook,
        release=release_view(guideline, links),
    )


def plan_crisis_card(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the crisis card; every guideline has one, since tone, levels and scenarios are required."""
    guideline = planning.guideline
    context = crisis_card_context(guideline, planning.links, crisis_link(planning))
    return (PlannedPage(urls.CRISIS_CARD_PAGE, urls.CRISIS_CARD.label, "crisis_card.md.j2", context,
                        guideline.source_of(guideline.escalation)),)
