"""Where every page lives, and how an id of the guideline becomes a Link to its page or anchor.

URLs are German and stable; ids become file names and anchors, so `rollen/<role-id>.md` and
`tonalitaet.md#<rule-id>` never change unless the id does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

START_PAGE = "index.md"
TONE_PAGE = "tonalitaet.md"
ROLES_PAGE = "rollen/index.md"
CHANNELS_PAGE = "kanaele.md"
SCENARIOS_PAGE = "szenarien/index.md"
ESCALATION_PAGE = "szenarien/eskalation.md"
CURRICULUM_PAGE = "schulungen/index.md"
PROCESS_PAGE = "prozess/index.md"
STRATEGY_PAGE = "prozess/strategie.md"
CONTRIBUTING_PAGE = "mitmachen/index.md"
ERROR_CODES_PAGE = "mitmachen/fehlercodes.md"

ROLE_FOLDER = "rollen"
SCENARIO_FOLDER = "szenarien"
TRAINING_FOLDER = "schulungen"

RESERVED_IDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        ROLE_FOLDER: frozenset({"index"}),
        SCENARIO_FOLDER: frozenset({"index", "eskalation"}),
        TRAINING_FOLDER: frozenset({"index"}),
    }
)
"""Ids a role, scenario or training module must not have: its page would replace a fixed page."""

DEPARTMENT_ANCHOR_PREFIX = "abteilung-"
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


def role_page(role_id: str) -> str:
    """Return the page of one role."""
    return f"{ROLE_FOLDER}/{role_id}.md"


def scenario_page(scenario_id: str) -> str:
    """Return the page of one scenario."""
    return f"{SCENARIO_FOLDER}/{scenario_id}.md"


def training_page(module_id: str) -> str:
    """Return the page of one training module."""
    return f"{TRAINING_FOLDER}/{module_id}.md"


def anchored(page: str, anchor: str) -> str:
    """Return a link target to an anchor on a page."""
    return f"{page}#{anchor}"


def reading_key(text: str) -> tuple[str, str]:
    """Return a key that sorts German text as readers expect: umlauts with their base letter, case-blind."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    base = "".join(char for char in folded if not unicodedata.combining(char))
    return (base, text)


def _labels(items: Iterable[Any], label: str) -> Mapping[str, str]:
    """Map each item's id to the attribute its links show, e.g. a role's title."""
    return MappingProxyType({item.id: getattr(item, label) for item in items})


@dataclass(frozen=True)
class Links:
    """Resolve the guideline's ids to Links; every reference in a page context comes from here."""

    roles: Mapping[str, str]
    rules: Mapping[str, str]
    channels: Mapping[str, str]
    levels: Mapping[str, str]
    scenarios: Mapping[str, str]
    modules: Mapping[str, str]
    phases: Mapping[str, str]
    departments: Mapping[str, str]

    def role(self, role_id: str) -> Link:
        return Link(self.roles[role_id], role_page(role_id))

    def rule(self, rule_id: str) -> Link:
        return Link(self.rules[rule_id], anchored(TONE_PAGE, rule_id))

    def channel(self, channel_id: str) -> Link:
        return Link(self.channels[channel_id], anchored(CHANNELS_PAGE, channel_id))

    def level(self, level_id: str) -> Link:
        return Link(self.levels[level_id], anchored(ESCALATION_PAGE, level_id))

    def scenario(self, scenario_id: str) -> Link:
        return Link(self.scenarios[scenario_id], scenario_page(scenario_id))

    def module(self, module_id: str) -> Link:
        return Link(self.modules[module_id], training_page(module_id))

    def phase(self, phase_id: str) -> Link:
        return Link(self.phases[phase_id], anchored(PROCESS_PAGE, phase_id))

    def department(self, department_id: str) -> Link:
        return Link(self.departments[department_id], anchored(ROLES_PAGE, department_anchor(department_id)))

    def matrix(self, channel_id: str) -> Link:
        """Return a link to a channel's table in the role matrix."""
        return Link(self.channels[channel_id], anchored(ROLES_PAGE, matrix_anchor(channel_id)))


def department_anchor(department_id: str) -> str:
    """Return the anchor of a department's section on the roles page."""
    return DEPARTMENT_ANCHOR_PREFIX + department_id


def matrix_anchor(channel_id: str) -> str:
    """Return the anchor of a channel's table on the roles page."""
    return MATRIX_ANCHOR_PREFIX + channel_id


def resolve_links(guideline: Guideline) -> Links:
    """Gather every id of the guideline with the label its links show."""
    return Links(
        roles=_labels(guideline.roles.model.roles, "title"),
        rules=_labels(guideline.tone.model.rules, "title"),
        channels=_labels(guideline.channels.model.channels, "name"),
        levels=_labels(guideline.escalation.model.levels, "title"),
        scenarios=_labels((parsed.model for parsed in guideline.scenarios), "title"),
        modules=_labels((parsed.model for parsed in guideline.training), "title"),
        phases=_labels(guideline.process.model.phases, "title"),
        departments=_labels(guideline.departments.model.departments, "name"),
    )
