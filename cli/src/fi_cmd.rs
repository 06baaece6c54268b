//! `lasku check`, `lasku reference` and `lasku barcode`: the Finnish toolkit on the command
//! line, printing the core's JSON verdicts (`lasku::surface`) as they are (`--json`) or for people.
//!
//! Exit codes: 0 valid / done, 1 invalid input, 2 usage error (unknown kind, missing option).

use lasku::surface;
use serde_json::{json, Value};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_owned(),
        other => other.to_string(),
    }
}

/// Prints the verdict of `lasku check KIND VALUE`: 0 when valid, 1 when not, 2 for an unknown kind.
pub fn check(kind: &str, value: &str, json: bool) -> i32 {
    let verdict = parse(&surface::check_identifier(kind, value));
    let unknown_kind = verdict["code"] == "kind.unknown";
    if json {
        println!("{verdict}");
    } else if unknown_kind {
        eprintln!("lasku check: {}", text(&verdict["reason"]));
    } else if verdict["valid"] == true {
        println!("valid {}: {}", text(&verdict["label"]), text(&verdict["formatted"]));
        for pair in verdict["human"].as_array().into_iter().flatten() {
            println!("  {}: {}", text(&pair[0]), text(&pair[1]));
        }
    } else {
        println!("invalid {kind} {value:?}: {} [{}]", text(&verdict["reason"]), text(&verdict["code"]));
    }
    match (unknown_kind, verdict["valid"] == true) {
        (true, _) => 2,
        (false, true) => 0,
        (false, false) => 1,
    }
}

/// Reports an invalid value (from a validation error); returns 1.
fn failure(error: &lasku::Error, json: bool) -> i32 {
    let (path, code, message) = match error {
        lasku::Error::Validation(v) if !v.is_empty() => (v[0].path.clone(), v[0].code.clone(), v[0].message.clone()),
        other => (String::new(), other.code().to_owned(), other.to_string()),
    };
    if json {
        println!("{}", json!({"valid": false, "field": path.trim_start_matches('/'), "code": code, "reason": message}));
    } else {
        println!("invalid {message} [{code}]");
    }
    1
}

/// Prints the national reference for `base`, grouped, and its RF form; 1 when the base is unusable.
pub fn reference(base: &str, json: bool) -> i32 {
    match surface::reference_forms(base) {
        Ok(forms) => {
            let forms = parse(&forms);
            if json {
                println!("{forms}");
            } else {
                println!("reference: {}", text(&forms["formatted"]));
                println!("  electronic: {}", text(&forms["reference"]));
                println!("  check digit: {}", text(&forms["check_digit"]));
                println!("  RF form: {}", text(&forms["rf_formatted"]));
            }
            0
        }
        Err(e) => failure(&e, json),
    }
}

/// Encodes a virtual bank barcode (version 4 for a national reference, 5 for RF) or decodes
/// one: 0 on success, 1 for invalid values, 2 for a wrong combination of options.
pub fn barcode(
    iban: Option<&str>,
    amount: Option<&str>,
    reference: Option<&str>,
    due: Option<&str>,
    decode: Option<&str>,
    json: bool,
) -> i32 {
    let code = match (decode, iban, amount, reference) {
        (Some(_), None, None, None) if due.is_none() => decode.map(str::to_owned),
        (Some(_), ..) => return usage("--decode takes no --iban, --amount, --reference or --due", json),
        (None, Some(i), Some(a), Some(r)) => match surface::encode_barcode(i, a, r, due) {
            Ok(code) => Some(code),
            Err(e) => return failure(&e, json),
        },
        (None, ..) => {
            let missing: Vec<&str> = [("--iban", iban), ("--amount", amount), ("--reference", reference)]
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(name, _)| *name)
                .collect();
            return usage(&format!("encoding needs {} (or use --decode)", missing.join(", ")), json);
        }
    };
    let decoded = match surface::decode_barcode(code.as_deref().unwrap_or_default()) {
        Ok(parts) => parse(&parts),
        Err(e) => return failure(&e, json),
    };
    if json {
        let mut out = decoded;
        if let Some(map) = out.as_object_mut() {
            map.insert("valid".into(), json!(true));
        }
        println!("{out}");
    } else {
        let bic = match &decoded["bic"] {
            Value::String(b) => format!(" ({b})"),
            _ => String::new(),
        };
        let amount = text(&decoded["amount"]);
        println!("{}", text(&decoded["barcode"]));
        println!("  version: {}", text(&decoded["version"]));
        println!("  IBAN: {}{bic}", text(&decoded["iban_formatted"]));
        println!("  amount: {amount} EUR{}", if amount == "0" || amount == "0.00" { " (payer fills in)" } else { "" });
        println!("  reference: {}", text(&decoded["reference_formatted"]));
        println!("  due date: {}", text(&decoded["due_date"]));
    }
    0
}

/// Reports a usage error; returns 2.
fn usage(message: &str, json: bool) -> i32 {
    if json {
        println!("{}", json!({"valid": false, "code": "cli.usage", "reason": message}));
    } else {
        eprintln!("lasku barcode: {message}");
    }
    2
}
