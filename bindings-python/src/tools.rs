//! Functions without a client: preparing a request (validate + serialize), validation, the
//! invoice builder and the Finnish toolkit, all through `lasku::surface`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use lasku::model::WireTypeRef;
use lasku::surface;
use lasku::Call;

use crate::errors::{to_py_err, violations_to_py};
use crate::guard::guard;
use crate::tojson;
use crate::topy::json_to_py;

fn model_type(name: &str) -> Option<WireTypeRef> {
    surface::models().into_iter().find(|(n, _)| *n == name).map(|(n, fields)| WireTypeRef::Model(n, fields))
}

/// JSON text of a Python value, exactly as lasku sends it.
#[pyfunction]
#[pyo3(name = "_to_json")]
pub fn to_json(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || tojson::to_json(value))
}

/// Validates and serializes an operation's request without sending it.
#[pyfunction]
pub fn prepare<'py>(py: Python<'py>, operation: &str, args: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || with_prepared(py, operation, args, |call, body| prepared_to_py(py, call, body)))
}

/// Writes the arguments to JSON, prepares the call and gives it to `then` with its body when
/// that is a part of the arguments' text. A batch is checked on other threads while the rest of
/// it is still being written (`surface::Ahead`).
pub fn with_prepared<R>(
    py: Python<'_>,
    operation: &str,
    args: &Bound<'_, PyAny>,
    then: impl FnOnce(Call, Option<&str>) -> PyResult<R>,
) -> PyResult<R> {
    let models: Vec<&str> = surface::operation(operation)
        .map(|op| op.params.iter().filter(|p| matches!(p.kind, surface::ParamKind::Model(_))).map(|p| p.name).collect())
        .unwrap_or_default();
    std::thread::scope(|scope| match surface::Ahead::new(scope, operation) {
        Some(ahead) => {
            let report = |written: &[u8]| ahead.element(written);
            tojson::with_json_reporting(args, Some((ahead.depth(), &report)), &models, |args_json| {
                let (call, body) = py.detach(|| ahead.finish(args_json)).map_err(|e| to_py_err(py, &e))?;
                then(call, body)
            })
        }
        None => tojson::with_json_reporting(args, None, &models, |args_json| {
            let prepared = py.detach(|| surface::prepare_borrowing(operation, args_json));
            let (call, body) = prepared.map_err(|e| to_py_err(py, &e))?;
            then(call, body)
        }),
    })
}

/// The prepared call as a dict; a body that is a part of the arguments' text is copied once,
/// straight into the `bytes`.
fn prepared_to_py<'py>(py: Python<'py>, call: Call, body: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("operation", call.operation.id)?;
    out.set_item("method", call.operation.method.as_str())?;
    out.set_item("path", call.operation.path)?;
    let path_params = PyDict::new(py);
    for (name, value) in &call.path_params {
        path_params.set_item(*name, value)?;
    }
    out.set_item("path_params", path_params)?;
    let query = PyList::empty(py);
    for (name, value) in &call.query {
        query.append((*name, value))?;
    }
    out.set_item("query", query)?;
    let body = body.map(str::as_bytes).or(call.body.as_deref());
    out.set_item("body", body.map(|b| PyBytes::new(py, b)))?;
    Ok(out)
}

/// Every violation of a document (`invoice`, `invoice_update`, `batch` or `create_body`).
#[pyfunction]
pub fn validate<'py>(py: Python<'py>, kind: &str, document: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let violations = tojson::with_json(document, |json| Ok(py.detach(|| surface::validate_json(kind, json))))?;
        violations_to_py(py, &violations)
    })
}

/// The invoice builder: a `SalesInvoice` with computed amounts, due date and reference.
#[pyfunction]
pub fn build_invoice<'py>(py: Python<'py>, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let json = tojson::to_json(input)?;
        let built = surface::build_invoice_json(&json, surface::Decimals::Numbers).map_err(|e| to_py_err(py, &e))?;
        json_to_py(py, &built, model_type("SalesInvoice"))
    })
}

/// `{"kind", "value", "valid", "code", "reason", "formatted", ...}` for a Finnish identifier.
#[pyfunction]
pub fn check_identifier<'py>(py: Python<'py>, kind: &str, value: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || json_to_py(py, &surface::check_identifier(kind, value), None))
}

/// The national and RF forms of a reference base.
#[pyfunction]
pub fn reference_forms<'py>(py: Python<'py>, base: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let text = surface::reference_forms(base).map_err(|e| to_py_err(py, &e))?;
        json_to_py(py, &text, None)
    })
}

/// A 54-digit virtual bank barcode.
#[pyfunction]
#[pyo3(signature = (iban, amount, reference, due=None))]
pub fn encode_barcode(
    py: Python<'_>,
    iban: &str,
    amount: &str,
    reference: &str,
    due: Option<&str>,
) -> PyResult<String> {
    guard(py, || surface::encode_barcode(iban, amount, reference, due).map_err(|e| to_py_err(py, &e)))
}

/// The contents of a virtual bank barcode.
#[pyfunction]
pub fn decode_barcode<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let text = surface::decode_barcode(code).map_err(|e| to_py_err(py, &e))?;
        json_to_py(py, &text, None)
    })
}

/// The kinds `check_identifier` knows.
#[pyfunction]
pub fn identifier_kinds() -> Vec<&'static str> {
    surface::IDENTIFIER_KINDS.to_vec()
}
