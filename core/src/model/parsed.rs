//! Values that lasku reads from their text with its own parsers, as serde seeds: dates,
//! timestamps (see [`super::dates`]) and decimals ([`crate::money::parse_decimal`]). They stand
//! in for chrono's and rust_decimal's own `Deserialize`: the same values, exact and strict,
//! without their general parsers in the WebAssembly module. Whole numbers are read here too,
//! through the deserializer's any-value path (which hands over numbers as their text), so that
//! serde_json's own integer reader, with its floating-point parts and tables, is never needed.
//! A refusal is raised inside the parser's own call, so the error carries its position (and
//! from it the member's path).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

/// How serde_json (with `arbitrary_precision`) hands a number over: a one-entry map under this key.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// A decimal written as a JSON number, exactly its text, by serde_json's number convention (a
/// one-field struct under [`NUMBER_TOKEN`]). rust_decimal's own `Serialize` does the same, but
/// reads its text back through serde_json's reader first, which would bring that reader into
/// the WebAssembly module.
pub(crate) struct DecimalNumber<'a>(pub(crate) &'a Decimal);

impl serde::Serialize for DecimalNumber<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut number = serializer.serialize_struct(NUMBER_TOKEN, 1)?;
        number.serialize_field(NUMBER_TOKEN, &self.0.to_string())?;
        number.end()
    }
}

/// A value read from its text, or `null` (`None`): a typed front for [`Kind`], which does the
/// reading (compiled once per deserializer, not once per value type).
pub(crate) struct Parsed<T> {
    kind: Kind,
    take: fn(Read) -> Option<T>,
}

/// What [`Kind`] reads.
pub(crate) enum Read {
    Date(NaiveDate),
    Time(DateTime<Utc>),
    Decimal(Decimal),
    Whole(i128),
}

/// Which value is read, and how.
#[derive(Clone, Copy)]
enum Kind {
    Date,
    Time,
    Decimal,
    /// A whole number from `min` to `max`.
    Whole {
        min: i128,
        max: i128,
    },
}

impl Parsed<NaiveDate> {
    /// A date, `YYYY-MM-DD`.
    pub(crate) const DATE: Self =
        Parsed { kind: Kind::Date, take: |r| if let Read::Date(d) = r { Some(d) } else { None } };
}

impl Parsed<DateTime<Utc>> {
    /// An RFC 3339 timestamp.
    pub(crate) const TIMESTAMP: Self =
        Parsed { kind: Kind::Time, take: |r| if let Read::Time(t) = r { Some(t) } else { None } };
}

impl Parsed<Decimal> {
    /// A decimal: a JSON number or a string holding one.
    pub(crate) const DECIMAL: Self =
        Parsed { kind: Kind::Decimal, take: |r| if let Read::Decimal(d) = r { Some(d) } else { None } };
}

impl Parsed<u64> {
    /// A whole number from 0 to `u64::MAX`.
    pub(crate) const UNSIGNED: Self = Parsed {
        kind: Kind::Whole { min: 0, max: u64::MAX as i128 },
        take: |r| if let Read::Whole(n) = r { u64::try_from(n).ok() } else { None },
    };
}

impl Parsed<u32> {
    /// A whole number from 0 to `u32::MAX`.
    pub(crate) const U32: Self = Parsed {
        kind: Kind::Whole { min: 0, max: u32::MAX as i128 },
        take: |r| if let Read::Whole(n) = r { u32::try_from(n).ok() } else { None },
    };
}

impl Parsed<i64> {
    /// A whole number from `i64::MIN` to `i64::MAX`.
    pub(crate) const SIGNED: Self = Parsed {
        kind: Kind::Whole { min: i64::MIN as i128, max: i64::MAX as i128 },
        take: |r| if let Read::Whole(n) = r { i64::try_from(n).ok() } else { None },
    };
}

/// The message for text that is not a decimal lasku can hold exactly.
pub(crate) fn not_a_decimal(text: &str) -> String {
    format!("{text:?} is not an exact decimal (at most 28 decimal places and 28 digits)")
}

impl<T> Parsed<T> {
    /// Reads a value that must be there (`null` is refused).
    pub(crate) fn required<'de, D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let expecting = self.kind.expecting();
        self.deserialize(d)?.ok_or_else(|| de::Error::custom(format_args!("invalid type: null, expected {expecting}")))
    }
}

impl<T> Clone for Parsed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Parsed<T> {}

impl<'de, T> DeserializeSeed<'de> for Parsed<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        Ok(self.kind.deserialize(d)?.and_then(self.take))
    }
}

impl Kind {
    fn expecting(self) -> &'static str {
        match self {
            Kind::Date => "a date string",
            Kind::Time => "a timestamp string",
            Kind::Decimal => "a decimal number",
            Kind::Whole { .. } => "a whole number",
        }
    }

    /// A whole number within the kind's range.
    fn whole<E: de::Error>(self, n: i128) -> Result<Option<Read>, E> {
        match self {
            Kind::Whole { min, max } if (min..=max).contains(&n) => Ok(Some(Read::Whole(n))),
            Kind::Whole { min, max } => Err(E::custom(format_args!(
                "{} is out of range ({} to {})",
                decimal_text(n < 0, n.unsigned_abs()),
                decimal_text(min < 0, min.unsigned_abs()),
                decimal_text(max < 0, max.unsigned_abs())
            ))),
            _ => self.read(&decimal_text(n < 0, n.unsigned_abs())),
        }
    }

    fn read<E: de::Error>(self, text: &str) -> Result<Option<Read>, E> {
        if let Kind::Whole { .. } = self {
            // A number the any-value path gave as text: beyond 64 bits, or not whole.
            return match text.parse::<i128>() {
                Ok(n) => self.whole(n),
                Err(_) => Err(E::custom(format_args!("invalid type: number {text}, expected a whole number"))),
            };
        }
        let read = match self {
            Kind::Date => super::parse_date(text).map(Read::Date),
            Kind::Time => super::parse_timestamp(text).map(Read::Time),
            Kind::Decimal => crate::money::parse_decimal(text).map(Read::Decimal),
            Kind::Whole { .. } => None,
        };
        read.map(Some).ok_or_else(|| {
            E::custom(match self {
                Kind::Date => super::not_a_date(text),
                Kind::Time => super::not_a_timestamp(text),
                Kind::Decimal | Kind::Whole { .. } => not_a_decimal(text),
            })
        })
    }
}

/// A 128-bit number in decimal, `-` first when `negative`: by hand, since the 128-bit `Display`
/// brings its own formatter into the WebAssembly module (0.7 KB gzipped) for these few messages.
pub(crate) fn decimal_text(negative: bool, mut magnitude: u128) -> String {
    let mut text = Vec::new();
    loop {
        text.push(b'0' + (magnitude % 10) as u8);
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    if negative {
        text.push(b'-');
    }
    text.iter().rev().map(|&b| char::from(b)).collect()
}

impl<'de> DeserializeSeed<'de> for Kind {
    type Value = Option<Read>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Read>, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Kind {
    type Value = Option<Read>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Kind::expecting(*self))
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Read>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Read>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Read>, D::Error> {
        match self {
            // Amounts come as JSON numbers or as strings holding one; whole numbers are read
            // from what the any-value path hands over (a number beyond `i64`/`u64`, or with a
            // fraction or an exponent, as its text).
            Kind::Decimal | Kind::Whole { .. } => d.deserialize_any(self),
            Kind::Date | Kind::Time => d.deserialize_str(self),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<Read>, E> {
        match self {
            Kind::Whole { .. } => Err(de::Error::invalid_type(de::Unexpected::Str(text), &self)),
            _ => self.read(text),
        }
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Option<Read>, E> {
        Err(de::Error::invalid_type(de::Unexpected::Bool(b), &self))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<Read>, E> {
        self.whole(i128::from(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<Read>, E> {
        self.whole(i128::from(n))
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<Option<Read>, E> {
        match i128::try_from(n) {
            Ok(n) => self.whole(n),
            Err(_) => self.read(&decimal_text(false, n)),
        }
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<Option<Read>, E> {
        self.whole(n)
    }

    // serde_json's `Value` hands over a number that an `f64` holds exactly as an `f64` (its
    // shortest text is then the number's own), other numbers as their text.
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Option<Read>, E> {
        match self {
            Kind::Decimal if n.is_finite() => self.read(&n.to_string()),
            _ => Err(de::Error::invalid_type(de::Unexpected::Float(n), &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Read>, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if matches!(self, Kind::Decimal | Kind::Whole { .. }) && key == NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                self.read(&text)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_text_is_display() {
        for n in [0i128, 7, -7, 10, -10, 1234567890, i128::MIN, i128::MAX, i128::from(u64::MAX), -i128::from(u64::MAX)]
        {
            assert_eq!(super::decimal_text(n < 0, n.unsigned_abs()), n.to_string());
        }
        assert_eq!(super::decimal_text(false, u128::MAX), u128::MAX.to_string());
    }

    use crate::cashin::{SalesInvoice, SalesInvoiceRow};
    use rust_decimal::Decimal;
    use serde_json::json;

    #[test]
    fn amounts_read_alike_from_text_and_from_a_value() {
        for (number, text) in [
            (json!(12.5), "12.5"),
            (json!(0.1), "0.1"),
            (json!(25.5), "25.5"),
            (json!(-3), "-3"),
            (json!(1e21), "1000000000000000000000"),
            (serde_json::from_str("79228162514264337593543950335").unwrap(), "79228162514264337593543950335"),
            (json!("12.50"), "12.50"),
        ] {
            let from_value: SalesInvoiceRow = serde_json::from_value(json!({ "Qty": number })).unwrap();
            let from_text: SalesInvoiceRow = serde_json::from_str(&format!(r#"{{"Qty": {number}}}"#)).unwrap();
            let expected = Decimal::from_str_exact(text).unwrap();
            assert_eq!(from_value.qty, Some(expected), "{number}");
            assert_eq!(from_text.qty, Some(expected), "{number}");
        }
        let invoice: SalesInvoice =
            serde_json::from_value(json!({"InvoiceDate": "2026-03-01", "OrderDate": "2026-03-01T10:00:00+02:00"}))
                .unwrap();
        assert_eq!(invoice.invoice_date.map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
        assert_eq!(invoice.order_date.map(|t| t.to_rfc3339()).as_deref(), Some("2026-03-01T08:00:00+00:00"));
        let error = serde_json::from_value::<SalesInvoice>(json!({"InvoiceDate": 20260301.5})).unwrap_err();
        assert!(error.to_string().contains("InvoiceDate"), "{error}");
    }

    #[test]
    fn whole_numbers_are_read_exactly_and_refused_by_name() {
        use super::Parsed;
        let read = |json: &str| Parsed::UNSIGNED.required(&mut serde_json::Deserializer::from_str(json));
        assert_eq!(read("0").unwrap(), 0);
        assert_eq!(read("18446744073709551615").unwrap(), u64::MAX);
        for (json, message) in [
            ("18446744073709551616", "18446744073709551616 is out of range (0 to 18446744073709551615)"),
            ("-1", "-1 is out of range (0 to 18446744073709551615)"),
            ("1.0", "invalid type: number 1.0, expected a whole number"),
            ("1e3", "invalid type: number 1e+3, expected a whole number"),
            ("\"7\"", "invalid type: string \"7\", expected a whole number"),
            ("true", "invalid type: boolean `true`, expected a whole number"),
            ("null", "invalid type: null, expected a whole number"),
            ("[1]", "invalid type: sequence, expected a whole number"),
        ] {
            let error = read(json).unwrap_err().to_string();
            assert!(error.starts_with(message), "{json}: {error}");
        }
        let small =
            |json: &str| Parsed::U32.required(&mut serde_json::Deserializer::from_str(json)).map_err(|e| e.to_string());
        assert_eq!(small("4294967295"), Ok(u32::MAX));
        assert!(small("4294967296").unwrap_err().starts_with("4294967296 is out of range (0 to 4294967295)"));
        let signed = |json: &str| Parsed::SIGNED.required(&mut serde_json::Deserializer::from_str(json)).unwrap();
        assert_eq!((signed("-9223372036854775808"), signed("9223372036854775807")), (i64::MIN, i64::MAX));
        // A model's whole-number members, from text and from a value.
        let meta: crate::cashin::PageMeta = serde_json::from_str(r#"{"Count": 3, "TotalCount": null}"#).unwrap();
        assert_eq!((meta.count, meta.total_count), (Some(3), None));
        let meta: crate::cashin::PageMeta = serde_json::from_value(json!({"Count": 3})).unwrap();
        assert_eq!(meta.count, Some(3));
        let error = serde_json::from_str::<crate::cashin::PageMeta>(r#"{"Count": 2.5}"#).unwrap_err().to_string();
        assert!(error.contains("Count") && error.contains("expected a whole number"), "{error}");
    }
}
