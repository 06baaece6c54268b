//! `update_collection_receivables` and `retrieve_collection_receivables_status`.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::Value;

use super::{collection_batches, Call, Reply};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::collection::{BatchItem, CollectionBatchKind, Pending, ReceivablePayment};
use crate::state::ledger::{NewAllocation, PaymentSource};
use crate::state::{App, Inner};
use crate::values::money;

/// `ReceivablesList { Receivables: [Receivable with InvoiceNumber, PaymentDate, PaidAmount] }`:
/// payments the creditor received directly. Checked at once (400 naming the field), applied
/// by the batch.
pub(crate) fn update(app: &Arc<App>, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Receivables")?;
    let mut errors = Vec::new();
    let mut payments = Vec::new();
    for (path, obj) in &items {
        let before = errors.len();
        let f = Fields::new(obj, path);
        let key = f.code("InvoiceNumber", Need::Required, &mut errors);
        let date = f.date("PaymentDate", Need::Required, &mut errors);
        let amount = f.positive("PaidAmount", Need::Required, &mut errors);
        f.texts(&["Reference", "Currency", "Description"], &mut errors);
        if let (Some(key), Some(date), Some(amount), true) = (key, date, amount, errors.len() == before) {
            payments.push(ReceivablePayment {
                key,
                number: obj.get("InvoiceNumber").cloned().unwrap_or(Value::Null),
                reference: obj.get("Reference").cloned().unwrap_or(Value::Null),
                date,
                amount,
            });
        }
    }
    finish(errors)?;
    let qty = payments.len();
    collection_batches::submit(app, CollectionBatchKind::Receivables, Pending::Receivables(payments), qty)
}

/// Applies the payments of a processed batch, one item each: the amount goes to the
/// receivable's capital, then interest, then costs, and becomes an allocated payment
/// transaction. Unknown invoice numbers, closed cases and amounts above what is outstanding
/// are Rejected.
pub(crate) fn apply(s: &mut Inner, payments: Vec<ReceivablePayment>, today: NaiveDate) -> Vec<BatchItem> {
    let mut items = Vec::new();
    for (i, p) in payments.into_iter().enumerate() {
        let mut item = BatchItem {
            line_number: i as u64 + 1,
            invoice_number: p.number.clone(),
            reference: p.reference.clone(),
            case_id: None,
            accepted: false,
            message: String::new(),
        };
        let outcome = match s.case_receivable(&p.key) {
            None => Err(format!("InvoiceNumber {} has no collection case", p.key)),
            Some((c, r)) => pay(s, c, r, &p, &mut item),
        };
        match outcome {
            Ok(allocation) => {
                s.allocate(allocation, today);
                item.accepted = true;
                item.message = "Accepted".to_owned();
            }
            Err(message) => item.message = message,
        }
        items.push(item);
    }
    items
}

/// Pays receivable `r` of case `c` (by index); the allocation to record, or why not.
fn pay(
    s: &mut Inner,
    c: usize,
    r: usize,
    p: &ReceivablePayment,
    item: &mut BatchItem,
) -> Result<NewAllocation, String> {
    let unknown = || format!("InvoiceNumber {} has no collection case", p.key);
    let case = s.cases.get_mut(c).ok_or_else(unknown)?;
    let case_id = case.id;
    item.case_id = Some(case_id);
    if case.closed {
        return Err(format!("Case {case_id} is closed"));
    }
    let rec = case.receivables.get_mut(r).ok_or_else(unknown)?;
    let outstanding = rec.outstanding();
    if p.amount > outstanding.total() {
        return Err(format!(
            "PaidAmount {} exceeds the outstanding amount {} of InvoiceNumber {}",
            money(p.amount),
            money(outstanding.total()),
            p.key
        ));
    }
    let parts = outstanding.allocate(p.amount);
    rec.paid = rec.paid.plus(parts);
    rec.latest_payment = Some(rec.latest_payment.map_or(p.date, |d| d.max(p.date)));
    if item.reference.is_null() {
        item.reference = rec.reference.clone();
    }
    Ok(NewAllocation {
        source: PaymentSource::ReceivableUpdate,
        case_id: Some(case_id),
        invoice_key: rec.key.clone(),
        invoice_number: rec.number.clone(),
        reference: rec.reference.clone(),
        payment_date: p.date,
        parts,
        currency: rec.currency.clone(),
    })
}

/// `BatchStatus` of a receivables batch.
pub(crate) fn batch_status(app: &App, call: &Call) -> Reply {
    collection_batches::status(app, call, CollectionBatchKind::Receivables)
}
