"""Work without a client: prepare (validate + serialize) a request, validate an invoice, build
one with computed amounts. Everything runs in the Rust core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, TypedDict, Union, cast

from . import _native
from ._errors import Violation

if TYPE_CHECKING:
    from decimal import Decimal

    from .types import SalesInvoice, SalesInvoiceInput

__all__ = ["prepare", "validate", "validate_invoice", "build_invoice", "to_json", "InvoiceRowSpec", "PreparedRequest"]

_MoneyInput = Union["Decimal", int, str, float]


class PreparedRequest(TypedDict):
    """A request lasku would send: the operation, its HTTP method and path template, the path
    parameters, the query parameters in order, and the JSON body (or None)."""

    operation: str
    method: str
    path: str
    path_params: Dict[str, str]
    query: List[Tuple[str, str]]
    body: Optional[bytes]


class _RowRequired(TypedDict):
    description: str
    qty: _MoneyInput
    unit_price: _MoneyInput
    vat_percent: _MoneyInput


class InvoiceRowSpec(_RowRequired, total=False):
    """One row for :func:`build_invoice`: what is sold; lasku computes ``Nto``, ``Tax``, ``Total``."""

    discount_percent: _MoneyInput
    price_includes_vat: bool
    product_code: str
    unit: str


def prepare(operation: str, **args: Any) -> PreparedRequest:
    """Validates an operation's arguments and serializes its request without sending it.

    Raises :class:`lasku.ValidationError` with every violation when the input is invalid::

        body = lasku.prepare("submit_sales_invoice_batch", batch={"SalesInvoices": [{"SalesInvoice": invoices}]})["body"]
    """
    return cast(PreparedRequest, _native.prepare(operation, {k: v for k, v in args.items() if v is not None}))


def validate(kind: str, document: Any) -> List[Violation]:
    """Every violation of a document: ``kind`` is ``"invoice"``, ``"invoice_update"``,
    ``"batch"`` (``{"SalesInvoices": [...]}``) or ``"create_body"`` (``{"SalesInvoice": [...]}``).
    An empty list means valid; warnings do not block sending."""
    return cast(List[Violation], _native.validate(kind, document))


def validate_invoice(invoice: Union["SalesInvoiceInput", "SalesInvoice"]) -> List[Violation]:
    """Every violation of one sales invoice (amount rules, dates, references, required members)."""
    return validate("invoice", invoice)


def build_invoice(
    invoice: Union["SalesInvoiceInput", "SalesInvoice"],
    rows: Sequence[InvoiceRowSpec],
    *,
    payment_terms_days: Optional[int] = None,
) -> "SalesInvoice":
    """A ``SalesInvoice`` with computed row amounts (``Nto``, ``Tax``, ``Total``), header totals,
    ``DueDate`` (from ``payment_terms_days``) and ``Reference`` (from the invoice number), all
    rounded by the core's one set of rules. Raises :class:`lasku.ValidationError` when invalid.
    """
    spec: Dict[str, Any] = {"invoice": invoice, "rows": list(rows)}
    if payment_terms_days is not None:
        spec["payment_terms_days"] = payment_terms_days
    return cast("SalesInvoice", _native.build_invoice(spec))


def to_json(value: Any) -> str:
    """The JSON text lasku sends for a value (Decimal digit for digit, floats by their repr)."""
    return _native._to_json(value)


def schema() -> Dict[str, Any]:
    """The wire schema (operations, models) the typed methods and stubs are generated from."""
    import json

    return cast(Dict[str, Any], json.loads(_native._schema()))
