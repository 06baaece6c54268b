//! [`Json`]: a JSON value for the few places that look into JSON without a model (error
//! answers, the batch follower's answers, option objects).

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::parsed::{decimal_text, NUMBER_TOKEN};
use crate::table::Table;

/// A JSON value. Numbers keep their exact digits; objects keep their members in order (a member
/// named twice keeps its first place and its last value).
///
/// lasku's own, rather than `serde_json::Value`, so that the npm package's WebAssembly holds one
/// kind of map ([`Table`]), not also serde_json's.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: from JSON text, its digits as written (serde_json writes an exponent in lower
    /// case with its sign: `1E5` comes as `1e+5`); from other deserializers, as they hand it over.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object.
    Object(Table<String, Json>),
}

impl Json {
    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.as_object()?.get(name)
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number from 0 to `u64::MAX`, written without a fraction or an exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&Table<String, Json>> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<Json, E> {
        Ok(Json::Number(decimal_text(n < 0, n.unsigned_abs())))
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<Json, E> {
        Ok(Json::Number(decimal_text(false, n)))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        match n.is_finite() {
            true => Ok(Json::Number(n.to_string())),
            false => Err(E::invalid_value(de::Unexpected::Float(n), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Table::new();
        let Some(first) = map.next_key::<String>()? else { return Ok(Json::Object(members)) };
        // serde_json (with `arbitrary_precision`) hands a number over as a one-member map.
        if first == NUMBER_TOKEN {
            let text: String = map.next_value()?;
            return match crate::quick::is_json_number(&text) {
                true => Ok(Json::Number(text)),
                false => Err(de::Error::invalid_value(de::Unexpected::Str(&text), &"a JSON number")),
            };
        }
        members.insert(first, map.next_value()?);
        while let Some((name, value)) = map.next_entry()? {
            members.insert(name, value);
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#"{"a": [1, -2, 3.50, 1e400, 18446744073709551616], "b": {"x": null, "x": true},
            "c": "t\u00e4", "b": false}"#;
        let json: Json = serde_json::from_str(text).unwrap();
        let numbers: Vec<&str> = json
            .get("a")
            .and_then(Json::as_array)
            .unwrap()
            .iter()
            .map(|n| match n {
                Json::Number(t) => t.as_str(),
                _ => "?",
            })
            .collect();
        assert_eq!(numbers, ["1", "-2", "3.50", "1e+400", "18446744073709551616"]);
        assert_eq!(json.get("a").unwrap().as_array().unwrap()[0].as_u64(), Some(1));
        assert_eq!(json.get("a").unwrap().as_array().unwrap()[4].as_u64(), None);
        assert_eq!(json.get("b"), Some(&Json::Bool(false)));
        assert_eq!(json.get("c").and_then(Json::as_str), Some("tä"));
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert!(json.get("zz").is_none() && Json::Null.is_null() && json.as_str().is_none());
        assert_eq!(serde_json::from_str::<Json>("{}").unwrap(), Json::Object(Table::new()));
        // Through serde_json's number key only a real number passes.
        assert!(serde_json::from_str::<Json>(r#"{"$serde_json::private::Number": "abc"}"#).is_err());
    }

    #[test]
    fn numbers_from_other_deserializers_and_the_number_grammar() {
        let value = serde_json::json!({"f": 1.5, "big": u64::MAX});
        let json: Json = serde::Deserialize::deserialize(value).unwrap();
        assert_eq!(json.get("f"), Some(&Json::Number("1.5".into())));
        assert_eq!(json.get("big").and_then(Json::as_u64), Some(u64::MAX));
        for good in ["0", "-0", "12", "1.5", "-0.25", "1e5", "1E+5", "2.5e-3"] {
            assert!(crate::quick::is_json_number(good), "{good}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "abc", "1x", "- 1", "0x10"] {
            assert!(!crate::quick::is_json_number(bad), "{bad}");
        }
    }
}
