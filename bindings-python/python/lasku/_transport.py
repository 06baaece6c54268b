"""Requests and responses as a custom transport sees them, and the small helpers the native
module calls to bridge a transport (kept here, in Python, because they only convert values)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Awaitable, Callable, Iterable, List, Mapping, Optional, Tuple, Union

if TYPE_CHECKING:
    import asyncio

__all__ = ["HttpRequest", "HttpResponse", "Transport", "AsyncTransport"]

_SECRET_HEADERS = frozenset({"x-api-key", "authorization", "ocp-apim-subscription-key"})


class HttpRequest:
    """One HTTP request lasku wants sent.

    ``method`` (``"GET"``, ``"POST"``, ``"PUT"``, ``"DELETE"``), absolute ``url`` (query
    included), ``headers`` (a dict), ``body`` (JSON bytes or None) and ``timeout`` (seconds left
    of the call's deadline, or None). Its repr never shows the API key.
    """

    __slots__ = ("method", "url", "headers", "body", "timeout")

    def __init__(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]] = None,
        body: Optional[bytes] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self.method = method
        self.url = url
        self.headers: dict[str, str] = dict(headers or {})
        self.body = body
        self.timeout = timeout

    def __repr__(self) -> str:
        shown = {k: ("[redacted]" if k.lower() in _SECRET_HEADERS else v) for k, v in self.headers.items()}
        size = "no body" if self.body is None else f"{len(self.body)} body bytes"
        return f"HttpRequest({self.method} {self.url}, headers={shown}, {size}, timeout={self.timeout})"


class HttpResponse:
    """An HTTP response for lasku: ``status``, ``headers`` (a mapping or (name, value) pairs)
    and ``body`` (bytes, or str encoded as UTF-8).

    A transport may also return any object with ``status``/``status_code``, ``headers`` and
    ``body``/``content`` (a ``requests.Response`` or ``httpx.Response`` as is), or a
    ``(status, headers, body)`` tuple.
    """

    __slots__ = ("status", "headers", "body")

    def __init__(
        self,
        status: int,
        headers: Union[Mapping[str, str], Iterable[Tuple[str, str]], None] = None,
        body: Union[bytes, str] = b"",
    ) -> None:
        self.status = status
        items = headers.items() if isinstance(headers, Mapping) else (headers or ())
        self.headers: List[Tuple[str, str]] = [(str(k), str(v)) for k, v in items]
        self.body = body.encode("utf-8") if isinstance(body, str) else bytes(body)

    def __repr__(self) -> str:
        return f"HttpResponse(status={self.status}, {len(self.body)} body bytes)"


#: A synchronous transport: a callable that sends one request and returns its response.
Transport = Callable[[HttpRequest], Any]
#: An asynchronous transport (for ``AsyncClient``): an ``async def`` taking a request.
AsyncTransport = Callable[[HttpRequest], Awaitable[Any]]


def _response_parts(value: Any) -> Tuple[int, List[Tuple[str, str]], bytes]:
    """(status, headers, body) of whatever a transport returned."""
    if isinstance(value, HttpResponse):
        return value.status, value.headers, value.body
    if isinstance(value, tuple) and len(value) == 3:
        return _response_parts(HttpResponse(*value))
    status = getattr(value, "status", None)
    if not isinstance(status, int):
        status = getattr(value, "status_code", None)
    if not isinstance(status, int):
        raise TypeError(f"{type(value).__name__} has no integer status or status_code")
    headers = getattr(value, "headers", None) or ()
    if hasattr(headers, "multi_items"):  # httpx.Headers keeps repeated headers apart
        items: Iterable[Tuple[str, str]] = headers.multi_items()
    elif hasattr(headers, "items"):
        items = headers.items()
    else:
        items = headers
    body = getattr(value, "body", None)
    if body is None:
        body = getattr(value, "content", b"")
    if body is None:
        body = b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return status, [(str(k), str(v)) for k, v in items], bytes(body)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    """The exception, what it wraps (args, reason, cause, context), depth-first, each once."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for inner in (*current.args, getattr(current, "reason", None), current.__cause__, current.__context__):
            if isinstance(inner, BaseException):
                stack.append(inner)


def _classify(exc: BaseException, after_call: bool) -> Tuple[str, bool, str]:
    """(kind, may_have_been_sent, message) of an exception a transport raised.

    Conservative: unless the exception says the connection never opened, the request may have
    reached the server, so lasku will not blindly repeat a create.
    """
    import socket

    from ._errors import TransportError

    if isinstance(exc, TransportError):
        return exc.kind, bool(exc.may_have_been_sent), exc.message
    message = f"{type(exc).__name__}: {exc}"
    if not after_call:
        return "other", False, message
    # urllib wraps the socket's error (`URLError.reason`), other libraries chain it.
    if any(isinstance(e, (ConnectionRefusedError, socket.gaierror)) for e in _chain(exc)):
        return "connect", False, message
    if isinstance(exc, TimeoutError) or type(exc).__name__ in ("timeout", "ReadTimeout", "TimeoutException"):
        return "timeout", True, message
    if isinstance(exc, OSError):
        return "io", True, message
    return "other", True, message


def _schedule(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[Any], done: Callable[[Any], None]) -> None:
    """Runs a transport's awaitable on the caller's loop; ``done`` gets the finished future."""

    import asyncio

    async def run() -> Any:
        return await awaitable

    coroutine = run()
    try:
        future = asyncio.run_coroutine_threadsafe(coroutine, loop)
    except BaseException:
        coroutine.close()
        _discard(awaitable)
        raise
    future.add_done_callback(done)


def _discard(awaitable: Any) -> None:
    """Closes an awaitable that will never run (no 'never awaited' warning)."""
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()


def _settle(future: "asyncio.Future[Any]", ok: bool, value: Any) -> None:
    """Completes an asyncio future on its loop (called from the runtime thread)."""
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
