//! The answer to creating invoices.

use crate::model::{model, InvoiceNumber};

model! {
    /// The answer to "Create an invoice" (`SalesInvoiceResponse`; members Inferred).
    pub struct SalesInvoiceResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many invoices were created.
        "QtyOfInvoices" => qty_of_invoices: u64,
        /// One item per created invoice.
        "SalesInvoices" => sales_invoices: Vec<CreatedInvoice>,
    }
}

model! {
    /// One created invoice, an item of [`SalesInvoiceResponse`] (members Inferred).
    pub struct CreatedInvoice {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its payment reference.
        "Reference" => reference: String,
        /// Its status.
        "Status" => status: super::InvoiceState,
    }
}

model! {
    /// The answer to "Update an invoice" (`SalesInvoiceUpdateResponse`; members Inferred).
    pub struct SalesInvoiceUpdateResponse {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// The members that changed.
        "UpdatedFields" => updated_fields: Vec<String>,
    }
}
