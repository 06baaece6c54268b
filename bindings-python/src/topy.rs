//! The core's JSON answers → Python values, guided by the wire schema: money members become
//! `decimal.Decimal`; other numbers become `int` when whole, else `Decimal` (never a float, so
//! nothing is rounded); dates and timestamps stay ISO strings; objects become dicts with the
//! API's own member names.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use lasku::cashin::PageMeta;
use lasku::model::WireTypeRef;
use serde_json::{Number, Value};

use crate::tojson::decimal_type;

/// Parses JSON text and converts it under the wire type `ty` (`None`: no schema).
pub fn json_to_py<'py>(py: Python<'py>, text: &str, ty: Option<WireTypeRef>) -> PyResult<Bound<'py, PyAny>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        crate::errors::to_py_err(py, &lasku::Error::Internal(format!("the core answered JSON lasku cannot read: {e}")))
    })?;
    value_to_py(py, &value, ty)
}

/// Converts a JSON value under the wire type `ty`.
pub fn value_to_py<'py>(py: Python<'py>, value: &Value, ty: Option<WireTypeRef>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match ty {
            Some(WireTypeRef::Money) => decimal(py, &n.to_string())?,
            _ => number(py, n)?,
        },
        Value::String(s) => match ty {
            Some(WireTypeRef::Money) => decimal(py, s).unwrap_or_else(|_| PyString::new(py, s).into_any()),
            _ => PyString::new(py, s).into_any(),
        },
        Value::Array(items) => {
            let inner = match ty {
                Some(WireTypeRef::List(inner)) => Some(inner()),
                _ => None,
            };
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item, inner)?)?;
            }
            list.into_any()
        }
        Value::Object(members) => {
            let dict = PyDict::new(py);
            for (name, member) in members {
                let member_ty = match ty {
                    Some(WireTypeRef::Model(_, fields)) => fields.iter().find(|f| f.wire == name).map(|f| (f.ty)()),
                    Some(WireTypeRef::Page(inner)) if name == "Data" => Some(WireTypeRef::List(inner)),
                    Some(WireTypeRef::Page(_)) if name == "Meta" => {
                        Some(WireTypeRef::Model("PageMeta", PageMeta::FIELDS))
                    }
                    _ => None,
                };
                dict.set_item(name, value_to_py(py, member, member_ty)?)?;
            }
            dict.into_any()
        }
    })
}

fn decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((text,))
}

fn number<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        return Ok(i.into_pyobject(py)?.into_any());
    }
    if let Some(u) = n.as_u64() {
        return Ok(u.into_pyobject(py)?.into_any());
    }
    let text = n.to_string();
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        // A whole number beyond 64 bits.
        return py.get_type::<pyo3::types::PyInt>().call1((text,));
    }
    decimal(py, &text)
}
