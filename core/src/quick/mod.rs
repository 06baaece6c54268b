//! The quick path for big request bodies: JSON text is checked against the model's wire schema
//! and the validation rules in one pass, without building the model, and when every part of it
//! passes, it is sent exactly as written (decimals written as strings, `"12.50"`, lose their
//! quotes, as the full parse writes them). Anything the quick path cannot vouch for (a type
//! error, a broken rule, a form it does not read itself) goes to the full parse, which decides
//! and reports; so the quick path changes how fast an answer comes, never what it is.

#[cfg(not(target_arch = "wasm32"))]
mod ahead;
mod fixed;
mod invoices;
mod lexer;
mod rules;
mod schema;
mod split;

use crate::client::Call;
#[cfg(not(target_arch = "wasm32"))]
pub use ahead::Ahead;
pub(crate) use invoices::batch_violations;
pub use invoices::InvoiceLists;
pub(crate) use lexer::special;

/// Whether `text` is exactly one number as JSON writes it (the lexer's grammar, no spaces).
pub(crate) fn is_json_number(text: &str) -> bool {
    let mut lx = lexer::Lexer::new(text);
    text.trim() == text && lx.number().is_some() && lx.at_end()
}

/// The call for `operation_id` from its JSON arguments, when the quick path applies and can
/// vouch for them, with its body: a part of `args_json`, exactly as written (the call itself has
/// none), or, when decimals came as strings (`"12.50"`), in the call, written without their
/// quotes. `None` means: take the full path.
pub(crate) fn prepare<'a>(operation_id: &str, args_json: &'a str) -> Option<(Call, Option<&'a str>)> {
    match operation_id {
        "submit_sales_invoice_batch" => invoices::submit_batch(args_json),
        _ => None,
    }
}

#[cfg(test)]
use invoices::{capture as capture_invoice, quick_passes, submit_batch_in};
#[cfg(test)]
mod tests;
