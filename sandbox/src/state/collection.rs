//! Collection cases, their receivables, and the batches that create cases or record payments on
//! their receivables.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::invoices::BatchStatus;
use super::Inner;
use crate::values::text_of;

/// An amount split into capital, interest and costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    pub capital: Decimal,
    pub interest: Decimal,
    pub costs: Decimal,
}

impl Parts {
    /// The sum (saturating at the largest decimal rather than overflowing).
    pub(crate) fn total(self) -> Decimal {
        self.capital.saturating_add(self.interest).saturating_add(self.costs)
    }

    /// `self − other`, each part at least zero.
    pub(crate) fn minus(self, other: Parts) -> Parts {
        Parts {
            capital: (self.capital - other.capital).max(Decimal::ZERO),
            interest: (self.interest - other.interest).max(Decimal::ZERO),
            costs: (self.costs - other.costs).max(Decimal::ZERO),
        }
    }

    pub(crate) fn plus(self, other: Parts) -> Parts {
        Parts {
            capital: self.capital.saturating_add(other.capital),
            interest: self.interest.saturating_add(other.interest),
            costs: self.costs.saturating_add(other.costs),
        }
    }

    /// How `amount` (at most `self.total()`) is allocated to what is outstanding (`self`):
    /// capital first, then interest, then costs.
    pub(crate) fn allocate(self, amount: Decimal) -> Parts {
        let capital = amount.min(self.capital).max(Decimal::ZERO);
        let rest = amount - capital;
        let interest = rest.min(self.interest).max(Decimal::ZERO);
        let rest = rest - interest;
        let costs = rest.min(self.costs).max(Decimal::ZERO);
        Parts { capital, interest, costs }
    }
}

/// The stage of a collection case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Reminder,
    /// Never reached by the sandbox on its own; kept so the contract's values are all known.
    #[allow(dead_code)]
    Collection,
    CreditLoss,
}

impl Stage {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Stage::Reminder => "Reminder",
            Stage::Collection => "Collection",
            Stage::CreditLoss => "CreditLoss",
        }
    }
}

/// One receivable of a case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CaseReceivable {
    /// Normalised invoice number ([`crate::values::invoice_key`]).
    pub key: String,
    /// `InvoiceNumber` as sent.
    pub number: Value,
    pub reference: Value,
    pub currency: String,
    pub due_date: NaiveDate,
    /// Capital, interest and costs as submitted.
    pub amounts: Parts,
    /// What has been paid of each.
    pub paid: Parts,
    pub latest_payment: Option<NaiveDate>,
}

impl CaseReceivable {
    pub(crate) fn outstanding(&self) -> Parts {
        self.amounts.minus(self.paid)
    }

    /// `Reference` as text, for filtering.
    pub(crate) fn reference_text(&self) -> Option<String> {
        text_of(Some(&self.reference))
    }
}

/// A collection case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Case {
    pub id: u64,
    pub debtor: Map<String, Value>,
    pub receivables: Vec<CaseReceivable>,
    pub stage: Stage,
    pub closed: bool,
    pub credit_loss_on: Option<NaiveDate>,
}

impl Case {
    /// `Debtor.Name`.
    pub(crate) fn debtor_name(&self) -> Value {
        self.debtor.get("Name").cloned().unwrap_or(Value::Null)
    }

    /// `BusinessId`, else `PersonalIdentityNumber`, else `CustomerCode`, else `Name`.
    pub(crate) fn debtor_identifier(&self) -> String {
        ["BusinessId", "PersonalIdentityNumber", "CustomerCode", "Name"]
            .iter()
            .filter_map(|name| text_of(self.debtor.get(*name)))
            .map(|text| text.trim().to_owned())
            .find(|text| !text.is_empty())
            .unwrap_or_default()
    }

    pub(crate) fn outstanding(&self) -> Parts {
        self.receivables.iter().fold(Parts::default(), |sum, r| sum.plus(r.outstanding()))
    }

    pub(crate) fn status(&self) -> &'static str {
        if self.closed {
            "Closed"
        } else {
            "Open"
        }
    }
}

/// A case being created, checked at submission.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewCase {
    pub debtor: Map<String, Value>,
    /// Its receivables, each with what was paid before the case.
    pub receivables: Vec<CaseReceivable>,
}

/// A payment on a case receivable, checked at submission.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReceivablePayment {
    pub key: String,
    pub number: Value,
    pub reference: Value,
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// What a collection batch holds until it is processed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pending {
    Cases(Vec<NewCase>),
    Receivables(Vec<ReceivablePayment>),
}

/// Which operation submitted a collection batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CollectionBatchKind {
    Cases,
    Receivables,
}

/// The outcome for one receivable of a collection batch (`BatchDataResponse`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BatchItem {
    pub line_number: u64,
    pub invoice_number: Value,
    pub reference: Value,
    pub case_id: Option<u64>,
    pub accepted: bool,
    pub message: String,
}

/// A batch of `create_collection_cases` or `update_collection_receivables`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CollectionBatch {
    pub id: u64,
    pub kind: CollectionBatchKind,
    pub status: BatchStatus,
    pub qty: usize,
    pub created_at: DateTime<Utc>,
    pub pending: Option<Pending>,
    pub items: Vec<BatchItem>,
}

/// Why a case cannot be moved to credit loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditLossError {
    Unknown,
    /// Closed because it was paid.
    Closed,
}

impl Inner {
    /// The case and receivable index of a case receivable with this invoice number.
    pub(crate) fn case_receivable(&self, key: &str) -> Option<(usize, usize)> {
        self.cases
            .iter()
            .enumerate()
            .find_map(|(c, case)| case.receivables.iter().position(|r| r.key == key).map(|r| (c, r)))
    }

    pub(crate) fn case(&self, id: u64) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// Moves an open case to stage CreditLoss (closing it); a case already there is left as it
    /// is.
    pub(crate) fn credit_loss(&mut self, id: u64, today: NaiveDate) -> Result<&Case, CreditLossError> {
        let case = self.cases.iter_mut().find(|c| c.id == id).ok_or(CreditLossError::Unknown)?;
        if case.stage != Stage::CreditLoss {
            if case.closed {
                return Err(CreditLossError::Closed);
            }
            case.stage = Stage::CreditLoss;
            case.closed = true;
            case.credit_loss_on = Some(today);
        }
        Ok(case)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parts(capital: i64, interest: i64, costs: i64) -> Parts {
        Parts { capital: Decimal::from(capital), interest: Decimal::from(interest), costs: Decimal::from(costs) }
    }

    #[test]
    fn payments_go_to_capital_then_interest_then_costs() {
        let open = parts(100, 10, 5);
        assert_eq!(open.allocate(Decimal::from(60)), parts(60, 0, 0));
        assert_eq!(open.allocate(Decimal::from(105)), parts(100, 5, 0));
        assert_eq!(open.allocate(Decimal::from(115)), parts(100, 10, 5));
        assert_eq!(open.minus(parts(100, 5, 0)), parts(0, 5, 5));
        assert_eq!(open.total(), Decimal::from(115));
        let huge = Parts { capital: Decimal::MAX, interest: Decimal::MAX, costs: Decimal::ONE };
        assert_eq!(huge.total(), Decimal::MAX);
        assert_eq!(huge.plus(huge).capital, Decimal::MAX);
    }
}
