//! Runs uniffi's bindgen command line (generates Kotlin and Swift sources).
fn main() {
    uniffi::uniffi_bindgen_main()
}
