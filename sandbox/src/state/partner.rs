//! Creditors registered by the partner, and SMS messages sent.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

/// A creditor registered with `submit_creditor`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Creditor {
    /// `CreditorData.BusinessId`, trimmed.
    pub business_id: String,
    pub customer_code: String,
    /// The creditor key issued for it (also in [`super::Inner::creditor_keys`]).
    pub api_key: String,
    /// `CreditorData` members as sent, merged by updates.
    pub data: Map<String, Value>,
    pub contact_persons: Value,
    pub service_type: String,
    pub registered_on: NaiveDate,
    pub modified: DateTime<Utc>,
}

impl Creditor {
    /// A `CreditorData` member as text.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        crate::values::text_of(self.data.get(name)).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
    }

    /// The identifier of its agreement (`retrieve_agreement_status`, external agreement identifiers).
    pub(crate) fn agreement_identifier(&self) -> String {
        format!("AGR-{}", self.customer_code)
    }
}

/// An SMS accepted by `send_sms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sms {
    pub id: String,
    pub phone_number: String,
    pub message: String,
    pub sender: Option<String>,
}
