"""``Client`` (blocking; the GIL is released while waiting) and ``AsyncClient`` (asyncio)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Dict, Iterator, Mapping, Optional, TypeVar, Union

from . import _native
from ._errors import ConfigurationError
from ._operations import _AsyncOperations, _SyncOperations
from ._transport import AsyncTransport, Transport

_SyncSelf = TypeVar("_SyncSelf", bound="Client")
_AsyncSelf = TypeVar("_AsyncSelf", bound="AsyncClient")

if TYPE_CHECKING:
    import asyncio

# asyncio and inspect are imported where needed, so `import lasku` stays quick.

__all__ = ["Client", "AsyncClient", "PRODUCTION_URL"]

#: Where ``environment="production"`` (the default) sends requests.
PRODUCTION_URL = "https://api.cash-in.com/v2"


def _is_async_callable(value: Any) -> bool:
    import inspect

    return inspect.iscoroutinefunction(value) or inspect.iscoroutinefunction(getattr(value, "__call__", None))


def _base_url(environment: str, base_url: Optional[str]) -> Optional[str]:
    if base_url is not None:
        if environment != "production":
            raise ConfigurationError("give environment or base_url, not both")
        return base_url
    if environment == "production":
        return None
    if environment.startswith(("http://", "https://")):
        return environment
    raise ConfigurationError(f"unknown environment {environment!r}: use 'production', or base_url='https://.../v2'")


class _ClientBase:
    _native: _native.NativeClient

    def __init__(
        self,
        *,
        api_key: str,
        environment: str = "production",
        base_url: Optional[str] = None,
        partner_key: Optional[str] = None,
        transport: Any = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        retry_backoff: Optional[float] = None,
        max_retry_after: Optional[float] = None,
        path_overrides: Optional[Mapping[str, str]] = None,
    ) -> None:
        if not isinstance(api_key, str):
            raise ConfigurationError("api_key must be a str")
        if transport is not None and not callable(transport):
            raise ConfigurationError("transport must be a callable taking a lasku.HttpRequest")
        for name, value in (("timeout", timeout), ("connect_timeout", connect_timeout), ("retry_backoff", retry_backoff), ("max_retry_after", max_retry_after)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ConfigurationError(f"{name} must be a number of seconds, not {type(value).__name__}")
        if max_retries is not None and (isinstance(max_retries, bool) or not isinstance(max_retries, int) or not 0 <= max_retries < 2**32):
            raise ConfigurationError(f"max_retries must be a whole number from 0, not {max_retries!r}")
        self._native = _native.NativeClient(
            api_key,
            base_url=_base_url(environment, base_url),
            partner_key=partner_key,
            transport=transport,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            path_overrides=dict(path_overrides) if path_overrides else None,
        )

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return self._native.base_url

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` sent with every request (``lasku/<v> (python; cpython 3.x)``)."""
        return self._native.user_agent

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class Client(_ClientBase, _SyncOperations):
    """A Cash-In API v2 client whose methods block (the GIL is released while waiting).

    ::

        client = lasku.Client(api_key="...", base_url="http://127.0.0.1:8080/v2")
        created = client.create_invoice(invoice)

    ``environment="production"`` (default) or ``base_url=`` (``https://``, or ``http://`` to a
    loopback address such as the local sandbox); ``partner_key`` for the partner operations;
    ``transport``: a callable ``(lasku.HttpRequest) -> response`` instead of the built-in HTTP
    stack (see ``lasku.transports``); ``timeout``: the deadline in seconds for a whole call,
    retries included (default 60); ``connect_timeout`` (default 10); ``max_retries`` (default 3),
    ``retry_backoff`` (the first wait, doubling, default 0.5) and ``max_retry_after`` (the longest
    ``Retry-After`` honoured, default 60). Retries follow the core's policy: never a create whose
    outcome is unknown. One client is safe to share between threads.
    """

    def __init__(
        self,
        *,
        api_key: str,
        environment: str = "production",
        base_url: Optional[str] = None,
        partner_key: Optional[str] = None,
        transport: Optional[Transport] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        retry_backoff: Optional[float] = None,
        max_retry_after: Optional[float] = None,
        path_overrides: Optional[Mapping[str, str]] = None,
    ) -> None:
        if transport is not None and _is_async_callable(transport):
            raise ConfigurationError("an async transport needs lasku.AsyncClient; lasku.Client takes a plain callable")
        super().__init__(
            api_key=api_key,
            environment=environment,
            base_url=base_url,
            partner_key=partner_key,
            transport=transport,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            path_overrides=path_overrides,
        )

    def call(self, operation: str, **args: Any) -> Any:
        """Runs any operation by its id with keyword arguments (the typed methods call this)."""
        return self._native.call(operation, {k: v for k, v in args.items() if v is not None})

    def _call(self, operation: str, args: Dict[str, Any]) -> Any:
        return self._native.call(operation, args)

    def _iter(self, operation: str, args: Dict[str, Any]) -> Iterator[Any]:
        pages = self._native.pages(operation, args)
        while True:
            item = pages.next_item()
            if item is None:
                return
            yield item

    def _pages(self, operation: str, args: Dict[str, Any]) -> Iterator[Any]:
        pages = self._native.pages(operation, args)
        while True:
            page = pages.next_page()
            if page is None:
                return
            yield page

    def close(self) -> None:
        """Nothing to release explicitly (connections close with the client); for symmetry."""

    def __enter__(self: _SyncSelf) -> _SyncSelf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient(_ClientBase, _AsyncOperations):
    """The asyncio twin of :class:`Client`: the same methods, as coroutines.

    ``transport`` may be an ``async def`` (it runs on the calling event loop) or a plain callable
    (it runs on a worker thread). Paged operations have ``<operation>_iter`` / ``_pages``
    returning async iterators.
    """

    def __init__(
        self,
        *,
        api_key: str,
        environment: str = "production",
        base_url: Optional[str] = None,
        partner_key: Optional[str] = None,
        transport: Union[AsyncTransport, Transport, None] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        retry_backoff: Optional[float] = None,
        max_retry_after: Optional[float] = None,
        path_overrides: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            environment=environment,
            base_url=base_url,
            partner_key=partner_key,
            transport=transport,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            path_overrides=path_overrides,
        )

    async def call(self, operation: str, **args: Any) -> Any:
        """Runs any operation by its id with keyword arguments (the typed methods call this)."""
        return await self._call(operation, {k: v for k, v in args.items() if v is not None})

    async def _call(self, operation: str, args: Dict[str, Any]) -> Any:
        import asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        handle = self._native.call_async(operation, args, loop, future)
        return await _wait(future, handle)

    async def _iter(self, operation: str, args: Dict[str, Any]) -> AsyncIterator[Any]:
        import asyncio

        pages = self._native.pages(operation, args)
        loop = asyncio.get_running_loop()
        while True:
            future: asyncio.Future[Any] = loop.create_future()
            item = await _wait(future, pages.next_item_async(loop, future))
            if item is None:
                return
            yield item

    async def _pages(self, operation: str, args: Dict[str, Any]) -> AsyncIterator[Any]:
        import asyncio

        pages = self._native.pages(operation, args)
        loop = asyncio.get_running_loop()
        while True:
            future: asyncio.Future[Any] = loop.create_future()
            page = await _wait(future, pages.next_page_async(loop, future))
            if page is None:
                return
            yield page

    async def close(self) -> None:
        """Nothing to release explicitly; for symmetry with other async clients."""

    async def __aenter__(self: _AsyncSelf) -> _AsyncSelf:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


async def _wait(future: "asyncio.Future[Any]", handle: _native.CallHandle) -> Any:
    import asyncio

    try:
        return await future
    except asyncio.CancelledError:
        handle.cancel()
        raise
