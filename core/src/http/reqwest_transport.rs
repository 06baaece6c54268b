//! The default native transport: reqwest with rustls, and a tokio runtime capability.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{BoxFuture, HttpMethod, HttpRequest, HttpResponse, Runtime, Transport, TransportError, TransportErrorKind};

/// A [`Transport`] over reqwest (rustls, HTTP/1.1 and HTTP/2).
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with the given connect timeout.
    pub fn new(connect_timeout: Duration) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .build()
            .map_err(|e| TransportError::not_sent(TransportErrorKind::Other, e.to_string()))?;
        Ok(ReqwestTransport { client })
    }

    /// A transport over a reqwest client you configured (proxy, certificates, ...).
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client }
    }
}

fn method(m: HttpMethod) -> reqwest::Method {
    match m {
        HttpMethod::Get => reqwest::Method::GET,
        HttpMethod::Post => reqwest::Method::POST,
        HttpMethod::Put => reqwest::Method::PUT,
        HttpMethod::Delete => reqwest::Method::DELETE,
    }
}

fn classify(error: reqwest::Error) -> TransportError {
    // reqwest's messages hold the URL but never headers, so no key leaks here (and a base URL
    // with credentials in it is refused).
    let message = error.to_string();
    let failure = if error.is_connect() || error.is_builder() {
        TransportError::not_sent(TransportErrorKind::Connect, message)
    } else if error.is_timeout() {
        TransportError::maybe_sent(TransportErrorKind::Timeout, message)
    } else if error.is_body() || error.is_decode() || error.is_request() {
        TransportError::maybe_sent(TransportErrorKind::Io, message)
    } else {
        TransportError::maybe_sent(TransportErrorKind::Other, message)
    };
    failure.with_source(error)
}

impl Transport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let mut builder = self.client.request(method(request.method), &request.url);
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            if let Some(timeout) = request.timeout {
                builder = builder.timeout(timeout);
            }
            if let Some(body) = request.body {
                builder = builder.body(body);
            }
            let response = builder.send().await.map_err(classify)?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            let body = response.bytes().await.map_err(classify)?.to_vec();
            Ok(HttpResponse { status, headers, body })
        })
    }
}

/// The [`Runtime`] for native Rust: tokio's timer and the system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioRuntime;

impl Runtime for TokioRuntime {
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
