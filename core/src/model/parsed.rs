//! Values that lasku reads from their text with its own parsers, as serde seeds: dates,
//! timestamps (see [`super::dates`]) and decimals ([`crate::money::parse_decimal`]). They stand
//! in for chrono's and rust_decimal's own `Deserialize`: the same values, exact and strict,
//! without their general parsers in the WebAssembly module. A refusal is raised inside the
//! parser's own call, so the error carries its position (and from it the member's path).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

/// How serde_json (with `arbitrary_precision`) hands a number over: a one-entry map under this key.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

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
}

/// Which value is read, and how.
#[derive(Clone, Copy)]
enum Kind {
    Date,
    Time,
    Decimal,
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
        }
    }

    fn read<E: de::Error>(self, text: &str) -> Result<Option<Read>, E> {
        let read = match self {
            Kind::Date => super::parse_date(text).map(Read::Date),
            Kind::Time => super::parse_timestamp(text).map(Read::Time),
            Kind::Decimal => crate::money::parse_decimal(text).map(Read::Decimal),
        };
        read.map(Some).ok_or_else(|| {
            E::custom(match self {
                Kind::Date => super::not_a_date(text),
                Kind::Time => super::not_a_timestamp(text),
                Kind::Decimal => not_a_decimal(text),
            })
        })
    }
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
            // Amounts come as JSON numbers or as strings holding one.
            Kind::Decimal => d.deserialize_any(self),
            Kind::Date | Kind::Time => d.deserialize_str(self),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<Read>, E> {
        self.read(text)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<Read>, E> {
        self.read(&n.to_string())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<Read>, E> {
        self.read(&n.to_string())
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<Option<Read>, E> {
        self.read(&n.to_string())
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<Option<Read>, E> {
        self.read(&n.to_string())
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
            Some(key) if matches!(self, Kind::Decimal) && key == NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                self.read(&text)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
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
}
