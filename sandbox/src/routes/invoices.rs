//! `create_invoice`, `create_invoice_with_seller_info`, `list_sales_invoices`,
//! `retrieve_invoice_status` and `update_invoice`.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::{App, Delivery, DeliveryStatus, Inner, StoredInvoice, STATUS_RECEIVED};
use crate::validate::{self, CheckedInvoice};
use crate::values::{date_value, decimal_of, invoice_key, money, parse_date, today};

/// A checked invoice as stored: status `Received`, delivery `Pending`.
pub(crate) fn received(checked: CheckedInvoice, today: NaiveDate) -> StoredInvoice {
    StoredInvoice {
        key: checked.key,
        data: checked.data,
        status: STATUS_RECEIVED,
        status_date: today,
        received_on: today,
        invoice_date: checked.invoice_date,
        total: checked.total,
        paid: Decimal::ZERO,
        delivery: Delivery { status: DeliveryStatus::Pending, date: None, channel: None, error: None },
    }
}

/// 402 message for an existing invoice number.
pub(crate) fn duplicate_message(key: &str) -> String {
    format!("InvoiceNumber {key} already exists")
}

/// `{ "SalesInvoice": [...] }`: all invoices are stored, or none (400 for malformed input, 402
/// for a number that exists or repeats).
pub(crate) fn create(app: &App, call: &Call, with_seller_info: bool) -> Reply {
    let body = call.json_object()?;
    let list = match body.get("SalesInvoice") {
        None | Some(Value::Null) => return Err(ApiError::field("SalesInvoice", "is required")),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(ApiError::field("SalesInvoice", "must be an array of invoices")),
    };
    if list.is_empty() {
        return Err(ApiError::field("SalesInvoice", "must contain at least one invoice"));
    }
    let mut errors = Vec::new();
    let mut checked = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let prefix = format!("SalesInvoice[{i}]");
        if let Some(invoice) = validate::invoice(value, &prefix, &mut errors) {
            checked.push(invoice);
        }
        if with_seller_info && value.is_object() && !value["SellerInfo"].is_object() {
            errors.push(FieldError::new(format!("{prefix}.SellerInfo"), "is required and must be an object"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let today = today();
    app.with(|s| {
        let mut seen = HashSet::new();
        for invoice in &checked {
            if s.contains(&invoice.key) {
                return Err(ApiError::business(duplicate_message(&invoice.key)));
            }
            if !seen.insert(invoice.key.as_str()) {
                return Err(ApiError::business(format!(
                    "InvoiceNumber {} appears more than once in the request",
                    invoice.key
                )));
            }
        }
        let mut results = Vec::new();
        for invoice in checked {
            let stored = received(invoice, today);
            results.push(json!({
                "InvoiceNumber": stored.number(),
                "Reference": stored.member("Reference"),
                "Status": stored.status,
            }));
            s.insert(stored);
        }
        ok(json!({
            "StatusDescription": "Received",
            "QtyOfInvoices": results.len(),
            "SalesInvoices": results,
        }))
    })
}

/// Stored invoices with their current `Status`, filtered by `invoiceNumber`, `status`,
/// `invoiceDateFrom` and `invoiceDateTo` (inclusive), paged.
pub(crate) fn list(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let status = q.get("status").map(str::to_owned);
    let from = q.date("invoiceDateFrom")?;
    let to = q.date("invoiceDateTo")?;
    let items = app.with(|s| {
        s.invoices()
            .iter()
            .filter(|inv| number.as_deref().is_none_or(|n| inv.key == n))
            .filter(|inv| status.as_deref().is_none_or(|st| inv.status.eq_ignore_ascii_case(st)))
            .filter(|inv| from.is_none_or(|f| inv.invoice_date >= f))
            .filter(|inv| to.is_none_or(|t| inv.invoice_date <= t))
            .map(StoredInvoice::listed)
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

fn not_found(key: &str) -> ApiError {
    ApiError::not_found(format!("Invoice {key} not found"))
}

/// Looks an invoice up or answers 404.
pub(crate) fn find<'a>(s: &'a mut Inner, key: &str) -> Result<&'a mut StoredInvoice, ApiError> {
    s.invoice_mut(key).ok_or_else(|| not_found(key))
}

/// The status and the paid / open amounts of one invoice.
pub(crate) fn status(app: &App, call: &Call) -> Reply {
    let key = call.invoice_key()?;
    app.with(|s| {
        let inv = find(s, &key)?;
        ok(json!({
            "InvoiceNumber": inv.number(),
            "Reference": inv.member("Reference"),
            "Status": inv.status,
            "StatusDate": date_value(inv.status_date),
            "TotalAmount": money(inv.total),
            "PaidAmount": money(inv.paid),
            "OpenAmount": money(inv.open()),
            "DueDate": inv.member("DueDate"),
        }))
    })
}

/// Merges the given members into the stored invoice (400 malformed, 404 unknown, 402 once
/// delivered or when the new total is below what is already paid).
pub(crate) fn update(app: &App, call: &Call) -> Reply {
    let key = call.invoice_key()?;
    let body = call.json_object()?;
    let mut errors = Vec::new();
    validate::update(&body, &mut errors);
    if let Some(given) = body.get("InvoiceNumber").and_then(invoice_key) {
        if given != key {
            errors.push(FieldError::new("InvoiceNumber", format!("cannot be changed (the path names invoice {key})")));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let new_total = body.get("TotalAmount").and_then(decimal_of);
    let new_date = body.get("InvoiceDate").and_then(Value::as_str).and_then(parse_date);
    let today = today();
    app.with(|s| {
        let inv = find(s, &key)?;
        if inv.delivery.status == DeliveryStatus::Delivered {
            return Err(ApiError::business(format!("Invoice {key} has been delivered and can no longer be updated")));
        }
        if let Some(total) = new_total {
            if total < inv.paid {
                return Err(ApiError::business(format!(
                    "TotalAmount {total} is below the amount already paid ({}) on invoice {key}",
                    inv.paid
                )));
            }
        }
        let mut updated = Vec::new();
        for (name, value) in body {
            updated.push(Value::String(name.clone()));
            inv.data.insert(name, value);
        }
        if let Some(total) = new_total {
            inv.total = total;
            inv.settle_status(today);
        }
        if let Some(date) = new_date {
            inv.invoice_date = date;
        }
        ok(json!({
            "InvoiceNumber": inv.number(),
            "StatusDescription": "Updated",
            "UpdatedFields": updated,
        }))
    })
}
