//! `submit_invoice_payment` and `retrieve_received_payments`.

use chrono::Days;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::{App, Payment};
use crate::validate;
use crate::values::{date_value, money, text_of, today};

/// Days before today that `retrieve_received_payments` covers when no date range is given.
pub const DEFAULT_PAYMENT_WINDOW_DAYS: u64 = 30;

/// `SalesInvoicePayment { PaymentDate, Amount, Currency, PaymentReference }`: adds to the paid
/// amount (402 beyond the open amount) and sets `PartiallyPaid` / `Paid`.
pub(crate) fn submit(app: &App, call: &Call) -> Reply {
    let key = call.invoice_key()?;
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let amount = match body.get("Amount") {
        None | Some(Value::Null) => {
            errors.push(FieldError::new("Amount", "is required"));
            None
        }
        Some(v) => validate::amount(v, "Amount", "", &mut errors),
    };
    if let Some(a) = amount {
        if a <= Decimal::ZERO {
            errors.push(FieldError::new("Amount", "must be greater than zero"));
        }
    }
    let date = validate::optional_date(body.get("PaymentDate"), "PaymentDate", &mut errors);
    let currency = match body.get("Currency") {
        None | Some(Value::Null) => None,
        Some(Value::String(c)) if !c.trim().is_empty() => Some(c.trim().to_owned()),
        Some(_) => {
            errors.push(FieldError::new("Currency", "must be a currency code such as EUR"));
            None
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let Some(amount) = amount else {
        return Err(ApiError::field("Amount", "is required"));
    };
    let today = today();
    app.with(|s| {
        let id = s.next_payment_id;
        let inv = super::invoices::find(s, &key)?;
        let open = inv.open();
        if amount > open {
            return Err(ApiError::business(format!(
                "Payment {} exceeds the open amount {} of invoice {key}",
                money(amount),
                money(open)
            )));
        }
        inv.paid += amount;
        inv.settle_status(today);
        let currency = currency.or_else(|| text_of(inv.data.get("Currency"))).unwrap_or_else(|| "EUR".to_owned());
        let summary = json!({
            "InvoiceNumber": inv.number(),
            "Status": inv.status,
            "TotalAmount": money(inv.total),
            "PaidAmount": money(inv.paid),
            "OpenAmount": money(inv.open()),
        });
        s.next_payment_id += 1;
        s.payments.push(Payment { id, invoice_key: key.clone(), date: date.unwrap_or(today), amount, currency });
        let payments: Vec<Value> = s
            .payments
            .iter()
            .filter(|p| p.invoice_key == key)
            .map(|p| {
                json!({
                    "PaymentId": p.id,
                    "PaymentDate": date_value(p.date),
                    "Amount": money(p.amount),
                })
            })
            .collect();
        let mut reply = summary;
        reply["Payments"] = Value::Array(payments);
        ok(reply)
    })
}

/// Payments received, filtered by `invoiceNumber` and `dateFrom` / `dateTo` (inclusive, on
/// `PaymentDate`); with neither date given, the last 30 days up to today. Paged.
pub(crate) fn received(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let mut from = q.date("dateFrom")?;
    let mut to = q.date("dateTo")?;
    if from.is_none() && to.is_none() {
        let today = today();
        from = today.checked_sub_days(Days::new(DEFAULT_PAYMENT_WINDOW_DAYS));
        to = Some(today);
    }
    let items = app.with(|s| {
        s.payments
            .iter()
            .filter(|p| number.as_deref().is_none_or(|n| p.invoice_key == n))
            .filter(|p| from.is_none_or(|f| p.date >= f))
            .filter(|p| to.is_none_or(|t| p.date <= t))
            .map(|p| {
                let invoice = s.invoice(&p.invoice_key);
                json!({
                    "PaymentId": p.id,
                    "InvoiceNumber": invoice.map(|i| i.number()).unwrap_or_else(|| Value::String(p.invoice_key.clone())),
                    "Reference": invoice.map(|i| i.member("Reference")).unwrap_or(Value::Null),
                    "PaymentDate": date_value(p.date),
                    "Amount": money(p.amount),
                    "Currency": p.currency,
                    "Source": "Creditor",
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}
