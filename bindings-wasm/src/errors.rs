//! lasku's errors as plain JavaScript objects, which the package's `errors.js` turns into
//! `Error` subclasses (`fromCore`). The shape: `{ lasku: true, code, message, ... }` with the
//! fields of the variant in camelCase.

use lasku::http::TransportSource;
use lasku::surface::{json_array, JsonObject};
use lasku::validate::Violation;
use lasku::{ApiError, Error};

use crate::bridge::JsCause;
use wasm_bindgen::JsValue;

/// A violation as JSON text.
pub(crate) fn violation_json(v: &Violation) -> String {
    JsonObject::new()
        .text("path", &v.path)
        .text("code", &v.code)
        .text("message", &v.message)
        .text("severity", v.severity.as_str())
        .finish()
}

/// Violations as a JSON array.
pub(crate) fn violations_json(violations: &[Violation]) -> String {
    json_array(violations.iter().map(violation_json))
}

fn api_fields(out: &mut JsonObject, e: &ApiError) {
    let field_errors =
        e.field_errors.iter().map(|f| JsonObject::new().text("field", &f.field).text("message", &f.message).finish());
    out.text("operation", e.operation)
        .number("status", u64::from(e.status))
        .opt_text("serverMessage", e.message.as_deref())
        .raw("fieldErrors", &json_array(field_errors))
        .opt_text("requestId", e.request_id.as_deref())
        .text("body", &e.body);
}

/// The error as a JSON object (also used inside batch reports).
pub(crate) fn error_json(error: &Error) -> String {
    let mut out = JsonObject::new();
    out.flag("lasku", true).text("code", error.code()).text("message", &error.to_string());
    match error {
        Error::Validation(violations) => {
            out.raw("violations", &violations_json(violations));
        }
        Error::RateLimited { error, retry_after } => {
            api_fields(&mut out, error);
            out.opt_number("retryAfterMs", retry_after.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)));
        }
        Error::Transport { operation, error } => {
            let kind = format!("{:?}", error.kind).to_ascii_lowercase();
            out.text("operation", operation)
                .text("kind", &kind)
                .flag("mayHaveBeenSent", error.may_have_been_sent)
                .text("detail", &error.message);
            cause_id(&mut out, error.source.as_ref());
        }
        Error::UnknownOutcome(u) => {
            out.text("operation", u.operation)
                .texts("invoiceNumbers", u.invoice_numbers.iter().map(|n| n.as_str()))
                .texts("references", u.references.iter().map(String::as_str))
                .texts("otherKeys", u.other_keys.iter().map(String::as_str))
                .text("reason", &u.cause);
            cause_id(&mut out, u.source.as_ref());
        }
        Error::Decode { operation, status, body, .. } => {
            out.text("operation", operation).number("status", u64::from(*status)).text("body", body);
        }
        Error::Pagination { operation, .. } => {
            out.text("operation", operation);
        }
        other => {
            if let Some(api) = other.api_error() {
                api_fields(&mut out, api);
            }
        }
    }
    out.finish()
}

/// `causeId`: the number of what a JavaScript transport threw, when that caused the error (the
/// package's `fromCore` makes it the error's `cause`).
fn cause_id(out: &mut JsonObject, source: Option<&TransportSource>) {
    if let Some(JsCause(id)) = source.and_then(|s| s.get().downcast_ref::<JsCause>()) {
        out.number("causeId", u64::from(*id));
    }
}

/// JSON text as a JavaScript value.
pub(crate) fn to_js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|_| JsValue::from_str(text))
}

/// The error as the object JavaScript receives.
pub(crate) fn to_js_error(error: &Error) -> JsValue {
    to_js(&error_json(error))
}

/// A bug in the binding itself, as a JavaScript error object.
pub(crate) fn internal(message: &str) -> JsValue {
    to_js_error(&Error::Internal(message.to_owned()))
}

/// Validation errors as a JavaScript error object.
pub(crate) fn validation(violations: Vec<Violation>) -> JsValue {
    to_js_error(&Error::Validation(violations))
}
