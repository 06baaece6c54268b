//! `retrieve_invoice_delivery_information`, `retrieve_delivery_statistics`, and marking an
//! invoice delivered (admin).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{ok, Call, Reply};
use crate::state::{App, DeliveryStatus, StoredInvoice};
use crate::values::{date_value, money, text_of, today};

/// The invoice's `DeliveryType` member as text, if any.
pub(crate) fn delivery_type(inv: &StoredInvoice) -> Option<String> {
    text_of(inv.data.get("DeliveryType")).filter(|t| !t.is_empty())
}

/// The channel a delivered invoice went through: `Finvoice` for delivery type `E`, `Print`
/// otherwise.
fn channel(inv: &StoredInvoice) -> String {
    match delivery_type(inv).as_deref() {
        Some(t) if t.eq_ignore_ascii_case("E") => "Finvoice".to_owned(),
        _ => "Print".to_owned(),
    }
}

/// The delivery record as the API lists it.
pub(crate) fn record(inv: &StoredInvoice) -> Value {
    json!({
        "InvoiceNumber": inv.number(),
        "DeliveryType": delivery_type(inv),
        "DeliveryStatus": inv.delivery.status.as_str(),
        "DeliveryDate": inv.delivery.date.map(date_value),
        "Channel": inv.delivery.channel,
        "ErrorMessage": inv.delivery.error,
    })
}

/// The day a delivery record is dated by: its delivery date, or the day the invoice was received
/// while delivery is pending.
pub(crate) fn record_date(inv: &StoredInvoice) -> NaiveDate {
    inv.delivery.date.unwrap_or(inv.received_on)
}

/// Marks an invoice delivered (`error == None`) or its delivery failed; returns the new record,
/// or `None` for an unknown invoice.
pub(crate) fn mark(app: &App, key: &str, error: Option<String>) -> Option<Value> {
    let today = today();
    app.with(|s| {
        let inv = s.invoice_mut(key)?;
        inv.delivery.channel = Some(channel(inv));
        match error {
            None => {
                inv.delivery.status = DeliveryStatus::Delivered;
                inv.delivery.date = Some(today);
                inv.delivery.error = None;
            }
            Some(message) => {
                inv.delivery.status = DeliveryStatus::Failed;
                inv.delivery.date = Some(today);
                inv.delivery.error = Some(message);
            }
        }
        Some(record(inv))
    })
}

/// Delivery records, filtered by `invoiceNumber` and `dateFrom` / `dateTo` (inclusive, on the
/// delivery date, or the day received while pending), paged.
pub(crate) fn information(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let from = q.date("dateFrom")?;
    let to = q.date("dateTo")?;
    let items = app.with(|s| {
        s.invoices()
            .iter()
            .filter(|inv| number.as_deref().is_none_or(|n| inv.key == n))
            .filter(|inv| from.is_none_or(|f| record_date(inv) >= f))
            .filter(|inv| to.is_none_or(|t| record_date(inv) <= t))
            .map(record)
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Invoice count and total per `InvoiceDate` and `DeliveryType`, for invoice dates within
/// `dateFrom` / `dateTo` (inclusive), ordered by date then type, paged.
pub(crate) fn statistics(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let from = q.date("dateFrom")?;
    let to = q.date("dateTo")?;
    let groups = app.with(|s| {
        let mut groups: BTreeMap<(NaiveDate, Option<String>), (usize, Decimal)> = BTreeMap::new();
        for inv in s.invoices() {
            if from.is_some_and(|f| inv.invoice_date < f) || to.is_some_and(|t| inv.invoice_date > t) {
                continue;
            }
            let entry = groups.entry((inv.invoice_date, delivery_type(inv))).or_insert((0, Decimal::ZERO));
            entry.0 += 1;
            entry.1 = entry.1.saturating_add(inv.total);
        }
        groups
    });
    let items = groups
        .into_iter()
        .map(|((date, kind), (qty, total))| {
            json!({
                "InvoiceDate": date_value(date),
                "DeliveryType": kind,
                "InvoiceQty": qty,
                "TotalAmount": money(total),
            })
        })
        .collect();
    ok(paging.list(items))
}
