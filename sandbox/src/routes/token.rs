//! `validate_token` and `renew_token`.

use serde_json::json;

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::App;
use crate::values::random_hex;

/// The gateway has already accepted the key, so the token is valid.
pub(crate) fn validate() -> Reply {
    ok(json!({ "IsValid": true, "Message": "The token is valid" }))
}

/// Issues a new creditor key (accepted from now on, alongside the old one) and returns it in
/// `Message`. Both `customerCode` and `ipAddress` are required.
pub(crate) fn renew(app: &App, call: &Call) -> Reply {
    let mut errors = Vec::new();
    for name in ["customerCode", "ipAddress"] {
        if call.query.get(name).is_none() {
            errors.push(FieldError::new(name, "is required"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let token = format!("lasku-sandbox-renewed-{}", random_hex());
    app.with(|s| s.creditor_keys.push(token.clone()));
    ok(json!({ "Message": token }))
}
