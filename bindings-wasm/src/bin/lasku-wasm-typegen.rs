//! Writes the npm package's generated files (TypeScript declarations and the operation table)
//! from the core's metadata: `cargo run -p lasku-wasm --bin lasku-wasm-typegen [-- <npm dir>]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("npm"));
    for (path, text) in lasku_wasm::typescript::generate() {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("cannot create {}: {e}", parent.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&target, text) {
            eprintln!("cannot write {}: {e}", target.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", target.display());
    }
    ExitCode::SUCCESS
}
