"""Every reply template of the guideline with where it stands, its channels and the id the checker opens it by."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from ..load.source import DataPath
from ..model.fields import suggest_slug
from ..model.ids import IdKind, RefersTo, field_marker, model_classes_in
from ..model.scenarios import ReplyTemplate
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile


@dataclass(frozen=True)
class PlacedTemplate:
    """A reply template with where it stands and the channels it is used on."""

    parsed: ParsedFile[Any]
    data_path: DataPath
    template: ReplyTemplate
    channels: tuple[str, ...]  # its own, else those of the item that holds it (a scenario's)
    holder: str = ""  # the id of the item that holds it, e.g. the scenario's


@dataclass(frozen=True)
class TemplateText:
    """A reply template as the checker page can open it: `?vorlage=<id>`."""

    id: str
    title: str
    text: str
    channels: tuple[str, ...]


def placed_templates(guideline: Guideline) -> tuple[PlacedTemplate, ...]:
    """Return every reply template of every data file, in file order; found once per guideline."""
    return guideline.derived(_placed_templates)


def _placed_templates(guideline: Guideline) -> tuple[PlacedTemplate, ...]:
    return tuple(placed for parsed in guideline.files() for placed in _templates_in(parsed, parsed.model, (), (), ""))


def _templates_in(parsed: ParsedFile[Any], value: Any, path: DataPath, channels: tuple[str, ...],
                  holder: str) -> Iterator[PlacedTemplate]:
    if isinstance(value, ReplyTemplate):
        yield PlacedTemplate(parsed, path, value, value.channels or channels, holder)
    elif isinstance(value, BaseModel):
        channels = _channels_named_by(value) or channels
        holder = str(getattr(value, "id", "") or holder)
        for name in _template_fields(type(value)):
            yield from _templates_in(parsed, getattr(value, name), (*path, name), channels, holder)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _templates_in(parsed, item, (*path, index), channels, holder)


@lru_cache(maxsize=None)
def _template_fields(model_class: type[BaseModel]) -> tuple[str, ...]:
    """Return the fields of a model class that may hold a reply template: the walk skips the others."""
    return tuple(name for name, info in model_class.model_fields.items()
                 if any(_holds_template(nested) for nested in model_classes_in(info.annotation)))


def _holds_template(model_class: type[BaseModel], visiting: frozenset[type[BaseModel]] = frozenset()) -> bool:
    """Say whether a model class is a reply template or may hold one; a model nesting itself ends the search."""
    if issubclass(model_class, ReplyTemplate):
        return True
    inside = visiting | {model_class}
    return model_class not in visiting and any(
        _holds_template(nested, inside) for info in model_class.model_fields.values()
        for nested in model_classes_in(info.annotation))


def _channels_named_by(model: BaseModel) -> tuple[str, ...]:
    marker = field_marker(type(model), "channels")
    if isinstance(marker, RefersTo) and marker.kind is IdKind.CHANNEL:
        return tuple(getattr(model, "channels"))
    return ()


def template_texts(guideline: Guideline) -> tuple[TemplateText, ...]:
    """Return every reply template with a unique id made of its holder's id and its title."""
    return guideline.derived(_template_texts)


def _template_texts(guideline: Guideline) -> tuple[TemplateText, ...]:
    found: list[TemplateText] = []
    used: set[str] = set()
    for placed in placed_templates(guideline):
        base = _shortened(f"{suggest_slug(placed.holder)}-{suggest_slug(placed.template.title)}".strip("-"))
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        found.append(TemplateText(candidate, placed.template.title, placed.template.text, placed.channels))
    return tuple(found)


def _shortened(slug: str, limit: int = 60) -> str:
    """Cut a long id after its last whole word within the limit."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:limit]


def template_ids(guideline: Guideline) -> Mapping[tuple[str, DataPath], str]:
    """Return each template's id by the file it stands in and its data path, for the pages that show it."""
    return guideline.derived(_template_ids)


def _template_ids(guideline: Guideline) -> Mapping[tuple[str, DataPath], str]:
    placed = placed_templates(guideline)
    return MappingProxyType({(str(p.parsed.source_map.path), p.data_path): text.id
            for p, text in zip(placed, template_texts(guideline), strict=True)})
