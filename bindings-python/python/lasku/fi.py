"""The Finnish payment toolkit: references (national and RF), IBAN and BIC, Y-tunnus, VAT
numbers, henkilötunnus, OVT, and the virtual bank barcode. Rules live in the Rust core
(``lasku::fi``), shared with the CLI and every other language.

::

    >>> lasku.fi.is_valid("iban", "FI21 1234 5600 0007 85")
    True
    >>> lasku.fi.reference_forms("1001")["formatted"]
    '10016'
"""

from __future__ import annotations

import datetime

from decimal import Decimal
from typing import Any, List, Optional, TypedDict, Union, cast

from . import _native
from ._errors import ValidationError

__all__ = [
    "IDENTIFIER_KINDS",
    "check",
    "is_valid",
    "reference_forms",
    "encode_barcode",
    "decode_barcode",
    "IdentifierCheck",
    "ReferenceForms",
    "BarcodeInfo",
]

#: The kinds :func:`check` knows.
IDENTIFIER_KINDS: List[str] = list(_native.identifier_kinds())


class IdentifierCheck(TypedDict, total=False):
    """The verdict on one identifier. Valid ones carry ``formatted``, ``label``, kind-specific
    facts (an IBAN's ``bic`` and ``bank``, a reference's ``rf`` form, ...) and ``human``
    (``[label, text]`` pairs for display); invalid ones carry ``code`` and ``reason``."""

    kind: str
    value: str
    valid: bool
    code: Optional[str]
    reason: Optional[str]
    formatted: Optional[str]
    label: str
    human: List[List[str]]


class ReferenceForms(TypedDict):
    """A national reference built from a base, and its RF form."""

    base: str
    reference: str
    formatted: str
    check_digit: int
    machine_format: str
    rf: str
    rf_formatted: str


class BarcodeInfo(TypedDict):
    """The contents of a virtual bank barcode (``amount`` as a Decimal)."""

    barcode: str
    version: int
    iban: str
    iban_formatted: str
    bic: Optional[str]
    amount: Decimal
    reference: str
    reference_formatted: str
    due_date: Optional[str]


def check(kind: str, value: str) -> IdentifierCheck:
    """Checks a Finnish identifier of a kind in :data:`IDENTIFIER_KINDS`: ``reference``, ``rf``,
    ``iban``, ``bic``, ``ytunnus``, ``vat``, ``hetu``, ``ovt``."""
    return cast(IdentifierCheck, _native.check_identifier(kind, value))


def is_valid(kind: str, value: str) -> bool:
    """Whether ``value`` is a valid identifier of that kind (a kind not in
    :data:`IDENTIFIER_KINDS` raises ``ValidationError``, rather than answer ``False``)."""
    verdict = _native.check_identifier(kind, value)
    if verdict.get("code") == "kind.unknown":
        raise ValidationError(
            verdict.get("reason") or f"unknown identifier kind {kind!r}",
            violations=[{"path": "/kind", "code": "kind.unknown", "message": str(verdict.get("reason")), "severity": "error"}],
        )
    return bool(verdict.get("valid"))


def reference_forms(base: Union[str, int]) -> ReferenceForms:
    """The national reference (base + check digit) for a base of 3–19 digits (an invoice number,
    say), and its RF creditor reference form."""
    return cast(ReferenceForms, _native.reference_forms(str(base)))


def _amount_text(amount: Union[Decimal, int, str, float]) -> str:
    if isinstance(amount, bool):
        raise ValidationError("amount must be a number, not a bool", violations=[])
    if isinstance(amount, float):
        return repr(amount)
    if isinstance(amount, Decimal) and amount.is_finite():
        return format(amount, "f")  # 1E+2 as 100, which the core reads
    return str(amount)


def encode_barcode(
    iban: str,
    amount: Union[Decimal, int, str, float],
    reference: str,
    due: Union[str, datetime.date, None] = None,
) -> str:
    """The 54-digit virtual bank barcode (version 4 for a national reference, 5 for RF).
    ``due`` is a date or ``YYYY-MM-DD`` (or None for no due date)."""
    if isinstance(due, datetime.datetime):
        raise ValidationError(
            "due must be a date, not a datetime",
            violations=[{"path": "/due", "code": "type", "message": "a date, not a datetime", "severity": "error"}],
        )
    if isinstance(due, datetime.date):
        due = due.isoformat()
    elif due is not None and not isinstance(due, str):
        raise ValidationError(
            f"due must be a date or YYYY-MM-DD text, not {type(due).__name__}",
            violations=[{"path": "/due", "code": "type", "message": f"not {type(due).__name__}", "severity": "error"}],
        )
    return _native.encode_barcode(iban, _amount_text(amount), reference, due)


def decode_barcode(code: str) -> BarcodeInfo:
    """Reads a 54-digit virtual bank barcode."""
    info: Any = _native.decode_barcode(code)
    info["amount"] = Decimal(info["amount"])
    return cast(BarcodeInfo, info)
