//! The committed TypeScript declarations and operation table match what the core's metadata
//! generates now. Regenerate with `cargo run -p lasku-wasm --bin lasku-wasm-typegen`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let npm = Path::new(env!("CARGO_MANIFEST_DIR")).join("npm");
    let mut stale = Vec::new();
    for (path, expected) in lasku_wasm::typescript::generate() {
        let committed = std::fs::read_to_string(npm.join(path)).unwrap_or_default();
        if committed != expected {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; run `cargo run -p lasku-wasm --bin lasku-wasm-typegen` and commit the result"
    );
}

#[test]
fn every_operation_is_in_the_table() {
    let table = lasku_wasm::typescript::generate()
        .into_iter()
        .find(|(path, _)| *path == "lib/operations.js")
        .map(|(_, text)| text)
        .unwrap_or_default();
    for op in lasku::surface::operations() {
        assert!(table.contains(&format!("\"{}\"", op.id)), "{} missing", op.id);
    }
    assert_eq!(lasku::surface::operations().len(), 48);
}
