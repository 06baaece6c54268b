//! Allocated payment transactions and the settlements that pay them out.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::collection::Parts;
use super::Inner;

/// What produced an allocated payment transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PaymentSource {
    /// `submit_invoice_payment`.
    InvoicePayment,
    /// `create_direct_payment`.
    DirectPayment,
    /// `update_collection_receivables`.
    ReceivableUpdate,
}

impl PaymentSource {
    /// `PaymentType { Code, Description }`.
    pub(crate) fn payment_type(self) -> (&'static str, &'static str) {
        match self {
            PaymentSource::InvoicePayment => ("8", "Bank Transfer"),
            PaymentSource::DirectPayment | PaymentSource::ReceivableUpdate => ("1", "Direct payment"),
        }
    }

    /// Which kind of settlement pays it out.
    pub(crate) fn settlement_kind(self) -> SettlementKind {
        match self {
            PaymentSource::ReceivableUpdate => SettlementKind::Collection,
            PaymentSource::InvoicePayment | PaymentSource::DirectPayment => SettlementKind::Direct,
        }
    }
}

/// One allocated payment transaction.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Allocation {
    pub id: u64,
    pub source: PaymentSource,
    pub case_id: Option<u64>,
    /// Normalised invoice number.
    pub invoice_key: String,
    /// `InvoiceNumber` as the invoice or receivable was sent.
    pub invoice_number: Value,
    pub reference: Value,
    pub payment_date: NaiveDate,
    /// The day the sandbox recorded it (booking and accounting date).
    pub booked_on: NaiveDate,
    pub parts: Parts,
    pub currency: String,
    /// Settlement number and date, once settled.
    pub settlement: Option<(u64, NaiveDate)>,
}

/// A new allocated payment transaction (the id and booking are added by [`Inner::allocate`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewAllocation {
    pub source: PaymentSource,
    pub case_id: Option<u64>,
    pub invoice_key: String,
    pub invoice_number: Value,
    pub reference: Value,
    pub payment_date: NaiveDate,
    pub parts: Parts,
    pub currency: String,
}

/// Settlement of collection-case payments, or direct settlement of invoice payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SettlementKind {
    Collection,
    Direct,
}

/// A settlement or direct settlement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Settlement {
    pub number: u64,
    pub kind: SettlementKind,
    pub date: NaiveDate,
    pub currency: String,
    /// Ids of the allocations it pays out, in allocation order.
    pub allocations: Vec<u64>,
    pub total: Decimal,
}

/// What one [`crate::Sandbox::settle`] did.
///
/// Serialised in PascalCase (the answer of `POST /__admin/settle`):
/// `{"Settlements":[202605080001],"DirectSettlements":[202605080002],"Allocations":3,"ClosedCases":[1001]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Settled {
    /// Numbers of the settlements created (collection-case payments), one per currency.
    pub settlements: Vec<u64>,
    /// Numbers of the direct settlements created (invoice and direct payments), one per currency.
    pub direct_settlements: Vec<u64>,
    /// How many allocated payment transactions were settled.
    pub allocations: usize,
    /// Cases closed because nothing is outstanding on them any more.
    pub closed_cases: Vec<u64>,
}

impl Inner {
    /// Records an allocated payment transaction booked today; returns its id.
    pub(crate) fn allocate(&mut self, new: NewAllocation, today: NaiveDate) -> u64 {
        let id = self.next_allocation_id;
        self.next_allocation_id = self.next_allocation_id.saturating_add(1);
        self.allocations.push(Allocation {
            id,
            source: new.source,
            case_id: new.case_id,
            invoice_key: new.invoice_key,
            invoice_number: new.invoice_number,
            reference: new.reference,
            payment_date: new.payment_date,
            booked_on: today,
            parts: new.parts,
            currency: new.currency,
            settlement: None,
        });
        id
    }

    /// A new settlement number: `YYYYMMDD` followed by a four-digit sequence, unique among
    /// settlements and direct settlements.
    fn settlement_number(&self, date: NaiveDate) -> u64 {
        let day = u64::try_from(date.year()).unwrap_or_default().saturating_mul(10_000)
            + u64::from(date.month()) * 100
            + u64::from(date.day());
        let mut number = day.saturating_mul(10_000).saturating_add(1);
        while self.settlements.iter().any(|s| s.number == number) {
            number = number.saturating_add(1);
        }
        number
    }

    /// Settles every allocation not yet settled (one settlement per kind and currency), then
    /// closes the open cases with nothing outstanding.
    pub(crate) fn settle(&mut self, today: NaiveDate) -> Settled {
        let mut groups: BTreeMap<(SettlementKind, String), Vec<usize>> = BTreeMap::new();
        for (i, a) in self.allocations.iter().enumerate() {
            if a.settlement.is_none() {
                groups.entry((a.source.settlement_kind(), a.currency.clone())).or_default().push(i);
            }
        }
        let mut settled = Settled::default();
        for ((kind, currency), indices) in groups {
            let number = self.settlement_number(today);
            let mut ids = Vec::new();
            let mut total = Decimal::ZERO;
            for i in indices {
                if let Some(a) = self.allocations.get_mut(i) {
                    a.settlement = Some((number, today));
                    ids.push(a.id);
                    total = total.saturating_add(a.parts.total());
                }
            }
            settled.allocations += ids.len();
            match kind {
                SettlementKind::Collection => settled.settlements.push(number),
                SettlementKind::Direct => settled.direct_settlements.push(number),
            }
            self.settlements.push(Settlement { number, kind, date: today, currency, allocations: ids, total });
        }
        for case in self.cases.iter_mut().filter(|c| !c.closed) {
            if case.outstanding().total() <= Decimal::ZERO {
                case.closed = true;
                settled.closed_cases.push(case.id);
            }
        }
        settled
    }

    pub(crate) fn settlement(&self, kind: SettlementKind, number: u64) -> Option<&Settlement> {
        self.settlements.iter().find(|s| s.kind == kind && s.number == number)
    }

    pub(crate) fn allocation(&self, id: u64) -> Option<&Allocation> {
        self.allocations.iter().find(|a| a.id == id)
    }
}
