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
# Optimisation: "s" for the crates not named below (lasku-v8json, the allocator, std, small crates).
OPT_LEVEL="${LASKU_WASM_OPT_LEVEL:-s}"

# These crates are built for size ("z"): 15.7 KB less gzipped than "s" for all; lasku-v8json,
# the JSON reader of the batch path, stays at "s" (half again as slow at "z"). The core's quick
# path (lasku::quick) keeps its speed by forcing its small hot functions inline
# (`#[inline(always)]`, and `matches!` where `Option`'s `==` would be an out-of-line call at
# "z"): the batch benchmark moved from 0.83x to 0.87x ajv + stringify at 1,000 invoices, the
# full parse (validateInvoices) 6 % slower.
SIZE_CRATES=(lasku serde_json rust_decimal chrono wasm-bindgen wasm-bindgen-futures js-sys lasku-wasm zmij futures-util
  futures-task arrayvec num-traits)
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
# -Os, run until it changes nothing more: 1.6 KB smaller gzipped than -O3, the batch benchmark
# unchanged (0.88x against 0.87x at 1,000 invoices, within its noise). Functions with one caller
# are inlined only when tiny (20 instructions; binaryen's default inlines them at any size):
# 11 KB smaller gzipped (12 KB larger raw, since one huge function compresses worse than the
# pieces it is made of), the batch benchmark no slower.
# --low-memory-unused lets binaryen fold a small constant added to a pointer into the load's or
# store's offset. The two differ only when the addition wraps past 4 GB into the lowest kilobyte,
# which Rust's pointer arithmetic never does (overflowing it is undefined behaviour), so at most
# such a wrap would trap instead. The producers and target-features sections are not needed to
# run. Together: 1.0 KB gzipped.
# Functions are laid out in the order of their Rust names (--reorder-functions-by-name, last, on
# the names still in the file before they are dropped): the copies of one generic function and the
# functions of one module sit side by side, within reach of gzip's window. The code is the same,
# 2.9 KB smaller gzipped.
# Between the -Os rounds, each function's control flow is taken apart (--flatten) and built again
# by the relooper (--rereloop), which finds fewer, simpler blocks and branches than the ones
# LLVM left (binaryen's -O4 flattens too): 1.2 KB smaller gzipped, the batch benchmark unchanged
# (0.86x and 0.89x against 0.88x at 1,000 invoices), wasm-opt 28 s instead of 5.
"$WASM_OPT" -Os --flatten --rereloop -Os -Os --converge --one-caller-inline-max-function-size=20 \
  --low-memory-unused --strip-producers --strip-target-features --reorder-functions-by-name \
  "$NPM_DIR/wasm/lasku_wasm_bg.wasm" -o "$NPM_DIR/wasm/lasku_wasm_bg.wasm"
# The package carries the project's licence texts (copies of the ones at the repository root).
cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$NPM_DIR/"
raw=$(wc -c < "$NPM_DIR/wasm/lasku_wasm_bg.wasm")
gz=$(gzip -9 -c "$NPM_DIR/wasm/lasku_wasm_bg.wasm" | wc -c)
echo "lasku_wasm_bg.wasm: $raw bytes, $gz bytes gzipped"
