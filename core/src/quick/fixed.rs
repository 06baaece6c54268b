//! Exact amounts for the quick path's rules: `m / 10^s` with an `i64` mantissa and a scale of
//! at most 28, the bounds within which `Decimal` arithmetic on the same values is exact too, so
//! that both compute the same values.
//!
//! Each operation gives the exact result or `None` when it would leave the bounds (then the
//! rules run on `Decimal`s instead). A `Decimal` holds a 96-bit mantissa; computing the same
//! value it never uses a larger scale than this type does (its products add scales, its sums
//! take the larger scale, `/ 100` adds at most 2 and rounding to cents leaves at most 2), so
//! its mantissas are never larger than these either, far below 2^96: it never has to round.
//! Being exact, neither depends on the order of a sum. `i64` keeps every step native in wasm32
//! (no 128-bit arithmetic, which is a library call there).

use std::cmp::Ordering;

const MAX_SCALE: u32 = 28;

/// Below this, a product of two mantissas (or of one and `10^9`) fits an `i64`: most amounts
/// take that way, which wasm32 computes without the call a checked multiplication costs.
const SMALL: u64 = 1 << 31;

/// An exact decimal amount within the bounds above.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fixed {
    m: i64,
    s: u32,
}

/// `10^n` for `n` up to 18.
fn pow10(n: u32) -> Option<i64> {
    const POW10: [i64; 19] = {
        let mut table = [1i64; 19];
        let mut i = 1;
        while i < 19 {
            table[i] = table[i - 1] * 10;
            i += 1;
        }
        table
    };
    POW10.get(n as usize).copied()
}

impl Fixed {
    pub const ZERO: Fixed = Fixed { m: 0, s: 0 };
    const HUNDRED: Fixed = Fixed { m: 100, s: 0 };

    #[inline(always)]
    fn new(m: i64, s: u32) -> Option<Fixed> {
        (s <= MAX_SCALE).then_some(Fixed { m, s })
    }

    /// The value of a number's `digits` (without its point), `scale` of them after the point,
    /// as `Decimal::from_str_exact` reads it (the same scale).
    pub fn from_digits(negative: bool, digits: u64, scale: u32) -> Option<Fixed> {
        let m = i64::try_from(digits).ok()?;
        Fixed::new(if negative { -m } else { m }, scale)
    }

    /// A JSON number as the lexer reads it for [`Fixed::from_digits`].
    #[cfg(test)]
    pub fn parse(text: &str) -> Option<Fixed> {
        let mut lx = super::lexer::Lexer::new(text);
        let (negative, digits, scale) = lx.decimal()?;
        lx.at_end().then_some(())?;
        Fixed::from_digits(negative, digits, scale)
    }

    /// The mantissa at scale `s` (not below this one's).
    #[inline(always)]
    fn at(self, s: u32) -> Option<i64> {
        match s.checked_sub(self.s)? {
            0 => Some(self.m),
            d if d <= 9 && self.m.unsigned_abs() < SMALL => Some(self.m * pow10(d)?),
            d => self.m.checked_mul(pow10(d)?),
        }
    }

    #[inline(always)]
    pub fn add(self, other: Fixed) -> Option<Fixed> {
        let s = self.s.max(other.s);
        Fixed::new(self.at(s)?.checked_add(other.at(s)?)?, s)
    }

    #[inline(always)]
    pub fn sub(self, other: Fixed) -> Option<Fixed> {
        let s = self.s.max(other.s);
        Fixed::new(self.at(s)?.checked_sub(other.at(s)?)?, s)
    }

    #[inline(always)]
    pub fn mul(self, other: Fixed) -> Option<Fixed> {
        let m = if self.m.unsigned_abs() < SMALL && other.m.unsigned_abs() < SMALL {
            self.m * other.m
        } else {
            self.m.checked_mul(other.m)?
        };
        Fixed::new(m, self.s + other.s)
    }

    /// `self / 100`.
    pub fn percent(self) -> Option<Fixed> {
        Fixed::new(self.m, self.s + 2)
    }

    /// Rounded to cents, half away from zero (`money::round_cents`).
    pub fn round_cents(self) -> Option<Fixed> {
        if self.s <= 2 {
            return Some(self);
        }
        let unit = pow10(self.s - 2)?;
        let (q, r) = (self.m / unit, self.m % unit);
        let away = r.unsigned_abs() >= unit.unsigned_abs() - r.unsigned_abs();
        Fixed::new(
            if !away {
                q
            } else if self.m < 0 {
                q - 1
            } else {
                q + 1
            },
            2,
        )
    }

    /// Whether it has no more than two decimals (`v.round_dp(2) == v`).
    pub fn cents_only(self) -> bool {
        self.s <= 2 || matches!(pow10(self.s - 2), Some(unit) if self.m % unit == 0)
    }

    /// Whether two amounts agree within one cent (`money::within_cent`).
    pub fn within_cent(self, other: Fixed) -> Option<bool> {
        let d = self.sub(other)?;
        let cent = Fixed { m: 1, s: 2 }.at(d.s.max(2))?;
        Some(d.at(d.s.max(2))?.unsigned_abs() <= cent.unsigned_abs())
    }

    /// Compares the values.
    #[inline(always)]
    pub fn cmp(self, other: Fixed) -> Option<Ordering> {
        let s = self.s.max(other.s);
        Some(self.at(s)?.cmp(&other.at(s)?))
    }

    /// Whether it is above 100.
    pub fn above_hundred(self) -> Option<bool> {
        Some(self.cmp(Fixed::HUNDRED)? == Ordering::Greater)
    }

    /// Row net: `round2(qty × price × (1 − discount_percent/100) − discount)`, computed as
    /// `money::row_net` computes it.
    pub fn row_net(qty: Fixed, price: Fixed, discount_percent: Fixed, discount: Fixed) -> Option<Fixed> {
        let gross = qty.mul(price)?;
        let after_percent = gross.sub(gross.mul(discount_percent)?.percent()?)?;
        after_percent.sub(discount)?.round_cents()
    }

    /// VAT of a net amount: `round2(net × vat_percent / 100)` (`money::vat`).
    pub fn vat(net: Fixed, vat_percent: Fixed) -> Option<Fixed> {
        net.mul(vat_percent)?.percent()?.round_cents()
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::money;

    fn dec(f: Fixed) -> Decimal {
        Decimal::new(f.m, f.s)
    }

    /// Amounts written in many ways: signs, trailing zeros, many decimals, big and tiny.
    fn texts() -> Vec<String> {
        let mut out: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.00",
            "1",
            "-1",
            "0.01",
            "-0.01",
            "0.005",
            "-0.005",
            "0.015",
            "0.025",
            "12.345",
            "-12.345",
            "12.3449999",
            "100",
            "100.00",
            "100.0001",
            "25.5",
            "24",
            "14",
            "10.00000000000",
            "0.1",
            "99.995",
            "-99.995",
            "1234567.89",
            "999999999999999999",
            "-999999999999999999",
            "0.000000000000000001",
            "9223372036854775807",
            "12345678901234567.8",
            "0.3333333333333333",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for e in 0..19 {
            out.push(format!("{}", 10u64.pow(e)));
            out.push(format!("{}.5", 10u64.pow(e) / 2));
            out.push(format!("0.{}5", "0".repeat(e as usize)));
        }
        out
    }

    #[test]
    fn parses_as_decimal_does() {
        for text in texts() {
            let exact = Decimal::from_str_exact(&text).unwrap();
            if let Some(f) = Fixed::parse(&text) {
                assert_eq!(dec(f), exact, "{text}");
                assert_eq!(f.s, exact.scale(), "{text}");
                assert_eq!(f.cents_only(), exact.round_dp(2) == exact, "{text}");
            } else {
                // Too many digits, or a negative zero (the full parse's to write).
                let negative_zero = text.starts_with('-') && exact.is_zero();
                assert!(text.trim_start_matches('-').replace('.', "").len() > 18 || negative_zero, "{text}");
            }
        }
        for bad in ["", "-", "1e3", "1.2.3", "+1", "12345678901234567890"] {
            assert!(Fixed::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn computes_what_decimal_computes_or_gives_up() {
        let values: Vec<Fixed> = texts().iter().filter_map(|t| Fixed::parse(t)).collect();
        let mut exact = 0;
        for &a in &values {
            for &b in &values {
                let (da, db) = (dec(a), dec(b));
                if let Some(r) = a.add(b) {
                    assert_eq!(dec(r), da + db, "{da} + {db}");
                }
                if let Some(r) = a.sub(b) {
                    assert_eq!(dec(r), da - db, "{da} - {db}");
                }
                if let Some(r) = a.within_cent(b) {
                    assert_eq!(r, money::within_cent(da, db), "{da} ~ {db}");
                }
                if let Some(r) = a.cmp(b) {
                    assert_eq!(r, da.cmp(&db), "{da} <> {db}");
                }
                if let Some(r) = Fixed::vat(a, b) {
                    assert_eq!(Some(dec(r)), money::vat(da, db), "vat {da} {db}");
                    exact += 1;
                }
                for &c in &values[..20] {
                    if let Some(r) = Fixed::row_net(a, b, c, a) {
                        assert_eq!(Some(dec(r)), money::row_net(da, db, dec(c), da), "row_net {da} {db} {c:?}");
                    }
                }
            }
            if let Some(r) = a.round_cents() {
                assert_eq!(dec(r), money::round_cents(dec(a)), "round {a:?}");
            }
            if let Some(r) = a.above_hundred() {
                assert_eq!(r, dec(a) > Decimal::ONE_HUNDRED);
            }
        }
        assert!(exact > values.len() * values.len() / 2, "only {exact} exact");
    }

    #[test]
    fn stays_in_bounds() {
        let big = Fixed::parse("999999999999999999").unwrap();
        assert!(big.mul(big).is_none(), "past i64");
        assert!(big.mul(Fixed::parse("9").unwrap()).is_some());
        assert!(big.add(big).unwrap().add(big).unwrap().add(big).unwrap().mul(Fixed::parse("3").unwrap()).is_none());
        let tiny = Fixed::parse("0.00000000000000001").unwrap();
        assert!(tiny.mul(tiny).is_none(), "scale 36");
        assert!(tiny.mul(Fixed::parse("0.0000000001").unwrap()).unwrap().percent().is_none(), "scale 30");
        assert!(Fixed::parse("1").unwrap().sub(tiny).is_some(), "10^17 at scale 17 fits");
        assert!(Fixed::parse("100").unwrap().sub(tiny).is_none(), "10^19 at scale 17 does not");
    }
}
