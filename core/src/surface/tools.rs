//! Validation and the invoice builder from JSON, for the bindings.

use serde_json::value::RawValue;

use super::answers::Decimals;
use super::args::{parse_at, Scalar};
use crate::builder::{InvoiceBuilder, RowInput};
use crate::cashin::{BatchInvoices, SalesInvoice, SalesInvoiceBatch};
use crate::model::{not_a_decimal, Json, WireType};
use crate::table::Table;
use crate::validate::{self, Violation};
use crate::{Error, Result};

/// Validates a JSON document of the given kind: `invoice`, `invoice_update`, `batch`
/// (`{"SalesInvoices": [...]}`) or `create_body` (`{"SalesInvoice": [...]}`). A member of the
/// wrong type is one violation (code `type`) naming its path; otherwise every rule's violations.
pub fn validate_json(kind: &str, json: &str) -> Vec<Violation> {
    // Batches are read on the quick path when they can be (the same violations, sooner).
    let quick = match kind {
        "batch" => crate::quick::batch_violations(json, true),
        "create_body" => crate::quick::batch_violations(json, false).map(|found| ungroup(found).collect()),
        _ => None,
    };
    if let Some(violations) = quick {
        return violations;
    }
    let outcome = match kind {
        "invoice" => parse_at::<SalesInvoice>(json, "").map(|i| validate::validate_invoice(&i).violations),
        "invoice_update" => {
            parse_at::<SalesInvoice>(json, "").map(|i| validate::validate_invoice_update(&i).violations)
        }
        "batch" => parse_at::<SalesInvoiceBatch>(json, "").map(|b| validate::validate_batch(&b).violations),
        "create_body" => parse_at::<BatchInvoices>(json, "").map(|body| {
            let batch = SalesInvoiceBatch { sales_invoices: vec![body] };
            ungroup(validate::validate_batch(&batch).violations).collect()
        }),
        other => Err(Error::Validation(vec![Violation::error(
            "",
            "kind.unknown",
            format!("unknown document kind {other:?}: use invoice, invoice_update, batch or create_body"),
        )])),
    };
    match outcome {
        Ok(violations) => violations,
        Err(Error::Validation(violations)) => violations,
        Err(other) => vec![Violation::error("", other.code(), other.to_string())],
    }
}

/// A one-group batch's violations with paths into its group (`/SalesInvoice/...`).
fn ungroup(violations: Vec<Violation>) -> impl Iterator<Item = Violation> {
    violations.into_iter().map(|v| v.out_of("/SalesInvoices/0"))
}

/// Builds an invoice with computed amounts from
/// `{"invoice": {...members...}, "rows": [{"description", "qty", "unit_price", "vat_percent",
/// "discount_percent"?, "price_includes_vat"?, "product_code"?, "unit"?}], "payment_terms_days"?}`
/// and returns the validated `SalesInvoice` as JSON (decimals as `decimals` says). A member of the wrong type, a missing or an
/// unknown one is a violation naming its path (`/rows/0/qty`).
pub fn build_invoice_json(input_json: &str, decimals: Decimals) -> Result<String> {
    let input: Table<&str, &RawValue> = crate::de::from_str(input_json).map_err(|e| {
        Error::Validation(vec![Violation::error("", "type", format!("the input must be a JSON object: {e}"))])
    })?;
    // Unknown members in name order (the map has none), each placed by a binary search.
    let mut unknown: Vec<&str> = Vec::new();
    for name in input.keys().filter(|k| !["invoice", "rows", "payment_terms_days"].contains(k)) {
        unknown.insert(unknown.partition_point(|n| n < name), name);
    }
    let mut violations: Vec<Violation> =
        unknown.iter().map(|k| Violation::error(format!("/{k}"), "unknown", format!("unknown member {k:?}"))).collect();
    let invoice = match input.get("invoice") {
        Some(raw) => parse_at::<SalesInvoice>(raw.get(), "/invoice")?,
        None => return Err(Error::Validation(vec![Violation::error("/invoice", "required", "invoice is required")])),
    };
    let mut builder = InvoiceBuilder::from_invoice(invoice);
    let rows: Json = match input.get("rows") {
        Some(raw) => crate::de::from_str(raw.get()).map_err(|e| Error::Internal(e.to_string()))?,
        None => Json::Null,
    };
    match &rows {
        Json::Array(rows) => {
            for (i, row) in rows.iter().enumerate() {
                if let Some(r) = row_input(row, &format!("/rows/{i}"), &mut violations) {
                    builder = builder.row(r);
                }
            }
        }
        Json::Null => violations.push(Violation::error("/rows", "required", "rows is required")),
        _ => violations.push(Violation::error("/rows", "type", "rows must be a list of rows")),
    }
    if let Some(raw) = input.get("payment_terms_days").filter(|raw| raw.get() != "null") {
        builder = builder.payment_terms_days(<u32 as Scalar>::parse(raw.get(), "/payment_terms_days")?);
    }
    if !violations.is_empty() {
        return Err(Error::Validation(violations));
    }
    let invoice = builder.build()?;
    let text = serde_json::to_string(&invoice).map_err(|e| Error::Internal(e.to_string()))?;
    match decimals {
        Decimals::Numbers => Ok(text),
        Decimals::Strings => super::answers::check(&text, SalesInvoice::wire_type(), decimals)
            .map_err(|e| Error::Internal(e.to_string())),
    }
}

/// One row of [`build_invoice_json`]'s input, or `None` with its problems added to `violations`.
fn row_input(row: &Json, at: &str, violations: &mut Vec<Violation>) -> Option<RowInput> {
    const MEMBERS: [&str; 8] = [
        "description",
        "qty",
        "unit_price",
        "vat_percent",
        "discount_percent",
        "price_includes_vat",
        "product_code",
        "unit",
    ];
    let Some(members) = row.as_object() else {
        violations.push(Violation::error(at, "type", "a row must be an object"));
        return None;
    };
    let before = violations.len();
    for name in members.keys().filter(|k| !MEMBERS.contains(&k.as_str())) {
        violations.push(Violation::error(format!("{at}/{name}"), "unknown", format!("unknown row member {name:?}")));
    }
    let mut problem = |name: &str, code: &str, message: String| {
        violations.push(Violation::error(format!("{at}/{name}"), code, message));
    };
    let present = |name: &str| members.get(name).filter(|v| !v.is_null());
    let text = |name: &str, problem: &mut dyn FnMut(&str, &str, String)| match present(name) {
        None => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(_) => {
            problem(name, "type", format!("{name} must be a string"));
            None
        }
    };
    let decimal = |name: &str, problem: &mut dyn FnMut(&str, &str, String)| {
        let value = present(name)?;
        let text = match value {
            Json::String(s) => s.clone(),
            Json::Number(n) => n.clone(),
            _ => {
                problem(name, "type", format!("{name} must be a decimal number"));
                return None;
            }
        };
        let parsed = crate::money::parse_decimal(&text);
        if parsed.is_none() {
            problem(name, "type", not_a_decimal(&text));
        }
        parsed
    };
    let description = text("description", &mut problem);
    let qty = decimal("qty", &mut problem);
    let unit_price = decimal("unit_price", &mut problem);
    let vat_percent = decimal("vat_percent", &mut problem);
    let discount_percent = decimal("discount_percent", &mut problem);
    let product_code = text("product_code", &mut problem);
    let unit = text("unit", &mut problem);
    let gross = match present("price_includes_vat") {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => {
            problem("price_includes_vat", "type", "price_includes_vat must be true or false".to_owned());
            false
        }
    };
    for (name, missing) in [
        ("description", description.is_none()),
        ("qty", qty.is_none()),
        ("unit_price", unit_price.is_none()),
        ("vat_percent", vat_percent.is_none()),
    ] {
        if missing && present(name).is_none() {
            problem(name, "required", format!("{name} is required"));
        }
    }
    if violations.len() > before {
        return None;
    }
    let mut r = RowInput::new(description?, qty?, unit_price?, vat_percent?);
    if gross {
        r = r.gross();
    }
    if let Some(p) = discount_percent {
        r = r.discount_percent(p);
    }
    if let Some(code) = product_code {
        r = r.product_code(code);
    }
    if let Some(unit) = unit {
        r = r.unit(unit);
    }
    Some(r)
}
