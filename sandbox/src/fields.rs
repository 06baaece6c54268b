//! Readers for the members of request bodies. Each checks one member and, when it is missing or
//! malformed, records a [`FieldError`] naming it by its path (e.g. `Cases[0].Debtor.Name`), so a
//! handler can report every problem of a request in one 400.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::errors::{ApiError, FieldError};
use crate::validate::field;
use crate::values::{decimal_of, invoice_key, parse_date};

/// An object in a list, with its path (e.g. `Cases[0]`).
pub(crate) type Item<'a> = (String, &'a Map<String, Value>);

/// Whether a member must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

/// The members of one JSON object, named under `prefix`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    pub obj: &'a Map<String, Value>,
    prefix: &'a str,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(obj: &'a Map<String, Value>, prefix: &'a str) -> Self {
        Fields { obj, prefix }
    }

    /// The path of a member, e.g. `Cases[0].Debtor.Name`.
    pub(crate) fn path(&self, name: &str) -> String {
        field(self.prefix, name)
    }

    /// The member unless it is absent or null; with [`Need::Required`], its absence is an error.
    pub(crate) fn value(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<&'a Value> {
        match self.obj.get(name) {
            None | Some(Value::Null) => {
                if need == Need::Required {
                    errors.push(FieldError::new(self.path(name), "is required"));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    /// A string member, trimmed; an empty string counts as absent.
    pub(crate) fn text(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<String> {
        match self.value(name, need, errors)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::String(_) => {
                if need == Need::Required {
                    errors.push(FieldError::new(self.path(name), "must not be empty"));
                }
                None
            }
            _ => {
                errors.push(FieldError::new(self.path(name), "must be a string"));
                None
            }
        }
    }

    /// A code or number: a non-empty string or a non-negative integer, normalised like invoice
    /// numbers (`123` ≡ `"123"`).
    pub(crate) fn code(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<String> {
        let value = self.value(name, need, errors)?;
        let key = invoice_key(value);
        if key.is_none() {
            errors.push(FieldError::new(self.path(name), "must be a non-empty string or a non-negative integer"));
        }
        key
    }

    /// A `YYYY-MM-DD` date.
    pub(crate) fn date(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
        let value = self.value(name, need, errors)?;
        let parsed = value.as_str().and_then(parse_date);
        if parsed.is_none() {
            errors.push(FieldError::new(self.path(name), format!("must be a date YYYY-MM-DD, not {value}")));
        }
        parsed
    }

    /// A number (a JSON number read through its text, or a numeric string).
    pub(crate) fn number(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<Decimal> {
        let value = self.value(name, need, errors)?;
        let parsed = decimal_of(value);
        if parsed.is_none() {
            errors.push(FieldError::new(self.path(name), format!("must be a number, not {value}")));
        }
        parsed
    }

    /// A number that is not negative.
    pub(crate) fn non_negative(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<Decimal> {
        let n = self.number(name, need, errors)?;
        if n.is_sign_negative() && !n.is_zero() {
            errors.push(FieldError::new(self.path(name), "must not be negative"));
            return None;
        }
        Some(n)
    }

    /// A number above zero.
    pub(crate) fn positive(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<Decimal> {
        let n = self.number(name, need, errors)?;
        if n <= Decimal::ZERO {
            errors.push(FieldError::new(self.path(name), "must be greater than zero"));
            return None;
        }
        Some(n)
    }

    /// A JSON object member.
    pub(crate) fn object(
        &self,
        name: &str,
        need: Need,
        errors: &mut Vec<FieldError>,
    ) -> Option<&'a Map<String, Value>> {
        let value = self.value(name, need, errors)?;
        let obj = value.as_object();
        if obj.is_none() {
            errors.push(FieldError::new(self.path(name), "must be an object"));
        }
        obj
    }

    /// A JSON array member.
    pub(crate) fn array(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Option<&'a Vec<Value>> {
        let value = self.value(name, need, errors)?;
        let list = value.as_array();
        if list.is_none() {
            errors.push(FieldError::new(self.path(name), "must be an array"));
        }
        list
    }

    /// An array member whose items must be objects, with their paths (`Name[i]`).
    pub(crate) fn objects(&self, name: &str, need: Need, errors: &mut Vec<FieldError>) -> Vec<Item<'a>> {
        let mut out = Vec::new();
        for (i, item) in self.array(name, need, errors).into_iter().flatten().enumerate() {
            let path = format!("{}[{i}]", self.path(name));
            match item.as_object() {
                Some(obj) => out.push((path, obj)),
                None => errors.push(FieldError::new(path, "must be an object")),
            }
        }
        out
    }

    /// Each named member, when present, must be a string (or a number, for codes and numbers
    /// sent as such).
    pub(crate) fn texts(&self, names: &[&str], errors: &mut Vec<FieldError>) {
        for name in names {
            if let Some(v) = self.value(name, Need::Optional, errors) {
                if !matches!(v, Value::String(_) | Value::Number(_)) {
                    errors.push(FieldError::new(self.path(name), "must be a string"));
                }
            }
        }
    }
}

/// The top-level list `name` of a request: a non-empty array of objects, with their paths; 400
/// naming the list or its items otherwise.
pub(crate) fn body_list<'a>(body: &'a Map<String, Value>, name: &str) -> Result<Vec<Item<'a>>, ApiError> {
    let list = match body.get(name) {
        None | Some(Value::Null) => return Err(ApiError::field(name, "is required")),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(ApiError::field(name, "must be an array")),
    };
    if list.is_empty() {
        return Err(ApiError::field(name, "must contain at least one item"));
    }
    let mut errors = Vec::new();
    let items = Fields::new(body, "").objects(name, Need::Required, &mut errors);
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// 400 with every error found, or `Ok`.
pub(crate) fn finish(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_are_named_by_their_path() {
        let body = json!({ "A": "", "B": "x", "C": 3, "D": "2024-13-01", "E": -1, "F": [1, {}] });
        let obj = body.as_object().unwrap();
        let f = Fields::new(obj, "Items[2]");
        let mut errors = Vec::new();
        assert_eq!(f.text("A", Need::Required, &mut errors), None);
        assert_eq!(f.text("B", Need::Required, &mut errors).as_deref(), Some("x"));
        assert_eq!(f.text("C", Need::Optional, &mut errors), None);
        assert_eq!(f.code("C", Need::Required, &mut errors).as_deref(), Some("3"));
        assert_eq!(f.date("D", Need::Required, &mut errors), None);
        assert_eq!(f.non_negative("E", Need::Required, &mut errors), None);
        assert_eq!(f.objects("F", Need::Required, &mut errors).len(), 1);
        assert_eq!(f.number("G", Need::Required, &mut errors), None);
        assert_eq!(f.number("G", Need::Optional, &mut errors), None);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["Items[2].A", "Items[2].C", "Items[2].D", "Items[2].E", "Items[2].F[0]", "Items[2].G"]);
    }

    #[test]
    fn body_lists_must_be_non_empty_arrays_of_objects() {
        for (body, field) in
            [(json!({}), "Cases"), (json!({ "Cases": [] }), "Cases"), (json!({ "Cases": [1] }), "Cases[0]")]
        {
            let err = body_list(body.as_object().unwrap(), "Cases").unwrap_err();
            assert_eq!(err.errors[0].field, field);
        }
        assert_eq!(body_list(json!({ "Cases": [{}] }).as_object().unwrap(), "Cases").unwrap().len(), 1);
    }
}
