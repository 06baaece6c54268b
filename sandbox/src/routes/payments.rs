//! `submit_invoice_payment` and `retrieve_received_payments`.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::collection::DEFAULT_CURRENCY;
use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::collection::Parts;
use crate::state::ledger::{NewAllocation, PaymentSource};
use crate::state::{App, Inner, Payment, PaymentKind};
use crate::validate;
use crate::values::{date_value, money, text_of, today};

/// Days before today that `retrieve_received_payments` covers when no date range is given.
pub const DEFAULT_PAYMENT_WINDOW_DAYS: u64 = 30;

/// A payment to post on a sales invoice.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewPayment {
    pub kind: PaymentKind,
    pub date: NaiveDate,
    pub amount: Decimal,
    /// The invoice's `Currency` (else EUR) when `None`.
    pub currency: Option<String>,
    pub reference: Option<String>,
    pub method: Option<String>,
}

/// 402 message for a payment above the open amount.
pub(crate) fn over_payment(amount: Decimal, open: Decimal, key: &str) -> ApiError {
    ApiError::business(format!("Payment {} exceeds the open amount {} of invoice {key}", money(amount), money(open)))
}

/// Posts a payment on invoice `key` (404 unknown, 402 above the open amount): adds it to the
/// paid amount, updates the status, and records the payment and its allocated payment
/// transaction.
pub(crate) fn post(s: &mut Inner, key: &str, payment: NewPayment, today: NaiveDate) -> Result<(), ApiError> {
    let id = s.next_payment_id;
    let inv = super::invoices::find(s, key)?;
    let open = inv.open();
    if payment.amount > open {
        return Err(over_payment(payment.amount, open, key));
    }
    inv.paid += payment.amount;
    inv.settle_status(today);
    let currency = payment
        .currency
        .or_else(|| text_of(inv.data.get("Currency")).filter(|c| !c.trim().is_empty()))
        .unwrap_or_else(|| DEFAULT_CURRENCY.to_owned());
    let source = match payment.kind {
        PaymentKind::Invoice => PaymentSource::InvoicePayment,
        PaymentKind::Direct => PaymentSource::DirectPayment,
    };
    let allocation = NewAllocation {
        source,
        case_id: None,
        invoice_key: key.to_owned(),
        invoice_number: inv.number(),
        reference: inv.member("Reference"),
        payment_date: payment.date,
        parts: Parts { capital: payment.amount, ..Parts::default() },
        currency: currency.clone(),
    };
    s.next_payment_id = s.next_payment_id.saturating_add(1);
    s.payments.push(Payment {
        id,
        kind: payment.kind,
        invoice_key: key.to_owned(),
        date: payment.date,
        amount: payment.amount,
        currency,
        reference: payment.reference,
        method: payment.method,
    });
    s.allocate(allocation, today);
    Ok(())
}

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
    let reference = match body.get("PaymentReference") {
        None | Some(Value::Null) => None,
        Some(v @ (Value::String(_) | Value::Number(_))) => text_of(Some(v)).filter(|t| !t.trim().is_empty()),
        Some(_) => {
            errors.push(FieldError::new("PaymentReference", "must be a string"));
            None
        }
    };
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
        let payment = NewPayment {
            kind: PaymentKind::Invoice,
            date: date.unwrap_or(today),
            amount,
            currency,
            reference,
            method: None,
        };
        post(s, &key, payment, today)?;
        let inv = super::invoices::find(s, &key)?;
        let summary = json!({
            "InvoiceNumber": inv.number(),
            "Status": inv.status,
            "TotalAmount": money(inv.total),
            "PaidAmount": money(inv.paid),
            "OpenAmount": money(inv.open()),
        });
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

/// `Source` of a received payment: `Creditor` for payments posted on the invoice,
/// `DirectPayment` for direct payments.
fn source(kind: PaymentKind) -> &'static str {
    match kind {
        PaymentKind::Invoice => "Creditor",
        PaymentKind::Direct => "DirectPayment",
    }
}

/// Payments received (posted on invoices and direct payments), filtered by `invoiceNumber` and `dateFrom` / `dateTo` (inclusive, on
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
                    "Source": source(p.kind),
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}
