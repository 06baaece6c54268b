"""Every Cash-In operation, called through the typed methods of lasku.Client against the sandbox
over real HTTP; the sandbox's hit log must then list all 48 with the Python user agent."""

from __future__ import annotations

import datetime
from decimal import Decimal

import lasku
from lasku._operations import OPERATION_IDS

from conftest import Sandbox, fresh_number, invoice

TODAY = datetime.date.today()


def test_the_methods_are_the_core_operations() -> None:
    ids = [op["id"] for op in lasku.schema()["operations"]]
    assert list(OPERATION_IDS) == ids
    assert len(ids) == 48
    for op_id in ids:
        assert callable(getattr(lasku.Client, op_id))
        assert callable(getattr(lasku.AsyncClient, op_id))


def test_every_operation_over_http_with_the_python_user_agent(sandbox: Sandbox, client: lasku.Client) -> None:
    n = fresh_number()
    assert client.validate_token()["IsValid"] is True
    assert client.renew_token("C1", "192.0.2.1")["Message"]

    sent = invoice(n)
    created = client.create_invoice(sent)
    assert created["SalesInvoices"][0]["InvoiceNumber"] == n
    with_seller = invoice(fresh_number(), SellerInfo={"SellerName": "Myyjä Oy", "SellerBusinessId": "0737546-2"})
    client.create_invoice_with_seller_info(with_seller)
    batch = client.submit_sales_invoice_batch({"SalesInvoices": [{"SalesInvoice": [invoice(fresh_number())]}]})
    assert batch["BatchId"] is not None
    uploads = client.list_batch_uploads(batch_id=batch["BatchId"])
    assert "Data" in uploads
    listed = client.list_sales_invoices(invoice_number=n)
    assert [i["InvoiceNumber"] for i in listed["Data"]] == [n]
    status = client.retrieve_invoice_status(n)
    assert status["TotalAmount"] == sent["TotalAmount"] == Decimal("223.39")
    assert isinstance(status["OpenAmount"], Decimal)
    client.retrieve_invoice_delivery_information()
    updated = client.update_invoice(n, {"Description": "päivitetty"})
    assert updated["UpdatedFields"] == ["Description"]
    paid = client.submit_invoice_payment(n, {"PaymentDate": TODAY, "Amount": Decimal("1.00")})
    assert paid["PaidAmount"] == Decimal("1.00")
    client.retrieve_delivery_statistics()
    client.retrieve_received_payments(invoice_number=n)
    client.update_finvoice_account(
        {"CustomerCode": "C1", "FinvoiceAddress": "003707375462", "FinvoiceIntermediator": "003721291126"}
    )
    client.retrieve_electronic_invoicing_contracts()

    receivable = {"InvoiceNumber": 900, "DueDate": TODAY, "CapitalAmount": "5.00"}
    cases = client.create_collection_cases({"Cases": [{"Debtor": {"Name": "Velallinen"}, "Receivables": [receivable]}]})
    client.retrieve_case_batch_status(cases["BatchId"])
    update = client.update_collection_receivables(
        {"Receivables": [{"InvoiceNumber": 900, "PaymentDate": TODAY, "PaidAmount": 1}]}
    )
    client.retrieve_collection_receivables_status(update["BatchId"])
    client.retrieve_collection_case()
    client.retrieve_debtor_summary()
    sandbox.settle()
    settlements = client.list_settlements()
    if settlements["Data"]:
        client.retrieve_settlement(settlements["Data"][0]["SettlementNumber"])
    else:
        try:
            client.retrieve_settlement(1)
        except lasku.NotFoundError:
            pass
    direct = client.list_direct_settlements()
    assert direct["Data"], "settling must have produced a direct settlement"
    client.retrieve_direct_settlement(direct["Data"][0]["SettlementNumber"])
    client.retrieve_credit_loss_receivables()
    client.retrieve_allocated_payment_transactions()

    client.list_products()
    client.submit_products({"Products": [{"ProductCode": "P-py", "Name": "Tuote", "UnitPrice": Decimal("9.90")}]})
    client.delete_product("P-py")
    client.list_customers()
    client.submit_customers({"Customers": [{"CustomerCode": "K-py", "Name": "Asiakas"}]})
    client.update_customer("K-py", {"Phone": "+358401234567"})
    client.delete_customer("K-py")

    client.retrieve_external_delivery_information()
    client.retrieve_external_payment_information()
    client.create_direct_payment({"DirectPayments": [{"InvoiceNumber": n, "PaymentDate": TODAY, "Amount": 1.5}]})
    client.submit_invoice_action({"Actions": [{"Code": "OBJECTION", "InvoiceNumber": n}]})
    client.retrieve_agreement_status()

    registered = client.submit_creditor({"CreditorData": {"Name": "V Oy", "BusinessId": "0737546-2"}})
    assert registered["ApiKey"]
    client.update_creditor("0737546-2", {"CreditorDetails": {"Email": "talous@example.fi"}})
    client.retrieve_creditor_credentials("0737546-2")
    client.retrieve_finvoice_credentials("0737546-2")
    client.retrieve_external_agreement_identifiers("0737546-2")
    client.retrieve_delivery_information_by_seller("0737546-2")
    client.send_sms({"PhoneNumber": "+358401234567", "Message": "Hei"})

    client.create_meter_reading_documents(
        {
            "Documents": [
                {
                    "DocumentNumber": f"D-{n}",
                    "Customer": {"Name": "A"},
                    "Readings": [{"MeterNumber": "1", "ReadingDate": TODAY, "ReadingValue": 1}],
                }
            ]
        }
    )
    assert client.service_status()["Status"] == "OK"

    hits = sandbox.hits()
    python_ua = client.user_agent
    assert python_ua.startswith("lasku/") and "(python; cpython 3." in python_ua
    missing = [op for op in OPERATION_IDS if not any(h["Operation"] == op and h["UserAgent"] == python_ua for h in hits)]
    assert missing == [], f"never called from Python: {missing}"


def test_pagination_iterates_items_and_pages(client: lasku.Client) -> None:
    numbers = [fresh_number() for _ in range(5)]
    for n in numbers:
        client.create_invoice(invoice(n, InvoiceDate="2026-03-03"))
    walked = [i["InvoiceNumber"] for i in client.list_sales_invoices_iter(date_from="2026-03-03", date_to="2026-03-03", page_size=2)]
    assert walked == numbers
    pages = list(client.list_sales_invoices_pages(date_from=datetime.date(2026, 3, 3), date_to="2026-03-03", page_size=2))
    assert [len(p["Data"]) for p in pages] == [2, 2, 1]
    assert pages[0]["Meta"]["TotalCount"] == 5
    # a single page, as the API answers it
    second = client.list_sales_invoices(date_from="2026-03-03", date_to="2026-03-03", page=2, page_size=2)
    assert [i["InvoiceNumber"] for i in second["Data"]] == numbers[2:4]


def test_generic_call_by_operation_id(client: lasku.Client) -> None:
    assert client.call("validate_token")["IsValid"] is True
    with lasku.Client(api_key="lasku-sandbox-key", base_url=client.base_url) as other:
        assert other.call("service_status")["Status"] == "OK"
