//! The retry policy, table-tested.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use lasku::retry::{backoff, decide, parse_retry_after, AttemptResult, RetryDecision, RetryInput, RetryPolicy};

use AttemptResult::{Status, Transport};
use RetryDecision::{GiveUp, Retry, UnknownOutcome};

/// Tue, 14 Nov 2023 22:13:20 GMT.
const NOW: u64 = 1_700_000_000_000;

fn input(idempotent: bool, result: AttemptResult<'_>, attempt: u32) -> RetryInput<'_> {
    RetryInput { idempotent, result, attempt, now_ms: NOW, deadline_ms: NOW + 60_000, jitter: 0.0 }
}

#[test]
fn retry_table() {
    let policy = RetryPolicy::default(); // 3 retries, 500 ms doubling, Retry-After ≤ 60 s
    let half = |ms: u64| Retry(Duration::from_millis(ms / 2)); // jitter 0 → half the step
    #[rustfmt::skip]
    let table: Vec<(&str, bool, AttemptResult, u32, RetryDecision)> = vec![
        ("not sent, create",                 false, Transport { may_have_been_sent: false }, 1, half(500)),
        ("not sent, read",                   true,  Transport { may_have_been_sent: false }, 1, half(500)),
        ("maybe sent, create → unknown",     false, Transport { may_have_been_sent: true },  1, UnknownOutcome),
        ("maybe sent, read → retry",         true,  Transport { may_have_been_sent: true },  1, half(500)),
        ("maybe sent, read, 2nd",            true,  Transport { may_have_been_sent: true },  2, half(1000)),
        ("maybe sent, read, 3rd",            true,  Transport { may_have_been_sent: true },  3, half(2000)),
        ("retries exhausted",                true,  Transport { may_have_been_sent: true },  4, GiveUp),
        ("429 create, no header",            false, Status { status: 429, retry_after: None }, 1, half(500)),
        ("429 honours seconds",              false, Status { status: 429, retry_after: Some("7") }, 1, Retry(Duration::from_secs(7))),
        ("429 honours HTTP date",            true,  Status { status: 429, retry_after: Some("Tue, 14 Nov 2023 22:13:30 GMT") }, 1, Retry(Duration::from_secs(10))),
        ("429 date in the past → now",       true,  Status { status: 429, retry_after: Some("Tue, 14 Nov 2023 22:13:00 GMT") }, 1, Retry(Duration::ZERO)),
        ("429 beyond the cap",               true,  Status { status: 429, retry_after: Some("120") }, 1, GiveUp),
        ("429 garbage header → backoff",     true,  Status { status: 429, retry_after: Some("soon") }, 1, half(500)),
        ("429 exhausted",                    true,  Status { status: 429, retry_after: Some("1") }, 4, GiveUp),
        ("500 read",                         true,  Status { status: 500, retry_after: None }, 1, half(500)),
        ("502 read",                         true,  Status { status: 502, retry_after: None }, 1, half(500)),
        ("503 read honours Retry-After",     true,  Status { status: 503, retry_after: Some("2") }, 1, Retry(Duration::from_secs(2))),
        ("504 read",                         true,  Status { status: 504, retry_after: None }, 2, half(1000)),
        ("500 create → unknown",             false, Status { status: 500, retry_after: None }, 1, UnknownOutcome),
        ("502 create → unknown",             false, Status { status: 502, retry_after: None }, 1, UnknownOutcome),
        ("504 create → unknown",             false, Status { status: 504, retry_after: None }, 1, UnknownOutcome),
        ("503 create → plain failure",       false, Status { status: 503, retry_after: Some("1") }, 1, GiveUp),
        ("400 never",                        true,  Status { status: 400, retry_after: None }, 1, GiveUp),
        ("401 never",                        true,  Status { status: 401, retry_after: None }, 1, GiveUp),
        ("402 never",                        false, Status { status: 402, retry_after: None }, 1, GiveUp),
        ("403 never",                        true,  Status { status: 403, retry_after: None }, 1, GiveUp),
        ("404 never",                        true,  Status { status: 404, retry_after: None }, 1, GiveUp),
        ("501 never",                        true,  Status { status: 501, retry_after: None }, 1, GiveUp),
    ];
    for (name, idempotent, result, attempt, expected) in table {
        assert_eq!(decide(&policy, &input(idempotent, result, attempt)), expected, "{name}");
    }
}

#[test]
fn no_retry_past_the_deadline() {
    let policy = RetryPolicy::default();
    let mut i = input(true, Status { status: 503, retry_after: Some("5") }, 1);
    i.deadline_ms = NOW + 4_000;
    assert_eq!(decide(&policy, &i), GiveUp);
    i.deadline_ms = NOW + 6_000;
    assert_eq!(decide(&policy, &i), Retry(Duration::from_secs(5)));
}

#[test]
fn zero_retries_never_retries() {
    let i = input(true, Transport { may_have_been_sent: false }, 1);
    assert_eq!(decide(&RetryPolicy::none(), &i), GiveUp);
}

#[test]
fn backoff_grows_caps_and_jitters_within_bounds() {
    let p = RetryPolicy::default();
    assert_eq!(backoff(&p, 1, 0.0), Duration::from_millis(250));
    assert_eq!(backoff(&p, 1, 1.0), Duration::from_millis(500));
    assert_eq!(backoff(&p, 2, 1.0), Duration::from_millis(1000));
    assert_eq!(backoff(&p, 10, 1.0), Duration::from_secs(8));
    assert_eq!(backoff(&p, 40, 0.0), Duration::from_secs(4));
    for j in [0.0, 0.1, 0.5, 0.99, f64::NAN] {
        let b = backoff(&p, 3, j);
        assert!(b >= Duration::from_millis(1000) && b <= Duration::from_millis(2000), "{b:?}");
    }
}

#[test]
fn retry_after_forms() {
    assert_eq!(parse_retry_after("0", NOW), Some(Duration::ZERO));
    assert_eq!(parse_retry_after(" 30 ", NOW), Some(Duration::from_secs(30)));
    assert_eq!(parse_retry_after("-1", NOW), None);
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", NOW), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("tomorrow", NOW), None);
}
