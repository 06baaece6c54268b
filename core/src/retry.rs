//! The retry policy, as one pure function of what happened: table-tested, and the same in every
//! language because every binding calls it through the core client.
//!
//! - A transport failure before sending is retried for every operation.
//! - A transport failure after the request may have reached the server is retried only for
//!   idempotent operations; for a create it is an [`RetryDecision::UnknownOutcome`].
//! - 429 is retried for every operation (the server refused without acting), honouring
//!   `Retry-After` (seconds or an HTTP date), capped by the policy.
//! - 500, 502, 503 and 504 are retried for idempotent operations. For a create, 500, 502 and 504
//!   are an unknown outcome (the server or a gateway failed while the create may have
//!   happened); 503 is a plain failure (the service was not available to act).
//! - Waits grow exponentially with jitter, and no retry starts after the deadline.

use std::time::Duration;

/// How the client retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// The first backoff; each further retry doubles it.
    pub initial_backoff: Duration,
    /// The longest backoff.
    pub max_backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy { max_retries: 0, ..RetryPolicy::default() }
    }
}

/// What one attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptResult<'a> {
    /// The server answered with an error status.
    Status {
        /// The status.
        status: u16,
        /// The `Retry-After` header, if any.
        retry_after: Option<&'a str>,
    },
    /// No complete response.
    Transport {
        /// Whether the request may have reached the server.
        may_have_been_sent: bool,
    },
}

/// Everything the decision depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryInput<'a> {
    /// Whether re-sending the operation is harmless.
    pub idempotent: bool,
    /// How the attempt ended.
    pub result: AttemptResult<'a>,
    /// Attempts made so far, including this one (1 after the first).
    pub attempt: u32,
    /// Now, in milliseconds since the Unix epoch.
    pub now_ms: u64,
    /// The client's deadline for the whole call, in milliseconds since the Unix epoch.
    pub deadline_ms: u64,
    /// A random number in `[0, 1)` for jitter.
    pub jitter: f64,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then send again.
    Retry(Duration),
    /// Stop and report the failure.
    GiveUp,
    /// Stop: a create may have happened. Report an unknown outcome, never re-send blindly.
    UnknownOutcome,
}

/// Decides whether and when to retry.
///
/// ```
/// use lasku::retry::{decide, AttemptResult, RetryDecision, RetryInput, RetryPolicy};
/// let input = RetryInput {
///     idempotent: false,
///     result: AttemptResult::Transport { may_have_been_sent: true },
///     attempt: 1, now_ms: 0, deadline_ms: 60_000, jitter: 0.5,
/// };
/// assert_eq!(decide(&RetryPolicy::default(), &input), RetryDecision::UnknownOutcome);
/// ```
pub fn decide(policy: &RetryPolicy, input: &RetryInput<'_>) -> RetryDecision {
    let retry_after = match input.result {
        AttemptResult::Transport { may_have_been_sent: false } => None,
        AttemptResult::Transport { may_have_been_sent: true } => {
            if !input.idempotent {
                return RetryDecision::UnknownOutcome;
            }
            None
        }
        AttemptResult::Status { status: 429, retry_after } => retry_after,
        AttemptResult::Status { status: 500 | 502 | 504, retry_after } => {
            if !input.idempotent {
                return RetryDecision::UnknownOutcome;
            }
            retry_after
        }
        AttemptResult::Status { status: 503, retry_after } => {
            if !input.idempotent {
                return RetryDecision::GiveUp;
            }
            retry_after
        }
        AttemptResult::Status { .. } => return RetryDecision::GiveUp,
    };
    if input.attempt > policy.max_retries {
        return RetryDecision::GiveUp;
    }
    let wait = match retry_after.and_then(|value| parse_retry_after(value, input.now_ms)) {
        Some(asked) if asked > policy.max_retry_after => return RetryDecision::GiveUp,
        Some(asked) => asked,
        None => backoff(policy, input.attempt, input.jitter),
    };
    let wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    if input.now_ms.saturating_add(wait_ms) >= input.deadline_ms {
        return RetryDecision::GiveUp;
    }
    RetryDecision::Retry(wait)
}

/// Exponential backoff with "equal jitter": half the step fixed, half random.
pub fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exponent = attempt.saturating_sub(1).min(20);
    let step = policy.initial_backoff.saturating_mul(1u32 << exponent).min(policy.max_backoff);
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.5 };
    step / 2 + step.mul_f64(jitter / 2.0)
}

/// Parses `Retry-After`: delay seconds, or an HTTP date (relative to `now_ms`). A date in the
/// past means "now".
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = crate::model::parse_http_date(value)?;
    let at_ms = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    Some(Duration::from_millis(at_ms.saturating_sub(now_ms)))
}
