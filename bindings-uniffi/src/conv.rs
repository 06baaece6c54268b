//! Value conversions between the FFI records and the core's types.
//!
//! [`Lift`] turns what the host passed into a core value and reports every value it cannot
//! convert as a [`Violation`] with a JSON-pointer path (the core's validation format), so the
//! host gets one `Validation` error listing all of them. [`Lower`] turns a core value into its
//! record and cannot fail.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, Utc};
use lasku::model::{Extra, Identifier};
use lasku::validate::Violation;
use rust_decimal::Decimal;

use crate::LaskuError;

/// Conversion problems found so far.
pub(crate) type Errs = Vec<Violation>;

/// Where a value sits: an argument, then member names and list indices.
pub(crate) enum At<'a> {
    /// An operation's argument (not part of the path: the core's paths start at the argument).
    Arg(&'a str),
    /// A member, by wire name.
    Name(&'a At<'a>, &'a str),
    /// A list item.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The root of an argument.
    pub(crate) fn arg(name: &'a str) -> Self {
        At::Arg(name)
    }

    /// A member of this value.
    pub(crate) fn name(&'a self, wire: &'a str) -> At<'a> {
        At::Name(self, wire)
    }

    fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }

    fn argument(&self) -> &str {
        match self {
            At::Arg(name) => name,
            At::Name(parent, _) | At::Index(parent, _) => parent.argument(),
        }
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Arg(_) => Ok(()),
            At::Name(parent, name) => write!(f, "{parent}/{}", name.replace('~', "~0").replace('/', "~1")),
            At::Index(parent, i) => write!(f, "{parent}/{i}"),
        }
    }
}

fn invalid(at: &At<'_>, code: &str, message: String, errs: &mut Errs) {
    let path = at.to_string();
    let message = if path.is_empty() {
        format!("{}: {message}", at.argument())
    } else {
        format!("{} {path}: {message}", at.argument())
    };
    errs.push(Violation::error(path, code, message));
}

/// Converts a value from its FFI form into the core type `Self`.
pub(crate) trait Lift<F>: Sized {
    /// `None` when the value cannot be converted; the reason is pushed to `errs`.
    fn lift(value: F, at: &At<'_>, errs: &mut Errs) -> Option<Self>;
}

/// Converts a core value `C` into its FFI form.
pub(crate) trait Lower<C> {
    /// The FFI form.
    fn lower(value: C) -> Self;
}

macro_rules! same {
    ($($t:ty),*) => {$(
        impl Lift<$t> for $t {
            fn lift(value: $t, _: &At<'_>, _: &mut Errs) -> Option<Self> {
                Some(value)
            }
        }
        impl Lower<$t> for $t {
            fn lower(value: $t) -> Self {
                value
            }
        }
    )*};
}

same!(String, bool, i64, Decimal, NaiveDate, Identifier);

impl<F, C: Lift<F>> Lift<Option<F>> for Option<C> {
    fn lift(value: Option<F>, at: &At<'_>, errs: &mut Errs) -> Option<Self> {
        match value {
            None => Some(None),
            Some(v) => C::lift(v, at, errs).map(Some),
        }
    }
}

impl<C, F: Lower<C>> Lower<Option<C>> for Option<F> {
    fn lower(value: Option<C>) -> Self {
        value.map(F::lower)
    }
}

impl<F, C: Lift<F>> Lift<Vec<F>> for Vec<C> {
    fn lift(value: Vec<F>, at: &At<'_>, errs: &mut Errs) -> Option<Self> {
        let before = errs.len();
        let out: Vec<Option<C>> = value.into_iter().enumerate().map(|(i, v)| C::lift(v, &at.index(i), errs)).collect();
        if errs.len() > before {
            return None;
        }
        out.into_iter().collect()
    }
}

impl<C, F: Lower<C>> Lower<Vec<C>> for Vec<F> {
    fn lower(value: Vec<C>) -> Self {
        value.into_iter().map(F::lower).collect()
    }
}

impl Lift<i64> for u64 {
    fn lift(value: i64, at: &At<'_>, errs: &mut Errs) -> Option<Self> {
        u64::try_from(value)
            .map_err(|_| invalid(at, "ffi.negative", format!("{value} must not be negative"), errs))
            .ok()
    }
}

impl Lower<u64> for i64 {
    fn lower(value: u64) -> Self {
        i64::try_from(value).unwrap_or(i64::MAX)
    }
}

impl Lift<i32> for u32 {
    fn lift(value: i32, at: &At<'_>, errs: &mut Errs) -> Option<Self> {
        u32::try_from(value)
            .map_err(|_| invalid(at, "ffi.negative", format!("{value} must not be negative"), errs))
            .ok()
    }
}

impl Lower<u32> for i32 {
    fn lower(value: u32) -> Self {
        i32::try_from(value).unwrap_or(i32::MAX)
    }
}

impl Lift<SystemTime> for DateTime<Utc> {
    fn lift(value: SystemTime, _: &At<'_>, _: &mut Errs) -> Option<Self> {
        Some(DateTime::<Utc>::from(value))
    }
}

impl Lower<DateTime<Utc>> for SystemTime {
    fn lower(value: DateTime<Utc>) -> Self {
        SystemTime::from(value)
    }
}

impl Lift<Arc<crate::Secret>> for lasku::Secret {
    fn lift(value: Arc<crate::Secret>, _: &At<'_>, _: &mut Errs) -> Option<Self> {
        Some(value.inner().clone())
    }
}

impl Lower<lasku::Secret> for Arc<crate::Secret> {
    fn lower(value: lasku::Secret) -> Self {
        Arc::new(crate::Secret::from_core(value))
    }
}

impl Lift<String> for serde_json::Value {
    fn lift(value: String, at: &At<'_>, errs: &mut Errs) -> Option<Self> {
        serde_json::from_str(&value).map_err(|e| invalid(at, "ffi.json", format!("is not JSON: {e}"), errs)).ok()
    }
}

impl Lower<serde_json::Value> for String {
    fn lower(value: serde_json::Value) -> Self {
        value.to_string()
    }
}

/// `extra` of a model: the text of a JSON object (or nothing).
pub(crate) fn lift_extra(value: Option<String>, at: &At<'_>, errs: &mut Errs) -> Option<Extra> {
    let Some(text) = value else { return Some(Extra::new()) };
    if text.trim().is_empty() {
        return Some(Extra::new());
    }
    match serde_json::from_str::<Extra>(&text) {
        Ok(map) => Some(map),
        Err(e) => {
            invalid(&at.name("extra"), "ffi.extra", format!("must be the text of a JSON object: {e}"), errs);
            None
        }
    }
}

/// `extra` of a model as the text of a JSON object; `None` when empty.
pub(crate) fn lower_extra(extra: Extra) -> Option<String> {
    if extra.is_empty() {
        None
    } else {
        serde_json::to_string(&extra).ok()
    }
}

/// Reports a name in `nulls` that is not a member of the model.
pub(crate) fn unknown_null(at: &At<'_>, model: &str, wire: &str, errs: &mut Errs) {
    invalid(&at.name("nulls"), "ffi.nulls", format!("{wire:?} is not a member of {model}"), errs);
}

/// The known members that are explicit nulls.
pub(crate) fn null_names(wires: &[&str], is_null: impl Fn(&str) -> bool) -> Vec<String> {
    wires.iter().filter(|w| is_null(w)).map(|w| (*w).to_owned()).collect()
}

/// Every conversion problem as one `Validation` error (nothing was sent).
pub(crate) fn check(errs: Errs) -> Result<(), LaskuError> {
    if errs.is_empty() {
        Ok(())
    } else {
        Err(LaskuError::from(lasku::Error::Validation(errs)))
    }
}

/// A lifted argument (present once [`check`] passed).
pub(crate) fn present<T>(value: Option<T>) -> Result<T, LaskuError> {
    value.ok_or_else(|| LaskuError::Internal { reason: "an argument was lost in conversion".to_owned() })
}

/// Lifts one value on its own (for the standalone functions).
pub(crate) fn lift_one<F, C: Lift<F>>(value: F, name: &str) -> Result<C, LaskuError> {
    let mut errs = Errs::new();
    let lifted = C::lift(value, &At::arg(name), &mut errs);
    check(errs)?;
    present(lifted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_json_pointers() {
        let root = At::arg("invoice");
        let rows = root.name("InvoiceRows");
        let row = rows.index(2);
        let qty = row.name("Qty");
        assert_eq!(qty.to_string(), "/InvoiceRows/2/Qty");
        let mut errs = Errs::new();
        assert_eq!(<u64 as Lift<i64>>::lift(-1, &qty, &mut errs), None);
        assert_eq!(errs[0].path, "/InvoiceRows/2/Qty");
        assert!(errs[0].message.starts_with("invoice /InvoiceRows/2/Qty"), "{}", errs[0].message);
    }

    #[test]
    fn lists_report_every_bad_item() {
        let mut errs = Errs::new();
        let out: Option<Vec<u64>> = Lift::lift(vec![1i64, -2, -3], &At::arg("x"), &mut errs);
        assert_eq!(out, None);
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[1].path, "/2");
    }

    #[test]
    fn extra_must_be_an_object() {
        let mut errs = Errs::new();
        assert!(lift_extra(Some("[1]".into()), &At::arg("x"), &mut errs).is_none());
        assert!(lift_extra(Some("{\"A\": 1}".into()), &At::arg("x"), &mut errs).is_some_and(|m| m.len() == 1));
        assert_eq!(lower_extra(Extra::new()), None);
        assert_eq!(errs.len(), 1);
    }
}
