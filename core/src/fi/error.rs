//! [`FiError`]: any error of the Finnish toolkit, for callers that handle them uniformly.

use super::barcode::BarcodeError;
use super::bic::BicError;
use super::hetu::HetuError;
use super::iban::IbanError;
use super::ovt::{EInvoiceAddressError, IntermediatorError, OvtError};
use super::reference::ReferenceError;
use super::vat::VatRateError;
use super::ytunnus::{VatNumberError, YtunnusError};

/// Any error of [`crate::fi`]. Each module has its own error type; this enum wraps them (the
/// `From` conversions let `?` lift any of them) and keeps their messages and codes.
///
/// ```
/// use lasku::fi::{iban::Iban, FiError};
///
/// fn check(iban: &str) -> Result<Iban, FiError> {
///     Ok(Iban::parse(iban)?)
/// }
/// let err = check("FI2112345600000786").unwrap_err();
/// assert_eq!(err.code(), "iban.checksum");
/// assert_eq!(err.to_string(), "IBAN check digits 21 should be 91");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FiError {
    /// A national or RF reference.
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    /// An IBAN.
    #[error(transparent)]
    Iban(#[from] IbanError),
    /// A BIC.
    #[error(transparent)]
    Bic(#[from] BicError),
    /// A Y-tunnus.
    #[error(transparent)]
    Ytunnus(#[from] YtunnusError),
    /// A Finnish VAT number.
    #[error(transparent)]
    VatNumber(#[from] VatNumberError),
    /// A henkilötunnus.
    #[error(transparent)]
    Hetu(#[from] HetuError),
    /// An OVT code.
    #[error(transparent)]
    Ovt(#[from] OvtError),
    /// An e-invoice address.
    #[error(transparent)]
    EInvoiceAddress(#[from] EInvoiceAddressError),
    /// An e-invoice intermediator code.
    #[error(transparent)]
    Intermediator(#[from] IntermediatorError),
    /// A VAT rate for a date.
    #[error(transparent)]
    VatRate(#[from] VatRateError),
    /// A virtual bank barcode.
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
}

impl FiError {
    /// The wrapped error's stable machine code (e.g. `reference.check_digit`).
    ///
    /// ```
    /// use lasku::fi::{reference::ReferenceError, FiError};
    /// assert_eq!(FiError::from(ReferenceError::AllZeros).code(), "reference.all_zeros");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Reference(e) => e.code(),
            Self::Iban(e) => e.code(),
            Self::Bic(e) => e.code(),
            Self::Ytunnus(e) => e.code(),
            Self::VatNumber(e) => e.code(),
            Self::Hetu(e) => e.code(),
            Self::Ovt(e) => e.code(),
            Self::EInvoiceAddress(e) => e.code(),
            Self::Intermediator(e) => e.code(),
            Self::VatRate(e) => e.code(),
            Self::Barcode(e) => e.code(),
        }
    }
}
