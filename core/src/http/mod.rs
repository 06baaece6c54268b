//! HTTP as lasku sees it: plain request and response values, one async [`Transport`] trait
//! that any HTTP stack can implement (a closure can be one), and the [`Runtime`] capability that
//! gives the client sleep and a clock, so the core needs no async runtime of its own.

mod message;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
mod runtime;
mod transport;

pub use message::{HttpMethod, HttpRequest, HttpResponse};
#[cfg(feature = "reqwest")]
pub use reqwest_transport::{ReqwestTransport, TokioRuntime};
pub use runtime::Runtime;
pub use transport::{BoxFuture, MaybeSend, MaybeSync, Transport, TransportError, TransportErrorKind, TransportSource};
