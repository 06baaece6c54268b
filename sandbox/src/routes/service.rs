//! `service_status`.

use lasku::catalog::OPERATIONS;
use serde_json::{json, Value};

use super::{ok, Reply};
use crate::values::timestamp;

/// `Version` of the service status: the API version and the sandbox's.
pub fn version() -> String {
    format!("v2 (lasku-sandbox {})", env!("CARGO_PKG_VERSION"))
}

/// `{ Status: "OK", Version, Timestamp, Services }`, one service per group of the operation
/// catalog, all `OK`.
pub(crate) fn status() -> Reply {
    let mut groups: Vec<&str> = Vec::new();
    for op in OPERATIONS {
        if !groups.contains(&op.group) {
            groups.push(op.group);
        }
    }
    let services: Vec<Value> = groups.iter().map(|g| json!({ "Name": g, "Status": "OK" })).collect();
    ok(json!({
        "Status": "OK",
        "Version": version(),
        "Timestamp": timestamp(chrono::Utc::now()),
        "Services": services,
    }))
}
