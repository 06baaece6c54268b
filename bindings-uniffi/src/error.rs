//! The error the host sees: `LaskuException` in Kotlin, `LaskuError` in Swift. One variant per
//! variant of the core's [`lasku::Error`], with its fields.

/// How serious a violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Severity {
    /// Blocks sending.
    Error,
    /// Reported, but does not block sending.
    Warning,
}

/// One broken rule found before sending (validation, or a value the core cannot hold).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Violation {
    /// JSON pointer to the member, e.g. `/InvoiceRows/0/Tax` (empty for the value itself).
    pub path: String,
    /// Stable code, e.g. `amount.row_tax`, `required`, `reference.check_digit`.
    pub code: String,
    /// What is wrong, for people.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl From<lasku::validate::Violation> for Violation {
    fn from(v: lasku::validate::Violation) -> Self {
        let severity = match v.severity {
            lasku::validate::Severity::Error => Severity::Error,
            lasku::validate::Severity::Warning => Severity::Warning,
        };
        Violation { path: v.path, code: v.code, message: v.message, severity }
    }
}

/// One field named in a server's error answer (`Errors: [{Field, Message}]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ApiFieldError {
    /// The field as the server names it, e.g. `InvoiceRows[0].Qty`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// What kind of failure a transport met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, TLS handshake): nothing was sent.
    Connect,
    /// The attempt ran out of time.
    Timeout,
    /// The connection broke, or the response was incomplete.
    Io,
    /// Anything else (including an exception thrown by a host transport).
    Other,
}

/// Everything that can go wrong in lasku. The variant says what happened; its fields say the
/// rest: `LaskuException.NotFound` (Kotlin), `LaskuError.NotFound(...)` (Swift), ...
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum LaskuError {
    /// The input breaks rules lasku checks before sending; nothing was sent.
    #[error("invalid input: {} violation(s)", violations.len())]
    Validation {
        /// Every violation found.
        violations: Vec<Violation>,
    },
    /// 401: the key is missing, wrong, or for another environment.
    #[error("{operation}: HTTP {status} (unauthorized)")]
    Unauthorized {
        /// The catalog operation, e.g. `create_invoice`.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message (`Message`), when it gave one.
        server_message: Option<String>,
        /// Fields the server named.
        field_errors: Vec<ApiFieldError>,
        /// The request id, for support.
        request_id: Option<String>,
        /// The body as received.
        body: String,
    },
    /// 402: well-formed but refused by a business rule (e.g. a duplicate invoice number).
    #[error("{operation}: HTTP {status} (business rule)")]
    BusinessRule {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message.
        server_message: Option<String>,
        /// Fields the server named.
        field_errors: Vec<ApiFieldError>,
        /// The request id.
        request_id: Option<String>,
        /// The body as received.
        body: String,
    },
    /// 403: the key may not do this (e.g. a creditor key on a partner operation).
    #[error("{operation}: HTTP {status} (forbidden)")]
    Forbidden {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message.
        server_message: Option<String>,
        /// Fields the server named.
        field_errors: Vec<ApiFieldError>,
        /// The request id.
        request_id: Option<String>,
        /// The body as received.
        body: String,
    },
    /// 404: no such object.
    #[error("{operation}: HTTP {status} (not found)")]
    NotFound {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message.
        server_message: Option<String>,
        /// Fields the server named.
        field_errors: Vec<ApiFieldError>,
        /// The request id.
        request_id: Option<String>,
        /// The body as received.
        body: String,
    },
    /// 429: too many requests, after the retries the policy allowed.
    #[error("{operation}: HTTP {status} (rate limited)")]
    RateLimited {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message.
        server_message: Option<String>,
        /// Fields the server named.
        field_errors: Vec<ApiFieldError>,
        /// The request id.
        request_id: Option<String>,
        /// The body as received.
        body: String,
        /// How long the server asked to wait, in milliseconds.
        retry_after_ms: Option<i64>,
    },
    /// Any other error status (400, 5xx, ...).
    #[error("{operation}: HTTP {status}")]
    Api {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// The server's message.
        server_message: Option<String>,
        /// Fields the server named (on 400).
        field_errors: Vec<ApiFieldError>,
        /// The request id.
        request_id: Option<String>,
        /// The body as received.
        body: String,
    },
    /// No complete response arrived (after the retries the policy allowed). Also what an
    /// exception thrown by a host `HttpTransport` becomes.
    #[error("{operation}: transport error: {reason}")]
    Transport {
        /// The catalog operation.
        operation: String,
        /// What kind of failure.
        kind: TransportErrorKind,
        /// Whether the request may have reached the server.
        may_have_been_sent: bool,
        /// What happened.
        reason: String,
    },
    /// A create may or may not have happened; it was not re-sent. Look the objects up by the
    /// keys given here before sending them again.
    #[error("{operation}: outcome unknown: {reason}")]
    UnknownOutcome {
        /// The catalog operation.
        operation: String,
        /// The invoice numbers it would have created (or paid).
        invoice_numbers: Vec<lasku::model::Identifier>,
        /// Their payment references, where given.
        references: Vec<String>,
        /// Other natural keys (product or customer codes, business ids, document numbers).
        other_keys: Vec<String>,
        /// Why the outcome is unknown.
        reason: String,
    },
    /// The response could not be read.
    #[error("{operation}: could not read the HTTP {status} response: {reason}")]
    Decode {
        /// The catalog operation.
        operation: String,
        /// HTTP status.
        status: i32,
        /// What was wrong.
        reason: String,
        /// The start of the body.
        body: String,
    },
    /// Auto-pagination stopped: the server repeated a page or answered out of order.
    #[error("{operation}: pagination stopped: {reason}")]
    Pagination {
        /// The catalog operation.
        operation: String,
        /// What went wrong.
        reason: String,
    },
    /// The client's configuration is wrong; nothing was sent.
    #[error("configuration: {reason}")]
    Configuration {
        /// What is wrong.
        reason: String,
    },
    /// A bug inside lasku, caught instead of crashing the host. The client stays usable.
    #[error("internal error in lasku: {reason}")]
    Internal {
        /// What happened.
        reason: String,
    },
}

impl From<lasku::Error> for LaskuError {
    fn from(error: lasku::Error) -> Self {
        use lasku::Error as E;
        let api = |e: &lasku::ApiError| {
            (
                e.operation.to_owned(),
                i32::from(e.status),
                e.message.clone(),
                e.field_errors
                    .iter()
                    .map(|f| ApiFieldError { field: f.field.clone(), message: f.message.clone() })
                    .collect::<Vec<_>>(),
                e.request_id.clone(),
                e.body.clone(),
            )
        };
        match error {
            E::Validation(violations) => {
                LaskuError::Validation { violations: violations.into_iter().map(Violation::from).collect() }
            }
            E::Unauthorized(e) => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&e);
                LaskuError::Unauthorized { operation, status, server_message, field_errors, request_id, body }
            }
            E::BusinessRule(e) => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&e);
                LaskuError::BusinessRule { operation, status, server_message, field_errors, request_id, body }
            }
            E::Forbidden(e) => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&e);
                LaskuError::Forbidden { operation, status, server_message, field_errors, request_id, body }
            }
            E::NotFound(e) => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&e);
                LaskuError::NotFound { operation, status, server_message, field_errors, request_id, body }
            }
            E::RateLimited { error, retry_after } => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&error);
                LaskuError::RateLimited {
                    operation,
                    status,
                    server_message,
                    field_errors,
                    request_id,
                    body,
                    retry_after_ms: retry_after.map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
                }
            }
            E::Api(e) => {
                let (operation, status, server_message, field_errors, request_id, body) = api(&e);
                LaskuError::Api { operation, status, server_message, field_errors, request_id, body }
            }
            E::Transport { operation, error } => LaskuError::Transport {
                operation: operation.to_owned(),
                kind: match error.kind {
                    lasku::http::TransportErrorKind::Connect => TransportErrorKind::Connect,
                    lasku::http::TransportErrorKind::Timeout => TransportErrorKind::Timeout,
                    lasku::http::TransportErrorKind::Io => TransportErrorKind::Io,
                    _ => TransportErrorKind::Other,
                },
                may_have_been_sent: error.may_have_been_sent,
                reason: error.message,
            },
            E::UnknownOutcome(u) => LaskuError::UnknownOutcome {
                operation: u.operation.to_owned(),
                invoice_numbers: u.invoice_numbers,
                references: u.references,
                other_keys: u.other_keys,
                reason: u.cause,
            },
            E::Decode { operation, status, message, body } => {
                LaskuError::Decode { operation: operation.to_owned(), status: i32::from(status), reason: message, body }
            }
            E::Pagination { operation, message } => {
                LaskuError::Pagination { operation: operation.to_owned(), reason: message }
            }
            E::Configuration(reason) => LaskuError::Configuration { reason },
            E::Internal(reason) => LaskuError::Internal { reason },
            // A variant added to the core later: keep its stable code and message.
            other => LaskuError::Internal { reason: format!("{}: {other}", other.code()) },
        }
    }
}
