"""Values in and out: dicts with the API's member names, Decimal money out, Decimal / int / str /
float money in (a float by its shortest repr), dates, identifiers, and bad input."""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict
from decimal import Decimal

import pytest

import lasku

from conftest import fresh_number, invoice


def test_money_in_every_accepted_form_round_trips_exactly(client: lasku.Client) -> None:
    n = fresh_number()
    client.create_invoice(invoice(n))
    for amount in (Decimal("0.10"), 1, "0.25", 0.1, Decimal("1e-1")):
        answer = client.submit_invoice_payment(n, {"PaymentDate": datetime.date.today(), "Amount": amount})
        assert isinstance(answer["PaidAmount"], Decimal)
    paid = client.retrieve_invoice_status(n)["PaidAmount"]
    assert paid == Decimal("1.55"), paid
    assert all(isinstance(p["Amount"], Decimal) for p in client.submit_invoice_payment(n, {"PaymentDate": "2026-11-21", "Amount": "0.01"})["Payments"])  # type: ignore[union-attr]


def test_what_goes_on_the_wire() -> None:
    assert lasku.to_json({"a": Decimal("10.00000000000")}) == '{"a":10.00000000000}'
    assert lasku.to_json([0.1, 134.4, 2.0, 1e21, -0.0]) == "[0.1,134.4,2.0,1e21,-0.0]"
    assert lasku.to_json([True, False, None, 7, -3, 2**70]) == "[true,false,null,7,-3,%d]" % 2**70
    assert lasku.to_json({"d": datetime.date(2026, 1, 31), "t": datetime.datetime(2026, 1, 31, 12, 0, tzinfo=datetime.timezone.utc)}) == (
        '{"d":"2026-01-31","t":"2026-01-31T12:00:00+00:00"}'
    )
    text = 'quote " back \\ tab \t nl \n ctrl \x01 ääkköset €'
    assert json.loads(lasku.to_json(text)) == text
    assert lasku.to_json(OrderedDict([("b", 1), ("a", (1, 2))])) == '{"b":1,"a":[1,2]}'


def test_many_member_names_and_amounts_are_written_exactly() -> None:
    """Member names are remembered by object within a call: many names, the same names in many
    dicts, names that need escaping, and equal names in different objects all come out right."""
    names = [f"Name{i}" for i in range(600)] + ['quo"te', "back\\slash", "ääkkö", "tab\t"]
    rows = [{name: i for name in names[i % 7 :: 3]} for i in range(40)]
    rows += [{"".join(["Na", "me1"]): 1.5, "Name1": 2.25}]  # equal text, two objects: one member twice
    amounts = [i / 100 for i in range(-1005, 1005, 7)] + [0.1, 0.5, 134.4, 1e13, 9999999999999.99, 1e15, 0.005, -0.0]
    value = {"rows": rows, "amounts": amounts}
    assert json.loads(lasku.to_json(value)) == json.loads(json.dumps(value))
    assert lasku.to_json(amounts) == "[" + ",".join(repr(a) for a in amounts) + "]"


@pytest.mark.parametrize(
    "bad, path",
    [
        ({"Amount": float("nan")}, "/Amount"),
        ({"Amount": float("inf")}, "/Amount"),
        ({"Amount": Decimal("NaN")}, "/Amount"),
        ({"Rows": [1, {"x": object()}]}, "/Rows/1/x"),
        ({"Rows": {1, 2}}, "/Rows"),
        ({1: "numeric key"}, ""),
        ({"text": "lone \ud800 surrogate"}, "/text"),
        ({"a/b": {"c~d": b"bytes"}}, "/a~1b/c~0d"),
    ],
)
def test_unconvertible_input_is_a_validation_error_with_its_path(bad: object, path: str) -> None:
    with pytest.raises(lasku.ValidationError) as caught:
        lasku.to_json(bad)
    assert caught.value.violations[0]["path"] == path
    assert caught.value.violations[0]["code"] == "type"


def test_unconvertible_members_of_a_model_argument_are_placed_inside_the_model(client: lasku.Client) -> None:
    # Where the core places type and rule errors of the same member, whichever stage finds it.
    for bad, path in [({"TotalAmount": float("nan")}, "/TotalAmount"), ({"InvoiceRows": [{"Qty": {1, 2}}]}, "/InvoiceRows/0/Qty")]:
        with pytest.raises(lasku.ValidationError) as caught:
            client.create_invoice(bad)
        assert caught.value.violations[0]["path"] == path
        with pytest.raises(lasku.ValidationError) as prepared:
            lasku.prepare("create_invoice", invoice=bad)
        assert prepared.value.violations[0]["path"] == path
    with pytest.raises(lasku.ValidationError) as plain:
        client.retrieve_invoice_status(float("nan"))
    assert plain.value.violations[0]["path"] == "/invoice_number"


def test_cycles_are_refused() -> None:
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(lasku.ValidationError):
        lasku.to_json(cycle)


def test_answers_are_plain_dicts_with_api_names(client: lasku.Client) -> None:
    n = fresh_number()
    client.create_invoice(invoice(n))
    listed = client.list_sales_invoices(invoice_number=n)
    assert type(listed) is dict and set(listed) == {"Data", "Meta"}
    item = listed["Data"][0]  # type: ignore[index]
    assert type(item) is dict
    assert item["InvoiceNumber"] == n and isinstance(item["InvoiceNumber"], int)
    assert isinstance(item["InvoiceDate"], str)
    row = item["InvoiceRows"][0]  # type: ignore[index]
    assert isinstance(row["Qty"], Decimal) and isinstance(row["Nto"], Decimal)
    assert row["Price"] == Decimal("80.00") and str(row["Price"]) == "80.00"
    meta = listed["Meta"]
    assert isinstance(meta["TotalCount"], int)  # type: ignore[index]


def test_string_invoice_numbers_stay_strings(client: lasku.Client) -> None:
    n = str(fresh_number())
    client.create_invoice(invoice(n))  # type: ignore[arg-type]
    assert client.retrieve_invoice_status(n)["InvoiceNumber"] in (n, int(n))


def test_unknown_members_are_kept(client: lasku.Client) -> None:
    n = fresh_number()
    sent = invoice(n, ExtendedField1="kept", SomethingNew={"nested": [1, "2"]})
    client.create_invoice(sent)
    listed = client.list_sales_invoices(invoice_number=n)["Data"][0]  # type: ignore[index]
    assert listed["ExtendedField1"] == "kept"
    assert listed.get("SomethingNew") == {"nested": [1, "2"]}  # type: ignore[union-attr]
