//! lasku's one error type.

use std::fmt;
use std::time::Duration;

use crate::http::TransportError;
use crate::model::InvoiceNumber;
use crate::validate::Violation;

/// Everything that can go wrong in lasku. Match on the variant, or use [`Error::code`] for a
/// stable string.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input breaks rules lasku checks before sending; nothing was sent.
    #[error("invalid input: {}", summarize(.0))]
    Validation(Vec<Violation>),
    /// 401: the key is missing, wrong, or for another environment.
    #[error("{0}")]
    Unauthorized(Box<ApiError>),
    /// 402: well-formed but refused by a business rule (e.g. updating a delivered invoice).
    #[error("{0}")]
    BusinessRule(Box<ApiError>),
    /// 403: the key may not do this (e.g. a creditor key on a partner operation, or an IP restriction).
    #[error("{0}")]
    Forbidden(Box<ApiError>),
    /// 404: no such object.
    #[error("{0}")]
    NotFound(Box<ApiError>),
    /// 429: too many requests, after the retries the policy allowed.
    #[error("{error}{}", .retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// What the server said.
        error: Box<ApiError>,
        /// How long the server asked to wait.
        retry_after: Option<Duration>,
    },
    /// Any other error status (400, 5xx, ...).
    #[error("{0}")]
    Api(Box<ApiError>),
    /// No complete response arrived (after the retries the policy allowed).
    #[error("{operation}: {error}")]
    Transport {
        /// The catalog operation.
        operation: &'static str,
        /// What the transport reported (also the error's `source`).
        #[source]
        error: TransportError,
    },
    /// A create may or may not have happened. It was not re-sent; settle it with
    /// [`crate::Client::settle`], which looks the objects up by their natural keys.
    #[error(transparent)]
    UnknownOutcome(UnknownOutcome),
    /// The response could not be read.
    #[error("{operation}: could not read the {status} response: {message}")]
    Decode {
        /// The catalog operation.
        operation: &'static str,
        /// Its HTTP status.
        status: u16,
        /// What was wrong.
        message: String,
        /// The start of the body, for diagnosis.
        body: String,
    },
    /// Auto-pagination stopped: the server repeated a page or answered out of order.
    #[error("{operation}: pagination stopped: {message}")]
    Pagination {
        /// The catalog operation.
        operation: &'static str,
        /// What went wrong.
        message: String,
    },
    /// The client's configuration is wrong; nothing was sent.
    #[error("configuration: {0}")]
    Configuration(String),
    /// A bug inside lasku (caught instead of crashing the host). The client stays usable.
    #[error("internal error in lasku: {0}")]
    Internal(String),
}

impl Error {
    /// A stable machine-readable name of the variant: `validation`, `unauthorized`,
    /// `business_rule`, `forbidden`, `not_found`, `rate_limited`, `api`, `transport`,
    /// `unknown_outcome`, `decode`, `pagination`, `configuration`, `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::Unauthorized(_) => "unauthorized",
            Error::BusinessRule(_) => "business_rule",
            Error::Forbidden(_) => "forbidden",
            Error::NotFound(_) => "not_found",
            Error::RateLimited { .. } => "rate_limited",
            Error::Api(_) => "api",
            Error::Transport { .. } => "transport",
            Error::UnknownOutcome(_) => "unknown_outcome",
            Error::Decode { .. } => "decode",
            Error::Pagination { .. } => "pagination",
            Error::Configuration(_) => "configuration",
            Error::Internal(_) => "internal",
        }
    }

    /// The server's answer, for the variants that carry one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Unauthorized(e)
            | Error::BusinessRule(e)
            | Error::Forbidden(e)
            | Error::NotFound(e)
            | Error::Api(e)
            | Error::RateLimited { error: e, .. } => Some(e),
            _ => None,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Decode { status, .. } => Some(*status),
            other => other.api_error().map(|e| e.status),
        }
    }
}

fn summarize(violations: &[Violation]) -> String {
    let errors: Vec<_> = violations.iter().filter(|v| v.is_error()).collect();
    match errors.as_slice() {
        [] => "no errors".to_owned(),
        [only] => only.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

/// An error answer from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The catalog operation.
    pub operation: &'static str,
    /// HTTP status.
    pub status: u16,
    /// The server's message (`Message` member), when it gave one.
    pub message: Option<String>,
    /// Field errors (`Errors: [{Field, Message}]`), when the server gave them.
    pub field_errors: Vec<FieldError>,
    /// The request id, from the body or the `X-Request-Id` header.
    pub request_id: Option<String>,
    /// The body as received (lossy UTF-8).
    pub body: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: HTTP {}", self.operation, self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        for fe in &self.field_errors {
            write!(f, "; {}: {}", fe.field, fe.message)?;
        }
        Ok(())
    }
}

/// One field named in a server's error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field as the server names it.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// A create whose outcome is unknown: the request may have reached the server, but no answer
/// arrived. It carries the natural keys that identify what it would have created. To settle
/// invoices known only by number, make one with [`UnknownOutcome::for_invoices`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownOutcome {
    /// The catalog operation.
    pub operation: &'static str,
    /// The invoice numbers it would have created (or paid).
    pub invoice_numbers: Vec<InvoiceNumber>,
    /// Their payment references, where given.
    pub references: Vec<String>,
    /// Other natural keys (product or customer codes, business ids, document numbers).
    pub other_keys: Vec<String>,
    /// Why the outcome is unknown.
    pub cause: String,
    /// The transport's own error, when the outcome is unknown because a transport failed and
    /// handed one over (see [`crate::http::TransportError::source`]); also the `source`.
    pub source: Option<crate::http::TransportSource>,
}

impl UnknownOutcome {
    /// The unknown outcome of creating these invoices (with no cause or other keys), to hand to
    /// [`crate::Client::settle`].
    pub fn for_invoices(operation: &'static str, invoice_numbers: Vec<InvoiceNumber>) -> Self {
        UnknownOutcome {
            operation,
            invoice_numbers,
            references: Vec::new(),
            other_keys: Vec::new(),
            cause: String::new(),
            source: None,
        }
    }
}

impl std::error::Error for UnknownOutcome {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|s| s as &(dyn std::error::Error + 'static))
    }
}

impl fmt::Display for UnknownOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: outcome unknown ({}); not re-sent", self.operation, self.cause)?;
        match self.invoice_numbers.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; look up invoice {one} to settle it"),
            many => write!(f, "; look up its {} invoices to settle it", many.len()),
        }
    }
}

/// A `Result` with lasku's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
