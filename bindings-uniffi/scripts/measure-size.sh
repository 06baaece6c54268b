#!/usr/bin/env bash
# Sizes of the stripped release liblasku_uniffi.so with and without the built-in reqwest
# transport (the workspace's release profile: lto, codegen-units = 1). Takes a few minutes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for variant in with-reqwest without-reqwest; do
  flags=()
  [ "$variant" = without-reqwest ] && flags=(--no-default-features)
  cargo build --locked -q -p lasku-uniffi --release "${flags[@]}"
  strip -o "$tmp/$variant.so" "$TARGET/release/liblasku_uniffi.so"
  printf '%-16s %10d bytes stripped, %9d gzip -9\n' "$variant" "$(stat -c %s "$tmp/$variant.so")" "$(gzip -9c "$tmp/$variant.so" | wc -c)"
done
