//! A batch's invoices checked list by list ([`lasku::surface::InvoiceLists`]): what the package's
//! batch worker thread (`npm/lib/worker.js`) calls while the main thread writes the next list.
//! Each list arrives in the input buffer (`inputBuffer`), as `v8.serialize` bytes or as the JSON
//! text the main thread wrote from them (`listText`); its JSON text stays in this module's
//! memory, at the address the answer gives, until the next call, for JavaScript to copy out.

use std::cell::RefCell;

use lasku::surface::InvoiceLists;
use wasm_bindgen::prelude::*;

use crate::tools::{INPUT, KEEP_INPUT, SPARE};

thread_local! {
    /// The lists of the batch being checked.
    static LISTS: RefCell<InvoiceLists> = RefCell::new(InvoiceLists::new());
}

/// Starts a new batch: no invoices checked yet.
#[wasm_bindgen(js_name = listsBegin)]
pub fn lists_begin() {
    LISTS.set(InvoiceLists::new());
    if SPARE.with_borrow(Vec::capacity) > KEEP_INPUT {
        SPARE.take(); // a big batch's: not kept for the next one
    }
}

/// Checks the next invoices, the first `len` bytes of the input buffer being `v8.serialize` of
/// an array of them: writes their JSON text (as `JSON.stringify` writes it) and checks it.
/// Returns `{"at", "length", "nested", "deeper"}` as JSON text (`at`: where the text is; the
/// rest as `structuredInput` gives it), or `undefined` when they are not plain data or the
/// quick path cannot vouch for them (nor for any later list of this batch).
#[wasm_bindgen(js_name = listsAddStructured)]
pub fn lists_add_structured(len: usize) -> Option<String> {
    let input = INPUT.take();
    let mut text = SPARE.take();
    let nested = input.get(..len).and_then(|v8| lasku_v8json::write_json(v8, b"", b"", &mut text));
    let checked = nested.filter(|_| check(&mut text));
    if checked.is_none() {
        LISTS.with_borrow_mut(|lists| lists.check("")); // later lists fail too
    }
    let answer = checked.map(|n| with_address(text.as_ptr(), &n.to_json(text.len())));
    INPUT.set(input);
    SPARE.set(text);
    answer
}

/// Checks the next invoices, the first `len` bytes of the input buffer being the JSON text of an
/// array of them that `listText` wrote. Returns `{"at", "length"}` as JSON text (of the text the
/// body needs: decimals written as strings unquoted), or `undefined` when the quick path cannot
/// vouch for them (nor for any later list of this batch).
#[wasm_bindgen(js_name = listsAddText)]
pub fn lists_add_text(len: usize) -> Option<String> {
    let mut input = INPUT.take();
    let answer = if input.len() >= len {
        input.truncate(len);
        check(&mut input).then(|| with_address(input.as_ptr(), &format!(r#"{{"length":{}}}"#, input.len())))
    } else {
        LISTS.with_borrow_mut(|lists| lists.check("")); // later lists fail too
        None
    };
    INPUT.set(input);
    answer
}

/// The JSON text (as `JSON.stringify` writes it) of an array of invoices, the first `len` bytes of
/// the input buffer being `v8.serialize` of it, for `listsAddText`: the main thread writes some
/// lists itself when the worker trails. Returns `{"at", "length", "nested", "deeper"}` as
/// `listsAddStructured` does, or `undefined` when they are not plain data.
#[wasm_bindgen(js_name = listText)]
pub fn list_text(len: usize) -> Option<String> {
    let input = INPUT.take();
    let mut text = SPARE.take();
    let nested = input.get(..len).and_then(|v8| lasku_v8json::write_json(v8, b"", b"", &mut text));
    let answer = nested.map(|n| with_address(text.as_ptr(), &n.to_json(text.len())));
    INPUT.set(input);
    SPARE.set(text);
    answer
}

/// Whether the quick path vouches for `text`, the batch's next list, which then holds the text
/// the body needs (decimals written as strings unquoted).
fn check(text: &mut Vec<u8>) -> bool {
    LISTS.with_borrow_mut(|lists| lists.check_in_place(text))
}

/// `{"at":<address>, ...fields}`.
fn with_address(at: *const u8, fields: &str) -> String {
    format!(r#"{{"at":{},{}"#, at as usize, fields.get(1..).unwrap_or_default())
}
