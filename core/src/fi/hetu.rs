//! Henkilötunnus (HETU), the Finnish personal identity code `DDMMYYCNNNK`, including the
//! century signs added on 1 January 2023.
//!
//! - `C`: `+` (1800s); `-`, `Y`, `X`, `W`, `V`, `U` (1900s); `A`–`F` (2000s). The sign is part
//!   of the identity and is never normalised away.
//! - `NNN`: individual number, 002–899; 900–999 are temporary numbers, accepted only with
//!   [`HetuOptions::allow_temporary`].
//! - `K`: `0123456789ABCDEFHJKLMNPRSTUVWXY[DDMMYYNNN mod 31]`.
//!
//! A consumer's HETU normally does not belong on an invoice; validate it only where an API
//! field asks for it. [`fmt::Debug`] of [`Hetu`] does not reveal the code.
//!
//! ```
//! use lasku::fi::hetu::{Hetu, HetuOptions};
//!
//! let hetu = Hetu::parse("131052-308T")?;
//! assert_eq!(hetu.birth_date().to_string(), "1952-10-13");
//! assert_eq!(Hetu::parse("131052-308U").unwrap_err().to_string(), "check character U should be T");
//!
//! // DVV's test persons use temporary numbers (9xx):
//! assert_eq!(Hetu::parse("010594Y9032").unwrap_err().code(), "hetu.temporary");
//! let options = HetuOptions { allow_temporary: true };
//! assert!(Hetu::parse_with("010594Y9032", options)?.is_temporary());
//! # Ok::<(), lasku::fi::hetu::HetuError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::common::show;

const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Why a henkilötunnus is not valid. Codes: see [`HetuError::code`].
///
/// ```
/// use lasku::fi::hetu::{Hetu, HetuError};
/// assert_eq!(Hetu::parse("131052/308T").unwrap_err(), HetuError::CenturySign { found: '/' });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HetuError {
    /// Not 11 characters.
    #[error("a henkilötunnus has 11 characters, found {found}")]
    Length {
        /// Characters found (surrounding spaces not counted).
        found: usize,
    },
    /// A non-digit where the birth date or individual number belongs.
    #[error("character {position} ({}) should be {expected}", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
        /// What belongs there.
        expected: &'static str,
    },
    /// The seventh character is not a century sign.
    #[error("{} is not a century sign (+ for the 1800s; -, Y, X, W, V, U for the 1900s; A–F for the 2000s)", show(*found))]
    CenturySign {
        /// The character given.
        found: char,
    },
    /// The birth date does not exist.
    #[error("there is no date {day:02}.{month:02}.{year}")]
    Date {
        /// Day given.
        day: u32,
        /// Month given.
        month: u32,
        /// Year from the digits and the century sign.
        year: i32,
    },
    /// Individual number 000 or 001, which are not used.
    #[error("individual number {found:03} is not used (the lowest is 002)")]
    IndividualNumber {
        /// The individual number.
        found: u16,
    },
    /// A temporary number (900–999) while they are not allowed.
    #[error("individual number {found:03} is a temporary number (900–999), not allowed here")]
    Temporary {
        /// The individual number.
        found: u16,
    },
    /// The check character does not match.
    #[error("check character {} should be {expected}", show(*found).trim_matches('\''))]
    CheckCharacter {
        /// The character the number requires.
        expected: char,
        /// The character given.
        found: char,
    },
}

impl HetuError {
    /// Stable machine code: `hetu.length`, `hetu.character`, `hetu.century_sign`,
    /// `hetu.date`, `hetu.individual_number`, `hetu.temporary` or `hetu.check_character`.
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert_eq!(Hetu::parse("310252-308Y").unwrap_err().code(), "hetu.date");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "hetu.length",
            Self::InvalidCharacter { .. } => "hetu.character",
            Self::CenturySign { .. } => "hetu.century_sign",
            Self::Date { .. } => "hetu.date",
            Self::IndividualNumber { .. } => "hetu.individual_number",
            Self::Temporary { .. } => "hetu.temporary",
            Self::CheckCharacter { .. } => "hetu.check_character",
        }
    }
}

/// Options for [`Hetu::parse_with`].
///
/// ```
/// let options = lasku::fi::hetu::HetuOptions { allow_temporary: true };
/// assert!(lasku::fi::hetu::Hetu::parse_with("131052-9993", options).is_ok());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HetuOptions {
    /// Accept temporary individual numbers 900–999 (test persons, temporary IDs).
    pub allow_temporary: bool,
}

/// A valid henkilötunnus, upper-case.
///
/// ```
/// use lasku::fi::hetu::Hetu;
/// let hetu: Hetu = "131052a308t".parse()?;
/// assert_eq!(hetu.as_str(), "131052A308T");
/// assert_eq!(hetu.century_sign(), 'A');
/// assert_eq!(hetu.individual_number(), 308);
/// assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
/// # Ok::<(), lasku::fi::hetu::HetuError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Hetu {
    value: String,
    birth_date: NaiveDate,
    individual: u16,
}

/// The century a sign stands for, as the year to add to `YY`.
fn century(sign: char) -> Option<i32> {
    match sign {
        '+' => Some(1800),
        '-' | 'Y' | 'X' | 'W' | 'V' | 'U' => Some(1900),
        'A'..='F' => Some(2000),
        _ => None,
    }
}

impl Hetu {
    /// Validates a henkilötunnus; temporary numbers (900–999) are refused.
    ///
    /// Surrounding spaces are ignored and letters may be lower case.
    ///
    /// ```
    /// use lasku::fi::hetu::Hetu;
    /// assert!(Hetu::parse("121212-121D").is_ok());
    /// assert_eq!(Hetu::parse("131052-000V").unwrap_err().code(), "hetu.individual_number");
    /// ```
    pub fn parse(input: &str) -> Result<Self, HetuError> {
        Self::parse_with(input, HetuOptions::default())
    }

    /// Validates a henkilötunnus with options.
    ///
    /// ```
    /// use lasku::fi::hetu::{Hetu, HetuOptions};
    /// let options = HetuOptions { allow_temporary: true };
    /// assert_eq!(Hetu::parse_with("020594X903P", options)?.birth_date().to_string(), "1994-05-02");
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn parse_with(input: &str, options: HetuOptions) -> Result<Self, HetuError> {
        let offset = input.chars().take_while(|c| c.is_whitespace()).count();
        let value = input.trim().to_ascii_uppercase();
        let chars: Vec<char> = value.chars().collect();
        if chars.len() != 11 {
            return Err(HetuError::Length { found: chars.len() });
        }
        let mut digits = [0u32; 11];
        for (index, (&c, slot)) in chars.iter().zip(digits.iter_mut()).enumerate() {
            let expected = match index {
                0..=5 => "a digit (birth date)",
                7..=9 => "a digit (individual number)",
                _ => continue,
            };
            *slot = c.to_digit(10).ok_or(HetuError::InvalidCharacter {
                position: offset + index + 1,
                found: c,
                expected,
            })?;
        }
        let sign = chars.get(6).copied().unwrap_or_default();
        let century = century(sign).ok_or(HetuError::CenturySign { found: sign })?;
        let number = |range: std::ops::Range<usize>| {
            digits.get(range).unwrap_or_default().iter().fold(0u32, |acc, d| acc * 10 + d)
        };
        let (day, month) = (number(0..2), number(2..4));
        let year = century + i32::try_from(number(4..6)).unwrap_or(0);
        let birth_date = NaiveDate::from_ymd_opt(year, month, day).ok_or(HetuError::Date { day, month, year })?;
        let individual = u16::try_from(number(7..10)).unwrap_or(0);
        if individual < 2 {
            return Err(HetuError::IndividualNumber { found: individual });
        }
        if individual >= 900 && !options.allow_temporary {
            return Err(HetuError::Temporary { found: individual });
        }
        let serial = number(0..6) * 1000 + u32::from(individual);
        let index = usize::try_from(serial % 31).unwrap_or(0);
        let expected = char::from(CHECK_CHARACTERS.get(index).copied().unwrap_or(b'0'));
        let found = chars.get(10).copied().unwrap_or_default();
        if found != expected {
            return Err(HetuError::CheckCharacter { expected, found });
        }
        Ok(Self { value, birth_date, individual })
    }

    /// The code, upper-case.
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert_eq!(Hetu::parse(" 131052+308t ")?.as_str(), "131052+308T");
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The date of birth (from the digits and the century sign).
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert_eq!(Hetu::parse("131052+308T")?.birth_date().to_string(), "1852-10-13");
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The century sign (seventh character).
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert_eq!(Hetu::parse("131052X308T")?.century_sign(), 'X');
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn century_sign(&self) -> char {
        self.value.chars().nth(6).unwrap_or_default()
    }

    /// The individual number (002–999).
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert_eq!(Hetu::parse("121212-121D")?.individual_number(), 121);
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn individual_number(&self) -> u16 {
        self.individual
    }

    /// Whether the individual number is a temporary one (900–999).
    ///
    /// ```
    /// # use lasku::fi::hetu::Hetu;
    /// assert!(!Hetu::parse("121212-121D")?.is_temporary());
    /// # Ok::<(), lasku::fi::hetu::HetuError>(())
    /// ```
    pub fn is_temporary(&self) -> bool {
        self.individual >= 900
    }
}

impl fmt::Debug for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hetu(<redacted>)")
    }
}

impl fmt::Display for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for Hetu {
    type Err = HetuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Validates a henkilötunnus; temporary numbers only when `allow_temporary` is set.
///
/// ```
/// assert!(lasku::fi::hetu::validate_hetu("131052-308T", false).is_ok());
/// assert!(lasku::fi::hetu::validate_hetu("131052-9993", false).is_err());
/// ```
pub fn validate_hetu(input: &str, allow_temporary: bool) -> Result<Hetu, HetuError> {
    Hetu::parse_with(input, HetuOptions { allow_temporary })
}
