//! What became of an invoice: status, delivery information, delivery statistics.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{code, model, InvoiceNumber};

code! {
    /// Lifecycle status of an invoice (Inferred values).
    pub enum InvoiceState {
        /// Received by Cash-In, not yet delivered.
        "Received" => Received,
        /// Delivered to the buyer.
        "Delivered" => Delivered,
        /// Delivery failed.
        "DeliveryFailed" => DeliveryFailed,
        /// Partly paid.
        "PartiallyPaid" => PartiallyPaid,
        /// Paid in full.
        "Paid" => Paid,
    }
}

model! {
    /// The status of one invoice ("Retrieve invoice status"; members Inferred).
    pub struct InvoiceStatus {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its payment reference.
        "Reference" => reference: String,
        /// Its status.
        "Status" => status: InvoiceState,
        /// When the status was reached.
        "StatusDate" => status_date: NaiveDate,
        /// Total with VAT.
        "TotalAmount" => total_amount: Decimal,
        /// Paid so far.
        "PaidAmount" => paid_amount: Decimal,
        /// Still open.
        "OpenAmount" => open_amount: Decimal,
        /// Due date.
        "DueDate" => due_date: NaiveDate,
    }
}

code! {
    /// Delivery state of an invoice (Inferred values).
    pub enum DeliveryStatus {
        /// Not yet delivered.
        "Pending" => Pending,
        /// Delivered.
        "Delivered" => Delivered,
        /// Delivery failed; see the error message.
        "Failed" => Failed,
    }
}

model! {
    /// Delivery information of one invoice (`InvoicesDeliveryInformation`; members Inferred).
    pub struct DeliveryInformation {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Delivery method code.
        "DeliveryType" => delivery_type: String,
        /// Delivery state.
        "DeliveryStatus" => delivery_status: DeliveryStatus,
        /// When it was delivered.
        "DeliveryDate" => delivery_date: NaiveDate,
        /// Channel used (e-invoice, print, e-mail).
        "Channel" => channel: String,
        /// Why delivery failed.
        "ErrorMessage" => error_message: String,
    }
}

model! {
    /// One row of delivery statistics (`ViewOnlineInvoiceDeliveryStats`): invoices and their sum
    /// per delivery type and invoice date (members Inferred from the description).
    pub struct DeliveryStatistics {
        /// Invoice date.
        "InvoiceDate" => invoice_date: NaiveDate,
        /// Delivery method code.
        "DeliveryType" => delivery_type: String,
        /// Number of invoices.
        "InvoiceQty" => invoice_qty: u64,
        /// Sum of their totals.
        "TotalAmount" => total_amount: Decimal,
    }
}

/// Filters shared by the invoice list and delivery queries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceQuery {
    /// Only this invoice.
    pub invoice_number: Option<InvoiceNumber>,
    /// Only invoices in this status.
    pub status: Option<String>,
    /// From this date on (inclusive).
    pub date_from: Option<NaiveDate>,
    /// Up to this date (inclusive).
    pub date_to: Option<NaiveDate>,
    /// Page selection.
    pub page: super::PageRequest,
}
