//! The one place where invoice amounts are computed and rounded.
//!
//! Rule: decimal arithmetic throughout; every stored amount is rounded to cents, half away from
//! zero ("commercial rounding", equal to XPath `round()` for positive amounts).
//!
//! - row net `Nto = round2(Qty × Price × (1 − DiscountPercent / 100) − Discount)`
//! - row VAT `Tax = round2(Nto × VatPercent / 100)`
//! - row total `Total = Nto + Tax + Round`
//! - header `NetAmount = Σ Nto`, `TaxAmount = Σ Tax`, `TotalAmount = NetAmount + TaxAmount + RoundAmount`
//!
//! Prices given VAT included are converted with `net unit price = gross / (1 + VatPercent/100)`
//! before the row rule, kept at full precision (not rounded) so the row comes out right.

use rust_decimal::{Decimal, RoundingStrategy};

/// One cent: the tolerance when checking amounts.
pub const CENT: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Rounds to cents, half away from zero.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(lasku::money::round_cents(Decimal::new(12345, 3)), Decimal::new(1235, 2)); // 12.345 → 12.35
/// assert_eq!(lasku::money::round_cents(Decimal::new(-12345, 3)), Decimal::new(-1235, 2));
/// ```
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Row net: `round2(qty × price × (1 − discount_percent/100) − discount)`.
pub fn row_net(qty: Decimal, price: Decimal, discount_percent: Decimal, discount: Decimal) -> Decimal {
    let gross = qty * price;
    let after_percent = gross - gross * discount_percent / HUNDRED;
    round_cents(after_percent - discount)
}

/// VAT of a net amount: `round2(net × vat_percent / 100)`.
pub fn vat(net: Decimal, vat_percent: Decimal) -> Decimal {
    round_cents(net * vat_percent / HUNDRED)
}

/// A VAT-inclusive unit price converted to the net unit price (unrounded).
pub fn net_unit_price(gross_unit_price: Decimal, vat_percent: Decimal) -> Decimal {
    let divisor = Decimal::ONE + vat_percent / HUNDRED;
    if divisor.is_zero() {
        gross_unit_price
    } else {
        gross_unit_price / divisor
    }
}

/// Whether two amounts agree within one cent.
pub fn within_cent(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= CENT
}
