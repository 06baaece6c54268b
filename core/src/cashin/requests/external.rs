//! External (intermediation) invoice operations.

use super::{check_range, fail_on, op, paged, require_positive, require_present, require_text};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::validate::Violation;
use crate::Result;

fn invoice_window(id: &str, query: &InvoiceQuery) -> Result<Call> {
    check_range(query.date_from, query.date_to)?;
    let call = Call::new(op(id)?)
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("dateFrom", query.date_from)
        .query("dateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// "Retrieve delivery information" of intermediated invoices, with their rows.
pub fn retrieve_external_delivery_information(query: &InvoiceQuery) -> Result<Call> {
    invoice_window(ids::retrieve_external_delivery_information, query)
}

/// "Retrieve payment information" of intermediated invoices.
pub fn retrieve_external_payment_information(query: &InvoiceQuery) -> Result<Call> {
    invoice_window(ids::retrieve_external_payment_information, query)
}

/// "Create an direct payment": each needs an invoice number, a date and a positive amount.
pub fn create_direct_payment(payments: &IntermediationInvoiceDirectPayments) -> Result<Call> {
    let mut v = Vec::new();
    if payments.direct_payments.is_empty() {
        v.push(Violation::error("/DirectPayments", "required", "at least one payment is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, p) in payments.direct_payments.iter().enumerate() {
        let path = format!("/DirectPayments/{i}");
        require_present(&mut v, &format!("{path}/InvoiceNumber"), p.invoice_number.as_ref());
        require_present(&mut v, &format!("{path}/PaymentDate"), p.payment_date.as_ref());
        require_positive(&mut v, &format!("{path}/Amount"), p.amount);
        keys.invoice_numbers.extend(p.invoice_number.clone());
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::create_direct_payment)?).json(payments)?.keys(keys))
}

/// "Submit an invoice action": each needs a code and an invoice number; `DUEDATE` needs a due date.
pub fn submit_invoice_action(actions: &ExternalInvoiceActions) -> Result<Call> {
    let mut v = Vec::new();
    if actions.actions.is_empty() {
        v.push(Violation::error("/Actions", "required", "at least one action is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, a) in actions.actions.iter().enumerate() {
        let path = format!("/Actions/{i}");
        require_present(&mut v, &format!("{path}/Code"), a.code.as_ref());
        require_present(&mut v, &format!("{path}/InvoiceNumber"), a.invoice_number.as_ref());
        if a.code == Some(InvoiceActionCode::DueDate) && a.due_date.is_none() {
            v.push(Violation::error(format!("{path}/DueDate"), "required", "a DUEDATE action needs DueDate"));
        }
        if let Some(InvoiceActionCode::Other(code)) = &a.code {
            v.push(Violation::warning(
                format!("{path}/Code"),
                "code.unknown",
                format!("{code:?} is not a documented action code"),
            ));
        }
        if a.code == Some(InvoiceActionCode::Comment) {
            require_text(&mut v, &format!("{path}/Comment"), a.comment.as_deref());
        }
        keys.invoice_numbers.extend(a.invoice_number.clone());
    }
    fail_on(v.iter().filter(|x| x.is_error()).cloned().collect())?;
    Ok(Call::new(op(ids::submit_invoice_action)?).json(actions)?.keys(keys))
}

/// "Retrieve status of the agreement".
pub fn retrieve_agreement_status() -> Result<Call> {
    Ok(Call::new(op(ids::retrieve_agreement_status)?))
}
