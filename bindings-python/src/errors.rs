//! [`lasku::Error`] → the exception classes of `lasku._errors` (built there by `_from_native`).

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use lasku::http::TransportErrorKind;
use lasku::model::Identifier;
use lasku::validate::Violation;
use lasku::{ApiError, Error};

static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    match build(py, error) {
        Ok(err) => err,
        // Only if `lasku._errors` itself is broken; keep the message.
        Err(inner) => PyRuntimeError::new_err(format!("{error} (and lasku could not build its exception: {inner})")),
    }
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let fields = PyDict::new(py);
    fields.set_item("code", error.code())?;
    fields.set_item("message", error.to_string())?;
    match error {
        Error::Validation(violations) => fields.set_item("violations", violations_to_py(py, violations)?)?,
        Error::Unauthorized(api)
        | Error::BusinessRule(api)
        | Error::Forbidden(api)
        | Error::NotFound(api)
        | Error::Api(api) => api_fields(py, &fields, api)?,
        Error::RateLimited { error: api, retry_after } => {
            api_fields(py, &fields, api)?;
            fields.set_item("retry_after", retry_after.map(|d| d.as_secs_f64()))?;
        }
        Error::Transport { operation, error } => {
            fields.set_item("operation", *operation)?;
            fields.set_item("kind", kind_name(error.kind))?;
            fields.set_item("may_have_been_sent", error.may_have_been_sent)?;
        }
        Error::UnknownOutcome(outcome) => {
            fields.set_item("operation", outcome.operation)?;
            let numbers = PyList::empty(py);
            for number in &outcome.invoice_numbers {
                numbers.append(identifier_to_py(py, number)?)?;
            }
            fields.set_item("invoice_numbers", numbers)?;
            fields.set_item("references", outcome.references.clone())?;
            fields.set_item("other_keys", outcome.other_keys.clone())?;
            fields.set_item("cause", outcome.cause.clone())?;
        }
        Error::Decode { operation, status, message: _, body } => {
            fields.set_item("operation", *operation)?;
            fields.set_item("status", *status)?;
            fields.set_item("body", body.clone())?;
        }
        Error::Pagination { operation, message: _ } => fields.set_item("operation", *operation)?,
        _ => {}
    }
    let factory = FROM_NATIVE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("lasku._errors")?.getattr("_from_native")?.unbind())
    })?;
    let exception = PyErr::from_value(factory.bind(py).call1((fields,))?);
    // The exception a Python transport raised (kept by `transport::classify`) is the cause.
    let source = match error {
        Error::Transport { error, .. } => error.source.as_ref(),
        Error::UnknownOutcome(outcome) => outcome.source.as_ref(),
        _ => None,
    };
    if let Some(raised) = source.and_then(|s| s.get().downcast_ref::<PyErr>()) {
        exception.set_cause(py, Some(raised.clone_ref(py)));
    }
    Ok(exception)
}

fn api_fields(py: Python<'_>, fields: &Bound<'_, PyDict>, api: &ApiError) -> PyResult<()> {
    fields.set_item("operation", api.operation)?;
    fields.set_item("status", api.status)?;
    fields.set_item("body", api.body.clone())?;
    fields.set_item("server_message", api.message.clone())?;
    fields.set_item("request_id", api.request_id.clone())?;
    let list = PyList::empty(py);
    for fe in &api.field_errors {
        let item = PyDict::new(py);
        item.set_item("field", fe.field.clone())?;
        item.set_item("message", fe.message.clone())?;
        list.append(item)?;
    }
    fields.set_item("field_errors", list)
}

/// Violations as a list of `{"path", "code", "message", "severity"}` dicts.
pub fn violations_to_py<'py>(py: Python<'py>, violations: &[Violation]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for v in violations {
        let item = PyDict::new(py);
        item.set_item("path", v.path.clone())?;
        item.set_item("code", v.code.clone())?;
        item.set_item("message", v.message.clone())?;
        item.set_item("severity", v.severity.as_str())?;
        list.append(item)?;
    }
    Ok(list)
}

/// A numeric identifier as `int`, any other as `str` (as it travels on the wire).
fn identifier_to_py<'py>(py: Python<'py>, id: &Identifier) -> PyResult<Bound<'py, PyAny>> {
    if id.is_numeric() {
        if let Ok(n) = id.as_str().parse::<i64>() {
            return Ok(n.into_pyobject(py)?.into_any());
        }
    }
    Ok(pyo3::types::PyString::new(py, id.as_str()).into_any())
}

/// The name of a transport failure kind, as `lasku.TransportError.kind` shows it.
pub fn kind_name(kind: TransportErrorKind) -> &'static str {
    match kind {
        TransportErrorKind::Connect => "connect",
        TransportErrorKind::Timeout => "timeout",
        TransportErrorKind::Io => "io",
        _ => "other",
    }
}

/// A validation error with one violation (for input the binding cannot convert).
pub fn violation(path: String, code: &str, message: String) -> Error {
    Error::Validation(vec![Violation::error(path, code, message)])
}
