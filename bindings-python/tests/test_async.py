"""AsyncClient: the same methods as coroutines, concurrent calls on one loop, async iteration,
errors, and cancellation."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

import pytest

import lasku

from conftest import CREDITOR_KEY, PARTNER_KEY, Sandbox, fresh_number, invoice


def make(sandbox: Sandbox, **options: object) -> lasku.AsyncClient:
    settings: dict = {"api_key": CREDITOR_KEY, "partner_key": PARTNER_KEY, "base_url": sandbox.base_url, "retry_backoff": 0.02}
    settings.update(options)
    return lasku.AsyncClient(**settings)


def test_async_calls_and_iteration(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with make(sandbox) as client:
            numbers = [fresh_number() for _ in range(6)]
            created = await asyncio.gather(*(client.create_invoice(invoice(n, InvoiceDate="2026-04-04")) for n in numbers))
            assert sorted(c["SalesInvoices"][0]["InvoiceNumber"] for c in created) == numbers
            statuses = await asyncio.gather(*(client.retrieve_invoice_status(n) for n in numbers))
            assert all(isinstance(s["TotalAmount"], Decimal) for s in statuses)
            items = [i async for i in client.list_sales_invoices_iter(date_from="2026-04-04", date_to="2026-04-04", page_size=4)]
            assert sorted(i["InvoiceNumber"] for i in items) == numbers
            pages = [p async for p in client.list_sales_invoices_pages(date_from="2026-04-04", date_to="2026-04-04", page_size=4)]
            assert [len(p["Data"]) for p in pages] == [4, 2]
            assert (await client.call("service_status"))["Status"] == "OK"

    asyncio.run(main())


def test_async_errors(sandbox: Sandbox) -> None:
    async def main() -> None:
        client = make(sandbox)
        with pytest.raises(lasku.NotFoundError):
            await client.retrieve_invoice_status(fresh_number())
        with pytest.raises(lasku.ValidationError):
            await client.create_invoice({"InvoiceNumber": 1})
        with pytest.raises(lasku.AuthenticationError):
            await make(sandbox, api_key="wrong").validate_token()
        sandbox.fault("status=429;retry-after=1", operation="list_customers", times=5)
        with pytest.raises(lasku.RateLimitError) as caught:
            await make(sandbox, max_retries=0).list_customers()
        assert caught.value.retry_after == 1.0
        sandbox.clear_faults()
        n = fresh_number()
        sandbox.fault("drop=after", operation="create_invoice", times=1)
        with pytest.raises(lasku.UnknownOutcomeError) as unknown:
            await client.create_invoice(invoice(n))
        assert unknown.value.invoice_numbers == [n]

    asyncio.run(main())


def test_waiting_does_not_block_the_loop(sandbox: Sandbox) -> None:
    async def main() -> None:
        client = make(sandbox)
        sandbox.fault("delay=400", operation="service_status", times=3)
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        task = asyncio.create_task(ticker())
        started = time.monotonic()
        await asyncio.gather(*(client.service_status() for _ in range(3)))
        elapsed = time.monotonic() - started
        task.cancel()
        assert elapsed < 1.1, f"three 0.4 s calls should overlap, took {elapsed:.2f} s"
        assert ticks >= 10, "the event loop kept running while lasku waited"

    asyncio.run(main())


def test_cancellation(sandbox: Sandbox) -> None:
    async def main() -> None:
        client = make(sandbox)
        sandbox.fault("delay=3000", operation="service_status", times=1)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.service_status(), timeout=0.2)
        # the client is fine afterwards
        assert (await client.validate_token())["IsValid"] is True

    asyncio.run(main())


def test_one_client_on_several_loops(sandbox: Sandbox) -> None:
    client = make(sandbox)
    for _ in range(3):
        assert asyncio.run(client.validate_token())["IsValid"] is True
