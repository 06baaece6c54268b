//! Validation, the invoice builder, request preparation and the Finnish toolkit: the core's
//! JSON functions, exported as they are (JSON text in, JSON text or JS values out).

use std::cell::RefCell;

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
    surface::build_invoice_json(input_json, surface::Decimals::Strings).map_err(|e| to_js_error(&e))
}

/// Validates and prepares an operation without sending it; returns the request body the client
/// would send (UTF-8 JSON), or `undefined` for operations without one.
#[wasm_bindgen(js_name = prepareBody)]
pub fn prepare_body(operation_id: &str, args_json: &str) -> Result<Option<Uint8Array>, JsValue> {
    // A quick body is a part of the arguments: copied once, straight out to JavaScript.
    let (call, body) = surface::prepare_borrowing(operation_id, args_json).map_err(|e| to_js_error(&e))?;
    Ok(body.map(str::as_bytes).or(call.body.as_deref()).map(Uint8Array::from))
}

thread_local! {
    /// The arguments of the next `prepareInput`, written by JavaScript straight into this
    /// module's memory (see `inputBuffer`). Its length stays between calls, so the next batch
    /// of about the same size needs neither an allocation nor zeroing.
    pub(crate) static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A bigger input buffer than this is freed after use instead of being kept for the next call.
pub(crate) const KEEP_INPUT: usize = 16 << 20;

/// Makes the input buffer `len` bytes long, keeping what it holds, and returns its address in
/// the module's memory (`wasmMemory()`): JavaScript writes the UTF-8 arguments there
/// (`TextEncoder.encodeInto`, no copy of its own) and then calls `prepareInput`. The address is
/// valid until the next call into the module.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> usize {
    OUTPUT.take();
    INPUT.with_borrow_mut(|input| {
        if input.capacity() > KEEP_INPUT && len <= KEEP_INPUT {
            // Kept for a body read in place; not needed now.
            *input = Vec::new();
        }
        input.resize(len, 0);
        input.as_mut_ptr() as usize
    })
}

/// The module's `WebAssembly.Memory`, for writing into the input buffer.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// How many JavaScript values the module holds on to (closures awaiting a promise, callbacks,
/// objects): a leak check for the tests, which expect it to stay flat over many calls.
#[wasm_bindgen(js_name = liveHandles)]
pub fn live_handles() -> u32 {
    wasm_bindgen::externref_heap_live_count()
}

/// As `prepareBody`, with the arguments the first `len` bytes of the input buffer (UTF-8).
#[wasm_bindgen(js_name = prepareInput)]
pub fn prepare_input(operation_id: &str, len: usize) -> Result<Option<Uint8Array>, JsValue> {
    let input = INPUT.take();
    let result = match input.get(..len) {
        Some(args) => prepare_utf8(operation_id, args),
        None => Err(input_error(format!("the input buffer holds {} bytes, not {len}", input.len()))),
    };
    if input.capacity() <= KEEP_INPUT {
        INPUT.set(input);
    }
    result
}

thread_local! {
    /// The body of the last `prepareInputInPlace` when it is not a part of the input buffer.
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// As `prepareInput`, but the body stays in the module's memory: returns `[address, length]`
/// for JavaScript to copy where it likes (valid until the next call into the module), or
/// `undefined` for an operation without a body. A quick body is a part of the input buffer,
/// which is kept (whatever its size) until the next `inputBuffer`.
#[wasm_bindgen(js_name = prepareInputInPlace)]
pub fn prepare_input_in_place(operation_id: &str, len: usize) -> Result<Option<Vec<u32>>, JsValue> {
    OUTPUT.take();
    let input = INPUT.take();
    let place = |bytes: &[u8]| vec![bytes.as_ptr() as usize as u32, bytes.len() as u32];
    let result = match input.get(..len) {
        Some(args) => std::str::from_utf8(args)
            .map_err(|e| input_error(format!("the arguments are not UTF-8: {e}")))
            .and_then(|args| surface::prepare_borrowing(operation_id, args).map_err(|e| to_js_error(&e)))
            .map(|(call, body)| match body {
                Some(body) => Some(place(body.as_bytes())),
                None => call.body.map(|owned| {
                    let at = place(&owned);
                    OUTPUT.set(owned);
                    at
                }),
            }),
        None => Err(input_error(format!("the input buffer holds {} bytes, not {len}", input.len()))),
    };
    INPUT.set(input);
    result
}

thread_local! {
    /// The other buffer `structuredInput` writes into; the two trade places.
    pub(crate) static SPARE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Turns the first `len` bytes of the input buffer, `v8.serialize` of an array of plain data,
/// into JSON text (as `JSON.stringify` writes it) between `head` and `tail`, which then is the
/// input buffer for `prepareInput`. Returns `{"length", "nested", "deeper"}` as JSON text (see
/// `lasku_v8json::Nested`), or `undefined` when the values are not plain data, leaving the input
/// buffer as it was.
#[wasm_bindgen(js_name = structuredInput)]
pub fn structured_input(len: usize, head: &str, tail: &str) -> Option<String> {
    let input = INPUT.take();
    let mut out = SPARE.take();
    let nested =
        input.get(..len).and_then(|v8| lasku_v8json::write_json(v8, head.as_bytes(), tail.as_bytes(), &mut out));
    let (input, spare) = if nested.is_some() { (out, input) } else { (input, out) };
    let length = input.len();
    INPUT.set(input);
    if spare.capacity() <= KEEP_INPUT {
        SPARE.set(spare);
    }
    nested.map(|n| n.to_json(length))
}

/// The JSON text of an array serialized by `v8.serialize`, or `undefined` when it holds more
/// than plain data: the reader behind `structuredInput`, for the package's tests.
#[wasm_bindgen(js_name = structuredJson)]
pub fn structured_json(v8: &[u8]) -> Option<String> {
    let mut out = Vec::new();
    lasku_v8json::write_json(v8, b"", b"", &mut out)?;
    String::from_utf8(out).ok()
}

/// `prepareBody` of UTF-8 arguments.
fn prepare_utf8(operation_id: &str, args_utf8: &[u8]) -> Result<Option<Uint8Array>, JsValue> {
    let args = std::str::from_utf8(args_utf8).map_err(|e| input_error(format!("the arguments are not UTF-8: {e}")))?;
    prepare_body(operation_id, args)
}

fn input_error(message: String) -> JsValue {
    to_js_error(&lasku::Error::Validation(vec![lasku::validate::Violation::error("", "type", message)]))
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
