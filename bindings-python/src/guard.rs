//! The panic boundary: a Rust panic never crosses into Python as a crash or a `PanicException`;
//! it becomes `lasku.LaskuError` (code `internal`), and the client stays usable.

use std::any::Any;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

use pyo3::prelude::*;

use crate::errors::to_py_err;

/// Runs `f`, turning a panic into `lasku.LaskuError`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(to_py_err(py, &panic_error(payload.as_ref()))),
    }
}

/// The error a caught panic becomes.
pub fn panic_error(payload: &(dyn Any + Send)) -> lasku::Error {
    let message = if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    };
    lasku::Error::Internal(format!("a Rust panic was caught: {message}"))
}

/// A future that turns a panic while polling into `Err`.
pub struct CatchUnwind<F: Future>(Pin<Box<F>>);

impl<F: Future> CatchUnwind<F> {
    /// Wraps a future.
    pub fn new(future: F) -> Self {
        CatchUnwind(Box::pin(future))
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, lasku::Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catch_unwind(AssertUnwindSafe(move || inner.poll(cx))) {
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(panic_error(payload.as_ref()))),
        }
    }
}

/// Test hook: panics inside the same boundary every entry point uses, where the tests ask
/// (`"sync"`: in plain code of an entry point; `"runtime"`: inside a future the runtime drives,
/// as every client call is), so the tests can show a panic surfaces as `LaskuError` and nothing
/// breaks afterwards.
#[pyfunction]
#[pyo3(name = "_panic_for_tests")]
pub fn panic_for_tests(py: Python<'_>, place: &str) -> PyResult<()> {
    guard(py, || match place {
        "sync" => deliberate_panic(),
        "runtime" => {
            let rt = crate::runtime::runtime().map_err(|e| to_py_err(py, &e))?;
            let outcome = py.detach(|| {
                rt.block_on(CatchUnwind::new(async {
                    tokio::task::yield_now().await;
                    deliberate_panic()
                }))
            });
            match outcome {
                Ok(result) => result,
                Err(error) => Err(to_py_err(py, &error)),
            }
        }
        other => Err(pyo3::exceptions::PyValueError::new_err(format!("unknown place {other:?}"))),
    })
}

#[allow(clippy::panic)] // the one deliberate panic, reachable only from the test hook above
fn deliberate_panic() -> PyResult<()> {
    panic!("deliberate panic for the tests")
}
