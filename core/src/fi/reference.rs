//! Payment references: the Finnish national reference (viitenumero) and the international
//! RF creditor reference (ISO 11649).
//!
//! - National: 4–20 digits including a 7-3-1 check digit; printed in groups of five from the
//!   right without leading zeros (`12 34561`).
//! - RF: `RF` + two check digits + 1–21 letters or digits, ISO 7064 mod 97-10; printed in groups
//!   of four (`RF18 5390 0754 7034`).
//! - FI → RF wraps the complete national reference (leading zeros dropped); RF → FI exists only
//!   when the RF payload is all digits and passes the 7-3-1 check.
//!
//! ```
//! use lasku::fi::reference::{NationalReference, Reference};
//!
//! let national = NationalReference::from_base("251600001")?;
//! assert_eq!(national.as_str(), "2516000013");
//! assert_eq!(national.formatted(), "25160 00013");
//! assert_eq!(national.to_rf().formatted(), "RF50 2516 0000 13");
//!
//! let err = NationalReference::parse("2516000017").unwrap_err();
//! assert_eq!(err.code(), "reference.check_digit");
//! assert_eq!(err.to_string(), "check digit 7 should be 3");
//!
//! assert!(matches!(Reference::parse("RF18 5390 0754 7034")?, Reference::Rf(_)));
//! # Ok::<(), lasku::fi::reference::ReferenceError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::common::{first_non_alphanumeric, first_non_digit, group, mod97_check_digits, show, significant, to_string};

/// Fewest digits of a national reference, check digit included.
pub const NATIONAL_MIN_LEN: usize = 4;
/// Most digits of a national reference, check digit included.
pub const NATIONAL_MAX_LEN: usize = 20;
/// Fewest characters of an RF reference (`RF`, two check digits, one payload character).
pub const RF_MIN_LEN: usize = 5;
/// Most characters of an RF reference.
pub const RF_MAX_LEN: usize = 25;
/// Most characters of an RF payload (the part after `RFkk`).
pub const RF_MAX_PAYLOAD_LEN: usize = 21;

/// Why a national or RF reference is not valid.
///
/// Every variant has a stable machine code, see [`ReferenceError::code`].
///
/// ```
/// use lasku::fi::reference::{NationalReference, ReferenceError};
///
/// let err = NationalReference::parse("12A45").unwrap_err();
/// assert_eq!(err, ReferenceError::InvalidCharacter { position: 3, found: 'A' });
/// assert_eq!(err.code(), "reference.character");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReferenceError {
    /// The input holds no digits at all.
    #[error("the reference is empty")]
    Empty,
    /// A character other than a digit or a space in a national reference.
    #[error("character {position} ({}) is not a digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Fewer digits than the minimum.
    #[error("a national reference needs at least {min} digits including the check digit, found {found}")]
    TooShort {
        /// Minimum number of digits.
        min: usize,
        /// Number of digits found.
        found: usize,
    },
    /// More digits than the maximum (20).
    #[error("a national reference has at most {max} digits including the check digit, found {found}")]
    TooLong {
        /// Maximum number of digits.
        max: usize,
        /// Number of digits found.
        found: usize,
    },
    /// Only zeros: the checksum works, but no such reference is issued.
    #[error("the reference consists of zeros only")]
    AllZeros,
    /// The 7-3-1 check digit does not match the base.
    #[error("check digit {found} should be {expected}")]
    CheckDigit {
        /// The check digit the base requires.
        expected: u8,
        /// The last digit given.
        found: u8,
    },
    /// A base for generating a reference must have 3–19 digits.
    #[error("a reference base needs 3 to 19 digits, found {found}")]
    BaseLength {
        /// Number of digits found.
        found: usize,
    },
    /// The RF reference does not start with `RF`.
    #[error("an RF reference starts with \"RF\", found \"{found}\"")]
    RfPrefix {
        /// The first (up to) two characters given.
        found: String,
    },
    /// An RF reference must have 5–25 characters.
    #[error("an RF reference has {RF_MIN_LEN} to {RF_MAX_LEN} characters, found {found}")]
    RfLength {
        /// Number of characters found (spaces not counted).
        found: usize,
    },
    /// An RF payload must have 1–21 characters.
    #[error("an RF payload has 1 to {RF_MAX_PAYLOAD_LEN} characters, found {found}")]
    RfPayloadLength {
        /// Number of characters found.
        found: usize,
    },
    /// A character that is not allowed at this place of an RF reference.
    #[error("character {position} ({}) should be {expected}", show(*found))]
    RfCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
        /// What belongs there: `"a digit"` or `"a letter or digit"`.
        expected: &'static str,
    },
    /// The mod 97 check of an RF reference fails.
    #[error("RF check digits {found} should be {expected}")]
    RfChecksum {
        /// Check digits that the payload requires.
        expected: String,
        /// Check digits given.
        found: String,
    },
    /// An RF reference that has no Finnish national equivalent.
    #[error("the RF reference has no Finnish national form: its payload {payload} is not a valid national reference ({reason})")]
    NoNationalForm {
        /// The RF payload.
        payload: String,
        /// Why the payload is not a national reference.
        reason: Box<ReferenceError>,
    },
}

impl ReferenceError {
    /// Stable machine code, e.g. `reference.check_digit` or `rf.checksum`.
    ///
    /// ```
    /// use lasku::fi::reference::ReferenceError;
    /// assert_eq!(ReferenceError::AllZeros.code(), "reference.all_zeros");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "reference.empty",
            Self::InvalidCharacter { .. } => "reference.character",
            Self::TooShort { .. } | Self::TooLong { .. } => "reference.length",
            Self::AllZeros => "reference.all_zeros",
            Self::CheckDigit { .. } => "reference.check_digit",
            Self::BaseLength { .. } => "reference.base_length",
            Self::RfPrefix { .. } => "rf.prefix",
            Self::RfLength { .. } => "rf.length",
            Self::RfPayloadLength { .. } => "rf.payload_length",
            Self::RfCharacter { .. } => "rf.character",
            Self::RfChecksum { .. } => "rf.checksum",
            Self::NoNationalForm { .. } => "rf.no_national_form",
        }
    }
}

/// The 7-3-1 check digit for a base of digits (weights 7, 3, 1, … from the rightmost digit).
///
/// Non-digit characters make it return `None`. The base length is not checked here; see
/// [`NationalReference::from_base`] for that.
///
/// ```
/// assert_eq!(lasku::fi::reference::national_check_digit("251600001"), Some(3));
/// assert_eq!(lasku::fi::reference::national_check_digit("12a"), None);
/// ```
pub fn national_check_digit(base: &str) -> Option<u8> {
    const WEIGHTS: [u32; 3] = [7, 3, 1];
    let mut sum: u32 = 0;
    for (c, w) in base.chars().rev().zip(WEIGHTS.iter().cycle()) {
        sum = (sum + c.to_digit(10)? * w) % 10;
    }
    u8::try_from((10 - sum) % 10).ok()
}

/// A valid Finnish national reference number (viitenumero).
///
/// Kept in its electronic form: digits only, leading zeros removed, but at least four digits
/// (so `0013` stays `0013` and still parses back). [`fmt::Display`] prints that form;
/// [`formatted`](Self::formatted) gives the print format.
///
/// ```
/// use lasku::fi::reference::NationalReference;
///
/// let r: NationalReference = "0103 0100 0671 7580 0018".parse()?;
/// assert_eq!(r.as_str(), "1030100067175800018");
/// assert_eq!(r.formatted(), "1030 10006 71758 00018");
/// assert_eq!(r.machine_format(), "01030100067175800018");
/// # Ok::<(), lasku::fi::reference::ReferenceError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NationalReference {
    digits: String,
}

impl NationalReference {
    /// Validates a national reference: digits and spaces only, 4–20 digits as given (leading
    /// zeros count, as in the 20-digit machine format), not all zeros, correct check digit.
    ///
    /// ```
    /// use lasku::fi::reference::NationalReference;
    /// assert!(NationalReference::parse("12 34561").is_ok());
    /// assert_eq!(NationalReference::parse("123").unwrap_err().code(), "reference.length");
    /// ```
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        Self::parse_min(input, NATIONAL_MIN_LEN)
    }

    /// Like [`parse`](Self::parse) but also accepts three digits (two plus the check digit), as
    /// some banks do. Not the standard; use only where you must accept such references.
    ///
    /// ```
    /// use lasku::fi::reference::NationalReference;
    /// assert!(NationalReference::parse("123").is_err());
    /// assert_eq!(NationalReference::parse_lax("123")?.as_str(), "0123");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn parse_lax(input: &str) -> Result<Self, ReferenceError> {
        Self::parse_min(input, 3)
    }

    fn parse_min(input: &str, min: usize) -> Result<Self, ReferenceError> {
        let chars = significant(input, &[]);
        if chars.is_empty() {
            return Err(ReferenceError::Empty);
        }
        if let Some((position, found)) = first_non_digit(&chars) {
            return Err(ReferenceError::InvalidCharacter { position, found });
        }
        let digits = to_string(&chars);
        let len = digits.len();
        if len < min {
            return Err(ReferenceError::TooShort { min, found: len });
        }
        if len > NATIONAL_MAX_LEN {
            return Err(ReferenceError::TooLong { max: NATIONAL_MAX_LEN, found: len });
        }
        if digits.bytes().all(|b| b == b'0') {
            return Err(ReferenceError::AllZeros);
        }
        let (base, last) = digits.split_at(len - 1);
        let found = last
            .chars()
            .next()
            .and_then(|c| c.to_digit(10))
            .and_then(|d| u8::try_from(d).ok())
            .ok_or(ReferenceError::Empty)?;
        let expected = national_check_digit(base).ok_or(ReferenceError::Empty)?;
        if expected != found {
            return Err(ReferenceError::CheckDigit { expected, found });
        }
        Ok(Self::from_valid_digits(&digits))
    }

    /// Builds the canonical form from digits already checked.
    fn from_valid_digits(digits: &str) -> Self {
        let trimmed = digits.trim_start_matches('0');
        Self { digits: format!("{trimmed:0>width$}", width = NATIONAL_MIN_LEN) }
    }

    /// Creates a reference by appending the 7-3-1 check digit to a base of 3–19 digits
    /// (spaces ignored). The base is typically a customer or invoice number.
    ///
    /// ```
    /// use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::from_base("12345")?.formatted(), "1 23453");
    /// assert_eq!(NationalReference::from_base("12").unwrap_err().code(), "reference.base_length");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn from_base(base: &str) -> Result<Self, ReferenceError> {
        let chars = significant(base, &[]);
        if let Some((position, found)) = first_non_digit(&chars) {
            return Err(ReferenceError::InvalidCharacter { position, found });
        }
        Self::from_base_digits(&to_string(&chars))
    }

    /// Creates a reference from the digits of an invoice number, ignoring every other character
    /// (`INV-2024-0042` → base `20240042`). The digits must number 3–19.
    ///
    /// ```
    /// use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::from_invoice_number("INV-2024-0042")?.as_str(), "202400424");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn from_invoice_number(invoice_number: &str) -> Result<Self, ReferenceError> {
        let digits: String = invoice_number.chars().filter(char::is_ascii_digit).collect();
        Self::from_base_digits(&digits)
    }

    fn from_base_digits(base: &str) -> Result<Self, ReferenceError> {
        let len = base.len();
        if !(NATIONAL_MIN_LEN - 1..NATIONAL_MAX_LEN).contains(&len) {
            return Err(ReferenceError::BaseLength { found: len });
        }
        if base.bytes().all(|b| b == b'0') {
            return Err(ReferenceError::AllZeros);
        }
        let check = national_check_digit(base).ok_or(ReferenceError::Empty)?;
        Ok(Self::from_valid_digits(&format!("{base}{check}")))
    }

    /// The electronic form: digits only, no leading zeros beyond the four-digit minimum.
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("00000000001234561")?.as_str(), "1234561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The significant digits (all leading zeros removed), as used in the RF form.
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("0013")?.significant_digits(), "13");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn significant_digits(&self) -> &str {
        self.digits.trim_start_matches('0')
    }

    /// The print format: groups of five from the right, leading zeros not printed.
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("868516259619897")?.formatted(), "86851 62596 19897");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn formatted(&self) -> String {
        group(self.significant_digits(), 5, true)
    }

    /// The 20-digit machine format, left-padded with zeros.
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("1234561")?.machine_format(), "00000000000001234561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn machine_format(&self) -> String {
        format!("{:0>width$}", self.digits, width = NATIONAL_MAX_LEN)
    }

    /// The check digit (the last digit).
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("2516000013")?.check_digit(), 3);
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn check_digit(&self) -> u8 {
        self.digits.bytes().last().map_or(0, |b| b.saturating_sub(b'0'))
    }

    /// The RF creditor reference carrying this national reference (leading zeros dropped).
    ///
    /// ```
    /// # use lasku::fi::reference::NationalReference;
    /// assert_eq!(NationalReference::parse("0013")?.to_rf().as_str(), "RF4113");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn to_rf(&self) -> RfReference {
        let payload = self.significant_digits();
        // A significant digit string of 1..=20 digits always has RF check digits.
        let check = mod97_check_digits(payload, "RF").unwrap_or_default();
        RfReference { value: format!("RF{check}{payload}") }
    }
}

impl fmt::Display for NationalReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl FromStr for NationalReference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for NationalReference {
    type Error = ReferenceError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<NationalReference> for String {
    fn from(value: NationalReference) -> Self {
        value.digits
    }
}

/// A valid RF creditor reference (ISO 11649), kept compact and upper-case (`RF18539007547034`).
///
/// ```
/// use lasku::fi::reference::RfReference;
///
/// let rf = RfReference::parse("rf18 5390 0754 70y")?;
/// assert_eq!(rf.as_str(), "RF185390075470Y");
/// assert_eq!(rf.check_digits(), "18");
/// assert_eq!(rf.payload(), "5390075470Y");
/// assert_eq!(rf.formatted(), "RF18 5390 0754 70Y");
/// # Ok::<(), lasku::fi::reference::ReferenceError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RfReference {
    value: String,
}

impl RfReference {
    /// Validates an RF reference: `RF` + two check digits + 1–21 letters or digits (5–25
    /// characters; spaces ignored; case-insensitive) with mod 97 = 1 and check digits 02–98.
    ///
    /// ISO 11649 checks nothing inside the payload, so `RF392516000017` is valid even though
    /// its payload is a bad national reference; [`to_national`](Self::to_national) reveals that.
    ///
    /// ```
    /// use lasku::fi::reference::RfReference;
    /// let err = RfReference::parse("RF17 5390 0754 7034").unwrap_err();
    /// assert_eq!(err.code(), "rf.checksum");
    /// assert_eq!(err.to_string(), "RF check digits 17 should be 18");
    /// ```
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let chars = significant(input, &[]);
        if chars.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let prefix: String = chars.iter().take(2).map(|&(_, c)| c).collect();
        if prefix != "RF" {
            return Err(ReferenceError::RfPrefix { found: prefix });
        }
        let len = chars.len();
        if !(RF_MIN_LEN..=RF_MAX_LEN).contains(&len) {
            return Err(ReferenceError::RfLength { found: len });
        }
        let check_chars = chars.get(2..4).unwrap_or_default();
        if let Some((position, found)) = first_non_digit(check_chars) {
            return Err(ReferenceError::RfCharacter { position, found, expected: "a digit" });
        }
        let payload_chars = chars.get(4..).unwrap_or_default();
        if let Some((position, found)) = first_non_alphanumeric(payload_chars) {
            return Err(ReferenceError::RfCharacter { position, found, expected: "a letter or digit" });
        }
        let payload = to_string(payload_chars);
        let found = to_string(check_chars);
        let expected = mod97_check_digits(&payload, "RF").unwrap_or_default();
        // Comparing with the computed digits (02–98) also refuses 00, 01 and 99, which pass
        // "mod 97 = 1" in place of 97, 98 and 02 but are never generated.
        if found != expected {
            return Err(ReferenceError::RfChecksum { expected, found });
        }
        Ok(Self { value: format!("RF{found}{payload}") })
    }

    /// Creates an RF reference by computing the check digits for a payload of 1–21 letters or
    /// digits (spaces ignored, letters upper-cased).
    ///
    /// For a Finnish reference use [`NationalReference::to_rf`], which also drops leading zeros.
    ///
    /// ```
    /// use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::from_payload("539007547034")?.as_str(), "RF18539007547034");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn from_payload(payload: &str) -> Result<Self, ReferenceError> {
        let chars = significant(payload, &[]);
        if chars.is_empty() || chars.len() > RF_MAX_PAYLOAD_LEN {
            return Err(ReferenceError::RfPayloadLength { found: chars.len() });
        }
        if let Some((position, found)) = first_non_alphanumeric(&chars) {
            return Err(ReferenceError::RfCharacter { position, found, expected: "a letter or digit" });
        }
        let payload = to_string(&chars);
        let check = mod97_check_digits(&payload, "RF").unwrap_or_default();
        Ok(Self { value: format!("RF{check}{payload}") })
    }

    /// The compact form, e.g. `RF18539007547034`.
    ///
    /// ```
    /// # use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::parse("RF18 5390 0754 7034")?.as_str(), "RF18539007547034");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The two check digits (`kk` of `RFkk…`).
    ///
    /// ```
    /// # use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::parse("RF09868516259619897")?.check_digits(), "09");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn check_digits(&self) -> &str {
        self.value.get(2..4).unwrap_or_default()
    }

    /// The payload after `RFkk`.
    ///
    /// ```
    /// # use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::parse("RF09868516259619897")?.payload(), "868516259619897");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn payload(&self) -> &str {
        self.value.get(4..).unwrap_or_default()
    }

    /// The print format: groups of four.
    ///
    /// ```
    /// # use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::parse("RF18539007547034")?.formatted(), "RF18 5390 0754 7034");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn formatted(&self) -> String {
        group(&self.value, 4, false)
    }

    /// The Finnish national reference inside this RF reference, if there is one: the payload
    /// must be all digits and pass the 7-3-1 check. Fails with
    /// [`ReferenceError::NoNationalForm`] (code `rf.no_national_form`) otherwise.
    ///
    /// A strict validator can use this to catch an RF wrapped around a bad national reference.
    ///
    /// ```
    /// use lasku::fi::reference::RfReference;
    /// assert_eq!(RfReference::parse("RF50 2516 0000 13")?.to_national()?.as_str(), "2516000013");
    ///
    /// let err = RfReference::parse("RF392516000017")?.to_national().unwrap_err();
    /// assert_eq!(err.code(), "rf.no_national_form");
    /// assert!(RfReference::parse("RF97C2H5OH")?.to_national().is_err());
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn to_national(&self) -> Result<NationalReference, ReferenceError> {
        let payload = self.payload();
        // A short payload (e.g. `13` from `0013`) is a national reference written without
        // its leading zeros; the check digit is what matters.
        NationalReference::parse_min(payload, 1)
            .map_err(|reason| ReferenceError::NoNationalForm { payload: payload.to_owned(), reason: Box::new(reason) })
    }

    /// Whether the payload consists of digits only (only such references fit in a virtual
    /// bank barcode).
    ///
    /// ```
    /// # use lasku::fi::reference::RfReference;
    /// assert!(RfReference::parse("RF18539007547034")?.is_numeric());
    /// assert!(!RfReference::parse("RF185390075470Y")?.is_numeric());
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn is_numeric(&self) -> bool {
        self.payload().bytes().all(|b| b.is_ascii_digit())
    }
}

impl fmt::Display for RfReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for RfReference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for RfReference {
    type Error = ReferenceError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RfReference> for String {
    fn from(value: RfReference) -> Self {
        value.value
    }
}

/// Either kind of payment reference, as found in an invoice's reference field.
///
/// ```
/// use lasku::fi::reference::Reference;
///
/// let national = Reference::parse("25160 00013")?;
/// assert_eq!(national.formatted(), "25160 00013");
/// let rf = Reference::parse("RF50 2516 0000 13")?;
/// assert_eq!(rf.as_str(), "RF502516000013");
/// assert_eq!(Reference::parse("2516000017").unwrap_err().code(), "reference.check_digit");
/// # Ok::<(), lasku::fi::reference::ReferenceError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Reference {
    /// A Finnish national reference (viitenumero).
    National(NationalReference),
    /// An RF creditor reference (ISO 11649).
    Rf(RfReference),
}

impl Reference {
    /// Parses an RF reference if the input starts with `RF` (any case, spaces ignored),
    /// otherwise a national reference.
    ///
    /// ```
    /// use lasku::fi::reference::Reference;
    /// assert!(matches!(Reference::parse("1232")?, Reference::National(_)));
    /// assert!(matches!(Reference::parse("rf11 1232")?, Reference::Rf(_)));
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let head: String = significant(input, &[]).iter().take(2).map(|&(_, c)| c).collect();
        if head == "RF" {
            RfReference::parse(input).map(Self::Rf)
        } else {
            NationalReference::parse(input).map(Self::National)
        }
    }

    /// The compact electronic form.
    ///
    /// ```
    /// # use lasku::fi::reference::Reference;
    /// assert_eq!(Reference::parse("12 34561")?.as_str(), "1234561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::National(r) => r.as_str(),
            Self::Rf(r) => r.as_str(),
        }
    }

    /// The print format (groups of five for national, four for RF).
    ///
    /// ```
    /// # use lasku::fi::reference::Reference;
    /// assert_eq!(Reference::parse("RF341234561")?.formatted(), "RF34 1234 561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn formatted(&self) -> String {
        match self {
            Self::National(r) => r.formatted(),
            Self::Rf(r) => r.formatted(),
        }
    }

    /// The RF form: the reference itself, or the RF wrapping of a national one.
    ///
    /// ```
    /// # use lasku::fi::reference::Reference;
    /// assert_eq!(Reference::parse("1234561")?.to_rf().as_str(), "RF341234561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn to_rf(&self) -> RfReference {
        match self {
            Self::National(r) => r.to_rf(),
            Self::Rf(r) => r.clone(),
        }
    }

    /// The national form, if there is one (see [`RfReference::to_national`]).
    ///
    /// ```
    /// # use lasku::fi::reference::Reference;
    /// assert_eq!(Reference::parse("RF341234561")?.to_national()?.as_str(), "1234561");
    /// # Ok::<(), lasku::fi::reference::ReferenceError>(())
    /// ```
    pub fn to_national(&self) -> Result<NationalReference, ReferenceError> {
        match self {
            Self::National(r) => Ok(r.clone()),
            Self::Rf(r) => r.to_national(),
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Reference {
    type Error = ReferenceError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Reference> for String {
    fn from(value: Reference) -> Self {
        match value {
            Reference::National(r) => r.into(),
            Reference::Rf(r) => r.into(),
        }
    }
}

/// Validates a national or RF reference and returns it in compact form.
///
/// Shorthand for [`Reference::parse`], for the invoice validator.
///
/// ```
/// use lasku::fi::reference::validate_reference;
/// assert!(validate_reference("RF18 5390 0754 7034").is_ok());
/// assert_eq!(validate_reference("1233").unwrap_err().to_string(), "check digit 3 should be 2");
/// ```
pub fn validate_reference(input: &str) -> Result<Reference, ReferenceError> {
    Reference::parse(input)
}
