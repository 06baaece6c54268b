//! Finnish invoicing identifiers and payment parts.
//!
//! | module | what |
//! |---|---|
//! | [`reference`](mod@reference) | national reference (viitenumero) and RF creditor reference: validate, generate, convert, print |
//! | [`iban`] | IBAN of every registry country, print format, the BIC of a Finnish IBAN |
//! | [`bic`] | BIC (ISO 9362) and the Finnish bank-code table |
//! | [`ytunnus`] | Y-tunnus (business ID) and the Finnish VAT number |
//! | [`hetu`] | henkilötunnus, incl. the 2023 century signs |
//! | [`ovt`] | OVT codes, e-invoice addresses and intermediators |
//! | [`vat`] | Finnish VAT rates by supply date |
//! | [`barcode`] | virtual bank barcode, versions 4 and 5 |
//!
//! Every validator returns a typed value (kept in a canonical form) or a typed error whose
//! message says exactly what is wrong and whose `code()` is a stable string such as
//! `reference.check_digit`. [`FiError`] wraps them all.
//!
//! ```
//! use lasku::fi::{validate_iban, validate_reference, validate_ytunnus, FiError};
//!
//! let reference = validate_reference("RF18 5390 0754 7034")?;
//! assert_eq!(reference.formatted(), "RF18 5390 0754 7034");
//! let iban = validate_iban("FI21 1234 5600 0007 85")?;
//! assert_eq!(lasku::fi::bic_for_finnish_iban(&iban).map(|b| b.to_string()).as_deref(), Some("NDEAFIHH"));
//! let err = validate_ytunnus("2077474-1").unwrap_err();
//! assert_eq!((err.code(), err.to_string().as_str()), ("ytunnus.check_digit", "check digit 1 should be 0"));
//! # Ok::<(), FiError>(())
//! ```

mod common;
mod countries;
mod error;
mod iban_registry;

pub mod barcode;
pub mod bic;
pub mod hetu;
pub mod iban;
pub mod ovt;
pub mod reference;
pub mod vat;
pub mod ytunnus;

pub use barcode::{
    decode_barcode, encode_barcode, parse_amount, parse_due_date, BarcodeError, BarcodeVersion, VirtualBarcode,
};
pub use bic::{finnish_bank_by_code, validate_bic, Bic, BicError, FinnishBank};
pub use error::FiError;
pub use hetu::{validate_hetu, Hetu, HetuError, HetuOptions};
pub use iban::{bic_for_finnish_iban, finnish_bank, registry_length, validate_iban, Iban, IbanError};
pub use ovt::{
    validate_einvoice_address, validate_intermediator, validate_ovt, EInvoiceAddress, EInvoiceAddressError,
    Intermediator, IntermediatorError, Ovt, OvtError,
};
pub use reference::{
    national_check_digit, validate_reference, NationalReference, Reference, ReferenceError, RfReference,
};
pub use vat::{
    check_finnish_vat_rate, finnish_vat_rates, is_finnish_vat_rate, VatRateCategory, VatRateError, VatRatePeriod,
};
pub use ytunnus::{
    validate_vat_number, validate_ytunnus, VatNumber, VatNumberError, Ytunnus, YtunnusError, YtunnusOptions,
};
