"""Types: the stubs and methods are generated from the Rust models and must be fresh; a usage
example passes `mypy --strict` (and runs against the sandbox); deliberate mistakes are caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lasku

from conftest import Sandbox

HERE = Path(__file__).resolve().parent
PACKAGE_SOURCE = HERE.parent / "python" / "lasku"
INSTALLED = Path(lasku.__file__).resolve().parent


def run(*args: str, cwd: Path = HERE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_the_wheel_is_installed_not_the_source_tree() -> None:
    assert INSTALLED != PACKAGE_SOURCE.resolve(), "tests must run against the installed wheel"
    assert "site-packages" in str(INSTALLED)
    for name in ("py.typed", "types.pyi", "_native.pyi", "_operations.py"):
        assert (INSTALLED / name).exists(), name
    assert any(p.name.startswith("_native") and p.suffix in (".so", ".pyd") for p in INSTALLED.iterdir())


def test_generated_files_are_fresh() -> None:
    generator = HERE.parent / "tools" / "generate.py"
    for package in (PACKAGE_SOURCE, INSTALLED):
        result = run(str(generator), "--check", "--package", str(package))
        assert result.returncode == 0, f"{package}: {result.stderr}{result.stdout}"


def test_every_model_has_typed_dicts() -> None:
    stubs = (INSTALLED / "types.pyi").read_text(encoding="utf-8")
    for model in lasku.schema()["models"]:
        assert f"class {model['name']}(TypedDict, total=False):" in stubs or f"{model['name']} = TypedDict(" in stubs
        assert f"class {model['name']}Input(TypedDict, total=False):" in stubs or f"{model['name']}Input = TypedDict(" in stubs
    from lasku.types import SalesInvoice, SalesInvoiceInput

    assert "InvoiceNumber" in SalesInvoice.__annotations__ and "InvoiceRows" in SalesInvoiceInput.__annotations__


def test_usage_example_passes_mypy_strict() -> None:
    result = run("-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "typing/usage.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_catches_mistakes() -> None:
    source = (HERE / "typing" / "misuse.py").read_text(encoding="utf-8").splitlines()
    expected = {i + 1 for i, line in enumerate(source) if line.endswith("# error")}
    result = run("-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "typing/misuse.py")
    reported = {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
    assert expected <= reported, f"not caught: {sorted(expected - reported)}\n{result.stdout}"


def test_usage_example_runs(sandbox: Sandbox) -> None:
    result = run("typing/usage.py", sandbox.base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "total" in result.stdout and "async" in result.stdout


def test_package_itself_passes_mypy_strict() -> None:
    result = run("-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "-p", "lasku", cwd=HERE.parent)
    if "No module named mypy" in result.stderr:
        pytest.skip("mypy not installed")
    assert result.returncode == 0, result.stdout + result.stderr
