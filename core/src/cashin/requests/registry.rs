//! Product and customer registry operations.

use super::{check_with, fail_on, op, paged, require_text};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::fi;
use crate::validate::Violation;
use crate::{Error, Result};

/// "List all products".
pub fn list_products(page: PageRequest) -> Result<Call> {
    Ok(paged(Call::new(op(ids::list_products)?), page))
}

/// "Submit new products": each needs a product code and a name; prices and VAT are checked.
pub fn submit_products(items: &SalesItems) -> Result<Call> {
    let mut v = Vec::new();
    if items.products.is_empty() {
        v.push(Violation::error("/Products", "required", "at least one product is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, p) in items.products.iter().enumerate() {
        let path = format!("/Products/{i}");
        require_text(&mut v, &format!("{path}/ProductCode"), p.product_code.as_deref());
        require_text(&mut v, &format!("{path}/Name"), p.name.as_deref());
        if let Some(price) = p.unit_price.filter(|p| p.is_sign_negative()) {
            v.push(Violation::error(
                format!("{path}/UnitPrice"),
                "amount.negative",
                format!("UnitPrice {price} is negative"),
            ));
        }
        if let Some(rate) = p.vat_percent.filter(|r| r.is_sign_negative() || *r > rust_decimal::Decimal::ONE_HUNDRED) {
            v.push(Violation::error(
                format!("{path}/VatPercent"),
                "vat.range",
                format!("VatPercent {rate} is not between 0 and 100"),
            ));
        }
        keys.other.extend(p.product_code.clone());
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::submit_products)?).json(items)?.keys(keys))
}

fn code_path(id: &str, name: &'static str, code: &str) -> Result<Call> {
    if code.trim().is_empty() {
        return Err(Error::Validation(vec![Violation::error(
            format!("/{name}"),
            "required",
            format!("{name} is required"),
        )]));
    }
    Ok(Call::new(op(id)?).path(name, code.trim()))
}

/// "Delete an product".
pub fn delete_product(product_code: &str) -> Result<Call> {
    code_path(ids::delete_product, "productCode", product_code)
}

/// "List all customers".
pub fn list_customers(page: PageRequest) -> Result<Call> {
    Ok(paged(Call::new(op(ids::list_customers)?), page))
}

fn check_customer(v: &mut Vec<Violation>, path: &str, c: &OnlineCustomer, partial: bool) {
    if !partial {
        require_text(v, &format!("{path}/CustomerCode"), c.customer_code.as_deref());
        require_text(v, &format!("{path}/Name"), c.name.as_deref());
    }
    check_with(v, &format!("{path}/BusinessId"), c.business_id.as_deref(), fi::validate_ytunnus);
    if c.vat_number.as_deref().is_some_and(|n| n.trim().to_ascii_uppercase().starts_with("FI")) {
        check_with(v, &format!("{path}/VatNumber"), c.vat_number.as_deref(), fi::validate_vat_number);
    }
    check_with(v, &format!("{path}/FinvoiceAddress"), c.finvoice_address.as_deref(), fi::validate_einvoice_address);
    check_with(
        v,
        &format!("{path}/FinvoiceIntermediator"),
        c.finvoice_intermediator.as_deref(),
        fi::validate_intermediator,
    );
}

/// "Submit new customers": each needs a customer code and a name; Finnish ids are checked.
pub fn submit_customers(customers: &OnlineCustomers) -> Result<Call> {
    let mut v = Vec::new();
    if customers.customers.is_empty() {
        v.push(Violation::error("/Customers", "required", "at least one customer is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, c) in customers.customers.iter().enumerate() {
        check_customer(&mut v, &format!("/Customers/{i}"), c, false);
        keys.other.extend(c.customer_code.clone());
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::submit_customers)?).json(customers)?.keys(keys))
}

/// "Update an customer": only the members present are checked and sent.
pub fn update_customer(customer_code: &str, update: &OnlineCustomer) -> Result<Call> {
    let mut v = Vec::new();
    check_customer(&mut v, "", update, true);
    fail_on(v)?;
    code_path(ids::update_customer, "customerCode", customer_code)?.json(update)
}

/// "Delete an customer".
pub fn delete_customer(customer_code: &str) -> Result<Call> {
    code_path(ids::delete_customer, "customerCode", customer_code)
}
