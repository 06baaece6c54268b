"""Fixtures: a real `lasku sandbox` process over HTTP, and clients for it.

The sandbox binary comes from LASKU_BIN, else <repo>/target/debug/lasku (tests/suites/60-python.sh
builds it with `cargo build -p lasku-cli`).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import threading
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import lasku

REPO = Path(__file__).resolve().parents[2]
CREDITOR_KEY = "lasku-sandbox-key"
PARTNER_KEY = "lasku-sandbox-partner-key"


class Sandbox:
    """A running `lasku sandbox --port 0` and its admin API."""

    def __init__(self) -> None:
        binary = os.environ.get("LASKU_BIN") or str(REPO / "target" / "debug" / "lasku")
        if not Path(binary).exists():
            raise RuntimeError(f"no sandbox binary at {binary}: run `cargo build -p lasku-cli` or set LASKU_BIN")
        self.process = subprocess.Popen(
            [binary, "sandbox", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert self.process.stdout is not None
        url = None
        for line in self.process.stdout:
            match = re.search(r"base URL:\s+(\S+)", line)
            if match:
                url = match.group(1)
                break
        if url is None:
            self.process.kill()
            raise RuntimeError("the sandbox did not print its base URL")
        self.base_url = url
        self.root = url.rsplit("/v2", 1)[0]
        # Keep draining its output so it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for _ in self.process.stdout:
            pass

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.root}/__admin{path}", data=data, method=method, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    def hits(self) -> List[Dict[str, Any]]:
        return list(self.admin("GET", "/hits")["Hits"])

    def fault(self, fault: str, operation: Optional[str] = None, times: int = 1) -> None:
        self.admin("POST", "/faults", {"operation": operation, "fault": fault, "times": times})

    def clear_faults(self) -> None:
        self.admin("DELETE", "/faults")

    def settle(self) -> Any:
        return self.admin("POST", "/settle", {})

    def deliver(self, invoice_number: Any) -> Any:
        return self.admin("POST", f"/invoices/{invoice_number}/deliver", {})

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox()
    try:
        yield box
    finally:
        box.stop()


@pytest.fixture(autouse=True)
def _no_leftover_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").clear_faults()


_numbers = itertools.count(700_001)


@pytest.fixture
def number() -> int:
    """A fresh invoice number for each test (the sandbox is shared)."""
    return next(_numbers)


def fresh_number() -> int:
    return next(_numbers)


@pytest.fixture
def client(sandbox: Sandbox) -> lasku.Client:
    return lasku.Client(
        api_key=CREDITOR_KEY, partner_key=PARTNER_KEY, base_url=sandbox.base_url, timeout=20, retry_backoff=0.02
    )


def invoice(number: int, **members: Any) -> Dict[str, Any]:
    """A valid invoice built by the core's builder."""
    base: Dict[str, Any] = {
        "InvoiceNumber": number,
        "InvoiceDate": "2026-11-02",
        "SalesName": "Sami Santikko",
        "SalesStreetAddress": "Kauppapuistikko 17 A 23",
        "SalesPostalCode": "65100",
        "SalesCity": "VAASA",
        "SalesCountry": "FI",
    }
    base.update(members)
    return dict(
        lasku.build_invoice(
            base,
            [
                {"description": "Consulting", "qty": 2, "unit_price": "80.00", "vat_percent": "25.5"},
                {"description": "Book", "qty": 1, "unit_price": "19.90", "vat_percent": "13.5"},
            ],
            payment_terms_days=14,
        )
    )
