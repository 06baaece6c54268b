"""lasku.Client from several threads at once, with the GIL released while waiting."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import lasku

from conftest import Sandbox, fresh_number, invoice


def test_many_threads_one_client(sandbox: Sandbox, client: lasku.Client) -> None:
    numbers = [fresh_number() for _ in range(24)]

    def work(n: int) -> int:
        client.create_invoice(invoice(n))
        status = client.retrieve_invoice_status(n)
        assert status["InvoiceNumber"] == n
        return int(status["InvoiceNumber"])  # type: ignore[arg-type]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sorted(pool.map(work, numbers)) == numbers


def test_the_gil_is_released_while_waiting(sandbox: Sandbox, client: lasku.Client) -> None:
    sandbox.fault("delay=500", operation="service_status", times=4)
    counter = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal counter
        while not stop.is_set():
            counter += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: client.service_status()["Status"], range(4)))
    elapsed = time.monotonic() - started
    stop.set()
    spinner.join()
    assert results == ["OK"] * 4
    assert elapsed < 1.6, f"four 0.5 s calls from four threads should overlap, took {elapsed:.2f} s"
    assert counter > 10_000, "Python kept running while lasku waited on the network"


def test_separate_clients_in_threads(sandbox: Sandbox) -> None:
    def work(_: int) -> bool:
        own = lasku.Client(api_key="lasku-sandbox-key", base_url=sandbox.base_url)
        return bool(own.validate_token()["IsValid"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert all(pool.map(work, range(12)))


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_gets_its_own_runtime(sandbox: Sandbox, client: lasku.Client) -> None:
    import os

    if not hasattr(os, "fork"):
        pytest.skip("no fork on this platform")
    assert client.validate_token()["IsValid"] is True  # the parent's runtime is running
    pid = os.fork()
    if pid == 0:  # the child: a new client must work (the parent's runtime threads are gone)
        code = 1
        try:
            child = lasku.Client(api_key="lasku-sandbox-key", base_url=sandbox.base_url, timeout=10)
            code = 0 if child.validate_token()["IsValid"] is True else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client.validate_token()["IsValid"] is True
