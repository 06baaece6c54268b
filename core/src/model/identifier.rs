//! Identifiers that the API sends as a JSON number or a string: invoice numbers (a number in
//! Cash-In's example), payment ids, and other ids whose type the docs do not show.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An invoice number: an [`Identifier`].
pub type InvoiceNumber = Identifier;

/// An identifier that may be a JSON number or a string, such as an invoice number (the natural
/// key of a sales invoice) or a payment id.
///
/// Cash-In's example sends invoice numbers as JSON numbers (`251600002`). lasku keeps the text and how it
/// arrived: a number read from the wire, or built from an integer, is sent as a number; a string
/// stays a string. Two invoice numbers are equal when their text is, so `123` and `"123"` name
/// the same invoice.
///
/// ```
/// use lasku::model::Identifier;
/// let n = Identifier::from(251600002u64);
/// assert_eq!(serde_json::to_string(&n).unwrap(), "251600002");
/// assert_eq!(n, Identifier::from("251600002"));
/// ```
#[derive(Clone, Eq)]
pub struct Identifier {
    text: String,
    numeric: bool,
}

impl Identifier {
    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether it is sent as a JSON number.
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }

    /// A numeric identifier from its digits, as a JSON number wrote them (the caller checked).
    pub(crate) fn from_digits(digits: &str) -> Identifier {
        Identifier { text: digits.to_owned(), numeric: true }
    }
}

impl PartialEq for Identifier {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl std::hash::Hash for Identifier {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.numeric {
            f.write_str(&self.text)
        } else {
            write!(f, "{:?}", self.text)
        }
    }
}

impl From<u64> for Identifier {
    fn from(n: u64) -> Self {
        Identifier { text: n.to_string(), numeric: true }
    }
}

impl From<&str> for Identifier {
    fn from(s: &str) -> Self {
        Identifier { text: s.to_owned(), numeric: false }
    }
}

impl From<String> for Identifier {
    fn from(text: String) -> Self {
        Identifier { text, numeric: false }
    }
}

impl Serialize for Identifier {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.text.parse::<u64>() {
            Ok(n) if self.numeric => serializer.serialize_u64(n),
            _ => serializer.serialize_str(&self.text),
        }
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Identifier;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an identifier (a string or a non-negative integer)")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Identifier, E> {
        Ok(Identifier::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Identifier, E> {
        u64::try_from(v).map(InvoiceNumber::from).map_err(|_| E::custom("an identifier cannot be negative"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Identifier, E> {
        Ok(Identifier::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Identifier, E> {
        Ok(Identifier::from(v))
    }

    // serde_json with `arbitrary_precision` hands numbers over as a one-entry map.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Identifier, A::Error> {
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("an empty object is not an identifier"));
        };
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Identifier { text, numeric: true })
        } else {
            Err(de::Error::custom(format_args!("{text} is not a whole non-negative number")))
        }
    }
}

impl<'de> Deserialize<'de> for Identifier {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Identifier, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}
