//! Settlements, direct settlements and credit losses (members Inferred; see `docs/cashin-wire.md`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::PageRequest;
use crate::model::{model, Identifier, InvoiceNumber};

model! {
    /// One settlement in a list (`SettlementList`).
    pub struct SettlementList {
        /// The settlement's number.
        "SettlementNumber" => settlement_number: Identifier,
        /// When it was paid out.
        "SettlementDate" => settlement_date: NaiveDate,
        /// Amount paid out.
        "TotalAmount" => total_amount: Decimal,
        /// Currency.
        "Currency" => currency: String,
    }
}

model! {
    /// A settlement with every allocation it pays out (`Settlement`).
    pub struct Settlement {
        /// The settlement's number.
        "SettlementNumber" => settlement_number: Identifier,
        /// When it was paid out.
        "SettlementDate" => settlement_date: NaiveDate,
        /// Amount paid out.
        "TotalAmount" => total_amount: Decimal,
        /// Currency.
        "Currency" => currency: String,
        /// The allocations.
        "Rows" => rows: Vec<SettlementRows>,
    }
}

model! {
    /// One allocation of a settlement (`SettlementRows`).
    pub struct SettlementRows {
        /// The case.
        "CaseId" => case_id: Identifier,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its reference.
        "Reference" => reference: String,
        /// When the debtor paid.
        "PaymentDate" => payment_date: NaiveDate,
        /// Capital.
        "CapitalAmount" => capital_amount: Decimal,
        /// Interest.
        "InterestAmount" => interest_amount: Decimal,
        /// Costs.
        "CostsAmount" => costs_amount: Decimal,
        /// Total.
        "TotalAmount" => total_amount: Decimal,
    }
}

model! {
    /// One direct settlement in a list (`DirectSettlementList`).
    pub struct DirectSettlementList {
        /// The settlement's number.
        "SettlementNumber" => settlement_number: Identifier,
        /// When it was paid out.
        "SettlementDate" => settlement_date: NaiveDate,
        /// Amount.
        "TotalAmount" => total_amount: Decimal,
        /// Currency.
        "Currency" => currency: String,
    }
}

model! {
    /// A direct settlement with its rows (`DirectSettlements`).
    pub struct DirectSettlements {
        /// The settlement's number.
        "SettlementNumber" => settlement_number: Identifier,
        /// When it was paid out.
        "SettlementDate" => settlement_date: NaiveDate,
        /// Amount.
        "TotalAmount" => total_amount: Decimal,
        /// Currency.
        "Currency" => currency: String,
        /// The payments.
        "Rows" => rows: Vec<DirectSettlementRows>,
    }
}

model! {
    /// One payment of a direct settlement (`DirectSettlementRows`).
    pub struct DirectSettlementRows {
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its reference.
        "Reference" => reference: String,
        /// When it was paid.
        "PaymentDate" => payment_date: NaiveDate,
        /// Amount.
        "Amount" => amount: Decimal,
    }
}

model! {
    /// A receivable written off as a credit loss, with its accounting (`CreditLossReceivable`).
    pub struct CreditLossReceivable {
        /// The case.
        "CaseId" => case_id: Identifier,
        /// The invoice.
        "InvoiceNumber" => invoice_number: InvoiceNumber,
        /// Its reference.
        "Reference" => reference: String,
        /// The debtor's name.
        "DebtorName" => debtor_name: String,
        /// When it was declared a credit loss.
        "CreditLossDate" => credit_loss_date: NaiveDate,
        /// Capital lost.
        "CapitalAmount" => capital_amount: Decimal,
        /// Interest lost.
        "InterestAmount" => interest_amount: Decimal,
        /// Costs lost.
        "CostsAmount" => costs_amount: Decimal,
        /// Accounting entries.
        "AccountingData" => accounting_data: IntegrationsAccountingLedgerData,
    }
}

model! {
    /// Accounting entries (`IntegrationsAccountingLedgerData`).
    pub struct IntegrationsAccountingLedgerData {
        /// The ledgers.
        "Ledgers" => ledgers: Vec<Ledgers>,
    }
}

model! {
    /// One ledger entry (`Ledgers`).
    pub struct Ledgers {
        /// Entry date.
        "LedgerDate" => ledger_date: NaiveDate,
        /// Description.
        "Description" => description: String,
        /// Its rows.
        "Rows" => rows: Vec<LedgerRows>,
    }
}

model! {
    /// One row of a ledger entry (`LedgerRows`).
    pub struct LedgerRows {
        /// Account.
        "Account" => account: String,
        /// Debit.
        "Debit" => debit: Decimal,
        /// Credit.
        "Credit" => credit: Decimal,
        /// Dimensions (cost centre, project, ...).
        "Dimensions" => dimensions: Vec<LedgerRowDimensions>,
    }
}

model! {
    /// One dimension of a ledger row (`LedgerRowDimensions`).
    pub struct LedgerRowDimensions {
        /// Dimension name.
        "Name" => name: String,
        /// Value.
        "Value" => value: String,
    }
}

/// A date window for the settlement and credit-loss lists. Without dates the server uses its
/// default (the last 30 days for settlements).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRangeQuery {
    /// From this date on (inclusive).
    pub date_from: Option<NaiveDate>,
    /// Up to this date (inclusive).
    pub date_to: Option<NaiveDate>,
    /// Page selection.
    pub page: PageRequest,
}

impl DateRangeQuery {
    /// The `days` days up to and including `today`, e.g. `DateRangeQuery::last_days(today, 30)`.
    pub fn last_days(today: NaiveDate, days: u32) -> Self {
        let from = today.checked_sub_days(chrono::Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(today);
        DateRangeQuery { date_from: Some(from), date_to: Some(today), page: PageRequest::default() }
    }
}
