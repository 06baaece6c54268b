"""The exception hierarchy against real answers and injected faults: 4xx, 429 with Retry-After,
503, dropped connections, timeouts, unreadable bodies, configuration mistakes, and a Rust panic."""

from __future__ import annotations

import socket
import time
from decimal import Decimal

import pytest

import lasku

from conftest import CREDITOR_KEY, PARTNER_KEY, Sandbox, fresh_number, invoice


def make(sandbox: Sandbox, **options: object) -> lasku.Client:
    settings: dict = {"api_key": CREDITOR_KEY, "partner_key": PARTNER_KEY, "base_url": sandbox.base_url, "retry_backoff": 0.02}
    settings.update(options)
    return lasku.Client(**settings)


def test_hierarchy() -> None:
    for cls in (
        lasku.ValidationError, lasku.ConfigurationError, lasku.ApiError, lasku.TransportError,
        lasku.UnknownOutcomeError, lasku.DecodeError, lasku.PaginationError, lasku.InternalError,
    ):
        assert issubclass(cls, lasku.LaskuError)
    for cls in (lasku.AuthenticationError, lasku.BusinessRuleError, lasku.ForbiddenError, lasku.NotFoundError, lasku.RateLimitError):
        assert issubclass(cls, lasku.ApiError)
    assert issubclass(lasku.ValidationError, ValueError)


def test_wrong_key_is_authentication_error(sandbox: Sandbox) -> None:
    client = make(sandbox, api_key="not-the-key")
    with pytest.raises(lasku.AuthenticationError) as caught:
        client.validate_token()
    error = caught.value
    assert error.status == 401 and error.code == "unauthorized"
    assert error.operation == "validate_token"
    assert "Message" in error.body
    assert "not-the-key" not in str(error) and "not-the-key" not in repr(error)


def test_not_found_business_rule_forbidden(sandbox: Sandbox, client: lasku.Client) -> None:
    with pytest.raises(lasku.NotFoundError) as missing:
        client.retrieve_invoice_status(fresh_number())
    assert missing.value.status == 404 and "not found" in missing.value.body

    n = fresh_number()
    client.create_invoice(invoice(n))
    with pytest.raises(lasku.BusinessRuleError) as duplicate:
        client.create_invoice(invoice(n))
    assert duplicate.value.status == 402

    partner_only = make(sandbox, api_key=PARTNER_KEY)
    with pytest.raises(lasku.ForbiddenError) as forbidden:
        partner_only.validate_token()
    assert forbidden.value.status == 403


def test_validation_error_lists_every_violation_and_sends_nothing(sandbox: Sandbox, client: lasku.Client) -> None:
    before = len(sandbox.hits())
    bad = invoice(fresh_number())
    bad["InvoiceRows"][0]["Tax"] = Decimal("99.99")
    del bad["SalesName"]
    with pytest.raises(lasku.ValidationError) as caught:
        client.create_invoice(bad)
    paths = {(v["path"], v["code"]) for v in caught.value.violations}
    assert ("/SalesName", "required") in paths, paths
    assert any(v["path"].endswith("/InvoiceRows/0/Tax") for v in caught.value.violations)
    assert all(v["severity"] in ("error", "warning") for v in caught.value.violations)
    assert caught.value.errors
    assert len(sandbox.hits()) == before, "an invalid invoice must never be sent"


def test_wrong_types_and_unknown_arguments(client: lasku.Client) -> None:
    with pytest.raises(lasku.ValidationError) as wrong_type:
        client.create_invoice({"InvoiceNumber": 1, "InvoiceRows": [{"Qty": "many"}]})
    assert [v["path"] for v in wrong_type.value.violations] == ["/InvoiceRows/0/Qty"], wrong_type.value.violations
    with pytest.raises(lasku.ValidationError) as unknown:
        client.call("validate_token", surprise=1)
    assert unknown.value.violations[0]["code"] == "argument.unknown"
    with pytest.raises(lasku.ValidationError):
        client.retrieve_invoice_status(None)  # type: ignore[arg-type]
    with pytest.raises(lasku.ConfigurationError):
        client.call("no_such_operation")


def test_429_with_retry_after_is_retried(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("status=429;retry-after=1", operation="service_status", times=1)
    started = time.monotonic()
    assert client.service_status()["Status"] == "OK"
    assert time.monotonic() - started >= 0.9, "the client must wait what Retry-After asked"


def test_429_after_the_retries_is_rate_limit_error(sandbox: Sandbox) -> None:
    client = make(sandbox, max_retries=1)
    sandbox.fault("status=429;retry-after=1", operation="service_status", times=5)
    with pytest.raises(lasku.RateLimitError) as caught:
        client.service_status()
    assert caught.value.status == 429
    assert caught.value.retry_after == 1.0


def test_503_is_retried_then_reported(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("status=503", operation="list_products", times=1)
    assert "Data" in client.list_products()
    sandbox.fault("status=503", operation="list_products", times=10)
    with pytest.raises(lasku.ApiError) as caught:
        make(sandbox, max_retries=2).list_products()
    assert caught.value.status == 503 and type(caught.value) is lasku.ApiError


def test_dropped_connection_on_a_read_is_retried(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("drop=after", operation="retrieve_agreement_status", times=1)
    assert client.retrieve_agreement_status()["Status"]


def test_dropped_connection_on_a_create_is_unknown_outcome(sandbox: Sandbox, client: lasku.Client) -> None:
    n = fresh_number()
    sent = invoice(n)
    before = len(sandbox.hits())
    sandbox.fault("drop=after", operation="create_invoice", times=1)
    with pytest.raises(lasku.UnknownOutcomeError) as caught:
        client.create_invoice(sent)
    assert caught.value.invoice_numbers == [n]
    assert caught.value.references == [sent["Reference"]]
    # It was not re-sent, and it did happen: settle it by looking it up.
    assert client.retrieve_invoice_status(n)["InvoiceNumber"] == n
    creates = [h for h in sandbox.hits()[before:] if h["Operation"] == "create_invoice"]
    assert len(creates) == 1, "a create whose outcome is unknown is never re-sent"
    assert creates[0]["Fault"]


def test_an_unreadable_success_answer_to_a_payment_is_unknown_outcome(sandbox: Sandbox, client: lasku.Client) -> None:
    n = fresh_number()
    client.create_invoice(invoice(n))
    sandbox.fault("body=truncated", operation="submit_invoice_payment", times=1)
    with pytest.raises(lasku.UnknownOutcomeError) as caught:
        client.submit_invoice_payment(n, {"PaymentDate": "2026-11-22", "Amount": "10.00", "Currency": "EUR"})
    assert caught.value.invoice_numbers == [n]
    # It did happen: the payment is on the invoice.
    assert client.retrieve_invoice_status(n)["PaidAmount"] == Decimal("10.00")


def test_errors_survive_pickling_with_every_attribute(sandbox: Sandbox, client: lasku.Client) -> None:
    import pickle

    with pytest.raises(lasku.NotFoundError) as caught:
        client.retrieve_invoice_status(fresh_number())
    errors: list = [
        caught.value,
        lasku.RateLimitError("slow down", status=429, retry_after=2.5),
        lasku.ValidationError("bad", violations=[{"path": "/a", "code": "type", "message": "m", "severity": "error"}]),
        lasku.UnknownOutcomeError("maybe", operation="create_invoice", invoice_numbers=[1], references=["1232"], cause="dropped"),
        lasku.ConfigurationError("no key"),
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error) and copy.message == error.message and copy.code == error.code
        assert vars(copy) == vars(error), type(error).__name__
    assert pickle.loads(pickle.dumps(caught.value)).status == 404


def test_dropped_before_processing_on_a_create_may_be_retried_or_reported(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("drop=before", operation="create_invoice", times=1)
    n = fresh_number()
    try:
        client.create_invoice(invoice(n))
    except lasku.UnknownOutcomeError as e:  # the client cannot tell "before" from "after"
        assert e.invoice_numbers == [n]
    else:
        assert client.retrieve_invoice_status(n)["InvoiceNumber"] == n


def test_connection_refused_is_transport_error_not_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = lasku.Client(api_key="k", base_url=f"http://127.0.0.1:{port}/v2", max_retries=1, retry_backoff=0.01)
    with pytest.raises(lasku.TransportError) as caught:
        client.validate_token()
    assert caught.value.may_have_been_sent is False
    assert caught.value.kind == "connect"
    assert caught.value.operation == "validate_token"


def test_a_refused_connection_through_urllib_lets_a_create_be_retried() -> None:
    import urllib.error
    import urllib.request

    def send(request: lasku.HttpRequest) -> lasku.HttpResponse:
        req = urllib.request.Request(request.url, data=request.body, method=request.method, headers=request.headers)
        with urllib.request.urlopen(req, timeout=request.timeout) as r:
            return lasku.HttpResponse(r.status, r.headers.items(), r.read())

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = lasku.Client(api_key="k", base_url=f"http://127.0.0.1:{port}/v2", transport=send, max_retries=1, retry_backoff=0.01)
    with pytest.raises(lasku.TransportError) as caught:
        client.create_invoice(invoice(fresh_number()))
    assert caught.value.may_have_been_sent is False, "urllib's URLError wraps the refusal"
    assert caught.value.kind == "connect"


def test_timeout_is_transport_error(sandbox: Sandbox) -> None:
    client = make(sandbox, timeout=0.3, max_retries=0)
    sandbox.fault("delay=2000", operation="service_status", times=1)
    started = time.monotonic()
    with pytest.raises(lasku.TransportError) as caught:
        client.service_status()
    assert time.monotonic() - started < 1.5
    assert caught.value.kind == "timeout"


def test_unreadable_answers_are_decode_errors(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("body=nonjson", operation="retrieve_agreement_status", times=1)
    with pytest.raises(lasku.DecodeError) as caught:
        client.retrieve_agreement_status()
    assert caught.value.status == 200 and "<" in caught.value.body


def test_a_server_400_is_api_error(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("status=400", operation="list_products", times=1)
    with pytest.raises(lasku.ApiError) as caught:
        client.list_products()
    assert caught.value.status == 400 and type(caught.value) is lasku.ApiError
    client.list_products()


def test_pages_count_from_one_and_nothing_is_sent(sandbox: Sandbox, client: lasku.Client) -> None:
    before = len(sandbox.hits())
    with pytest.raises(lasku.ValidationError) as caught:
        client.list_products(page_size=0)
    assert [v["path"] for v in caught.value.violations] == ["/page_size"]
    with pytest.raises(lasku.ValidationError):
        list(client.list_products_iter(page_size=0))
    assert len(sandbox.hits()) == before


def test_configuration_errors() -> None:
    with pytest.raises(lasku.ConfigurationError):
        lasku.Client(api_key="")
    with pytest.raises(lasku.ConfigurationError) as plain_http:
        lasku.Client(api_key="k", base_url="http://api.example.com/v2")
    assert "http" in str(plain_http.value)
    with pytest.raises(lasku.ConfigurationError):
        lasku.Client(api_key="k", environment="staging")
    with pytest.raises(lasku.ConfigurationError):
        lasku.Client(api_key="k", timeout=-1)
    with pytest.raises(lasku.ConfigurationError):
        lasku.Client(api_key="k", path_overrides={"no_such_operation": "/x"})
    for bad, name in [({"max_retries": -1}, "max_retries"), ({"max_retries": 1.5}, "max_retries"), ({"timeout": "5"}, "timeout"), ({"connect_timeout": True}, "connect_timeout")]:
        with pytest.raises(lasku.ConfigurationError, match=name):
            lasku.Client(api_key="k", **bad)  # type: ignore[arg-type]
    with pytest.raises(lasku.ConfigurationError, match="query or a fragment"):
        lasku.Client(api_key="k", base_url="https://api.example.com/v2?token=x")
    client = lasku.Client(api_key="k", base_url="http://127.0.0.1:9/v2")
    with pytest.raises(lasku.ConfigurationError) as partner:
        client.send_sms({"PhoneNumber": "+358401234567", "Message": "Hei"})
    assert "partner" in str(partner.value)
    assert lasku.Client(api_key="k").base_url == lasku.PRODUCTION_URL


def test_a_subclass_entered_as_a_context_manager_keeps_its_type() -> None:
    class Logged(lasku.Client):
        calls = 0

    with Logged(api_key="k", base_url="http://127.0.0.1:9/v2") as entered:
        kept: Logged = entered  # mypy --strict checks that `with` gives a Logged, not a Client
        assert kept.calls == 0


def test_secrets_never_show() -> None:
    client = lasku.Client(api_key="super-secret-key", partner_key="partner-secret", base_url="http://127.0.0.1:9/v2")
    shown = repr(client) + str(client) + repr(client._native) + repr(vars(client))
    assert "super-secret" not in shown and "partner-secret" not in shown
    request = lasku.HttpRequest("GET", "http://x/v2", {"X-Api-Key": "super-secret-key"}, None, 1.0)
    assert "super-secret" not in repr(request) and "[redacted]" in repr(request)


def test_a_rust_panic_is_a_lasku_error_and_the_client_keeps_working(client: lasku.Client) -> None:
    for place in ("sync", "runtime"):
        with pytest.raises(lasku.InternalError) as caught:
            lasku._native._panic_for_tests(place)
        assert isinstance(caught.value, lasku.LaskuError)
        assert "panic" in str(caught.value)
    assert client.validate_token()["IsValid"] is True
