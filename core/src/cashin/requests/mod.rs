//! The sans-IO half of every operation: typed input in, a prepared [`Call`] out. Validation
//! happens here, so invalid input never becomes a request.

mod collection;
mod documents;
mod external;
mod invoices;
mod partner;
mod registry;

pub use collection::*;
pub use documents::*;
pub use external::*;
pub use invoices::*;
pub use partner::*;
pub use registry::*;

use chrono::NaiveDate;

use crate::cashin::{PageRequest, SalesInvoice};
use crate::catalog::{operation, Operation};
use crate::client::{Call, NaturalKeys};
use crate::model::InvoiceNumber;
use crate::validate::Violation;
use crate::{Error, Result};

pub(crate) fn op(id: &str) -> Result<&'static Operation> {
    operation(id).ok_or_else(|| Error::Internal(format!("operation {id} is missing from the catalog")))
}

pub(crate) fn paged(call: Call, page: PageRequest) -> Call {
    call.query("page", page.page).query("pageSize", page.page_size)
}

pub(crate) fn keys_of<'a>(invoices: impl Iterator<Item = &'a SalesInvoice>) -> NaturalKeys {
    let mut keys = NaturalKeys::default();
    for invoice in invoices {
        if let Some(n) = &invoice.invoice_number {
            keys.invoice_numbers.push(n.clone());
        }
        if let Some(r) = &invoice.reference {
            keys.references.push(r.clone());
        }
    }
    keys
}

pub(crate) fn require_number(number: &InvoiceNumber, path: &str) -> Result<()> {
    if number.as_str().trim().is_empty() {
        return Err(Error::Validation(vec![Violation::error(path, "required", "the invoice number is empty")]));
    }
    Ok(())
}

pub(crate) fn check_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            return Err(Error::Validation(vec![Violation::error(
                "/dateTo",
                "date.range",
                format!("dateTo {to} is before dateFrom {from}"),
            )]));
        }
    }
    Ok(())
}

/// Fails with every violation, if there are any.
pub(crate) fn fail_on(violations: Vec<Violation>) -> Result<()> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(violations))
    }
}

/// Records a `required` violation when the text member is missing or blank.
pub(crate) fn require_text(v: &mut Vec<Violation>, path: &str, value: Option<&str>) {
    if value.map(str::trim).unwrap_or("").is_empty() {
        let name = path.rsplit('/').next().unwrap_or(path);
        v.push(Violation::error(path, "required", format!("{name} is required")));
    }
}

/// Records a `required` violation when a member is missing.
pub(crate) fn require_present<T>(v: &mut Vec<Violation>, path: &str, value: Option<&T>) {
    if value.is_none() {
        let name = path.rsplit('/').next().unwrap_or(path);
        v.push(Violation::error(path, "required", format!("{name} is required")));
    }
}

/// Records a violation when an amount is missing or not positive.
pub(crate) fn require_positive(v: &mut Vec<Violation>, path: &str, value: Option<rust_decimal::Decimal>) {
    match value {
        None => require_present::<rust_decimal::Decimal>(v, path, None),
        Some(a) if a <= rust_decimal::Decimal::ZERO => {
            v.push(Violation::error(path, "amount.positive", format!("{a} must be positive")))
        }
        Some(a) if a.round_dp(2) != a => {
            v.push(Violation::error(path, "amount.precision", format!("{a} has more than two decimals")))
        }
        Some(_) => {}
    }
}

/// Records an error when a present text member fails a Finnish check.
pub(crate) fn check_with<T, E: FiCode>(
    v: &mut Vec<Violation>,
    path: &str,
    value: Option<&str>,
    check: impl Fn(&str) -> std::result::Result<T, E>,
) {
    if let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) {
        if let Err(e) = check(text) {
            v.push(Violation::error(path, e.code(), format!("{text:?}: {e}")));
        }
    }
}

/// Errors of the Finnish toolkit: a stable code and a message.
pub(crate) trait FiCode: std::fmt::Display {
    fn code(&self) -> &'static str;
}

macro_rules! fi_code {
    ($($ty:ty),*) => {
        $(impl FiCode for $ty {
            fn code(&self) -> &'static str {
                <$ty>::code(self)
            }
        })*
    };
}

fi_code!(
    crate::fi::ReferenceError,
    crate::fi::IbanError,
    crate::fi::BicError,
    crate::fi::YtunnusError,
    crate::fi::VatNumberError,
    crate::fi::HetuError,
    crate::fi::EInvoiceAddressError,
    crate::fi::IntermediatorError
);
