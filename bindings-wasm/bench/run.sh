#!/usr/bin/env bash
# The benchmark (not a test): lasku vs ajv + JSON.stringify vs zod on the peer kit's batch data.
#   bash bindings-wasm/bench/run.sh [--n 1000|100000] [--runs N]   (default: both sizes)
# Builds the package if needed, generates the data with ../shared/bench/gen_data.py into
# target/wasm-bench/data, installs the peer kit's npm packages into target/wasm-bench/node and
# runs bench.mjs (Node with --expose-gc and a 16 GB heap, as the kit asks).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
KIT="${LASKU_BENCH_KIT:-$ROOT/../shared/bench}"
WORK="$ROOT/target/wasm-bench"
mkdir -p "$WORK/node"
[ -f "$ROOT/bindings-wasm/npm/wasm/lasku_wasm_bg.wasm" ] || bash "$ROOT/bindings-wasm/npm/scripts/build.sh"
if [ ! -f "$WORK/data/invoices_100000.json" ]; then
  python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import gen_data; gen_data.OUT_DIR = sys.argv[2]; gen_data.main()" \
    "$KIT" "$WORK/data"
fi
for f in package.json schema.json business.mjs schemas_zod4.mjs; do
  cmp -s "$KIT/node/$f" "$WORK/node/$f" || install -m 644 "$KIT/node/$f" "$WORK/node/$f"
done
[ -d "$WORK/node/node_modules/ajv" ] || (cd "$WORK/node" && npm install --no-audit --no-fund --silent)
run() { node --expose-gc --max-old-space-size=16384 "$ROOT/bindings-wasm/bench/bench.mjs" --kit "$WORK/node" --data "$WORK/data" "$@"; }
if [ $# -eq 0 ]; then
  run --n 1000 --runs 30
  run --n 100000 --runs 5
else
  run "$@"
fi
