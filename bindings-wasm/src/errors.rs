//! lasku's errors as plain JavaScript objects, which the package's `errors.js` turns into
//! `Error` subclasses (`fromCore`). The shape: `{ lasku: true, code, message, ... }` with the
//! fields of the variant in camelCase.

use lasku::validate::Violation;
use lasku::{ApiError, Error};
use serde_json::{json, Map, Value};
use wasm_bindgen::JsValue;

/// A violation as JSON.
pub(crate) fn violation_json(v: &Violation) -> Value {
    json!({ "path": v.path, "code": v.code, "message": v.message, "severity": v.severity.as_str() })
}

/// Violations as a JSON array.
pub(crate) fn violations_json(violations: &[Violation]) -> Value {
    Value::Array(violations.iter().map(violation_json).collect())
}

fn api_fields(out: &mut Map<String, Value>, e: &ApiError) {
    out.insert("operation".into(), json!(e.operation));
    out.insert("status".into(), json!(e.status));
    out.insert("serverMessage".into(), json!(e.message));
    out.insert(
        "fieldErrors".into(),
        Value::Array(e.field_errors.iter().map(|f| json!({ "field": f.field, "message": f.message })).collect()),
    );
    out.insert("requestId".into(), json!(e.request_id));
    out.insert("body".into(), json!(e.body));
}

/// The error as a JSON object (also used inside batch reports).
pub(crate) fn error_json(error: &Error) -> Value {
    let mut out = Map::new();
    out.insert("lasku".into(), json!(true));
    out.insert("code".into(), json!(error.code()));
    out.insert("message".into(), json!(error.to_string()));
    match error {
        Error::Validation(violations) => {
            out.insert("violations".into(), violations_json(violations));
        }
        Error::RateLimited { error, retry_after } => {
            api_fields(&mut out, error);
            out.insert("retryAfterMs".into(), json!(retry_after.map(|d| d.as_millis() as u64)));
        }
        Error::Transport { operation, error } => {
            out.insert("operation".into(), json!(operation));
            let kind = format!("{:?}", error.kind).to_ascii_lowercase();
            out.insert("kind".into(), json!(kind));
            out.insert("mayHaveBeenSent".into(), json!(error.may_have_been_sent));
            out.insert("detail".into(), json!(error.message));
        }
        Error::UnknownOutcome(u) => {
            out.insert("operation".into(), json!(u.operation));
            out.insert(
                "invoiceNumbers".into(),
                Value::Array(u.invoice_numbers.iter().map(|n| json!(n.as_str())).collect()),
            );
            out.insert("references".into(), json!(u.references));
            out.insert("otherKeys".into(), json!(u.other_keys));
            out.insert("reason".into(), json!(u.cause));
        }
        Error::Decode { operation, status, body, .. } => {
            out.insert("operation".into(), json!(operation));
            out.insert("status".into(), json!(status));
            out.insert("body".into(), json!(body));
        }
        Error::Pagination { operation, .. } => {
            out.insert("operation".into(), json!(operation));
        }
        other => {
            if let Some(api) = other.api_error() {
                api_fields(&mut out, api);
            }
        }
    }
    Value::Object(out)
}

/// A JSON value as a JavaScript value.
pub(crate) fn to_js(value: &Value) -> JsValue {
    let text = value.to_string();
    js_sys::JSON::parse(&text).unwrap_or_else(|_| JsValue::from_str(&text))
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
