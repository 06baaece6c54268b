//! Customer Management: `list_customers`, `submit_customers`, `update_customer` and
//! `delete_customer`.

use serde_json::{json, Map, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::registry::Record;
use crate::state::App;
use crate::values::invoice_key;

/// The members of `OnlineCustomer`; listed customers carry each (null when never given).
const CUSTOMER_MEMBERS: &[&str] = &[
    "CustomerCode",
    "Name",
    "Name2",
    "BusinessId",
    "VatNumber",
    "StreetAddress",
    "PostalCode",
    "City",
    "Country",
    "Email",
    "Phone",
    "LanguageCode",
    "DeliveryType",
    "FinvoiceAddress",
    "FinvoiceIntermediator",
    "ContactPerson",
];

/// Text members besides `CustomerCode` and `Name`.
const CUSTOMER_TEXTS: &[&str] = &[
    "Name2",
    "BusinessId",
    "VatNumber",
    "StreetAddress",
    "PostalCode",
    "City",
    "Country",
    "Email",
    "Phone",
    "LanguageCode",
    "DeliveryType",
    "FinvoiceAddress",
    "FinvoiceIntermediator",
];

/// Checks the members of a customer other than `CustomerCode` and `Name`.
fn check_members(f: &Fields<'_>, errors: &mut Vec<FieldError>) {
    f.texts(CUSTOMER_TEXTS, errors);
    if let Some(contact) = f.object("ContactPerson", Need::Optional, errors) {
        let path = f.path("ContactPerson");
        Fields::new(contact, &path).texts(&["Name", "Email", "Phone", "Role"], errors);
    }
}

fn check(path: &str, obj: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<Record> {
    let before = errors.len();
    let f = Fields::new(obj, path);
    let code = f.code("CustomerCode", Need::Required, errors);
    f.text("Name", Need::Required, errors);
    check_members(&f, errors);
    if errors.len() > before {
        return None;
    }
    Some(Record { code: code?, data: obj.clone() })
}

/// A customer code from the path, normalised like invoice numbers.
fn path_code(call: &Call) -> Result<String, ApiError> {
    let text = call.param("customerCode")?;
    invoice_key(&Value::String(text.to_owned()))
        .ok_or_else(|| ApiError::field("customerCode", "is required in the path"))
}

fn not_found(code: &str) -> ApiError {
    ApiError::not_found(format!("Customer {code} not found"))
}

/// `{ Customers: [OnlineCustomer] }`: 400 naming the field when any customer is malformed;
/// otherwise one item per customer, `Created`, or `Rejected` when its CustomerCode exists (or
/// repeats in the request).
pub(crate) fn submit(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Customers")?;
    let mut errors = Vec::new();
    let customers: Vec<Record> = items.iter().filter_map(|(path, obj)| check(path, obj, &mut errors)).collect();
    finish(errors)?;
    app.with(|s| {
        let results: Vec<Value> = customers
            .into_iter()
            .map(|customer| {
                let code = customer.code.clone();
                if s.customers.insert(customer) {
                    json!({ "Code": code, "Status": "Created", "Message": "Created" })
                } else {
                    json!({ "Code": code, "Status": "Rejected", "Message": format!("CustomerCode {code} already exists") })
                }
            })
            .collect();
        ok(json!({ "StatusDescription": "Processed", "QtyOfCustomers": results.len(), "Items": results }))
    })
}

/// Customers in the order they were created (one with `customerCode`), paged.
pub(crate) fn list(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let code = q.get("customerCode").and_then(|c| invoice_key(&Value::String(c.to_owned())));
    let items = app.with(|s| {
        s.customers
            .iter()
            .filter(|c| code.as_deref().is_none_or(|want| c.code == want))
            .map(|c| c.listed(CUSTOMER_MEMBERS))
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Replaces the members the body carries (400 malformed or a CustomerCode other than the
/// path's, 404 unknown); `UpdatedFields` is alphabetical.
pub(crate) fn update(app: &App, call: &Call) -> Reply {
    let code = path_code(call)?;
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let f = Fields::new(&body, "");
    for name in ["CustomerCode", "Name"] {
        if body.get(name).is_some_and(Value::is_null) {
            errors.push(FieldError::new(name, "is required and cannot be removed"));
        }
    }
    if let Some(given) = f.code("CustomerCode", Need::Optional, &mut errors) {
        if given != code {
            errors.push(FieldError::new("CustomerCode", format!("cannot be changed (the path names customer {code})")));
        }
    }
    f.text("Name", Need::Optional, &mut errors);
    if body.get("Name").and_then(Value::as_str).is_some_and(|name| name.trim().is_empty()) {
        errors.push(FieldError::new("Name", "must not be empty"));
    }
    check_members(&f, &mut errors);
    finish(errors)?;
    app.with(|s| {
        let customer = s.customers.get_mut(&code).ok_or_else(|| not_found(&code))?;
        let mut updated: Vec<String> = body.keys().cloned().collect();
        updated.sort();
        for (name, value) in body {
            customer.data.insert(name, value);
        }
        ok(json!({ "CustomerCode": customer.code, "StatusDescription": "Updated", "UpdatedFields": updated }))
    })
}

/// Removes a customer; 404 when unknown.
pub(crate) fn delete(app: &App, call: &Call) -> Reply {
    let code = path_code(call)?;
    app.with(|s| {
        let customer = s.customers.remove(&code).ok_or_else(|| not_found(&code))?;
        ok(json!({ "CustomerCode": customer.code, "StatusDescription": "Deleted", "UpdatedFields": [] }))
    })
}
