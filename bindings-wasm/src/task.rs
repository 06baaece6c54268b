//! Futures driven from JavaScript, one poll per call.
//!
//! The npm package does not let `wasm-bindgen-futures` run Rust futures on its own microtask
//! queue. Instead each async operation is a [`Task`] that JavaScript polls: a poll is an ordinary
//! export call, so if Rust ever traps (a panic aborts on wasm32) the trap surfaces as an
//! exception in the JavaScript code that called `poll`, which turns it into a `LaskuError` and
//! resets the instance, instead of an uncaught exception in a microtask.
//!
//! When a task can make progress again its waker calls the host's `wake(id)` function, and the
//! JavaScript driver polls it again (always from a later microtask, never re-entrantly).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use js_sys::Function;
use wasm_bindgen::prelude::*;

/// A boxed future yielding a JavaScript value or a JavaScript error.
pub(crate) type JsTaskFuture = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

thread_local! {
    static HOST_WAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
    static HOST_PANIC: RefCell<Option<Function>> = const { RefCell::new(None) };
    static NEXT_TASK_ID: Cell<u32> = const { Cell::new(1) };
}

/// Installs the host callbacks: `wake(taskId)` is called when a task should be polled again;
/// `onPanic(message)` receives the message of a Rust panic just before the instance traps.
#[wasm_bindgen(js_name = setHost)]
pub fn set_host(wake: Function, on_panic: Function) {
    HOST_WAKE.with(|w| {
        if let Ok(mut slot) = w.try_borrow_mut() {
            *slot = Some(wake);
        }
    });
    HOST_PANIC.with(|p| {
        if let Ok(mut slot) = p.try_borrow_mut() {
            *slot = Some(on_panic);
        }
    });
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        HOST_PANIC.with(|p| {
            if let Ok(slot) = p.try_borrow() {
                if let Some(f) = slot.as_ref() {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
                }
            }
        });
    }));
}

/// Kept for the Rust tests: same as [`set_host`] without a panic sink.
pub fn set_wake(wake: Function) {
    set_host(wake, Function::new_no_args(""));
}

struct TaskWaker {
    id: u32,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let id = self.id;
        HOST_WAKE.with(|w| {
            if let Ok(slot) = w.try_borrow() {
                if let Some(f) = slot.as_ref() {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from(id));
                }
            }
        });
    }
}

/// One running async operation. JavaScript calls [`Task::poll`] until it returns a value.
#[wasm_bindgen]
pub struct Task {
    id: u32,
    future: Option<JsTaskFuture>,
    waker: Waker,
}

impl Task {
    /// Wraps a future.
    pub(crate) fn new(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Task {
        let id = NEXT_TASK_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1).max(1));
            id
        });
        Task { id, future: Some(Box::pin(future)), waker: Waker::from(Arc::new(TaskWaker { id })) }
    }

    /// A task that has already failed.
    pub(crate) fn failed(error: JsValue) -> Task {
        Task::new(async move { Err(error) })
    }
}

#[wasm_bindgen]
impl Task {
    /// The id passed to `wake` for this task.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Polls once: `undefined` while pending (the host's `wake(id)` is called when it is worth
    /// polling again), the value once done. Throws the error once failed.
    pub fn poll(&mut self) -> Result<JsValue, JsValue> {
        let Some(future) = self.future.as_mut() else {
            return Err(crate::errors::internal("this task has already finished"));
        };
        let mut cx = Context::from_waker(&self.waker);
        match future.as_mut().poll(&mut cx) {
            Poll::Pending => Ok(JsValue::UNDEFINED),
            Poll::Ready(result) => {
                self.future = None;
                result
            }
        }
    }
}
