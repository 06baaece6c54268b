//! Product Management: `list_products`, `submit_products` and `delete_product`.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::registry::Record;
use crate::state::App;
use crate::values::{invoice_key, number_of};

/// The members of `OnlineProduct`; listed products carry each (null when never given).
const PRODUCT_MEMBERS: &[&str] = &["ProductCode", "Name", "Description", "UnitPrice", "VatPercent", "Unit", "EanCode"];

/// A product code from the path, normalised like invoice numbers (`7` ≡ `"7"`).
fn path_code(call: &Call) -> Result<String, ApiError> {
    let text = call.param("productCode")?;
    invoice_key(&Value::String(text.to_owned()))
        .ok_or_else(|| ApiError::field("productCode", "is required in the path"))
}

/// Checks one product; its record (numbers written as JSON numbers with their digits) when valid.
fn check(path: &str, obj: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<Record> {
    let before = errors.len();
    let f = Fields::new(obj, path);
    let code = f.code("ProductCode", Need::Required, errors);
    f.text("Name", Need::Required, errors);
    f.texts(&["Description", "Unit", "EanCode"], errors);
    let price = f.number("UnitPrice", Need::Optional, errors);
    let vat = f.non_negative("VatPercent", Need::Optional, errors);
    if vat.is_some_and(|v| v > Decimal::ONE_HUNDRED) {
        errors.push(FieldError::new(f.path("VatPercent"), "must be at most 100"));
    }
    if errors.len() > before {
        return None;
    }
    let mut data = obj.clone();
    for (name, value) in [("UnitPrice", price), ("VatPercent", vat)] {
        if let Some(v) = value {
            data.insert(name.to_owned(), number_of(v));
        }
    }
    Some(Record { code: code?, data })
}

/// `SalesItems { Products: [OnlineProduct] }`: 400 naming the field when any product is
/// malformed; otherwise one item per product, `Created`, or `Rejected` when its ProductCode
/// exists (or repeats in the request).
pub(crate) fn submit(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Products")?;
    let mut errors = Vec::new();
    let products: Vec<Record> = items.iter().filter_map(|(path, obj)| check(path, obj, &mut errors)).collect();
    finish(errors)?;
    app.with(|s| {
        let results: Vec<Value> = products
            .into_iter()
            .map(|product| {
                let code = product.code.clone();
                if s.products.insert(product) {
                    json!({ "Code": code, "Status": "Created", "Message": "Created" })
                } else {
                    json!({ "Code": code, "Status": "Rejected", "Message": format!("ProductCode {code} already exists") })
                }
            })
            .collect();
        ok(json!({ "StatusDescription": "Processed", "QtyOfItems": results.len(), "Items": results }))
    })
}

/// Products in the order they were created (one with `productCode`), paged.
pub(crate) fn list(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let code = q.get("productCode").and_then(|c| invoice_key(&Value::String(c.to_owned())));
    let items = app.with(|s| {
        s.products
            .iter()
            .filter(|p| code.as_deref().is_none_or(|c| p.code == c))
            .map(|p| p.listed(PRODUCT_MEMBERS))
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Removes a product; 404 when unknown.
pub(crate) fn delete(app: &App, call: &Call) -> Reply {
    let code = path_code(call)?;
    app.with(|s| {
        s.products.remove(&code).ok_or_else(|| ApiError::not_found(format!("Product {code} not found")))?;
        ok(json!({
            "StatusDescription": "Deleted",
            "QtyOfItems": 1,
            "Items": [{ "Code": code, "Status": "Deleted", "Message": "Deleted" }],
        }))
    })
}
