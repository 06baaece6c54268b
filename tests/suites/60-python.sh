#!/usr/bin/env bash
# The pip package `lasku` (bindings-python): builds the abi3 wheel with maturin, installs it into a
# fresh virtualenv (not `maturin develop`), and runs the pytest suite against a real `lasku sandbox`
# over HTTP, including `mypy --strict` on a usage example. Installs what is missing (a tools venv
# under .venv/ with maturin, pytest, mypy; PyPI only). Idempotent. Ends with
# "python: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
MATURIN_VERSION=1.16.0
WORK="$ROOT/target/python"
export CARGO_TARGET_DIR="$WORK"   # the binding's own target dir (release + LTO builds stay out of target/release)
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
mkdir -p "$WORK"

give_up() {
  echo "python suite: $*"
  echo "python: 0 passed, 1 failed"
  exit 1
}

step() { printf '\n-- %s\n' "$*"; }

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' || give_up "needs Python >= 3.9 as $PYTHON"

step "tools venv (.venv): maturin $MATURIN_VERSION, pytest, mypy"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || give_up "could not create .venv"
fi
if ! .venv/bin/maturin --version 2>/dev/null | grep -q " $MATURIN_VERSION\$"; then
  .venv/bin/python -m pip install -q "maturin==$MATURIN_VERSION" || give_up "could not install maturin"
fi
.venv/bin/python -c 'import pytest, mypy' 2>/dev/null || .venv/bin/python -m pip install -q pytest mypy || give_up "could not install pytest/mypy"

step "wheel: maturin build --release"
rm -rf "$WORK/wheels"
(cd bindings-python && "$ROOT/.venv/bin/maturin" build --release --locked --out "$WORK/wheels") || give_up "the wheel did not build"
WHEEL=$(ls "$WORK"/wheels/lasku-*.whl 2>/dev/null | head -n 1)
[ -n "$WHEEL" ] || give_up "no wheel in $WORK/wheels"
echo "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KiB)"
"$PYTHON" -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist(); sys.exit(not all(any(n.endswith("/licenses/" + f) for n in names) for f in ("LICENSE-MIT", "LICENSE-APACHE")))' "$WHEEL" ||
  give_up "the wheel does not carry the licence texts"

step "fresh venv with the wheel"
rm -rf "$WORK/test-venv"
"$PYTHON" -m venv "$WORK/test-venv" || give_up "could not create the test venv"
VPY="$WORK/test-venv/bin/python"
"$VPY" -m pip install -q "$WHEEL" pytest mypy requests httpx || give_up "could not install the wheel and test tools"
"$VPY" -c 'import lasku, sys; print("import lasku", lasku.__version__, "from", lasku.__file__)' || give_up "the installed wheel does not import"
"$VPY" -X importtime -c 'import lasku' 2>&1 | tail -n 1 | sed 's/^/import time (us): /'

step "sandbox binary: cargo build -p lasku-cli"
(unset CARGO_TARGET_DIR; cargo build -p lasku-cli --locked -q) || give_up "the sandbox did not build"
export LASKU_BIN="$ROOT/target/debug/lasku"

step "pytest (against the installed wheel, the sandbox over HTTP, mypy --strict)"
LOG="$WORK/pytest.log"
(cd "$WORK" && RUST_BACKTRACE=0 "$VPY" -m pytest "$ROOT/bindings-python/tests" -q -p no:cacheprovider -rfE) 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed|error)' "$LOG" | tail -n 1)
passed=$(echo "$summary" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'); passed=${passed:-0}
failed=$(echo "$summary" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+'); failed=${failed:-0}
errors=$(echo "$summary" | grep -oE '[0-9]+ errors?' | grep -oE '[0-9]+'); errors=${errors:-0}
failed=$((failed + errors))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "python: $passed passed, $failed failed"
[ "$status" -eq 0 ]
