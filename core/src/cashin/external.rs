//! External (intermediation) invoices: delivery and payment information, direct payments,
//! invoice actions and the agreement status (members Inferred; see `docs/cashin-wire.md`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{code, model, Identifier, InvoiceNumber};

model! {
    /// An intermediated invoice with its delivery state and rows (`IntermediatorInvoice`).
    pub struct IntermediatorInvoice {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Invoice date.
        "InvoiceDate" => invoice_date: NaiveDate,
        /// The buyer's name.
        "BuyerName" => buyer_name: String,
        /// Total with VAT.
        "TotalAmount" => total_amount: Decimal,
        /// Delivery method code.
        "DeliveryType" => delivery_type: String,
        /// Delivery state.
        "DeliveryStatus" => delivery_status: super::DeliveryStatus,
        /// When it was delivered.
        "DeliveryDate" => delivery_date: NaiveDate,
        /// The rows.
        "Rows" => rows: Vec<ExternalInvoiceRows>,
    }
}

model! {
    /// One row of an intermediated invoice (`ExternalInvoiceRows`).
    pub struct ExternalInvoiceRows {
        /// Description.
        "Description" => description: String,
        /// Quantity.
        "Qty" => qty: Decimal,
        /// Unit price.
        "Price" => price: Decimal,
        /// VAT percent.
        "VatPercent" => vat_percent: Decimal,
        /// Row total.
        "Total" => total: Decimal,
    }
}

model! {
    /// A payment the creditor received directly for an intermediated invoice.
    pub struct DirectPayment {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// When it was paid.
        "PaymentDate" => payment_date: NaiveDate,
        /// Amount.
        "Amount" => amount: Decimal,
        /// How it was paid (e.g. `Bankgiro`, `Cash`).
        "PaymentMethod" => payment_method: String,
        /// The payer's reference.
        "Reference" => reference: String,
    }
}

/// The body of "Create an direct payment" (`IntermediationInvoiceDirectPayments`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntermediationInvoiceDirectPayments {
    /// The payments.
    pub direct_payments: Vec<DirectPayment>,
}

model! {
    /// The answer to direct payments (`IntermediationInvoiceDirectPaymentResponse`).
    pub struct IntermediationInvoiceDirectPaymentResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many payments were recorded.
        "QtyOfPayments" => qty_of_payments: u64,
    }
}

code! {
    /// What an invoice action does (the CFIS action codes; Inferred for Cash-In v2).
    pub enum InvoiceActionCode {
        /// Add a comment.
        "COMMENT" => Comment,
        /// Withdraw the case.
        "WITHDRAW" => Withdraw,
        /// Extend the case's due date (needs `DueDate`).
        "DUEDATE" => DueDate,
        /// Allow a payment plan.
        "PAYMENTPLAN" => PaymentPlan,
        /// The debtor objects.
        "OBJECTION" => Objection,
        /// Pause proceedings.
        "PAUSE" => Pause,
    }
}

model! {
    /// One action on an invoice or its case.
    pub struct InvoiceAction {
        /// What to do.
        "Code" => code: InvoiceActionCode,
        /// Why.
        "Comment" => comment: String,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// The case.
        "CaseId" => case_id: Identifier,
        /// The new due date, for `DUEDATE`.
        "DueDate" => due_date: NaiveDate,
    }
}

/// The body of "Submit an invoice action" (`ExternalInvoiceActions`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExternalInvoiceActions {
    /// The actions.
    pub actions: Vec<InvoiceAction>,
}

model! {
    /// The answer to invoice actions (`InvoiceActionResponse`).
    pub struct InvoiceActionResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many actions were queued.
        "QtyOfActions" => qty_of_actions: u64,
        /// The queued actions.
        "Actions" => actions: Vec<InvoiceActionResult>,
    }
}

model! {
    /// One queued action.
    pub struct InvoiceActionResult {
        /// What it does.
        "Code" => code: InvoiceActionCode,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// `Pending` until carried out.
        "Status" => status: String,
    }
}

model! {
    /// The state of the seller's intermediation agreement (`ExternalAgreementStatusResponse`).
    pub struct ExternalAgreementStatusResponse {
        /// The agreement.
        "AgreementIdentifier" => agreement_identifier: String,
        /// e.g. `Active`.
        "Status" => status: String,
        /// Since when.
        "ValidFrom" => valid_from: NaiveDate,
        /// Service type.
        "ServiceType" => service_type: String,
    }
}

crate::model::list_wrapper!(IntermediationInvoiceDirectPayments { "DirectPayments" => direct_payments: Vec<DirectPayment> });
crate::model::list_wrapper!(ExternalInvoiceActions { "Actions" => actions: Vec<InvoiceAction> });
