//! Sales invoices as stored, invoice batches, payments posted on invoices and Finvoice
//! contracts.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Invoice status after creation.
pub(crate) const STATUS_RECEIVED: &str = "Received";
/// Invoice status after a payment that leaves an open amount.
pub(crate) const STATUS_PARTIALLY_PAID: &str = "PartiallyPaid";
/// Invoice status once nothing is open.
pub(crate) const STATUS_PAID: &str = "Paid";

/// Where the delivery of an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeliveryStatus {
    Pending,
    Delivered,
    Failed,
}

impl DeliveryStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "Pending",
            DeliveryStatus::Delivered => "Delivered",
            DeliveryStatus::Failed => "Failed",
        }
    }
}

/// The delivery record of one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Delivery {
    pub status: DeliveryStatus,
    pub date: Option<NaiveDate>,
    pub channel: Option<String>,
    pub error: Option<String>,
}

/// An invoice as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredInvoice {
    /// Normalised invoice number ([`crate::values::invoice_key`]).
    pub key: String,
    /// All members as received (and merged by updates); `Status` is overlaid on output.
    pub data: Map<String, Value>,
    pub status: &'static str,
    pub status_date: NaiveDate,
    /// The day the sandbox stored it.
    pub received_on: NaiveDate,
    pub invoice_date: NaiveDate,
    pub total: Decimal,
    pub paid: Decimal,
    pub delivery: Delivery,
}

impl StoredInvoice {
    /// `InvoiceNumber` exactly as the client sent it (number or string).
    pub(crate) fn number(&self) -> Value {
        self.data.get("InvoiceNumber").cloned().unwrap_or_else(|| Value::String(self.key.clone()))
    }

    /// A member, or null.
    pub(crate) fn member(&self, name: &str) -> Value {
        self.data.get(name).cloned().unwrap_or(Value::Null)
    }

    pub(crate) fn open(&self) -> Decimal {
        (self.total - self.paid).max(Decimal::ZERO)
    }

    /// The invoice as listed: its members with the current `Status`.
    pub(crate) fn listed(&self) -> Value {
        let mut data = self.data.clone();
        data.insert("Status".to_owned(), Value::String(self.status.to_owned()));
        Value::Object(data)
    }

    /// Recomputes the payment status after a change of the paid or total amount (an invoice
    /// with nothing paid keeps its status).
    pub(crate) fn settle_status(&mut self, today: NaiveDate) {
        if self.paid <= Decimal::ZERO {
            return;
        }
        let status = if self.paid >= self.total { STATUS_PAID } else { STATUS_PARTIALLY_PAID };
        if status != self.status {
            self.status = status;
            self.status_date = today;
        }
    }
}

/// Where a submitted batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BatchStatus {
    Received,
    Processing,
    Processed,
}

impl BatchStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            BatchStatus::Received => "Received",
            BatchStatus::Processing => "Processing",
            BatchStatus::Processed => "Processed",
        }
    }
}

/// The outcome for one invoice of a batch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExportLine {
    pub line_number: u64,
    pub invoice_number: Value,
    pub accepted: bool,
    pub message: String,
}

/// A submitted batch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Batch {
    pub id: u64,
    pub status: BatchStatus,
    pub qty: usize,
    pub created_at: DateTime<Utc>,
    pub processed_at: Option<DateTime<Utc>>,
    /// The `SalesInvoice` arrays of the batch, kept until it is processed.
    pub pending: Vec<Vec<Value>>,
    pub lines: Vec<ExportLine>,
}

/// How a payment on a sales invoice reached the sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PaymentKind {
    /// `submit_invoice_payment`.
    Invoice,
    /// `create_direct_payment`.
    Direct,
}

/// A payment on a sales invoice (posted on the invoice, or a direct payment).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Payment {
    pub id: u64,
    pub kind: PaymentKind,
    pub invoice_key: String,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub currency: String,
    /// `PaymentReference` / `Reference` as given.
    pub reference: Option<String>,
    /// `PaymentMethod` of a direct payment.
    pub method: Option<String>,
}

/// An electronic invoicing (Finvoice) contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Contract {
    pub customer_code: String,
    /// `CustomerName` of the latest update that gave one.
    pub customer_name: Option<String>,
    pub address: String,
    pub intermediator: String,
    pub date: NaiveDate,
    pub modified: DateTime<Utc>,
}
