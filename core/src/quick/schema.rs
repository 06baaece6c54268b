//! Checking JSON text against a model's wire schema ([`WireTypeRef`]) without building the model.
//!
//! Each check accepts a subset of what the model's own deserializer accepts (so a value it
//! passes parses the same way) and gives up (`None`) on the rest: money with an exponent (or a
//! string holding anything but a plain number; a plain one's quotes are recorded, for the body
//! to leave out), integers that are negative or past `u32`, `null` inside a list, escaped
//! member names, a known member named twice.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::lexer::{Key, Lexer, Next, Number, Str, UNKNOWN};
use crate::fx::FxHashMap;
use crate::model::{FieldInfo, Identifier, WireTypeRef};

/// A member (not a list element): `null` is allowed and means "absent".
#[inline(always)]
pub fn member(lx: &mut Lexer<'_>, ty: WireTypeRef) -> Option<()> {
    match lx.peek()? {
        Next::Null => lx.literal(Next::Null),
        next => value_of(lx, ty, next),
    }
}

/// A value of the given type (not `null`).
pub fn value(lx: &mut Lexer<'_>, ty: WireTypeRef) -> Option<()> {
    let next = lx.peek()?;
    value_of(lx, ty, next)
}

/// [`value`], `next` being what comes.
#[inline(always)]
fn value_of(lx: &mut Lexer<'_>, ty: WireTypeRef, next: Next) -> Option<()> {
    match (ty, next) {
        (WireTypeRef::String | WireTypeRef::Code(..), Next::String) => lx.string().map(drop),
        (WireTypeRef::Money, Next::Number | Next::String) => money(lx.amount()?).map(drop),
        (WireTypeRef::Integer, Next::Number) => integer(lx.number()?),
        (WireTypeRef::Bool, Next::True | Next::False) => lx.literal(next),
        (WireTypeRef::Date, Next::String) => day(lx.string()?).map(drop),
        (WireTypeRef::DateTime, Next::String) => crate::model::parse_timestamp(lx.string()?.plain()?).map(drop),
        (WireTypeRef::Identifier, Next::String | Next::Number) => identifier(lx).map(drop),
        (WireTypeRef::Json, _) => lx.skip(),
        (WireTypeRef::List(inner), Next::Array) => {
            let inner = inner();
            lx.begin_array()?;
            let mut first = true;
            while lx.next_element(first)? {
                first = false;
                value(lx, inner)?;
            }
            Some(())
        }
        (WireTypeRef::Model(_, fields), Next::Object) => model(lx, fields),
        _ => None,
    }
}

/// An object of a model's members; unknown members may hold anything.
fn model(lx: &mut Lexer<'_>, fields: &'static [FieldInfo]) -> Option<()> {
    lx.begin_object()?;
    let mut seen = Seen::default();
    let mut first = true;
    while let Some(key) = lx.next_key(first)? {
        first = false;
        let name = key.plain()?;
        match fields.iter().position(|f| f.wire == name) {
            Some(i) => {
                seen.mark(i)?;
                member(lx, (fields.get(i)?.ty)())?;
            }
            None => lx.skip()?,
        }
    }
    Some(())
}

/// Known members already read in one object (a second one with the same name gives up). Two
/// words, not a `u128`, whose shifts are calls on wasm32.
#[derive(Default)]
pub struct Seen([u64; 2]);

impl Seen {
    /// Marks member `index` (below 128); `None` when it was read before.
    #[inline(always)]
    pub fn mark(&mut self, index: usize) -> Option<()> {
        let word = self.0.get_mut(index / 64)?;
        let bit = 1u64 << (index % 64);
        if *word & bit != 0 {
            return None;
        }
        *word |= bit;
        Some(())
    }
}

/// A decimal amount: a plain JSON number that fits a `Decimal` exactly.
/// A negative zero (`-0`, `-0.00`) is left to the full parse, which writes it without its sign.
pub fn money(number: Number<'_>) -> Option<Decimal> {
    if number.exponent {
        return None;
    }
    Decimal::from_str_exact(number.text).ok().filter(|d| !(number.negative && d.is_zero()))
}

/// A whole number every integer member type takes (`i64`, `u32`, `u64`): 0 to `u32::MAX`.
fn integer(number: Number<'_>) -> Option<()> {
    if !number.integer || number.negative || number.text.len() > 10 {
        return None;
    }
    number.text.parse::<u32>().ok().map(drop)
}

/// A calendar date written exactly `YYYY-MM-DD`.
pub fn date(s: Str<'_>) -> Option<NaiveDate> {
    let day = day(s)?;
    NaiveDate::from_ymd_opt(i32::try_from(day >> 9).ok()?, (day >> 5) & 15, day & 31)
}

/// A calendar date written exactly `YYYY-MM-DD` (proleptic Gregorian, as `NaiveDate` takes
/// it), as `year << 9 | month << 5 | day`: numbers in the dates' order.
pub fn day(s: Str<'_>) -> Option<u32> {
    let b = s.plain()?.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 => 28 + u32::from(leap),
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(year << 9 | month << 5 | day)
}

/// An identifier: a string, or a whole non-negative number (kept as its digits).
pub fn identifier(lx: &mut Lexer<'_>) -> Option<Identifier> {
    match lx.peek()? {
        Next::String => Some(Identifier::from(text(lx.string()?)?)),
        Next::Number => {
            let n = lx.number()?;
            (n.integer && !n.negative).then(|| Identifier::from_digits(n.text))
        }
        _ => None,
    }
}

/// The value of a string, escapes undone (the lexer has already refused surrogate escapes).
pub fn text(s: Str<'_>) -> Option<String> {
    if !s.escaped {
        return Some(s.raw.to_owned());
    }
    let mut out = String::with_capacity(s.raw.len());
    let mut chars = s.raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            other @ ('"' | '\\' | '/') => other,
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                super::lexer::hex_escape(hex.as_bytes())?
            }
            _ => return None,
        });
    }
    Some(out)
}

/// A member-name index for one model: name → (declaration index, what to do with it).
pub struct Members<K: Copy> {
    /// How the members are found and checked, the same for every kind of capture.
    index: Index,
    /// The caller's captures, by the number [`Index`] gives them.
    kinds: Vec<K>,
}

/// [`Members`] without the caller's capture type: its reader is compiled once, not once per
/// kind of object (wasm size).
struct Index {
    map: FxHashMap<&'static str, usize>,
    /// By declaration index: the number of the caller's capture, or the wire type the member is
    /// checked against.
    captures: Vec<Result<u8, WireTypeRef>>,
    /// Names the model's shape in the lexer ([`Lexer::shape`]).
    kind: usize,
}

impl<K: Copy> Members<K> {
    /// Indexes `fields`, with `captured` naming the members the caller reads itself (at most 256).
    pub fn new(fields: &'static [FieldInfo], captured: &[(&'static str, K)]) -> Self {
        let mut map = FxHashMap::default();
        let mut captures = Vec::with_capacity(fields.len());
        for (i, f) in fields.iter().enumerate() {
            let number = captured.iter().position(|(name, _)| *name == f.wire).and_then(|at| u8::try_from(at).ok());
            captures.push(number.ok_or_else(f.ty));
            map.insert(f.wire, i);
        }
        let kinds = captured.iter().map(|(_, kind)| *kind).collect();
        Members { index: Index { map, captures, kind: fields.as_ptr() as usize }, kinds }
    }

    /// The member of that name, if the model knows it.
    #[cfg(test)]
    pub fn get(&self, name: &str) -> Option<(usize, Option<K>)> {
        let i = *self.index.map.get(name)?;
        let capture = self.index.captures.get(i)?.ok().and_then(|at| self.kinds.get(usize::from(at)).copied());
        Some((i, capture))
    }

    /// Reads the members of one object: `captured` reads each captured member, the other
    /// known members are checked against their wire types and unknown members are skipped
    /// (they travel as written). A known member named twice, or any escaped name, gives up.
    /// Names are recognised through the lexer's shape for this model when they come in the
    /// order they came before, else looked up.
    pub fn read<'a>(
        &self,
        lx: &mut Lexer<'a>,
        captured: &mut dyn FnMut(&mut Lexer<'a>, K) -> Option<()>,
    ) -> Option<()> {
        self.index.read(lx, &mut |lx, at| captured(lx, *self.kinds.get(usize::from(at))?))
    }
}

impl Index {
    /// [`Members::read`], the capture given by its number.
    fn read<'a>(&self, lx: &mut Lexer<'a>, captured: &mut dyn FnMut(&mut Lexer<'a>, u8) -> Option<()>) -> Option<()> {
        lx.begin_object()?;
        let shape = lx.shape(self.kind);
        let mut seen = Seen::default();
        let mut first = true;
        let mut prev = 0;
        loop {
            let guess = lx.guess(shape, prev);
            let tag = match lx.next_key_guess(first, guess.map_or(b"", |g| g.pattern))? {
                Key::End => return Some(()),
                Key::Guessed => {
                    let guess = guess?;
                    prev = guess.entry;
                    guess.tag
                }
                Key::Other { key, pattern } => {
                    let tag = self.map.get(key.plain()?).map_or(UNKNOWN, |&i| i as u32);
                    prev = lx.learn(shape, prev, pattern, tag);
                    tag
                }
            };
            first = false;
            if tag == UNKNOWN {
                lx.skip()?;
                continue;
            }
            let i = tag as usize;
            seen.mark(i)?;
            match *self.captures.get(i)? {
                Ok(capture) => captured(lx, capture)?,
                Err(ty) => member(lx, ty)?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cashin::SalesInvoice;
    use crate::model::WireType;

    fn passes(ty: WireTypeRef, json: &str) -> bool {
        let mut lx = Lexer::new(json);
        member(&mut lx, ty).is_some() && lx.at_end()
    }

    #[test]
    fn accepts_what_the_models_accept() {
        let invoice = SalesInvoice::wire_type();
        assert!(passes(invoice, r#"{"InvoiceNumber": 1, "TotalAmount": 12.50, "Unknown": {"x": [1]}}"#));
        assert!(passes(invoice, r#"{"InvoiceDate": "2024-02-29", "InvoiceRows": [{"Qty": 1}], "SellerInfo": null}"#));
        assert!(passes(invoice, r#"{"OrderDate": "2024-02-29T10:00:00Z", "PaymentTermsCode": 14}"#));
        // A plain number written as a string, its quotes recorded for the body to leave out.
        let text = r#"{"TotalAmount": "12.50", "InvoiceRows": [{"Qty": "-2", "Price": 3}]}"#;
        let mut lx = Lexer::new(text);
        assert!(member(&mut lx, invoice).is_some() && lx.at_end());
        assert_eq!(lx.quoted(), [text.find("\"12.50").unwrap(), text.find("\"-2").unwrap()]);
        for (json, why) in [
            (r#"{"TotalAmount": " 12.50"}"#, "a string with more than a number is the full parser's call"),
            (r#"{"TotalAmount": "12.50 "}"#, "trailing space"),
            (r#"{"TotalAmount": "1e3"}"#, "exponent in a string"),
            (r#"{"TotalAmount": "012"}"#, "not a JSON number"),
            (r#"{"TotalAmount": "12\u002e5"}"#, "an escape"),
            (r#"{"TotalAmount": ""}"#, "empty"),
            (r#"{"TotalAmount": 1e3}"#, "exponent"),
            (r#"{"InvoiceDate": "2023-02-29"}"#, "not a date"),
            (r#"{"InvoiceDate": "2024-2-1"}"#, "not YYYY-MM-DD"),
            (r#"{"InvoiceRows": [null]}"#, "null in a list"),
            (r#"{"InvoiceNumber": -1}"#, "negative identifier"),
            (r#"{"InvoiceNumber": 1.5}"#, "fractional identifier"),
            (r#"{"PaymentTermsCode": -1}"#, "negative integer"),
            (r#"{"SalesName": 5}"#, "number for a string"),
            (r#"{"TotalAmount": 1, "TotalAmount": 2}"#, "named twice"),
            (r#"{"Total\u0041mount": 1}"#, "escaped name"),
        ] {
            assert!(!passes(invoice, json), "{why}: {json}");
            // Each of these either fails the full parse or parses to something the quick path
            // does not vouch for; none may pass quietly.
        }
    }

    #[test]
    fn days_are_the_dates_chrono_takes() {
        let mut last = 0;
        for year in (0..10000).filter(|y| y % 97 == 0 || y % 100 == 0 || (1999..2030).contains(y)) {
            for month in 0..=13 {
                for d in 0..=32 {
                    let text = format!("\"{year:04}-{month:02}-{d:02}\"");
                    let s = Lexer::new(&text).string().unwrap();
                    let chrono = NaiveDate::from_ymd_opt(year, month, d);
                    assert_eq!(day(s).is_some(), chrono.is_some(), "{text}");
                    assert_eq!(date(s), chrono, "{text}");
                    if let Some(n) = day(s) {
                        assert!(n > last, "{text}");
                        last = n;
                    }
                }
            }
        }
    }

    #[test]
    fn dates_and_text() {
        let d = |s: &str| date(Lexer::new(s).string().unwrap());
        assert_eq!(d(r#""2024-12-31""#), NaiveDate::from_ymd_opt(2024, 12, 31));
        assert_eq!(d(r#""2024-13-01""#), None);
        assert_eq!(d(r#""2024-01-0x""#), None);
        let t = text(Lexer::new(r#""Oy \"Firma\" Ab\n\\ \/ \u00e4""#).string().unwrap()).unwrap();
        assert_eq!(t, "Oy \"Firma\" Ab\n\\ / ä");
    }

    #[test]
    fn seen_marks_each_member_once() {
        let mut seen = Seen::default();
        for i in [0, 1, 63, 64, 65, 127] {
            assert!(seen.mark(i).is_some(), "{i}");
        }
        for i in [0, 1, 63, 64, 65, 127, 128, 500] {
            assert!(seen.mark(i).is_none(), "{i}");
        }
        assert!(seen.mark(2).is_some());
    }

    #[test]
    fn member_index() {
        let members = Members::new(SalesInvoice::FIELDS, &[("TotalAmount", 7u8)]);
        assert_eq!(members.get("TotalAmount").map(|(_, k)| k), Some(Some(7)));
        let (i, k) = members.get("Reference").unwrap();
        assert_eq!((SalesInvoice::FIELDS[i].wire, k), ("Reference", None));
        assert!(members.get("Nope").is_none());
    }
}
