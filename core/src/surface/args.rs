//! Reading an operation's arguments from a JSON object: each parameter from its own raw JSON
//! text, so models are parsed once, straight into their types, and a wrong type becomes a
//! violation naming its path.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::cashin::PageRequest;
use crate::model::{Identifier, WireType, WireTypeRef};
use crate::validate::Violation;
use crate::{Error, Result};

/// The arguments of one call, by parameter name.
pub struct Args<'a> {
    map: HashMap<&'a str, &'a RawValue>,
}

impl<'a> Args<'a> {
    /// Reads a JSON object (an empty text, `null` or `{}` means no arguments).
    pub fn parse(json: &'a str) -> Result<Self> {
        let trimmed = json.trim();
        if trimmed.is_empty() || trimmed == "null" {
            return Ok(Args { map: HashMap::new() });
        }
        let map: HashMap<&'a str, &'a RawValue> = serde_json::from_str(trimmed).map_err(|e| {
            Error::Validation(vec![Violation::error("", "type", format!("the arguments must be a JSON object: {e}"))])
        })?;
        Ok(Args { map })
    }

    fn raw(&self, name: &str) -> Option<&'a RawValue> {
        self.map.get(name).copied().filter(|raw| raw.get().trim() != "null")
    }

    /// Parses one parameter into `T`; a wrong type is a violation at `/<name>/<path>`.
    pub fn typed<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>> {
        match self.raw(name) {
            None => Ok(None),
            Some(raw) => parse_at::<T>(raw.get(), &format!("/{name}")).map(Some),
        }
    }

    /// A required parameter.
    pub fn required<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        self.typed(name)?.ok_or_else(|| {
            Error::Validation(vec![Violation::error(format!("/{name}"), "required", format!("{name} is required"))])
        })
    }

    /// `page` and `page_size`.
    pub fn page(&self) -> Result<PageRequest> {
        Ok(PageRequest { page: self.typed("page")?, page_size: self.typed("page_size")? })
    }

    /// Names not among `known`, for a clear error.
    pub fn unknown(&self, known: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = self.map.keys().filter(|k| !known.contains(k)).map(|k| (*k).to_owned()).collect();
        names.sort();
        names
    }
}

/// Parses JSON text into `T`; a wrong type or shape is [`Error::Validation`] with the JSON
/// pointer of the offending member under `prefix`.
pub fn parse_at<T: DeserializeOwned>(json: &str, prefix: &str) -> Result<T> {
    // The fast path; only a failure pays for tracking the path.
    if let Ok(value) = serde_json::from_str::<T>(json) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let result: std::result::Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let value = result.map_err(|e| {
        let pointer = to_pointer(&e.path().to_string());
        let inner = e.into_inner();
        let message = clean_message(&inner.to_string());
        Error::Validation(vec![Violation::error(format!("{prefix}{pointer}"), "type", message)])
    })?;
    de.end().map_err(|e| Error::Validation(vec![Violation::error(prefix, "type", e.to_string())]))?;
    Ok(value)
}

/// `InvoiceRows[0].Qty` → `/InvoiceRows/0/Qty`.
fn to_pointer(path: &str) -> String {
    if path == "." || path.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            let (name, indices) = rest.split_at(open);
            if !name.is_empty() {
                out.push('/');
                out.push_str(&name.replace('~', "~0").replace('/', "~1"));
            }
            rest = indices;
            for index in rest.split('[').filter(|s| !s.is_empty()) {
                out.push('/');
                out.push_str(index.trim_end_matches(']'));
            }
        } else if part != "?" {
            out.push('/');
            out.push_str(&part.replace('~', "~0").replace('/', "~1"));
        }
    }
    out
}

/// Drops serde_json's position suffix and lasku's member-name prefixes, which the path says.
fn clean_message(message: &str) -> String {
    let without_position = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let mut text = without_position;
    while let Some((head, tail)) = text.split_once(": ") {
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

/// Models are parameters of kind `Model`.
pub struct ModelParam<T>(std::marker::PhantomData<T>);

impl<T: WireType> Param for ModelParam<T> {
    const KIND: ParamKind = ParamKind::Model(T::wire_type);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_pointers() {
        assert_eq!(to_pointer("InvoiceRows[0].Qty"), "/InvoiceRows/0/Qty");
        assert_eq!(
            to_pointer("SalesInvoices[2].SalesInvoice[10].InvoiceDate"),
            "/SalesInvoices/2/SalesInvoice/10/InvoiceDate"
        );
        assert_eq!(to_pointer("."), "");
        assert_eq!(
            clean_message("InvoiceRows: Qty: invalid type: string \"x\" at line 1 column 9"),
            "invalid type: string \"x\""
        );
    }
}
