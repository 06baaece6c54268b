//! The one tokio runtime of the process: it drives the core's futures for `Client` (blocking,
//! with the GIL released) and `AsyncClient` (spawned; answers are handed to the asyncio loop).

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use pyo3::prelude::*;
use tokio::runtime::Runtime;

use crate::errors::to_py_err;
use crate::guard::CatchUnwind;

/// The runtime and the process it was built in: after `os.fork()` the child has none of the
/// parent's runtime threads, so it builds its own (the parent's is left alone, never dropped).
static RUNTIME: Mutex<Option<(u32, &'static Runtime)>> = Mutex::new(None);

/// The shared runtime (built on first use in each process).
pub fn runtime() -> Result<&'static Runtime, lasku::Error> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, rt)) = *slot {
        if owner == pid {
            return Ok(rt);
        }
    }
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 4);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .thread_name("lasku-runtime")
        .enable_all()
        .build()
        .map_err(|e| lasku::Error::Configuration(format!("could not start the async runtime: {e}")))?;
    let rt: &'static Runtime = Box::leak(Box::new(rt));
    *slot = Some((pid, rt));
    Ok(rt)
}

/// Runs a future to completion on the runtime with the GIL released. Every 100 ms it takes the
/// GIL back briefly to let Python handle signals, so Ctrl-C interrupts a long wait (the request
/// is then dropped). A panic becomes `lasku.LaskuError`.
pub fn block_on<F>(py: Python<'_>, future: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let rt = runtime().map_err(|e| to_py_err(py, &e))?;
    let mut future = Box::pin(CatchUnwind::new(future));
    loop {
        let step =
            py.detach(|| rt.block_on(async { tokio::time::timeout(Duration::from_millis(100), &mut future).await }));
        match step {
            Ok(Ok(output)) => return Ok(output),
            Ok(Err(panic)) => return Err(to_py_err(py, &panic)),
            Err(_elapsed) => py.check_signals()?,
        }
    }
}
