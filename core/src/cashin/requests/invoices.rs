//! Token and Invoice Service operations.

use chrono::NaiveDate;

use super::{check_range, keys_of, op, paged, require_number};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::model::InvoiceNumber;
use crate::validate::{self, InvoiceRules, Violation};
use crate::{Error, Result};

/// "Validate token".
pub fn validate_token() -> Result<Call> {
    Ok(Call::new(op(ids::validate_token)?))
}

/// "Renew token".
pub fn renew_token(request: &RenewTokenRequest) -> Result<Call> {
    let mut violations = Vec::new();
    if request.customer_code.trim().is_empty() {
        violations.push(Violation::error("/customerCode", "required", "the customer code is required"));
    }
    if !crate::ip::is_ip_address(request.ip_address.trim()) {
        violations.push(Violation::error(
            "/ipAddress",
            "ip_address.format",
            format!("{:?} is not an IP address", request.ip_address),
        ));
    }
    if !violations.is_empty() {
        return Err(Error::Validation(violations));
    }
    Ok(Call::new(op(ids::renew_token)?)
        .query("customerCode", Some(request.customer_code.trim()))
        .query("ipAddress", Some(request.ip_address.trim())))
}

/// "Create an invoice": validates it and wraps it as `{ "SalesInvoice": [invoice] }`.
pub fn create_invoice(invoice: &SalesInvoice) -> Result<Call> {
    create(ids::create_invoice, invoice, InvoiceRules::default())
}

/// "Create an invoice with seller information": as [`create_invoice`], `SellerInfo` required.
pub fn create_invoice_with_seller_info(invoice: &SalesInvoice) -> Result<Call> {
    create(
        ids::create_invoice_with_seller_info,
        invoice,
        InvoiceRules { require_seller_info: true, ..InvoiceRules::default() },
    )
}

fn create(id: &str, invoice: &SalesInvoice, rules: InvoiceRules) -> Result<Call> {
    validate::validate_with(invoice, rules).into_result()?;
    Call::new(op(id)?).json(&Group(&[invoice])).map(|c| c.keys(keys_of(std::iter::once(invoice))))
}

/// A group of borrowed invoices written as a [`BatchInvoices`], `{ "SalesInvoice": [...] }`:
/// the body of "Create an invoice" (a group of one) and the group of a chunk of a caller's list,
/// without copying the invoices.
struct Group<'a>(&'a [&'a SalesInvoice]);

impl serde::Serialize for Group<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        // A map, as `SalesInvoiceBatch` is written (the JSON of a struct, less code).
        use serde::ser::SerializeMap;
        let mut body = serializer.serialize_map(Some(1))?;
        body.serialize_entry("SalesInvoice", self.0)?;
        body.end()
    }
}

/// A batch of one [`Group`], `{ "SalesInvoices": [{ "SalesInvoice": [...] }] }`.
struct OneGroup<'a>(Group<'a>);

impl serde::Serialize for OneGroup<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut body = serializer.serialize_map(Some(1))?;
        body.serialize_entry("SalesInvoices", std::slice::from_ref(&self.0))?;
        body.end()
    }
}

/// "Submit a batch of sales invoices": validates every invoice (paths point into the batch).
pub fn submit_sales_invoice_batch(batch: &SalesInvoiceBatch) -> Result<Call> {
    validate::validate_batch(batch).into_result()?;
    Call::new(op(ids::submit_sales_invoice_batch)?).json(batch).map(|c| c.keys(keys_of(batch.invoices())))
}

/// "Submit a batch of sales invoices" of borrowed invoices in one group: the checks and the body
/// of [`submit_sales_invoice_batch`] for a batch of that one group, without copying the invoices
/// (the chunked submitter sends slices of a caller's list this way).
pub(crate) fn submit_invoice_group(invoices: &[&SalesInvoice]) -> Result<Call> {
    validate::validate_group(invoices).into_result()?;
    Call::new(op(ids::submit_sales_invoice_batch)?)
        .json(&OneGroup(Group(invoices)))
        .map(|c| c.keys(keys_of(invoices.iter().copied())))
}

/// "List batch uploads and export lines".
pub fn list_batch_uploads(query: &BatchUploadQuery) -> Result<Call> {
    Ok(paged(Call::new(op(ids::list_batch_uploads)?).query("batchId", query.batch_id), query.page))
}

/// "List all sales invoices".
pub fn list_sales_invoices(query: &InvoiceQuery) -> Result<Call> {
    let call = Call::new(op(ids::list_sales_invoices)?)
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("status", query.status.as_ref())
        .query("invoiceDateFrom", query.date_from)
        .query("invoiceDateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// "Retrieve invoice status".
pub fn retrieve_invoice_status(invoice_number: &InvoiceNumber) -> Result<Call> {
    require_number(invoice_number, "/invoiceNumber")?;
    Ok(Call::new(op(ids::retrieve_invoice_status)?).path("invoiceNumber", invoice_number))
}

/// "Retrieve invoice delivery information".
pub fn retrieve_invoice_delivery_information(query: &InvoiceQuery) -> Result<Call> {
    let call = Call::new(op(ids::retrieve_invoice_delivery_information)?)
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("dateFrom", query.date_from)
        .query("dateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// "Update an invoice": only the members present are checked and sent.
pub fn update_invoice(invoice_number: &InvoiceNumber, update: &SalesInvoiceUpdate) -> Result<Call> {
    require_number(invoice_number, "/invoiceNumber")?;
    validate::validate_invoice_update(update).into_result()?;
    Call::new(op(ids::update_invoice)?).path("invoiceNumber", invoice_number).json(update)
}

/// "Submit payment for an invoice".
pub fn submit_invoice_payment(invoice_number: &InvoiceNumber, payment: &SalesInvoicePayment) -> Result<Call> {
    require_number(invoice_number, "/invoiceNumber")?;
    let mut violations = Vec::new();
    match payment.amount {
        None => violations.push(Violation::error("/Amount", "required", "Amount is required")),
        Some(a) if a <= rust_decimal::Decimal::ZERO => {
            violations.push(Violation::error("/Amount", "amount.positive", format!("Amount {a} must be positive")))
        }
        Some(a) if a.round_dp(2) != a => violations.push(Violation::error(
            "/Amount",
            "amount.precision",
            format!("Amount {a} has more than two decimals"),
        )),
        Some(_) => {}
    }
    if payment.payment_date.is_none() {
        violations.push(Violation::error("/PaymentDate", "required", "PaymentDate is required"));
    }
    if !violations.is_empty() {
        return Err(Error::Validation(violations));
    }
    let keys = NaturalKeys { invoice_numbers: vec![invoice_number.clone()], ..NaturalKeys::default() };
    Ok(Call::new(op(ids::submit_invoice_payment)?).path("invoiceNumber", invoice_number).json(payment)?.keys(keys))
}

/// "Retrieve delivery statistics" for a period.
pub fn retrieve_delivery_statistics(date_from: Option<NaiveDate>, date_to: Option<NaiveDate>) -> Result<Call> {
    check_range(date_from, date_to)?;
    Ok(Call::new(op(ids::retrieve_delivery_statistics)?).query("dateFrom", date_from).query("dateTo", date_to))
}

/// "Retrieve received payments" (the server's default window is the last 30 days).
pub fn retrieve_received_payments(query: &ReceivedPaymentsQuery) -> Result<Call> {
    check_range(query.date_from, query.date_to)?;
    let call = Call::new(op(ids::retrieve_received_payments)?)
        .query("invoiceNumber", query.invoice_number.as_ref())
        .query("dateFrom", query.date_from)
        .query("dateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// "Submit update to Finvoice Account".
pub fn update_finvoice_account(update: &FinvoiceAccountUpdate) -> Result<Call> {
    let mut violations = Vec::new();
    for (name, value) in [
        ("CustomerCode", &update.customer_code),
        ("FinvoiceAddress", &update.finvoice_address),
        ("FinvoiceIntermediator", &update.finvoice_intermediator),
    ] {
        if value.as_deref().map(str::trim).unwrap_or("").is_empty() {
            violations.push(Violation::error(format!("/{name}"), "required", format!("{name} is required")));
        }
    }
    if let Some(Err(e)) =
        update.finvoice_address.as_deref().filter(|s| !s.trim().is_empty()).map(crate::fi::validate_einvoice_address)
    {
        violations.push(Violation::error("/FinvoiceAddress", e.code(), format!("FinvoiceAddress: {e}")));
    }
    if let Some(Err(e)) =
        update.finvoice_intermediator.as_deref().filter(|s| !s.trim().is_empty()).map(crate::fi::validate_intermediator)
    {
        violations.push(Violation::error("/FinvoiceIntermediator", e.code(), format!("FinvoiceIntermediator: {e}")));
    }
    if !violations.is_empty() {
        return Err(Error::Validation(violations));
    }
    Call::new(op(ids::update_finvoice_account)?).json(update)
}

/// "Retrieve electronic invoicing contracts".
pub fn retrieve_electronic_invoicing_contracts(customer_code: Option<&str>, page: PageRequest) -> Result<Call> {
    Ok(paged(Call::new(op(ids::retrieve_electronic_invoicing_contracts)?).query("customerCode", customer_code), page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_invoice_body_is_a_batch_invoices_of_one() {
        let json = r#"{"InvoiceNumber":"1001","InvoiceDate":"2024-05-01","DueDate":null,"Unknown":{"a":[1,2]},
            "InvoiceRows":[{"Description":"x","Qty":1.50,"Price":10.00000000000}]}"#;
        let invoice: SalesInvoice = serde_json::from_str(json).unwrap();
        let expected = serde_json::to_string(&BatchInvoices { sales_invoice: vec![invoice.clone()] }).unwrap();
        assert_eq!(serde_json::to_string(&Group(&[&invoice])).unwrap(), expected);
    }

    #[test]
    fn a_group_of_borrowed_invoices_is_a_batch_of_one_group() {
        let a: SalesInvoice = serde_json::from_str(r#"{"InvoiceNumber":1,"X":[true]}"#).unwrap();
        let b: SalesInvoice = serde_json::from_str(r#"{"InvoiceNumber":"B-2","Reference":null}"#).unwrap();
        let batch = SalesInvoiceBatch::new(vec![a.clone(), b.clone()]);
        let call = submit_invoice_group(&[&a, &b]);
        // Both invoices lack required members: the same violations as the owned batch's.
        let (Err(crate::Error::Validation(group)), Err(crate::Error::Validation(owned))) =
            (call, submit_sales_invoice_batch(&batch))
        else {
            panic!("both must be refused")
        };
        assert_eq!(group, owned);
        assert_eq!(serde_json::to_string(&OneGroup(Group(&[&a, &b]))).unwrap(), serde_json::to_string(&batch).unwrap());
    }
}
