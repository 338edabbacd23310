"""The registry of id kinds, and the annotated id types that declare, on a field, which kind it defines or names.

A model field says what it holds: `id: RoleId` defines a role, `owner: RoleRef` refers to one. Reference
checks, link building, reserved-id checks, scaffolding and the JSON Schema (`x-defines`, `x-refers-to`)
all read these declarations; nothing else lists which field refers to what. The data kind that defines
an id kind follows from the same declarations (see `layout.defining_kind`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, WithJsonSchema

from .fields import SLUG_PATTERN, check_slug


@dataclass(frozen=True)
class IdKindSpec:
    """One kind of id: its names in messages and where the thing it names is shown on the site."""

    slug: str  # the name in the JSON Schema's x-defines / x-refers-to, e.g. "role"
    singular: str
    plural: str
    unknown: str  # "unbekannte Rolle": the adjective, declined for the noun's gender
    article: str  # accusative article, for "leg die Rolle … an"
    label: str  # the attribute that links to it show, e.g. a role's "title"
    example_id: str  # what a scaffold refers to while no such id exists yet
    page_folder: str | None = None  # each item has its own page: "<page_folder>/<id>.md"
    anchor_page: str | None = None  # else each item is an anchor on this page
    anchor_prefix: str = ""
    reserved: frozenset[str] = frozenset()  # ids whose page would replace a fixed page in page_folder
    unknown_note: str = ""  # what else a message about an unknown id of this kind should say


class IdKind(enum.Enum):
    """Every kind of id; ids are unique within their kind."""

    ROLE = IdKindSpec("role", "Rolle", "Rollen", "unbekannte", "die", "title", "beispiel-rolle",
                      page_folder="rollen", reserved=frozenset({"index"}))
    DEPARTMENT = IdKindSpec("department", "Abteilung", "Abteilungen", "unbekannte", "die", "name",
                            "beispiel-abteilung", anchor_page="rollen/index.md", anchor_prefix="abteilung-")
    CHANNEL = IdKindSpec("channel", "Kanal", "Kanäle", "unbekannter", "den", "name", "beispiel-kanal",
                         anchor_page="kanaele.md")
    TONE_RULE = IdKindSpec("tone-rule", "Tonalitätsregel", "Tonalitätsregeln", "unbekannte", "die", "title",
                           "beispiel-regel", anchor_page="tonalitaet.md")
    ESCALATION_LEVEL = IdKindSpec("escalation-level", "Eskalationsstufe", "Eskalationsstufen", "unbekannte", "die",
                                  "title", "beispiel-stufe", anchor_page="szenarien/eskalation.md")
    SCENARIO = IdKindSpec("scenario", "Szenario", "Szenarien", "unbekanntes", "das", "title", "beispiel-szenario",
                          page_folder="szenarien", reserved=frozenset({"index", "eskalation"}))
    TRAINING = IdKindSpec("training", "Schulungsmodul", "Schulungsmodule", "unbekanntes", "das", "title",
                          "beispiel-schulung", page_folder="schulungen", reserved=frozenset({"index"}))
    PHASE = IdKindSpec("phase", "Phase", "Phasen", "unbekannte", "die", "title", "beispiel-phase",
                       anchor_page="prozess/index.md")
    LEGAL_TOPIC = IdKindSpec("legal-topic", "Rechtsthema", "Rechtsthemen", "unbekanntes", "das", "title",
                             "beispiel-thema", anchor_page="recht.md")
    EMPLOYEE_TOPIC = IdKindSpec("employee-topic", "Thema für alle Mitarbeitenden", "Themen für alle Mitarbeitenden",
                                "unbekanntes", "das", "title", "beispiel-thema", anchor_page="mitarbeitende.md")
    QUESTION = IdKindSpec("question", "Frage", "Fragen", "unbekannte", "die", "question", "beispiel-frage",
                          anchor_page="krise.md", anchor_prefix="frage-")
    STATEMENT = IdKindSpec("statement", "Pflichttext", "Pflichttexte", "unbekannter", "den", "title",
                           "beispiel-pflichttext", anchor_page="pflichttexte.md")
    PARTY = IdKindSpec("party", "externe Stelle", "externe Stellen", "unbekannte", "die", "name", "beispiel-stelle",
                       anchor_page="externe-stellen.md")
    TASK = IdKindSpec("task", "Aufgabe", "Aufgaben", "unbekannte", "die", "label", "monitoring",
                      anchor_page="rollen/index.md", anchor_prefix="aufgabe-",
                      unknown_note="ohne Liste unter 'tasks:' in matrix.yml gelten die fünf Standardaufgaben; eine "
                      "eigene Liste ersetzt sie, dann gehören auch die Standardaufgaben hinein, die bleiben sollen")
    ONBOARDING_PHASE = IdKindSpec("onboarding-phase", "Einarbeitungsphase", "Einarbeitungsphasen", "unbekannte", "die",
                                  "title", "erste-woche", anchor_page="neu/index.md", anchor_prefix="phase-")
    ONBOARDING_STEP = IdKindSpec("onboarding-step", "Einarbeitungsschritt", "Einarbeitungsschritte", "unbekannter",
                                 "den", "title", "beispiel-schritt", anchor_page="neu/index.md",
                                 anchor_prefix="schritt-")
    REPLY_RULE = IdKindSpec("reply-rule", "Regel der Antwortprüfung", "Regeln der Antwortprüfung", "unbekannte", "die",
                            "name", "beispiel-regel", anchor_page="antwort-pruefen/index.md", anchor_prefix="regel-")

    @property
    def spec(self) -> IdKindSpec:
        return self.value


def id_kind_named(slug: str) -> IdKind:
    """Return the id kind written as `slug` in a JSON Schema, e.g. "role"."""
    return next(kind for kind in IdKind if kind.spec.slug == slug)


@dataclass(frozen=True)
class Defines:
    """Marks a field whose value is the id of a new item of this kind."""

    kind: IdKind


@dataclass(frozen=True)
class RefersTo:
    """Marks a field whose value names an item of this kind (or, with `also`, of one of several kinds) by its id."""

    kind: IdKind  # the first kind: what a scaffold fills in
    also: tuple[IdKind, ...] = ()  # further kinds the same field may name, e.g. a step's actor: role or party

    @property
    def kinds(self) -> tuple[IdKind, ...]:
        """Return every kind the field may name, the first kind first."""
        return (self.kind, *self.also)


IdMarker = Union[Defines, RefersTo]


def _id_type(marker: IdMarker, keyword: str) -> Any:
    schema: dict[str, Any] = {"type": "string", "pattern": SLUG_PATTERN, keyword: marker.kind.spec.slug}
    if isinstance(marker, RefersTo) and marker.also:
        schema["x-refers-to-also"] = [kind.spec.slug for kind in marker.also]
    return Annotated[str, AfterValidator(check_slug), marker, WithJsonSchema(schema)]


def defines(kind: IdKind) -> Any:
    """Return the type of a field that defines an id of this kind."""
    return _id_type(Defines(kind), "x-defines")


def refers_to(kind: IdKind, *also: IdKind) -> Any:
    """Return the type of a field that refers to an id of this kind, or of one of the kinds in `also`."""
    return _id_type(RefersTo(kind, also), "x-refers-to")


def former_id_of(kind: IdKind) -> Any:
    """Return the type of a former id of an item of this kind (`aliases:`): its old address redirects to the item."""
    schema = {"type": "string", "pattern": SLUG_PATTERN, "x-former-id-of": kind.spec.slug}
    return Annotated[str, AfterValidator(check_slug), WithJsonSchema(schema)]


# --- walking a model for the ids it defines and names --------------------------------------------

DataPath = tuple[Union[str, int], ...]


@dataclass(frozen=True)
class IdValue:
    """One id in a parsed model: whether it defines or refers, its kind, its value and its data path."""

    marker: IdMarker
    value: str
    data_path: DataPath


def _markers_in(annotation: Any) -> Iterator[IdMarker]:
    if get_origin(annotation) is Annotated:
        yield from (extra for extra in annotation.__metadata__ if isinstance(extra, (Defines, RefersTo)))
    for argument in get_args(annotation):
        yield from _markers_in(argument)


@lru_cache(maxsize=None)
def _field_markers(model_class: type[BaseModel]) -> tuple[tuple[str, IdMarker | None], ...]:
    """Return each field's name with its id marker (or None), read once per model class."""
    plan: list[tuple[str, IdMarker | None]] = []
    for name, info in model_class.model_fields.items():
        found = [extra for extra in info.metadata if isinstance(extra, (Defines, RefersTo))]
        found.extend(_markers_in(info.annotation))
        plan.append((name, found[0] if found else None))
    return tuple(plan)


def _models_in(model: BaseModel) -> Iterator[tuple[BaseModel, DataPath]]:
    """Yield the model and every model nested in it, each with its data path, parents first, in field order."""
    stack: list[tuple[BaseModel, DataPath]] = [(model, ())]
    while stack:  # iterative: no input can nest deep enough to exhaust Python's stack
        current, path = stack.pop()
        yield current, path
        nested: list[tuple[BaseModel, DataPath]] = []
        for name, marker in _field_markers(type(current)):
            value = getattr(current, name)
            if marker is None and isinstance(value, BaseModel):
                nested.append((value, (*path, name)))
            elif marker is None and isinstance(value, tuple):
                nested.extend((item, (*path, name, i)) for i, item in enumerate(value) if isinstance(item, BaseModel))
        stack.extend(reversed(nested))


def id_values(model: BaseModel) -> Iterator[IdValue]:
    """Yield every id the model defines or refers to, nested models included."""
    for current, path in _models_in(model):
        for name, marker in _field_markers(type(current)):
            if marker is not None:
                yield from _marked(marker, getattr(current, name), (*path, name))


def defined_items(model: BaseModel) -> Iterator[tuple[IdKind, BaseModel]]:
    """Yield each item the model defines (the model holding a `...Id` field), with its id kind."""
    for current, _ in _models_in(model):
        for name, marker in _field_markers(type(current)):
            if isinstance(marker, Defines):
                yield marker.kind, current


def _marked(marker: IdMarker, value: Any, path: DataPath) -> Iterator[IdValue]:
    if isinstance(value, str):
        yield IdValue(marker, value, path)
    elif isinstance(value, tuple):
        yield from (IdValue(marker, item, (*path, index)) for index, item in enumerate(value))


def model_classes_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """Yield the model classes in a field's type: the type itself, or inside a tuple or an optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from model_classes_in(argument)


def defined_kinds(model_class: type[BaseModel]) -> frozenset[IdKind]:
    """Return the id kinds that a model class (with the models nested in it) defines."""
    found: set[IdKind] = set()
    seen: set[type[BaseModel]] = set()
    stack = [model_class]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        found.update(marker.kind for _, marker in _field_markers(current) if isinstance(marker, Defines))
        stack.extend(nested for info in current.model_fields.values() for nested in model_classes_in(info.annotation))
    return frozenset(found)


def field_marker(model_class: type[BaseModel], field_name: str) -> IdMarker | None:
    """Return the id marker declared on one field of a model class, if any."""
    return dict(_field_markers(model_class)).get(field_name)


# --- the id types the models use: one pair per id kind --------------------------------------------

RoleId = defines(IdKind.ROLE)
FormerRoleId = former_id_of(IdKind.ROLE)
RoleRef = refers_to(IdKind.ROLE)
DepartmentId = defines(IdKind.DEPARTMENT)
DepartmentRef = refers_to(IdKind.DEPARTMENT)
ChannelId = defines(IdKind.CHANNEL)
ChannelRef = refers_to(IdKind.CHANNEL)
ToneRuleId = defines(IdKind.TONE_RULE)
ToneRuleRef = refers_to(IdKind.TONE_RULE)
LevelId = defines(IdKind.ESCALATION_LEVEL)
LevelRef = refers_to(IdKind.ESCALATION_LEVEL)
ScenarioId = defines(IdKind.SCENARIO)
FormerScenarioId = former_id_of(IdKind.SCENARIO)
ScenarioRef = refers_to(IdKind.SCENARIO)
TrainingId = defines(IdKind.TRAINING)
FormerTrainingId = former_id_of(IdKind.TRAINING)
TrainingRef = refers_to(IdKind.TRAINING)
PhaseId = defines(IdKind.PHASE)
PhaseRef = refers_to(IdKind.PHASE)
LegalTopicId = defines(IdKind.LEGAL_TOPIC)
LegalTopicRef = refers_to(IdKind.LEGAL_TOPIC)
EmployeeTopicId = defines(IdKind.EMPLOYEE_TOPIC)
EmployeeTopicRef = refers_to(IdKind.EMPLOYEE_TOPIC)
QuestionId = defines(IdKind.QUESTION)
QuestionRef = refers_to(IdKind.QUESTION)
StatementId = defines(IdKind.STATEMENT)
StatementRef = refers_to(IdKind.STATEMENT)
PartyId = defines(IdKind.PARTY)
PartyRef = refers_to(IdKind.PARTY)

ACTOR_KINDS = (IdKind.ROLE, IdKind.PARTY)
"""Who can act, be escalated to, informed or alerted: a role of the organisation or an external party."""
ActorRef = refers_to(*ACTOR_KINDS)
"""A reference to a role or an external party; role and party ids never collide, so the id says which."""
TaskId = defines(IdKind.TASK)
TaskRef = refers_to(IdKind.TASK)
OnboardingPhaseId = defines(IdKind.ONBOARDING_PHASE)
OnboardingPhaseRef = refers_to(IdKind.ONBOARDING_PHASE)
OnboardingStepId = defines(IdKind.ONBOARDING_STEP)
ReplyRuleId = defines(IdKind.REPLY_RULE)
