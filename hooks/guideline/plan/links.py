"""Where every page lives, and how an id of the guideline becomes a Link to its page or anchor.

URLs are German and stable; ids become file names and anchors, so `rollen/<role-id>.md` and
`tonalitaet.md#<rule-id>` never change unless the id does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..model.ids import ACTOR_KINDS, IdKind, defined_items

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

START_PAGE = "index.md"
TONE_PAGE = "tonalitaet.md"
ROLES_PAGE = "rollen/index.md"
CHANNELS_PAGE = "kanaele.md"
SCENARIOS_PAGE = "szenarien/index.md"
ESCALATION_PAGE = "szenarien/eskalation.md"
CRISIS_PAGE = "krise.md"
CRISIS_CARD_PAGE = "krisenkarte.md"
CURRICULUM_PAGE = "schulungen/index.md"
PROCESS_PAGE = "prozess/index.md"
STRATEGY_PAGE = "prozess/strategie.md"
EMPLOYEES_PAGE = "mitarbeitende.md"
CONTRIBUTING_PAGE = "mitmachen/index.md"
ERROR_CODES_PAGE = "mitmachen/fehlercodes.md"
LEGAL_PAGE = "recht.md"
STATEMENTS_PAGE = "pflichttexte.md"
PARTIES_PAGE = "externe-stellen.md"

MATRIX_ANCHOR_PREFIX = "matrix-"

_EXTERNAL_PREFIXES = ("https://", "http://", "mailto:")


@dataclass(frozen=True)
class Link:
    """A resolved reference: the label to show and the target page ("dir/page.md#anchor") or URL."""

    label: str
    target: str

    @property
    def is_external(self) -> bool:
        """Tell whether the target is an address outside the site (https, http or mailto)."""
        return self.target.startswith(_EXTERNAL_PREFIXES)


START = Link("Start", START_PAGE)
"""The first link of every breadcrumb line."""

CONTRIBUTING = Link("Mitmachen", CONTRIBUTING_PAGE)
"""The link to the contributors' page, which several pages show."""

CRISIS_CARD = Link("Krisenkarte", CRISIS_CARD_PAGE)
"""The link to the one-page crisis card, which the start page and the crisis playbook show."""

PARTIES = Link("Externe Stellen", PARTIES_PAGE)
"""The link to the page of external parties (authorities, emergency services, partners), if parties.yml exists."""


def page_of(kind: IdKind, item_id: str) -> str:
    """Return where an item is shown: its own page, or its anchor on its kind's page (the registry says which)."""
    spec = kind.spec
    if spec.page_folder is not None:
        return f"{spec.page_folder}/{item_id}.md"
    return anchored(spec.anchor_page or START_PAGE, anchor_of(kind, item_id))


def anchor_of(kind: IdKind, item_id: str) -> str:
    """Return the anchor of an item shown on its kind's page, e.g. a department's section."""
    return kind.spec.anchor_prefix + item_id


def anchored(page: str, anchor: str) -> str:
    """Return a link target to an anchor on a page."""
    return f"{page}#{anchor}"


_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def reading_key(text: str) -> tuple[str, str]:
    """Return a key that sorts German text as readers expect: umlauts with their base letter, case-blind."""
    folded = text.casefold().translate(_UMLAUTS)  # what decomposing does to German's own letters, at once
    if folded.isascii():  # nothing left to decompose: nearly every German title and name
        return (folded, text)
    folded = unicodedata.normalize("NFKD", folded)
    base = "".join(char for char in folded if not unicodedata.combining(char))
    return (base, text)


@dataclass(frozen=True)
class Links:
    """Resolve the guideline's ids to Links; every reference in a page context comes from here."""

    labels: Mapping[IdKind, Mapping[str, str]]

    def fingerprint(self) -> tuple[tuple[IdKind, tuple[tuple[str, str], ...]], ...]:
        """Return every label as a hashable value: equal fingerprints resolve every id to the same link."""
        return tuple((kind, tuple(labels.items())) for kind, labels in self.labels.items())

    def to(self, kind: IdKind, item_id: str) -> Link:
        """Return a link to an item, labelled with its title or name."""
        return Link(self.labels[kind][item_id], page_of(kind, item_id))

    def to_any(self, kinds: tuple[IdKind, ...], item_id: str) -> Link:
        """Return a link to an item of whichever of the kinds defines the id, e.g. a step's role or party."""
        kind = next((kind for kind in kinds if item_id in self.labels[kind]), kinds[0])
        return self.to(kind, item_id)

    def actor(self, item_id: str) -> Link:
        """Return a link to a role or an external party: whoever a step, escalation or alert names."""
        return self.to_any(ACTOR_KINDS, item_id)

    def matrix(self, channel_id: str) -> Link:
        """Return a link to a channel's table in the role matrix."""
        return Link(self.labels[IdKind.CHANNEL][channel_id], anchored(ROLES_PAGE, matrix_anchor(channel_id)))


def matrix_anchor(channel_id: str) -> str:
    """Return the anchor of a channel's table on the roles page."""
    return MATRIX_ANCHOR_PREFIX + channel_id


def resolve_links(guideline: Guideline) -> Links:
    """Gather every id of the guideline with the label its links show (the registry names the attribute).

    Made once per guideline: the page planners and the reply checker's rules script share it.
    """
    return guideline.derived(_resolve_links)


def _resolve_links(guideline: Guideline) -> Links:
    labels: dict[IdKind, dict[str, str]] = {kind: {} for kind in IdKind}
    for parsed in guideline.files():
        for kind, item in defined_items(parsed.model):
            labels[kind][getattr(item, "id")] = getattr(item, kind.spec.label)
    return Links(MappingProxyType({kind: MappingProxyType(found) for kind, found in labels.items()}))
