//! Finnish VAT rates by date (2024 onwards as published by Vero).
//!
//! | supply date | general | reduced | lower reduced | zero |
//! |---|---|---|---|---|
//! | up to 2024-08-31 | 24 % | 14 % | 10 % | 0 % |
//! | 2024-09-01 – 2025-12-31 | 25.5 % | 14 % | 10 % | 0 % |
//! | from 2026-01-01 | 25.5 % | 13.5 % | 10 % | 0 % |
//!
//! The rate follows the **delivery or completion date**, not the invoice date, so pass the
//! supply date and treat a mismatch as a warning rather than a hard error. Rates before 2013
//! (23 / 13 / 9 %) are not modelled: earlier dates get the 24 / 14 / 10 % set.
//!
//! ```
//! use chrono::NaiveDate;
//! use lasku::fi::vat::{check_finnish_vat_rate, is_finnish_vat_rate};
//! use rust_decimal::Decimal;
//!
//! let date = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
//! assert!(is_finnish_vat_rate(Decimal::new(255, 1), date));
//! assert!(!is_finnish_vat_rate(Decimal::new(24, 0), date));
//! let err = check_finnish_vat_rate(Decimal::new(24, 0), date).unwrap_err();
//! assert_eq!(err.code(), "vat_rate.not_in_force");
//! assert_eq!(
//!     err.to_string(),
//!     "24 % was not a Finnish VAT rate on 2025-03-01 (it applied until 2024-08-31); \
//!      rates on that date: 25.5 %, 14 %, 10 %, 0 %"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Which of the Finnish rates a period belongs to.
///
/// ```
/// use lasku::fi::vat::VatRateCategory;
/// assert_ne!(VatRateCategory::General, VatRateCategory::Reduced);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VatRateCategory {
    /// The general rate (24 %, then 25.5 %).
    General,
    /// The reduced rate for food, restaurants, medicines, transport, etc. (14 %, then 13.5 %).
    Reduced,
    /// The lower reduced rate (10 %): from 2025 newspapers, periodicals and, in 2025, public
    /// broadcasting.
    LowerReduced,
    /// Zero-rated or exempt supplies (0 %).
    Zero,
}

/// One Finnish VAT rate and the supply dates it applies to (both ends inclusive).
///
/// ```
/// use lasku::fi::vat::vat_rate_periods;
/// assert!(vat_rate_periods().iter().any(|p| p.rate.to_string() == "13.5"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VatRatePeriod {
    /// The rate in percent.
    pub rate: Decimal,
    /// First supply date of the rate; `None` = no start within the modelled range.
    pub valid_from: Option<NaiveDate>,
    /// Last supply date of the rate; `None` = still in force.
    pub valid_until: Option<NaiveDate>,
    /// The rate's category.
    pub category: VatRateCategory,
}

impl VatRatePeriod {
    /// Whether the rate applies on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lasku::fi::vat::vat_rate_periods;
    /// let date = NaiveDate::from_ymd_opt(2024, 9, 1).ok_or("date")?;
    /// assert_eq!(vat_rate_periods().iter().filter(|p| p.applies_on(date)).count(), 4);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| date >= from) && self.valid_until.is_none_or(|until| date <= until)
    }
}

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

const fn percent(tenths: u32) -> Decimal {
    if tenths % 10 == 0 {
        Decimal::from_parts(tenths / 10, 0, 0, false, 0)
    } else {
        Decimal::from_parts(tenths, 0, 0, false, 1)
    }
}

/// The 25.5 % general rate took effect on 1 September 2024.
pub const GENERAL_25_5_FROM: NaiveDate = ymd(2024, 9, 1);
/// The 13.5 % reduced rate replaced 14 % on 1 January 2026.
pub const REDUCED_13_5_FROM: NaiveDate = ymd(2026, 1, 1);

const PERIODS: &[VatRatePeriod] = &[
    VatRatePeriod {
        rate: percent(240),
        valid_from: None,
        valid_until: Some(ymd(2024, 8, 31)),
        category: VatRateCategory::General,
    },
    VatRatePeriod {
        rate: percent(255),
        valid_from: Some(GENERAL_25_5_FROM),
        valid_until: None,
        category: VatRateCategory::General,
    },
    VatRatePeriod {
        rate: percent(140),
        valid_from: None,
        valid_until: Some(ymd(2025, 12, 31)),
        category: VatRateCategory::Reduced,
    },
    VatRatePeriod {
        rate: percent(135),
        valid_from: Some(REDUCED_13_5_FROM),
        valid_until: None,
        category: VatRateCategory::Reduced,
    },
    VatRatePeriod { rate: percent(100), valid_from: None, valid_until: None, category: VatRateCategory::LowerReduced },
    VatRatePeriod { rate: percent(0), valid_from: None, valid_until: None, category: VatRateCategory::Zero },
];

/// Every modelled rate period.
///
/// ```
/// assert_eq!(lasku::fi::vat::vat_rate_periods().len(), 6);
/// ```
pub fn vat_rate_periods() -> &'static [VatRatePeriod] {
    PERIODS
}

/// The Finnish VAT rates in force on a supply date, general first, 0 % last.
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::finnish_vat_rates;
/// let date = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
/// let rates: Vec<String> = finnish_vat_rates(date).iter().map(|r| r.to_string()).collect();
/// assert_eq!(rates, ["25.5", "13.5", "10", "0"]);
/// # Ok::<(), &str>(())
/// ```
pub fn finnish_vat_rates(date: NaiveDate) -> Vec<Decimal> {
    PERIODS.iter().filter(|p| p.applies_on(date)).map(|p| p.rate).collect()
}

fn rate_in(date: NaiveDate, category: VatRateCategory) -> Decimal {
    PERIODS.iter().find(|p| p.category == category && p.applies_on(date)).map_or(Decimal::ZERO, |p| p.rate)
}

/// The general VAT rate on a supply date (24 % until 2024-08-31, then 25.5 %).
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::general_vat_rate;
/// let date = NaiveDate::from_ymd_opt(2024, 8, 31).ok_or("date")?;
/// assert_eq!(general_vat_rate(date).to_string(), "24");
/// # Ok::<(), &str>(())
/// ```
pub fn general_vat_rate(date: NaiveDate) -> Decimal {
    rate_in(date, VatRateCategory::General)
}

/// The reduced VAT rate on a supply date (14 % until 2025-12-31, then 13.5 %).
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::reduced_vat_rate;
/// let date = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
/// assert_eq!(reduced_vat_rate(date).to_string(), "13.5");
/// # Ok::<(), &str>(())
/// ```
pub fn reduced_vat_rate(date: NaiveDate) -> Decimal {
    rate_in(date, VatRateCategory::Reduced)
}

/// The lower reduced VAT rate (10 %).
///
/// ```
/// use chrono::NaiveDate;
/// let date = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
/// assert_eq!(lasku::fi::vat::lower_reduced_vat_rate(date).to_string(), "10");
/// # Ok::<(), &str>(())
/// ```
pub fn lower_reduced_vat_rate(date: NaiveDate) -> Decimal {
    rate_in(date, VatRateCategory::LowerReduced)
}

/// Whether `percent` (e.g. `25.5`, `24.00`, `0`) was a Finnish VAT rate on the supply date.
/// The scale does not matter: `24.00` equals `24`.
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::is_finnish_vat_rate;
/// use rust_decimal::Decimal;
/// let date = NaiveDate::from_ymd_opt(2024, 8, 31).ok_or("date")?;
/// assert!(is_finnish_vat_rate(Decimal::new(2400, 2), date));
/// assert!(!is_finnish_vat_rate(Decimal::new(255, 1), date));
/// # Ok::<(), &str>(())
/// ```
pub fn is_finnish_vat_rate(percent: Decimal, date: NaiveDate) -> bool {
    PERIODS.iter().any(|p| p.rate == percent && p.applies_on(date))
}

/// Why a VAT rate does not fit a supply date. Codes: see [`VatRateError::code`].
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::{check_finnish_vat_rate, VatRateError};
/// use rust_decimal::Decimal;
/// let date = NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?;
/// let err = check_finnish_vat_rate(Decimal::new(17, 0), date).unwrap_err();
/// assert!(matches!(err, VatRateError::Unknown { .. }));
/// assert_eq!(err.to_string(), "17 % is not a Finnish VAT rate (rates on 2025-01-01: 25.5 %, 14 %, 10 %, 0 %)");
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VatRateError {
    /// A Finnish rate, but not on this date.
    #[error(
        "{} % was not a Finnish VAT rate on {date} ({}); rates on that date: {}",
        rate.normalize(),
        period_text(*valid_from, *valid_until),
        rates_text(*date)
    )]
    NotInForce {
        /// The rate given.
        rate: Decimal,
        /// The supply date given.
        date: NaiveDate,
        /// First date the rate applied, if it starts later.
        valid_from: Option<NaiveDate>,
        /// Last date the rate applied, if it ended earlier.
        valid_until: Option<NaiveDate>,
    },
    /// Never a Finnish rate in the modelled range.
    #[error("{} % is not a Finnish VAT rate (rates on {date}: {})", rate.normalize(), rates_text(*date))]
    Unknown {
        /// The rate given.
        rate: Decimal,
        /// The supply date given.
        date: NaiveDate,
    },
}

impl VatRateError {
    /// Stable machine code: `vat_rate.not_in_force` or `vat_rate.unknown`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lasku::fi::vat::check_finnish_vat_rate;
    /// use rust_decimal::Decimal;
    /// let date = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    /// let err = check_finnish_vat_rate(Decimal::new(14, 0), date).unwrap_err();
    /// assert_eq!(err.code(), "vat_rate.not_in_force");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotInForce { .. } => "vat_rate.not_in_force",
            Self::Unknown { .. } => "vat_rate.unknown",
        }
    }
}

fn period_text(from: Option<NaiveDate>, until: Option<NaiveDate>) -> String {
    match (from, until) {
        (Some(from), Some(until)) => format!("it applied from {from} to {until}"),
        (Some(from), None) => format!("it applies from {from}"),
        (None, Some(until)) => format!("it applied until {until}"),
        (None, None) => "it always applies".to_owned(),
    }
}

fn rates_text(date: NaiveDate) -> String {
    let mut out = String::new();
    for (i, rate) in finnish_vat_rates(date).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{} %", rate.normalize());
    }
    out
}

/// Checks that `percent` was a Finnish VAT rate on the supply date, explaining when not.
///
/// ```
/// use chrono::NaiveDate;
/// use lasku::fi::vat::check_finnish_vat_rate;
/// use rust_decimal::Decimal;
/// let date = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
/// assert!(check_finnish_vat_rate(Decimal::new(14, 0), date).is_ok());
/// let err = check_finnish_vat_rate(Decimal::new(135, 1), date).unwrap_err();
/// assert!(err.to_string().contains("it applies from 2026-01-01"));
/// # Ok::<(), &str>(())
/// ```
pub fn check_finnish_vat_rate(percent: Decimal, date: NaiveDate) -> Result<(), VatRateError> {
    if is_finnish_vat_rate(percent, date) {
        return Ok(());
    }
    match PERIODS.iter().find(|p| p.rate == percent) {
        Some(period) => Err(VatRateError::NotInForce {
            rate: percent,
            date,
            valid_from: period.valid_from,
            valid_until: period.valid_until,
        }),
        None => Err(VatRateError::Unknown { rate: percent, date }),
    }
}
