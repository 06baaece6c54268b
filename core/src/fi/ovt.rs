//! OVT codes (EDI identifiers), e-invoice addresses (verkkolaskuosoite) and e-invoice
//! intermediators (välittäjätunnus).
//!
//! - OVT: `0037` + the eight Y-tunnus digits + an optional suffix of up to five letters or
//!   digits, 12–17 characters in all (`003723327487`).
//! - E-invoice address (Finvoice `ToIdentifier`): usually an OVT code, or an IBAN for consumer
//!   e-invoices. Anything starting with `0037` must be a valid OVT and anything shaped like an
//!   IBAN a valid IBAN; other operator-specific addresses are accepted as
//!   [`EInvoiceAddress::Other`] (4–35 letters or digits) so the caller can warn instead of block.
//! - Intermediator (`ToIntermediator`): a bank's BIC or an operator code of free form
//!   (`003723327487`, `E204503`, `INEXCHANGE`); the OVT format is not enforced on it.
//!
//! ```
//! use lasku::fi::ovt::{EInvoiceAddress, Intermediator, Ovt};
//!
//! let ovt = Ovt::parse("003723327487")?;
//! assert_eq!(ovt.ytunnus().to_string(), "2332748-7");
//! assert_eq!(Ovt::parse("003720774741").unwrap_err().code(), "ovt.ytunnus");
//!
//! assert!(matches!(EInvoiceAddress::parse("FI21 1234 5600 0007 85"), Ok(EInvoiceAddress::Iban(_))));
//! let op = Intermediator::parse("OKOYFIHH").map_err(|e| e.to_string())?;
//! assert_eq!(op.known_name(), Some("OP"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::bic::Bic;
use super::common::show;
use super::iban::{bban_structure, Iban, IbanError};
use super::ytunnus::{Ytunnus, YtunnusError};

/// The Finnish OVT prefix (ISO 6523 ICD 0037).
pub const OVT_PREFIX: &str = "0037";
/// Fewest characters of an OVT code (prefix + eight Y-tunnus digits).
pub const OVT_MIN_LEN: usize = 12;
/// Most characters of an OVT code (with a five-character suffix).
pub const OVT_MAX_LEN: usize = 17;

/// Why an OVT code is not valid. Codes: see [`OvtError::code`].
///
/// ```
/// use lasku::fi::ovt::{Ovt, OvtError};
/// assert_eq!(Ovt::parse("003720774740123456").unwrap_err(), OvtError::Length { found: 18 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OvtError {
    /// Not 12–17 characters (spaces not counted).
    #[error("an OVT code has {OVT_MIN_LEN} to {OVT_MAX_LEN} characters, found {found}")]
    Length {
        /// Characters found.
        found: usize,
    },
    /// Does not start with `0037`.
    #[error("an OVT code starts with 0037, found \"{found}\"")]
    Prefix {
        /// The first (up to) four characters.
        found: String,
    },
    /// A character not allowed at its place.
    #[error("character {position} ({}) should be {expected}", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
        /// What belongs there.
        expected: &'static str,
    },
    /// Characters 5–12 are not a valid Y-tunnus.
    #[error("the Y-tunnus part {ytunnus} is not valid: {reason}")]
    Ytunnus {
        /// The Y-tunnus part, written `NNNNNNN-C`.
        ytunnus: String,
        /// Why it is not valid.
        reason: YtunnusError,
    },
}

impl OvtError {
    /// Stable machine code: `ovt.length`, `ovt.prefix`, `ovt.character` or `ovt.ytunnus`.
    ///
    /// ```
    /// # use lasku::fi::ovt::Ovt;
    /// assert_eq!(Ovt::parse("003820774740").unwrap_err().code(), "ovt.prefix");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "ovt.length",
            Self::Prefix { .. } => "ovt.prefix",
            Self::InvalidCharacter { .. } => "ovt.character",
            Self::Ytunnus { .. } => "ovt.ytunnus",
        }
    }
}

/// The non-whitespace characters of `input`, case preserved, with 1-based positions.
fn compact(input: &str) -> Vec<(usize, char)> {
    input.chars().enumerate().filter(|(_, c)| !c.is_whitespace()).map(|(i, c)| (i + 1, c)).collect()
}

/// A valid OVT code. The suffix keeps its case.
///
/// ```
/// use lasku::fi::ovt::Ovt;
/// let ovt: Ovt = "0037 20774740 100".parse()?;
/// assert_eq!(ovt.as_str(), "003720774740100");
/// assert_eq!(ovt.suffix(), Some("100"));
/// # Ok::<(), lasku::fi::ovt::OvtError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ovt {
    value: String,
    ytunnus: Ytunnus,
}

impl Ovt {
    /// Validates an OVT code: `0037`, eight digits forming a valid Y-tunnus, then up to five
    /// letters or digits; spaces are ignored.
    ///
    /// ```
    /// use lasku::fi::ovt::Ovt;
    /// assert!(Ovt::parse("003723327487").is_ok());
    /// let err = Ovt::parse("003720774741").unwrap_err();
    /// assert_eq!(err.to_string(), "the Y-tunnus part 2077474-1 is not valid: check digit 1 should be 0");
    /// ```
    pub fn parse(input: &str) -> Result<Self, OvtError> {
        let chars = compact(input);
        let head: String = chars.iter().take(4).map(|&(_, c)| c).collect();
        if chars.is_empty() {
            return Err(OvtError::Length { found: 0 });
        }
        if head != OVT_PREFIX {
            return Err(OvtError::Prefix { found: head });
        }
        if !(OVT_MIN_LEN..=OVT_MAX_LEN).contains(&chars.len()) {
            return Err(OvtError::Length { found: chars.len() });
        }
        for (index, &(position, found)) in chars.iter().enumerate() {
            let (ok, expected) = if index < OVT_MIN_LEN {
                (found.is_ascii_digit(), "a digit (Y-tunnus part)")
            } else {
                (found.is_ascii_alphanumeric(), "a letter or digit (suffix)")
            };
            if !ok {
                return Err(OvtError::InvalidCharacter { position, found, expected });
            }
        }
        let value: String = chars.iter().map(|&(_, c)| c).collect();
        let digits = value.get(4..OVT_MIN_LEN).unwrap_or_default();
        let ytunnus = Ytunnus::from_checked_digits(digits).map_err(|reason| OvtError::Ytunnus {
            ytunnus: format!("{}-{}", digits.get(..7).unwrap_or_default(), digits.get(7..).unwrap_or_default()),
            reason,
        })?;
        Ok(Self { value, ytunnus })
    }

    /// Builds the OVT code of a business, with an optional suffix of up to five letters or
    /// digits (e.g. a department).
    ///
    /// ```
    /// use lasku::fi::{ovt::Ovt, ytunnus::Ytunnus};
    /// let id = Ytunnus::parse("2332748-7")?;
    /// assert_eq!(Ovt::from_ytunnus(&id, None)?.as_str(), "003723327487");
    /// assert_eq!(Ovt::from_ytunnus(&id, Some("01"))?.as_str(), "00372332748701");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_ytunnus(ytunnus: &Ytunnus, suffix: Option<&str>) -> Result<Self, OvtError> {
        Self::parse(&format!("{OVT_PREFIX}{}{}", ytunnus.compact(), suffix.unwrap_or_default()))
    }

    /// The compact code.
    ///
    /// ```
    /// # use lasku::fi::ovt::Ovt;
    /// assert_eq!(Ovt::parse("0037 2332 7487")?.as_str(), "003723327487");
    /// # Ok::<(), lasku::fi::ovt::OvtError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The Y-tunnus inside the code.
    ///
    /// ```
    /// # use lasku::fi::ovt::Ovt;
    /// assert_eq!(Ovt::parse("003721291126")?.ytunnus().to_string(), "2129112-6");
    /// # Ok::<(), lasku::fi::ovt::OvtError>(())
    /// ```
    pub fn ytunnus(&self) -> Ytunnus {
        self.ytunnus.clone()
    }

    /// The suffix after the Y-tunnus digits, if any.
    ///
    /// ```
    /// # use lasku::fi::ovt::Ovt;
    /// assert_eq!(Ovt::parse("003723327487")?.suffix(), None);
    /// # Ok::<(), lasku::fi::ovt::OvtError>(())
    /// ```
    pub fn suffix(&self) -> Option<&str> {
        self.value.get(OVT_MIN_LEN..).filter(|s| !s.is_empty())
    }
}

impl fmt::Display for Ovt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for Ovt {
    type Err = OvtError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Ovt {
    type Error = OvtError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Ovt> for String {
    fn from(value: Ovt) -> Self {
        value.value
    }
}

/// Validates an OVT code; shorthand for [`Ovt::parse`], for the invoice validator.
///
/// ```
/// assert!(lasku::fi::ovt::validate_ovt("003723327487").is_ok());
/// ```
pub fn validate_ovt(input: &str) -> Result<Ovt, OvtError> {
    Ovt::parse(input)
}

/// Fewest characters of a free-form e-invoice address or intermediator code.
pub const FREE_FORM_MIN_LEN: usize = 4;
/// Most characters of a free-form e-invoice address or intermediator code (Finvoice's 35).
pub const FREE_FORM_MAX_LEN: usize = 35;

/// Why an e-invoice address is not valid. Codes: see [`EInvoiceAddressError::code`].
///
/// ```
/// use lasku::fi::ovt::EInvoiceAddress;
/// assert_eq!(EInvoiceAddress::parse("003720774741").unwrap_err().code(), "ovt.ytunnus");
/// assert_eq!(EInvoiceAddress::parse("FI2112345600000786").unwrap_err().code(), "iban.checksum");
/// assert_eq!(EInvoiceAddress::parse("ab").unwrap_err().code(), "einvoice_address.length");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EInvoiceAddressError {
    /// Starts with `0037` but is not a valid OVT code.
    #[error("e-invoice address is not a valid OVT code: {0}")]
    Ovt(OvtError),
    /// Shaped like an IBAN but not a valid one.
    #[error("e-invoice address is not a valid IBAN: {0}")]
    Iban(IbanError),
    /// A free-form address of the wrong length.
    #[error("an e-invoice address has {FREE_FORM_MIN_LEN} to {FREE_FORM_MAX_LEN} characters, found {found}")]
    Length {
        /// Characters found (spaces not counted).
        found: usize,
    },
    /// A character other than a letter or digit in a free-form address.
    #[error("character {position} ({}) of the e-invoice address is not a letter or digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
}

impl EInvoiceAddressError {
    /// Stable machine code: the OVT or IBAN code (`ovt.*`, `iban.*`) when the address is one of
    /// those, otherwise `einvoice_address.length` or `einvoice_address.character`.
    ///
    /// ```
    /// # use lasku::fi::ovt::EInvoiceAddress;
    /// assert_eq!(EInvoiceAddress::parse("abc-def").unwrap_err().code(), "einvoice_address.character");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Ovt(e) => e.code(),
            Self::Iban(e) => e.code(),
            Self::Length { .. } => "einvoice_address.length",
            Self::InvalidCharacter { .. } => "einvoice_address.character",
        }
    }
}

/// Checks a free-form code: 4–35 letters or digits. Returns the compact code.
fn free_form(input: &str) -> Result<String, (Option<(usize, char)>, usize)> {
    let chars = compact(input);
    if let Some(&bad) = chars.iter().find(|(_, c)| !c.is_ascii_alphanumeric()) {
        return Err((Some(bad), chars.len()));
    }
    if !(FREE_FORM_MIN_LEN..=FREE_FORM_MAX_LEN).contains(&chars.len()) {
        return Err((None, chars.len()));
    }
    Ok(chars.iter().map(|&(_, c)| c).collect())
}

/// A recipient's e-invoice address (Finvoice `ToIdentifier`).
///
/// ```
/// use lasku::fi::ovt::EInvoiceAddress;
/// let address = EInvoiceAddress::parse("003723327487")?;
/// assert!(matches!(address, EInvoiceAddress::Ovt(_)));
/// assert_eq!(address.as_str(), "003723327487");
/// assert!(matches!(EInvoiceAddress::parse("885060259470028")?, EInvoiceAddress::Other(_)));
/// # Ok::<(), lasku::fi::ovt::EInvoiceAddressError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EInvoiceAddress {
    /// An OVT code (business recipients).
    Ovt(Ovt),
    /// An IBAN (consumer e-invoices).
    Iban(Iban),
    /// Another operator-specific address: 4–35 letters or digits. A validator may warn.
    Other(String),
}

impl EInvoiceAddress {
    /// Classifies and validates an e-invoice address (see the module documentation).
    ///
    /// ```
    /// use lasku::fi::ovt::EInvoiceAddress;
    /// assert!(EInvoiceAddress::parse("FI4950009420028730").is_ok());
    /// ```
    pub fn parse(input: &str) -> Result<Self, EInvoiceAddressError> {
        let chars = compact(input);
        let head: String = chars.iter().take(4).map(|&(_, c)| c).collect();
        if head == OVT_PREFIX {
            return Ovt::parse(input).map(Self::Ovt).map_err(EInvoiceAddressError::Ovt);
        }
        let looks_like_iban = head.len() == 4
            && head.chars().take(2).all(|c| c.is_ascii_alphabetic())
            && head.chars().skip(2).all(|c| c.is_ascii_digit())
            && bban_structure(head.get(..2).unwrap_or_default()).is_some();
        if looks_like_iban {
            return Iban::parse(input).map(Self::Iban).map_err(EInvoiceAddressError::Iban);
        }
        match free_form(input) {
            Ok(code) => Ok(Self::Other(code)),
            Err((Some((position, found)), _)) => Err(EInvoiceAddressError::InvalidCharacter { position, found }),
            Err((None, found)) => Err(EInvoiceAddressError::Length { found }),
        }
    }

    /// The address in compact form.
    ///
    /// ```
    /// # use lasku::fi::ovt::EInvoiceAddress;
    /// assert_eq!(EInvoiceAddress::parse("FI21 1234 5600 0007 85")?.as_str(), "FI2112345600000785");
    /// # Ok::<(), lasku::fi::ovt::EInvoiceAddressError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ovt(o) => o.as_str(),
            Self::Iban(i) => i.as_str(),
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for EInvoiceAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Validates an e-invoice address; shorthand for [`EInvoiceAddress::parse`].
///
/// ```
/// assert!(lasku::fi::ovt::validate_einvoice_address("003723327487").is_ok());
/// ```
pub fn validate_einvoice_address(input: &str) -> Result<EInvoiceAddress, EInvoiceAddressError> {
    EInvoiceAddress::parse(input)
}

/// Why an intermediator code is not valid. Codes: see [`IntermediatorError::code`].
///
/// ```
/// use lasku::fi::ovt::{Intermediator, IntermediatorError};
/// assert_eq!(Intermediator::parse("OP").unwrap_err(), IntermediatorError::Length { found: 2 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntermediatorError {
    /// Not 4–35 characters.
    #[error("an intermediator code has {FREE_FORM_MIN_LEN} to {FREE_FORM_MAX_LEN} characters, found {found}")]
    Length {
        /// Characters found (spaces not counted).
        found: usize,
    },
    /// A character other than a letter or digit.
    #[error("character {position} ({}) of the intermediator code is not a letter or digit", show(*found))]
    InvalidCharacter {
        /// 1-based position in the input as given.
        position: usize,
        /// The offending character.
        found: char,
    },
}

impl IntermediatorError {
    /// Stable machine code: `intermediator.length` or `intermediator.character`.
    ///
    /// ```
    /// # use lasku::fi::ovt::Intermediator;
    /// assert_eq!(Intermediator::parse("OKOY-FIHH").unwrap_err().code(), "intermediator.character");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length { .. } => "intermediator.length",
            Self::InvalidCharacter { .. } => "intermediator.character",
        }
    }
}

/// Intermediator codes seen in public operator lists, with their operator or bank.
/// TIEKE's list at verkkolaskuosoite.fi is the authority.
const KNOWN_INTERMEDIATORS: &[(&str, &str)] = &[
    ("HELSFIHH", "Aktia"),
    ("DABAFIHH", "Danske Bank"),
    ("DNBAFIHX", "DNB"),
    ("HANDFIHH", "Handelsbanken (historical)"),
    ("NDEAFIHH", "Nordea"),
    ("OKOYFIHH", "OP"),
    ("POPFFI22", "POP Bank"),
    ("SBANFIHH", "S-Bank"),
    ("ITELFIHH", "Säästöpankki / Oma Säästöpankki"),
    ("AABAFI22", "Ålandsbanken"),
    ("TAPIFI22", "LähiTapiola"),
    ("003723327487", "Apix"),
    ("BAWCFI22", "Basware"),
    ("003705925424", "Basware"),
    ("003703575029", "CGI / Telia"),
    ("003708599126", "Liaison"),
    ("003721291126", "Maventa"),
    ("003726044706", "Netbox"),
    ("E204503", "OpusCapita"),
    ("003723609900", "Pagero"),
    ("003710948874", "Posti"),
    ("003701150617", "PostNord Strålfors"),
    ("003714377140", "Ropo / Enfo"),
    ("003701011385", "Tieto"),
    ("885060259470028", "Tradeshift"),
    ("INEXCHANGE", "InExchange"),
    ("EXPSYS", "Expsys"),
    ("PALETTE", "Palette"),
];

/// An e-invoice intermediator code (Finvoice `ToIntermediator`): a bank BIC or an operator
/// code. Only the length (4–35) and the characters (letters, digits) are enforced.
///
/// ```
/// use lasku::fi::ovt::Intermediator;
/// let maventa = Intermediator::parse("003721291126")?;
/// assert_eq!(maventa.known_name(), Some("Maventa"));
/// assert!(!maventa.is_bic());
/// assert!(Intermediator::parse("NDEAFIHH")?.is_bic());
/// # Ok::<(), lasku::fi::ovt::IntermediatorError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Intermediator {
    /// A bank, identified by its BIC.
    Bic(Bic),
    /// An operator code (often an OVT code, sometimes free text such as `INEXCHANGE`).
    Operator(String),
}

impl Intermediator {
    /// Validates and classifies an intermediator code (spaces ignored).
    ///
    /// ```
    /// use lasku::fi::ovt::Intermediator;
    /// assert!(matches!(Intermediator::parse("E204503")?, Intermediator::Operator(_)));
    /// # Ok::<(), lasku::fi::ovt::IntermediatorError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, IntermediatorError> {
        let code = match free_form(input) {
            Ok(code) => code,
            Err((Some((position, found)), _)) => return Err(IntermediatorError::InvalidCharacter { position, found }),
            Err((None, found)) => return Err(IntermediatorError::Length { found }),
        };
        if code.len() == 8 || code.len() == 11 {
            if let Ok(bic) = Bic::parse(&code) {
                return Ok(Self::Bic(bic));
            }
        }
        Ok(Self::Operator(code))
    }

    /// The code in compact form.
    ///
    /// ```
    /// # use lasku::fi::ovt::Intermediator;
    /// assert_eq!(Intermediator::parse(" INEXCHANGE ")?.as_str(), "INEXCHANGE");
    /// # Ok::<(), lasku::fi::ovt::IntermediatorError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::Bic(b) => b.as_str(),
            Self::Operator(s) => s,
        }
    }

    /// Whether the code has the form of a BIC (a bank intermediator).
    ///
    /// ```
    /// # use lasku::fi::ovt::Intermediator;
    /// assert!(Intermediator::parse("AABAFI22")?.is_bic());
    /// # Ok::<(), lasku::fi::ovt::IntermediatorError>(())
    /// ```
    pub fn is_bic(&self) -> bool {
        matches!(self, Self::Bic(_))
    }

    /// The operator or bank name if the code is in the list of known intermediators.
    /// A validator may warn when this is `None` and the code is not a BIC.
    ///
    /// ```
    /// # use lasku::fi::ovt::Intermediator;
    /// assert_eq!(Intermediator::parse("003723327487")?.known_name(), Some("Apix"));
    /// assert_eq!(Intermediator::parse("ABCD1234")?.known_name(), None);
    /// # Ok::<(), lasku::fi::ovt::IntermediatorError>(())
    /// ```
    pub fn known_name(&self) -> Option<&'static str> {
        let code = self.as_str();
        KNOWN_INTERMEDIATORS.iter().find(|(known, _)| known.eq_ignore_ascii_case(code)).map(|&(_, name)| name)
    }
}

impl fmt::Display for Intermediator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Validates an intermediator code; shorthand for [`Intermediator::parse`].
///
/// ```
/// assert!(lasku::fi::ovt::validate_intermediator("OKOYFIHH").is_ok());
/// ```
pub fn validate_intermediator(input: &str) -> Result<Intermediator, IntermediatorError> {
    Intermediator::parse(input)
}
