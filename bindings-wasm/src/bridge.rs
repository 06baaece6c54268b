//! The host's HTTP transport and timers as lasku's [`Transport`] and [`Runtime`].
//!
//! The JavaScript half normalises whatever the user supplied (the default `fetch` transport or
//! an object with `send(request)`), so Rust sees one shape:
//!
//! - `send(request)` gets `{ method, url, headers: [[name, value], ...], body?, timeoutMs?,
//!   connectTimeoutMs? }` and returns `[promise, abort]`; the promise resolves to
//!   `{ status, headers: [[name, value], ...], body: Uint8Array }` or rejects with
//!   `{ kind: "connect" | "timeout" | "io" | "other", mayHaveBeenSent, message, causeId }`
//!   (`causeId` numbers what the transport threw, kept on the JavaScript side);
//!   `abort()` is called when the client stops waiting (its deadline passed).
//! - `sleep(ms)` returns `[promise, cancel]`; `cancel()` clears the timer when the client no
//!   longer waits for it, so no timer keeps Node's event loop alive.
//! - `now()` returns milliseconds since the Unix epoch.

use std::time::Duration;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use lasku::http::{BoxFuture, HttpRequest, HttpResponse, Runtime, Transport, TransportError, TransportErrorKind};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `abort` on drop unless disarmed: stops the host's work when Rust stops waiting.
struct OnDrop {
    abort: Option<Function>,
}

impl OnDrop {
    fn disarm(&mut self) {
        self.abort = None;
    }
}

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(abort) = self.abort.take() {
            let _ = abort.call0(&JsValue::NULL);
        }
    }
}

/// Splits the host's `[promise, abort]` answer.
fn promise_pair(value: JsValue) -> Option<(Promise, Function)> {
    let pair = value.dyn_into::<Array>().ok()?;
    let promise = pair.get(0).dyn_into::<Promise>().ok()?;
    let abort = pair.get(1).dyn_into::<Function>().ok()?;
    Some((promise, abort))
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// The host's transport.
pub(crate) struct JsTransport {
    send: Function,
    /// The client's connect timeout, passed on with every request for transports that can
    /// set one (the core's requests carry only the attempt's whole timeout).
    connect_timeout: Option<Duration>,
}

impl JsTransport {
    pub(crate) fn new(send: Function, connect_timeout: Option<Duration>) -> Self {
        JsTransport { send, connect_timeout }
    }
}

fn millis(duration: Duration) -> JsValue {
    JsValue::from_f64(duration.as_millis() as f64)
}

fn request_to_js(request: &HttpRequest, connect_timeout: Option<Duration>) -> Object {
    let out = Object::new();
    set(&out, "method", &JsValue::from_str(request.method.as_str()));
    set(&out, "url", &JsValue::from_str(&request.url));
    let headers = Array::new();
    for (name, value) in &request.headers {
        headers.push(&Array::of2(&JsValue::from_str(name), &JsValue::from_str(value)));
    }
    set(&out, "headers", &headers);
    if let Some(body) = &request.body {
        set(&out, "body", &Uint8Array::from(body.as_slice()));
    }
    if let Some(timeout) = request.timeout {
        set(&out, "timeoutMs", &millis(timeout));
    }
    if let Some(timeout) = connect_timeout {
        set(&out, "connectTimeoutMs", &millis(timeout));
    }
    out
}

fn response_from_js(value: &JsValue) -> Result<HttpResponse, TransportError> {
    let bad = |what: &str| {
        TransportError::maybe_sent(TransportErrorKind::Other, format!("the transport answered without {what}"))
    };
    let status = get(value, "status").as_f64().ok_or_else(|| bad("a numeric status"))?;
    if !(100.0..=599.0).contains(&status) || status.fract() != 0.0 {
        return Err(bad("a status between 100 and 599"));
    }
    let mut headers = Vec::new();
    if let Ok(list) = get(value, "headers").dyn_into::<Array>() {
        for entry in list.iter() {
            let pair = Array::from(&entry);
            if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                headers.push((name, value));
            }
        }
    }
    let body = match get(value, "body").dyn_into::<Uint8Array>() {
        Ok(bytes) => bytes.to_vec(),
        Err(other) => other.as_string().map(String::into_bytes).unwrap_or_default(),
    };
    Ok(HttpResponse { status: status as u16, headers, body })
}

fn error_from_js(value: &JsValue) -> TransportError {
    let kind = match get(value, "kind").as_string().as_deref() {
        Some("connect") => TransportErrorKind::Connect,
        Some("timeout") => TransportErrorKind::Timeout,
        Some("io") => TransportErrorKind::Io,
        _ => TransportErrorKind::Other,
    };
    // Unless the host says otherwise, assume the request may have arrived: that is the answer
    // that never turns an ambiguous create into a duplicate.
    let may_have_been_sent = get(value, "mayHaveBeenSent").as_bool().unwrap_or(true);
    let message = get(value, "message").as_string().unwrap_or_else(|| "the transport failed".to_owned());
    let error = TransportError::new(kind, may_have_been_sent, message);
    // What the transport threw stays in JavaScript (`keepCause`); its number travels along.
    match get(value, "causeId").as_f64() {
        Some(id) if id >= 1.0 && id <= f64::from(u32::MAX) => error.with_source(JsCause(id as u32)),
        _ => error,
    }
}

/// The number under which the JavaScript half keeps what a transport threw, as the source of a
/// [`TransportError`]; `errors::error_json` hands it back as `causeId`.
#[derive(Debug)]
pub(crate) struct JsCause(pub u32);

impl std::fmt::Display for JsCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("what the JavaScript transport threw (kept as the error's cause)")
    }
}

impl std::error::Error for JsCause {}

impl Transport for JsTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let started = self.send.call1(&JsValue::NULL, &request_to_js(&request, self.connect_timeout));
        Box::pin(async move {
            let answer = started.map_err(|e| error_from_js(&e))?;
            let (promise, abort) = promise_pair(answer).ok_or_else(|| {
                TransportError::not_sent(TransportErrorKind::Other, "the transport bridge answered in the wrong shape")
            })?;
            let mut guard = OnDrop { abort: Some(abort) };
            let result = JsFuture::from(promise).await;
            guard.disarm();
            match result {
                Ok(value) => response_from_js(&value),
                Err(error) => Err(error_from_js(&error)),
            }
        })
    }
}

/// The host's timers and clock.
pub(crate) struct JsRuntime {
    sleep: Function,
    now: Function,
}

impl JsRuntime {
    pub(crate) fn new(sleep: Function, now: Function) -> Self {
        JsRuntime { sleep, now }
    }
}

impl Runtime for JsRuntime {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        let ms = JsValue::from_f64(duration.as_millis().min(u128::from(u32::MAX)) as f64);
        let started = self.sleep.call1(&JsValue::NULL, &ms);
        Box::pin(async move {
            let Some((promise, cancel)) = started.ok().and_then(promise_pair) else { return };
            let mut guard = OnDrop { abort: Some(cancel) };
            let _ = JsFuture::from(promise).await;
            guard.disarm();
        })
    }

    fn now_millis(&self) -> u64 {
        let now = self.now.call0(&JsValue::NULL).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        if now.is_finite() && now > 0.0 {
            now as u64
        } else {
            0
        }
    }
}
