//! Small conversions between JSON values and the sandbox's own types: money, dates, invoice
//! numbers, generated identifiers.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{NaiveDate, SecondsFormat, Utc};
use rust_decimal::Decimal;
use serde_json::{Number, Value};

/// A decimal from a JSON number (read through its exact text, `arbitrary_precision` being on) or
/// from a numeric string. `None` for anything else.
pub(crate) fn decimal_of(value: &Value) -> Option<Decimal> {
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    if text.is_empty() {
        return None;
    }
    Decimal::from_str(&text).or_else(|_| Decimal::from_scientific(&text)).ok()
}

/// A JSON number with exactly the decimal's digits.
pub(crate) fn number_of(value: Decimal) -> Value {
    Number::from_str(&value.to_string()).map(Value::Number).unwrap_or(Value::Null)
}

/// A money amount as a JSON number with two decimals (half away from zero).
pub(crate) fn money(value: Decimal) -> Value {
    let mut rounded = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    number_of(rounded)
}

/// A `YYYY-MM-DD` date, nothing else (no time, no sign, no short years).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date as the contract writes it.
pub(crate) fn date_value(date: NaiveDate) -> Value {
    Value::String(date.format("%Y-%m-%d").to_string())
}

/// Today (UTC).
pub(crate) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Now as an ISO-8601 UTC timestamp with whole seconds, e.g. `2026-05-08T13:50:00Z`.
pub(crate) fn timestamp(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The identity of an invoice number: a JSON integer and the string of its digits are the same
/// invoice (`123` and `"123"`); strings are trimmed. `None` for anything that cannot be an
/// invoice number (empty strings, fractions, negative numbers, other types).
pub(crate) fn invoice_key(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        }
        Value::Number(_) => {
            let d = decimal_of(value)?;
            if d.is_sign_negative() || d.fract() != Decimal::ZERO {
                return None;
            }
            Some(d.trunc().normalize().to_string())
        }
        _ => None,
    }
}

/// A string member (or the digits of a number member) as text; `None` when absent, null or of
/// another type.
pub(crate) fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether `text` is a Finnish Business ID (Y-tunnus): seven digits, a hyphen and a valid
/// check digit (weights 7, 9, 10, 5, 8, 4, 2; modulo 11).
pub(crate) fn business_id_valid(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(body), Some(b'-'), Some(check), 9) = (bytes.get(..7), bytes.get(7), bytes.get(8), bytes.len()) else {
        return false;
    };
    if !body.iter().all(u8::is_ascii_digit) || !check.is_ascii_digit() {
        return false;
    }
    let sum: u32 = body.iter().zip([7u32, 9, 10, 5, 8, 4, 2]).map(|(d, w)| u32::from(d - b'0') * w).sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    u32::from(check - b'0') == expected
}

/// The OVT (Finnish EDI) identifier of a business: `0037` and the Business ID's digits.
pub(crate) fn ovt_of(business_id: &str) -> String {
    let digits: String = business_id.chars().filter(char::is_ascii_digit).collect();
    format!("0037{digits}")
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// 64 unpredictable bits (from the standard library's randomly keyed hasher).
fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_i64(Utc::now().timestamp_nanos_opt().unwrap_or_default());
    hasher.finish()
}

/// A random (version 4) UUID in its usual text form.
pub(crate) fn uuid_v4() -> String {
    let hi = random_u64();
    let lo = random_u64();
    let hi = (hi & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    let lo = (lo & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// A random token of 32 hex digits.
pub(crate) fn random_hex() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decimals_come_from_number_text_and_numeric_strings() {
        let v: Value = serde_json::from_str("123.4500000000000000001").unwrap();
        assert_eq!(decimal_of(&v).unwrap().to_string(), "123.4500000000000000001");
        assert_eq!(decimal_of(&json!("12.50")).unwrap().to_string(), "12.50");
        assert_eq!(decimal_of(&json!(1e2)).unwrap(), Decimal::from(100));
        assert!(decimal_of(&json!("12,50")).is_none());
        assert!(decimal_of(&json!(true)).is_none());
        assert_eq!(money(Decimal::new(12345, 3)).to_string(), "12.35");
        assert_eq!(money(Decimal::from(7)).to_string(), "7.00");
    }

    #[test]
    fn invoice_numbers_normalise() {
        assert_eq!(invoice_key(&json!(123)).as_deref(), Some("123"));
        assert_eq!(invoice_key(&json!("123")).as_deref(), Some("123"));
        assert_eq!(invoice_key(&json!(" 123 ")).as_deref(), Some("123"));
        let v: Value = serde_json::from_str("123.0").unwrap();
        assert_eq!(invoice_key(&v).as_deref(), Some("123"));
        assert_eq!(invoice_key(&json!("INV-1")).as_deref(), Some("INV-1"));
        assert!(invoice_key(&json!(1.5)).is_none());
        assert!(invoice_key(&json!(-1)).is_none());
        assert!(invoice_key(&json!("")).is_none());
        assert!(invoice_key(&json!(null)).is_none());
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2022-01-20").is_some());
        for bad in ["2022-1-20", "20.01.2022", "2022-02-30", "+022-01-20", "2022-01-20T00:00:00Z"] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn business_ids_have_a_check_digit() {
        for good in ["0112038-9", "1572860-0", "2617416-4"] {
            assert!(business_id_valid(good), "{good}");
        }
        for bad in ["0112038-8", "112038-9", "01120389", "0112038-99", "abcdefg-1", ""] {
            assert!(!business_id_valid(bad), "{bad}");
        }
        assert_eq!(ovt_of("0112038-9"), "003701120389");
    }

    #[test]
    fn uuids_look_like_v4() {
        let a = uuid_v4();
        let b = uuid_v4();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
