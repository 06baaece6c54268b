//! Validation, the invoice builder, request preparation and the Finnish toolkit: the core's
//! JSON functions, exported as they are (JSON text in, JSON text or JS values out).

use js_sys::Uint8Array;
use lasku::surface;
use wasm_bindgen::prelude::*;

use crate::errors::{to_js, to_js_error, violations_json};

/// Validates a document of `kind` (`invoice`, `invoice_update`, `batch`, `create_body`) given as
/// JSON text; returns every violation (`[{ path, code, message, severity }]`).
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(kind: &str, json: &str) -> JsValue {
    to_js(&violations_json(&surface::validate_json(kind, json)))
}

/// Builds an invoice with computed amounts (see the core's `build_invoice_json`); returns the
/// invoice as JSON text.
#[wasm_bindgen(js_name = buildInvoiceJson)]
pub fn build_invoice_json(input_json: &str) -> Result<String, JsValue> {
    surface::build_invoice_json(input_json).map_err(|e| to_js_error(&e))
}

/// Validates and prepares an operation without sending it; returns the request body the client
/// would send (UTF-8 JSON), or `undefined` for operations without one.
#[wasm_bindgen(js_name = prepareBody)]
pub fn prepare_body(operation_id: &str, args_json: &str) -> Result<Option<Uint8Array>, JsValue> {
    let call = surface::prepare(operation_id, args_json).map_err(|e| to_js_error(&e))?;
    Ok(call.body.as_deref().map(Uint8Array::from))
}

/// As `prepareBody`, with the arguments as UTF-8 bytes (what `Buffer.from(text)` gives): big
/// batches cross into WebAssembly as one copy instead of a character-by-character encode.
#[wasm_bindgen(js_name = prepareBodyUtf8)]
pub fn prepare_body_utf8(operation_id: &str, args_utf8: &[u8]) -> Result<Option<Uint8Array>, JsValue> {
    let args = std::str::from_utf8(args_utf8).map_err(|e| {
        to_js_error(&lasku::Error::Validation(vec![lasku::validate::Violation::error(
            "",
            "type",
            format!("the arguments are not UTF-8: {e}"),
        )]))
    })?;
    prepare_body(operation_id, args)
}

/// Checks a Finnish identifier; returns the verdict as JSON text.
#[wasm_bindgen(js_name = checkIdentifier)]
pub fn check_identifier(kind: &str, value: &str) -> String {
    surface::check_identifier(kind, value)
}

/// The national and RF reference for a base; JSON text.
#[wasm_bindgen(js_name = referenceForms)]
pub fn reference_forms(base: &str) -> Result<String, JsValue> {
    surface::reference_forms(base).map_err(|e| to_js_error(&e))
}

/// Encodes a virtual bank barcode (54 digits).
#[wasm_bindgen(js_name = encodeBarcode)]
pub fn encode_barcode(iban: &str, amount: &str, reference: &str, due: Option<String>) -> Result<String, JsValue> {
    surface::encode_barcode(iban, amount, reference, due.as_deref()).map_err(|e| to_js_error(&e))
}

/// Decodes a virtual bank barcode; JSON text.
#[wasm_bindgen(js_name = decodeBarcode)]
pub fn decode_barcode(code: &str) -> Result<String, JsValue> {
    surface::decode_barcode(code).map_err(|e| to_js_error(&e))
}

/// The version of the core, as in the user agent.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Deliberately panics. The package's tests call it to prove that a Rust panic reaches
/// JavaScript as a `LaskuError` and that lasku keeps working afterwards; nothing else does.
#[wasm_bindgen(js_name = __laskuPanicForTests)]
#[allow(clippy::panic)]
pub fn panic_for_tests() {
    panic!("deliberate panic for the recovery tests");
}
