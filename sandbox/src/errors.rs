//! Error responses in the contract's shape:
//! `{ "Message": "...", "Errors": [ { "Field": "...", "Message": "..." } ] }` (`Errors` on 400 only).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// One problem with one member of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldError {
    /// Path of the member, e.g. `SalesInvoice[0].InvoiceRows[1].Qty`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}

/// A failed request: status, message and (for 400) the fields at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into(), errors: Vec::new() }
    }

    /// 400 with the given field errors.
    pub(crate) fn validation(errors: Vec<FieldError>) -> Self {
        let message = match errors.as_slice() {
            [one] => format!("The request is invalid: {}: {}", one.field, one.message),
            many => format!("The request is invalid: {} errors", many.len()),
        };
        ApiError { status: StatusCode::BAD_REQUEST, message, errors }
    }

    /// 400 naming one field.
    pub(crate) fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::validation(vec![FieldError::new(field, message)])
    }

    /// 400 without a particular field (e.g. the body is not JSON).
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 402, Cash-In's status for a business-rule failure.
    pub(crate) fn business(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::PAYMENT_REQUIRED, message)
    }

    /// 404.
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> Value {
        if self.status == StatusCode::BAD_REQUEST {
            let errors: Vec<Value> =
                self.errors.iter().map(|e| json!({ "Field": e.field, "Message": e.message })).collect();
            json!({ "Message": self.message, "Errors": errors })
        } else {
            json!({ "Message": self.message })
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

/// A JSON 404 for anything that is not part of the contract or the admin API.
pub(crate) fn route_not_found(method: &str, path: &str) -> Response {
    ApiError::not_found(format!(
        "No route {method} {path}: the Cash-In v2 API is under /v2, the sandbox admin under /__admin"
    ))
    .into_response()
}
