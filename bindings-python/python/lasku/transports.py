"""Adapters that make ``requests`` and ``httpx`` lasku transports.

A transport is any callable taking a :class:`lasku.HttpRequest` and returning a response (for
``AsyncClient`` it may be an ``async def``). These adapters only convert values and say, when the
HTTP library fails, whether the request may have reached the server (so lasku never repeats a
create that may have happened)::

    import requests, lasku
    from lasku.transports import requests_transport

    session = requests.Session()
    session.proxies = {"https": "http://proxy.example:3128"}
    client = lasku.Client(api_key=KEY, transport=requests_transport(session))

    import httpx
    from lasku.transports import httpx_async_transport
    client = lasku.AsyncClient(api_key=KEY, transport=httpx_async_transport(httpx.AsyncClient(http2=True)))

Neither library is a dependency of lasku: install the one you use (``pip install lasku[requests]``
or ``lasku[httpx]``).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from ._errors import TransportError
from ._transport import HttpRequest, HttpResponse, _chain

__all__ = ["requests_transport", "httpx_transport", "httpx_async_transport"]

_CONNECT_FAILURES = frozenset({"NewConnectionError", "NameResolutionError", "ConnectTimeoutError", "ConnectionRefusedError"})


def _never_connected(exc: BaseException) -> bool:
    return any(type(e).__name__ in _CONNECT_FAILURES for e in _chain(exc))


def requests_transport(session: Any = None) -> Callable[[HttpRequest], HttpResponse]:
    """A transport over a ``requests.Session`` (a new one when not given)."""
    import importlib

    requests: Any = importlib.import_module("requests")  # untyped without types-requests

    http = session if session is not None else requests.Session()

    def send(request: HttpRequest) -> HttpResponse:
        try:
            response = http.request(
                request.method,
                request.url,
                headers=request.headers,
                data=request.body,
                timeout=request.timeout,
                allow_redirects=False,
            )
        except requests.exceptions.ConnectTimeout as e:
            raise TransportError(f"connect timeout: {e}", kind="connect", may_have_been_sent=False) from e
        except requests.exceptions.Timeout as e:
            raise TransportError(f"timeout: {e}", kind="timeout", may_have_been_sent=True) from e
        except requests.exceptions.ConnectionError as e:
            if _never_connected(e):
                raise TransportError(f"could not connect: {e}", kind="connect", may_have_been_sent=False) from e
            raise TransportError(f"connection failed: {e}", kind="io", may_have_been_sent=True) from e
        except requests.exceptions.RequestException as e:
            raise TransportError(f"{type(e).__name__}: {e}", kind="other", may_have_been_sent=True) from e
        return HttpResponse(response.status_code, response.headers.items(), response.content)

    return send


def _httpx_error(httpx: Any, e: BaseException) -> TransportError:
    if isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)):
        return TransportError(f"could not connect: {e!r}", kind="connect", may_have_been_sent=False)
    if isinstance(e, httpx.TimeoutException):
        return TransportError(f"timeout: {e!r}", kind="timeout", may_have_been_sent=True)
    if isinstance(e, (httpx.NetworkError, httpx.RemoteProtocolError)):
        return TransportError(f"connection failed: {e!r}", kind="io", may_have_been_sent=True)
    return TransportError(f"{type(e).__name__}: {e}", kind="other", may_have_been_sent=True)


def httpx_transport(client: Any = None) -> Callable[[HttpRequest], HttpResponse]:
    """A transport over an ``httpx.Client`` (a new one when not given)."""
    import httpx

    http = client if client is not None else httpx.Client()

    def send(request: HttpRequest) -> HttpResponse:
        try:
            response = http.request(
                request.method, request.url, headers=request.headers, content=request.body, timeout=request.timeout
            )
        except httpx.HTTPError as e:
            raise _httpx_error(httpx, e) from e
        return HttpResponse(response.status_code, response.headers.multi_items(), response.content)

    return send


def httpx_async_transport(client: Any = None) -> Callable[[HttpRequest], Awaitable[HttpResponse]]:
    """An ``async`` transport over an ``httpx.AsyncClient`` (for ``lasku.AsyncClient``). Create
    it inside the event loop you will use it on."""
    import httpx

    http: Optional[Any] = client

    async def send(request: HttpRequest) -> HttpResponse:
        nonlocal http
        if http is None:
            http = httpx.AsyncClient()
        try:
            response = await http.request(
                request.method, request.url, headers=request.headers, content=request.body, timeout=request.timeout
            )
        except httpx.HTTPError as e:
            raise _httpx_error(httpx, e) from e
        return HttpResponse(response.status_code, response.headers.multi_items(), response.content)

    return send
