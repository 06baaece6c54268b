//! Invoice numbers: digits on the wire as a JSON number (as in the API's example), anything
//! else as a string.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An invoice number, the natural key of a sales invoice.
///
/// Cash-In's example sends it as a JSON number (`251600002`). lasku keeps the text and how it
/// arrived: a number read from the wire, or built from an integer, is sent as a number; a string
/// stays a string. Two invoice numbers are equal when their text is, so `123` and `"123"` name
/// the same invoice.
///
/// ```
/// use lasku::model::InvoiceNumber;
/// let n = InvoiceNumber::from(251600002u64);
/// assert_eq!(serde_json::to_string(&n).unwrap(), "251600002");
/// assert_eq!(n, InvoiceNumber::from("251600002"));
/// ```
#[derive(Clone, Eq)]
pub struct InvoiceNumber {
    text: String,
    numeric: bool,
}

impl InvoiceNumber {
    /// The invoice number as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether it is sent as a JSON number.
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }
}

impl PartialEq for InvoiceNumber {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl std::hash::Hash for InvoiceNumber {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.numeric {
            f.write_str(&self.text)
        } else {
            write!(f, "{:?}", self.text)
        }
    }
}

impl From<u64> for InvoiceNumber {
    fn from(n: u64) -> Self {
        InvoiceNumber { text: n.to_string(), numeric: true }
    }
}

impl From<&str> for InvoiceNumber {
    fn from(s: &str) -> Self {
        InvoiceNumber { text: s.to_owned(), numeric: false }
    }
}

impl From<String> for InvoiceNumber {
    fn from(text: String) -> Self {
        InvoiceNumber { text, numeric: false }
    }
}

impl Serialize for InvoiceNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.text.parse::<u64>() {
            Ok(n) if self.numeric => serializer.serialize_u64(n),
            _ => serializer.serialize_str(&self.text),
        }
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = InvoiceNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an invoice number (a string or a non-negative integer)")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<InvoiceNumber, E> {
        Ok(InvoiceNumber::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<InvoiceNumber, E> {
        u64::try_from(v)
            .map(InvoiceNumber::from)
            .map_err(|_| E::custom("an invoice number cannot be negative"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<InvoiceNumber, E> {
        Ok(InvoiceNumber::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<InvoiceNumber, E> {
        Ok(InvoiceNumber::from(v))
    }

    // serde_json with `arbitrary_precision` hands numbers over as a one-entry map.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<InvoiceNumber, A::Error> {
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("an empty object is not an invoice number"));
        };
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(InvoiceNumber { text, numeric: true })
        } else {
            Err(de::Error::custom(format_args!("{text} is not a whole non-negative number")))
        }
    }
}

impl<'de> Deserialize<'de> for InvoiceNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<InvoiceNumber, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}
