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
    """Whether ``value`` is a valid identifier of that kind."""
    return bool(_native.check_identifier(kind, value).get("valid"))


def reference_forms(base: Union[str, int]) -> ReferenceForms:
    """The national reference (base + check digit) for a base of 3–19 digits (an invoice number,
    say), and its RF creditor reference form."""
    return cast(ReferenceForms, _native.reference_forms(str(base)))


def _amount_text(amount: Union[Decimal, int, str, float]) -> str:
    if isinstance(amount, bool):
        raise ValidationError("amount must be a number, not a bool", violations=[])
    if isinstance(amount, float):
        return repr(amount)
    return str(amount)


def encode_barcode(
    iban: str,
    amount: Union[Decimal, int, str, float],
    reference: str,
    due: Optional[str] = None,
) -> str:
    """The 54-digit virtual bank barcode (version 4 for a national reference, 5 for RF).
    ``due`` is ``YYYY-MM-DD`` (or None for no due date)."""
    return _native.encode_barcode(iban, _amount_text(amount), reference, due)


def decode_barcode(code: str) -> BarcodeInfo:
    """Reads a 54-digit virtual bank barcode."""
    info: Any = _native.decode_barcode(code)
    info["amount"] = Decimal(info["amount"])
    return cast(BarcodeInfo, info)
