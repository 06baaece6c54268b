//! Collection: cases, receivables and the batches that carry them (members Inferred; see
//! `docs/cashin-wire.md`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::PageRequest;
use crate::model::{code, model, Identifier, InvoiceNumber};

code! {
    /// Whether a debtor is a person or a company.
    pub enum DebtorType {
        /// A consumer.
        "Person" => Person,
        /// A business.
        "Company" => Company,
    }
}

model! {
    /// The debtor of a collection case (`Debtor`).
    pub struct Debtor {
        /// Person or company.
        "DebtorType" => debtor_type: DebtorType,
        /// Name.
        "Name" => name: String,
        /// Y-tunnus, for a company.
        "BusinessId" => business_id: String,
        /// Henkilötunnus, for a person.
        "PersonalIdentityNumber" => personal_identity_number: String,
        /// The debtor's customer code at the creditor.
        "CustomerCode" => customer_code: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// Country (ISO 3166-1 alpha-2).
        "Country" => country: String,
        /// E-mail address.
        "Email" => email: String,
        /// Phone number.
        "Phone" => phone: String,
        /// Language (ISO 639-1).
        "LanguageCode" => language_code: String,
    }
}

model! {
    /// A receivable: an unpaid invoice in collection, or a payment the creditor received
    /// directly (`Receivable`).
    pub struct Receivable {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its payment reference.
        "Reference" => reference: String,
        /// Invoice date.
        "InvoiceDate" => invoice_date: NaiveDate,
        /// Due date.
        "DueDate" => due_date: NaiveDate,
        /// Capital.
        "CapitalAmount" => capital_amount: Decimal,
        /// Interest so far.
        "InterestAmount" => interest_amount: Decimal,
        /// Costs so far.
        "CostsAmount" => costs_amount: Decimal,
        /// Currency (ISO 4217).
        "Currency" => currency: String,
        /// Description.
        "Description" => description: String,
        /// For an update: when the creditor was paid.
        "PaymentDate" => payment_date: NaiveDate,
        /// For an update: how much the creditor was paid.
        "PaidAmount" => paid_amount: Decimal,
    }
}

model! {
    /// A free name–value pair carried with a case (`CustomParameters`).
    pub struct CustomParameters {
        /// Name.
        "Name" => name: String,
        /// Value.
        "Value" => value: String,
    }
}

model! {
    /// A collection case to create (`Case`).
    pub struct Case {
        /// Set by Cash-In once the case exists.
        "CaseId" => case_id: Identifier,
        /// Who owes.
        "Debtor" => debtor: Debtor,
        /// What is owed.
        "Receivables" => receivables: Vec<Receivable>,
        /// Description.
        "Description" => description: String,
        /// Free parameters.
        "CustomParameters" => custom_parameters: Vec<CustomParameters>,
    }
}

/// The body of "Create Collection Cases" (`CaseList`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseList {
    /// The cases.
    pub cases: Vec<Case>,
}

/// The body of "Update Collection Receivables" (`ReceivablesList`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReceivablesList {
    /// The receivables with the payments received.
    pub receivables: Vec<Receivable>,
}

model! {
    /// The answer to a collection batch (`CollectionResponse`).
    pub struct CollectionResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// The batch's identifier.
        "BatchId" => batch_id: u64,
        /// Where to follow the batch.
        "BatchUrl" => batch_url: String,
        /// Items in the batch.
        "QtyOfItems" => qty_of_items: u64,
    }
}

model! {
    /// Processing state of a collection batch (`BatchStatus`).
    pub struct BatchStatus {
        /// The batch's identifier.
        "BatchId" => batch_id: u64,
        /// Processing state.
        "Status" => status: super::BatchState,
        /// Items in the batch.
        "QtyOfItems" => qty_of_items: u64,
        /// One line per item.
        "Items" => items: Vec<BatchDataResponse>,
    }
}

model! {
    /// The fate of one item of a collection batch (`BatchDataResponse`).
    pub struct BatchDataResponse {
        /// Position in the batch, 1-based.
        "LineNumber" => line_number: u64,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its reference.
        "Reference" => reference: String,
        /// The case made or updated.
        "CaseId" => case_id: Identifier,
        /// Accepted or rejected.
        "Status" => status: super::ExportLineStatus,
        /// Why it was rejected.
        "Message" => message: String,
    }
}

code! {
    /// Where a case stands (Inferred values).
    pub enum CaseStage {
        /// Reminders are being sent.
        "Reminder" => Reminder,
        /// In debt collection.
        "Collection" => Collection,
        /// Written off as a credit loss.
        "CreditLoss" => CreditLoss,
    }
}

model! {
    /// A collection case with its receivable (`CaseInvoiceExtended`).
    pub struct CaseInvoiceExtended {
        /// The case.
        "CaseId" => case_id: Identifier,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its reference.
        "Reference" => reference: String,
        /// `Open` or `Closed`.
        "Status" => status: String,
        /// Stage.
        "Stage" => stage: CaseStage,
        /// The debtor's name.
        "DebtorName" => debtor_name: String,
        /// Original capital.
        "CapitalAmount" => capital_amount: Decimal,
        /// Capital still open.
        "OutstandingCapitalAmount" => outstanding_capital_amount: Decimal,
        /// Everything still open.
        "OutstandingTotalAmount" => outstanding_total_amount: Decimal,
        /// The latest payment.
        "LatestPaymentDate" => latest_payment_date: NaiveDate,
    }
}

model! {
    /// Collection cases of one debtor (`CaseSummary`).
    pub struct CaseSummary {
        /// The debtor's name.
        "DebtorName" => debtor_name: String,
        /// Y-tunnus, henkilötunnus, customer code or name.
        "DebtorIdentifier" => debtor_identifier: String,
        /// Cases in all.
        "CaseCount" => case_count: u64,
        /// Cases still open.
        "OpenCaseCount" => open_case_count: u64,
        /// Capital still open.
        "OutstandingCapitalAmount" => outstanding_capital_amount: Decimal,
        /// Everything still open.
        "OutstandingTotalAmount" => outstanding_total_amount: Decimal,
    }
}

/// Filters for "Retrieve collection case".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseQuery {
    /// Only this case.
    pub case_id: Option<Identifier>,
    /// Only the case of this invoice.
    pub invoice_number: Option<InvoiceNumber>,
    /// Only the case with this reference.
    pub reference: Option<String>,
    /// Page selection.
    pub page: PageRequest,
}

crate::model::list_wrapper!(CaseList { "Cases" => cases: Vec<Case> });
crate::model::list_wrapper!(ReceivablesList { "Receivables" => receivables: Vec<Receivable> });
