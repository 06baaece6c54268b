"""The API's models as ``TypedDict``s (``SalesInvoice``, ``SalesInvoiceInput``, ...).

Type checkers read ``types.pyi``, generated from the Rust models. At run time this module
builds the same classes from the native schema on first use, so ``from lasku.types import
SalesInvoice`` works without slowing down ``import lasku``.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Dict, List, Optional, TypedDict, Union

from . import _native

_built: Dict[str, Any] = {}

MoneyInput = Union[Decimal, int, str, float]
Identifier = Union[int, str]
DateInput = Union[str, datetime.date]
DateTimeInput = Union[str, datetime.datetime]


def _type(spec: Dict[str, Any], suffix: str) -> Any:
    kind = spec["t"]
    inputs = suffix == "Input"
    simple: Dict[str, Any] = {
        "string": str,
        "money": MoneyInput if inputs else Decimal,
        "integer": int,
        "bool": bool,
        "date": DateInput if inputs else str,
        "datetime": DateTimeInput if inputs else str,
        "identifier": Identifier,
        "json": Any,
        "code": str,
    }
    if kind in simple:
        return simple[kind]
    if kind == "list":
        return List[_type(spec["of"], suffix)]  # type: ignore[misc]
    if kind == "model":
        return _forward(spec["name"] + suffix)
    if kind == "page":
        return _forward(spec["of"]["name"] + "Page")
    return Any


def _forward(name: str) -> Any:
    return name  # a forward reference, resolved by name within this module


def _build() -> None:
    schema = json.loads(_native._schema())
    for model in schema["models"]:
        for suffix in ("", "Input"):
            fields = {f["wire"]: Optional[_type(f["type"], suffix)] for f in model["fields"]}  # type: ignore[misc]
            _built[model["name"] + suffix] = TypedDict(model["name"] + suffix, fields, total=False)  # type: ignore[operator]
    for op in schema["operations"]:
        if op["returns"]["t"] == "page":
            inner = op["returns"]["of"]["name"]
            page = TypedDict(inner + "Page", {"Data": List[_forward(inner)], "Meta": Optional[_forward("PageMeta")]}, total=False)  # type: ignore[operator,misc]
            _built[inner + "Page"] = page
    _built.update(MoneyInput=MoneyInput, Identifier=Identifier, DateInput=DateInput, DateTimeInput=DateTimeInput)


def __getattr__(name: str) -> Any:
    if not _built:
        _build()
    try:
        return _built[name]
    except KeyError:
        raise AttributeError(f"module 'lasku.types' has no attribute {name!r}") from None


def __dir__() -> List[str]:
    if not _built:
        _build()
    return sorted(_built)
