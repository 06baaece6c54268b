#!/usr/bin/env bash
# Kotlin and Swift libraries from bindings-uniffi.
#
# Installs what is missing (Debian JNA, the kotlinc of npm's kotlin-compiler into .tools/, a
# venv with tree-sitter-swift in .tools/), builds the Rust library and the sandbox, generates
# the Kotlin and Swift sources, compiles the Kotlin library and its tests with kotlinc, runs
# them on the JVM against a sandbox it starts, and parse-checks the Swift sources and the C
# header. Ends with `kotlin: N passed, M failed`; exits non-zero on any failure.
# Idempotent: run it as often as you like.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

KOTLIN_VERSION=2.4.20
TREE_SITTER_VERSION=0.26.1
TREE_SITTER_SWIFT_VERSION=0.7.4
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
TOOLS="$ROOT/.tools"
OUT="$TARGET/uniffi-bindings"
SWIFT_PKG="$ROOT/bindings-uniffi/swift"
status=0

say() { printf '== %s\n' "$*"; }

# --- tools ----------------------------------------------------------------------------------
say "tools"
if [ ! -e /usr/share/java/jna.jar ] || ! ls /usr/lib/*/jni/libjnidispatch.system.so >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libjna-java libjna-jni
fi
JNA=/usr/share/java/jna.jar
echo "JNA: $(readlink -f "$JNA")"

KH="$TOOLS/kotlinc-$KOTLIN_VERSION"
if [ ! -x "$KH/bin/kotlinc" ]; then
  mkdir -p "$TOOLS"
  tmp=$(mktemp -d "$TOOLS/npm.XXXXXX")
  (cd "$tmp" && npm pack "kotlin-compiler@$KOTLIN_VERSION" --silent >/dev/null && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz")
  rm -rf "$KH" && mv "$tmp/package" "$KH" && rm -rf "$tmp"
  chmod +x "$KH"/bin/*
fi
COROUTINES="$KH/lib/kotlinx-coroutines-core-jvm.jar"
STDLIB="$KH/lib/kotlin-stdlib.jar"
echo "kotlinc: $KH"

VENV="$TOOLS/venv-swift-check"
if ! "$VENV/bin/python" -c "import tree_sitter, tree_sitter_swift" >/dev/null 2>&1; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "tree-sitter==$TREE_SITTER_VERSION" "tree-sitter-swift==$TREE_SITTER_SWIFT_VERSION"
fi
echo "tree-sitter: $VENV"

# --- build and generate ------------------------------------------------------------------------
say "build"
cargo build --locked -p lasku-uniffi -p uniffi-bindgen -p lasku-cli
LIB="$TARGET/debug/liblasku_uniffi.so"

say "generate"
rm -rf "$OUT/gen"
"$TARGET/debug/uniffi-bindgen" generate "$LIB" -l kotlin -l swift --no-format -o "$OUT/gen"
KT_GEN="$OUT/gen/fi/lasku/lasku.kt"
ls -l "$KT_GEN" "$OUT/gen/Lasku.swift" "$OUT/gen/LaskuFFI.h" "$OUT/gen/LaskuFFI.modulemap"

# The Swift package carries the generated sources, header and module map.
refresh() { mkdir -p "$(dirname "$2")"; cmp -s "$1" "$2" || { cp "$1" "$2"; echo "updated ${2#"$ROOT"/}"; }; }
refresh "$OUT/gen/Lasku.swift" "$SWIFT_PKG/Sources/Lasku/Lasku.swift"
refresh "$OUT/gen/LaskuFFI.h" "$SWIFT_PKG/Headers/LaskuFFI.h"
refresh "$OUT/gen/LaskuFFI.modulemap" "$SWIFT_PKG/Headers/module.modulemap"

# --- Swift and the C header: syntax checks ----------------------------------------------------
say "swift syntax (tree-sitter-swift $TREE_SITTER_SWIFT_VERSION) and the C header (gcc)"
if ! "$VENV/bin/python" "$ROOT/bindings-uniffi/scripts/swift_syntax_check.py" \
    "$SWIFT_PKG/Sources/Lasku/Lasku.swift" "$SWIFT_PKG/Sources/Lasku/LaskuConversions.swift" "$SWIFT_PKG/Package.swift"; then
  echo "FAIL: Swift syntax"
  status=1
fi
# The check must be able to fail: a broken copy has to be rejected.
broken="$OUT/broken.swift"
sed 's/^public func /public func func /' "$SWIFT_PKG/Sources/Lasku/LaskuConversions.swift" > "$broken"
if "$VENV/bin/python" "$ROOT/bindings-uniffi/scripts/swift_syntax_check.py" "$broken" >/dev/null; then
  echo "FAIL: the Swift check accepted a broken file"
  status=1
fi
if echo '#include "LaskuFFI.h"' | gcc -fsyntax-only -D_Nonnull= -D_Nullable= -I "$SWIFT_PKG/Headers" -x c -; then
  echo "LaskuFFI.h: ok"
else
  echo "FAIL: C header"
  status=1
fi

# --- Kotlin: compile ---------------------------------------------------------------------------
say "kotlin compile (kotlinc $KOTLIN_VERSION)"
CP="$JNA:$COROUTINES"
LIB_SRC=("$KT_GEN" "$ROOT"/bindings-uniffi/kotlin/src/fi/lasku/*.kt)
TEST_SRC=("$ROOT"/bindings-uniffi/kotlin/test/fi/lasku/tests/*.kt)
KT_LIB="$OUT/lasku-kotlin.jar"
KT_TESTS="$OUT/lasku-kotlin-tests.jar"
# kotlinc is slow (a minute or two for the 20 000 generated lines): rebuild only on change.
lib_key=$(cat "${LIB_SRC[@]}" | sha256sum | cut -c1-32)-$KOTLIN_VERSION
if [ "$(cat "$KT_LIB.key" 2>/dev/null)" != "$lib_key" ] || [ ! -s "$KT_LIB" ]; then
  rm -f "$KT_LIB" "$KT_LIB.key"
  "$KH/bin/kotlinc" -nowarn -cp "$CP" "${LIB_SRC[@]}" -d "$KT_LIB"
  echo "$lib_key" > "$KT_LIB.key"
fi
test_key=$(cat "${TEST_SRC[@]}" "$KT_LIB.key" | sha256sum | cut -c1-32)
if [ "$(cat "$KT_TESTS.key" 2>/dev/null)" != "$test_key" ] || [ ! -s "$KT_TESTS" ]; then
  rm -f "$KT_TESTS" "$KT_TESTS.key"
  "$KH/bin/kotlinc" -nowarn -cp "$CP:$KT_LIB" "${TEST_SRC[@]}" -d "$KT_TESTS"
  echo "$test_key" > "$KT_TESTS.key"
fi
ls -l "$KT_LIB" "$KT_TESTS"

# --- Kotlin: run against a sandbox --------------------------------------------------------------
say "sandbox"
SANDBOX_LOG="$OUT/sandbox.log"
"$TARGET/debug/lasku" sandbox --port 0 > "$SANDBOX_LOG" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 100); do
  URL=$(sed -n 's/^ *base URL: *\(http[^ ]*\).*/\1/p' "$SANDBOX_LOG" | head -n 1)
  [ -n "$URL" ] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  cat "$SANDBOX_LOG"
  echo "FAIL: the sandbox did not start"
  echo "kotlin: 0 passed, 1 failed"
  exit 1
fi
echo "sandbox at $URL"

say "kotlin tests"
set +e
LASKU_SANDBOX_URL="$URL" java -Djna.library.path="$TARGET/debug" \
  -cp "$KT_TESTS:$KT_LIB:$CP:$STDLIB" fi.lasku.tests.LaskuTestsKt 2>&1 | tee "$OUT/kotlin-tests.log" \
  | grep -vE '^kotlin: [0-9]+ passed, [0-9]+ failed$'
kotlin_status=${PIPESTATUS[0]}
set -e
counts=$(grep -E '^kotlin: [0-9]+ passed, [0-9]+ failed$' "$OUT/kotlin-tests.log" | tail -n 1 || true)
[ "$kotlin_status" -eq 0 ] || status=1
if [ -z "$counts" ]; then
  counts="kotlin: 0 passed, 1 failed"
  status=1
fi
[ "$status" -eq 0 ] || echo "some checks failed (see above)"
echo "$counts"
exit "$status"
