//! Collection operations: cases, receivables, settlements, credit losses, allocations.

use super::{check_range, check_with, fail_on, op, paged, require_positive, require_present, require_text};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::fi;
use crate::model::Identifier;
use crate::validate::Violation;
use crate::Result;

/// "Create Collection Cases": every case needs a debtor with a name and receivables with an
/// invoice number, a due date and a positive capital.
pub fn create_collection_cases(cases: &CaseList) -> Result<Call> {
    let mut v = Vec::new();
    if cases.cases.is_empty() {
        v.push(Violation::error("/Cases", "required", "at least one case is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, case) in cases.cases.iter().enumerate() {
        let p = format!("/Cases/{i}");
        match &case.debtor {
            None => v.push(Violation::error(format!("{p}/Debtor"), "required", "Debtor is required")),
            Some(debtor) => {
                require_text(&mut v, &format!("{p}/Debtor/Name"), debtor.name.as_deref());
                check_with(
                    &mut v,
                    &format!("{p}/Debtor/BusinessId"),
                    debtor.business_id.as_deref(),
                    fi::validate_ytunnus,
                );
                check_with(
                    &mut v,
                    &format!("{p}/Debtor/PersonalIdentityNumber"),
                    debtor.personal_identity_number.as_deref(),
                    |s| fi::validate_hetu(s, false),
                );
            }
        }
        let receivables = case.receivables.as_deref().unwrap_or(&[]);
        if receivables.is_empty() {
            v.push(Violation::error(format!("{p}/Receivables"), "required", "a case needs at least one receivable"));
        }
        for (j, r) in receivables.iter().enumerate() {
            let rp = format!("{p}/Receivables/{j}");
            require_present(&mut v, &format!("{rp}/InvoiceNumber"), r.invoice_number.as_ref());
            require_present(&mut v, &format!("{rp}/DueDate"), r.due_date.as_ref());
            require_positive(&mut v, &format!("{rp}/CapitalAmount"), r.capital_amount);
            check_with(&mut v, &format!("{rp}/Reference"), r.reference.as_deref(), fi::validate_reference);
            if let (Some(invoice_date), Some(due)) = (r.invoice_date, r.due_date) {
                if due < invoice_date {
                    v.push(Violation::error(
                        format!("{rp}/DueDate"),
                        "date.due_before_invoice",
                        format!("DueDate {due} is before InvoiceDate {invoice_date}"),
                    ));
                }
            }
            keys.invoice_numbers.extend(r.invoice_number.clone());
            keys.references.extend(r.reference.clone());
        }
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::create_collection_cases)?).json(cases)?.keys(keys))
}

/// "Update Collection Receivables": payments the creditor received directly.
pub fn update_collection_receivables(receivables: &ReceivablesList) -> Result<Call> {
    let mut v = Vec::new();
    if receivables.receivables.is_empty() {
        v.push(Violation::error("/Receivables", "required", "at least one receivable is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, r) in receivables.receivables.iter().enumerate() {
        let p = format!("/Receivables/{i}");
        require_present(&mut v, &format!("{p}/InvoiceNumber"), r.invoice_number.as_ref());
        require_present(&mut v, &format!("{p}/PaymentDate"), r.payment_date.as_ref());
        require_positive(&mut v, &format!("{p}/PaidAmount"), r.paid_amount);
        keys.invoice_numbers.extend(r.invoice_number.clone());
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::update_collection_receivables)?).json(receivables)?.keys(keys))
}

/// "Retrieve Collection Receivables Status" of a receivables batch.
pub fn retrieve_collection_receivables_status(batch_id: u64) -> Result<Call> {
    Ok(Call::new(op(ids::retrieve_collection_receivables_status)?).path("batchId", batch_id))
}

/// "Retrieve Case Batch Status" of a case batch.
pub fn retrieve_case_batch_status(batch_id: u64) -> Result<Call> {
    Ok(Call::new(op(ids::retrieve_case_batch_status)?).path("batchId", batch_id))
}

/// "Retrieve collection case": by case id, invoice number or reference.
pub fn retrieve_collection_case(query: &CaseQuery) -> Result<Call> {
    let call = Call::new(op(ids::retrieve_collection_case)?)
        .query("caseId", query.case_id.as_ref())
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("reference", query.reference.as_ref());
    Ok(paged(call, query.page))
}

/// "Retrieve debtor summary".
pub fn retrieve_debtor_summary(debtor_identifier: Option<&str>, page: PageRequest) -> Result<Call> {
    Ok(paged(Call::new(op(ids::retrieve_debtor_summary)?).query("debtorIdentifier", debtor_identifier), page))
}

fn dated(id: &str, query: &DateRangeQuery) -> Result<Call> {
    check_range(query.date_from, query.date_to)?;
    let call = Call::new(op(id)?).query("dateFrom", query.date_from).query("dateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// "Retrieve list of settlements" (the last 30 days without dates).
pub fn list_settlements(query: &DateRangeQuery) -> Result<Call> {
    dated(ids::list_settlements, query)
}

/// "Retrieve settlement data".
pub fn retrieve_settlement(settlement_number: &Identifier) -> Result<Call> {
    Ok(Call::new(op(ids::retrieve_settlement)?).path("settlementNumber", settlement_number))
}

/// "Retrieve list of direct settlements".
pub fn list_direct_settlements(query: &DateRangeQuery) -> Result<Call> {
    dated(ids::list_direct_settlements, query)
}

/// "Retrieve direct settlement data".
pub fn retrieve_direct_settlement(settlement_number: &Identifier) -> Result<Call> {
    Ok(Call::new(op(ids::retrieve_direct_settlement)?).path("settlementNumber", settlement_number))
}

/// "Retrieve Credit Loss Receivables".
pub fn retrieve_credit_loss_receivables(query: &DateRangeQuery) -> Result<Call> {
    dated(ids::retrieve_credit_loss_receivables, query)
}

/// "Retrieve allocated payment transactions" (Confirmed path and parameters).
pub fn retrieve_allocated_payment_transactions(query: &AllocatedPaymentTransactionsQuery) -> Result<Call> {
    check_range(query.payment_date_from, query.payment_date_to)?;
    check_range(query.accounting_date_from, query.accounting_date_to)?;
    let call = Call::new(op(ids::retrieve_allocated_payment_transactions)?)
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("caseId", query.case_id.as_ref())
        .query("agency", query.agency.as_ref())
        .query("paymentDateFrom", query.payment_date_from)
        .query("paymentDateTo", query.payment_date_to)
        .query("accountingDateFrom", query.accounting_date_from)
        .query("accountingDateTo", query.accounting_date_to)
        .query("currency", query.currency.as_ref())
        .query("hasAllocatedBreakdown", query.has_allocated_breakdown)
        .query("sortBy", query.sort_by.as_ref())
        .query("sortOrder", query.sort_order);
    Ok(paged(call, query.page))
}
