//! Meter reading documents and invoice actions.

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// A meter reading document (`DocumentNumber` normalised like an invoice number, and the
/// members as sent).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MeterDocument {
    pub key: String,
    pub data: Map<String, Value>,
}

/// An invoice action queued with `submit_invoice_action` (always `Pending`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InvoiceAction {
    pub code: String,
    pub invoice_key: String,
    pub case_id: Option<u64>,
    pub comment: Option<String>,
    pub due_date: Option<NaiveDate>,
}
