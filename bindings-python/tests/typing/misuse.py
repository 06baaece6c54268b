"""Mistakes mypy --strict must catch (tests/test_typing.py): each line marked `# error` must be
reported, so the TypedDicts and signatures really check something."""

from __future__ import annotations

from decimal import Decimal

import lasku
from lasku.types import SalesInvoiceInput

client = lasku.Client(api_key="k")
bad_member: SalesInvoiceInput = {"InvoiceNumbr": 1}  # error
bad_money: SalesInvoiceInput = {"TotalAmount": [1, 2]}  # error
client.retrieve_invoice_status()  # error
client.list_sales_invoices(page="2")  # error
status = client.retrieve_invoice_status(1)
amount: Decimal = status["TotalAmount"]  # error
name: int = status["Reference"]  # error
lasku.Client(api_key=1)  # error
lasku.fi.check("iban")  # error
