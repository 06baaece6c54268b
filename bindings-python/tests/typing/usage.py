"""A month's invoices through lasku, checked by `mypy --strict` (tests/test_typing.py) and run
against the sandbox: build, validate, send as one batch, follow the batch, list, pay, and the
same with AsyncClient.

    python usage.py http://127.0.0.1:8080/v2
"""

from __future__ import annotations

import asyncio
import datetime
import sys
from decimal import Decimal
from typing import List, Optional

import lasku
from lasku.types import InvoiceStatus, SalesInvoice, SalesInvoiceInput


def month_of_invoices(first_number: int, month: datetime.date) -> List[SalesInvoice]:
    invoices: List[SalesInvoice] = []
    for i in range(3):
        header: SalesInvoiceInput = {
            "InvoiceNumber": first_number + i,
            "InvoiceDate": month.replace(day=1 + i),
            "SalesName": "Asiakas Oy",
            "SalesCountry": "FI",
            "Currency": "EUR",
        }
        invoices.append(
            lasku.build_invoice(
                header,
                [
                    {"description": "Ylläpito", "qty": 1, "unit_price": Decimal("120.00"), "vat_percent": "25.5"},
                    {"description": "Tunnit", "qty": "2.5", "unit_price": 95, "vat_percent": Decimal("25.5")},
                ],
                payment_terms_days=14,
            )
        )
    return invoices


def problems(invoices: List[SalesInvoice]) -> List[str]:
    return [f"{v['path']}: {v['message']}" for inv in invoices for v in lasku.validate_invoice(inv) if v["severity"] == "error"]


def open_total(client: lasku.Client, since: datetime.date) -> Decimal:
    total = Decimal(0)
    for invoice in client.list_sales_invoices_iter(date_from=since, page_size=50):
        total += invoice["TotalAmount"] or Decimal(0)
    return total


def send_month(client: lasku.Client, first_number: int) -> Decimal:
    month = datetime.date(2026, 10, 1)
    invoices = month_of_invoices(first_number, month)
    errors = problems(invoices)
    if errors:
        raise SystemExit("\n".join(errors))
    try:
        answer = client.submit_sales_invoice_batch({"SalesInvoices": [{"SalesInvoice": invoices}]})
    except lasku.UnknownOutcomeError as e:
        print("not sure it arrived; look up", e.invoice_numbers)
        raise
    except lasku.RateLimitError as e:
        print("slow down for", e.retry_after)
        raise
    batch_id: Optional[int] = answer["BatchId"]
    if batch_id is not None:
        for upload in client.list_batch_uploads_iter(batch_id=batch_id):
            print("batch", upload["BatchId"], upload["Status"])
    first = invoices[0]["InvoiceNumber"]
    assert first is not None
    status: InvoiceStatus = client.retrieve_invoice_status(first)
    payment = client.submit_invoice_payment(first, {"PaymentDate": datetime.date.today(), "Amount": Decimal("10.00")})
    paid: Optional[Decimal] = payment["PaidAmount"]
    print("status", status["Status"], "paid", paid)
    return open_total(client, month)


async def check_async(base_url: str, number: int) -> str:
    async with lasku.AsyncClient(api_key="lasku-sandbox-key", base_url=base_url) as client:
        statuses = await asyncio.gather(*(client.retrieve_invoice_status(number + i) for i in range(3)))
        async for item in client.list_sales_invoices_iter(invoice_number=number):
            print("async item", item["InvoiceNumber"])
        return ", ".join(str(s["Status"]) for s in statuses)


def main(base_url: str) -> None:
    client = lasku.Client(api_key="lasku-sandbox-key", base_url=base_url, timeout=30, max_retries=2)
    number = 880_000 + datetime.datetime.now().microsecond
    total = send_month(client, number)
    print("total", total)
    print("async", asyncio.run(check_async(base_url, number)))
    print("reference", lasku.fi.reference_forms(number)["formatted"])


if __name__ == "__main__":
    main(sys.argv[1])
