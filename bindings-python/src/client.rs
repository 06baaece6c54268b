//! The native client behind `lasku.Client` and `lasku.AsyncClient`: every operation by id with
//! Python arguments and answers, blocking (GIL released) or handed to an asyncio loop, and
//! auto-pagination.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use pyo3::prelude::*;

use lasku::model::WireTypeRef;
use lasku::retry::RetryPolicy;
use lasku::surface::{self, JsonPages};
use lasku::{Config, Error};

use crate::errors::to_py_err;
use crate::guard::{guard, CatchUnwind};
use crate::runtime::{block_on, runtime};
use crate::shutdown::with_python;
use crate::tojson::to_json;
use crate::topy::json_to_py;
use crate::transport::{helpers, PyTransport, EVENT_LOOP};

/// The wire type of an operation's answer.
fn answer_type(operation: &str) -> Option<WireTypeRef> {
    surface::operation(operation).map(|op| (op.returns)())
}

fn seconds(name: &str, value: Option<f64>) -> Result<Option<Duration>, Error> {
    value
        .map(|s| {
            Duration::try_from_secs_f64(s)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or_else(|| Error::Configuration(format!("{name} must be a positive number of seconds, not {s}")))
        })
        .transpose()
}

/// The call for an operation, checked, with its body of its own.
fn owned_call(py: Python<'_>, operation: &str, args: &Bound<'_, PyAny>) -> PyResult<lasku::Call> {
    crate::tools::with_prepared(py, operation, args, |mut call, body| {
        if let Some(body) = body {
            call.body = Some(body.as_bytes().to_vec());
        }
        Ok(call)
    })
}

/// A configured Cash-In client (private: use `lasku.Client` / `lasku.AsyncClient`).
#[pyclass(frozen, module = "lasku._native")]
pub struct NativeClient {
    client: lasku::Client,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key, *, base_url=None, partner_key=None, transport=None, timeout=None, connect_timeout=None, max_retries=None, retry_backoff=None, max_retry_after=None, path_overrides=None, runtime_name=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: String,
        base_url: Option<String>,
        partner_key: Option<String>,
        transport: Option<Py<PyAny>>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<u32>,
        retry_backoff: Option<f64>,
        max_retry_after: Option<f64>,
        path_overrides: Option<HashMap<String, String>>,
        runtime_name: Option<String>,
    ) -> PyResult<Self> {
        guard(py, || {
            let build = || -> Result<lasku::Client, Error> {
                let version = py.version_info();
                let runtime_name =
                    runtime_name.unwrap_or_else(|| format!("cpython {}.{}", version.major, version.minor));
                let mut builder = Config::builder(api_key).platform("python", runtime_name);
                if let Some(url) = base_url {
                    builder = builder.base_url(url);
                }
                if let Some(key) = partner_key {
                    builder = builder.partner_key(key);
                }
                if let Some(t) = seconds("timeout", timeout)? {
                    builder = builder.timeout(t);
                }
                if let Some(t) = seconds("connect_timeout", connect_timeout)? {
                    builder = builder.connect_timeout(t);
                }
                let mut policy = RetryPolicy::default();
                if let Some(n) = max_retries {
                    policy.max_retries = n;
                }
                if let Some(first) = seconds("retry_backoff", retry_backoff)? {
                    policy.initial_backoff = first;
                    policy.max_backoff = policy.max_backoff.max(first);
                }
                if let Some(longest) = seconds("max_retry_after", max_retry_after)? {
                    policy.max_retry_after = longest;
                }
                builder = builder.retry_policy(policy);
                for (operation, template) in path_overrides.unwrap_or_default() {
                    builder = builder.path_override(operation, template);
                }
                let config = builder.build()?;
                let rt = runtime()?;
                let _entered = rt.enter();
                match transport {
                    Some(callable) => {
                        Ok(lasku::Client::with_transport(config, PyTransport::new(callable), lasku::http::TokioRuntime))
                    }
                    None => lasku::Client::new(config),
                }
            };
            build().map(|client| NativeClient { client }).map_err(|e| to_py_err(py, &e))
        })
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> String {
        self.client.config().base_url().to_owned()
    }

    /// The `User-Agent` sent with every request.
    #[getter]
    fn user_agent(&self) -> String {
        self.client.config().user_agent().to_owned()
    }

    /// Whether a partner key is configured.
    #[getter]
    fn has_partner_key(&self) -> bool {
        self.client.config().has_partner_key()
    }

    /// Runs an operation and returns its answer; blocks with the GIL released.
    fn call(&self, py: Python<'_>, operation: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        guard(py, || {
            let call = owned_call(py, operation, args)?;
            let client = self.client.clone();
            let answer = block_on(py, async move { client.send_json(&call).await })?;
            let text = answer.map_err(|e| to_py_err(py, &e))?;
            Ok(json_to_py(py, &text, answer_type(operation))?.unbind())
        })
    }

    /// Starts an operation on the runtime; its answer (or exception) is set on the asyncio
    /// `future` through `event_loop.call_soon_threadsafe`.
    fn call_async(
        &self,
        py: Python<'_>,
        operation: &str,
        args: &Bound<'_, PyAny>,
        event_loop: Py<PyAny>,
        future: Py<PyAny>,
    ) -> PyResult<CallHandle> {
        guard(py, || {
            let call = owned_call(py, operation, args)?;
            let client = self.client.clone();
            let ty = answer_type(operation);
            spawn_delivering(py, event_loop, future, async move { client.send_json(&call).await.map(Some) }, ty)
        })
    }

    /// Auto-pagination over a paged operation (arguments without `page`, or with a start page).
    fn pages(&self, py: Python<'_>, operation: &str, args: &Bound<'_, PyAny>) -> PyResult<NativePages> {
        guard(py, || {
            let args_json = to_json(args)?;
            let pages = self.client.pages_json(operation, &args_json).map_err(|e| to_py_err(py, &e))?;
            let item = match answer_type(operation) {
                Some(WireTypeRef::Page(inner)) => Some(inner()),
                _ => None,
            };
            Ok(NativePages {
                pages: Arc::new(tokio::sync::Mutex::new(pages)),
                page_type: answer_type(operation),
                item_type: item,
            })
        })
    }

    fn __repr__(&self) -> String {
        format!("<lasku native client {}>", self.client.config().base_url())
    }
}

/// An operation started by `call_async`; `cancel()` drops it (the request is abandoned).
#[pyclass(frozen, module = "lasku._native")]
pub struct CallHandle {
    abort: tokio::task::AbortHandle,
}

#[pymethods]
impl CallHandle {
    /// Abandons the operation.
    fn cancel(&self) {
        self.abort.abort();
    }
}

/// Spawns `work` on the runtime (inside the caller's loop scope, with panics caught) and hands
/// its outcome to the asyncio `future`: `Some(json)` converted under `ty`, `None` as `None`.
fn spawn_delivering<F>(
    py: Python<'_>,
    event_loop: Py<PyAny>,
    future: Py<PyAny>,
    work: F,
    ty: Option<WireTypeRef>,
) -> PyResult<CallHandle>
where
    F: Future<Output = Result<Option<String>, Error>> + Send + 'static,
{
    let rt = runtime().map_err(|e| to_py_err(py, &e))?;
    let event_loop = Arc::new(event_loop);
    let scope = Arc::clone(&event_loop);
    let task = rt.spawn(async move {
        let outcome = EVENT_LOOP.scope(scope, CatchUnwind::new(work)).await.and_then(|answer| answer);
        deliver(&event_loop, future, outcome, ty);
    });
    Ok(CallHandle { abort: task.abort_handle() })
}

/// Sets the result or exception on the asyncio future from a runtime thread (nothing once the
/// interpreter is exiting: nobody is waiting then).
fn deliver(event_loop: &Py<PyAny>, future: Py<PyAny>, outcome: Result<Option<String>, Error>, ty: Option<WireTypeRef>) {
    with_python(|py| {
        let (ok, value): (bool, Py<PyAny>) = match outcome {
            Ok(None) => (true, py.None()),
            Ok(Some(text)) => match json_to_py(py, &text, ty) {
                Ok(value) => (true, value.unbind()),
                Err(error) => (false, error.into_value(py).into_any()),
            },
            Err(error) => (false, to_py_err(py, &error).into_value(py).into_any()),
        };
        let hand_over = || -> PyResult<()> {
            let settle = helpers(py)?.getattr("_settle")?;
            event_loop.bind(py).call_method1("call_soon_threadsafe", (settle, future, ok, value))?;
            Ok(())
        };
        // The loop may be closed by now; then nobody is waiting.
        let _ = hand_over();
    });
}

/// Auto-pagination state (private: `lasku.Client.<operation>_iter` / `_pages` use it).
#[pyclass(frozen, module = "lasku._native")]
pub struct NativePages {
    pages: Arc<tokio::sync::Mutex<JsonPages>>,
    page_type: Option<WireTypeRef>,
    item_type: Option<WireTypeRef>,
}

#[pymethods]
impl NativePages {
    /// The next page (`{"Data": [...], "Meta": {...}}`), or None after the last.
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        guard(py, || {
            let pages = Arc::clone(&self.pages);
            let next = block_on(py, async move { pages.lock().await.next_page().await })?;
            self.convert(py, next, self.page_type)
        })
    }

    /// The next item, or None after the last.
    fn next_item(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        guard(py, || {
            let pages = Arc::clone(&self.pages);
            let next = block_on(py, async move { pages.lock().await.next_item().await })?;
            self.convert(py, next, self.item_type)
        })
    }

    /// `next_page` for asyncio: the page (or None) is set on `future`.
    fn next_page_async(&self, py: Python<'_>, event_loop: Py<PyAny>, future: Py<PyAny>) -> PyResult<CallHandle> {
        guard(py, || {
            let pages = Arc::clone(&self.pages);
            let work = async move { pages.lock().await.next_page().await.transpose() };
            spawn_delivering(py, event_loop, future, work, self.page_type)
        })
    }

    /// `next_item` for asyncio: the item (or None) is set on `future`.
    fn next_item_async(&self, py: Python<'_>, event_loop: Py<PyAny>, future: Py<PyAny>) -> PyResult<CallHandle> {
        guard(py, || {
            let pages = Arc::clone(&self.pages);
            let work = async move { pages.lock().await.next_item().await.transpose() };
            spawn_delivering(py, event_loop, future, work, self.item_type)
        })
    }
}

impl NativePages {
    fn convert(
        &self,
        py: Python<'_>,
        next: Option<Result<String, Error>>,
        ty: Option<WireTypeRef>,
    ) -> PyResult<Option<Py<PyAny>>> {
        match next {
            None => Ok(None),
            Some(Err(e)) => Err(to_py_err(py, &e)),
            Some(Ok(text)) => Ok(Some(json_to_py(py, &text, ty)?.unbind())),
        }
    }
}
