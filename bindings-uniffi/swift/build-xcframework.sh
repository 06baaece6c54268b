#!/usr/bin/env bash
# Builds LaskuFFI.xcframework (the Rust library for iOS, the iOS simulator and macOS, with the
# generated C header and module map) next to Package.swift. Needs a Mac with Xcode and the
# rustup targets aarch64-apple-ios, aarch64-apple-ios-sim, x86_64-apple-ios, aarch64-apple-darwin
# and x86_64-apple-darwin. Add --no-default-features to leave out the built-in reqwest transport
# (the app then passes a URLSession-based HttpTransport).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
FEATURES=("$@")
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  # A static library for Apple platforms (the crate's own types are cdylib + lib).
  cargo rustc -p lasku-uniffi --release --target "$t" --crate-type staticlib "${FEATURES[@]}"
done
lib=liblasku_uniffi.a
mkdir -p "$TARGET/xcf/ios-sim" "$TARGET/xcf/macos"
lipo -create "$TARGET/aarch64-apple-ios-sim/release/$lib" "$TARGET/x86_64-apple-ios/release/$lib" -output "$TARGET/xcf/ios-sim/$lib"
lipo -create "$TARGET/aarch64-apple-darwin/release/$lib" "$TARGET/x86_64-apple-darwin/release/$lib" -output "$TARGET/xcf/macos/$lib"
rm -rf LaskuFFI.xcframework
xcodebuild -create-xcframework \
  -library "$TARGET/aarch64-apple-ios/release/$lib" -headers Headers \
  -library "$TARGET/xcf/ios-sim/$lib" -headers Headers \
  -library "$TARGET/xcf/macos/$lib" -headers Headers \
  -output LaskuFFI.xcframework
echo "built $(pwd)/LaskuFFI.xcframework"
