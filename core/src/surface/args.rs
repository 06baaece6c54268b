//! Reading an operation's arguments from a JSON object: each parameter from its own raw JSON
//! text, so models are parsed once, straight into their types, and a wrong type becomes a
//! violation naming its path.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::cashin::PageRequest;
use crate::de::ReadError;
use crate::model::{Identifier, WireType, WireTypeRef};
use crate::table::Table;
use crate::validate::Violation;
use crate::{Error, Result};

/// The arguments of one call, by parameter name.
pub struct Args<'a> {
    map: Table<&'a str, &'a RawValue>,
}

impl<'a> Args<'a> {
    /// Reads a JSON object (an empty text, `null` or `{}` means no arguments).
    pub fn parse(json: &'a str) -> Result<Self> {
        let trimmed = json.trim();
        if trimmed.is_empty() || trimmed == "null" {
            return Ok(Args { map: Table::new() });
        }
        let map: Table<&'a str, &'a RawValue> = crate::de::from_str(trimmed).map_err(|e| {
            Error::Validation(vec![Violation::error("", "type", format!("the arguments must be a JSON object: {e}"))])
        })?;
        Ok(Args { map })
    }

    fn raw(&self, name: &str) -> Option<&'a RawValue> {
        self.map.get(name).copied().filter(|raw| raw.get().trim() != "null")
    }

    /// Parses one parameter into `T`; a wrong type is a violation at `/<name>/<path>`.
    pub fn typed<T: Scalar>(&self, name: &str) -> Result<Option<T>> {
        match self.raw(name) {
            None => Ok(None),
            Some(raw) => T::parse(raw.get(), &pointer_of(name)).map(Some),
        }
    }

    /// A required parameter.
    pub fn required<T: Scalar>(&self, name: &str) -> Result<T> {
        self.typed(name)?.ok_or_else(|| missing(name))
    }

    /// A required model argument. Its type errors are placed inside the model (`/InvoiceRows/0/Qty`,
    /// not `/invoice/InvoiceRows/0/Qty`), where its rules place theirs and where `validate_json`
    /// places both, so a violation's path names the same member whichever kind it is. A value
    /// that is not a model at all is placed at the argument (`/invoice`).
    pub fn model<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        let raw = self.raw(name).ok_or_else(|| missing(name))?;
        parse_at::<T>(raw.get(), "").map_err(|e| match e {
            Error::Validation(mut v) => {
                v.iter_mut().filter(|x| x.path.is_empty()).for_each(|x| x.path = pointer_of(name));
                Error::Validation(v)
            }
            other => other,
        })
    }

    /// `page` and `page_size`.
    pub fn page(&self) -> Result<PageRequest> {
        let page = PageRequest { page: self.typed("page")?, page_size: self.typed("page_size")? };
        // Pages count from 1; a direct call and an iteration would otherwise differ on 0.
        let zero = |name: &str| Violation::error(format!("/{name}"), "range", format!("{name} counts from 1, not 0"));
        let v: Vec<Violation> = [("page", page.page), ("page_size", page.page_size)]
            .into_iter()
            .filter(|(_, value)| *value == Some(0))
            .map(|(name, _)| zero(name))
            .collect();
        if v.is_empty() {
            Ok(page)
        } else {
            Err(Error::Validation(v))
        }
    }

    /// Names that are not parameters of the operation, sorted, for a clear error.
    pub(crate) fn unknown(&self, params: &[super::ops::ParamInfo]) -> Vec<String> {
        // Sorted by inserting each name in place: there are few (usually none), and a general
        // sort of strings would add its own copy of the sorting code to the WebAssembly module.
        let mut names: Vec<String> = Vec::new();
        for name in self.map.keys().filter(|k| !params.iter().any(|p| p.name == **k)) {
            let at = names.partition_point(|n| n.as_str() < *name);
            names.insert(at, (*name).to_owned());
        }
        names
    }
}

/// Parses JSON text into `T`; a wrong type or shape is [`Error::Validation`] with the JSON
/// pointer of the offending member under `prefix`.
///
/// The pointer is found from where the parser stopped (see `pointer_at`) rather than by
/// tracking the path while parsing (as `serde_path_to_error` does): tracking would need a second
/// copy of every model's parsing code, a large part of the WebAssembly module.
pub fn parse_at<T: DeserializeOwned>(json: &str, prefix: &str) -> Result<T> {
    crate::de::from_str::<T>(json).map_err(|e| parse_error(json, prefix, &e))
}

/// The violation of [`parse_at`], out of line: one copy, not one per parsed type.
#[inline(never)]
fn parse_error(json: &str, prefix: &str, e: &ReadError) -> Error {
    let message = clean_message(&e.to_string());
    // The text ended between the members or items of the innermost container (the message
    // may have come through a model's member, so it is matched after cleaning).
    let between = matches!(message.as_str(), "EOF while parsing an object" | "EOF while parsing a list");
    let pointer = if e.line() == 0 { String::new() } else { pointer_at(json, error_index(json, e), between) };
    Error::Validation(vec![Violation::error(format!("{prefix}{pointer}"), "type", message)])
}

#[inline(never)]
fn pointer_of(name: &str) -> String {
    format!("/{name}")
}

#[inline(never)]
fn missing(name: &str) -> Error {
    Error::Validation(vec![Violation::error(format!("/{name}"), "required", format!("{name} is required"))])
}

/// The byte index just past what the parser had read when it failed (serde_json reports a line
/// and a byte column).
fn error_index(json: &str, e: &ReadError) -> usize {
    let line_start =
        if e.line() <= 1 { 0 } else { json.match_indices('\n').nth(e.line() - 2).map_or(json.len(), |(i, _)| i + 1) };
    (line_start + e.column()).min(json.len())
}

/// The JSON pointer of the value being read at byte `end` of `json`: a light scan of the
/// containers and member names before `end`; with `between`, of the innermost container itself.
///
/// serde_json stops just past the value it refuses (before it, for an object or array it did not
/// enter), and a container's own errors (a missing field) come after its closing bracket, so
/// the innermost open member is the one at fault. Only for syntax errors can this differ from
/// tracking the path while parsing (it may name the member before the error).
fn pointer_at(json: &str, end: usize, between: bool) -> String {
    enum Frame {
        /// In an object: before a member name, or in the member of this name.
        Object(Option<String>),
        /// In an array, at an index; `true` once that item has begun.
        Array(usize, bool),
    }
    let bytes = json.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}') {
            if let Some(Frame::Array(_, begun)) = stack.last_mut() {
                *begun = true;
            }
        }
        match byte {
            b'"' => {
                let start = i;
                i += 1;
                while i < end && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A member name counts once it is complete.
                if let (true, Some(Frame::Object(member @ None))) = (i < end, stack.last_mut()) {
                    let raw = json.get(start..=i).unwrap_or_default();
                    *member = Some(crate::de::from_str(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned()));
                }
            }
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0, false)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(member)) => *member = None,
                Some(Frame::Array(index, begun)) => {
                    *index += 1;
                    *begun = false;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    match stack.last_mut() {
        Some(Frame::Object(member)) if between => *member = None,
        Some(Frame::Array(_, begun)) if between => *begun = false,
        // An item that is an object or array is refused before the parser reads its bracket.
        Some(Frame::Array(_, begun)) => *begun |= matches!(bytes.get(end), Some(b'{' | b'[')),
        _ => {}
    }
    let mut out = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(name)) => {
                out.push('/');
                out.push_str(&name.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Array(index, true) => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Frame::Object(None) | Frame::Array(_, false) => {}
        }
    }
    out
}

/// Drops serde_json's position suffix and lasku's member-name prefixes, which the path says.
fn clean_message(message: &str) -> String {
    let without_position = match crate::find::find(message, " at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let mut text = without_position;
    while let Some((head, tail)) = crate::find::split_once(text, ": ") {
        if head.chars().all(|c| c.is_ascii_alphanumeric())
            && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        {
            text = tail;
        } else {
            break;
        }
    }
    text.to_owned()
}

/// What a parameter is, for the bindings' generated signatures.
#[derive(Debug, Clone, Copy)]
pub enum ParamKind {
    /// A string.
    Text,
    /// An identifier: a number or a string.
    Identifier,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Integer,
    /// A boolean.
    Bool,
    /// A model (in its PascalCase wire form) or a list of them.
    Model(fn() -> WireTypeRef),
}

/// Maps a Rust parameter type to its [`ParamKind`].
pub trait Param {
    /// The kind.
    const KIND: ParamKind;
}

impl Param for String {
    const KIND: ParamKind = ParamKind::Text;
}
impl Param for Identifier {
    const KIND: ParamKind = ParamKind::Identifier;
}
impl Param for NaiveDate {
    const KIND: ParamKind = ParamKind::Date;
}
impl Param for u64 {
    const KIND: ParamKind = ParamKind::Integer;
}
impl Param for u32 {
    const KIND: ParamKind = ParamKind::Integer;
}
impl Param for bool {
    const KIND: ParamKind = ParamKind::Bool;
}

/// How a parameter that is not a model is read from its JSON text (`pointer` names it in errors).
pub trait Scalar: Sized {
    /// Reads the value.
    fn parse(json: &str, pointer: &str) -> Result<Self>;
}

macro_rules! serde_scalars {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            fn parse(json: &str, pointer: &str) -> Result<Self> {
                parse_at(json, pointer)
            }
        }
    )*};
}

serde_scalars!(String, Identifier, bool);

macro_rules! whole_scalars {
    ($($t:ty => $parsed:expr),*) => {$(
        impl Scalar for $t {
            fn parse(json: &str, pointer: &str) -> Result<Self> {
                let mut de = crate::de::Reader::new(json);
                let read = $parsed.required(&mut de).and_then(|n| de.end().map(|()| n));
                read.map_err(|e| parse_error(json, pointer, &e))
            }
        }
    )*};
}

// Read by lasku's own whole-number seed, not serde_json's integer reader (see `model::parsed`).
whole_scalars!(u64 => crate::model::Parsed::UNSIGNED, u32 => crate::model::Parsed::U32);

impl Scalar for NaiveDate {
    fn parse(json: &str, pointer: &str) -> Result<Self> {
        let text: String = parse_at(json, pointer)?;
        crate::model::parse_date(&text)
            .ok_or_else(|| Error::Validation(vec![Violation::error(pointer, "type", crate::model::not_a_date(&text))]))
    }
}

/// Models are parameters of kind `Model`.
pub struct ModelParam<T>(std::marker::PhantomData<T>);

impl<T: WireType> Param for ModelParam<T> {
    const KIND: ParamKind = ParamKind::Model(T::wire_type);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_come_from_where_the_parser_stopped() {
        let at = |json: &str, end: usize| pointer_at(json, end, false);
        let json = r#"{"InvoiceRows": [{"Qty": 1}, {"Qty": "x"}], "a/b~": {"c": [[1, {"d": 2}]]}}"#;
        let pos = |needle: &str| json.find(needle).unwrap() + needle.len();
        assert_eq!(at(json, 0), "");
        assert_eq!(at(json, 1), "");
        assert_eq!(at(json, pos(r#""InvoiceRows""#)), "/InvoiceRows");
        assert_eq!(at(json, pos(r#""InvoiceRows": "#)), "/InvoiceRows");
        // Just after `[`: the item, if the item is an object or array, else the array.
        assert_eq!(at(json, pos(r#""InvoiceRows": ["#)), "/InvoiceRows/0");
        assert_eq!(at(json, pos(r#""c": ["#)), "/a~1b~0/c/0");
        assert_eq!(at(json, pos(r#""c": [["#)), "/a~1b~0/c/0");
        assert_eq!(at(json, pos(r#""InvoiceRows": [{"#)), "/InvoiceRows/0");
        assert_eq!(at(json, pos(r#""InvoiceRows": [{"Qty"#)), "/InvoiceRows/0");
        assert_eq!(at(json, pos(r#""Qty": "x""#)), "/InvoiceRows/1/Qty");
        assert_eq!(at(json, pos(r#""Qty": "x"}"#)), "/InvoiceRows/1");
        assert_eq!(at(json, pos(r#"{"d": 2"#)), "/a~1b~0/c/0/1/d");
        assert_eq!(at(json, json.len()), "");
        assert_eq!(pointer_at(json, pos(r#"{"Qty": 1}"#), true), "/InvoiceRows");
        assert_eq!(pointer_at(json, pos(r#""c": [[1"#), true), "/a~1b~0/c/0");
        assert_eq!(at("{\"a\\\"}\": 1}", 10), "/a\"}");
        assert_eq!(
            clean_message("InvoiceRows: Qty: invalid type: string \"x\" at line 1 column 9"),
            "invalid type: string \"x\""
        );
    }

    #[test]
    fn parse_errors_name_the_member() {
        let path = |json: &str| match parse_at::<crate::cashin::SalesInvoice>(json, "/invoice") {
            Err(Error::Validation(v)) => (v[0].path.clone(), v[0].code.clone()),
            other => panic!("{:?}", other.map(|_| ())),
        };
        let pair = |p: &str| (p.to_owned(), "type".to_owned());
        assert_eq!(path(r#"{"InvoiceRows": [{"Qty": 1}, {"Qty": "many"}]}"#), pair("/invoice/InvoiceRows/1/Qty"));
        assert_eq!(path("{\n  \"InvoiceRows\": [\n {},\n {\"Qty\": []}]}"), pair("/invoice/InvoiceRows/1/Qty"));
        assert_eq!(path(r#"{"InvoiceRows": [{"Qty": 1}, 7]}"#), pair("/invoice/InvoiceRows/1"));
        assert_eq!(path(r#"{"InvoiceRows": "rows"}"#), pair("/invoice/InvoiceRows"));
        assert_eq!(path(r#"{"InvoiceDate": "21.11.2026"}"#), pair("/invoice/InvoiceDate"));
        assert_eq!(path(r#""not an invoice""#), pair("/invoice"));
        assert_eq!(path(r#"{"InvoiceRows": [{"Qty": [1]}]}"#), pair("/invoice/InvoiceRows/0/Qty"));
        assert_eq!(path(r#"{"InvoiceRows": [[]]}"#), pair("/invoice/InvoiceRows/0"));
        assert_eq!(path(r#"{"InvoiceNumber": 1} x"#), pair("/invoice"));
        assert_eq!(path(r#"{"InvoiceRows": [{"Qty": 1}"#), pair("/invoice/InvoiceRows"));
        assert_eq!(path(r#"{"InvoiceRows": [{"Qty": 1"#), pair("/invoice/InvoiceRows/0"));
    }
}
