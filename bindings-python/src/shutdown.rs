//! Interpreter exit: runtime threads stop calling into Python before the interpreter finalizes.
//!
//! CPython ends a thread that takes the GIL back while it finalizes with `pthread_exit`, and
//! that thread's forced unwind aborts the whole process ("FATAL: exception not rethrown") when
//! it meets a Rust `catch_unwind`, which every tokio task and lasku's panic boundary have. A call
//! still running when a script ends (an unawaited task, a page fetched ahead) would then crash the
//! exit. So every entry into Python from a runtime thread goes through [`with_python`], and an
//! `atexit` hook, which runs while the interpreter is still whole, closes the door and waits a
//! moment for the threads inside to leave.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

use pyo3::prelude::*;

static CLOSING: AtomicBool = AtomicBool::new(false);
static INSIDE: AtomicUsize = AtomicUsize::new(0);

/// How long the exit hook waits for runtime threads to leave Python.
const DRAIN: Duration = Duration::from_secs(2);

/// Runs `f` with the GIL from a runtime thread, unless the interpreter is exiting (`None`).
pub fn with_python<R>(f: impl FnOnce(Python<'_>) -> R) -> Option<R> {
    // Counted before the check (both sequentially consistent), so the exit hook either sees
    // this thread inside or this thread sees the door closed.
    INSIDE.fetch_add(1, SeqCst);
    let result = if CLOSING.load(SeqCst) { None } else { Some(Python::attach(f)) };
    INSIDE.fetch_sub(1, SeqCst);
    result
}

/// The `atexit` hook: no runtime thread enters Python from now on; those inside get up to
/// [`DRAIN`] to leave (the GIL released meanwhile, so they can).
#[pyfunction]
fn before_exit(py: Python<'_>) {
    CLOSING.store(true, SeqCst);
    py.detach(|| {
        let deadline = Instant::now() + DRAIN;
        while INSIDE.load(SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// Registers [`before_exit`] with `atexit`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let hook = wrap_pyfunction!(before_exit, m)?;
    m.py().import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}
