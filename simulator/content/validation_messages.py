"""Pydantic validation errors translated into Spanish messages that point at a line.

Authors never see pydantic's English: each error type becomes a short Spanish sentence naming the
field path, the allowed values when there is a closed list, and a close match for typos.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from simulator.content.issues import ContentIssue
from simulator.content.yaml_lines import LinedYaml, Loc, format_loc
from simulator.language.plural import count as plural_count


def _unwrap(annotation: Any, part: str | int) -> Any:
    """The type of the element ``part`` selects inside ``annotation`` (list item, dict value)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                return _unwrap(arg, part)
        return None
    if origin in (list, tuple, set) and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _type_at(model: type[BaseModel], loc: Loc) -> Any:
    """The annotation found at ``loc`` inside ``model`` (None when it cannot be followed)."""
    current: Any = model
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part) if isinstance(part, str) else None
            current = None if info is None else info.annotation
        else:
            current = _unwrap(current, part)
        if current is None:
            return None
    return current


def _field_info(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """FieldInfo of the last part of ``loc`` when its parent is a model."""
    if not loc or not isinstance(loc[-1], str):
        return None
    parent = _type_at(model, loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        return parent.model_fields.get(loc[-1])
    return None


def _bounds(info: FieldInfo | None) -> tuple[Any, Any]:
    low = high = None
    for meta in info.metadata if info is not None else ():
        if isinstance(meta, Ge | Gt):
            low = meta.ge if isinstance(meta, Ge) else meta.gt
        if isinstance(meta, Le | Lt):
            high = meta.le if isinstance(meta, Le) else meta.lt
    return low, high


def _expected_values(ctx: dict[str, Any]) -> list[str]:
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _range_message(info: FieldInfo | None, kind: str) -> str:
    low, high = _bounds(info)
    noun = "un número entero" if kind == "int" else "un número"
    if low is not None and high is not None:
        return f"se esperaba {noun} entre {low} y {high}"
    if low is not None:
        return f"se esperaba {noun} mayor o igual a {low}"
    if high is not None:
        return f"se esperaba {noun} menor o igual a {high}"
    return f"se esperaba {noun}"


def _kind_of(info: FieldInfo | None) -> str:
    return "int" if info is not None and info.annotation is int else "number"


def spanish_message(model: type[BaseModel], err: Any) -> str:
    """Spanish sentence for one pydantic error dict (``loc``, ``type``, ``input``, ``ctx``)."""
    loc: Loc = tuple(err.get("loc", ()))
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    value = err.get("input")
    info = _field_info(model, loc)
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        parent = _type_at(model, loc[:-1])
        is_model = isinstance(parent, type) and issubclass(parent, BaseModel)
        valid = sorted(parent.model_fields) if is_model else []
        close = difflib.get_close_matches(name, valid, n=1)
        hint = f" (¿quiso decir «{close[0]}»?)" if close else ""
        listing = f" Campos válidos: {', '.join(valid)}." if valid else ""
        return f"campo desconocido «{name}»{hint}.{listing}"
    if kind == "missing":
        return f"falta el campo obligatorio «{loc[-1] if loc else '?'}»"
    if kind in ("literal_error", "enum"):
        valid = _expected_values(ctx)
        return f"valor no permitido «{value}»; valores válidos: {', '.join(valid)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{_range_message(info, _kind_of(info))} (se recibió {value})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        low, high = _bounds(info)
        if low is not None or high is not None:
            return f"{_range_message(info, 'int')} (se recibió «{value}»)"
        return f"se esperaba un número entero (se recibió «{value}»)"
    if kind in ("float_parsing", "float_type"):
        return f"se esperaba un número (se recibió «{value}»)"
    if kind in ("string_type", "string_sub_type"):
        return f"se esperaba texto (se recibió «{value}»; ponga el valor entre comillas)"
    if kind in ("bool_parsing", "bool_type"):
        return f"se esperaba true o false (se recibió «{value}»)"
    if kind == "list_type":
        return "se esperaba una lista (elementos que empiezan con «- »)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "se esperaba un mapeo (líneas «clave: valor»)"
    if kind == "too_short":
        return f"se necesita al menos {plural_count(int(ctx.get('min_length', 1)), 'elemento')}"
    if kind == "too_long":
        most = ctx.get("max_length")
        if not isinstance(most, int):
            return "hay más elementos de los permitidos"
        return f"se permiten como máximo {plural_count(most, 'elemento')}"
    if kind == "string_too_short":
        return "el texto no puede estar vacío"
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg", "valor no válido")))
    return f"valor no válido ({err.get('msg', kind)})"


def issues_from_validation(
    model: type[BaseModel], error: ValidationError, doc: LinedYaml, path: str
) -> list[ContentIssue]:
    """Every error of ``error`` as a ``file:line:`` issue, in file order."""
    issues = []
    for err in error.errors(include_url=False):
        loc: Loc = tuple(err.get("loc", ()))
        where = format_loc(loc[:-1] if err.get("type") == "extra_forbidden" else loc)
        message = spanish_message(model, err)
        if where and err.get("type") != "missing":
            message = f"{where}: {message}"
        elif where and err.get("type") == "missing" and len(loc) > 1:
            message = f"{format_loc(loc[:-1])}: {message}"
        issues.append(ContentIssue(path, doc.line_for(loc), message))
    return sorted(issues, key=lambda issue: issue.line or 0)
