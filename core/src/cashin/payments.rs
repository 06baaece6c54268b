//! Payments: report one received directly, and read the payments Cash-In received.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{model, Identifier, InvoiceNumber};

model! {
    /// A payment the creditor received directly (`SalesInvoicePayment`; members Inferred).
    /// A payment smaller than the open amount is a partial payment.
    pub struct SalesInvoicePayment {
        /// Payment date.
        "PaymentDate" => payment_date: NaiveDate,
        /// Amount paid.
        "Amount" => amount: Decimal,
        /// Currency (ISO 4217).
        "Currency" => currency: String,
        /// The payer's reference or the bank's archive id.
        "PaymentReference" => payment_reference: String,
    }
}

model! {
    /// One recorded payment (`Payment`; members Inferred).
    pub struct Payment {
        /// The payment's identifier.
        "PaymentId" => payment_id: Identifier,
        /// The invoice paid (in lists across invoices).
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// The reference paid with.
        "Reference" => reference: String,
        /// Payment date.
        "PaymentDate" => payment_date: NaiveDate,
        /// Amount.
        "Amount" => amount: Decimal,
        /// How it was paid.
        "PaymentMethod" => payment_method: String,
    }
}

model! {
    /// The invoice after a payment (`InvoicePaymentsResponse`; members Inferred).
    pub struct InvoicePaymentsResponse {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its status after the payment.
        "Status" => status: super::InvoiceState,
        /// Total with VAT.
        "TotalAmount" => total_amount: Decimal,
        /// Paid so far.
        "PaidAmount" => paid_amount: Decimal,
        /// Still open.
        "OpenAmount" => open_amount: Decimal,
        /// Every payment of the invoice.
        "Payments" => payments: Vec<Payment>,
    }
}

model! {
    /// A payment received into payment control (`ReceivedPayments`; members Inferred). Not the
    /// final state of the payment: a transaction as it arrived.
    pub struct ReceivedPayment {
        /// The payment's identifier.
        "PaymentId" => payment_id: Identifier,
        /// The invoice paid.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// The reference paid with.
        "Reference" => reference: String,
        /// Payment date.
        "PaymentDate" => payment_date: NaiveDate,
        /// Amount.
        "Amount" => amount: Decimal,
        /// Currency.
        "Currency" => currency: String,
        /// Where the payment came from (e.g. `Bank`, `Creditor`).
        "Source" => source: String,
    }
}

/// Filters for "Retrieve received payments". Without dates the server returns the last 30 days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceivedPaymentsQuery {
    /// Only payments of this invoice.
    pub invoice_number: Option<InvoiceNumber>,
    /// From this date on (inclusive).
    pub date_from: Option<NaiveDate>,
    /// Up to this date (inclusive).
    pub date_to: Option<NaiveDate>,
    /// Page selection.
    pub page: super::PageRequest,
}
