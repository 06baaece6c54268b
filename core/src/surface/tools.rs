//! Validation and the invoice builder from JSON, for the bindings.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::args::parse_at;
use crate::builder::{InvoiceBuilder, RowInput};
use crate::cashin::{BatchInvoices, SalesInvoice, SalesInvoiceBatch};
use crate::model::Parsed;
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
    violations.into_iter().map(|v| Violation { path: v.path.replacen("/SalesInvoices/0", "", 1), ..v })
}

/// One row for [`build_invoice_json`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowJson {
    description: String,
    #[serde(deserialize_with = "decimal")]
    qty: Decimal,
    #[serde(deserialize_with = "decimal")]
    unit_price: Decimal,
    #[serde(deserialize_with = "decimal")]
    vat_percent: Decimal,
    #[serde(default, deserialize_with = "optional_decimal")]
    discount_percent: Option<Decimal>,
    #[serde(default)]
    price_includes_vat: bool,
    #[serde(default)]
    product_code: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

/// A decimal member, read as every amount is ([`crate::money::parse_decimal`]).
fn decimal<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
    Parsed::DECIMAL.required(d)
}

/// An optional decimal member.
fn optional_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<Decimal>, D::Error> {
    serde::de::DeserializeSeed::deserialize(Parsed::DECIMAL, d)
}

/// The input of [`build_invoice_json`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BuildJson {
    invoice: SalesInvoice,
    rows: Vec<RowJson>,
    #[serde(default)]
    payment_terms_days: Option<u32>,
}

/// Builds an invoice with computed amounts from
/// `{"invoice": {...members...}, "rows": [{"description", "qty", "unit_price", "vat_percent",
/// "discount_percent"?, "price_includes_vat"?, "product_code"?, "unit"?}], "payment_terms_days"?}`
/// and returns the validated `SalesInvoice` as JSON.
pub fn build_invoice_json(input_json: &str) -> Result<String> {
    let input: BuildJson = parse_at(input_json, "")?;
    let mut builder = InvoiceBuilder::from_invoice(input.invoice);
    for row in input.rows {
        let mut r = RowInput::new(row.description, row.qty, row.unit_price, row.vat_percent);
        if row.price_includes_vat {
            r = r.gross();
        }
        if let Some(p) = row.discount_percent {
            r = r.discount_percent(p);
        }
        if let Some(code) = row.product_code {
            r = r.product_code(code);
        }
        if let Some(unit) = row.unit {
            r = r.unit(unit);
        }
        builder = builder.row(r);
    }
    if let Some(days) = input.payment_terms_days {
        builder = builder.payment_terms_days(days);
    }
    let invoice = builder.build()?;
    serde_json::to_string(&invoice).map_err(|e| Error::Internal(e.to_string()))
}
