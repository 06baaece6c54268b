//! The Finnish virtual bank barcode (virtuaaliviivakoodi, Finance Finland's bank barcode guide
//! 5.3): 54 digits, version 4 with a national reference, version 5 with an RF reference.
//!
//! | positions | v4 | v5 |
//! |---|---|---|
//! | 1 | `4` | `5` |
//! | 2–17 | IBAN digits without `FI` | same |
//! | 18–25 | euros (6) and cents (2) | same |
//! | 26–28 / 26–27 | `000` | RF check digits |
//! | 29–48 / 28–48 | reference, 20 digits | RF payload, 21 digits |
//! | 49–54 | due date `YYMMDD`, `000000` = none | same |
//!
//! ```
//! use chrono::NaiveDate;
//! use lasku::fi::barcode::{decode_barcode, encode_barcode};
//! use rust_decimal::Decimal;
//!
//! let due = NaiveDate::from_ymd_opt(2010, 6, 12);
//! let code = encode_barcode("FI79 4405 2020 0360 82", Decimal::new(488315, 2), "86851 62596 19897", due)?;
//! assert_eq!(code, "479440520200360820048831500000000868516259619897100612");
//!
//! let barcode = decode_barcode(&code)?;
//! assert_eq!(barcode.amount(), Decimal::new(488315, 2));
//! assert_eq!(barcode.reference().formatted(), "86851 62596 19897");
//! # Ok::<(), lasku::fi::barcode::BarcodeError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::common::show;
use super::iban::{Iban, IbanError};
use super::reference::{NationalReference, Reference, ReferenceError, RfReference};

/// Number of digits in a virtual barcode.
pub const BARCODE_LEN: usize = 54;

/// The largest amount a barcode can carry (999 999.99 €).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(99_999_999, 0, 0, false, 2);

/// Why a barcode cannot be built or read. Codes: see [`BarcodeError::code`].
///
/// ```
/// use lasku::fi::barcode::{encode_barcode, BarcodeError};
/// use rust_decimal::Decimal;
/// let err = encode_barcode("DE44500105175407324931", Decimal::ONE, "1232", None).unwrap_err();
/// assert_eq!(err, BarcodeError::NotFinnishIban { country: "DE".into() });
/// assert_eq!(err.code(), "barcode.iban_not_finnish");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BarcodeError {
    /// The IBAN is not valid (code from [`IbanError::code`]).
    #[error("invalid IBAN: {0}")]
    Iban(IbanError),
    /// The barcode carries Finnish IBANs only.
    #[error("the virtual barcode carries Finnish (FI) IBANs only, found {country}")]
    NotFinnishIban {
        /// The IBAN's country.
        country: String,
    },
    /// The reference is not valid (code from [`ReferenceError::code`]).
    #[error("invalid reference: {0}")]
    Reference(ReferenceError),
    /// The RF payload contains a letter; the barcode carries digits only.
    #[error("the RF reference {reference} contains the letter {letter}; a virtual barcode carries digits only")]
    RfLetters {
        /// The RF reference.
        reference: String,
        /// The first letter in its payload.
        letter: char,
    },
    /// A negative amount.
    #[error("amount {amount} is negative")]
    AmountNegative {
        /// The amount given.
        amount: Decimal,
    },
    /// More than 999 999.99 €.
    #[error("amount {amount} exceeds the barcode maximum 999999.99")]
    AmountTooLarge {
        /// The amount given.
        amount: Decimal,
    },
    /// Fractions of a cent.
    #[error("amount {amount} has fractions of a cent; the barcode carries whole cents")]
    AmountPrecision {
        /// The amount given.
        amount: Decimal,
    },
    /// A due date outside 2000–2099 cannot be written as `YYMMDD`.
    #[error("due date {date} cannot be written as YYMMDD (years 2000–2099 only)")]
    DueDateRange {
        /// The due date given.
        date: NaiveDate,
    },
    /// Not 54 characters.
    #[error("a virtual barcode has {BARCODE_LEN} digits, found {found} characters")]
    Length {
        /// Characters found (surrounding spaces not counted).
        found: usize,
    },
    /// A non-digit in the barcode.
    #[error("character {position} ({}) is not a digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the barcode.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// A version other than 4 or 5.
    #[error("barcode version {found} is not supported (only 4 and 5)")]
    Version {
        /// The first digit.
        found: char,
    },
    /// Version 4 positions 26–28 are not `000`.
    #[error("positions 26–28 of a version 4 barcode are reserved and must be 000, found {found}")]
    Reserved {
        /// The three digits found.
        found: String,
    },
    /// The reference field holds only zeros.
    #[error("the barcode holds no reference (all zeros)")]
    MissingReference,
    /// An amount written in a form [`parse_amount`] does not read.
    #[error("{found:?} is not an amount; write euros with an optional decimal point or comma, e.g. 4883.15")]
    AmountFormat {
        /// The text given.
        found: String,
    },
    /// A due date written in a form [`parse_due_date`] does not read.
    #[error("{found:?} is not a date; write YYYY-MM-DD or D.M.YYYY")]
    DueDateFormat {
        /// The text given.
        found: String,
    },
    /// The due date field is not a date.
    #[error("due date field {found} is not a date (YYMMDD) nor 000000")]
    DueDate {
        /// The six digits found.
        found: String,
    },
}

impl BarcodeError {
    /// Stable machine code: `barcode.*`, or the IBAN / reference code (`iban.checksum`,
    /// `reference.check_digit`, `rf.checksum`, …) when the IBAN or reference itself is invalid.
    ///
    /// ```
    /// use lasku::fi::barcode::encode_barcode;
    /// use rust_decimal::Decimal;
    /// let err = encode_barcode("FI2112345600000785", Decimal::new(1_000_000, 0), "1232", None).unwrap_err();
    /// assert_eq!(err.code(), "barcode.amount_too_large");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Iban(e) => e.code(),
            Self::NotFinnishIban { .. } => "barcode.iban_not_finnish",
            Self::Reference(e) => e.code(),
            Self::RfLetters { .. } => "barcode.rf_letters",
            Self::AmountNegative { .. } => "barcode.amount_negative",
            Self::AmountTooLarge { .. } => "barcode.amount_too_large",
            Self::AmountPrecision { .. } => "barcode.amount_precision",
            Self::DueDateRange { .. } => "barcode.due_date_range",
            Self::Length { .. } => "barcode.length",
            Self::InvalidCharacter { .. } => "barcode.character",
            Self::Version { .. } => "barcode.version",
            Self::Reserved { .. } => "barcode.reserved",
            Self::MissingReference => "barcode.reference_missing",
            Self::DueDate { .. } => "barcode.due_date",
            Self::AmountFormat { .. } => "barcode.amount_format",
            Self::DueDateFormat { .. } => "barcode.due_date_format",
        }
    }
}

/// The barcode version, decided by the kind of reference.
///
/// ```
/// use lasku::fi::barcode::BarcodeVersion;
/// assert_eq!(BarcodeVersion::V5.digit(), '5');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BarcodeVersion {
    /// Version 4: Finnish national reference.
    V4,
    /// Version 5: RF creditor reference.
    V5,
}

impl BarcodeVersion {
    /// The leading digit of the barcode (`'4'` or `'5'`).
    ///
    /// ```
    /// assert_eq!(lasku::fi::barcode::BarcodeVersion::V4.digit(), '4');
    /// ```
    pub fn digit(self) -> char {
        match self {
            Self::V4 => '4',
            Self::V5 => '5',
        }
    }
}

/// The content of a virtual barcode: a Finnish IBAN, an amount, a reference and an optional
/// due date. Built with [`new`](Self::new) (which checks that everything fits) or read with
/// [`decode`](Self::decode); [`fmt::Display`] prints the 54 digits.
///
/// ```
/// use lasku::fi::barcode::{BarcodeVersion, VirtualBarcode};
/// use lasku::fi::{iban::Iban, reference::Reference};
/// use rust_decimal::Decimal;
///
/// let barcode = VirtualBarcode::new(
///     Iban::parse("FI37 1590 3000 0007 76").map_err(|e| e.to_string())?,
///     Decimal::new(110, 2),
///     Reference::parse("RF9811112").map_err(|e| e.to_string())?,
///     chrono::NaiveDate::from_ymd_opt(2017, 1, 1),
/// ).map_err(|e| e.to_string())?;
/// assert_eq!(barcode.version(), BarcodeVersion::V5);
/// assert_eq!(barcode.to_string(), "537159030000007760000011098000000000000000011112170101");
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirtualBarcode {
    iban: Iban,
    amount: Decimal,
    reference: Reference,
    due_date: Option<NaiveDate>,
}

/// Checks an amount and returns it in cents.
fn amount_in_cents(amount: Decimal) -> Result<u64, BarcodeError> {
    if amount < Decimal::ZERO {
        return Err(BarcodeError::AmountNegative { amount });
    }
    if amount > MAX_AMOUNT {
        return Err(BarcodeError::AmountTooLarge { amount });
    }
    let cents = crate::money::mul(amount, Decimal::ONE_HUNDRED).ok_or(BarcodeError::AmountTooLarge { amount })?;
    // Compared with its whole part, not `fract()`: that is a subtraction with a panic for
    // overflow, a second copy of rust_decimal's subtraction in the WebAssembly module.
    if cents.trunc() != cents {
        return Err(BarcodeError::AmountPrecision { amount });
    }
    cents.to_u64().ok_or(BarcodeError::AmountTooLarge { amount })
}

impl VirtualBarcode {
    /// Checks that the parts fit in a barcode: a Finnish IBAN; 0.00–999 999.99 in whole cents
    /// (0 means "the payer fills in the amount"); an RF payload of digits only; a due date in
    /// 2000–2099.
    ///
    /// ```
    /// use lasku::fi::barcode::VirtualBarcode;
    /// use lasku::fi::{iban::Iban, reference::Reference};
    /// use rust_decimal::Decimal;
    /// let iban = Iban::parse("FI2112345600000785").map_err(|e| e.to_string())?;
    /// let rf = Reference::parse("RF18 5390 0754 70Y").map_err(|e| e.to_string())?;
    /// let err = VirtualBarcode::new(iban, Decimal::ONE, rf, None).unwrap_err();
    /// assert_eq!(err.code(), "barcode.rf_letters");
    /// # Ok::<(), String>(())
    /// ```
    pub fn new(
        iban: Iban,
        amount: Decimal,
        reference: Reference,
        due_date: Option<NaiveDate>,
    ) -> Result<Self, BarcodeError> {
        if !iban.is_finnish() {
            return Err(BarcodeError::NotFinnishIban { country: iban.country_code().to_owned() });
        }
        amount_in_cents(amount)?;
        if let Reference::Rf(rf) = &reference {
            if let Some(letter) = rf.payload().chars().find(|c| !c.is_ascii_digit()) {
                return Err(BarcodeError::RfLetters { reference: rf.to_string(), letter });
            }
        }
        if let Some(date) = due_date {
            if !(2000..=2099).contains(&date.year()) {
                return Err(BarcodeError::DueDateRange { date });
            }
        }
        Ok(Self { iban, amount, reference, due_date })
    }

    /// Reads a 54-digit virtual barcode (surrounding spaces ignored) and validates its IBAN and
    /// reference. Leading zeros of an RF payload cannot survive the zero-padded field, so
    /// `RF..0123` comes back as the (equally valid) `RF..123`.
    ///
    /// ```
    /// use lasku::fi::barcode::VirtualBarcode;
    /// let barcode = VirtualBarcode::decode("416800014000502670009358500000078777679656628687000000")?;
    /// assert_eq!(barcode.iban().formatted(), "FI16 8000 1400 0502 67");
    /// assert_eq!(barcode.due_date(), None);
    /// assert_eq!(VirtualBarcode::decode("3").unwrap_err().code(), "barcode.length");
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn decode(code: &str) -> Result<Self, BarcodeError> {
        let offset = code.chars().take_while(|c| c.is_whitespace()).count();
        let code = code.trim();
        let length = code.chars().count();
        if length != BARCODE_LEN {
            return Err(BarcodeError::Length { found: length });
        }
        if let Some((index, found)) = code.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(BarcodeError::InvalidCharacter { position: offset + index + 1, found });
        }
        // All 54 characters are ASCII digits from here on, so byte slicing is safe.
        let field = |from: usize, to: usize| code.get(from - 1..to).unwrap_or_default();
        let version = field(1, 1).chars().next().unwrap_or('0');
        if version != '4' && version != '5' {
            return Err(BarcodeError::Version { found: version });
        }
        let iban = Iban::parse(&format!("FI{}", field(2, 17))).map_err(BarcodeError::Iban)?;
        let cents: i64 = field(18, 25).parse().unwrap_or(0);
        let amount = Decimal::new(cents, 2);
        let reference = match version {
            '4' => {
                if field(26, 28) != "000" {
                    return Err(BarcodeError::Reserved { found: field(26, 28).to_owned() });
                }
                let digits = field(29, 48);
                if digits.bytes().all(|b| b == b'0') {
                    return Err(BarcodeError::MissingReference);
                }
                Reference::National(NationalReference::parse(digits).map_err(BarcodeError::Reference)?)
            }
            '5' => {
                let payload = field(28, 48).trim_start_matches('0');
                if payload.is_empty() {
                    return Err(BarcodeError::MissingReference);
                }
                let rf = format!("RF{}{payload}", field(26, 27));
                Reference::Rf(RfReference::parse(&rf).map_err(BarcodeError::Reference)?)
            }
            found => return Err(BarcodeError::Version { found }),
        };
        let due = field(49, 54);
        let due_date = if due == "000000" {
            None
        } else {
            let number = |from: usize| due.get(from..from + 2).and_then(|s| s.parse().ok());
            let date = match (number(0), number(2), number(4)) {
                (Some(yy), Some(mm), Some(dd)) => {
                    NaiveDate::from_ymd_opt(2000 + i32::try_from(yy).unwrap_or(0), mm, dd)
                }
                _ => None,
            };
            Some(date.ok_or_else(|| BarcodeError::DueDate { found: due.to_owned() })?)
        };
        Ok(Self { iban, amount, reference, due_date })
    }

    /// The barcode version (4 for a national reference, 5 for RF).
    ///
    /// ```
    /// # use lasku::fi::barcode::{BarcodeVersion, VirtualBarcode};
    /// let barcode = VirtualBarcode::decode("473313130010000580000000000000000000000000868624130809")?;
    /// assert_eq!(barcode.version(), BarcodeVersion::V4);
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn version(&self) -> BarcodeVersion {
        match self.reference {
            Reference::National(_) => BarcodeVersion::V4,
            Reference::Rf(_) => BarcodeVersion::V5,
        }
    }

    /// The payee's Finnish IBAN.
    ///
    /// ```
    /// # use lasku::fi::barcode::VirtualBarcode;
    /// let barcode = VirtualBarcode::decode("473313130010000580000000000000000000000000868624130809")?;
    /// assert_eq!(barcode.iban().as_str(), "FI7331313001000058");
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn iban(&self) -> &Iban {
        &self.iban
    }

    /// The amount in euros (0 = the payer fills it in).
    ///
    /// ```
    /// # use lasku::fi::barcode::VirtualBarcode;
    /// let barcode = VirtualBarcode::decode("473313130010000580000000000000000000000000868624130809")?;
    /// assert!(barcode.amount().is_zero());
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The payment reference.
    ///
    /// ```
    /// # use lasku::fi::barcode::VirtualBarcode;
    /// let barcode = VirtualBarcode::decode("473313130010000580000000000000000000000000868624130809")?;
    /// assert_eq!(barcode.reference().formatted(), "8 68624");
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn reference(&self) -> &Reference {
        &self.reference
    }

    /// The due date, if any.
    ///
    /// ```
    /// # use lasku::fi::barcode::VirtualBarcode;
    /// let barcode = VirtualBarcode::decode("473313130010000580000000000000000000000000868624130809")?;
    /// assert_eq!(barcode.due_date().map(|d| d.to_string()).as_deref(), Some("2013-08-09"));
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due_date
    }

    /// The 54 digits.
    ///
    /// ```
    /// # use lasku::fi::barcode::VirtualBarcode;
    /// let code = "492393900010033910000000200000000000000001357914991224";
    /// assert_eq!(VirtualBarcode::decode(code)?.encode(), code);
    /// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
    /// ```
    pub fn encode(&self) -> String {
        // `new` and `decode` guarantee the amount fits; 0 is never used for a valid barcode.
        let cents = amount_in_cents(self.amount).unwrap_or(0);
        let iban_digits = self.iban.as_str().get(2..).unwrap_or_default();
        let reference = match &self.reference {
            Reference::National(r) => format!("000{}", r.machine_format()),
            Reference::Rf(r) => format!("{}{:0>21}", r.check_digits(), r.payload()),
        };
        // YYMMDD written directly: chrono's `format` would bring its strftime machinery along.
        let due = self.due_date.map_or_else(
            || "000000".to_owned(),
            |d| format!("{:02}{:02}{:02}", d.year().rem_euclid(100), d.month(), d.day()),
        );
        format!("{}{iban_digits}{cents:08}{reference}{due}", self.version().digit())
    }
}

impl fmt::Display for VirtualBarcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl FromStr for VirtualBarcode {
    type Err = BarcodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::decode(s)
    }
}

/// Builds a virtual barcode from text: the IBAN and the reference are parsed (a reference
/// starting with `RF` gives version 5, otherwise version 4).
///
/// ```
/// use lasku::fi::barcode::encode_barcode;
/// use rust_decimal::Decimal;
/// let code = encode_barcode("FI37 1590 3000 0007 76", Decimal::new(1225, 2), "11112",
///     chrono::NaiveDate::from_ymd_opt(2016, 12, 21))?;
/// assert_eq!(code, "437159030000007760000122500000000000000000011112161221");
/// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
/// ```
pub fn encode_barcode(
    iban: &str,
    amount: Decimal,
    reference: &str,
    due_date: Option<NaiveDate>,
) -> Result<String, BarcodeError> {
    let iban = Iban::parse(iban).map_err(BarcodeError::Iban)?;
    if !iban.is_finnish() {
        return Err(BarcodeError::NotFinnishIban { country: iban.country_code().to_owned() });
    }
    let reference = Reference::parse(reference).map_err(BarcodeError::Reference)?;
    VirtualBarcode::new(iban, amount, reference, due_date).map(|b| b.encode())
}

/// Reads a virtual barcode; shorthand for [`VirtualBarcode::decode`].
///
/// ```
/// let barcode = lasku::fi::barcode::decode_barcode(
///     "592393900010033910000000295000000000000001357914991224")?;
/// assert_eq!(barcode.reference().as_str(), "RF951357914");
/// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
/// ```
pub fn decode_barcode(code: &str) -> Result<VirtualBarcode, BarcodeError> {
    VirtualBarcode::decode(code)
}

/// Reads an amount in euros as people write it: `4883.15`, `4 883,15`, `150000`. Spaces
/// (including no-break spaces) are ignored and one `.` or `,` may separate the cents.
/// Range and precision are checked later, by [`VirtualBarcode::new`].
///
/// ```
/// use lasku::fi::barcode::parse_amount;
/// assert_eq!(parse_amount("4 883,15")?.to_string(), "4883.15");
/// assert_eq!(parse_amount("12.3.4").unwrap_err().code(), "barcode.amount_format");
/// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, BarcodeError> {
    let error = || BarcodeError::AmountFormat { found: text.to_owned() };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let unsigned = compact.strip_prefix('-').unwrap_or(&compact);
    let mut parts = unsigned.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(whole) || fraction.is_some_and(|f| !digits_only(f)) {
        return Err(error());
    }
    crate::money::parse_decimal(&compact.replace(',', ".")).ok_or_else(error)
}

/// Reads a due date written `YYYY-MM-DD` or the Finnish way `D.M.YYYY`.
///
/// ```
/// use lasku::fi::barcode::parse_due_date;
/// assert_eq!(parse_due_date("12.6.2010")?.to_string(), "2010-06-12");
/// assert_eq!(parse_due_date("2010-06-12")?.to_string(), "2010-06-12");
/// assert_eq!(parse_due_date("31.2.2024").unwrap_err().code(), "barcode.due_date_format");
/// # Ok::<(), lasku::fi::barcode::BarcodeError>(())
/// ```
pub fn parse_due_date(text: &str) -> Result<NaiveDate, BarcodeError> {
    let trimmed = text.trim();
    let numbers: Vec<&str> = trimmed.split(['-', '.']).collect();
    let number = |i: usize| -> Option<u32> {
        let part = numbers.get(i)?;
        if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = match (numbers.len(), trimmed.contains('-')) {
        (3, true) => (number(0), number(1), number(2)),
        (3, false) => (number(2), number(1), number(0)),
        _ => (None, None, None),
    };
    year.zip(month)
        .zip(day)
        .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        .ok_or_else(|| BarcodeError::DueDateFormat { found: text.to_owned() })
}
