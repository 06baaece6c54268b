//! The hit log: one [`Hit`] per request under `/v2`, so tests can measure which operations each
//! client (by user agent) called.

use serde::{Deserialize, Serialize};

/// One request to the emulated API.
///
/// Serialised in PascalCase, like the API itself:
/// `{"Operation":"create_invoice","Method":"POST","Path":"/v2/salesinvoices","Status":200,"UserAgent":"lasku/0.1.0 (rust; tokio)","Fault":null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Hit {
    /// Catalog operation id (`lasku::catalog::ids`) matched by method and path, or `"unknown"`.
    /// Catalog operations the sandbox does not emulate keep their id (and get 404).
    pub operation: String,
    /// HTTP method, e.g. `"POST"`.
    pub method: String,
    /// Request path without the query, e.g. `"/v2/salesinvoices/123/status"`.
    pub path: String,
    /// Status sent, or `0` when the connection was dropped (`drop=before` / `drop=after`)
    /// and no response reached the client.
    pub status: u16,
    /// The `User-Agent` header, or `""` when absent.
    pub user_agent: String,
    /// The fault applied, as a canonical spec (e.g. `"delay=200;status=500"`), from the
    /// `X-Lasku-Fault` header or a queued rule; for a malformed header, the header as sent.
    pub fault: Option<String>,
}

/// Operation id recorded for requests that match no catalog operation.
pub const UNKNOWN_OPERATION: &str = "unknown";
