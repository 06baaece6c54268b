//! Y-tunnus (Finnish business ID, `NNNNNNN-C`) and the Finnish VAT number (`FI` + 8 digits).
//!
//! Check digit: weights 7, 9, 10, 5, 8, 4, 2 on the seven digits; r = sum mod 11; r = 0 gives
//! 0, r = 1 is never issued, otherwise 11 − r.
//!
//! ```
//! use lasku::fi::ytunnus::{VatNumber, Ytunnus};
//!
//! let id = Ytunnus::parse("2077474-0")?;
//! assert_eq!(id.to_vat_number().to_string(), "FI20774740");
//! assert_eq!(VatNumber::parse("FI 20774740")?.to_ytunnus(), id);
//!
//! let err = Ytunnus::parse("2077474-1").unwrap_err();
//! assert_eq!(err.code(), "ytunnus.check_digit");
//! assert_eq!(err.to_string(), "check digit 1 should be 0");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::common::{first_non_digit, show, significant, to_string};

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// Why a Y-tunnus is not valid. Codes: see [`YtunnusError::code`].
///
/// ```
/// use lasku::fi::ytunnus::{Ytunnus, YtunnusError};
/// assert_eq!(
///     Ytunnus::parse("737546-2").unwrap_err(),
///     YtunnusError::Unpadded { padded: "0737546-2".into() }
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum YtunnusError {
    /// Nothing but whitespace.
    #[error("the Y-tunnus is empty")]
    Empty,
    /// A character other than a digit or the hyphen.
    #[error("character {position} ({}) is not a digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Not in the form `NNNNNNN-C` (or `NNNNNNNC`).
    #[error("a Y-tunnus is written NNNNNNN-C (seven digits, a hyphen, the check digit), found \"{found}\"")]
    Format {
        /// The input, trimmed.
        found: String,
    },
    /// An old six-digit business ID without its leading zero.
    #[error("a six-digit business ID is written with a leading zero: {padded}")]
    Unpadded {
        /// The padded form to use instead.
        padded: String,
    },
    /// The check digit does not match.
    #[error("check digit {found} should be {expected}")]
    CheckDigit {
        /// The check digit the seven digits require.
        expected: u8,
        /// The check digit given.
        found: u8,
    },
    /// The seven digits have no valid check digit (weighted sum mod 11 is 1), so no
    /// Y-tunnus starts with them.
    #[error("no Y-tunnus starts with {base}: its weighted sum leaves remainder 1, which has no check digit")]
    NoCheckDigit {
        /// The seven digits.
        base: String,
    },
}

impl YtunnusError {
    /// Stable machine code: `ytunnus.empty`, `ytunnus.character`, `ytunnus.format`,
    /// `ytunnus.unpadded`, `ytunnus.check_digit` or `ytunnus.no_check_digit`.
    ///
    /// ```
    /// # use lasku::fi::ytunnus::Ytunnus;
    /// assert_eq!(Ytunnus::parse("1000008-0").unwrap_err().code(), "ytunnus.no_check_digit");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "ytunnus.empty",
            Self::InvalidCharacter { .. } => "ytunnus.character",
            Self::Format { .. } => "ytunnus.format",
            Self::Unpadded { .. } => "ytunnus.unpadded",
            Self::CheckDigit { .. } => "ytunnus.check_digit",
            Self::NoCheckDigit { .. } => "ytunnus.no_check_digit",
        }
    }
}

/// Why a Finnish VAT number is not valid. Codes: see [`VatNumberError::code`].
///
/// ```
/// use lasku::fi::ytunnus::{VatNumber, VatNumberError};
/// assert_eq!(
///     VatNumber::parse("FI20774741").unwrap_err(),
///     VatNumberError::CheckDigit { expected: 0, found: 1 }
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VatNumberError {
    /// Nothing but whitespace.
    #[error("the VAT number is empty")]
    Empty,
    /// Does not start with `FI`.
    #[error("a Finnish VAT number starts with FI, found \"{found}\"")]
    Country {
        /// The first (up to) two characters given.
        found: String,
    },
    /// A non-digit after `FI`.
    #[error("character {position} ({}) is not a digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Not eight digits after `FI`.
    #[error("a Finnish VAT number has 8 digits after FI, found {found}")]
    Length {
        /// Digits found.
        found: usize,
    },
    /// The check digit does not match.
    #[error("check digit {found} should be {expected}")]
    CheckDigit {
        /// The check digit the first seven digits require.
        expected: u8,
        /// The last digit given.
        found: u8,
    },
    /// The first seven digits have no valid check digit.
    #[error("no VAT number starts with FI{base}: its weighted sum leaves remainder 1, which has no check digit")]
    NoCheckDigit {
        /// The seven digits.
        base: String,
    },
}

impl VatNumberError {
    /// Stable machine code: `vat_number.empty`, `vat_number.country`, `vat_number.character`,
    /// `vat_number.length`, `vat_number.check_digit` or `vat_number.no_check_digit`.
    ///
    /// ```
    /// # use lasku::fi::ytunnus::VatNumber;
    /// assert_eq!(VatNumber::parse("SE20774740").unwrap_err().code(), "vat_number.country");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "vat_number.empty",
            Self::Country { .. } => "vat_number.country",
            Self::InvalidCharacter { .. } => "vat_number.character",
            Self::Length { .. } => "vat_number.length",
            Self::CheckDigit { .. } => "vat_number.check_digit",
            Self::NoCheckDigit { .. } => "vat_number.no_check_digit",
        }
    }
}

/// The Y-tunnus check digit for seven digits, or `None` if the input is not seven digits or
/// no check digit exists for it (remainder 1).
///
/// ```
/// use lasku::fi::ytunnus::ytunnus_check_digit;
/// assert_eq!(ytunnus_check_digit("2077474"), Some(0));
/// assert_eq!(ytunnus_check_digit("1000008"), None);
/// ```
pub fn ytunnus_check_digit(base: &str) -> Option<u8> {
    if base.len() != 7 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in base.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => u8::try_from(11 - r).ok(),
    }
}

/// Outcome of checking eight digits (seven plus check digit).
enum Check {
    Ok,
    Mismatch { expected: u8, found: u8 },
    NoCheckDigit { base: String },
}

fn check_eight(digits: &str) -> Check {
    let (base, last) = digits.split_at(digits.len().min(7));
    let found = last.bytes().next().map_or(0, |b| b.saturating_sub(b'0'));
    match ytunnus_check_digit(base) {
        None => Check::NoCheckDigit { base: base.to_owned() },
        Some(expected) if expected != found => Check::Mismatch { expected, found },
        Some(_) => Check::Ok,
    }
}

/// Options for [`Ytunnus::parse_with`].
///
/// ```
/// use lasku::fi::ytunnus::{Ytunnus, YtunnusOptions};
/// let lax = YtunnusOptions { pad_six_digits: true };
/// assert_eq!(Ytunnus::parse_with("737546-2", lax)?.to_string(), "0737546-2");
/// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YtunnusOptions {
    /// Accept an old six-digit ID without its leading zero (`737546-2`) and pad it.
    /// python-stdnum rejects these; off by default.
    pub pad_six_digits: bool,
}

/// A valid Y-tunnus (business ID). [`fmt::Display`] prints `NNNNNNN-C`.
///
/// ```
/// use lasku::fi::ytunnus::Ytunnus;
/// let id: Ytunnus = "2332748-7".parse()?;
/// assert_eq!(id.to_string(), "2332748-7");
/// assert_eq!(id.compact(), "23327487");
/// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ytunnus {
    digits: String,
}

impl Ytunnus {
    /// Validates a Y-tunnus written `NNNNNNN-C` or `NNNNNNNC` (surrounding spaces ignored).
    ///
    /// ```
    /// use lasku::fi::ytunnus::Ytunnus;
    /// assert!(Ytunnus::parse("0112038-9").is_ok());
    /// assert!(Ytunnus::parse("20774740").is_ok());
    /// assert_eq!(Ytunnus::parse("207747-40").unwrap_err().code(), "ytunnus.format");
    /// ```
    pub fn parse(input: &str) -> Result<Self, YtunnusError> {
        Self::parse_with(input, YtunnusOptions::default())
    }

    /// Like [`parse`](Self::parse), with options.
    ///
    /// ```
    /// use lasku::fi::ytunnus::{Ytunnus, YtunnusOptions};
    /// assert!(Ytunnus::parse_with("737546-2", YtunnusOptions::default()).is_err());
    /// ```
    pub fn parse_with(input: &str, options: YtunnusOptions) -> Result<Self, YtunnusError> {
        let trimmed = input.trim();
        let offset = input.chars().take_while(|c| c.is_whitespace()).count();
        if trimmed.is_empty() {
            return Err(YtunnusError::Empty);
        }
        if let Some((index, found)) = trimmed.chars().enumerate().find(|&(_, c)| !c.is_ascii_digit() && c != '-') {
            return Err(YtunnusError::InvalidCharacter { position: offset + index + 1, found });
        }
        let hyphens: Vec<usize> = trimmed.match_indices('-').map(|(i, _)| i).collect();
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let format_error = || YtunnusError::Format { found: trimmed.to_owned() };
        let digits = match (hyphens.as_slice(), trimmed.len()) {
            ([7], 9) | ([], 8) => digits,
            ([6], 8) => {
                let padded = format!("0{trimmed}");
                if !options.pad_six_digits {
                    return Err(YtunnusError::Unpadded { padded });
                }
                format!("0{digits}")
            }
            _ => return Err(format_error()),
        };
        match check_eight(&digits) {
            Check::Ok => Ok(Self { digits }),
            Check::Mismatch { expected, found } => Err(YtunnusError::CheckDigit { expected, found }),
            Check::NoCheckDigit { base } => Err(YtunnusError::NoCheckDigit { base }),
        }
    }

    /// Builds the Y-tunnus for seven digits by adding the check digit.
    ///
    /// ```
    /// use lasku::fi::ytunnus::Ytunnus;
    /// assert_eq!(Ytunnus::from_base("2617416")?.to_string(), "2617416-4");
    /// assert_eq!(Ytunnus::from_base("1000008").unwrap_err().code(), "ytunnus.no_check_digit");
    /// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
    /// ```
    pub fn from_base(base: &str) -> Result<Self, YtunnusError> {
        let chars = significant(base, &[]);
        if chars.is_empty() {
            return Err(YtunnusError::Empty);
        }
        if let Some((position, found)) = first_non_digit(&chars) {
            return Err(YtunnusError::InvalidCharacter { position, found });
        }
        if chars.len() != 7 {
            return Err(YtunnusError::Format { found: base.trim().to_owned() });
        }
        let base = to_string(&chars);
        match ytunnus_check_digit(&base) {
            Some(check) => Ok(Self { digits: format!("{base}{check}") }),
            None => Err(YtunnusError::NoCheckDigit { base }),
        }
    }

    /// The eight digits without the hyphen, e.g. `20774740` (as used in OVT codes).
    ///
    /// ```
    /// # use lasku::fi::ytunnus::Ytunnus;
    /// assert_eq!(Ytunnus::parse("2077474-0")?.compact(), "20774740");
    /// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
    /// ```
    pub fn compact(&self) -> &str {
        &self.digits
    }

    /// The check digit.
    ///
    /// ```
    /// # use lasku::fi::ytunnus::Ytunnus;
    /// assert_eq!(Ytunnus::parse("2332748-7")?.check_digit(), 7);
    /// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
    /// ```
    pub fn check_digit(&self) -> u8 {
        self.digits.bytes().last().map_or(0, |b| b.saturating_sub(b'0'))
    }

    /// The Finnish VAT number: `FI` + the eight digits.
    ///
    /// ```
    /// # use lasku::fi::ytunnus::Ytunnus;
    /// assert_eq!(Ytunnus::parse("2077474-0")?.to_vat_number().to_string(), "FI20774740");
    /// # Ok::<(), lasku::fi::ytunnus::YtunnusError>(())
    /// ```
    pub fn to_vat_number(&self) -> VatNumber {
        VatNumber { ytunnus: self.clone() }
    }

    /// Builds a Y-tunnus from eight digits already checked by a caller in this module tree.
    pub(crate) fn from_checked_digits(digits: &str) -> Result<Self, YtunnusError> {
        match check_eight(digits) {
            Check::Ok => Ok(Self { digits: digits.to_owned() }),
            Check::Mismatch { expected, found } => Err(YtunnusError::CheckDigit { expected, found }),
            Check::NoCheckDigit { base } => Err(YtunnusError::NoCheckDigit { base }),
        }
    }
}

impl fmt::Display for Ytunnus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (base, check) = self.digits.split_at(self.digits.len().min(7));
        write!(f, "{base}-{check}")
    }
}

impl FromStr for Ytunnus {
    type Err = YtunnusError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Ytunnus {
    type Error = YtunnusError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Ytunnus> for String {
    fn from(value: Ytunnus) -> Self {
        value.to_string()
    }
}

/// A valid Finnish VAT number (ALV-numero), `FI` + the eight Y-tunnus digits.
///
/// ```
/// use lasku::fi::ytunnus::VatNumber;
/// let vat: VatNumber = "fi 2077 4740".parse()?;
/// assert_eq!(vat.to_string(), "FI20774740");
/// assert_eq!(vat.to_ytunnus().to_string(), "2077474-0");
/// # Ok::<(), lasku::fi::ytunnus::VatNumberError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VatNumber {
    ytunnus: Ytunnus,
}

impl VatNumber {
    /// Validates a Finnish VAT number: `FI` (any case) and eight digits with a valid Y-tunnus
    /// check digit; spaces and hyphens are ignored.
    ///
    /// ```
    /// use lasku::fi::ytunnus::VatNumber;
    /// assert!(VatNumber::parse("FI 20774740").is_ok());
    /// assert_eq!(VatNumber::parse("20774740").unwrap_err().code(), "vat_number.country");
    /// ```
    pub fn parse(input: &str) -> Result<Self, VatNumberError> {
        let chars = significant(input, &['-']);
        if chars.is_empty() {
            return Err(VatNumberError::Empty);
        }
        let prefix: String = chars.iter().take(2).map(|&(_, c)| c).collect();
        if prefix != "FI" {
            return Err(VatNumberError::Country { found: prefix });
        }
        let rest = chars.get(2..).unwrap_or_default();
        if let Some((position, found)) = first_non_digit(rest) {
            return Err(VatNumberError::InvalidCharacter { position, found });
        }
        if rest.len() != 8 {
            return Err(VatNumberError::Length { found: rest.len() });
        }
        match Ytunnus::from_checked_digits(&to_string(rest)) {
            Ok(ytunnus) => Ok(Self { ytunnus }),
            Err(YtunnusError::CheckDigit { expected, found }) => Err(VatNumberError::CheckDigit { expected, found }),
            Err(YtunnusError::NoCheckDigit { base }) => Err(VatNumberError::NoCheckDigit { base }),
            Err(_) => Err(VatNumberError::Length { found: rest.len() }),
        }
    }

    /// The Y-tunnus inside.
    ///
    /// ```
    /// # use lasku::fi::ytunnus::VatNumber;
    /// assert_eq!(VatNumber::parse("FI23327487")?.to_ytunnus().to_string(), "2332748-7");
    /// # Ok::<(), lasku::fi::ytunnus::VatNumberError>(())
    /// ```
    pub fn to_ytunnus(&self) -> Ytunnus {
        self.ytunnus.clone()
    }
}

impl fmt::Display for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FI{}", self.ytunnus.compact())
    }
}

impl FromStr for VatNumber {
    type Err = VatNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for VatNumber {
    type Error = VatNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<VatNumber> for String {
    fn from(value: VatNumber) -> Self {
        value.to_string()
    }
}

/// Validates a Y-tunnus; shorthand for [`Ytunnus::parse`], for the invoice validator.
///
/// ```
/// assert!(lasku::fi::ytunnus::validate_ytunnus("2077474-0").is_ok());
/// ```
pub fn validate_ytunnus(input: &str) -> Result<Ytunnus, YtunnusError> {
    Ytunnus::parse(input)
}

/// Validates a Finnish VAT number; shorthand for [`VatNumber::parse`].
///
/// ```
/// assert!(lasku::fi::ytunnus::validate_vat_number("FI20774740").is_ok());
/// ```
pub fn validate_vat_number(input: &str) -> Result<VatNumber, VatNumberError> {
    VatNumber::parse(input)
}
