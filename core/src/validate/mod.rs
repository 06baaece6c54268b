//! Validation before sending: every violation at once, each with a JSON-pointer path, a stable
//! code, a message for people and a severity. Errors block sending; warnings do not.

mod amounts;
mod finnish;
mod invoice;

use std::fmt;

pub use amounts::{check_header_amounts, check_row_amounts};
pub use finnish::check_finnish_rules;
pub(crate) use finnish::Texts as FinnishTexts;
pub(crate) use invoice::{breaks_rules, validate_group, BatchCheck};
pub use invoice::{validate_batch, validate_invoice, validate_invoice_update, validate_with, InvoiceRules};

/// How serious a violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Blocks sending.
    Error,
    /// Reported, but does not block sending.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer to the member, e.g. `/InvoiceRows/0/Tax`.
    pub path: String,
    /// Stable code, e.g. `amount.row_tax`, `required`, `reference.check_digit`.
    pub code: String,
    /// What is wrong, for people.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Violation {
    /// An error.
    pub fn error(path: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { path: path.into(), code: code.into(), message: message.into(), severity: Severity::Error }
    }

    /// A warning.
    pub fn warning(path: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { path: path.into(), code: code.into(), message: message.into(), severity: Severity::Warning }
    }

    /// Whether it blocks sending.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same violation under a parent path (`/SalesInvoices/0/SalesInvoice/3` + own path).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = format!("{prefix}{}", self.path);
        self
    }

    /// The same violation with a parent path taken off the front of its own, when its path
    /// starts with it: the inverse of [`Violation::under`].
    pub(crate) fn out_of(mut self, prefix: &str) -> Self {
        if let Some(rest) = self.path.strip_prefix(prefix) {
            self.path = rest.to_owned();
        }
        self
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} [{}]: {}", self.severity.as_str(), self.path, self.code, self.message)
    }
}

/// Every violation found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The violations, in document order.
    pub violations: Vec<Violation>,
}

impl Report {
    /// Whether any violation is an error.
    pub fn has_errors(&self) -> bool {
        self.violations.iter().any(Violation::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| !v.is_error())
    }

    /// `Ok` when there are no errors, else [`crate::Error::Validation`] with every violation.
    pub fn into_result(self) -> crate::Result<Vec<Violation>> {
        if self.has_errors() {
            Err(crate::Error::Validation(self.violations))
        } else {
            Ok(self.violations)
        }
    }
}

/// Escapes a member name for a JSON pointer (RFC 6901).
pub(crate) fn pointer_token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}
