//! Answers checked against their wire schema and written back as JSON text, without typed
//! models: one walk driven by [`WireTypeRef`] instead of every answer model's serde code, which
//! keeps the WebAssembly module small.
//!
//! The walk reads the answer once and copies it member by member in the order it came. What it
//! checks and rewrites matches parsing the answer into its type and serializing it again:
//!
//! - a model must be an object; a known member may be `null` (kept), unknown members are copied;
//! - a list must be an array of its item type (no `null` items);
//! - a page is `{ "Data": [...], "Meta": {...} }`: a missing `Data` is written as `[]`, a `null`
//!   `Meta` is left out, other members are copied;
//! - strings, code values and booleans must be of their JSON type, integers whole numbers;
//! - money, dates, timestamps and identifiers are parsed by their types and written as those
//!   types write them (money as a JSON number, even when it came as a string, or with
//!   [`Decimals::Strings`] always as a string; timestamps in UTC).
//!
//! Unlike the typed round trip, members keep the order they came in, a text is copied with its
//! escapes as they were (both give the same JSON value), and a numeric identifier beyond
//! 2^53 - 1 is written as a string: JSON's interoperable integers end there (I-JSON, RFC 7493),
//! and JavaScript's `JSON.parse` would round it to another invoice number.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::json::write_json_string;
use crate::de::{ReadError, Reader};
use crate::model::{FieldInfo, Identifier, Parsed, UtcTimestamp, WireTypeRef};

/// How decimals (money, quantities, rates: [`WireTypeRef::Money`]) are written in normalized
/// JSON answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decimals {
    /// As JSON numbers with every digit (`200.80`): for languages that read them into a decimal
    /// type (Python's `Decimal`, Kotlin's `BigDecimal`, Rust).
    #[default]
    Numbers,
    /// As JSON strings with every digit (`"200.80"`): for languages that would read a number as
    /// a binary float (JavaScript).
    Strings,
}

/// Checks the JSON text `json` against `ty` and returns it as normalized JSON text.
pub(crate) fn check(json: &str, ty: WireTypeRef, decimals: Decimals) -> Result<String, ReadError> {
    let mut out = Out { bytes: Vec::with_capacity(json.len() + 16), decimals };
    let mut de = Reader::new(json);
    Shape { ty, out: &mut out }.deserialize(&mut de)?;
    de.end()?;
    String::from_utf8(out.bytes).map_err(de::Error::custom)
}

/// The text being written, and how decimals are written in it.
struct Out {
    bytes: Vec<u8>,
    decimals: Decimals,
}

impl std::ops::Deref for Out {
    type Target = Vec<u8>;

    fn deref(&self) -> &Vec<u8> {
        &self.bytes
    }
}

impl std::ops::DerefMut for Out {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }
}

/// A value of wire type `ty`, written to `out`.
struct Shape<'o> {
    ty: WireTypeRef,
    out: &'o mut Out,
}

impl<'de> DeserializeSeed<'de> for Shape<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.ty {
            WireTypeRef::Model(name, fields) => d.deserialize_map(ModelShape { name, fields, out: self.out }),
            WireTypeRef::Page(inner) => d.deserialize_map(PageShape { inner, out: self.out }),
            WireTypeRef::List(inner) => d.deserialize_seq(ListShape { inner, out: self.out }),
            leaf => {
                let raw = <&RawValue>::deserialize(d)?;
                write_leaf(leaf, raw.get(), self.out).map_err(de::Error::custom)
            }
        }
    }
}

/// Checks and writes a value that is not a container of members or items.
fn write_leaf(ty: WireTypeRef, raw: &str, out: &mut Out) -> Result<(), String> {
    let ok = match ty {
        WireTypeRef::Money => {
            let text = Parsed::DECIMAL.required(&mut Reader::new(raw)).map_err(|e| clean(&e))?.to_string();
            match out.decimals {
                Decimals::Strings => write_json_string(text.as_bytes(), out),
                Decimals::Numbers => out.extend_from_slice(text.as_bytes()),
            }
            return Ok(());
        }
        WireTypeRef::String | WireTypeRef::Code(..) => raw.starts_with('"'),
        WireTypeRef::Bool => raw == "true" || raw == "false",
        WireTypeRef::Integer => raw.parse::<i64>().is_ok() || raw.parse::<u64>().is_ok(),
        WireTypeRef::Date => return reparse(raw, out, Parsed::DATE),
        WireTypeRef::DateTime => {
            let time = Parsed::TIMESTAMP.required(&mut Reader::new(raw)).map_err(|e| clean(&e))?;
            write_json_string(UtcTimestamp(&time).to_string().as_bytes(), out);
            return Ok(());
        }
        WireTypeRef::Identifier => return write_identifier(raw, out),
        _ => true,
    };
    if !ok {
        return Err(format!("invalid type: {}, expected {}", Found(raw), expected(ty)));
    }
    out.extend_from_slice(raw.as_bytes());
    Ok(())
}

/// An identifier as [`Identifier`] writes itself, but a number beyond 2^53 - 1 as a string.
fn write_identifier(raw: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let id: Identifier = crate::de::from_str(raw).map_err(|e| clean(&e))?;
    const MAX_EXACT: u64 = (1 << 53) - 1;
    if id.is_numeric() && id.as_str().parse::<u64>().map_or(true, |n| n > MAX_EXACT) {
        write_json_string(id.as_str().as_bytes(), out);
        return Ok(());
    }
    serde_json::to_writer(out, &id).map_err(|e| clean(&e))
}

/// Reads a value with one of lasku's own parsers and writes it as it writes itself.
fn reparse<T: serde::Serialize>(raw: &str, out: &mut Vec<u8>, parsed: Parsed<T>) -> Result<(), String> {
    let value = parsed.required(&mut Reader::new(raw)).map_err(|e| clean(&e))?;
    serde_json::to_writer(out, &value).map_err(|e| clean(&e))
}

/// A nested parser's message without its position (that of the outer parser is added).
fn clean(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    match crate::find::rfind(&text, " at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn expected(ty: WireTypeRef) -> &'static str {
    match ty {
        WireTypeRef::Bool => "a boolean",
        WireTypeRef::Integer => "an integer",
        _ => "a string",
    }
}

/// What a raw value is, for messages.
struct Found<'a>(&'a str);

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_bytes().first() {
            Some(b'"') => f.write_str("a string"),
            Some(b'{') => f.write_str("a map"),
            Some(b'[') => f.write_str("a sequence"),
            Some(b'n') => f.write_str("null"),
            Some(b't' | b'f') => write!(f, "boolean `{}`", self.0),
            _ => write!(f, "number {}", self.0),
        }
    }
}

/// The members of a model.
struct ModelShape<'o> {
    name: &'static str,
    fields: &'static [FieldInfo],
    out: &'o mut Out,
}

impl<'de> Visitor<'de> for ModelShape<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.out.push(b'{');
        let mut first = true;
        while let Some(known) = map.next_key_seed(Key { fields: self.fields, first, out: &mut *self.out })? {
            first = false;
            match known {
                Some(field) => map
                    .next_value_seed(Member { ty: (field.ty)(), out: &mut *self.out })
                    .map_err(|e| de::Error::custom(format_args!("{}: {}", field.wire, e)))?,
                None => self.out.extend_from_slice(map.next_value::<&RawValue>()?.get().as_bytes()),
            }
        }
        self.out.push(b'}');
        Ok(())
    }
}

/// A member name: written (after a comma unless `first`) with its colon, and looked up among
/// the known members.
struct Key<'o> {
    fields: &'static [FieldInfo],
    first: bool,
    out: &'o mut Out,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<&'static FieldInfo>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Option<&'static FieldInfo>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        if !self.first {
            self.out.push(b',');
        }
        write_json_string(name.as_bytes(), self.out);
        self.out.push(b':');
        Ok(self.fields.iter().find(|f| f.wire == name))
    }
}

/// A known member's value: `null` or a value of its type.
struct Member<'o> {
    ty: WireTypeRef,
    out: &'o mut Out,
}

impl<'de> DeserializeSeed<'de> for Member<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Member<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        Shape { ty: self.ty, out: self.out }.deserialize(d)
    }
}

/// The items of a list.
struct ListShape<'o> {
    inner: fn() -> WireTypeRef,
    out: &'o mut Out,
}

impl<'de> Visitor<'de> for ListShape<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ty = (self.inner)();
        self.out.push(b'[');
        let mut first = true;
        loop {
            let mark = self.out.len();
            if !first {
                self.out.push(b',');
            }
            if seq.next_element_seed(Shape { ty, out: &mut *self.out })?.is_none() {
                self.out.truncate(mark);
                break;
            }
            first = false;
        }
        self.out.push(b']');
        Ok(())
    }
}

/// A page: `Data` (items of `inner`), `Meta` (a [`crate::cashin::PageMeta`]) and other members.
struct PageShape<'o> {
    inner: fn() -> WireTypeRef,
    out: &'o mut Out,
}

impl<'de> Visitor<'de> for PageShape<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let meta = <crate::cashin::PageMeta as crate::model::WireType>::wire_type();
        self.out.push(b'{');
        let start = self.out.len();
        let mut data = false;
        while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let comma = self.out.len() > start;
            let ty = match &*name {
                "Data" => {
                    data = true;
                    WireTypeRef::List(self.inner)
                }
                "Meta" => {
                    map.next_value_seed(PageMeta { ty: meta, comma, out: &mut *self.out })?;
                    continue;
                }
                _ => WireTypeRef::Json,
            };
            if comma {
                self.out.push(b',');
            }
            write_json_string(name.as_bytes(), self.out);
            self.out.push(b':');
            map.next_value_seed(Shape { ty, out: &mut *self.out })?;
        }
        if !data {
            if self.out.len() > start {
                self.out.push(b',');
            }
            self.out.extend_from_slice(b"\"Data\":[]");
        }
        self.out.push(b'}');
        Ok(())
    }
}

/// A page's `Meta`: left out when `null`.
struct PageMeta<'o> {
    ty: WireTypeRef,
    comma: bool,
    out: &'o mut Out,
}

impl<'de> DeserializeSeed<'de> for PageMeta<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for PageMeta<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a PageMeta object or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.comma {
            self.out.push(b',');
        }
        self.out.extend_from_slice(b"\"Meta\":");
        Shape { ty: self.ty, out: self.out }.deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::super::ops::{normalize, normalize_typed, OPERATIONS};
    use super::Decimals;
    use crate::model::WireTypeRef;

    /// A sample value of `ty` as JSON text; `variant` picks among the spellings an answer may
    /// use (money as numbers or strings, numeric or text identifiers, explicit nulls).
    fn sample(ty: WireTypeRef, variant: usize, depth: usize) -> String {
        match ty {
            WireTypeRef::String => r#""te\u00e4xt \"q\"""#.to_owned(),
            WireTypeRef::Money => ["12.50", r#""7.125""#, "-0.1", "1e2", "100"][variant % 5].to_owned(),
            WireTypeRef::Integer => ["7", "0"][variant % 2].to_owned(),
            WireTypeRef::Bool => ["true", "false"][variant % 2].to_owned(),
            WireTypeRef::Date => r#""2026-03-01""#.to_owned(),
            WireTypeRef::DateTime => {
                [r#""2026-03-01T10:20:30+02:00""#, r#""2026-03-01T10:20:30.5Z""#][variant % 2].to_owned()
            }
            WireTypeRef::Identifier => ["1001", r#""A-1""#][variant % 2].to_owned(),
            WireTypeRef::Json => r#"{"any": [1, "x", null]}"#.to_owned(),
            WireTypeRef::Code(_, known) => format!("{:?}", known.first().copied().unwrap_or("Z")),
            WireTypeRef::List(inner) if depth < 4 => {
                format!("[{}, {}]", sample(inner(), variant, depth + 1), sample(inner(), variant + 1, depth + 1))
            }
            WireTypeRef::List(_) => "[]".to_owned(),
            WireTypeRef::Model(name, fields) => {
                // RenewResponse's one member is required.
                let nulls = name != "RenewResponse";
                let mut members: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let value = if nulls && (i + variant) % 4 == 0 {
                            "null".to_owned()
                        } else {
                            sample((f.ty)(), variant + i, depth + 1)
                        };
                        format!("{:?}: {value}", f.wire)
                    })
                    .collect();
                members.push(r#""Zunknown": {"b": 1.50, "a": null}"#.to_owned());
                members.push(r#""Aunknown": null"#.to_owned());
                members.reverse();
                format!("{{{}}}", members.join(", "))
            }
            WireTypeRef::Page(inner) => {
                let meta = sample(<crate::cashin::PageMeta as crate::model::WireType>::wire_type(), variant, depth + 1);
                match variant % 3 {
                    0 => format!(
                        r#"{{"Meta": {meta}, "Data": [{}], "Other": [1]}}"#,
                        sample(inner(), variant, depth + 1)
                    ),
                    1 => r#"{"Meta": null}"#.to_owned(),
                    _ => format!(
                        r#"{{"Data": [{}, {}]}}"#,
                        sample(inner(), variant, depth + 1),
                        sample(inner(), variant + 1, depth + 1)
                    ),
                }
            }
        }
    }

    fn value(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    #[test]
    fn every_answer_comes_out_as_the_typed_round_trip_writes_it() {
        for op in OPERATIONS {
            for variant in 0..6 {
                let body = sample((op.returns)(), variant, 0);
                let typed =
                    normalize_typed(op.id, 200, body.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}: {body}", op.id));
                let checked = normalize(op.id, 200, body.as_bytes(), Decimals::Numbers)
                    .unwrap_or_else(|e| panic!("{}: {e}: {body}", op.id));
                assert_eq!(value(&checked), value(&typed), "{} variant {variant}: {body}", op.id);
            }
        }
    }

    #[test]
    fn decimals_come_out_as_strings_with_every_digit_when_asked() {
        let body = r#"{"Data": [{"TotalAmount": 200.80, "NetAmount": "0.10000000000000000001", "TaxAmount": 1e2,
            "InvoiceRows": [{"Qty": -2.5, "Price": null, "ProdCode": "12.50"}], "InvoiceNumber": 7}], "Meta": {"Count": 1}}"#;
        let strings = value(&normalize("list_sales_invoices", 200, body.as_bytes(), Decimals::Strings).unwrap());
        let invoice = &strings["Data"][0];
        assert_eq!(invoice["TotalAmount"], serde_json::json!("200.80"));
        assert_eq!(invoice["NetAmount"], serde_json::json!("0.10000000000000000001"));
        assert_eq!(invoice["TaxAmount"], serde_json::json!("100"));
        assert_eq!(invoice["InvoiceRows"][0]["Qty"], serde_json::json!("-2.5"));
        assert_eq!(invoice["InvoiceRows"][0]["Price"], serde_json::Value::Null);
        // Texts, integers and identifiers are untouched.
        assert_eq!(invoice["InvoiceRows"][0]["ProdCode"], serde_json::json!("12.50"));
        assert_eq!(invoice["InvoiceNumber"], serde_json::json!(7));
        assert_eq!(strings["Meta"]["Count"], serde_json::json!(1));
        let numbers = normalize("list_sales_invoices", 200, body.as_bytes(), Decimals::Numbers).unwrap();
        assert!(numbers.contains(r#""TotalAmount":200.80"#), "{numbers}");
        let err = normalize("retrieve_invoice_status", 200, br#"{"TotalAmount": "lots"}"#, Decimals::Strings).err();
        assert!(matches!(err, Some(crate::Error::Decode { .. })), "{err:?}");
    }

    #[test]
    fn numeric_identifiers_beyond_2_pow_53_come_out_as_strings() {
        let body = r#"{"InvoiceNumber": 9007199254740993, "BatchId": 1, "Reference": "1232"}"#;
        let out = value(&normalize("retrieve_invoice_status", 200, body.as_bytes(), Decimals::Numbers).unwrap());
        assert_eq!(out["InvoiceNumber"], serde_json::json!("9007199254740993"));
        for (given, expected) in [
            ("9007199254740991", serde_json::json!(9007199254740991u64)),
            ("\"9007199254740993\"", serde_json::json!("9007199254740993")),
            ("123456789012345678901234567890", serde_json::json!("123456789012345678901234567890")),
        ] {
            let body = format!(r#"{{"InvoiceNumber": {given}}}"#);
            let out = value(&normalize("retrieve_invoice_status", 200, body.as_bytes(), Decimals::Numbers).unwrap());
            assert_eq!(out["InvoiceNumber"], expected, "{given}");
        }
    }

    #[test]
    fn an_answer_of_the_wrong_shape_is_refused_like_the_typed_round_trip_refuses_it() {
        let cases = [
            ("retrieve_invoice_status", "<html>"),
            ("retrieve_invoice_status", "[]"),
            ("retrieve_invoice_status", r#"{"TotalAmount": "lots"}"#),
            ("retrieve_invoice_status", r#"{"TotalAmount": true}"#),
            ("retrieve_invoice_status", r#"{"InvoiceNumber": -1}"#),
            ("retrieve_invoice_status", r#"{"InvoiceNumber": 1.5}"#),
            ("retrieve_invoice_status", r#"{"InvoiceNumber": 1} x"#),
            ("retrieve_invoice_status", r#"{"InvoiceNumber": 1"#),
            ("list_sales_invoices", r#"{"Data": {}}"#),
            ("list_sales_invoices", r#"{"Data": [null]}"#),
            ("list_sales_invoices", r#"{"Data": [{"InvoiceDate": "2026-13-01"}]}"#),
            ("list_sales_invoices", r#"{"Data": [{"OrderDate": "yesterday"}]}"#),
            ("list_sales_invoices", r#"{"Data": [{"Status": 5}]}"#),
            ("list_sales_invoices", r#"{"Data": [], "Meta": {"Count": "x"}}"#),
            ("list_sales_invoices", r#"{"Data": [], "Meta": []}"#),
            ("validate_token", r#"{"IsValid": "yes"}"#),
            ("renew_token", r#"{}"#),
        ];
        for (op, body) in cases {
            assert!(normalize_typed(op, 200, body.as_bytes()).is_err(), "typed accepts {op} {body}");
            let err = normalize(op, 200, body.as_bytes(), Decimals::Numbers).err();
            assert!(matches!(err, Some(crate::Error::Decode { status: 200, .. })), "{op} {body}: {err:?}");
        }
        let err = normalize("retrieve_invoice_status", 200, b"{\"Status\": \"\xff\"}", Decimals::Numbers).err();
        assert!(matches!(err, Some(crate::Error::Decode { .. })), "{err:?}");
        assert!(matches!(normalize("nope", 200, b"{}", Decimals::Numbers), Err(crate::Error::Configuration(_))));
    }
}
