"""lasku: Finland's invoicing APIs (Cash-In v2) from Python.

::

    import lasku

    client = lasku.Client(api_key="...")          # production; or base_url="http://127.0.0.1:8080/v2"
    invoice = lasku.build_invoice(
        {"InvoiceNumber": 1001, "InvoiceDate": "2026-11-21", "SalesName": "Sami Santikko"},
        [{"description": "Consulting", "qty": 2, "unit_price": "80.00", "vat_percent": "25.5"}],
        payment_terms_days=14,
    )
    created = client.create_invoice(invoice)

Dicts in and out use the API's own member names (typed by the ``TypedDict``s in
:mod:`lasku.types`). Money comes out as :class:`decimal.Decimal`; in, give ``Decimal``, ``int``
or ``str`` (a ``float`` is taken by its shortest repr: ``134.4`` means exactly ``134.4``).
Errors are subclasses of :class:`LaskuError`. One Rust core does the work: validation, amounts,
retries, pagination and the Finnish toolkit (:mod:`lasku.fi`).
"""

from typing import TYPE_CHECKING, Any

from ._client import PRODUCTION_URL, AsyncClient, Client
from ._errors import (
    ApiError,
    AuthenticationError,
    BusinessRuleError,
    ConfigurationError,
    DecodeError,
    FieldError,
    ForbiddenError,
    InternalError,
    LaskuError,
    NotFoundError,
    PaginationError,
    RateLimitError,
    TransportError,
    UnknownOutcomeError,
    ValidationError,
    Violation,
)
from ._native import __version__
from ._tools import InvoiceRowSpec, PreparedRequest, build_invoice, prepare, schema, to_json, validate, validate_invoice
from ._transport import AsyncTransport, HttpRequest, HttpResponse, Transport

if TYPE_CHECKING:
    from . import fi as fi
    from . import transports as transports
    from . import types as types

__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "PRODUCTION_URL",
    "HttpRequest",
    "HttpResponse",
    "Transport",
    "AsyncTransport",
    "prepare",
    "validate",
    "validate_invoice",
    "build_invoice",
    "to_json",
    "schema",
    "InvoiceRowSpec",
    "PreparedRequest",
    "LaskuError",
    "ValidationError",
    "ConfigurationError",
    "ApiError",
    "AuthenticationError",
    "BusinessRuleError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitError",
    "TransportError",
    "UnknownOutcomeError",
    "DecodeError",
    "PaginationError",
    "InternalError",
    "Violation",
    "FieldError",
    "fi",
    "types",
    "transports",
]


def __getattr__(name: str) -> Any:
    # Submodules load on first use, so `import lasku` stays quick.
    if name in ("fi", "types", "transports"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'lasku' has no attribute {name!r}")
