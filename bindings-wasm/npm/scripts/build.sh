#!/usr/bin/env bash
# Builds the package's WebAssembly into npm/wasm/:
#   cargo build --release --target wasm32-unknown-unknown  →  wasm-bindgen --target nodejs  →  wasm-opt
# wasm-opt comes from npm binaryen@132.0.0 (Debian's binaryen 108 breaks wasm-bindgen's output).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of the same version as the
# wasm-bindgen crate, and `npm install binaryen@132.0.0 in <repo>/.tools/wasm`
# (tests/suites/50-wasm.sh installs all three). Environment: CARGO_TARGET_DIR, WASM_OPT.
set -euo pipefail
NPM_DIR="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$NPM_DIR/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_OPT="${WASM_OPT:-$ROOT/.tools/wasm/node_modules/.bin/wasm-opt}"
# Optimisation: "s" for rustc gave the smallest and about the fastest module here (see README).
OPT_LEVEL="${LASKU_WASM_OPT_LEVEL:-s}"

# Crates off the hot paths (dates are parsed by chrono, but its formatting and the JS glue are
# cold) are built for size: chrono and the wasm-bindgen crates 1.5 KB less gzipped; the binding
# crate itself (its batch glue only copies bytes), zmij (float text, error messages only), the
# futures helpers, arrayvec and num-traits 3.5 KB more; no change in the benchmark. serde_json,
# rust_decimal, dlmalloc and lasku itself stay at $OPT_LEVEL (the models' parsing code is
# instantiated in lasku): "z" for everything saves 28 KB more but makes the full parse of
# invoices (validateInvoices) 40 % slower.
SIZE_CRATES=(chrono wasm-bindgen wasm-bindgen-futures js-sys lasku-wasm zmij futures-util futures-task arrayvec num-traits)
size_config=()
for crate in "${SIZE_CRATES[@]}"; do
  size_config+=(--config "profile.release.package.$crate.opt-level=\"z\"")
done

cd "$ROOT"
CARGO_PROFILE_RELEASE_OPT_LEVEL="$OPT_LEVEL" \
  cargo build -p lasku-wasm --lib --release --target wasm32-unknown-unknown --locked "${size_config[@]}"
rm -rf "$NPM_DIR/wasm"
wasm-bindgen "$TARGET_DIR/wasm32-unknown-unknown/release/lasku_wasm.wasm" \
  --target nodejs --out-dir "$NPM_DIR/wasm" --out-name lasku_wasm \
  --no-typescript --experimental-reset-state-function
"$WASM_OPT" -O3 "$NPM_DIR/wasm/lasku_wasm_bg.wasm" -o "$NPM_DIR/wasm/lasku_wasm_bg.wasm"
raw=$(wc -c < "$NPM_DIR/wasm/lasku_wasm_bg.wasm")
gz=$(gzip -9 -c "$NPM_DIR/wasm/lasku_wasm_bg.wasm" | wc -c)
echo "lasku_wasm_bg.wasm: $raw bytes, $gz bytes gzipped"
