//! Batches of sales invoices: submit (202 Accepted) and follow their processing.

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::invoice::SalesInvoice;
use crate::model::{code, model, InvoiceNumber};

/// The body of "Submit a batch of sales invoices": `{ "SalesInvoices": [ { "SalesInvoice": [...] } ] }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SalesInvoiceBatch {
    /// Groups of invoices (`BatchInvoices`).
    #[serde(rename = "SalesInvoices")]
    pub sales_invoices: Vec<BatchInvoices>,
}

/// One group of a batch (`BatchInvoices`), also the body of "Create an invoice".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchInvoices {
    /// The invoices.
    pub sales_invoice: Vec<SalesInvoice>,
}

/// Written as a one-member map, not a struct: the JSON is the same, and serde_json's struct
/// path for a member that is not text would bring its error-message parser into the
/// WebAssembly module.
impl Serialize for SalesInvoiceBatch {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("SalesInvoices", &self.sales_invoices)?;
        map.end()
    }
}

impl SalesInvoiceBatch {
    /// A batch of the given invoices in one group.
    pub fn new(invoices: Vec<SalesInvoice>) -> Self {
        SalesInvoiceBatch { sales_invoices: vec![BatchInvoices { sales_invoice: invoices }] }
    }

    /// Every invoice of every group, in order.
    pub fn invoices(&self) -> impl Iterator<Item = &SalesInvoice> {
        self.sales_invoices.iter().flat_map(|group| group.sales_invoice.iter())
    }
}

model! {
    /// The 202 answer to a batch (`SalesInvoiceBatchResponse`, Example).
    pub struct SalesInvoiceBatchResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many invoices the batch holds.
        "QtyOfInvoices" => qty_of_invoices: u64,
        /// The batch's identifier.
        "BatchId" => batch_id: u64,
        /// Where to follow the batch.
        "BatchUrl" => batch_url: String,
    }
}

code! {
    /// Processing state of a batch (Inferred values).
    pub enum BatchState {
        /// Accepted, not yet processed.
        "Received" => Received,
        /// Being processed.
        "Processing" => Processing,
        /// Every invoice has an export line.
        "Processed" => Processed,
        /// The batch failed as a whole.
        "Failed" => Failed,
    }
}

code! {
    /// What happened to one invoice of a batch (Inferred values).
    pub enum ExportLineStatus {
        /// The invoice was created.
        "Accepted" => Accepted,
        /// The invoice was not created; see the message.
        "Rejected" => Rejected,
    }
}

model! {
    /// One uploaded batch (`OnlineInvoiceBatchListItemDto`; members Inferred).
    pub struct BatchUpload {
        /// The batch's identifier.
        "BatchId" => batch_id: u64,
        /// Processing state.
        "Status" => status: BatchState,
        /// How many invoices the batch holds.
        "QtyOfInvoices" => qty_of_invoices: u64,
        /// When the batch was received.
        "CreatedAt" => created_at: DateTime<Utc>,
        /// When processing finished.
        "ProcessedAt" => processed_at: DateTime<Utc>,
        /// Counts of accepted and rejected invoices.
        "Outcome" => outcome: BatchOutcome,
        /// One line per invoice.
        "ExportLines" => export_lines: Vec<BatchExportLine>,
    }
}

model! {
    /// Counts of a processed batch (`OnlineInvoiceBatchProcedureOutcomeDto`; members Inferred).
    pub struct BatchOutcome {
        /// Invoices created.
        "Accepted" => accepted: u64,
        /// Invoices refused.
        "Rejected" => rejected: u64,
    }
}

model! {
    /// The fate of one invoice of a batch (`OnlineInvoiceBatchExportLineDto`; members Inferred).
    pub struct BatchExportLine {
        /// Position in the batch, 1-based.
        "LineNumber" => line_number: u64,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Accepted or rejected.
        "Status" => status: ExportLineStatus,
        /// Why it was rejected.
        "Message" => message: String,
    }
}

/// Filters for "List batch uploads and export lines".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchUploadQuery {
    /// Only this batch.
    pub batch_id: Option<u64>,
    /// Page selection.
    pub page: super::PageRequest,
}

crate::model::wrapper_wire_type!(SalesInvoiceBatch { "SalesInvoices" => sales_invoices: Vec<BatchInvoices> });
crate::model::list_wrapper!(BatchInvoices { "SalesInvoice" => sales_invoice: Vec<SalesInvoice> });
