//! Confirma Software partner operations (sent with the partner key).

use super::{check_with, fail_on, op, paged, require_text};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::fi;
use crate::validate::Violation;
use crate::{Error, Result};

fn business_path(id: &str, business_code: &str) -> Result<Call> {
    let code = business_code.trim();
    if let Err(e) = fi::validate_ytunnus(code) {
        return Err(Error::Validation(vec![Violation::error("/businessCode", e.code(), format!("{code:?}: {e}"))]));
    }
    Ok(Call::new(op(id)?).path("businessCode", code))
}

/// "Submit new creditor": company name and a valid Y-tunnus are required; IBAN and BIC are checked.
pub fn submit_creditor(creditor: &Creditor) -> Result<Call> {
    let mut v = Vec::new();
    let mut keys = NaturalKeys::default();
    match &creditor.creditor_data {
        None => v.push(Violation::error("/CreditorData", "required", "CreditorData is required")),
        Some(data) => {
            require_text(&mut v, "/CreditorData/Name", data.name.as_deref());
            require_text(&mut v, "/CreditorData/BusinessId", data.business_id.as_deref());
            check_with(&mut v, "/CreditorData/BusinessId", data.business_id.as_deref(), fi::validate_ytunnus);
            check_with(&mut v, "/CreditorData/VatNumber", data.vat_number.as_deref(), fi::validate_vat_number);
            check_with(&mut v, "/CreditorData/Iban", data.iban.as_deref(), fi::validate_iban);
            check_with(&mut v, "/CreditorData/Bic", data.bic.as_deref(), fi::validate_bic);
            keys.other.extend(data.business_id.clone());
        }
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::submit_creditor)?).json(creditor)?.keys(keys))
}

/// "Update creditor".
pub fn update_creditor(business_code: &str, update: &CreditorUpdateData) -> Result<Call> {
    let mut v = Vec::new();
    if let Some(d) = &update.creditor_details {
        check_with(&mut v, "/CreditorDetails/Iban", d.iban.as_deref(), fi::validate_iban);
        check_with(&mut v, "/CreditorDetails/Bic", d.bic.as_deref(), fi::validate_bic);
    }
    fail_on(v)?;
    business_path(ids::update_creditor, business_code)?.json(update)
}

/// "Retrieve Creditor Credentials" by Y-tunnus.
pub fn retrieve_creditor_credentials(business_code: &str) -> Result<Call> {
    business_path(ids::retrieve_creditor_credentials, business_code)
}

/// "Retrieve Finvoice Credentials": the e-invoice addresses of a company (by Y-tunnus).
pub fn retrieve_finvoice_credentials(business_id: &str) -> Result<Call> {
    let id = business_id.trim();
    if let Err(e) = fi::validate_ytunnus(id) {
        return Err(Error::Validation(vec![Violation::error("/businessId", e.code(), format!("{id:?}: {e}"))]));
    }
    Ok(Call::new(op(ids::retrieve_finvoice_credentials)?).query("businessId", Some(id)))
}

/// "Retrieve External Agreement Identifiers" of a creditor.
pub fn retrieve_external_agreement_identifiers(business_code: &str) -> Result<Call> {
    business_path(ids::retrieve_external_agreement_identifiers, business_code)
}

/// "Retrieve invoice delivery information by seller".
pub fn retrieve_delivery_information_by_seller(business_id: &str, query: &DateRangeQuery) -> Result<Call> {
    let id = business_id.trim();
    if let Err(e) = fi::validate_ytunnus(id) {
        return Err(Error::Validation(vec![Violation::error("/businessId", e.code(), format!("{id:?}: {e}"))]));
    }
    super::check_range(query.date_from, query.date_to)?;
    let call = Call::new(op(ids::retrieve_delivery_information_by_seller)?)
        .query("businessId", Some(id))
        .query("dateFrom", query.date_from)
        .query("dateTo", query.date_to);
    Ok(paged(call, query.page))
}

/// The longest text message (four concatenated SMS).
pub const SMS_MAX_CHARS: usize = 612;

/// "Send SMS message": an E.164 number and at most 612 characters.
pub fn send_sms(sms: &SmsData) -> Result<Call> {
    let mut v = Vec::new();
    match sms.phone_number.as_deref().map(str::trim) {
        None | Some("") => v.push(Violation::error("/PhoneNumber", "required", "PhoneNumber is required")),
        Some(n) => {
            let digits = n.strip_prefix('+').unwrap_or("");
            if !(8..=15).contains(&digits.len())
                || !digits.bytes().all(|b| b.is_ascii_digit())
                || digits.starts_with('0')
            {
                v.push(Violation::error(
                    "/PhoneNumber",
                    "phone.format",
                    format!("{n:?} is not an E.164 number such as +358401234567"),
                ));
            }
        }
    }
    match sms.message.as_deref() {
        None | Some("") => v.push(Violation::error("/Message", "required", "Message is required")),
        Some(m) if m.chars().count() > SMS_MAX_CHARS => v.push(Violation::error(
            "/Message",
            "sms.too_long",
            format!("the message has {} characters; at most {SMS_MAX_CHARS}", m.chars().count()),
        )),
        Some(_) => {}
    }
    fail_on(v)?;
    Ok(Call::new(op(ids::send_sms)?)
        .json(sms)?
        .keys(NaturalKeys { other: sms.phone_number.iter().cloned().collect(), ..NaturalKeys::default() }))
}
