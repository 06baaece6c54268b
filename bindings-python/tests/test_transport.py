"""Custom transports: any callable (sync, or async with AsyncClient) taking a lasku.HttpRequest,
and the documented adapters for requests and httpx."""

from __future__ import annotations

import asyncio
import socket
import threading
import urllib.error
import urllib.request
from typing import Any, List

import pytest

import lasku
from lasku.transports import httpx_async_transport, httpx_transport, requests_transport

from conftest import CREDITOR_KEY, PARTNER_KEY, Sandbox, fresh_number, invoice


def urllib_transport(request: lasku.HttpRequest) -> lasku.HttpResponse:
    """A tiny transport over the standard library."""
    req = urllib.request.Request(request.url, data=request.body, method=request.method, headers=request.headers)
    try:
        with urllib.request.urlopen(req, timeout=request.timeout) as response:
            return lasku.HttpResponse(response.status, response.headers.items(), response.read())
    except urllib.error.HTTPError as e:
        return lasku.HttpResponse(e.code, e.headers.items(), e.read())


class Recording:
    def __init__(self, inner: Any = urllib_transport, extra_headers: Any = None) -> None:
        self.inner = inner
        self.requests: List[lasku.HttpRequest] = []
        self.threads: List[str] = []
        self.extra_headers = list(extra_headers or [])

    def __call__(self, request: lasku.HttpRequest) -> Any:
        self.requests.append(request)
        self.threads.append(threading.current_thread().name)
        if self.extra_headers:
            request.headers.update(self.extra_headers.pop(0))
        return self.inner(request)


def test_sync_callable_transport(sandbox: Sandbox) -> None:
    transport = Recording()
    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=transport)
    n = fresh_number()
    client.create_invoice(invoice(n))
    assert client.retrieve_invoice_status(n)["InvoiceNumber"] == n
    first = transport.requests[0]
    assert first.method == "POST" and first.url == sandbox.base_url + "/salesinvoices"
    assert first.headers["X-Api-Key"] == CREDITOR_KEY
    assert first.headers["User-Agent"].startswith("lasku/") and "(python; cpython 3." in first.headers["User-Agent"]
    assert first.headers["Content-Type"] == "application/json"
    assert first.body is not None and b'"InvoiceNumber":%d' % n in first.body
    assert first.timeout is not None and 0 < first.timeout <= 60
    assert "[redacted]" in repr(first)
    assert transport.requests[1].method == "GET" and transport.requests[1].body is None


def test_transport_can_add_headers_and_retries_go_through_it(sandbox: Sandbox) -> None:
    transport = Recording(extra_headers=[{"X-Lasku-Fault": "status=503"}])
    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=transport, retry_backoff=0.01)
    assert client.validate_token()["IsValid"] is True
    assert len(transport.requests) == 2


def test_transport_exceptions_map_to_transport_errors(sandbox: Sandbox) -> None:
    calls: List[int] = []
    raised: List[BaseException] = []

    def refused(request: lasku.HttpRequest) -> Any:
        calls.append(1)
        raised.append(ConnectionRefusedError("nobody listens"))
        raise raised[-1]

    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=refused, max_retries=2, retry_backoff=0.01)
    with pytest.raises(lasku.TransportError) as caught:
        client.create_invoice(invoice(fresh_number()))
    assert caught.value.may_have_been_sent is False and caught.value.kind == "connect"
    assert "nobody listens" in str(caught.value)
    assert len(calls) == 3, "never sent, so even a create is retried"
    # The exception the transport raised (on the last attempt) is the cause, traceback and all.
    assert caught.value.__cause__ is raised[-1] and caught.value.__cause__.__traceback__ is not None

    def broken(request: lasku.HttpRequest) -> Any:
        raised.append(RuntimeError("socket exploded mid-request"))
        raise raised[-1]

    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=broken, retry_backoff=0.01)
    n = fresh_number()
    with pytest.raises(lasku.UnknownOutcomeError) as unknown:
        client.create_invoice(invoice(n))
    assert unknown.value.invoice_numbers == [n]
    assert unknown.value.__cause__ is raised[-1]
    # Errors that no transport exception caused have none.
    with pytest.raises(lasku.ValidationError) as invalid:
        client.create_invoice({"InvoiceNumber": "x", "InvoiceRows": "not rows"})
    assert invalid.value.__cause__ is None


def test_transport_raising_lasku_transport_error_says_what_happened(sandbox: Sandbox) -> None:
    attempts: List[int] = []

    def flaky(request: lasku.HttpRequest) -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise lasku.TransportError("proxy refused", kind="connect", may_have_been_sent=False)
        return urllib_transport(request)

    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=flaky, retry_backoff=0.01)
    n = fresh_number()
    client.create_invoice(invoice(n))
    assert len(attempts) == 2


def test_response_shapes(sandbox: Sandbox) -> None:
    class Like:
        status_code = 200
        headers = {"Content-Type": "application/json"}
        content = b'{"IsValid": true, "Message": "ok"}'

    for answer in (
        Like(),
        (200, [("Content-Type", "application/json")], '{"IsValid": true}'),
        lasku.HttpResponse(200, {"Content-Type": "application/json"}, b'{"IsValid": true}'),
    ):
        client = lasku.Client(api_key="k", base_url=sandbox.base_url, transport=lambda r, a=answer: a)
        assert client.validate_token()["IsValid"] is True

    client = lasku.Client(api_key="k", base_url=sandbox.base_url, transport=lambda r: "not a response", max_retries=0)
    with pytest.raises(lasku.TransportError) as caught:
        client.validate_token()
    assert "not a response" in str(caught.value) or "status" in str(caught.value)


def test_sync_client_refuses_an_async_transport(sandbox: Sandbox) -> None:
    async def send(request: lasku.HttpRequest) -> lasku.HttpResponse:
        raise AssertionError("never called")

    with pytest.raises(lasku.ConfigurationError):
        lasku.Client(api_key="k", base_url=sandbox.base_url, transport=send)


def test_async_transport_runs_on_the_calling_loop(sandbox: Sandbox) -> None:
    seen_loops: List[Any] = []

    async def send(request: lasku.HttpRequest) -> lasku.HttpResponse:
        seen_loops.append(asyncio.get_running_loop())
        await asyncio.sleep(0)
        return await asyncio.to_thread(urllib_transport, request)

    async def main() -> None:
        client = lasku.AsyncClient(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=send)
        n = fresh_number()
        await client.create_invoice(invoice(n))
        results = await asyncio.gather(*(client.retrieve_invoice_status(n) for _ in range(5)))
        assert all(r["InvoiceNumber"] == n for r in results)
        assert all(loop is asyncio.get_running_loop() for loop in seen_loops) and len(seen_loops) == 6

    asyncio.run(main())


def test_async_client_with_a_sync_transport(sandbox: Sandbox) -> None:
    transport = Recording()

    async def main() -> None:
        client = lasku.AsyncClient(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=transport)
        assert (await client.validate_token())["IsValid"] is True

    asyncio.run(main())
    assert transport.threads and all(t != threading.main_thread().name for t in transport.threads)


def test_async_transport_errors(sandbox: Sandbox) -> None:
    async def refused(request: lasku.HttpRequest) -> lasku.HttpResponse:
        raise ConnectionRefusedError("no")

    async def main() -> None:
        client = lasku.AsyncClient(api_key="k", base_url=sandbox.base_url, transport=refused, max_retries=0)
        with pytest.raises(lasku.TransportError) as caught:
            await client.validate_token()
        assert caught.value.may_have_been_sent is False
        assert isinstance(caught.value.__cause__, ConnectionRefusedError) and str(caught.value.__cause__) == "no"

    asyncio.run(main())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_requests_adapter(sandbox: Sandbox) -> None:
    pytest.importorskip("requests")
    client = lasku.Client(api_key=CREDITOR_KEY, partner_key=PARTNER_KEY, base_url=sandbox.base_url, transport=requests_transport())
    n = fresh_number()
    client.create_invoice(invoice(n))
    assert client.retrieve_invoice_status(n)["InvoiceNumber"] == n
    with pytest.raises(lasku.NotFoundError):
        client.retrieve_invoice_status(fresh_number())
    dead = lasku.Client(api_key="k", base_url=f"http://127.0.0.1:{free_port()}/v2", transport=requests_transport(), max_retries=0)
    with pytest.raises(lasku.TransportError) as caught:
        dead.create_invoice(invoice(fresh_number()))
    assert caught.value.may_have_been_sent is False


def test_httpx_adapters(sandbox: Sandbox) -> None:
    httpx = pytest.importorskip("httpx")
    client = lasku.Client(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=httpx_transport(httpx.Client()))
    n = fresh_number()
    client.create_invoice(invoice(n))
    assert client.retrieve_invoice_status(n)["TotalAmount"] is not None

    async def main() -> None:
        async with httpx.AsyncClient() as http:
            aclient = lasku.AsyncClient(api_key=CREDITOR_KEY, base_url=sandbox.base_url, transport=httpx_async_transport(http))
            status = await aclient.retrieve_invoice_status(n)
            assert status["InvoiceNumber"] == n
            items = [i async for i in aclient.list_sales_invoices_iter(invoice_number=n)]
            assert [i["InvoiceNumber"] for i in items] == [n]
            dead = lasku.AsyncClient(api_key="k", base_url=f"http://127.0.0.1:{free_port()}/v2", transport=httpx_async_transport(http), max_retries=0)
            with pytest.raises(lasku.TransportError) as caught:
                await dead.validate_token()
            assert caught.value.may_have_been_sent is False

    asyncio.run(main())
