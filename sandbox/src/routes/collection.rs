//! `create_collection_cases`, `retrieve_case_batch_status`, `retrieve_collection_case` and
//! `retrieve_debtor_summary`.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::{collection_batches, ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::collection::{BatchItem, Case, CaseReceivable, CollectionBatchKind, NewCase, Parts, Pending, Stage};
use crate::state::{App, Inner};
use crate::values::{date_value, money};

/// Currency of a receivable that names none.
pub(crate) const DEFAULT_CURRENCY: &str = "EUR";

/// Debtor members that must be text when present (besides `Name` and `DebtorType`).
const DEBTOR_TEXTS: &[&str] = &[
    "BusinessId",
    "PersonalIdentityNumber",
    "CustomerCode",
    "StreetAddress",
    "PostalCode",
    "City",
    "Country",
    "Email",
    "Phone",
    "LanguageCode",
];

/// `CaseList { Cases: [Case] }`: every case is checked at once (400 naming the field); the
/// batch then opens the cases (a receivable whose InvoiceNumber already has a case is
/// Rejected). `QtyOfItems` counts receivables, one `BatchStatus` item each.
pub(crate) fn create(app: &Arc<App>, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Cases")?;
    let mut errors = Vec::new();
    let mut cases = Vec::new();
    for (path, obj) in &items {
        if let Some(case) = check_case(path, obj, &mut errors) {
            cases.push(case);
        }
    }
    finish(errors)?;
    let qty = cases.iter().map(|c| c.receivables.len()).sum();
    collection_batches::submit(app, CollectionBatchKind::Cases, Pending::Cases(cases), qty)
}

fn check_case(path: &str, obj: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<NewCase> {
    let before = errors.len();
    let f = Fields::new(obj, path);
    let debtor = f.object("Debtor", Need::Required, errors);
    if let Some(debtor) = debtor {
        let debtor_path = f.path("Debtor");
        let d = Fields::new(debtor, &debtor_path);
        d.text("Name", Need::Required, errors);
        if let Some(kind) = d.text("DebtorType", Need::Optional, errors) {
            if kind != "Person" && kind != "Company" {
                errors.push(FieldError::new(d.path("DebtorType"), format!("must be Person or Company, not {kind}")));
            }
        }
        d.texts(DEBTOR_TEXTS, errors);
    }
    f.texts(&["Description"], errors);
    for (param_path, param) in f.objects("CustomParameters", Need::Optional, errors) {
        let p = Fields::new(param, &param_path);
        p.text("Name", Need::Required, errors);
        p.texts(&["Value"], errors);
    }
    let listed = f.objects("Receivables", Need::Required, errors);
    if obj.get("Receivables").and_then(Value::as_array).is_some_and(Vec::is_empty) {
        errors.push(FieldError::new(f.path("Receivables"), "must contain at least one receivable"));
    }
    let receivables: Vec<CaseReceivable> =
        listed.iter().filter_map(|(rpath, r)| check_receivable(rpath, r, errors)).collect();
    if errors.len() > before {
        return None;
    }
    Some(NewCase { debtor: debtor?.clone(), receivables })
}

fn check_receivable(path: &str, obj: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<CaseReceivable> {
    let before = errors.len();
    let f = Fields::new(obj, path);
    let key = f.code("InvoiceNumber", Need::Required, errors);
    f.date("InvoiceDate", Need::Optional, errors);
    let due_date = f.date("DueDate", Need::Required, errors);
    let capital = f.non_negative("CapitalAmount", Need::Required, errors);
    let interest = f.non_negative("InterestAmount", Need::Optional, errors).unwrap_or_default();
    let costs = f.non_negative("CostsAmount", Need::Optional, errors).unwrap_or_default();
    let currency = f.text("Currency", Need::Optional, errors).unwrap_or_else(|| DEFAULT_CURRENCY.to_owned());
    f.texts(&["Reference", "Description"], errors);
    let payment_date = f.date("PaymentDate", Need::Optional, errors);
    let paid = f.non_negative("PaidAmount", Need::Optional, errors).unwrap_or_default();
    let amounts = Parts { capital: capital.unwrap_or_default(), interest, costs };
    if paid > amounts.total() {
        errors.push(FieldError::new(
            f.path("PaidAmount"),
            format!("must not exceed the receivable's total {}", money(amounts.total())),
        ));
    }
    if errors.len() > before {
        return None;
    }
    Some(CaseReceivable {
        key: key?,
        number: obj.get("InvoiceNumber").cloned().unwrap_or(Value::Null),
        reference: obj.get("Reference").cloned().unwrap_or(Value::Null),
        currency,
        due_date: due_date?,
        amounts,
        paid: amounts.allocate(paid),
        latest_payment: if paid > Decimal::ZERO { payment_date } else { None },
    })
}

/// Opens the cases of a processed batch: one item per receivable; a case is opened (stage
/// Reminder) with its accepted receivables, if it has any.
pub(crate) fn open_cases(s: &mut Inner, cases: Vec<NewCase>) -> Vec<BatchItem> {
    let mut items: Vec<BatchItem> = Vec::new();
    for case in cases {
        let id = s.next_case_id;
        let mut accepted: Vec<CaseReceivable> = Vec::new();
        for r in case.receivables {
            let line_number = items.len() as u64 + 1;
            let existing = s
                .case_receivable(&r.key)
                .and_then(|(c, _)| s.cases.get(c))
                .map(|c| c.id)
                .or_else(|| accepted.iter().any(|a| a.key == r.key).then_some(id));
            let (case_id, accepted_now, message) = match existing {
                Some(other) => (None, false, format!("InvoiceNumber {} already has case {other}", r.key)),
                None => (Some(id), true, "Accepted".to_owned()),
            };
            items.push(BatchItem {
                line_number,
                invoice_number: r.number.clone(),
                reference: r.reference.clone(),
                case_id,
                accepted: accepted_now,
                message,
            });
            if accepted_now {
                accepted.push(r);
            }
        }
        if !accepted.is_empty() {
            s.next_case_id = s.next_case_id.saturating_add(1);
            s.cases.push(Case {
                id,
                debtor: case.debtor,
                receivables: accepted,
                stage: Stage::Reminder,
                closed: false,
                credit_loss_on: None,
            });
        }
    }
    items
}

/// `BatchStatus` of a case batch.
pub(crate) fn batch_status(app: &App, call: &Call) -> Reply {
    collection_batches::status(app, call, CollectionBatchKind::Cases)
}

/// `CaseInvoiceExtended` of one receivable of a case.
fn extended(case: &Case, r: &CaseReceivable) -> Value {
    let outstanding = r.outstanding();
    json!({
        "CaseId": case.id,
        "InvoiceNumber": r.number,
        "Reference": r.reference,
        "Status": case.status(),
        "Stage": case.stage.as_str(),
        "DebtorName": case.debtor_name(),
        "CapitalAmount": money(r.amounts.capital),
        "OutstandingCapitalAmount": money(outstanding.capital),
        "OutstandingTotalAmount": money(outstanding.total()),
        "LatestPaymentDate": r.latest_payment.map(date_value),
    })
}

/// One `CaseInvoiceExtended` per receivable, filtered by `caseId` (404 when unknown),
/// `invoiceNumber` and `reference`, in case order, paged.
pub(crate) fn retrieve(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let case_id = q.id("caseId")?;
    let number = q.invoice_key();
    let reference = q.get("reference").map(str::to_owned);
    app.with(|s| {
        if let Some(id) = case_id {
            if s.case(id).is_none() {
                return Err(ApiError::not_found(format!("Case {id} not found")));
            }
        }
        let items: Vec<Value> = s
            .cases
            .iter()
            .filter(|c| case_id.is_none_or(|id| c.id == id))
            .flat_map(|c| {
                c.receivables
                    .iter()
                    .filter(|r| number.as_deref().is_none_or(|n| r.key == n))
                    .filter(|r| reference.as_deref().is_none_or(|want| r.reference_text().as_deref() == Some(want)))
                    .map(move |r| extended(c, r))
            })
            .collect();
        ok(paging.list(items))
    })
}

/// Cases per debtor (`debtorIdentifier` = BusinessId, else PersonalIdentityNumber, else
/// CustomerCode, else Name), in order of each debtor's first case; outstanding amounts count
/// open cases only.
pub(crate) fn debtor_summary(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let wanted = q.get("debtorIdentifier").map(str::to_owned);
    struct Summary {
        name: Value,
        identifier: String,
        cases: usize,
        open: usize,
        outstanding: Parts,
    }
    let summaries = app.with(|s| {
        let mut summaries: Vec<Summary> = Vec::new();
        for case in &s.cases {
            let identifier = case.debtor_identifier();
            if wanted.as_deref().is_some_and(|w| w != identifier) {
                continue;
            }
            let position = match summaries.iter().position(|x| x.identifier == identifier) {
                Some(p) => p,
                None => {
                    summaries.push(Summary {
                        name: case.debtor_name(),
                        identifier,
                        cases: 0,
                        open: 0,
                        outstanding: Parts::default(),
                    });
                    summaries.len() - 1
                }
            };
            if let Some(summary) = summaries.get_mut(position) {
                summary.cases += 1;
                if !case.closed {
                    summary.open += 1;
                    summary.outstanding = summary.outstanding.plus(case.outstanding());
                }
            }
        }
        summaries
    });
    let items = summaries
        .into_iter()
        .map(|x| {
            json!({
                "DebtorName": x.name,
                "DebtorIdentifier": x.identifier,
                "CaseCount": x.cases,
                "OpenCaseCount": x.open,
                "OutstandingCapitalAmount": money(x.outstanding.capital),
                "OutstandingTotalAmount": money(x.outstanding.total()),
            })
        })
        .collect();
    ok(paging.list(items))
}
