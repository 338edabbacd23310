"""Walk a model class along a data path: which type, model or field describes the value there."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..load.source import DataPath

ModelType = type[BaseModel]


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated: `Url | None` → str, `tuple[Step, ...]` stays a tuple."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union or isinstance(annotation, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def type_at(root: ModelType, path: DataPath) -> Any:
    """Return the declared type of the value at a data path, or None if the path leaves the model."""
    current: Any = root
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current) if typing.get_origin(current) in {tuple, list} else ()
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    return _unwrap(current)


def model_at(root: ModelType, path: DataPath) -> ModelType | None:
    """Return the model whose fields are the keys at a data path."""
    found = type_at(root, path)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def field_at(root: ModelType, path: DataPath) -> FieldInfo | None:
    """Return the field a data path ends in, or None."""
    if not path or not isinstance(path[-1], str):
        return None
    model = model_at(root, path[:-1])
    return model.model_fields.get(path[-1]) if model is not None else None
