//! `create_direct_payment`: payments the creditor received directly on its sales invoices.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde_json::json;

use super::payments::{over_payment, post, NewPayment};
use super::{ok, Call, Reply};
use crate::errors::ApiError;
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::{App, PaymentKind};
use crate::values::{text_of, today};

/// `IntermediationInvoiceDirectPayments { DirectPayments: [ { InvoiceNumber, PaymentDate,
/// Amount, PaymentMethod, Reference } ] }`: all are posted, or none (400 malformed, 404 unknown
/// invoice, 402 when the payments of one invoice exceed its open amount).
pub(crate) fn create(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "DirectPayments")?;
    let mut errors = Vec::new();
    let mut payments = Vec::new();
    let today = today();
    for (path, obj) in &items {
        let before = errors.len();
        let f = Fields::new(obj, path);
        let key = f.code("InvoiceNumber", Need::Required, &mut errors);
        let date = f.date("PaymentDate", Need::Optional, &mut errors);
        let amount = f.positive("Amount", Need::Required, &mut errors);
        let method = f.text("PaymentMethod", Need::Optional, &mut errors);
        let currency = f.text("Currency", Need::Optional, &mut errors);
        f.texts(&["Reference"], &mut errors);
        let reference = text_of(obj.get("Reference")).map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
        if let (Some(key), Some(amount), true) = (key, amount, errors.len() == before) {
            let payment = NewPayment {
                kind: PaymentKind::Direct,
                date: date.unwrap_or(today),
                amount,
                currency,
                reference,
                method,
            };
            payments.push((key, payment));
        }
    }
    finish(errors)?;
    app.with(|s| {
        let mut planned: HashMap<&str, Decimal> = HashMap::new();
        for (key, payment) in &payments {
            let open = s.invoice(key).ok_or_else(|| ApiError::not_found(format!("Invoice {key} not found")))?.open();
            let sum = planned.entry(key.as_str()).or_default();
            *sum = sum.saturating_add(payment.amount);
            if *sum > open {
                return Err(over_payment(*sum, open, key));
            }
        }
        let qty = payments.len();
        for (key, payment) in payments {
            post(s, &key, payment, today)?;
        }
        ok(json!({ "StatusDescription": "Received", "QtyOfPayments": qty }))
    })
}
