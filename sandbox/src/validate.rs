//! Checks of incoming invoices: required members and member types. The sandbox does not check
//! amount arithmetic (that is the SDK's job); it checks what a server must to store an invoice.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::errors::FieldError;
use crate::values::{decimal_of, invoice_key, parse_date};

/// Header members that must be amounts when present.
const HEADER_AMOUNTS: &[&str] = &["NetAmount", "TaxAmount", "DiscAmount", "RoundAmount"];
/// Row members that must be numbers when present.
const ROW_NUMBERS: &[&str] =
    &["VatPercent", "Qty", "Price", "Discount", "Nto", "Tax", "Round", "Total", "DiscountPercent"];
/// Row members that must be `YYYY-MM-DD` dates when present.
const ROW_DATES: &[&str] = &["StartDate", "EndDate", "DeliveryDate", "ShipDate"];

/// The facts the sandbox needs from a valid invoice.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckedInvoice {
    pub key: String,
    pub invoice_date: NaiveDate,
    pub total: Decimal,
    pub data: Map<String, Value>,
}

/// Checks one complete invoice; `prefix` names it in field paths (e.g. `SalesInvoice[0]`).
pub(crate) fn invoice(value: &Value, prefix: &str, errors: &mut Vec<FieldError>) -> Option<CheckedInvoice> {
    let Some(obj) = value.as_object() else {
        errors.push(FieldError::new(prefix, "must be an object"));
        return None;
    };
    let before = errors.len();
    let key = required(obj, "InvoiceNumber", prefix, errors).and_then(|v| number(v, prefix, errors));
    let invoice_date =
        required(obj, "InvoiceDate", prefix, errors).and_then(|v| date(v, "InvoiceDate", prefix, errors));
    if let Some(v) = required(obj, "DueDate", prefix, errors) {
        date(v, "DueDate", prefix, errors);
    }
    let total = required(obj, "TotalAmount", prefix, errors).and_then(|v| amount(v, "TotalAmount", prefix, errors));
    match obj.get("InvoiceRows") {
        None | Some(Value::Null) => errors.push(FieldError::new(field(prefix, "InvoiceRows"), "is required")),
        Some(rows) => check_rows(rows, prefix, errors),
    }
    optional_members(obj, prefix, errors);
    if errors.len() > before {
        return None;
    }
    Some(CheckedInvoice { key: key?, invoice_date: invoice_date?, total: total?, data: obj.clone() })
}

/// Checks the members of a partial update (`SalesInvoiceUpdate`): each given member has the
/// type a full invoice needs, and required members are not removed.
pub(crate) fn update(obj: &Map<String, Value>, errors: &mut Vec<FieldError>) {
    for name in ["InvoiceNumber", "InvoiceDate", "DueDate", "TotalAmount", "InvoiceRows"] {
        if let Some(Value::Null) = obj.get(name) {
            errors.push(FieldError::new(name, "is required and cannot be removed"));
        }
    }
    if let Some(v) = obj.get("InvoiceNumber").filter(|v| !v.is_null()) {
        number(v, "", errors);
    }
    for name in ["InvoiceDate", "DueDate"] {
        if let Some(v) = obj.get(name).filter(|v| !v.is_null()) {
            date(v, name, "", errors);
        }
    }
    if let Some(v) = obj.get("TotalAmount").filter(|v| !v.is_null()) {
        amount(v, "TotalAmount", "", errors);
    }
    if let Some(rows) = obj.get("InvoiceRows").filter(|v| !v.is_null()) {
        check_rows(rows, "", errors);
    }
    optional_members(obj, "", errors);
}

fn optional_members(obj: &Map<String, Value>, prefix: &str, errors: &mut Vec<FieldError>) {
    for name in HEADER_AMOUNTS {
        if let Some(v) = obj.get(*name).filter(|v| !v.is_null()) {
            amount(v, name, prefix, errors);
        }
    }
}

fn check_rows(rows: &Value, prefix: &str, errors: &mut Vec<FieldError>) {
    let name = field(prefix, "InvoiceRows");
    let Some(rows) = rows.as_array() else {
        errors.push(FieldError::new(name, "must be an array of rows"));
        return;
    };
    if rows.is_empty() {
        errors.push(FieldError::new(name, "must contain at least one row"));
        return;
    }
    for (i, row) in rows.iter().enumerate() {
        let row_prefix = format!("{name}[{i}]");
        let Some(row) = row.as_object() else {
            errors.push(FieldError::new(row_prefix, "must be an object"));
            continue;
        };
        for member in ROW_NUMBERS {
            if let Some(v) = row.get(*member).filter(|v| !v.is_null()) {
                amount(v, member, &row_prefix, errors);
            }
        }
        for member in ROW_DATES {
            if let Some(v) = row.get(*member).filter(|v| !v.is_null()) {
                date(v, member, &row_prefix, errors);
            }
        }
    }
}

/// `prefix.name`, or `name` alone at the top level.
pub(crate) fn field(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

fn required<'a>(
    obj: &'a Map<String, Value>,
    name: &str,
    prefix: &str,
    errors: &mut Vec<FieldError>,
) -> Option<&'a Value> {
    match obj.get(name) {
        None | Some(Value::Null) => {
            errors.push(FieldError::new(field(prefix, name), "is required"));
            None
        }
        Some(v) => Some(v),
    }
}

fn number(value: &Value, prefix: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    let key = invoice_key(value);
    if key.is_none() {
        errors.push(FieldError::new(
            field(prefix, "InvoiceNumber"),
            "must be a non-empty string or a non-negative integer",
        ));
    }
    key
}

fn date(value: &Value, name: &str, prefix: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let parsed = value.as_str().and_then(parse_date);
    if parsed.is_none() {
        errors.push(FieldError::new(field(prefix, name), format!("must be a date YYYY-MM-DD, not {value}")));
    }
    parsed
}

/// A JSON number or a numeric string.
pub(crate) fn amount(value: &Value, name: &str, prefix: &str, errors: &mut Vec<FieldError>) -> Option<Decimal> {
    let parsed = decimal_of(value);
    if parsed.is_none() {
        errors.push(FieldError::new(field(prefix, name), format!("must be a number, not {value}")));
    }
    parsed
}

/// A date member given as text, checked when present.
pub(crate) fn optional_date(value: Option<&Value>, name: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match value {
        None | Some(Value::Null) => None,
        Some(v) => date(v, name, "", errors),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid() -> Value {
        json!({
            "InvoiceNumber": 251600002,
            "InvoiceDate": "2022-01-20",
            "DueDate": "2022-02-04",
            "TotalAmount": 100,
            "InvoiceRows": [{ "Description": "x", "Qty": 1, "Price": "100.00" }]
        })
    }

    #[test]
    fn a_complete_invoice_passes() {
        let mut errors = Vec::new();
        let checked = invoice(&valid(), "SalesInvoice[0]", &mut errors).unwrap();
        assert!(errors.is_empty());
        assert_eq!(checked.key, "251600002");
        assert_eq!(checked.total, Decimal::from(100));
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut inv = valid();
        let obj = inv.as_object_mut().unwrap();
        obj.remove("InvoiceDate");
        obj.insert("DueDate".into(), json!("04.02.2022"));
        obj.insert("TotalAmount".into(), json!("lots"));
        obj.insert("InvoiceRows".into(), json!([{ "Qty": "one", "StartDate": "2022-13-01" }]));
        let mut errors = Vec::new();
        assert!(invoice(&inv, "SalesInvoice[0]", &mut errors).is_none());
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "SalesInvoice[0].InvoiceDate",
                "SalesInvoice[0].DueDate",
                "SalesInvoice[0].TotalAmount",
                "SalesInvoice[0].InvoiceRows[0].Qty",
                "SalesInvoice[0].InvoiceRows[0].StartDate",
            ]
        );
    }

    #[test]
    fn rows_must_not_be_empty() {
        let mut inv = valid();
        inv["InvoiceRows"] = json!([]);
        let mut errors = Vec::new();
        assert!(invoice(&inv, "SalesInvoice[2]", &mut errors).is_none());
        assert_eq!(errors[0].field, "SalesInvoice[2].InvoiceRows");
    }
}
