//! The native half of the pip package `lasku`: the private module `lasku._native`.
//!
//! It holds no business logic. It converts Python values to the JSON the core's
//! [`lasku::surface`] takes, converts the core's JSON answers back (money as `decimal.Decimal`),
//! maps [`lasku::Error`] to the exception classes of `lasku._errors`, bridges Python callables
//! into [`lasku::http::Transport`], and runs the core's futures on a tokio runtime with the GIL
//! released. Every entry point catches Rust panics and raises them as `lasku.LaskuError`.

use pyo3::prelude::*;

mod client;
mod errors;
mod guard;
mod runtime;
mod schema;
mod shutdown;
mod tojson;
mod tools;
mod topy;
mod transport;
mod utf8;

/// The private native module of the `lasku` package (use the `lasku` facade instead).
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    shutdown::register(m)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<client::NativePages>()?;
    m.add_class::<client::CallHandle>()?;
    m.add_function(wrap_pyfunction!(schema::schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(tools::to_json, m)?)?;
    m.add_function(wrap_pyfunction!(tools::prepare, m)?)?;
    m.add_function(wrap_pyfunction!(tools::validate, m)?)?;
    m.add_function(wrap_pyfunction!(tools::build_invoice, m)?)?;
    m.add_function(wrap_pyfunction!(tools::check_identifier, m)?)?;
    m.add_function(wrap_pyfunction!(tools::reference_forms, m)?)?;
    m.add_function(wrap_pyfunction!(tools::encode_barcode, m)?)?;
    m.add_function(wrap_pyfunction!(tools::decode_barcode, m)?)?;
    m.add_function(wrap_pyfunction!(tools::identifier_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(guard::panic_for_tests, m)?)?;
    Ok(())
}
