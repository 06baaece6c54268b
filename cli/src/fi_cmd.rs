//! `lasku check`, `lasku reference` and `lasku barcode`: the Finnish toolkit (`lasku::fi`) on the
//! command line. Each prints a readable verdict, or one line of JSON with `--json`.
//!
//! Exit codes: 0 valid / done, 1 invalid input, 2 usage error (unknown kind, missing option).

use lasku::fi::{
    bic_for_finnish_iban, decode_barcode, finnish_bank, parse_amount, parse_due_date, BarcodeError, BarcodeVersion,
    Bic, FiError, Hetu, Iban, NationalReference, Ovt, Reference, RfReference, VatNumber, VirtualBarcode, Ytunnus,
};
use serde_json::{json, Map, Value};

/// The kinds `lasku check` knows.
pub const KINDS: &[&str] = &["reference", "rf", "iban", "bic", "ytunnus", "vat", "hetu", "ovt"];

/// What a valid value looks like: its print format, extra facts for JSON and for people.
struct Valid {
    /// Human name of the kind, e.g. "Finnish reference".
    label: &'static str,
    formatted: String,
    /// `(json key, value, human label)`; a `None` human label keeps it out of the readable output.
    extras: Vec<(&'static str, Value, Option<&'static str>)>,
}

fn opt(value: Option<String>) -> Value {
    value.map_or(Value::Null, Value::String)
}

fn check_reference(value: &str) -> Result<Valid, FiError> {
    Ok(match Reference::parse(value)? {
        Reference::National(national) => national_extras(&national),
        Reference::Rf(rf) => rf_extras(&rf),
    })
}

fn national_extras(national: &NationalReference) -> Valid {
    let rf = national.to_rf();
    Valid {
        label: "Finnish national reference",
        formatted: national.formatted(),
        extras: vec![
            ("type", json!("national"), None),
            ("electronic", json!(national.as_str()), Some("electronic")),
            ("machine_format", json!(national.machine_format()), Some("machine format")),
            ("rf", json!(rf.formatted()), Some("RF form")),
        ],
    }
}

fn rf_extras(rf: &RfReference) -> Valid {
    let national = rf.to_national().ok().map(|n| n.formatted());
    let national_label = if national.is_some() { Some("national form") } else { None };
    let mut extras = vec![
        ("type", json!("rf"), None),
        ("electronic", json!(rf.as_str()), Some("electronic")),
        ("national", opt(national), national_label),
        ("barcode_capable", json!(rf.is_numeric()), None),
    ];
    if national_label.is_none() {
        extras.push(("note", json!("no Finnish national form"), Some("note")));
    }
    if !rf.is_numeric() {
        extras.push(("barcode_note", json!("letters: cannot go into a virtual barcode"), Some("barcode")));
    }
    Valid { label: "RF creditor reference", formatted: rf.formatted(), extras }
}

fn check_iban(value: &str) -> Result<Valid, FiError> {
    let iban = Iban::parse(value)?;
    let bank = finnish_bank(&iban);
    let mut extras =
        vec![("electronic", json!(iban.as_str()), Some("electronic")), ("country", json!(iban.country_code()), None)];
    if iban.is_finnish() {
        extras.push(("bic", opt(bank.as_ref().map(|b| b.bic.to_string())), Some("BIC")));
        extras.push(("bank", opt(bank.map(|b| b.name.to_owned())), Some("bank")));
    }
    Ok(Valid { label: "IBAN", formatted: iban.formatted(), extras })
}

fn check_bic(value: &str) -> Result<Valid, FiError> {
    let bic = Bic::parse(value)?;
    Ok(Valid {
        label: "BIC",
        formatted: bic.to_string(),
        extras: vec![
            ("institution", json!(bic.institution_code()), None),
            ("country", json!(bic.country_code()), Some("country")),
            ("location", json!(bic.location_code()), None),
            ("branch", opt(bic.branch_code().map(str::to_owned)), None),
        ],
    })
}

fn check_ytunnus(value: &str) -> Result<Valid, FiError> {
    let id = Ytunnus::parse(value)?;
    let ovt = Ovt::from_ytunnus(&id, None).ok().map(|o| o.to_string());
    Ok(Valid {
        label: "Y-tunnus",
        formatted: id.to_string(),
        extras: vec![
            ("vat_number", json!(id.to_vat_number().to_string()), Some("VAT number")),
            ("ovt", opt(ovt), Some("OVT")),
        ],
    })
}

fn check_vat(value: &str) -> Result<Valid, FiError> {
    let vat = VatNumber::parse(value)?;
    Ok(Valid {
        label: "Finnish VAT number",
        formatted: vat.to_string(),
        extras: vec![("ytunnus", json!(vat.to_ytunnus().to_string()), Some("Y-tunnus"))],
    })
}

fn check_hetu(value: &str) -> Result<Valid, FiError> {
    let hetu = Hetu::parse(value)?;
    Ok(Valid {
        label: "henkilötunnus",
        formatted: hetu.to_string(),
        extras: vec![("birth_date", json!(hetu.birth_date().to_string()), Some("birth date"))],
    })
}

fn check_ovt(value: &str) -> Result<Valid, FiError> {
    let ovt = Ovt::parse(value)?;
    Ok(Valid {
        label: "OVT code",
        formatted: ovt.to_string(),
        extras: vec![
            ("ytunnus", json!(ovt.ytunnus().to_string()), Some("Y-tunnus")),
            ("suffix", opt(ovt.suffix().map(str::to_owned)), None),
        ],
    })
}

fn check_rf(value: &str) -> Result<Valid, FiError> {
    Ok(rf_extras(&RfReference::parse(value)?))
}

/// Checks `value` as an identifier of `kind` (`reference`, `rf`, `iban`, `bic`, `ytunnus`,
/// `vat`, `hetu`, `ovt`) and prints the verdict. Returns 0 when valid, 1 when not, 2 for an
/// unknown kind. `reference` accepts a national or an RF reference; `vat` is the VAT number.
pub fn check(kind: &str, value: &str, json: bool) -> i32 {
    let checker: fn(&str) -> Result<Valid, FiError> = match kind {
        "reference" => check_reference,
        "rf" => check_rf,
        "iban" => check_iban,
        "bic" => check_bic,
        "ytunnus" => check_ytunnus,
        "vat" => check_vat,
        "hetu" => check_hetu,
        "ovt" => check_ovt,
        _ => {
            let reason = format!("unknown kind {kind:?}; expected one of: {}", KINDS.join(", "));
            if json {
                println!(
                    "{}",
                    json!({"kind": kind, "value": value, "valid": false, "code": "cli.unknown_kind", "reason": reason, "formatted": null})
                );
            } else {
                eprintln!("lasku check: {reason}");
            }
            return 2;
        }
    };
    match checker(value) {
        Ok(valid) => {
            if json {
                let mut out = base_object(kind, value);
                out.insert("valid".into(), json!(true));
                out.insert("code".into(), Value::Null);
                out.insert("reason".into(), Value::Null);
                out.insert("formatted".into(), json!(valid.formatted));
                for (key, extra, _) in valid.extras {
                    out.insert(key.into(), extra);
                }
                println!("{}", Value::Object(out));
            } else {
                println!("valid {}: {}", valid.label, valid.formatted);
                for (_, extra, label) in &valid.extras {
                    if let Some(label) = label {
                        println!("  {label}: {}", human(extra));
                    }
                }
            }
            0
        }
        Err(error) => {
            if json {
                let mut out = base_object(kind, value);
                out.insert("valid".into(), json!(false));
                out.insert("code".into(), json!(error.code()));
                out.insert("reason".into(), json!(error.to_string()));
                out.insert("formatted".into(), Value::Null);
                println!("{}", Value::Object(out));
            } else {
                println!("invalid {kind} {value:?}: {error} [{}]", error.code());
            }
            1
        }
    }
}

fn base_object(kind: &str, value: &str) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("kind".into(), json!(kind));
    out.insert("value".into(), json!(value));
    out
}

/// A JSON value as a person reads it: strings without quotes, `null` as "none".
fn human(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_owned(),
        other => other.to_string(),
    }
}

/// Prints the national reference for `base` (3–19 digits; spaces ignored), grouped, and its RF
/// form. Returns 0, or 1 when the base is not usable.
pub fn reference(base: &str, json: bool) -> i32 {
    match NationalReference::from_base(base) {
        Ok(national) => {
            let rf = national.to_rf();
            if json {
                println!(
                    "{}",
                    json!({
                        "base": base,
                        "valid": true,
                        "code": null,
                        "reason": null,
                        "reference": national.as_str(),
                        "formatted": national.formatted(),
                        "check_digit": national.check_digit(),
                        "machine_format": national.machine_format(),
                        "rf": rf.as_str(),
                        "rf_formatted": rf.formatted(),
                    })
                );
            } else {
                println!("reference: {}", national.formatted());
                println!("  electronic: {}", national.as_str());
                println!("  check digit: {}", national.check_digit());
                println!("  RF form: {}", rf.formatted());
            }
            0
        }
        Err(error) => {
            let error = FiError::from(error);
            if json {
                println!(
                    "{}",
                    json!({"base": base, "valid": false, "code": error.code(), "reason": error.to_string(), "reference": null, "formatted": null, "rf": null})
                );
            } else {
                println!("cannot make a reference from {base:?}: {error} [{}]", error.code());
            }
            1
        }
    }
}

/// Encodes a virtual bank barcode from `iban`, `amount`, `reference` and an optional `due`
/// date (version 4 for a national reference, 5 for RF), or decodes the barcode in `decode`.
/// Returns 0 on success, 1 for invalid values, 2 for a wrong combination of options.
pub fn barcode(
    iban: Option<&str>,
    amount: Option<&str>,
    reference: Option<&str>,
    due: Option<&str>,
    decode: Option<&str>,
    json: bool,
) -> i32 {
    if let Some(code) = decode {
        if iban.is_some() || amount.is_some() || reference.is_some() || due.is_some() {
            return usage("--decode takes no --iban, --amount, --reference or --due", json);
        }
        return match decode_barcode(code) {
            Ok(barcode) => {
                print_barcode(&barcode, json);
                0
            }
            Err(error) => failure("barcode", code, &error.into(), json),
        };
    }
    let (Some(iban), Some(amount), Some(reference)) = (iban, amount, reference) else {
        let missing: Vec<&str> = [("--iban", iban), ("--amount", amount), ("--reference", reference)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(name, _)| *name)
            .collect();
        return usage(&format!("encoding needs {} (or use --decode)", missing.join(", ")), json);
    };
    let parsed_amount = match parse_amount(amount) {
        Ok(a) => a,
        Err(error) => return failure("amount", amount, &error.into(), json),
    };
    let due_date = match due.map(parse_due_date).transpose() {
        Ok(d) => d,
        Err(error) => return failure("due", due.unwrap_or_default(), &error.into(), json),
    };
    let parsed_iban = match Iban::parse(iban) {
        Ok(i) => i,
        Err(error) => return failure("iban", iban, &error.into(), json),
    };
    let parsed_reference = match Reference::parse(reference) {
        Ok(r) => r,
        Err(error) => return failure("reference", reference, &error.into(), json),
    };
    match VirtualBarcode::new(parsed_iban, parsed_amount, parsed_reference, due_date) {
        Ok(barcode) => {
            print_barcode(&barcode, json);
            0
        }
        Err(error) => {
            let (field, value) = match &error {
                BarcodeError::NotFinnishIban { .. } => ("iban", iban),
                BarcodeError::RfLetters { .. } => ("reference", reference),
                BarcodeError::DueDateRange { .. } => ("due", due.unwrap_or_default()),
                _ => ("amount", amount),
            };
            failure(field, value, &error.into(), json)
        }
    }
}

fn print_barcode(barcode: &VirtualBarcode, json: bool) {
    let code = barcode.encode();
    let version = match barcode.version() {
        BarcodeVersion::V4 => 4,
        BarcodeVersion::V5 => 5,
    };
    let due = barcode.due_date().map(|d| d.to_string());
    let bic = bic_for_finnish_iban(barcode.iban()).map(|b| b.to_string());
    if json {
        println!(
            "{}",
            json!({
                "valid": true,
                "code": null,
                "reason": null,
                "barcode": code,
                "version": version,
                "iban": barcode.iban().as_str(),
                "iban_formatted": barcode.iban().formatted(),
                "bic": bic,
                "amount": barcode.amount().to_string(),
                "reference": barcode.reference().as_str(),
                "reference_formatted": barcode.reference().formatted(),
                "due_date": due,
            })
        );
    } else {
        println!("{code}");
        println!("  version: {version}");
        println!("  IBAN: {}{}", barcode.iban().formatted(), bic.map(|b| format!(" ({b})")).unwrap_or_default());
        println!(
            "  amount: {} EUR{}",
            barcode.amount(),
            if barcode.amount().is_zero() { " (payer fills in)" } else { "" }
        );
        println!("  reference: {}", barcode.reference().formatted());
        println!("  due date: {}", due.as_deref().unwrap_or("none"));
    }
}

/// Reports an invalid value; returns 1.
fn failure(what: &str, value: &str, error: &FiError, json: bool) -> i32 {
    if json {
        println!(
            "{}",
            json!({"valid": false, "field": what, "value": value, "code": error.code(), "reason": error.to_string(), "barcode": null})
        );
    } else {
        println!("invalid {what} {value:?}: {error} [{}]", error.code());
    }
    1
}

/// Reports a usage error; returns 2.
fn usage(message: &str, json: bool) -> i32 {
    if json {
        println!("{}", json!({"valid": false, "code": "cli.usage", "reason": message, "barcode": null}));
    } else {
        eprintln!("lasku barcode: {message}");
    }
    2
}
