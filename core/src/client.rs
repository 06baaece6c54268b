//! The client: turns a prepared [`Call`] into HTTP requests through the host's transport, with
//! the retry policy, the deadline and typed errors.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::catalog::Operation;
use crate::config::Config;
use crate::error::{ApiError, Error, FieldError, Result, UnknownOutcome};
use crate::http::{HttpRequest, HttpResponse, Runtime, Transport, TransportError, TransportErrorKind};
use crate::model::{InvoiceNumber, Json};
use crate::retry::{self, AttemptResult, RetryDecision, RetryInput};

/// A Cash-In API client. Cheap to clone; clones share the transport.
///
/// ```no_run
/// # async fn run() -> lasku::Result<()> {
/// let config = lasku::Config::builder("my-api-key").build()?;
/// let client = lasku::Client::new(config)?; // reqwest + tokio
/// let status = client.validate_token().await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Box<dyn Transport>,
    runtime: Box<dyn Runtime>,
    seed: AtomicU64,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

/// What identifies the objects a create would make, for settling an unknown outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NaturalKeys {
    /// Invoice numbers.
    pub invoice_numbers: Vec<InvoiceNumber>,
    /// Payment references.
    pub references: Vec<String>,
    /// Other natural keys (product or customer codes, business ids, document numbers, ...).
    pub other: Vec<String>,
}

/// One prepared call of a catalog operation: the sans-IO half of an operation.
#[derive(Debug, Clone)]
pub struct Call {
    /// The operation.
    pub operation: &'static Operation,
    /// Values for the `{name}` placeholders of the path template.
    pub path_params: Vec<(&'static str, String)>,
    /// Query parameters, in order; `None` values are left out.
    pub query: Vec<(&'static str, String)>,
    /// JSON body.
    pub body: Option<Vec<u8>>,
    /// Natural keys of what a create would make.
    pub keys: NaturalKeys,
    /// Send with this key instead of the configured one (partner operations).
    pub key_override: Option<crate::Secret>,
}

impl Call {
    /// A call without parameters or body.
    pub fn new(operation: &'static Operation) -> Self {
        Call {
            operation,
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            keys: NaturalKeys::default(),
            key_override: None,
        }
    }

    /// Adds a path parameter.
    pub fn path(self, name: &'static str, value: impl fmt::Display) -> Self {
        self.with_path(name, value.to_string())
    }

    /// Adds a query parameter when `value` is `Some`.
    pub fn query<V: fmt::Display>(self, name: &'static str, value: Option<V>) -> Self {
        match value {
            Some(value) => self.with_query(name, value.to_string()),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub fn json<T: serde::Serialize + ?Sized>(self, body: &T) -> Result<Self> {
        self.with_body(serde_json::to_vec(body))
    }

    // The non-generic halves of `path`, `query` and `json`, out of line: one copy instead of one
    // per value type (the WebAssembly module is smaller).
    #[inline(never)]
    fn with_path(mut self, name: &'static str, value: String) -> Self {
        self.path_params.push((name, value));
        self
    }

    #[inline(never)]
    fn with_query(mut self, name: &'static str, value: String) -> Self {
        self.query.push((name, value));
        self
    }

    #[inline(never)]
    fn with_body(mut self, bytes: serde_json::Result<Vec<u8>>) -> Result<Self> {
        let bytes = bytes.map_err(|e| Error::Internal(format!("could not serialize the request: {e}")))?;
        self.body = Some(bytes);
        Ok(self)
    }

    /// Records natural keys.
    pub fn keys(mut self, keys: NaturalKeys) -> Self {
        self.keys = keys;
        self
    }

    /// This call's [`Error::UnknownOutcome`], with its natural keys to look it up by.
    pub(crate) fn unknown_outcome(&self, cause: String, source: Option<crate::http::TransportSource>) -> Error {
        Error::UnknownOutcome(UnknownOutcome {
            operation: self.operation.id,
            invoice_numbers: self.keys.invoice_numbers.clone(),
            references: self.keys.references.clone(),
            other_keys: self.keys.other.clone(),
            cause,
            source,
        })
    }

    /// What an answer that could not be read means: for a success answer of an operation that
    /// is not idempotent (a create, a payment), the server acted, so it is an unknown outcome to
    /// look up rather than a failure a caller might retry into a duplicate. Other errors pass.
    pub(crate) fn unreadable_answer(&self, error: Error) -> Error {
        match error {
            Error::Decode { status, message, .. }
                if (200..300).contains(&status) && !self.operation.is_idempotent() =>
            {
                self.unknown_outcome(
                    format!("HTTP {status} from the server, but its answer could not be read: {message}"),
                    None,
                )
            }
            other => other,
        }
    }

    /// Builds the HTTP request for one attempt.
    pub fn to_request(&self, config: &Config, timeout: Option<Duration>) -> Result<HttpRequest> {
        let template = config.path_template(self.operation);
        let mut path = String::with_capacity(template.len() + 16);
        let mut rest = template.as_str();
        while let Some(start) = rest.find('{') {
            path.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let end = after
                .find('}')
                .ok_or_else(|| Error::Configuration(format!("unclosed placeholder in path template {template:?}")))?;
            let name = &after[..end];
            let value = self.path_params.iter().find(|(n, _)| *n == name).map(|(_, v)| v).ok_or_else(|| {
                Error::Configuration(format!(
                    "path template {template:?} needs {{{name}}}, which {} does not have",
                    self.operation.id
                ))
            })?;
            if matches!(value.as_str(), "" | "." | "..") {
                // The URL would lose the segment or climb out of the API ("/v2/customers/..").
                return Err(Error::Validation(vec![crate::validate::Violation::error(
                    format!("/{name}"),
                    "path.segment",
                    format!("{name} cannot be {value:?}: it would change the request's path"),
                )]));
            }
            path.push_str(&encode(value, false));
            rest = &after[end + 1..];
        }
        path.push_str(rest);
        let mut url = format!("{}{}", config.base_url(), path);
        for (i, (name, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 && !path.contains('?') { '?' } else { '&' });
            url.push_str(&encode(name, true));
            url.push('=');
            url.push_str(&encode(value, true));
        }
        let key = match (&self.key_override, self.operation.credential) {
            (Some(key), _) => key,
            (None, crate::catalog::Credential::Creditor) => config.api_key(),
            (None, crate::catalog::Credential::Partner) => config.partner_key().ok_or_else(|| {
                Error::Configuration(format!(
                    "{} is a partner operation: give the client the partner master key (the partner key setting: `partner_key` in Rust and Python, `partnerKey` in JavaScript, Kotlin and Swift)",
                    self.operation.id
                ))
            })?,
        };
        let mut headers = vec![
            ("X-Api-Key".to_owned(), key.expose().to_owned()),
            ("Accept".to_owned(), "application/json".to_owned()),
            ("User-Agent".to_owned(), config.user_agent().to_owned()),
        ];
        if self.body.is_some() {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        }
        Ok(HttpRequest { method: self.operation.method, url, headers, body: self.body.clone(), timeout })
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(value: &str, query: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b' ' if query => out.push_str("%20"),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

impl Client {
    /// A client over any transport and runtime (a JS `fetch`, a host HTTP stack, a test double).
    pub fn with_transport(
        config: Config,
        transport: impl Transport + 'static,
        runtime: impl Runtime + 'static,
    ) -> Self {
        Client {
            inner: Arc::new(Inner {
                config,
                transport: Box::new(transport),
                runtime: Box::new(runtime),
                seed: AtomicU64::new(0x9E37_79B9_7F4A_7C15),
            }),
        }
    }

    /// A client over reqwest (rustls) on tokio.
    #[cfg(feature = "reqwest")]
    pub fn new(config: Config) -> Result<Self> {
        let transport = crate::http::ReqwestTransport::new(config.connect_timeout())
            .map_err(|e| Error::Configuration(format!("could not build the HTTP client: {e}")))?;
        Ok(Client::with_transport(config, transport, crate::http::TokioRuntime))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Sends a call with retries and returns the successful (2xx) response.
    pub async fn execute(&self, call: &Call) -> Result<HttpResponse> {
        let inner = &self.inner;
        let op = call.operation;
        let start = inner.runtime.now_millis();
        let deadline = start.saturating_add(millis(inner.config.timeout()));
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let now = inner.runtime.now_millis();
            let remaining = Duration::from_millis(deadline.saturating_sub(now));
            let request = call.to_request(&inner.config, Some(remaining))?;
            let sent = race(inner.transport.send(request), inner.runtime.sleep(remaining)).await;
            let result = match sent {
                Some(result) => result,
                None => Err(TransportError::maybe_sent(
                    TransportErrorKind::Timeout,
                    format!(
                        "no response within the client's deadline of {} ms",
                        u64::try_from(inner.config.timeout().as_millis()).unwrap_or(u64::MAX)
                    ),
                )),
            };
            let (decision, failure) = match result {
                Ok(response) if response.is_success() => return Ok(response),
                Ok(response) => {
                    let input = RetryInput {
                        idempotent: op.is_idempotent(),
                        result: AttemptResult::Status {
                            status: response.status,
                            retry_after: response.header("retry-after"),
                        },
                        attempt,
                        now_ms: inner.runtime.now_millis(),
                        deadline_ms: deadline,
                        jitter: self.jitter(),
                    };
                    (retry::decide(&inner.config.retry, &input), Failure::Status(response))
                }
                Err(error) => {
                    let input = RetryInput {
                        idempotent: op.is_idempotent(),
                        result: AttemptResult::Transport { may_have_been_sent: error.may_have_been_sent },
                        attempt,
                        now_ms: inner.runtime.now_millis(),
                        deadline_ms: deadline,
                        jitter: self.jitter(),
                    };
                    (retry::decide(&inner.config.retry, &input), Failure::Transport(error))
                }
            };
            match decision {
                RetryDecision::Retry(wait) => inner.runtime.sleep(wait).await,
                RetryDecision::GiveUp => {
                    return Err(match failure {
                        Failure::Status(mut response) => {
                            response.body = inner.config.redact(std::mem::take(&mut response.body));
                            error_from_response(op, &response, inner.runtime.now_millis())
                        }
                        Failure::Transport(error) => Error::Transport { operation: op.id, error },
                    })
                }
                RetryDecision::UnknownOutcome => {
                    let (cause, source) = match failure {
                        Failure::Status(response) => (format!("HTTP {} from the server", response.status), None),
                        Failure::Transport(error) => (error.to_string(), error.source),
                    };
                    return Err(call.unknown_outcome(cause, source));
                }
            }
        }
    }

    /// Sends a call and parses the JSON answer. A success answer of an operation that is not
    /// idempotent that cannot be read is [`Error::UnknownOutcome`] (see
    /// `Call::unreadable_answer`).
    pub async fn execute_json<T: DeserializeOwned>(&self, call: &Call) -> Result<T> {
        let response = self.execute(call).await?;
        parse_json(call.operation, &response).map_err(|e| call.unreadable_answer(e))
    }

    /// Now, from the host's clock (milliseconds since the Unix epoch).
    pub(crate) fn now_millis(&self) -> u64 {
        self.inner.runtime.now_millis()
    }

    /// Sleeps with the host's timer.
    pub(crate) async fn sleep(&self, duration: Duration) {
        self.inner.runtime.sleep(duration).await
    }

    fn jitter(&self) -> f64 {
        let mut z =
            self.inner.seed.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed) ^ self.inner.runtime.now_millis();
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

enum Failure {
    Status(HttpResponse),
    Transport(TransportError),
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Polls the exchange and the deadline together; `None` when the deadline came first.
async fn race<A: Future, B: Future>(exchange: A, deadline: B) -> Option<A::Output> {
    let mut exchange = Box::pin(exchange);
    let mut deadline = Box::pin(deadline);
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(out) = Pin::as_mut(&mut exchange).poll(cx) {
            return Poll::Ready(Some(out));
        }
        match Pin::as_mut(&mut deadline).poll(cx) {
            Poll::Ready(_) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}

/// Parses a successful JSON answer into `T`, or a [`Error::Decode`].
pub fn parse_json<T: DeserializeOwned>(operation: &Operation, response: &HttpResponse) -> Result<T> {
    from_json_bytes(&response.body).map_err(|e| Error::Decode {
        operation: operation.id,
        status: response.status,
        message: e.to_string(),
        body: snippet(&response.body),
    })
}

/// Reads JSON bytes: UTF-8 is checked first, and the text read by lasku's reader ([`crate::de`]),
/// as every model is, so each model's parsing code is in the WebAssembly module once.
pub(crate) fn from_json_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, crate::de::ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => crate::de::from_str(text),
        Err(e) => Err(serde::de::Error::custom(format_args!(
            "invalid UTF-8 at byte {} (the answer must be UTF-8 JSON)",
            e.valid_up_to()
        ))),
    }
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(300).collect();
    if text.chars().count() > 300 {
        out.push('…');
    }
    out
}

/// The field errors of an error answer: `Errors: [{Field, Message}]` (lasku's reading of the
/// API's `ValidationResponse`), or ASP.NET's problem details, `errors: {field: [messages]}`
/// (Inferred: the error body is undocumented, and the API runs on .NET), one per message, in
/// the order the server gave them.
fn field_errors_of(body: &Json) -> Vec<FieldError> {
    let text = |v: Option<&Json>| v.and_then(|m| m.as_str()).unwrap_or("").to_owned();
    let listed = ["Errors", "errors"]
        .into_iter()
        .filter_map(|name| body.get(name))
        .find(|v| matches!(v, Json::Array(_) | Json::Object(_)));
    match listed {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(|item| {
                let field = item.get("Field").or_else(|| item.get("field"))?.as_str()?.to_owned();
                Some(FieldError { field, message: text(item.get("Message").or_else(|| item.get("message"))) })
            })
            .collect(),
        Some(Json::Object(fields)) => fields
            .iter()
            .flat_map(|(field, messages)| {
                let messages: Vec<String> = match messages {
                    Json::Array(list) => list.iter().map(|m| text(Some(m))).collect(),
                    single => vec![text(Some(single))],
                };
                messages.into_iter().map(|message| FieldError { field: field.clone(), message })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Turns an error status into the matching [`Error`] variant (`now_ms` reads an HTTP-date `Retry-After`).
pub fn error_from_response(operation: &Operation, response: &HttpResponse, now_ms: u64) -> Error {
    let json: Option<Json> = from_json_bytes(&response.body).ok();
    let text_member = |name: &str| -> Option<String> {
        json.as_ref()?
            .as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_str())
            .map(str::to_owned)
    };
    let field_errors = json.as_ref().map(field_errors_of).unwrap_or_default();
    let error = Box::new(ApiError {
        operation: operation.id,
        status: response.status,
        // ASP.NET's problem details say it in `title` and `detail`.
        message: text_member("Message")
            .or_else(|| text_member("error"))
            .or_else(|| text_member("detail"))
            .or_else(|| text_member("title")),
        field_errors,
        request_id: text_member("RequestId")
            .or_else(|| text_member("traceId"))
            .or_else(|| response.header("x-request-id").map(str::to_owned)),
        body: String::from_utf8_lossy(&response.body).into_owned(),
    });
    match response.status {
        401 => Error::Unauthorized(error),
        402 => Error::BusinessRule(error),
        403 => Error::Forbidden(error),
        404 => Error::NotFound(error),
        429 => Error::RateLimited {
            retry_after: response.header("retry-after").and_then(|v| retry::parse_retry_after(v, now_ms)),
            error,
        },
        _ => Error::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(status: u16, body: &str) -> Error {
        let op = crate::catalog::operation("create_invoice").unwrap();
        let response = HttpResponse { status, headers: Vec::new(), body: body.as_bytes().to_vec() };
        error_from_response(op, &response, 0)
    }

    fn field(field: &str, message: &str) -> FieldError {
        FieldError { field: field.to_owned(), message: message.to_owned() }
    }

    #[test]
    fn field_errors_come_from_either_error_shape() {
        let lasku =
            error_of(400, r#"{"Message": "Invalid", "Errors": [{"Field": "InvoiceDate", "Message": "required"}]}"#);
        let api = lasku.api_error().unwrap();
        assert_eq!(api.message.as_deref(), Some("Invalid"));
        assert_eq!(api.field_errors, [field("InvoiceDate", "required")]);

        // ASP.NET's problem details: a title, a trace id and messages by field.
        let problem = error_of(
            400,
            r#"{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.",
                "status": 400, "errors": {"InvoiceDate": ["The InvoiceDate field is required.", "Not a date."],
                "InvoiceRows[0].Qty": "Must be positive."}, "traceId": "00-abc-01"}"#,
        );
        let api = problem.api_error().unwrap();
        assert_eq!(api.message.as_deref(), Some("One or more validation errors occurred."));
        assert_eq!(api.request_id.as_deref(), Some("00-abc-01"));
        assert_eq!(
            api.field_errors,
            [
                field("InvoiceDate", "The InvoiceDate field is required."),
                field("InvoiceDate", "Not a date."),
                field("InvoiceRows[0].Qty", "Must be positive."),
            ]
        );
        assert!(problem.to_string().contains("InvoiceRows[0].Qty: Must be positive."), "{problem}");
        // `detail` says more than `title` when both are given.
        let detail = error_of(409, r#"{"title": "Conflict", "detail": "Invoice 1001 exists."}"#);
        assert_eq!(detail.api_error().unwrap().message.as_deref(), Some("Invoice 1001 exists."));
        // In the server's order, not sorted.
        let order = error_of(400, r#"{"errors": {"Zeta": ["z"], "Alpha": ["a"]}}"#);
        assert_eq!(order.api_error().unwrap().field_errors, [field("Zeta", "z"), field("Alpha", "a")]);
        // `Errors: null` beside problem details' `errors` does not hide them.
        let both = error_of(400, r#"{"Errors": null, "errors": {"A": ["x"]}}"#);
        assert_eq!(both.api_error().unwrap().field_errors, [field("A", "x")]);
        // Anything else gives no field errors, and the body is kept.
        let other = error_of(500, r#"{"errors": 3}"#);
        assert!(other.api_error().unwrap().field_errors.is_empty());
        assert_eq!(other.api_error().unwrap().body, r#"{"errors": 3}"#);
    }
}
