//! A Python callable as the core's [`Transport`]: `transport(lasku.HttpRequest) -> response`,
//! or an `async def` (with `lasku.AsyncClient`) whose coroutine runs on the caller's asyncio
//! loop. The callable runs on tokio's blocking pool, so neither the runtime's workers nor the
//! event loop wait on it. An exception it raises becomes a [`TransportError`] (see
//! `lasku._transport._classify` for which ones say "not sent").

use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyCFunction, PyDict, PyModule, PyTuple};
use tokio::sync::oneshot;

use lasku::http::{BoxFuture, HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};

use crate::shutdown::with_python;

tokio::task_local! {
    /// The asyncio loop of the `AsyncClient` call being driven (absent for `Client`).
    pub static EVENT_LOOP: Arc<Py<PyAny>>;
}

static HELPERS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// `lasku._transport`: the request and response classes and the small Python helpers.
pub fn helpers(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    HELPERS
        .get_or_try_init(py, || -> PyResult<Py<PyModule>> { Ok(py.import("lasku._transport")?.unbind()) })
        .map(|m| m.bind(py))
}

type Outcome = Result<HttpResponse, TransportError>;

/// A Python callable used as the transport.
pub struct PyTransport {
    callable: Arc<Py<PyAny>>,
}

impl PyTransport {
    /// Wraps a callable.
    pub fn new(callable: Py<PyAny>) -> Self {
        PyTransport { callable: Arc::new(callable) }
    }
}

enum Invoked {
    Done(Outcome),
    Pending(oneshot::Receiver<Outcome>),
}

impl Transport for PyTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Outcome> {
        let callable = Arc::clone(&self.callable);
        let event_loop = EVENT_LOOP.try_with(Arc::clone).ok();
        Box::pin(async move {
            let step = tokio::task::spawn_blocking(move || {
                with_python(|py| invoke(py, &callable, &request, event_loop.as_deref()))
            })
            .await;
            match step {
                Ok(None) => Err(TransportError::not_sent(
                    TransportErrorKind::Other,
                    "the Python interpreter is exiting: the transport was not called",
                )),
                Ok(Some(Invoked::Done(outcome))) => outcome,
                Ok(Some(Invoked::Pending(answer))) => answer.await.unwrap_or_else(|_| {
                    Err(TransportError::maybe_sent(
                        TransportErrorKind::Other,
                        "the transport's coroutine never finished",
                    ))
                }),
                Err(join) => Err(TransportError::maybe_sent(
                    TransportErrorKind::Other,
                    if join.is_panic() { "the transport bridge panicked" } else { "the transport call was cancelled" },
                )),
            }
        })
    }
}

fn invoke(py: Python<'_>, callable: &Py<PyAny>, request: &HttpRequest, event_loop: Option<&Py<PyAny>>) -> Invoked {
    match try_invoke(py, callable, request, event_loop) {
        Ok(invoked) => invoked,
        Err(error) => Invoked::Done(Err(classify(py, &error, false))),
    }
}

fn try_invoke(
    py: Python<'_>,
    callable: &Py<PyAny>,
    request: &HttpRequest,
    event_loop: Option<&Py<PyAny>>,
) -> PyResult<Invoked> {
    let helpers = helpers(py)?;
    let py_request = request_to_py(py, helpers, request)?;
    let result = match callable.bind(py).call1((py_request,)) {
        Ok(result) => result,
        Err(error) => return Ok(Invoked::Done(Err(classify(py, &error, true)))),
    };
    if !result.hasattr("__await__")? {
        return Ok(Invoked::Done(response_from_py(py, &result)));
    }
    let Some(event_loop) = event_loop else {
        helpers.getattr("_discard")?.call1((&result,))?;
        return Ok(Invoked::Done(Err(TransportError::not_sent(
            TransportErrorKind::Other,
            "the transport returned an awaitable: lasku.Client needs a plain function; use lasku.AsyncClient for an async transport",
        ))));
    };
    let (sender, answer) = oneshot::channel::<Outcome>();
    let sender = Mutex::new(Some(sender));
    let done = PyCFunction::new_closure(
        py,
        Some(c"lasku_transport_done"),
        None,
        move |args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<()> {
            let future = args.get_item(0)?;
            let outcome = settle(args.py(), &future);
            if let Some(sender) = sender.lock().ok().and_then(|mut slot| slot.take()) {
                let _ = sender.send(outcome);
            }
            Ok(())
        },
    )?;
    helpers.getattr("_schedule")?.call1((event_loop.bind(py), result, done))?;
    Ok(Invoked::Pending(answer))
}

/// The outcome of the `concurrent.futures.Future` of a transport coroutine.
fn settle(py: Python<'_>, future: &Bound<'_, PyAny>) -> Outcome {
    let read = || -> PyResult<Outcome> {
        if future.call_method0("cancelled")?.is_truthy()? {
            return Ok(Err(TransportError::maybe_sent(
                TransportErrorKind::Other,
                "the transport's coroutine was cancelled",
            )));
        }
        let exception = future.call_method0("exception")?;
        if !exception.is_none() {
            return Ok(Err(classify(py, &PyErr::from_value(exception), true)));
        }
        Ok(response_from_py(py, &future.call_method0("result")?))
    };
    read().unwrap_or_else(|e| Err(classify(py, &e, true)))
}

fn request_to_py<'py>(
    py: Python<'py>,
    helpers: &Bound<'py, PyModule>,
    request: &HttpRequest,
) -> PyResult<Bound<'py, PyAny>> {
    let headers = PyDict::new(py);
    for (name, value) in &request.headers {
        headers.set_item(name, value)?;
    }
    let body = request.body.as_deref().map(|b| PyBytes::new(py, b));
    let timeout = request.timeout.map(|d: Duration| d.as_secs_f64());
    helpers.getattr("HttpRequest")?.call1((request.method.as_str(), request.url.as_str(), headers, body, timeout))
}

fn response_from_py(py: Python<'_>, value: &Bound<'_, PyAny>) -> Outcome {
    let read = || -> PyResult<HttpResponse> {
        let parts = helpers(py)?.getattr("_response_parts")?.call1((value,))?;
        let (status, headers, body): (u16, Vec<(String, String)>, Bound<'_, PyBytes>) = parts.extract()?;
        Ok(HttpResponse { status, headers, body: body.as_bytes().to_vec() })
    };
    read().map_err(|e| {
        TransportError::maybe_sent(TransportErrorKind::Other, format!("the transport's answer is not a response: {e}"))
    })
}

/// What a Python exception from a transport means; `after_call` says the callable was running
/// (so the request may have left) rather than lasku failing to call it. The exception is kept
/// as the error's source.
fn classify(py: Python<'_>, error: &PyErr, after_call: bool) -> TransportError {
    let verdict = || -> PyResult<(String, bool, String)> {
        helpers(py)?.getattr("_classify")?.call1((error.value(py), after_call))?.extract()
    };
    match verdict() {
        Ok((kind, may_have_been_sent, message)) => {
            let kind = match kind.as_str() {
                "connect" => TransportErrorKind::Connect,
                "timeout" => TransportErrorKind::Timeout,
                "io" => TransportErrorKind::Io,
                _ => TransportErrorKind::Other,
            };
            TransportError::new(kind, may_have_been_sent, message)
        }
        Err(_) => TransportError::maybe_sent(TransportErrorKind::Other, format!("the transport raised {error}")),
    }
    // The exception itself travels along, to be the `__cause__` of lasku's exception.
    .with_source(error.clone_ref(py))
}
