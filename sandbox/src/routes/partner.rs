//! Partner operations beyond creditors: `retrieve_finvoice_credentials`,
//! `retrieve_delivery_information_by_seller` and `send_sms`.

use serde_json::{json, Value};

use super::delivery::{record, record_date};
use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{finish, Fields, Need};
use crate::state::{App, Contract, Creditor, Inner, Sms};
use crate::values::{business_id_valid, text_of, timestamp, uuid_v4};

/// Longest SMS `Message` in characters (four concatenated 153-character GSM parts).
pub const MAX_SMS_CHARS: usize = 612;

/// Names of well-known Finnish bank and e-invoice operator codes (`EInvoiceOperatorName`).
const OPERATORS: &[(&str, &str)] = &[
    ("NDEAFIHH", "Nordea Bank"),
    ("OKOYFIHH", "OP Osuuspankki"),
    ("DABAFIHH", "Danske Bank"),
    ("HELSFIHH", "Aktia Pankki"),
    ("HANDFIHH", "Handelsbanken"),
    ("SBANFIHH", "S-Pankki"),
    ("ITELFIHH", "Säästöpankki"),
    ("POPFFI22", "POP Pankki"),
    ("AABAFI22", "Ålandsbanken"),
];

fn operator_name(code: &str) -> Option<&'static str> {
    OPERATORS.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)).map(|(_, name)| *name)
}

/// `IBAN` for an address that starts like an IBAN (two letters, two digits), `EDI` otherwise.
fn address_type(address: &str) -> &'static str {
    let b = address.as_bytes();
    let iban = b.len() >= 15
        && b.iter().take(2).all(u8::is_ascii_alphabetic)
        && b.iter().skip(2).take(2).all(u8::is_ascii_digit);
    if iban {
        "IBAN"
    } else {
        "EDI"
    }
}

/// Whether a Finvoice contract belongs to the business: its customer code is the Business ID,
/// or a registered customer with that code has that `BusinessId`.
fn contract_of(s: &Inner, contract: &Contract, business_id: &str) -> bool {
    contract.customer_code == business_id
        || s.customers
            .get(&contract.customer_code)
            .is_some_and(|customer| text_of(customer.data.get("BusinessId")).is_some_and(|b| b.trim() == business_id))
}

fn contract_record(s: &Inner, contract: &Contract) -> Value {
    let name = contract
        .customer_name
        .clone()
        .or_else(|| s.customers.get(&contract.customer_code).and_then(|c| text_of(c.data.get("Name"))));
    json!({
        "EInvoiceAddressName": name,
        "EInvoiceAddress": contract.address,
        "EInvoiceAddressType": address_type(&contract.address),
        "EInvoiceOperatorId": contract.intermediator,
        "EInvoiceOperatorName": operator_name(&contract.intermediator),
        "LastModified": timestamp(contract.modified),
    })
}

fn creditor_record(c: &Creditor) -> Option<Value> {
    let iban = c.text("Iban")?;
    let bic = c.text("Bic");
    Some(json!({
        "EInvoiceAddressName": c.text("Name"),
        "EInvoiceAddress": iban,
        "EInvoiceAddressType": "IBAN",
        "EInvoiceOperatorName": bic.as_deref().and_then(operator_name),
        "EInvoiceOperatorId": bic,
        "LastModified": timestamp(c.modified),
    }))
}

/// The `businessId` parameter: required and a valid Business ID (400 naming it otherwise).
fn business_id(call: &Call) -> Result<String, ApiError> {
    let id = call.query.get("businessId").ok_or_else(|| ApiError::field("businessId", "is required"))?;
    if !business_id_valid(id) {
        return Err(ApiError::field(
            "businessId",
            format!("must be a Finnish Business ID such as 0112038-9, not {id}"),
        ));
    }
    Ok(id.to_owned())
}

/// `{ "Data": [FinvoiceRegistryCredentialsRecord] }` (always a list, no paging) for a business:
/// its Finvoice contracts (`update_finvoice_account`), then the IBAN of a registered creditor.
pub(crate) fn finvoice_credentials(app: &App, call: &Call) -> Reply {
    let id = business_id(call)?;
    let records = app.with(|s| {
        let mut records: Vec<Value> =
            s.contracts.iter().filter(|c| contract_of(s, c, &id)).map(|c| contract_record(s, c)).collect();
        records.extend(s.creditors.iter().filter(|c| c.business_id == id).filter_map(creditor_record));
        records
    });
    ok(json!({ "Data": records }))
}

/// Delivery records of the sales invoices whose `SellerInfo.SellerBusinessId` is `businessId`,
/// filtered by `dateFrom` / `dateTo` like `retrieve_invoice_delivery_information`, paged.
pub(crate) fn delivery_by_seller(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let id = business_id(call)?;
    let range = q.window("dateFrom", "dateTo", None)?;
    let items = app.with(|s| {
        s.invoices()
            .iter()
            .filter(|inv| {
                let seller = inv.data.get("SellerInfo").and_then(|info| info.get("SellerBusinessId"));
                text_of(seller).is_some_and(|b| b.trim() == id)
            })
            .filter(|inv| range.contains(record_date(inv)))
            .map(record)
            .collect::<Vec<_>>()
    });
    ok(paging.list(items))
}

/// Whether `number` is an E.164 number: `+`, then 7 to 15 digits, the first not 0.
fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// `SmsData { PhoneNumber, Message, Sender }`: queues the message (400 naming the field for a
/// number that is not E.164, or an empty or too long message).
pub(crate) fn send_sms(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let mut errors = Vec::new();
    let f = Fields::new(&body, "");
    let phone = f.text("PhoneNumber", Need::Required, &mut errors);
    if let Some(p) = phone.as_deref().filter(|p| !is_e164(p)) {
        errors.push(FieldError::new("PhoneNumber", format!("must be an E.164 number such as +358401234567, not {p}")));
    }
    let message = f.text("Message", Need::Required, &mut errors);
    if let Some(m) = message.as_deref() {
        let chars = m.chars().count();
        if chars > MAX_SMS_CHARS {
            errors.push(FieldError::new("Message", format!("must be at most {MAX_SMS_CHARS} characters, not {chars}")));
        }
    }
    let sender = f.text("Sender", Need::Optional, &mut errors);
    finish(errors)?;
    let (Some(phone_number), Some(message)) = (phone, message) else {
        return Err(ApiError::field("PhoneNumber", "is required"));
    };
    let id = uuid_v4();
    app.with(|s| s.sms.push(Sms { id: id.clone(), phone_number, message, sender }));
    ok(json!({
        "MessageId": id,
        "Status": "Queued",
        "DeliveryReport": { "Status": "Pending", "DeliveredAt": null },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_numbers() {
        assert!(is_e164("+358401234567"));
        assert!(is_e164("+4670123456"));
        for bad in ["0401234567", "+0401234567", "+358 40 1234567", "+123456", "+1234567890123456", "+"] {
            assert!(!is_e164(bad), "{bad}");
        }
    }

    #[test]
    fn address_types() {
        assert_eq!(address_type("FI4819503000000010"), "IBAN");
        assert_eq!(address_type("003712345678"), "EDI");
        assert_eq!(operator_name("ndeafihh"), Some("Nordea Bank"));
    }
}
