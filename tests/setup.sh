#!/usr/bin/env bash
# Installs what the test command needs and is missing. Safe to run again.
set -euo pipefail
need_component() { rustup component list --installed 2>/dev/null | grep -q "^$1" || rustup component add "$1"; }
if command -v rustup >/dev/null; then
  need_component rustfmt
  need_component clippy
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
fi
echo "toolchain ready: $(rustc --version)"
