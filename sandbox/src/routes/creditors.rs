//! Partner operations on creditors: `submit_creditor`, `update_creditor`,
//! `retrieve_creditor_credentials` and `retrieve_external_agreement_identifiers`.

use chrono::Utc;
use serde_json::{json, Value};

use super::external::DEFAULT_SERVICE_TYPE;
use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{finish, Fields, Need};
use crate::state::{App, Creditor, Inner};
use crate::values::{business_id_valid, ovt_of, random_hex};

/// `CreditorData` text members besides `Name` and `BusinessId`.
const CREDITOR_TEXTS: &[&str] = &[
    "VatNumber",
    "StreetAddress",
    "PostalCode",
    "City",
    "Country",
    "Email",
    "Phone",
    "Website",
    "LanguageCode",
    "Iban",
    "Bic",
];
/// The `CreditorUpdateDetails` members `update_creditor` may change.
const UPDATABLE: &[&str] = &["Email", "Phone", "StreetAddress", "PostalCode", "City", "Iban", "Bic", "Website"];
/// Prefix of the keys issued to registered creditors.
pub const CREDITOR_KEY_PREFIX: &str = "lasku-sandbox-creditor-";

/// `ContactPersons: [ContactPerson]`, when present.
fn check_contacts(f: &Fields<'_>, errors: &mut Vec<FieldError>) {
    for (path, contact) in f.objects("ContactPersons", Need::Optional, errors) {
        Fields::new(contact, &path).texts(&["Name", "Email", "Phone", "Role"], errors);
    }
}

/// The `{businessCode}` of the path, trimmed.
fn business_code(call: &Call) -> Result<String, ApiError> {
    call.param("businessCode").map(str::to_owned)
}

fn find<'a>(s: &'a Inner, business_id: &str) -> Result<&'a Creditor, ApiError> {
    s.creditors
        .iter()
        .find(|c| c.business_id == business_id)
        .ok_or_else(|| ApiError::not_found(format!("Creditor {business_id} not found")))
}

/// `Creditor { CreditorData, ContactPersons, ServiceType }`: registers a creditor (402 when its
/// BusinessId is registered) and issues a creditor key that works at once.
pub(crate) fn submit(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let f = Fields::new(&body, "");
    let data = f.object("CreditorData", Need::Required, &mut errors);
    let mut business_id = None;
    if let Some(data) = data {
        let d = Fields::new(data, "CreditorData");
        d.text("Name", Need::Required, &mut errors);
        business_id = d.text("BusinessId", Need::Required, &mut errors);
        if let Some(id) = business_id.as_deref().filter(|id| !business_id_valid(id)) {
            errors.push(FieldError::new(
                d.path("BusinessId"),
                format!("must be a Finnish Business ID such as 0112038-9 (with a valid check digit), not {id}"),
            ));
        }
        d.texts(CREDITOR_TEXTS, &mut errors);
    }
    check_contacts(&f, &mut errors);
    let service_type = f.text("ServiceType", Need::Optional, &mut errors).map(|t| t.to_ascii_uppercase());
    finish(errors)?;
    let (Some(data), Some(business_id)) = (data, business_id) else {
        return Err(ApiError::field("CreditorData", "is required"));
    };
    let now = Utc::now();
    app.with(|s| {
        if s.creditors.iter().any(|c| c.business_id == business_id) {
            return Err(ApiError::business(format!("A creditor with BusinessId {business_id} is already registered")));
        }
        let customer_code = s.next_creditor_code.to_string();
        s.next_creditor_code = s.next_creditor_code.saturating_add(1);
        let api_key = format!("{CREDITOR_KEY_PREFIX}{}", random_hex());
        s.creditor_keys.push(api_key.clone());
        s.creditors.push(Creditor {
            business_id: business_id.clone(),
            customer_code: customer_code.clone(),
            api_key: api_key.clone(),
            data: data.clone(),
            contact_persons: body.get("ContactPersons").cloned().unwrap_or(Value::Null),
            service_type: service_type.unwrap_or_else(|| DEFAULT_SERVICE_TYPE.to_owned()),
            registered_on: now.date_naive(),
            modified: now,
        });
        ok(json!({
            "StatusDescription": "Created",
            "BusinessId": business_id,
            "CustomerCode": customer_code,
            "ApiKey": api_key,
        }))
    })
}

/// `CreditorUpdateData { CreditorDetails, ContactPersons }`: replaces the given details (other
/// `CreditorData` members are 400) and, when given, the contact persons; 404 unknown.
/// `UpdatedFields` is alphabetical.
pub(crate) fn update(app: &App, call: &Call) -> Reply {
    let business_id = business_code(call)?;
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let f = Fields::new(&body, "");
    let details = f.object("CreditorDetails", Need::Optional, &mut errors);
    if let Some(details) = details {
        let d = Fields::new(details, "CreditorDetails");
        for name in details.keys().filter(|name| !UPDATABLE.contains(&name.as_str())) {
            errors.push(FieldError::new(
                d.path(name),
                format!("cannot be updated; the updatable details are {}", UPDATABLE.join(", ")),
            ));
        }
        d.texts(UPDATABLE, &mut errors);
    }
    check_contacts(&f, &mut errors);
    finish(errors)?;
    let contacts = body.get("ContactPersons").filter(|v| !v.is_null()).cloned();
    let now = Utc::now();
    app.with(|s| {
        let creditor = s
            .creditors
            .iter_mut()
            .find(|c| c.business_id == business_id)
            .ok_or_else(|| ApiError::not_found(format!("Creditor {business_id} not found")))?;
        let mut updated: Vec<String> = Vec::new();
        for (name, value) in details.into_iter().flatten() {
            creditor.data.insert(name.clone(), value.clone());
            updated.push(name.clone());
        }
        if let Some(contacts) = contacts {
            creditor.contact_persons = contacts;
            updated.push("ContactPersons".to_owned());
        }
        updated.sort();
        creditor.modified = now;
        ok(json!({ "BusinessId": creditor.business_id, "StatusDescription": "Updated", "UpdatedFields": updated }))
    })
}

/// `CreditorDetails { BusinessId, Name, CustomerCode, ApiKey }` of a registered creditor.
pub(crate) fn credentials(app: &App, call: &Call) -> Reply {
    let business_id = business_code(call)?;
    app.with(|s| {
        let c = find(s, &business_id)?;
        ok(json!({
            "BusinessId": c.business_id,
            "Name": c.text("Name"),
            "CustomerCode": c.customer_code,
            "ApiKey": c.api_key,
        }))
    })
}

/// The identifiers of a registered creditor: its `CustomerCode`, `AgreementIdentifier` and
/// `OVT` (EDI) identifier.
pub(crate) fn agreement_identifiers(app: &App, call: &Call) -> Reply {
    let business_id = business_code(call)?;
    app.with(|s| {
        let c = find(s, &business_id)?;
        ok(json!({
            "BusinessId": c.business_id,
            "Identifiers": [
                { "Type": "CustomerCode", "Value": c.customer_code },
                { "Type": "AgreementIdentifier", "Value": c.agreement_identifier() },
                { "Type": "OVT", "Value": ovt_of(&c.business_id) },
            ],
        }))
    })
}
