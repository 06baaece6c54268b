//! Token endpoints: validate and renew the access token.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::model;
use crate::secret::Secret;

model! {
    /// The answer of "Validate token" (Inferred shape).
    pub struct TokenValidation {
        /// Whether the token is accepted.
        "IsValid" => is_valid: bool,
        /// The server's message.
        "Message" => message: String,
    }
}

/// What "Renew token" needs: the customer code and the caller's public IP address (parameter
/// names Inferred: `customerCode`, `ipAddress`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewTokenRequest {
    /// Your Cash-In customer code.
    pub customer_code: String,
    /// Your public (egress) IP address.
    pub ip_address: String,
}

/// The answer of "Renew token" (`RenewResponse`): the new token. It is a [`Secret`], so it is
/// never printed by `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewResponse {
    /// The new access token.
    #[serde(rename = "Message")]
    pub token: Secret,
}

impl fmt::Debug for RenewResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RenewResponse").field("token", &self.token).finish()
    }
}

crate::model::wrapper_wire_type!(RenewResponse { "Message" => token: Secret });
