//! The host's HTTP stack behind a client: implement [`HttpTransport`] in Kotlin (OkHttp, Ktor)
//! or Swift (URLSession) and pass it to the `Client` constructor. Without one, the client uses
//! the built-in reqwest transport (cargo feature `reqwest`, on by default).

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lasku::http::{BoxFuture, Runtime, Transport, TransportError, TransportErrorKind};

/// One HTTP header.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct HttpHeader {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

/// An HTTP request to send. `toString()` / `description` hide the API key.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Display)]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: String,
    /// Absolute URL, query included.
    pub url: String,
    /// Headers, in order (`X-Api-Key`, `Accept`, `User-Agent`, `Content-Type`).
    pub headers: Vec<HttpHeader>,
    /// JSON body, if any.
    pub body: Option<Vec<u8>>,
    /// How long this attempt may take in all, in milliseconds (what is left of the client's
    /// deadline); apply it as the call timeout.
    pub timeout_ms: Option<i64>,
}

const SECRET_HEADERS: &[&str] = &["x-api-key", "authorization", "ocp-apim-subscription-key"];

impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpRequest({} {}, headers=[", self.method, self.url)?;
        for (i, h) in self.headers.iter().enumerate() {
            let value =
                if SECRET_HEADERS.iter().any(|s| h.name.eq_ignore_ascii_case(s)) { "[redacted]" } else { &h.value };
            write!(f, "{}{}: {value}", if i == 0 { "" } else { ", " }, h.name)?;
        }
        write!(f, "], body={} bytes)", self.body.as_ref().map_or(0, Vec::len))
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// An HTTP response as the host's stack received it. Any status is a response, not an error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HttpResponse {
    /// Status code.
    pub status: i32,
    /// Headers, in order.
    #[uniffi(default)]
    pub headers: Vec<HttpHeader>,
    /// Body bytes.
    #[uniffi(default)]
    pub body: Vec<u8>,
}

/// Why a host transport could not deliver a complete response. Throw it from
/// `HttpTransport.send` to say what happened; any other exception counts as `Other` with
/// `mayHaveBeenSent = true`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum HttpTransportError {
    /// No connection could be made: nothing was sent (safe to retry anything).
    #[error("connect: {reason}")]
    Connect {
        /// What happened.
        reason: String,
    },
    /// The attempt ran out of time; the request may have reached the server.
    #[error("timeout: {reason}")]
    Timeout {
        /// What happened.
        reason: String,
    },
    /// The connection broke or the response was incomplete; the request may have reached the
    /// server.
    #[error("io: {reason}")]
    Io {
        /// What happened.
        reason: String,
    },
    /// Anything else.
    #[error("{reason}")]
    Other {
        /// What happened.
        reason: String,
        /// Whether the request may have reached the server.
        may_have_been_sent: bool,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for HttpTransportError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // An exception the host did not classify: assume the worst, so a create is not re-sent.
        HttpTransportError::Other {
            reason: format!("host transport failed: {}", error.reason),
            may_have_been_sent: true,
        }
    }
}

impl From<HttpTransportError> for TransportError {
    fn from(error: HttpTransportError) -> Self {
        match error {
            HttpTransportError::Connect { reason } => TransportError::not_sent(TransportErrorKind::Connect, reason),
            HttpTransportError::Timeout { reason } => TransportError::maybe_sent(TransportErrorKind::Timeout, reason),
            HttpTransportError::Io { reason } => TransportError::maybe_sent(TransportErrorKind::Io, reason),
            HttpTransportError::Other { reason, may_have_been_sent } => {
                TransportError::new(TransportErrorKind::Other, may_have_been_sent, reason)
            }
        }
    }
}

/// The host's HTTP stack: send one request, return the response. Implement it with OkHttp,
/// Ktor or URLSession; one instance per client.
///
/// Return every response, whatever its status; throw `HttpTransportException` (Kotlin) /
/// `HttpTransportError` (Swift) only when no complete response arrived. The client applies
/// the retry policy and the deadline; when the deadline passes, the call is cancelled.
#[uniffi::export(foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends the request and returns the response.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpTransportError>;
}

/// A host transport as the core's [`Transport`].
pub(crate) struct HostTransport(pub(crate) Arc<dyn HttpTransport>);

impl Transport for HostTransport {
    fn send(
        &self,
        request: lasku::http::HttpRequest,
    ) -> BoxFuture<'_, Result<lasku::http::HttpResponse, TransportError>> {
        let transport = Arc::clone(&self.0);
        Box::pin(async move {
            let request = HttpRequest {
                method: request.method.as_str().to_owned(),
                url: request.url,
                headers: request.headers.into_iter().map(|(name, value)| HttpHeader { name, value }).collect(),
                body: request.body,
                timeout_ms: request.timeout.map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            };
            let response = transport.send(request).await.map_err(TransportError::from)?;
            let status = u16::try_from(response.status).ok().filter(|s| (100..=999).contains(s)).ok_or_else(|| {
                TransportError::maybe_sent(
                    TransportErrorKind::Other,
                    format!("host transport returned an impossible HTTP status {}", response.status),
                )
            })?;
            Ok(lasku::http::HttpResponse {
                status,
                headers: response.headers.into_iter().map(|h| (h.name, h.value)).collect(),
                body: response.body,
            })
        })
    }
}

/// Sleep and clock for the core: tokio's timer (every exported call runs inside UniFFI's tokio
/// context) and the system clock.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokioClock;

impl Runtime for TokioClock {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }

    fn now_millis(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0)
    }
}
