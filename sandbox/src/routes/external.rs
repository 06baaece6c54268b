//! External invoices: `retrieve_external_delivery_information`,
//! `retrieve_external_payment_information`, `submit_invoice_action` and
//! `retrieve_agreement_status` (`create_direct_payment` is in [`super::direct_payments`]).

use serde_json::{json, Value};

use super::delivery::{delivery_type, record_date};
use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::{App, InvoiceAction, PaymentKind, StoredInvoice};
use crate::values::{date_value, money, text_of};

/// The CFIS action codes `submit_invoice_action` accepts.
pub const ACTION_CODES: &[&str] = &["COMMENT", "WITHDRAW", "DUEDATE", "PAYMENTPLAN", "OBJECTION", "PAUSE"];
/// `AgreementIdentifier` for the sandbox's configured creditor keys.
pub const SANDBOX_AGREEMENT: &str = "SANDBOX-AGREEMENT";
/// `ServiceType` of an agreement that names none.
pub const DEFAULT_SERVICE_TYPE: &str = "LIFECYCLE";

/// `SalesName`, else `BillingName`, else `DeliveryName`.
fn buyer_name(inv: &StoredInvoice) -> Value {
    ["SalesName", "BillingName", "DeliveryName"]
        .iter()
        .filter_map(|name| inv.data.get(*name))
        .find(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
        .cloned()
        .unwrap_or(Value::Null)
}

fn external_rows(inv: &StoredInvoice) -> Vec<Value> {
    let rows = inv.data.get("InvoiceRows").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    rows.iter()
        .map(|row| {
            let member = |name: &str| row.get(name).cloned().unwrap_or(Value::Null);
            json!({
                "Description": member("Description"),
                "Qty": member("Qty"),
                "Price": member("Price"),
                "VatPercent": member("VatPercent"),
                "Total": member("Total"),
            })
        })
        .collect()
}

/// `IntermediatorInvoice` of one stored sales invoice.
pub(crate) fn intermediator_invoice(inv: &StoredInvoice) -> Value {
    json!({
        "InvoiceNumber": inv.number(),
        "InvoiceDate": date_value(inv.invoice_date),
        "BuyerName": buyer_name(inv),
        "TotalAmount": money(inv.total),
        "DeliveryType": delivery_type(inv),
        "DeliveryStatus": inv.delivery.status.as_str(),
        "DeliveryDate": inv.delivery.date.map(date_value),
        "Rows": external_rows(inv),
    })
}

/// Every stored sales invoice as an `IntermediatorInvoice`, filtered like
/// `retrieve_invoice_delivery_information` (`invoiceNumber`; `dateFrom` / `dateTo` on the
/// delivery date, or the day received while pending), paged.
pub(crate) fn delivery_information(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let range = q.window("dateFrom", "dateTo", None)?;
    let items = app.with(|s| {
        s.invoices()
            .iter()
            .filter(|inv| number.as_deref().is_none_or(|n| inv.key == n))
            .filter(|inv| range.contains(record_date(inv)))
            .map(intermediator_invoice)
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Payments on sales invoices (posted on the invoice, and direct payments), filtered by
/// `invoiceNumber` and `dateFrom` / `dateTo` on the payment date (no default window), paged.
pub(crate) fn payment_information(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let number = q.invoice_key();
    let range = q.window("dateFrom", "dateTo", None)?;
    let items = app.with(|s| {
        s.payments
            .iter()
            .filter(|p| number.as_deref().is_none_or(|n| p.invoice_key == n))
            .filter(|p| range.contains(p.date))
            .map(|p| {
                let invoice = s.invoice(&p.invoice_key);
                let reference = match &p.reference {
                    Some(r) => Value::String(r.clone()),
                    None => invoice.map(|i| i.member("Reference")).unwrap_or(Value::Null),
                };
                let method = p.method.clone().unwrap_or_else(|| {
                    match p.kind {
                        PaymentKind::Invoice => "Bank Transfer",
                        PaymentKind::Direct => "Direct payment",
                    }
                    .to_owned()
                });
                json!({
                    "PaymentId": p.id,
                    "InvoiceNumber": invoice.map(StoredInvoice::number).unwrap_or_else(|| Value::String(p.invoice_key.clone())),
                    "Reference": reference,
                    "PaymentDate": date_value(p.date),
                    "Amount": money(p.amount),
                    "PaymentMethod": method,
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// A `CaseId` member: a non-negative integer (or its digits as a string).
fn case_id(f: &Fields<'_>, errors: &mut Vec<FieldError>) -> Option<u64> {
    let value = f.value("CaseId", Need::Optional, errors)?;
    let id = text_of(Some(value)).and_then(|t| t.trim().parse::<u64>().ok());
    if id.is_none() {
        errors.push(FieldError::new(f.path("CaseId"), format!("must be a case id (an integer), not {value}")));
    }
    id
}

/// `ExternalInvoiceActions { Actions: [ { Code, Comment, InvoiceNumber, CaseId, DueDate } ] }`:
/// every action is checked (400 naming the field: unknown code, DUEDATE without DueDate), its
/// invoice (a sales invoice or a case receivable) and case must exist (404); all are then
/// queued as Pending.
pub(crate) fn actions(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Actions")?;
    let mut errors = Vec::new();
    let mut actions = Vec::new();
    for (path, obj) in &items {
        let before = errors.len();
        let f = Fields::new(obj, path);
        let code = f.text("Code", Need::Required, &mut errors).map(|c| c.to_ascii_uppercase());
        if let Some(c) = &code {
            if !ACTION_CODES.contains(&c.as_str()) {
                errors.push(FieldError::new(
                    f.path("Code"),
                    format!("must be one of {}, not {c}", ACTION_CODES.join(", ")),
                ));
            }
        }
        let comment = f.text("Comment", Need::Optional, &mut errors);
        let invoice = f.code("InvoiceNumber", Need::Required, &mut errors);
        let case = case_id(&f, &mut errors);
        let due_date = f.date("DueDate", Need::Optional, &mut errors);
        if code.as_deref() == Some("DUEDATE") && obj.get("DueDate").is_none_or(Value::is_null) {
            errors.push(FieldError::new(f.path("DueDate"), "is required for action code DUEDATE"));
        }
        if let (Some(code), Some(invoice_key), true) = (code, invoice, errors.len() == before) {
            let number = obj.get("InvoiceNumber").cloned().unwrap_or(Value::Null);
            actions.push((number, InvoiceAction { code, invoice_key, case_id: case, comment, due_date }));
        }
    }
    finish(errors)?;
    app.with(|s| {
        for (_, action) in &actions {
            let key = &action.invoice_key;
            if !s.contains(key) && s.case_receivable(key).is_none() {
                return Err(ApiError::not_found(format!("Invoice {key} not found")));
            }
            if let Some(id) = action.case_id {
                if s.case(id).is_none() {
                    return Err(ApiError::not_found(format!("Case {id} not found")));
                }
            }
        }
        let listed: Vec<Value> = actions
            .iter()
            .map(|(number, a)| json!({ "Code": a.code, "InvoiceNumber": number, "Status": "Pending" }))
            .collect();
        s.actions.extend(actions.into_iter().map(|(_, a)| a));
        ok(json!({ "StatusDescription": "Received", "QtyOfActions": listed.len(), "Actions": listed }))
    })
}

/// The agreement of the calling creditor: a creditor registered by the partner answers with
/// its own identifier, registration day and service type; the configured keys with
/// `SANDBOX-AGREEMENT`, the day the sandbox started and `LIFECYCLE`.
pub(crate) fn agreement_status(app: &App, call: &Call) -> Reply {
    app.with(|s| {
        let (identifier, valid_from, service) = match s.creditors.iter().find(|c| c.api_key == call.api_key) {
            Some(c) => (c.agreement_identifier(), c.registered_on, c.service_type.clone()),
            None => (SANDBOX_AGREEMENT.to_owned(), s.started_on, DEFAULT_SERVICE_TYPE.to_owned()),
        };
        ok(json!({
            "AgreementIdentifier": identifier,
            "Status": "Active",
            "ValidFrom": date_value(valid_from),
            "ServiceType": service,
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_codes_are_the_cfis_ones_without_directpayment() {
        assert_eq!(ACTION_CODES.len(), 6);
        assert!(!ACTION_CODES.contains(&"DIRECTPAYMENT"));
    }
}
