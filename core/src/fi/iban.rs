//! IBAN (ISO 13616): every country of the SWIFT registry (length and BBAN structure) plus the
//! mod 97 check; the Finnish bank (BIC) behind a Finnish IBAN.
//!
//! ```
//! use lasku::fi::iban::{bic_for_finnish_iban, Iban};
//!
//! let iban = Iban::parse("fi21 1234 5600 0007 85")?;
//! assert_eq!(iban.as_str(), "FI2112345600000785");
//! assert_eq!(iban.formatted(), "FI21 1234 5600 0007 85");
//! assert_eq!(bic_for_finnish_iban(&iban).map(|b| b.to_string()), Some("NDEAFIHH".to_owned()));
//!
//! let err = Iban::parse("FI2112345600000786").unwrap_err();
//! assert_eq!(err.code(), "iban.checksum");
//! # Ok::<(), lasku::fi::iban::IbanError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::bic::{finnish_bank_by_code, Bic, FinnishBank};
use super::common::{first_non_alphanumeric, group, mod97_check_digits, show};
use super::common::{significant, to_string};
use super::iban_registry::REGISTRY;

/// Why an IBAN is not valid. Codes: see [`IbanError::code`].
///
/// ```
/// use lasku::fi::iban::{Iban, IbanError};
/// let err = Iban::parse("FI211234560000078").unwrap_err();
/// assert_eq!(err, IbanError::Length { country: "FI".into(), expected: 18, found: 17 });
/// assert_eq!(err.to_string(), "an IBAN of FI has 18 characters, found 17");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IbanError {
    /// Nothing but whitespace.
    #[error("the IBAN is empty")]
    Empty,
    /// A character other than a letter, digit or space.
    #[error("character {position} ({}) is not a letter or digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The IBAN does not start with two letters and two digits.
    #[error("an IBAN starts with a two-letter country code and two check digits, found \"{found}\"")]
    Format {
        /// The first (up to) four characters.
        found: String,
    },
    /// The country has no entry in the SWIFT IBAN registry.
    #[error("country {country} does not use IBANs (not in the SWIFT IBAN registry)")]
    UnknownCountry {
        /// The two-letter code given.
        country: String,
    },
    /// Wrong length for the country.
    #[error("an IBAN of {country} has {expected} characters, found {found}")]
    Length {
        /// Country code.
        country: String,
        /// Registry length for the country.
        expected: usize,
        /// Characters found (spaces not counted).
        found: usize,
    },
    /// The BBAN does not follow the country's registry structure.
    #[error("character {position} ({}) should be {expected} in an IBAN of {country} (BBAN structure {structure})", show(*found))]
    Bban {
        /// Country code.
        country: String,
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
        /// `"a digit"`, `"a letter"` or `"a letter or digit"`.
        expected: &'static str,
        /// The registry's BBAN structure, e.g. `3!n11!n`.
        structure: &'static str,
    },
    /// The mod 97 check fails.
    #[error("IBAN check digits {found} should be {expected}")]
    Checksum {
        /// Check digits the BBAN requires.
        expected: String,
        /// Check digits given.
        found: String,
    },
}

impl IbanError {
    /// Stable machine code: `iban.empty`, `iban.character`, `iban.format`, `iban.country`,
    /// `iban.length`, `iban.bban` or `iban.checksum`.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse("XX00").unwrap_err().code(), "iban.country");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "iban.empty",
            Self::InvalidCharacter { .. } => "iban.character",
            Self::Format { .. } => "iban.format",
            Self::UnknownCountry { .. } => "iban.country",
            Self::Length { .. } => "iban.length",
            Self::Bban { .. } => "iban.bban",
            Self::Checksum { .. } => "iban.checksum",
        }
    }
}

/// The BBAN structure of a country in the SWIFT registry notation (`FI` → `3!n11!n`).
///
/// ```
/// assert_eq!(lasku::fi::iban::bban_structure("fi"), Some("3!n11!n"));
/// assert_eq!(lasku::fi::iban::bban_structure("US"), None);
/// ```
pub fn bban_structure(country: &str) -> Option<&'static str> {
    REGISTRY.iter().find(|(code, _)| code.eq_ignore_ascii_case(country)).map(|&(_, structure)| structure)
}

/// The IBAN length of a country according to the SWIFT registry (`FI` → 18), or `None` if the
/// country does not use IBANs.
///
/// ```
/// use lasku::fi::iban::registry_length;
/// assert_eq!(registry_length("FI"), Some(18));
/// assert_eq!(registry_length("NO"), Some(15));
/// assert_eq!(registry_length("RU"), Some(33));
/// assert_eq!(registry_length("US"), None);
/// ```
pub fn registry_length(country: &str) -> Option<usize> {
    bban_structure(country).map(|s| 4 + segments(s).map(|(len, _)| len).sum::<usize>())
}

/// Every country code in the SWIFT IBAN registry, in alphabetical order.
///
/// ```
/// assert!(lasku::fi::iban::iban_countries().any(|c| c == "FI"));
/// ```
pub fn iban_countries() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|&(code, _)| code)
}

/// Splits a registry structure such as `4!a6!n8!n` into `(length, kind)` pairs.
fn segments(structure: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut rest = structure;
    std::iter::from_fn(move || {
        let digits_end = rest.find(|c: char| !c.is_ascii_digit())?;
        let len: usize = rest.get(..digits_end)?.parse().ok()?;
        let tail = rest.get(digits_end..)?.trim_start_matches('!');
        let kind = tail.chars().next()?;
        rest = tail.get(kind.len_utf8()..)?;
        Some((len, kind))
    })
}

/// Computes the two IBAN check digits for a country and BBAN (ISO 7064 mod 97-10).
///
/// ```
/// use lasku::fi::iban::iban_check_digits;
/// assert_eq!(iban_check_digits("FI", "12345600000785").as_deref(), Some("21"));
/// assert_eq!(iban_check_digits("BE", "435411161155").as_deref(), Some("31"));
/// ```
pub fn iban_check_digits(country: &str, bban: &str) -> Option<String> {
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    mod97_check_digits(&bban.to_ascii_uppercase(), &country.to_ascii_uppercase())
}

/// A valid IBAN, kept in electronic form (upper-case, no spaces).
///
/// [`fmt::Display`] prints the electronic form; [`formatted`](Self::formatted) the paper form.
///
/// ```
/// use lasku::fi::iban::Iban;
/// let iban: Iban = "GR16 0110 1050 0000 1054 7023 795".parse()?;
/// assert_eq!(iban.country_code(), "GR");
/// assert_eq!(iban.to_string(), "GR1601101050000010547023795");
/// # Ok::<(), lasku::fi::iban::IbanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban {
    value: String,
}

impl Iban {
    /// Validates an IBAN: letters, digits and spaces only (case-insensitive), a registered
    /// country, the registry length and BBAN structure, and mod 97 = 1 with check digits 02–98.
    ///
    /// ```
    /// use lasku::fi::iban::Iban;
    /// assert!(Iban::parse("DE44 5001 0517 5407 3249 31").is_ok());
    /// assert_eq!(Iban::parse("FI9080002627761348A").unwrap_err().code(), "iban.length");
    /// ```
    pub fn parse(input: &str) -> Result<Self, IbanError> {
        let chars = significant(input, &[]);
        if chars.is_empty() {
            return Err(IbanError::Empty);
        }
        if let Some((position, found)) = first_non_alphanumeric(&chars) {
            return Err(IbanError::InvalidCharacter { position, found });
        }
        let value = to_string(&chars);
        let head = value.get(..4).unwrap_or(&value);
        let country = value.get(..2).unwrap_or_default();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(IbanError::Format { found: head.to_owned() });
        }
        let structure =
            bban_structure(country).ok_or_else(|| IbanError::UnknownCountry { country: country.to_owned() })?;
        let expected_len = registry_length(country).unwrap_or(0);
        if value.len() != expected_len {
            return Err(IbanError::Length { country: country.to_owned(), expected: expected_len, found: value.len() });
        }
        if !head.bytes().skip(2).all(|b| b.is_ascii_digit()) {
            return Err(IbanError::Format { found: head.to_owned() });
        }
        check_bban(country, structure, chars.get(4..).unwrap_or_default())?;
        let bban = value.get(4..).unwrap_or_default();
        let found = value.get(2..4).unwrap_or_default();
        // Comparing with the computed digits (02–98) also refuses 00, 01 and 99, which pass
        // "mod 97 = 1" in place of 97, 98 and 02 but are never issued.
        let expected = mod97_check_digits(bban, country).unwrap_or_default();
        if found != expected {
            return Err(IbanError::Checksum { expected, found: found.to_owned() });
        }
        Ok(Self { value })
    }

    /// The two-letter country code.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse("FI4950009420028730")?.country_code(), "FI");
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn country_code(&self) -> &str {
        self.value.get(..2).unwrap_or_default()
    }

    /// The two check digits.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse("FI4950009420028730")?.check_digits(), "49");
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn check_digits(&self) -> &str {
        self.value.get(2..4).unwrap_or_default()
    }

    /// The BBAN (everything after the check digits).
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse("FI4950009420028730")?.bban(), "50009420028730");
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn bban(&self) -> &str {
        self.value.get(4..).unwrap_or_default()
    }

    /// The electronic form, e.g. `FI2112345600000785`.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse(" FI21 1234 5600 0007 85 ")?.as_str(), "FI2112345600000785");
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The paper format: groups of four, e.g. `FI21 1234 5600 0007 85`.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert_eq!(Iban::parse("FI2112345600000785")?.formatted(), "FI21 1234 5600 0007 85");
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn formatted(&self) -> String {
        group(&self.value, 4, false)
    }

    /// Whether this is a Finnish (`FI`) IBAN. Åland accounts use `FI` too.
    ///
    /// ```
    /// # use lasku::fi::iban::Iban;
    /// assert!(Iban::parse("FI2112345600000785")?.is_finnish());
    /// assert!(!Iban::parse("GB82WEST12345698765432")?.is_finnish());
    /// # Ok::<(), lasku::fi::iban::IbanError>(())
    /// ```
    pub fn is_finnish(&self) -> bool {
        self.country_code() == "FI"
    }
}

/// Checks each BBAN character against the registry structure.
fn check_bban(country: &str, structure: &'static str, bban: &[(usize, char)]) -> Result<(), IbanError> {
    let mut chars = bban.iter().copied();
    for (len, kind) in segments(structure) {
        for (position, found) in chars.by_ref().take(len) {
            let (ok, expected) = match kind {
                'n' => (found.is_ascii_digit(), "a digit"),
                'a' => (found.is_ascii_uppercase(), "a letter"),
                _ => (found.is_ascii_alphanumeric(), "a letter or digit"),
            };
            if !ok {
                return Err(IbanError::Bban { country: country.to_owned(), position, found, expected, structure });
            }
        }
    }
    Ok(())
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for Iban {
    type Err = IbanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Iban {
    type Error = IbanError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Iban> for String {
    fn from(value: Iban) -> Self {
        value.value
    }
}

/// The bank behind a Finnish IBAN (from the first three BBAN digits), or `None` for a
/// non-Finnish IBAN or a bank code without a BIC in Finance Finland's current table
/// (e.g. the former Handelsbanken codes 31x).
///
/// ```
/// use lasku::fi::iban::{finnish_bank, Iban};
/// let bank = finnish_bank(&Iban::parse("FI4950009420028730")?);
/// assert_eq!(bank.map(|b| b.name), Some("OP"));
/// assert!(finnish_bank(&Iban::parse("FI7331313001000058")?).is_none());
/// # Ok::<(), lasku::fi::iban::IbanError>(())
/// ```
pub fn finnish_bank(iban: &Iban) -> Option<FinnishBank> {
    if !iban.is_finnish() {
        return None;
    }
    finnish_bank_by_code(iban.bban().get(..3)?)
}

/// The BIC of the bank behind a Finnish IBAN; `None` when there is none (see [`finnish_bank`]).
///
/// ```
/// use lasku::fi::iban::{bic_for_finnish_iban, Iban};
/// let bic = bic_for_finnish_iban(&Iban::parse("FI4950009420028730")?);
/// assert_eq!(bic.as_ref().map(|b| b.as_str()), Some("OKOYFIHH"));
/// # Ok::<(), lasku::fi::iban::IbanError>(())
/// ```
pub fn bic_for_finnish_iban(iban: &Iban) -> Option<Bic> {
    finnish_bank(iban).map(|bank| bank.bic)
}

/// Validates an IBAN; shorthand for [`Iban::parse`], for the invoice validator.
///
/// ```
/// assert!(lasku::fi::iban::validate_iban("FI21 1234 5600 0007 85").is_ok());
/// ```
pub fn validate_iban(input: &str) -> Result<Iban, IbanError> {
    Iban::parse(input)
}
