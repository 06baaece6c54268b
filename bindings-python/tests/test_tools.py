"""The Finnish toolkit, the invoice builder, validation and prepare: the core's functions."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import lasku
from lasku import fi


def test_identifiers() -> None:
    assert fi.IDENTIFIER_KINDS == ["reference", "rf", "iban", "bic", "ytunnus", "vat", "hetu", "ovt"]
    iban = fi.check("iban", "FI2112345600000785")
    assert iban["valid"] is True and iban["formatted"] == "FI21 1234 5600 0007 85"
    assert fi.is_valid("ytunnus", "0737546-2")
    assert not fi.is_valid("ytunnus", "0737546-3")
    bad = fi.check("reference", "2516000017")
    assert bad["valid"] is False and bad["code"] == "reference.check_digit" and bad["reason"]
    unknown = fi.check("passport", "x")
    assert unknown["code"] == "kind.unknown"


def test_references_and_barcodes() -> None:
    forms = fi.reference_forms(1001)
    assert forms["reference"] == "10016" and forms["rf"].startswith("RF")
    code = fi.encode_barcode("FI21 1234 5600 0007 85", Decimal("4883.15"), forms["reference"], "2026-12-05")
    assert len(code) == 54 and code.startswith("4")
    info = fi.decode_barcode(code)
    assert info["amount"] == Decimal("4883.15") and info["reference"] == "10016" and info["due_date"] == "2026-12-05"
    assert fi.encode_barcode("FI2112345600000785", 4883.15, "10016") == fi.encode_barcode("FI2112345600000785", "4883.15", "10016")
    with pytest.raises(lasku.ValidationError) as caught:
        fi.encode_barcode("FI2112345600000786", 1, "10016")
    assert caught.value.violations[0]["path"] == "/iban"
    with pytest.raises(lasku.ValidationError):
        fi.reference_forms("12")
    # A date object, and a Decimal in exponent form, are read as what they are.
    iban = "FI2112345600000785"
    assert fi.encode_barcode(iban, Decimal("1E+2"), "10016", datetime.date(2026, 12, 5)) == fi.encode_barcode(iban, "100", "10016", "2026-12-05")
    with pytest.raises(lasku.ValidationError) as wrong_due:
        fi.encode_barcode(iban, 1, "10016", 20261205)  # type: ignore[arg-type]
    assert wrong_due.value.violations[0]["path"] == "/due"
    with pytest.raises(lasku.ValidationError) as misspelt:
        fi.is_valid("iabn", iban)
    assert misspelt.value.violations[0]["code"] == "kind.unknown"


def test_build_invoice_computes_amounts() -> None:
    built = lasku.build_invoice(
        {"InvoiceNumber": 1001, "InvoiceDate": datetime.date(2026, 11, 21), "SalesName": "Sami Santikko"},
        [
            {"description": "Consulting", "qty": 2, "unit_price": Decimal("80.00"), "vat_percent": "25.5"},
            {"description": "Gross-priced book", "qty": 1, "unit_price": "22.59", "vat_percent": 13.5, "price_includes_vat": True},
        ],
        payment_terms_days=14,
    )
    assert built["DueDate"] == "2026-12-05" and built["Reference"] == "10016"
    rows = built["InvoiceRows"] or []
    assert rows[0]["Nto"] == Decimal("160.00") and rows[0]["Tax"] == Decimal("40.80")
    assert built["TotalAmount"] == sum((r["Total"] or Decimal(0) for r in rows), Decimal(0))
    assert lasku.validate_invoice(built) == [] or all(v["severity"] == "warning" for v in lasku.validate_invoice(built))
    with pytest.raises(lasku.ValidationError):
        lasku.build_invoice({"InvoiceNumber": 1}, [{"description": "x", "qty": "a lot", "unit_price": 1, "vat_percent": 24}])  # type: ignore[typeddict-item]


def test_validate_reports_everything() -> None:
    violations = lasku.validate_invoice({"InvoiceNumber": 1, "InvoiceRows": []})
    codes = {v["code"] for v in violations}
    assert "required" in codes and "invoice_rows.empty" in codes
    assert lasku.validate("batch", {"SalesInvoices": [{"SalesInvoice": [{"InvoiceNumber": 1}]}]})[0]["path"].startswith("/SalesInvoices/0/SalesInvoice/0")
    assert lasku.validate("no_such_kind", {})[0]["code"] == "kind.unknown"


def test_prepare_validates_and_serializes_without_sending() -> None:
    built = lasku.build_invoice(
        {"InvoiceNumber": 5, "InvoiceDate": "2026-11-21", "DueDate": "2026-12-21", "SalesName": "A"},
        [{"description": "x", "qty": 1, "unit_price": "10.00", "vat_percent": "25.5"}],
    )
    prepared = lasku.prepare("create_invoice", invoice=built)
    assert prepared["method"] == "POST" and prepared["path"] == "/salesinvoices"
    assert prepared["body"] is not None and prepared["body"].startswith(b'{"SalesInvoice":[{"InvoiceNumber":5')
    status = lasku.prepare("retrieve_invoice_status", invoice_number=5)
    assert status["path_params"] == {"invoiceNumber": "5"} and status["body"] is None
    listed = lasku.prepare("list_sales_invoices", date_from=datetime.date(2026, 1, 1), page_size=10)
    assert ("invoiceDateFrom", "2026-01-01") in listed["query"]
    with pytest.raises(lasku.ValidationError):
        lasku.prepare("create_invoice", invoice={"InvoiceNumber": 5})


def test_a_big_batch_is_checked_while_written() -> None:
    """Past a few hundred KB the batch is checked on other threads as it is written: the
    answer is the one a small batch gets, invoice for invoice, and a late error is still found."""
    one = lasku.build_invoice(
        {"InvoiceNumber": 1, "InvoiceDate": "2026-11-21", "DueDate": "2026-12-21", "SalesName": "Oy \"Iso\" Ab\n", "Note": "x" * 1500},
        [{"description": "Työ", "qty": 2, "unit_price": "80.00", "vat_percent": "25.5"}] * 3,
    )

    def batch(count: int) -> dict:
        invoices = [dict(one, InvoiceNumber=n, InvoiceRows=[dict(r, Nto=float(r["Nto"])) for r in one["InvoiceRows"] or []]) for n in range(1, count + 1)]
        return {"SalesInvoices": [{"SalesInvoice": invoices[: count // 3]}, {"SalesInvoice": []}, {"SalesInvoice": invoices[count // 3 :]}]}

    big = batch(1200)
    prepared = lasku.prepare("submit_sales_invoice_batch", batch=big)
    assert prepared["body"] is not None and len(prepared["body"]) > 2_000_000
    import json

    sent = json.loads(prepared["body"], parse_float=Decimal)
    assert [i["InvoiceNumber"] for g in sent["SalesInvoices"] for i in g["SalesInvoice"]] == list(range(1, 1201))
    assert sent["SalesInvoices"][2]["SalesInvoice"][-1]["SalesName"] == 'Oy "Iso" Ab\n'
    assert sent["SalesInvoices"][0]["SalesInvoice"][0]["InvoiceRows"][0]["Nto"] == Decimal("160.0")

    late = batch(1200)
    late["SalesInvoices"][2]["SalesInvoice"][700]["TotalAmount"] = Decimal("1.00")
    late["SalesInvoices"][2]["SalesInvoice"][750]["InvoiceNumber"] = 3
    with pytest.raises(lasku.ValidationError) as caught:
        lasku.prepare("submit_sales_invoice_batch", batch=late)
    paths = {v["path"] for v in caught.value.violations}
    assert any(p.startswith("/SalesInvoices/2/SalesInvoice/700/") for p in paths), paths
    assert "/SalesInvoices/2/SalesInvoice/750/InvoiceNumber" in paths, paths
    # The client is as usable as before.
    assert lasku.prepare("submit_sales_invoice_batch", batch=batch(3))["body"] is not None
