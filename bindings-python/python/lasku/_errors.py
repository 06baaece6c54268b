"""The exceptions lasku raises, all rooted at :class:`LaskuError`.

::

    LaskuError
    ├── ValidationError          bad input; nothing was sent            .violations
    ├── ConfigurationError       the client's settings are wrong; nothing was sent
    ├── ApiError                 the server answered with an error      .status .body .operation
    │   ├── AuthenticationError  401: the key is missing, wrong or for another environment
    │   ├── BusinessRuleError    402: refused by a business rule
    │   ├── ForbiddenError       403: the key may not do this
    │   ├── NotFoundError        404: no such object
    │   └── RateLimitError       429 after the allowed retries          .retry_after
    ├── TransportError           no complete answer arrived             .kind .may_have_been_sent
    ├── UnknownOutcomeError      a create may or may not have happened; it was not re-sent
    ├── DecodeError              the answer could not be read            .status .body
    ├── PaginationError          auto-pagination stopped
    └── InternalError            a bug inside lasku (a caught Rust panic); the client keeps working

Every exception has ``.code`` (a stable name: ``"validation"``, ``"unauthorized"``, ...) and
``.message``. Secrets (API keys) never appear in messages or reprs.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Type, TypedDict, Union

__all__ = [
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
]


class Violation(TypedDict):
    """One broken rule: a JSON pointer, a stable code, a message, and its severity."""

    path: str
    code: str
    message: str
    severity: str  # "error" blocks sending; "warning" does not


class FieldError(TypedDict):
    """A field the server named in its error answer."""

    field: str
    message: str


class LaskuError(Exception):
    """Base class of every lasku error."""

    code: str = "lasku"

    def __init__(self, message: str, *, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> Any:
        # Pickled with every attribute, whatever the subclass's constructor takes, so errors
        # cross process boundaries (multiprocessing, concurrent.futures) intact.
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


def _rebuild(cls: Type[LaskuError], message: str, state: Dict[str, Any]) -> LaskuError:
    """An error of ``cls`` with ``message`` and the attributes ``state`` (for :mod:`pickle`)."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ValidationError(LaskuError, ValueError):
    """The input breaks rules lasku checks before sending; nothing was sent.

    ``violations`` lists every problem at once (errors and warnings), each with a JSON-pointer
    ``path``: inside the model for a model argument (``/InvoiceRows/0/Tax``), the argument's
    name for a plain one (``/invoice_number``).
    """

    code = "validation"

    def __init__(self, message: str, *, violations: Optional[List[Violation]] = None, code: Optional[str] = None) -> None:
        super().__init__(message, code=code)
        self.violations: List[Violation] = list(violations or [])

    @property
    def errors(self) -> List[Violation]:
        """The violations that block sending."""
        return [v for v in self.violations if v["severity"] == "error"]


class ConfigurationError(LaskuError, ValueError):
    """The client's configuration is wrong (empty key, plain http to a remote host, ...)."""

    code = "configuration"


class ApiError(LaskuError):
    """The server answered with an error status (after the retries the policy allowed)."""

    code = "api"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        body: str = "",
        operation: Optional[str] = None,
        server_message: Optional[str] = None,
        field_errors: Optional[List[FieldError]] = None,
        request_id: Optional[str] = None,
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.body = body
        self.operation = operation
        self.server_message = server_message
        self.field_errors: List[FieldError] = list(field_errors or [])
        self.request_id = request_id


class AuthenticationError(ApiError):
    """401: the API key is missing, wrong, or for another environment."""

    code = "unauthorized"


class BusinessRuleError(ApiError):
    """402: well-formed but refused by a business rule (e.g. updating a delivered invoice)."""

    code = "business_rule"


class ForbiddenError(ApiError):
    """403: this key may not do this (e.g. a creditor key on a partner operation)."""

    code = "forbidden"


class NotFoundError(ApiError):
    """404: no such object."""

    code = "not_found"


class RateLimitError(ApiError):
    """429: too many requests, after the retries the policy allowed.

    ``retry_after`` is the wait the server asked for, in seconds (or None).
    """

    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: Optional[float] = None, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.retry_after = retry_after


class TransportError(LaskuError):
    """No complete answer arrived (connection refused, timeout, dropped connection).

    ``may_have_been_sent`` says whether the request may have reached the server. A custom
    transport may raise this itself to say exactly that::

        raise lasku.TransportError("connection refused", kind="connect", may_have_been_sent=False)
    """

    code = "transport"

    def __init__(
        self,
        message: str,
        *,
        kind: str = "other",
        may_have_been_sent: bool = True,
        operation: Optional[str] = None,
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code)
        self.kind = kind  # "connect" | "timeout" | "io" | "other"
        self.may_have_been_sent = may_have_been_sent
        self.operation = operation


class UnknownOutcomeError(LaskuError):
    """A create may or may not have happened; lasku did not re-send it (no duplicates).

    Look the objects up by ``invoice_numbers`` / ``references`` / ``other_keys`` (for example
    with ``retrieve_invoice_status``) to settle it.
    """

    code = "unknown_outcome"

    def __init__(
        self,
        message: str,
        *,
        operation: Optional[str] = None,
        invoice_numbers: Optional[List[Union[int, str]]] = None,
        references: Optional[List[str]] = None,
        other_keys: Optional[List[str]] = None,
        cause: str = "",
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code)
        self.operation = operation
        self.invoice_numbers: List[Union[int, str]] = list(invoice_numbers or [])
        self.references: List[str] = list(references or [])
        self.other_keys: List[str] = list(other_keys or [])
        self.cause = cause


class DecodeError(LaskuError):
    """The answer could not be read (not JSON, or not the expected shape)."""

    code = "decode"

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        body: str = "",
        operation: Optional[str] = None,
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.body = body
        self.operation = operation


class PaginationError(LaskuError):
    """Auto-pagination stopped: the server repeated a page or answered out of order."""

    code = "pagination"

    def __init__(self, message: str, *, operation: Optional[str] = None, code: Optional[str] = None) -> None:
        super().__init__(message, code=code)
        self.operation = operation


class InternalError(LaskuError):
    """A bug inside lasku, caught instead of crashing Python. The client stays usable."""

    code = "internal"


_BY_CODE: Dict[str, Type[LaskuError]] = {
    "validation": ValidationError,
    "configuration": ConfigurationError,
    "unauthorized": AuthenticationError,
    "business_rule": BusinessRuleError,
    "forbidden": ForbiddenError,
    "not_found": NotFoundError,
    "rate_limited": RateLimitError,
    "api": ApiError,
    "transport": TransportError,
    "unknown_outcome": UnknownOutcomeError,
    "decode": DecodeError,
    "pagination": PaginationError,
    "internal": InternalError,
}


def _from_native(fields: Dict[str, Any]) -> LaskuError:
    """Builds the exception for an error the native module reports (called from Rust)."""
    fields = dict(fields)
    code = str(fields.pop("code", "internal"))
    message = str(fields.pop("message", ""))
    cls = _BY_CODE.get(code, LaskuError)
    try:
        error = cls(message, code=code, **fields)
    except TypeError:  # a field this version does not know: keep the message and the class
        error = cls.__new__(cls)
        LaskuError.__init__(error, message, code=code)
        for name, value in fields.items():
            setattr(error, name, value)
    return error
