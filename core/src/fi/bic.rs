//! BIC (ISO 9362) and Finance Finland's table of Finnish bank codes and BICs.
//!
//! ```
//! use lasku::fi::bic::{finnish_bank_by_code, Bic};
//!
//! let bic = Bic::parse("ndea fi hh")?;
//! assert_eq!(bic.as_str(), "NDEAFIHH");
//! assert_eq!(bic.country_code(), "FI");
//! assert_eq!(finnish_bank_by_code("500").map(|b| b.name), Some("OP"));
//! assert_eq!(Bic::parse("NDEAF1HH").unwrap_err().code(), "bic.format");
//! # Ok::<(), lasku::fi::bic::BicError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::common::{show, significant, to_string};
use super::countries::is_country_code;

/// Why a BIC is not valid. Codes: see [`BicError::code`].
///
/// ```
/// use lasku::fi::bic::{Bic, BicError};
/// assert_eq!(Bic::parse("NDEAFIH").unwrap_err(), BicError::Length { found: 7 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BicError {
    /// Not 8 or 11 characters (spaces and hyphens not counted).
    #[error("a BIC has 8 or 11 characters, found {found}")]
    Length {
        /// Characters found.
        found: usize,
    },
    /// A character that does not belong at its place.
    #[error("character {position} ({}) should be {expected}", show(*found))]
    Format {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
        /// What belongs there, e.g. `"a letter (country code)"`.
        expected: &'static str,
    },
    /// The country part is not an ISO 3166 country code.
    #[error("{country} is not an ISO 3166 country code")]
    Country {
        /// The two letters given.
        country: String,
    },
}

impl BicError {
    /// Stable machine code: `bic.length`, `bic.format` or `bic.country`.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("NDEAQQHH").unwrap_err().code(), "bic.country");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "bic.length",
            Self::Format { .. } => "bic.format",
            Self::Country { .. } => "bic.country",
        }
    }
}

/// A valid BIC (SWIFT code), upper-case without spaces: 8 or 11 characters.
///
/// ```
/// use lasku::fi::bic::Bic;
/// let bic: Bic = "AGRIFRPP882".parse()?;
/// assert_eq!(bic.institution_code(), "AGRI");
/// assert_eq!(bic.location_code(), "PP");
/// assert_eq!(bic.branch_code(), Some("882"));
/// # Ok::<(), lasku::fi::bic::BicError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bic {
    value: String,
}

impl Bic {
    /// Validates a BIC: `[A-Z]{4}` institution, `[A-Z]{2}` ISO 3166 country, `[A-Z0-9]{2}`
    /// location, optional `[A-Z0-9]{3}` branch. Spaces and hyphens are ignored, lower case is
    /// accepted.
    ///
    /// ```
    /// use lasku::fi::bic::Bic;
    /// assert!(Bic::parse("NDEAFIHHXXX").is_ok());
    /// let err = Bic::parse("1DEAFIHH").unwrap_err();
    /// assert_eq!(err.to_string(), "character 1 ('1') should be a letter (institution code)");
    /// ```
    pub fn parse(input: &str) -> Result<Self, BicError> {
        let chars = significant(input, &['-']);
        if chars.len() != 8 && chars.len() != 11 {
            return Err(BicError::Length { found: chars.len() });
        }
        for (index, &(position, found)) in chars.iter().enumerate() {
            let (ok, expected) = match index {
                0..=3 => (found.is_ascii_uppercase(), "a letter (institution code)"),
                4..=5 => (found.is_ascii_uppercase(), "a letter (country code)"),
                6..=7 => (found.is_ascii_uppercase() || found.is_ascii_digit(), "a letter or digit (location code)"),
                _ => (found.is_ascii_uppercase() || found.is_ascii_digit(), "a letter or digit (branch code)"),
            };
            if !ok {
                return Err(BicError::Format { position, found, expected });
            }
        }
        let value = to_string(&chars);
        let country = value.get(4..6).unwrap_or_default();
        if !is_country_code(country) {
            return Err(BicError::Country { country: country.to_owned() });
        }
        Ok(Self { value })
    }

    /// The compact form, e.g. `NDEAFIHH`.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("NDEA-FI-HH")?.as_str(), "NDEAFIHH");
    /// # Ok::<(), lasku::fi::bic::BicError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The four-letter institution (bank) code.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("OKOYFIHH")?.institution_code(), "OKOY");
    /// # Ok::<(), lasku::fi::bic::BicError>(())
    /// ```
    pub fn institution_code(&self) -> &str {
        self.value.get(..4).unwrap_or_default()
    }

    /// The two-letter country code.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("OKOYFIHH")?.country_code(), "FI");
    /// # Ok::<(), lasku::fi::bic::BicError>(())
    /// ```
    pub fn country_code(&self) -> &str {
        self.value.get(4..6).unwrap_or_default()
    }

    /// The two-character location code.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("AABAFI22")?.location_code(), "22");
    /// # Ok::<(), lasku::fi::bic::BicError>(())
    /// ```
    pub fn location_code(&self) -> &str {
        self.value.get(6..8).unwrap_or_default()
    }

    /// The three-character branch code of an 11-character BIC.
    ///
    /// ```
    /// # use lasku::fi::bic::Bic;
    /// assert_eq!(Bic::parse("NDEAFIHH")?.branch_code(), None);
    /// assert_eq!(Bic::parse("NDEAFIHHXXX")?.branch_code(), Some("XXX"));
    /// # Ok::<(), lasku::fi::bic::BicError>(())
    /// ```
    pub fn branch_code(&self) -> Option<&str> {
        self.value.get(8..11)
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for Bic {
    type Err = BicError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Bic {
    type Error = BicError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Bic> for String {
    fn from(value: Bic) -> Self {
        value.value
    }
}

/// Validates a BIC; shorthand for [`Bic::parse`], for the invoice validator.
///
/// ```
/// assert!(lasku::fi::bic::validate_bic("OKOYFIHH").is_ok());
/// ```
pub fn validate_bic(input: &str) -> Result<Bic, BicError> {
    Bic::parse(input)
}

/// A Finnish bank found from a bank code (the first three BBAN digits of a Finnish IBAN).
///
/// ```
/// use lasku::fi::bic::finnish_bank_by_code;
/// let bank = finnish_bank_by_code("799");
/// assert_eq!(bank.map(|b| (b.bic.to_string(), b.name)), Some(("HOLVFIHH".to_owned(), "Holvi")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinnishBank {
    /// The bank's BIC.
    pub bic: Bic,
    /// The institution's name.
    pub name: &'static str,
}

/// Finance Finland's "Finnish monetary institution codes and BICs" (as in schwifty 2026.10.1):
/// `(first code, last code, BIC, institution)`.
const FINNISH_BANKS: &[(u16, u16, &str, &str)] = &[
    (100, 299, "NDEAFIHH", "Nordea"),
    (330, 339, "ESSEFIHX", "SEB"),
    (340, 349, "DABAFIHH", "Danske Bank"),
    (360, 369, "SBANFIHH", "S-Bank"),
    (370, 379, "DNBAFIHX", "DNB"),
    (390, 399, "SBANFIHH", "S-Bank"),
    (400, 400, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (402, 403, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (405, 405, "HELSFIHH", "Aktia"),
    (406, 408, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (410, 412, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (414, 421, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (423, 432, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (435, 452, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (454, 464, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (470, 479, "POPFFI22", "POP Bank / Bonum"),
    (483, 493, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (495, 496, "ITELFIHH", "Savings banks (Säästöpankki)"),
    (497, 497, "HELSFIHH", "Aktia"),
    (500, 599, "OKOYFIHH", "OP"),
    (600, 699, "AABAFI22", "Bank of Åland"),
    (713, 713, "CITIFIHX", "Citibank"),
    (714, 714, "EVSEFIHH", "Fellow Bank"),
    (715, 715, "ITELFIHH", "Central Bank of Savings Banks"),
    (717, 717, "BIGKFIH1", "Bigbank"),
    (718, 718, "UASNFIH2", "Saldo Bank"),
    (792, 792, "IVPYFIH2", "Ivy Pay"),
    (793, 793, "TRYEFIH3", "TrueLayer"),
    (794, 794, "PASXFIH2", "Paysaxas"),
    (795, 795, "WAMOFIH2", "Wamo Solutions"),
    (796, 796, "NARYFIH2", "Narvi Payments"),
    (797, 797, "TRYEFIH2", "TrueLayer"),
    (799, 799, "HOLVFIHH", "Holvi"),
    (800, 899, "DABAFIHH", "Danske Bank"),
];

/// The bank for a three-digit Finnish bank code (`"500"` → OP), or `None` when Finance
/// Finland's table has no BIC for it (e.g. `"313"`, the former Handelsbanken).
///
/// ```
/// use lasku::fi::bic::finnish_bank_by_code;
/// assert_eq!(finnish_bank_by_code("405").map(|b| b.bic.to_string()).as_deref(), Some("HELSFIHH"));
/// assert!(finnish_bank_by_code("313").is_none());
/// assert!(finnish_bank_by_code("5a0").is_none());
/// ```
pub fn finnish_bank_by_code(code: &str) -> Option<FinnishBank> {
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u16 = code.parse().ok()?;
    FINNISH_BANKS
        .iter()
        .find(|&&(from, to, _, _)| (from..=to).contains(&number))
        .map(|&(_, _, bic, name)| FinnishBank { bic: Bic { value: bic.to_owned() }, name })
}
