//! Faults on demand: the `X-Lasku-Fault` spec grammar and queued [`FaultRule`]s.
//!
//! A spec is one or more `key=value` directives joined by `;` (whitespace around either is
//! ignored, keys and keyword values are case-insensitive, each key at most once):
//!
//! | directive | effect |
//! |---|---|
//! | `delay=MS` | wait `MS` milliseconds (≤ 600000) before anything else |
//! | `status=N` | answer `N` (400–599) with `{"Message": ...}`; the request is **not** processed |
//! | `retry-after=S` | add `Retry-After: S` (seconds, ≤ 86400) to the response |
//! | `drop=before` | close the connection without any response; the request is **not** processed |
//! | `drop=after` | process the request, then close the connection without any response |
//! | `body=truncated` | process the request and send the first half of its body (consistent `Content-Length`) |
//! | `body=nonjson` | answer `200` with an HTML page; the request is **not** processed |
//!
//! They apply in this order: delay, `drop=before`, then `status` or `body=nonjson` (either
//! replaces processing; with both, the status is kept and the body is the HTML page), then
//! `drop=after`, then `body=truncated`, then `retry-after`.
//!
//! Examples: `status=503`, `status=429;retry-after=2`, `delay=300`, `delay=200;status=500`,
//! `drop=after`, `body=truncated`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// Longest accepted `delay`.
pub const MAX_DELAY_MS: u64 = 600_000;
/// Largest accepted `retry-after`.
pub const MAX_RETRY_AFTER_S: u64 = 86_400;

/// Where a dropped connection is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropPoint {
    /// Before the request is processed: nothing changes on the server.
    Before,
    /// After the request is processed: its effects stay, the response is lost.
    After,
}

/// A damaged response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFault {
    /// The real response with its body cut in half.
    Truncated,
    /// An HTML page (status 200 unless `status=` is also given) instead of the API's answer.
    NonJson,
}

/// A parsed fault spec. [`Fault::default()`] does nothing.
///
/// ```
/// use lasku_sandbox::Fault;
/// let fault: Fault = "status=429; retry-after=2".parse().unwrap();
/// assert_eq!(fault.status, Some(429));
/// assert_eq!(fault.retry_after, Some(2));
/// assert_eq!(fault.to_string(), "status=429;retry-after=2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Fault {
    /// `delay=MS`.
    pub delay: Option<Duration>,
    /// `status=N`.
    pub status: Option<u16>,
    /// `retry-after=S` (seconds).
    pub retry_after: Option<u64>,
    /// `drop=before|after`.
    pub drop: Option<DropPoint>,
    /// `body=truncated|nonjson`.
    pub body: Option<BodyFault>,
}

impl Fault {
    /// Parses a spec such as `delay=200;status=500`.
    pub fn parse(spec: &str) -> Result<Fault, FaultParseError> {
        let mut fault = Fault::default();
        let mut any = false;
        for part in spec.split(';') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            any = true;
            let Some((key, value)) = part.split_once('=') else {
                return Err(FaultParseError::new(format!("`{part}` is not a key=value directive")));
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "delay" => {
                    let ms = number(&key, value, MAX_DELAY_MS)?;
                    set(&mut fault.delay, Duration::from_millis(ms), &key)?;
                }
                "status" => {
                    let code = number(&key, value, 599)?;
                    let code = u16::try_from(code).ok().filter(|c| (400..=599).contains(c)).ok_or_else(|| {
                        FaultParseError::new(format!("status must be between 400 and 599, not {value}"))
                    })?;
                    set(&mut fault.status, code, &key)?;
                }
                "retry-after" => {
                    let seconds = number(&key, value, MAX_RETRY_AFTER_S)?;
                    set(&mut fault.retry_after, seconds, &key)?;
                }
                "drop" => {
                    let point = match value.to_ascii_lowercase().as_str() {
                        "before" => DropPoint::Before,
                        "after" => DropPoint::After,
                        _ => {
                            return Err(FaultParseError::new(format!(
                                "drop must be `before` or `after`, not `{value}`"
                            )))
                        }
                    };
                    set(&mut fault.drop, point, &key)?;
                }
                "body" => {
                    let body = match value.to_ascii_lowercase().as_str() {
                        "truncated" => BodyFault::Truncated,
                        "nonjson" => BodyFault::NonJson,
                        _ => {
                            return Err(FaultParseError::new(format!(
                                "body must be `truncated` or `nonjson`, not `{value}`"
                            )))
                        }
                    };
                    set(&mut fault.body, body, &key)?;
                }
                _ => {
                    return Err(FaultParseError::new(format!(
                        "unknown directive `{key}` (expected delay, status, retry-after, drop or body)"
                    )))
                }
            }
        }
        if any {
            Ok(fault)
        } else {
            Err(FaultParseError::new("the fault spec is empty".to_owned()))
        }
    }

    /// Whether the API handles the request at all (it does unless `drop=before`, `status=` or
    /// `body=nonjson` replaces it).
    pub fn processes_request(&self) -> bool {
        self.drop != Some(DropPoint::Before) && self.status.is_none() && self.body != Some(BodyFault::NonJson)
    }
}

fn number(key: &str, value: &str, max: u64) -> Result<u64, FaultParseError> {
    let n: u64 = value
        .parse()
        .map_err(|_| FaultParseError::new(format!("{key} needs a non-negative integer, not `{value}`")))?;
    if n > max {
        return Err(FaultParseError::new(format!("{key}={n} is larger than the maximum {max}")));
    }
    Ok(n)
}

fn set<T>(slot: &mut Option<T>, value: T, key: &str) -> Result<(), FaultParseError> {
    if slot.is_some() {
        return Err(FaultParseError::new(format!("`{key}` is given twice")));
    }
    *slot = Some(value);
    Ok(())
}

impl FromStr for Fault {
    type Err = FaultParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Fault::parse(s)
    }
}

impl fmt::Display for Fault {
    /// The canonical spec: directives in the order delay, status, retry-after, drop, body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(d) = self.delay {
            parts.push(format!("delay={}", d.as_millis()));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={s}"));
        }
        if let Some(r) = self.retry_after {
            parts.push(format!("retry-after={r}"));
        }
        match self.drop {
            Some(DropPoint::Before) => parts.push("drop=before".to_owned()),
            Some(DropPoint::After) => parts.push("drop=after".to_owned()),
            None => {}
        }
        match self.body {
            Some(BodyFault::Truncated) => parts.push("body=truncated".to_owned()),
            Some(BodyFault::NonJson) => parts.push("body=nonjson".to_owned()),
            None => {}
        }
        f.write_str(&parts.join(";"))
    }
}

/// Why a fault spec was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultParseError {
    message: String,
}

impl FaultParseError {
    fn new(message: String) -> Self {
        FaultParseError { message }
    }
}

impl fmt::Display for FaultParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid fault spec: {}", self.message)
    }
}

impl std::error::Error for FaultParseError {}

/// A queued fault: applied to the next `times` requests for `operation` (any request under
/// `/v2` when `None`), rules being consumed in queue order. A request that carries its own
/// `X-Lasku-Fault` header uses that instead and consumes no rule.
///
/// ```
/// use lasku_sandbox::{Fault, FaultRule};
/// let rule = FaultRule::new("status=503".parse::<Fault>().unwrap())
///     .for_operation("create_invoice")
///     .times(2);
/// assert_eq!(rule.times, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// Catalog operation id (`lasku::catalog::ids`), or `None` for any request under `/v2`.
    pub operation: Option<String>,
    /// What to do.
    pub fault: Fault,
    /// How many matching requests it applies to; a rule with `0` is not queued.
    pub times: u32,
}

impl FaultRule {
    /// A rule for the next request of any operation.
    pub fn new(fault: Fault) -> Self {
        FaultRule { operation: None, fault, times: 1 }
    }

    /// Restricts the rule to one catalog operation id.
    pub fn for_operation(mut self, operation: impl Into<String>) -> Self {
        self.operation = Some(operation.into());
        self
    }

    /// Applies the rule to `times` requests.
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    pub(crate) fn matches(&self, operation: &str) -> bool {
        self.operation.as_deref().is_none_or(|op| op == operation)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_combinations_and_prints_canonically() {
        let f = Fault::parse(" Status=500 ; delay=200 ").unwrap();
        assert_eq!(f.delay, Some(Duration::from_millis(200)));
        assert_eq!(f.status, Some(500));
        assert_eq!(f.to_string(), "delay=200;status=500");
        let f = Fault::parse("drop=AFTER;body=nonjson;retry-after=3").unwrap();
        assert_eq!(f.drop, Some(DropPoint::After));
        assert_eq!(f.body, Some(BodyFault::NonJson));
        assert_eq!(f.to_string(), "retry-after=3;drop=after;body=nonjson");
        assert!(!f.processes_request());
        assert!(Fault::parse("body=truncated").unwrap().processes_request());
    }

    #[test]
    fn rejects_bad_specs() {
        for bad in [
            "",
            " ; ",
            "status",
            "status=200",
            "status=abc",
            "delay=-1",
            "delay=9999999",
            "drop=sometimes",
            "body=xml",
            "colour=red",
            "status=500;status=503",
        ] {
            assert!(Fault::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn rules_match_their_operation_or_any() {
        let any = FaultRule::new(Fault::default());
        assert!(any.matches("create_invoice"));
        let one = FaultRule::new(Fault::default()).for_operation("create_invoice");
        assert!(one.matches("create_invoice"));
        assert!(!one.matches("list_sales_invoices"));
    }
}
