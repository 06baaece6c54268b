//! Allocated payment transactions: the one collection operation whose path, query and answer
//! Cash-In publishes (Confirmed).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::PageRequest;
use crate::model::{model, Identifier, InvoiceNumber};

model! {
    /// One fund-allocation event of a case: a bank transfer, rebate, write-off, ...
    /// (`AllocatedPaymentTransactionItem`, Confirmed shape).
    pub struct AllocatedPaymentTransactionItem {
        /// Allocation identifier (numeric text, e.g. `"123456"`).
        "AllocationId" => allocation_id: Identifier,
        /// The case (e.g. `"VELKA-998877"`).
        "CaseId" => case_id: Identifier,
        /// The agency (e.g. `"CASH-IN"`).
        "Agency" => agency: String,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// What kind of payment.
        "PaymentType" => payment_type: PaymentTypeInfo,
        /// Its dates.
        "Dates" => dates: PaymentDatesInfo,
        /// Its amounts.
        "Amounts" => amounts: PaymentAmountsInfo,
        /// Currency (ISO 4217).
        "Currency" => currency: String,
    }
}

model! {
    /// The kind of a payment (`PaymentTypeInfo`; e.g. code `"8"`, "Bank Transfer").
    pub struct PaymentTypeInfo {
        /// Code.
        "Code" => code: String,
        /// Description.
        "Description" => description: String,
    }
}

model! {
    /// The dates of a payment (`PaymentDatesInfo`).
    pub struct PaymentDatesInfo {
        /// When the debtor paid.
        "PaymentDate" => payment_date: NaiveDate,
        /// When the bank booked it.
        "BookingDate" => booking_date: NaiveDate,
        /// Its accounting date.
        "AccountingDate" => accounting_date: NaiveDate,
        /// When it was settled to the creditor.
        "SettlementDate" => settlement_date: NaiveDate,
    }
}

model! {
    /// How a payment was allocated (`PaymentAmountsInfo`).
    pub struct PaymentAmountsInfo {
        /// The whole payment.
        "PaymentAmount" => payment_amount: Decimal,
        /// To capital.
        "CapitalAmount" => capital_amount: Decimal,
        /// To interest.
        "InterestAmount" => interest_amount: Decimal,
        /// To the creditor's costs.
        "CreditorCostsAmount" => creditor_costs_amount: Decimal,
    }
}

/// Sort order for allocated payment transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

impl std::fmt::Display for SortOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        })
    }
}

/// The query of "Retrieve allocated payment transactions" (every parameter optional). Without
/// any date the server returns the last 30 days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllocatedPaymentTransactionsQuery {
    /// `invoiceNumber`.
    pub invoice_number: Option<InvoiceNumber>,
    /// `caseId`.
    pub case_id: Option<Identifier>,
    /// `agency`.
    pub agency: Option<String>,
    /// `paymentDateFrom`.
    pub payment_date_from: Option<NaiveDate>,
    /// `paymentDateTo`.
    pub payment_date_to: Option<NaiveDate>,
    /// `accountingDateFrom`.
    pub accounting_date_from: Option<NaiveDate>,
    /// `accountingDateTo`.
    pub accounting_date_to: Option<NaiveDate>,
    /// `currency`.
    pub currency: Option<String>,
    /// `hasAllocatedBreakdown`.
    pub has_allocated_breakdown: Option<bool>,
    /// `sortBy` (e.g. `paymentDate`).
    pub sort_by: Option<String>,
    /// `sortOrder`.
    pub sort_order: Option<SortOrder>,
    /// `page` / `pageSize`.
    pub page: PageRequest,
}
