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

/// A value read from its text, or `null` (`None`).
pub(crate) struct Parsed<T> {
    /// The parser.
    parse: fn(&str) -> Option<T>,
    /// What an error says of text the parser refuses.
    message: fn(&str) -> String,
    /// What the value is, for type errors.
    expecting: &'static str,
    /// Whether a JSON number is read too (as its text), not only a string.
    numbers: bool,
}

impl Parsed<NaiveDate> {
    /// A date, `YYYY-MM-DD`.
    pub(crate) const DATE: Self =
        Parsed { parse: super::parse_date, message: super::not_a_date, expecting: "a date string", numbers: false };
}

impl Parsed<DateTime<Utc>> {
    /// An RFC 3339 timestamp.
    pub(crate) const TIMESTAMP: Self = Parsed {
        parse: super::parse_timestamp,
        message: super::not_a_timestamp,
        expecting: "a timestamp string",
        numbers: false,
    };
}

impl Parsed<Decimal> {
    /// A decimal: a JSON number or a string holding one.
    pub(crate) const DECIMAL: Self = Parsed {
        parse: crate::money::parse_decimal,
        message: not_a_decimal,
        expecting: "a decimal number",
        numbers: true,
    };
}

/// The message for text that is not a decimal lasku can hold exactly.
pub(crate) fn not_a_decimal(text: &str) -> String {
    format!("{text:?} is not an exact decimal (at most 28 decimal places and 28 digits)")
}

impl<T> Parsed<T> {
    fn read<E: de::Error>(&self, text: &str) -> Result<Option<T>, E> {
        (self.parse)(text).map(Some).ok_or_else(|| E::custom((self.message)(text)))
    }

    /// Reads a value that must be there (`null` is refused).
    pub(crate) fn required<'de, D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let expecting = self.expecting;
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
        d.deserialize_option(self)
    }
}

impl<'de, T> Visitor<'de> for Parsed<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        if self.numbers {
            d.deserialize_any(self)
        } else {
            d.deserialize_str(self)
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<T>, E> {
        self.read(text)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<T>, E> {
        self.read(&n.to_string())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<T>, E> {
        self.read(&n.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if self.numbers && key == NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                self.read(&text)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}
