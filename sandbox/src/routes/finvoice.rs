//! `update_finvoice_account` and `retrieve_electronic_invoicing_contracts`.

use chrono::Utc;
use serde_json::{json, Map, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::{App, Contract};
use crate::values::{date_value, text_of, today};

fn required_text(body: &Map<String, Value>, name: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    match body.get(name) {
        None | Some(Value::Null) => {
            errors.push(FieldError::new(name, "is required"));
            None
        }
        Some(v) => match text_of(Some(v)).map(|t| t.trim().to_owned()) {
            Some(t) if !t.is_empty() => Some(t),
            _ => {
                errors.push(FieldError::new(name, "must be a non-empty string"));
                None
            }
        },
    }
}

/// `FinvoiceAccountUpdate { CustomerCode, CustomerName, FinvoiceAddress, FinvoiceIntermediator }`:
/// creates the customer's electronic invoicing contract or updates its address and intermediator
/// (`CustomerName` is not listed with contracts; it names the address in
/// `retrieve_finvoice_credentials`).
pub(crate) fn update(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let code = required_text(&body, "CustomerCode", &mut errors);
    let address = required_text(&body, "FinvoiceAddress", &mut errors);
    let intermediator = required_text(&body, "FinvoiceIntermediator", &mut errors);
    let name = match body.get("CustomerName") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
        Some(_) => {
            errors.push(FieldError::new("CustomerName", "must be a string"));
            None
        }
    };
    let (Some(code), Some(address), Some(intermediator), true) = (code, address, intermediator, errors.is_empty())
    else {
        return Err(ApiError::validation(errors));
    };
    let today = today();
    let now = Utc::now();
    let created = app.with(|s| match s.contracts.iter_mut().find(|c| c.customer_code == code) {
        Some(existing) => {
            existing.address = address;
            existing.intermediator = intermediator;
            existing.customer_name = name.or(existing.customer_name.take());
            existing.modified = now;
            false
        }
        None => {
            s.contracts.push(Contract {
                customer_code: code.clone(),
                customer_name: name,
                address,
                intermediator,
                date: today,
                modified: now,
            });
            true
        }
    });
    ok(json!({
        "CustomerCode": code,
        "StatusDescription": if created { "Created" } else { "Updated" },
        "DefaultDeliveryMethod": "E",
    }))
}

/// Contracts, optionally for one `customerCode`, paged.
pub(crate) fn contracts(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let code = q.get("customerCode").map(str::to_owned);
    let items = app.with(|s| {
        s.contracts
            .iter()
            .filter(|c| code.as_deref().is_none_or(|code| c.customer_code == code))
            .map(|c| {
                json!({
                    "CustomerCode": c.customer_code,
                    "FinvoiceAddress": c.address,
                    "FinvoiceIntermediator": c.intermediator,
                    "ContractDate": date_value(c.date),
                    "Status": "Active",
                })
            })
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}
