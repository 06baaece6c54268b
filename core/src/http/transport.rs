//! The one transport trait, and what a failed exchange tells the client.

use std::future::Future;
use std::pin::Pin;

use super::{HttpRequest, HttpResponse};

/// `Send` everywhere except on wasm, where futures and JS handles are not `Send`.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + ?Sized> MaybeSend for T {}
/// `Send` everywhere except on wasm, where futures and JS handles are not `Send`.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}

/// `Sync` everywhere except on wasm.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSync: Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Sync + ?Sized> MaybeSync for T {}
/// `Sync` everywhere except on wasm.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSync for T {}

/// A boxed future: `Send` except on wasm.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// A boxed future: `Send` except on wasm.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Sends one HTTP request and returns the response: the host's HTTP stack behind the client.
///
/// Implement it for your own stack, or pass a closure:
///
/// ```
/// use lasku::http::{HttpRequest, HttpResponse, Transport, TransportError};
/// let transport = |request: HttpRequest| async move {
///     Ok::<_, TransportError>(HttpResponse { status: 200, headers: vec![], body: b"{}".to_vec() })
/// };
/// fn takes_transport(_: impl Transport) {}
/// takes_transport(transport);
/// ```
pub trait Transport: MaybeSend + MaybeSync {
    /// Sends the request. Any status is a response, not an error; an error means no complete
    /// response arrived, and says whether the request may have reached the server.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}

impl<F, Fut> Transport for F
where
    F: Fn(HttpRequest) -> Fut + MaybeSend + MaybeSync,
    Fut: Future<Output = Result<HttpResponse, TransportError>> + MaybeSend + 'static,
{
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(self(request))
    }
}

/// What kind of failure a transport met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, TLS handshake).
    Connect,
    /// The attempt ran out of time.
    Timeout,
    /// The connection broke, or the response was incomplete.
    Io,
    /// Anything else.
    Other,
}

/// A failed exchange: no complete HTTP response arrived.
///
/// Built with [`TransportError::not_sent`], [`TransportError::maybe_sent`] or
/// [`TransportError::new`], and [`TransportError::with_source`] to keep the transport's own error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind:?} error{}: {message}", if *.may_have_been_sent { " after the request may have reached the server" } else { " before the request was sent" })]
#[non_exhaustive]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// Whether the request may have reached the server (so a create may have happened).
    pub may_have_been_sent: bool,
    /// What happened, for people. Never contains secrets.
    pub message: String,
    /// The transport's own error, when it handed one over (the exception a Python transport
    /// raised, say, which the Python binding gives back as the `__cause__` of its exception).
    /// [`std::error::Error::source`] returns it.
    #[source]
    pub source: Option<TransportSource>,
}

impl TransportError {
    /// A failure of the given kind; `may_have_been_sent` says whether the request may have
    /// reached the server.
    pub fn new(kind: TransportErrorKind, may_have_been_sent: bool, message: impl Into<String>) -> Self {
        TransportError { kind, may_have_been_sent, message: message.into(), source: None }
    }

    /// A failure before anything was sent: safe to retry any operation.
    pub fn not_sent(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError::new(kind, false, message)
    }

    /// A failure after the request may have reached the server.
    pub fn maybe_sent(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError::new(kind, true, message)
    }

    /// The same failure, keeping the transport's own error (any error, or a boxed one) as its
    /// source.
    pub fn with_source(mut self, source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        self.source = Some(TransportSource(std::sync::Arc::new(source.into())));
        self
    }
}

/// A transport's own error, kept whole and shared (so that errors stay `Clone`). It reads as the
/// error it holds: its `Display` and `source` are that error's. `Debug` shows only that there is
/// one, since lasku cannot vouch that a host's error holds no secrets.
#[derive(Clone)]
// Boxed inside the `Arc` so that the handle is one word (lasku's `Error` stays small).
#[allow(clippy::redundant_allocation)]
pub struct TransportSource(std::sync::Arc<Box<dyn std::error::Error + Send + Sync>>);

impl TransportSource {
    /// The error itself, to downcast to the type the transport gave.
    pub fn get(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &**self.0
    }
}

impl std::fmt::Debug for TransportSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TransportSource(..)")
    }
}

impl std::fmt::Display for TransportSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for TransportSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// The same error (the very same, not an equal one).
impl PartialEq for TransportSource {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for TransportSource {}
