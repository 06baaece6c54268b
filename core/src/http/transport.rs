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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind:?} error{}: {message}", if *.may_have_been_sent { " after the request may have reached the server" } else { " before the request was sent" })]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// Whether the request may have reached the server (so a create may have happened).
    pub may_have_been_sent: bool,
    /// What happened, for people. Never contains secrets.
    pub message: String,
}

impl TransportError {
    /// A failure before anything was sent: safe to retry any operation.
    pub fn not_sent(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError { kind, may_have_been_sent: false, message: message.into() }
    }

    /// A failure after the request may have reached the server.
    pub fn maybe_sent(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError { kind, may_have_been_sent: true, message: message.into() }
    }
}
