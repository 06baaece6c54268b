//! `retrieve_allocated_payment_transactions` (Confirmed path, query and answer).

use std::cmp::Ordering;

use serde_json::{json, Value};

use super::{ok, Call, Reply};
use crate::errors::ApiError;
use crate::state::{Allocation, App};
use crate::values::{date_value, money};

/// Days before today covered by payment date when no date parameter is given.
pub const DEFAULT_ALLOCATION_WINDOW_DAYS: u64 = 30;
/// `Agency` of every allocated payment transaction.
pub const AGENCY: &str = "CASH-IN";

/// `sortBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    PaymentDate,
    InvoiceNumber,
    Amount,
}

/// `AllocatedPaymentTransactionItem`, in the Confirmed shape (ids and numbers as strings).
fn item(a: &Allocation) -> Value {
    let (code, description) = a.source.payment_type();
    json!({
        "AllocationId": a.id.to_string(),
        "CaseId": a.case_id.map(|id| id.to_string()),
        "Agency": AGENCY,
        "InvoiceNumber": a.invoice_key,
        "PaymentType": { "Code": code, "Description": description },
        "Dates": {
            "PaymentDate": date_value(a.payment_date),
            "BookingDate": date_value(a.booked_on),
            "AccountingDate": date_value(a.booked_on),
            "SettlementDate": a.settlement.map(|(_, date)| date_value(date)),
        },
        "Amounts": {
            "PaymentAmount": money(a.parts.total()),
            "CapitalAmount": money(a.parts.capital),
            "InterestAmount": money(a.parts.interest),
            "CreditorCostsAmount": money(a.parts.costs),
        },
        "Currency": a.currency,
    })
}

/// Invoice numbers in natural order: all-digit numbers by value, before other text.
fn compare_numbers(a: &str, b: &str) -> Ordering {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    match (digits(a), digits(b)) {
        (true, true) => {
            let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
            a.len().cmp(&b.len()).then_with(|| a.cmp(b))
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

fn sort_by(text: Option<&str>) -> Result<SortBy, ApiError> {
    match text {
        None => Ok(SortBy::PaymentDate),
        Some(t) if t.eq_ignore_ascii_case("paymentDate") => Ok(SortBy::PaymentDate),
        Some(t) if t.eq_ignore_ascii_case("invoiceNumber") => Ok(SortBy::InvoiceNumber),
        Some(t) if t.eq_ignore_ascii_case("amount") => Ok(SortBy::Amount),
        Some(t) => Err(ApiError::field("sortBy", format!("must be paymentDate, invoiceNumber or amount, not {t}"))),
    }
}

fn descending(text: Option<&str>) -> Result<bool, ApiError> {
    match text {
        None => Ok(false),
        Some(t) if t.eq_ignore_ascii_case("asc") => Ok(false),
        Some(t) if t.eq_ignore_ascii_case("desc") => Ok(true),
        Some(t) => Err(ApiError::field("sortOrder", format!("must be asc or desc, not {t}"))),
    }
}

/// Allocated payment transactions filtered by `invoiceNumber`, `caseId`, `agency`,
/// `paymentDateFrom` / `paymentDateTo`, `accountingDateFrom` / `accountingDateTo`, `currency`
/// and `hasAllocatedBreakdown`; with none of the four dates, payment dates of the last 30 days.
/// Sorted by `sortBy` (`paymentDate` by default, `invoiceNumber`, `amount`) in `sortOrder`
/// (`asc` by default, `desc`), ties by `AllocationId` ascending; paged.
pub(crate) fn list(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let case_id = q.get("caseId").map(str::to_owned);
    let agency = q.get("agency").map(str::to_owned);
    let currency = q.get("currency").map(str::to_owned);
    let breakdown = q.flag("hasAllocatedBreakdown")?;
    let no_dates = ["paymentDateFrom", "paymentDateTo", "accountingDateFrom", "accountingDateTo"]
        .iter()
        .all(|name| q.get(name).is_none());
    let payment = q.window("paymentDateFrom", "paymentDateTo", no_dates.then_some(DEFAULT_ALLOCATION_WINDOW_DAYS))?;
    let accounting = q.window("accountingDateFrom", "accountingDateTo", None)?;
    let order = sort_by(q.get("sortBy"))?;
    let desc = descending(q.get("sortOrder"))?;
    let items = app.with(|s| {
        let mut selected: Vec<&Allocation> = s
            .allocations
            .iter()
            .filter(|a| number.as_deref().is_none_or(|n| a.invoice_key == n))
            .filter(|a| case_id.as_deref().is_none_or(|c| a.case_id.is_some_and(|id| id.to_string() == c)))
            .filter(|_| agency.as_deref().is_none_or(|x| x.eq_ignore_ascii_case(AGENCY)))
            .filter(|a| currency.as_deref().is_none_or(|c| a.currency.eq_ignore_ascii_case(c)))
            .filter(|a| breakdown.is_none_or(|want| has_breakdown(a) == want))
            .filter(|a| payment.contains(a.payment_date) && accounting.contains(a.booked_on))
            .collect();
        selected.sort_by(|a, b| {
            let primary = match order {
                SortBy::PaymentDate => a.payment_date.cmp(&b.payment_date),
                SortBy::InvoiceNumber => compare_numbers(&a.invoice_key, &b.invoice_key),
                SortBy::Amount => a.parts.total().cmp(&b.parts.total()),
            };
            let primary = if desc { primary.reverse() } else { primary };
            primary.then_with(|| a.id.cmp(&b.id))
        });
        selected.into_iter().map(item).collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Whether the payment has been allocated to capital, interest or costs (every sandbox
/// transaction is, at once).
fn has_breakdown(a: &Allocation) -> bool {
    !(a.parts.capital.is_zero() && a.parts.interest.is_zero() && a.parts.costs.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoice_numbers_sort_naturally() {
        let mut numbers = vec!["10", "INV-2", "9", "0011", "INV-10", "100"];
        numbers.sort_by(|a, b| compare_numbers(a, b));
        assert_eq!(numbers, ["9", "10", "0011", "100", "INV-10", "INV-2"]);
    }
}
