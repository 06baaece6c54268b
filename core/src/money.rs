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

/// Row net: `round2(qty × price × (1 − discount_percent/100) − discount)`; `None` when a step
/// goes beyond what a [`Decimal`] holds (about ±7.9 × 10^28).
pub fn row_net(qty: Decimal, price: Decimal, discount_percent: Decimal, discount: Decimal) -> Option<Decimal> {
    let gross = mul(qty, price)?;
    let after_percent = sub(gross, div(mul(gross, discount_percent)?, HUNDRED)?)?;
    Some(round_cents(sub(after_percent, discount)?))
}

/// VAT of a net amount: `round2(net × vat_percent / 100)`; `None` beyond a [`Decimal`].
pub fn vat(net: Decimal, vat_percent: Decimal) -> Option<Decimal> {
    Some(round_cents(div(mul(net, vat_percent)?, HUNDRED)?))
}

/// A VAT-inclusive unit price converted to the net unit price (unrounded); `None` beyond a
/// [`Decimal`].
pub fn net_unit_price(gross_unit_price: Decimal, vat_percent: Decimal) -> Option<Decimal> {
    let divisor = add(Decimal::ONE, div(vat_percent, HUNDRED)?)?;
    if divisor.is_zero() {
        Some(gross_unit_price)
    } else {
        div(gross_unit_price, divisor)
    }
}

/// The sum of amounts; `None` beyond a [`Decimal`].
pub fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, add)
}

// The four operations, checked, each compiled once: rust_decimal's checked forms are inlined
// into every caller, which made the WebAssembly module 8 KB larger.

/// `a + b`, or `None` beyond a [`Decimal`].
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a - b`, or `None` beyond a [`Decimal`]: `a + (-b)`, which rust_decimal computes with the
/// same steps as `a - b` (its subtraction is the addition with the second sign turned), so the
/// module carries one copy of them. Only a zero `b` is kept apart: `0 - 0` answers `b` itself,
/// not `b` negated.
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        return Some(if a.is_zero() { b } else { a });
    }
    add(a, -b)
}

/// `a × b`, or `None` beyond a [`Decimal`].
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a / b`, or `None` beyond a [`Decimal`] or for `b` zero.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// Reads a decimal number as JSON writes one (`12.50`, `-3`, `1.5e3`, `2E-2`; a leading `+`
/// and a bare `.5` or `5.` are taken too), exactly: a value a [`Decimal`] cannot hold as it is
/// written (more than 28 decimal places, or more digits than 96 bits hold, not counting zeros
/// that change nothing) is refused, never rounded. lasku reads every amount it is given with this.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(lasku::money::parse_decimal("12.50"), Some(Decimal::new(1250, 2)));
/// assert_eq!(lasku::money::parse_decimal("1.5e3"), Some(Decimal::new(1500, 0)));
/// assert_eq!(lasku::money::parse_decimal("25E-2"), Some(Decimal::new(25, 2)));
/// assert_eq!(lasku::money::parse_decimal("12,50"), None);
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        None => (text, 0),
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
    };
    if !plain_number(mantissa) {
        return None;
    }
    let plain = match Decimal::from_str_exact(mantissa) {
        Ok(plain) => plain,
        // Too many digits: exact only when the excess is trailing zeros of the fraction.
        Err(_) if mantissa.contains('.') => Decimal::from_str_exact(mantissa.trim_end_matches('0')).ok()?,
        Err(_) => return None,
    };
    // The value is mantissa × 10^(exponent - scale): move the exponent into the scale while it
    // can be one (0..=28, dropping trailing zeros of the mantissa to get there), and multiply
    // the rest in.
    let mut digits = plain.mantissa();
    let mut scale = i64::from(plain.scale()) - i64::from(exponent);
    while scale > 28 && digits % 10 == 0 {
        digits /= 10;
        scale -= 1;
    }
    match u32::try_from(scale) {
        Ok(scale) if scale <= 28 => Decimal::try_from_i128_with_scale(digits, scale).ok(),
        Ok(_) => None,
        Err(_) => {
            let factor = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
            Decimal::try_from_i128_with_scale(digits.checked_mul(factor)?, 0).ok()
        }
    }
}

/// Whether text is a plain decimal number: an optional sign, digits and at most one point.
fn plain_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    let points = body.bytes().filter(|&b| b == b'.').count();
    digits > 0 && points <= 1 && digits + points == body.len()
}

/// Whether two amounts agree within one cent.
pub fn within_cent(a: Decimal, b: Decimal) -> bool {
    sub(a, b).is_some_and(|d| d.abs() <= CENT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn subtraction_is_rust_decimals_to_the_bit() {
        let mut values: Vec<Decimal> =
            ["0", "-0", "1", "-1", "0.01", "-0.01", "12.50", "-12.5", "0.000", "-0.000", "1e-28"]
                .iter()
                .filter_map(|t| parse_decimal(t))
                .chain([Decimal::MAX, Decimal::MIN, -Decimal::ZERO, Decimal::new(1, 28), Decimal::new(-5, 28)])
                .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..400 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = i128::from(seed as i64) * i128::from((seed >> 40) as i16);
            values.push(Decimal::from_i128_with_scale(digits, (seed % 29) as u32));
        }
        for &a in &values {
            for &b in &values {
                let ours = sub(a, b);
                let theirs = a.checked_sub(b);
                assert_eq!(ours.map(|d| d.serialize()), theirs.map(|d| d.serialize()), "{a} - {b}");
            }
        }
    }

    #[test]
    fn decimals_read_exactly_as_rust_decimal_reads_them() {
        for text in [
            "0",
            "-0",
            "12.50",
            "-3",
            "0.000001",
            "79228162514264337593543950335",
            "1.5e3",
            "1.5E+3",
            "2e-2",
            "-7.25e1",
            "123.456e-3",
            "1e28",
            "5.06e-6",
            "1e-28",
            "0.1234567890123456789012345678",
        ] {
            let ours = parse_decimal(text);
            let theirs = Decimal::from_str_exact(text).or_else(|_| Decimal::from_scientific(text)).ok();
            assert_eq!(ours, theirs, "{text}");
            assert!(ours.is_some(), "{text}");
            assert_eq!(ours.map(|d| d.scale()), theirs.map(|d| d.scale()), "{text}");
        }
    }

    #[test]
    fn decimals_that_would_lose_digits_are_refused() {
        for text in [
            "1e-29",
            "1e29",
            "79228162514264337593543950336",
            "0.12345678901234567890123456789",
            "1.5e",
            "e3",
            "12,50",
            " 1",
            "1 ",
            "",
            "abc",
            "1e99999999999",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
        // What rust_decimal's own parser would have rounded.
        assert!(Decimal::from_str("0.12345678901234567890123456789").is_ok());
    }

    #[test]
    fn zeros_that_change_nothing_do_not_count() {
        let exact = |text: &str| parse_decimal(text).map(|d| d.normalize().to_string());
        assert_eq!(exact("10e-29").as_deref(), Some("0.0000000000000000000000000001"));
        assert_eq!(exact("0e-50").as_deref(), Some("0"));
        assert_eq!(exact("9.0000000000000000000000000000").as_deref(), Some("9"));
        assert_eq!(exact("0.12345678901234567890123456780").as_deref(), Some("0.1234567890123456789012345678"));
        assert_eq!(exact("+1").as_deref(), Some("1"));
        assert_eq!(exact(".5").as_deref(), Some("0.5"));
        assert_eq!(exact("5.").as_deref(), Some("5"));
        // Ordinary amounts keep their written scale.
        assert_eq!(parse_decimal("12.50").map(|d| d.to_string()).as_deref(), Some("12.50"));
    }
}
