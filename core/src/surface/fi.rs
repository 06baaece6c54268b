//! The Finnish toolkit as JSON verdicts, shared by the CLI (`lasku check`, `lasku reference`,
//! `lasku barcode`) and every binding.

use super::json::{json_array, json_texts, JsonObject};
use crate::fi::{
    bic_for_finnish_iban, finnish_bank, parse_amount, parse_due_date, BarcodeError, BarcodeVersion, Bic, FiError, Hetu,
    Iban, NationalReference, Ovt, Reference, RfReference, VatNumber, VirtualBarcode, Ytunnus,
};
use crate::validate::Violation;
use crate::{Error, Result};

/// The kinds [`check_identifier`] knows.
pub const IDENTIFIER_KINDS: &[&str] = &["reference", "rf", "iban", "bic", "ytunnus", "vat", "hetu", "ovt"];

/// A valid value: its print format and extra facts, each with a label for people (or none).
struct Valid {
    label: &'static str,
    formatted: String,
    extras: Vec<(&'static str, Fact, Option<&'static str>)>,
}

/// One extra fact of a valid value.
enum Fact {
    Text(String),
    Flag(bool),
    /// Not known (`null`; "none" for people).
    None,
}

fn text(value: impl Into<String>) -> Fact {
    Fact::Text(value.into())
}

fn opt(value: Option<String>) -> Fact {
    value.map_or(Fact::None, Fact::Text)
}

fn national_extras(national: &NationalReference) -> Valid {
    Valid {
        label: "Finnish national reference",
        formatted: national.formatted(),
        extras: vec![
            ("type", text("national"), None),
            ("electronic", text(national.as_str()), Some("electronic")),
            ("machine_format", text(national.machine_format()), Some("machine format")),
            ("rf", text(national.to_rf().formatted()), Some("RF form")),
        ],
    }
}

fn rf_extras(rf: &RfReference) -> Valid {
    let national = rf.to_national().ok().map(|n| n.formatted());
    let national_label = national.as_ref().map(|_| "national form");
    let mut extras = vec![
        ("type", text("rf"), None),
        ("electronic", text(rf.as_str()), Some("electronic")),
        ("national", opt(national), national_label),
        ("barcode_capable", Fact::Flag(rf.is_numeric()), None),
    ];
    if national_label.is_none() {
        extras.push(("note", text("no Finnish national form"), Some("note")));
    }
    if !rf.is_numeric() {
        extras.push(("barcode_note", text("letters: cannot go into a virtual barcode"), Some("barcode")));
    }
    Valid { label: "RF creditor reference", formatted: rf.formatted(), extras }
}

fn inspect(kind: &str, value: &str) -> Option<std::result::Result<Valid, FiError>> {
    let checked = match kind {
        "reference" => Reference::parse(value).map_err(FiError::from).map(|r| match r {
            Reference::National(n) => national_extras(&n),
            Reference::Rf(rf) => rf_extras(&rf),
        }),
        "rf" => RfReference::parse(value).map_err(FiError::from).map(|rf| rf_extras(&rf)),
        "iban" => Iban::parse(value).map_err(FiError::from).map(|iban| {
            let bank = finnish_bank(&iban);
            let mut extras = vec![
                ("electronic", text(iban.as_str()), Some("electronic")),
                ("country", text(iban.country_code()), None),
            ];
            if iban.is_finnish() {
                extras.push(("bic", opt(bank.as_ref().map(|b| b.bic.to_string())), Some("BIC")));
                extras.push(("bank", opt(bank.map(|b| b.name.to_owned())), Some("bank")));
            }
            Valid { label: "IBAN", formatted: iban.formatted(), extras }
        }),
        "bic" => Bic::parse(value).map_err(FiError::from).map(|bic| Valid {
            label: "BIC",
            formatted: bic.to_string(),
            extras: vec![
                ("institution", text(bic.institution_code()), None),
                ("country", text(bic.country_code()), Some("country")),
                ("location", text(bic.location_code()), None),
                ("branch", opt(bic.branch_code().map(str::to_owned)), None),
            ],
        }),
        "ytunnus" => Ytunnus::parse(value).map_err(FiError::from).map(|id| Valid {
            label: "Y-tunnus",
            formatted: id.to_string(),
            extras: vec![
                ("vat_number", text(id.to_vat_number().to_string()), Some("VAT number")),
                ("ovt", opt(Ovt::from_ytunnus(&id, None).ok().map(|o| o.to_string())), Some("OVT")),
            ],
        }),
        "vat" => VatNumber::parse(value).map_err(FiError::from).map(|vat| Valid {
            label: "Finnish VAT number",
            formatted: vat.to_string(),
            extras: vec![("ytunnus", text(vat.to_ytunnus().to_string()), Some("Y-tunnus"))],
        }),
        "hetu" => Hetu::parse(value).map_err(FiError::from).map(|hetu| Valid {
            label: "henkilötunnus",
            formatted: hetu.to_string(),
            extras: vec![("birth_date", text(hetu.birth_date().to_string()), Some("birth date"))],
        }),
        "ovt" => Ovt::parse(value).map_err(FiError::from).map(|ovt| Valid {
            label: "OVT code",
            formatted: ovt.to_string(),
            extras: vec![
                ("ytunnus", text(ovt.ytunnus().to_string()), Some("Y-tunnus")),
                ("suffix", opt(ovt.suffix().map(str::to_owned)), None),
            ],
        }),
        _ => return None,
    };
    Some(checked)
}

/// Checks `value` as an identifier of `kind` (`reference` — national or RF —, `rf`, `iban`,
/// `bic`, `ytunnus`, `vat`, `hetu`, `ovt`) and returns the verdict as a JSON object:
/// `kind`, `value`, `valid`, `code` and `reason` (when invalid), `formatted`, `label`, kind-specific
/// extras (e.g. the `bic` and `bank` of a Finnish IBAN) and `human`: `[label, text]` pairs for
/// display. An unknown kind is invalid with code `kind.unknown`.
///
/// ```
/// let verdict: serde_json::Value = serde_json::from_str(&lasku::surface::check_identifier("reference", "2516000017")).unwrap();
/// assert_eq!(verdict["valid"], false);
/// assert_eq!(verdict["code"], "reference.check_digit");
/// ```
pub fn check_identifier(kind: &str, value: &str) -> String {
    let mut out = JsonObject::new();
    out.text("kind", kind).text("value", value);
    match inspect(kind, value) {
        None => {
            let reason = format!("unknown kind {kind:?}; expected one of: {}", IDENTIFIER_KINDS.join(", "));
            out.flag("valid", false).text("code", "kind.unknown").text("reason", &reason).null("formatted");
        }
        Some(Ok(valid)) => {
            out.flag("valid", true).null("code").null("reason").text("formatted", &valid.formatted);
            out.text("label", valid.label);
            let mut human = Vec::new();
            for (key, fact, label) in &valid.extras {
                let shown = match fact {
                    Fact::Text(text) => {
                        out.text(key, text);
                        text.as_str()
                    }
                    Fact::Flag(flag) => {
                        out.flag(key, *flag);
                        if *flag {
                            "true"
                        } else {
                            "false"
                        }
                    }
                    Fact::None => {
                        out.null(key);
                        "none"
                    }
                };
                if let Some(label) = label {
                    human.push(json_texts([*label, shown]));
                }
            }
            out.raw("human", &json_array(human));
        }
        Some(Err(error)) => {
            out.flag("valid", false).text("code", error.code()).text("reason", &error.to_string()).null("formatted");
        }
    }
    out.finish()
}

fn invalid(field: &str, value: &str, error: impl Into<FiError>) -> Error {
    let error: FiError = error.into();
    Error::Validation(vec![Violation::error(format!("/{field}"), error.code(), format!("{field} {value:?}: {error}"))])
}

/// The national reference for a base (3–19 digits, spaces ignored) and its RF form, as JSON:
/// `reference`, `formatted`, `check_digit`, `machine_format`, `rf`, `rf_formatted`.
pub fn reference_forms(base: &str) -> Result<String> {
    let national = NationalReference::from_base(base).map_err(|e| invalid("base", base, e))?;
    let rf = national.to_rf();
    Ok(JsonObject::new()
        .text("base", base)
        .text("reference", national.as_str())
        .text("formatted", &national.formatted())
        .number("check_digit", u64::from(national.check_digit()))
        .text("machine_format", &national.machine_format())
        .text("rf", rf.as_str())
        .text("rf_formatted", &rf.formatted())
        .finish())
}

/// Encodes a virtual bank barcode: version 4 for a national reference, 5 for RF. `amount` is in
/// euros (`"4883.15"`, `"4 883,15"`); `due` is `YYYY-MM-DD` or `D.M.YYYY`. Errors name the part.
pub fn encode_barcode(iban: &str, amount: &str, reference: &str, due: Option<&str>) -> Result<String> {
    let parsed_amount = parse_amount(amount).map_err(|e| invalid("amount", amount, e))?;
    let due_date = due.map(parse_due_date).transpose().map_err(|e| invalid("due", due.unwrap_or_default(), e))?;
    let parsed_iban = Iban::parse(iban).map_err(|e| invalid("iban", iban, e))?;
    let parsed_reference = Reference::parse(reference).map_err(|e| invalid("reference", reference, e))?;
    VirtualBarcode::new(parsed_iban, parsed_amount, parsed_reference, due_date).map(|b| b.encode()).map_err(|e| {
        let (field, value) = match &e {
            BarcodeError::NotFinnishIban { .. } => ("iban", iban),
            BarcodeError::RfLetters { .. } => ("reference", reference),
            BarcodeError::DueDateRange { .. } => ("due", due.unwrap_or_default()),
            _ => ("amount", amount),
        };
        invalid(field, value, e)
    })
}

/// Decodes a 54-digit virtual barcode into JSON: `barcode`, `version`, `iban`, `iban_formatted`,
/// `bic`, `amount` (a decimal string), `reference`, `reference_formatted`, `due_date`.
pub fn decode_barcode(code: &str) -> Result<String> {
    let barcode = crate::fi::decode_barcode(code).map_err(|e| invalid("barcode", code, e))?;
    let version = match barcode.version() {
        BarcodeVersion::V4 => 4,
        BarcodeVersion::V5 => 5,
    };
    Ok(JsonObject::new()
        .text("barcode", &barcode.encode())
        .number("version", version)
        .text("iban", barcode.iban().as_str())
        .text("iban_formatted", &barcode.iban().formatted())
        .opt_text("bic", bic_for_finnish_iban(barcode.iban()).map(|b| b.to_string()).as_deref())
        .text("amount", &barcode.amount().to_string())
        .text("reference", barcode.reference().as_str())
        .text("reference_formatted", &barcode.reference().formatted())
        .opt_text("due_date", barcode.due_date().map(|d| d.to_string()).as_deref())
        .finish())
}
