//! Custom types: decimal numbers, calendar dates and identifiers cross the FFI as text.
//!
//! `uniffi.toml` maps them to `java.math.BigDecimal` / `java.time.LocalDate` in Kotlin and to
//! `Foundation.Decimal` / `DateComponents` in Swift. A value the host sends that the core cannot
//! hold (a decimal beyond 28 significant digits, a year beyond 9999) becomes a `Validation`
//! error of the call, never a crash.

use lasku::model::Identifier;

use crate::LaskuError;

/// A decimal number (money, quantities, VAT rates): `java.math.BigDecimal` in Kotlin,
/// `Foundation.Decimal` in Swift. Crosses the FFI as its plain text (`"124.00"`), so the scale
/// and every digit survive.
pub type Decimal = rust_decimal::Decimal;

/// A calendar date: `java.time.LocalDate` in Kotlin, `DateComponents` (year, month, day) in
/// Swift. Crosses the FFI as `YYYY-MM-DD`.
pub type LocalDate = chrono::NaiveDate;

fn bad_input(what: &str, text: &str, why: impl std::fmt::Display) -> uniffi::deps::anyhow::Error {
    let violation = lasku::validate::Violation::error("", "ffi.value", format!("{text:?} is not {what}: {why}"));
    LaskuError::from(lasku::Error::Validation(vec![violation])).into()
}

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| {
        lasku::money::parse_decimal(text.trim()).ok_or_else(|| {
            bad_input("a decimal number lasku can hold", &text, "at most 28 decimal places and 28 digits, exactly")
        })
    },
});

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |value| value.format("%Y-%m-%d").to_string(),
    try_lift: |text| {
        lasku::model::parse_date(text.trim()).ok_or_else(|| bad_input("a date", &text, "YYYY-MM-DD"))
    },
});

uniffi::custom_type!(
    /// An identifier such as an invoice number. Cash-In sends invoice numbers as JSON numbers;
    /// here they are text. Text of digits only (no leading zero, at most 19 digits) is sent as
    /// a JSON number, any other text as a string, so `"1001"` goes out as `1001` and `"0123"`
    /// or `"INV-7"` as strings. The server treats `123` and `"123"` as the same invoice.
    Identifier, String, {
    remote,
    lower: |value| value.as_str().to_owned(),
    try_lift: |text| Ok(identifier_from_text(text)),
});

/// The identifier for a text: a number when it is written like one.
pub(crate) fn identifier_from_text(text: String) -> Identifier {
    let number_like = !text.is_empty()
        && text.len() <= 19
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<u64>() {
        Ok(n) if number_like => Identifier::from(n),
        _ => Identifier::from(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_that_look_like_numbers_are_numbers() {
        assert!(identifier_from_text("251600002".into()).is_numeric());
        assert!(identifier_from_text("0".into()).is_numeric());
        assert!(!identifier_from_text("0123".into()).is_numeric());
        assert!(!identifier_from_text("INV-1".into()).is_numeric());
        assert!(!identifier_from_text("".into()).is_numeric());
        assert!(!identifier_from_text("99999999999999999999".into()).is_numeric());
    }
}
