//! JavaScript values in V8's serialization format (what Node's `v8.serialize` writes; the
//! format behind `structuredClone`), written out as the JSON text `JSON.stringify` gives for
//! them, byte for byte.
//!
//! `prepareInvoiceBatches` uses this on Node: `v8.serialize` of a chunk of invoices takes about
//! two thirds of the time of `JSON.stringify`, and it hands over bytes, so the text needs no
//! flattening, no scan for `null` (where `JSON.stringify` hides a `NaN`) and no encoding.
//! Only plain data is read: objects, arrays, strings, finite numbers, booleans, `null`, and
//! `undefined` as a member (left out, as `JSON.stringify` leaves it out). Anything else (a date,
//! a map, a BigInt, `NaN`, a hole or `undefined` in an array, a cycle, a version of the format
//! this does not know) makes [`write_json`] answer `None`, and the caller takes
//! `JSON.stringify`, which decides what such values become.
//!
//! One thing the bytes cannot show is a `toJSON` method on an object's prototype (a class
//! instance), which `JSON.stringify` calls and `v8.serialize` does not. [`Nested`] tells the
//! caller where objects sit below the top-level elements, so it can check their prototypes.

/// Where objects sit below the elements of the top-level array (the invoices).
#[derive(Debug, Default, PartialEq)]
pub struct Nested {
    /// The members of the elements that hold an object or an array, each once, as JSON strings
    /// (quoted, escaped).
    pub members: Vec<Vec<u8>>,
    /// Whether an object or array sits anywhere else: deeper than such a member, or in an
    /// element of such a member that is an object (only the elements of an array member may be
    /// objects).
    pub deeper: bool,
}

impl Nested {
    /// `{"nested":[...],"deeper":...}` with `length` first: what the JavaScript side reads.
    pub fn to_json(&self, length: usize) -> String {
        let names: Vec<&str> = self.members.iter().filter_map(|m| std::str::from_utf8(m).ok()).collect();
        format!(r#"{{"length":{length},"nested":[{}],"deeper":{}}}"#, names.join(","), self.deeper)
    }
}

/// Makes `out` `head`, then the JSON text of the array serialized in `v8` (header included)
/// exactly as `JSON.stringify` writes it, then `tail`; `None` when it holds anything but plain
/// data (see the module documentation), and then `out` holds nothing useful. What `out` held
/// before is written over (its length is reused, so it needs no zeroing).
pub fn write_json(v8: &[u8], head: &[u8], tail: &[u8], out: &mut Vec<u8>) -> Option<Nested> {
    let mut reader =
        Reader { bytes: v8, at: 0, ids: Vec::new(), replaying: false, depth: 0, nested: Nested::default() };
    if reader.byte()? != VERSION {
        return None;
    }
    if !(13..=15).contains(&reader.varint()?) {
        return None;
    }
    if !matches!(reader.tag()?, b'A' | b'a') {
        return None;
    }
    reader.at -= 1;
    let mut text = Out { buf: std::mem::take(out), len: 0 };
    text.reserve(head.len() + v8.len() + v8.len() / 8 + tail.len());
    text.extend_from_slice(head);
    let read = reader.value(&mut text, Level::Top, None);
    text.extend_from_slice(tail);
    *out = text.finish();
    read?;
    (reader.at == v8.len()).then_some(reader.nested)
}

/// The text being written: a buffer kept at least as long as what is written (grown ahead),
/// so that most writes are a store and no call, and words of 8 bytes can be written whole and
/// then cut back.
struct Out {
    buf: Vec<u8>,
    len: usize,
}

impl Out {
    /// Room for `n` more bytes.
    #[inline(always)]
    fn reserve(&mut self, n: usize) {
        if self.buf.len() - self.len < n {
            self.grow(n);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let want = self.len + n + (self.len + n) / 8 + 4096;
        self.buf.resize(want, 0);
    }

    #[inline(always)]
    fn push(&mut self, b: u8) {
        self.reserve(1);
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    #[inline(always)]
    fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.reserve(bytes.len());
        if let Some(slot) = self.buf.get_mut(self.len..self.len + bytes.len()) {
            slot.copy_from_slice(bytes);
            self.len += bytes.len();
        }
    }

    /// Writes all 8 bytes of `word`, keeping the first `keep`.
    #[inline(always)]
    fn word(&mut self, word: [u8; 8], keep: usize) {
        self.reserve(8);
        if let Some(slot) = self.buf.get_mut(self.len..).and_then(|rest| rest.first_chunk_mut::<8>()) {
            *slot = word;
            self.len += keep.min(8);
        }
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.len
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    fn resize(&mut self, len: usize, fill: u8) {
        while self.len < len {
            self.push(fill);
        }
    }

    fn get(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        self.buf.get(..self.len)?.get(range)
    }

    fn finish(mut self) -> Vec<u8> {
        self.buf.truncate(self.len);
        self.buf
    }
}

const VERSION: u8 = 0xFF;
/// Deeper nesting than this (a cycle replays without end) gives up.
const MAX_DEPTH: u32 = 64;
/// A text longer than this (objects shared many times over) gives up.
const MAX_OUT: usize = 1 << 30;

/// How far below the top-level array a value sits, as far as [`Nested`] cares.
#[derive(Clone, Copy, PartialEq)]
enum Level {
    /// The top-level array.
    Top,
    /// One of its elements.
    Element,
    /// A member of an element.
    Member,
    /// An element of an array member.
    MemberElement,
    /// Anything deeper.
    Deep,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Where each object and array starts, by the id V8 gave it (in the order first written),
    /// for the references to objects written before.
    ids: Vec<usize>,
    /// Reading an object again for a reference: its ids were counted the first time.
    replaying: bool,
    depth: u32,
    nested: Nested,
}

impl Reader<'_> {
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let bytes = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    /// A base-128 number, least significant group first.
    #[inline(always)]
    fn varint(&mut self) -> Option<u64> {
        let first = self.byte()?;
        if first < 0x80 {
            return Some(u64::from(first));
        }
        self.at -= 1;
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(value);
            }
        }
        None
    }

    #[inline(always)]
    fn length(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// The next tag, past padding and the old object-count checks.
    #[inline(always)]
    fn tag(&mut self) -> Option<u8> {
        let tag = self.byte()?;
        if tag != 0 && tag != b'?' {
            return Some(tag);
        }
        self.at -= 1;
        loop {
            match self.byte()? {
                0 => {}
                b'?' => {
                    self.varint()?;
                }
                tag => return Some(tag),
            }
        }
    }

    /// One value; `Some(false)` for `undefined` (nothing written). `name` is where the name of
    /// the member it is the value of stands in `out`.
    #[inline(never)]
    fn value(&mut self, out: &mut Out, level: Level, name: Option<(usize, usize)>) -> Option<bool> {
        let tag = self.tag()?;
        self.value_of(tag, out, level, name)
    }

    /// [`Self::value`] with its tag read. Plain values are written here, inlined into the loops
    /// over members and elements (so the reader's state stays in registers); objects and arrays
    /// go to [`Self::container`].
    #[inline(always)]
    fn value_of(&mut self, tag: u8, out: &mut Out, level: Level, name: Option<(usize, usize)>) -> Option<bool> {
        match tag {
            b'"' => {
                let n = self.length()?;
                self.latin1(n, out)?;
            }
            b'I' => write_int(zigzag(self.varint()?)?, out),
            b'N' => write_number(self.double()?, out)?,
            b'T' => out.extend_from_slice(b"true"),
            b'F' => out.extend_from_slice(b"false"),
            b'0' => out.extend_from_slice(b"null"),
            b'_' => return Some(false),
            _ => return self.container(tag, out, level, name),
        }
        Some(true)
    }

    /// The values that are not inlined: objects, arrays, references to them, and the rarer
    /// strings and numbers.
    #[inline(never)]
    fn container(&mut self, tag: u8, out: &mut Out, level: Level, name: Option<(usize, usize)>) -> Option<bool> {
        match tag {
            b'c' | b'S' => self.string(tag, out)?,
            b'U' => write_int(i64::from(u32::try_from(self.varint()?).ok()?), out),
            b'o' | b'A' | b'a' => {
                self.enter(level, name.and_then(|(from, to)| out.get(from..to)))?;
                if tag == b'o' {
                    self.object(out, level)?;
                } else {
                    self.array(tag, out, level)?;
                }
                self.depth -= 1;
            }
            b'^' => {
                let id = self.length()?;
                let start = *self.ids.get(id)?;
                let (at, replaying) = (self.at, self.replaying);
                self.at = start;
                self.replaying = true;
                let written = self.value(out, level, name)?;
                self.at = at;
                self.replaying = replaying;
                return Some(written);
            }
            _ => return None,
        }
        Some(true)
    }

    /// A string (its tag read) as a JSON string.
    #[inline(never)]
    fn string(&mut self, tag: u8, out: &mut Out) -> Option<()> {
        let n = self.length()?;
        match tag {
            b'"' => self.latin1(n, out),
            b'c' => write_utf16(self.take(n)?, out),
            _ => {
                let text = std::str::from_utf8(self.take(n)?).ok()?;
                write_utf16_units(text.encode_utf16(), out);
                Some(())
            }
        }
    }

    /// The `n` Latin-1 characters next in the input as a JSON string in UTF-8, copied 8 bytes
    /// at a time. The last few are read as a word too, from the input where it goes on past the
    /// string (those bytes are masked off for the check, and cut off again after the copy).
    #[inline(always)]
    fn latin1(&mut self, n: usize, out: &mut Out) -> Option<()> {
        let start = self.at;
        let end = start.checked_add(n)?;
        let bytes = self.bytes;
        let mut rest = bytes.get(start..end)?;
        self.at = end;
        out.push(b'"');
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            if needs_care(u64::from_le_bytes(*word)) {
                word.iter().for_each(|&b| write_latin1_char(b, out));
            } else {
                out.word(*word, 8);
            }
            rest = tail;
        }
        if !rest.is_empty() {
            let from = end - rest.len();
            match bytes.get(from..from + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
                Some(word) => {
                    let keep = (1u64 << (8 * rest.len())) - 1;
                    let masked = (u64::from_le_bytes(word) & keep) | ((ONES * u64::from(b' ')) & !keep);
                    if needs_care(masked) {
                        rest.iter().for_each(|&b| write_latin1_char(b, out));
                    } else {
                        out.word(word, rest.len());
                    }
                }
                None => rest.iter().for_each(|&b| write_latin1_char(b, out)),
            }
        }
        out.push(b'"');
        Some(())
    }

    /// Counts an object or array just begun (its tag read): its id, its depth, and where it sits.
    fn enter(&mut self, level: Level, name: Option<&[u8]>) -> Option<()> {
        if !self.replaying {
            self.ids.push(self.at - 1);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        match (level, name) {
            (Level::Top | Level::Element | Level::MemberElement, _) => {}
            (Level::Member, Some(name)) => {
                if !self.nested.members.iter().any(|m| m.as_slice() == name) {
                    self.nested.members.push(name.to_vec());
                }
            }
            _ => self.nested.deeper = true,
        }
        Some(())
    }

    fn double(&mut self) -> Option<f64> {
        let bytes = self.take(8)?;
        Some(f64::from_le_bytes(bytes.try_into().ok()?))
    }

    /// The members of an object (its tag read), up to its end tag.
    fn object(&mut self, out: &mut Out, level: Level) -> Option<()> {
        let inner = match level {
            Level::Element => Level::Member,
            _ => Level::Deep,
        };
        out.push(b'{');
        let mut count = 0u64;
        let mut empty = true;
        loop {
            let tag = self.tag()?;
            if tag == b'{' {
                break;
            }
            let mark = out.len();
            if !empty {
                out.push(b',');
            }
            let name_at = out.len();
            self.key(tag, out)?;
            let name_end = out.len();
            out.push(b':');
            let tag = self.tag()?;
            if self.value_of(tag, out, inner, Some((name_at, name_end)))? {
                empty = false;
            } else {
                out.truncate(mark);
            }
            count += 1;
        }
        out.push(b'}');
        (self.varint()? == count && out.len() <= MAX_OUT).then_some(())
    }

    /// A member name as a JSON string: a string, or an index written as a number.
    fn key(&mut self, tag: u8, out: &mut Out) -> Option<()> {
        match tag {
            b'"' => {
                let n = self.length()?;
                self.latin1(n, out)
            }
            b'c' | b'S' => self.string(tag, out),
            _ => {
                out.push(b'"');
                write_index(self.index(tag)?, out);
                out.push(b'"');
                Some(())
            }
        }
    }

    /// A key written as a number (an array index), after its tag.
    fn index(&mut self, tag: u8) -> Option<u64> {
        match tag {
            b'I' => u64::try_from(zigzag(self.varint()?)?).ok(),
            b'U' => self.varint(),
            b'N' => {
                let d = self.double()?;
                (d >= 0.0 && d.fract() == 0.0 && d < 9_007_199_254_740_992.0).then_some(d as u64)
            }
            _ => None,
        }
    }

    /// The elements of an array (its tag read: `A` dense, `a` sparse), as `JSON.stringify`
    /// writes them; members that are not indices are read and left out, as it leaves them out.
    /// A sparse array is read only when no index is missing (an array that once had holes).
    fn array(&mut self, tag: u8, out: &mut Out, level: Level) -> Option<()> {
        let inner = match level {
            Level::Top => Level::Element,
            Level::Member => Level::MemberElement,
            _ => Level::Deep,
        };
        let length = self.varint()?;
        out.push(b'[');
        let mut count = 0u64;
        if tag == b'A' {
            while count < length {
                if count > 0 {
                    out.push(b',');
                }
                self.value(out, inner, None)?.then_some(())?;
                count += 1;
            }
        }
        let end = if tag == b'A' { b'$' } else { b'@' };
        let mut members = 0u64;
        loop {
            let tag = self.tag()?;
            if tag == end {
                break;
            }
            members += 1;
            match self.index(tag) {
                Some(index) if index == count && index < length => {
                    if count > 0 {
                        out.push(b',');
                    }
                    self.value(out, inner, None)?.then_some(())?;
                    count += 1;
                }
                Some(_) => return None,
                None => {
                    // A named member of the array: read, then dropped.
                    if !matches!(tag, b'"' | b'c' | b'S') {
                        return None;
                    }
                    self.at -= 1;
                    let mark = out.len();
                    self.value(out, Level::Deep, None)?;
                    self.value(out, Level::Deep, None)?;
                    out.truncate(mark);
                }
            }
        }
        out.push(b']');
        // Then how many members were written (named ones only, for a dense array) and the length.
        let written = self.varint()?;
        (count == length && written == members && self.varint()? == length).then_some(())
    }
}

/// A zigzag-encoded 32-bit integer.
fn zigzag(v: u64) -> Option<i64> {
    let v = u32::try_from(v).ok()?;
    Some(i64::from((v >> 1) as i32 ^ -((v & 1) as i32)))
}

#[inline(always)]
fn write_int(v: i64, out: &mut Out) {
    let mut digits = Digits::default();
    if v < 0 {
        digits.push(b'-');
    }
    digits.number(v.unsigned_abs());
    digits.write(out);
}

#[inline(always)]
fn write_index(v: u64, out: &mut Out) {
    let mut digits = Digits::default();
    digits.number(v);
    digits.write(out);
}

/// Up to 32 bytes of a number, put together on the stack and written out in whole words (no
/// call to copy a few bytes).
#[derive(Default)]
struct Digits {
    bytes: [u8; 32],
    len: usize,
}

impl Digits {
    #[inline(always)]
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// The decimal digits of `n`.
    #[inline(always)]
    fn number(&mut self, mut n: u64) {
        let mut count = 1;
        let mut above = 10u64;
        while n >= above && count < 20 {
            count += 1;
            above = above.saturating_mul(10);
        }
        let end = self.len + count;
        for slot in self.bytes.get_mut(self.len..end).into_iter().flatten().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.len = end.min(32);
    }

    #[inline(always)]
    fn write(&self, out: &mut Out) {
        for (i, word) in self.bytes.chunks_exact(8).enumerate() {
            let keep = self.len.saturating_sub(i * 8);
            if keep == 0 {
                break;
            }
            if let Ok(word) = <[u8; 8]>::try_from(word) {
                out.word(word, keep);
            }
        }
    }
}

/// A finite number as JavaScript writes it (`Number.prototype.toString`): the shortest digits
/// that read back as the same double, without `.0`, in exponent form below 10^-6 and from
/// 10^21. `None` for `NaN` and the infinities, and for numbers that need 16 or 17 digits (see
/// [`write_shortest`]).
#[inline(always)]
fn write_number(x: f64, out: &mut Out) -> Option<()> {
    if !x.is_finite() {
        return None;
    }
    match whole_hundredths(x) {
        Some(hundredths) => {
            let mut digits = Digits::default();
            if hundredths < 0 {
                digits.push(b'-');
            }
            let n = hundredths.unsigned_abs();
            digits.number(n / 100);
            let cents = n % 100;
            if cents != 0 {
                digits.push(b'.');
                digits.push(b'0' + (cents / 10) as u8);
                if cents % 10 != 0 {
                    digits.push(b'0' + (cents % 10) as u8);
                }
            }
            digits.write(out);
        }
        None => write_shortest(x, out)?,
    }
    Some(())
}

/// `x` as a whole number of hundredths, when it is one (most amounts are; zero too, of either
/// sign, as 0). Below
/// 10^13 the doubles are less than a hundredth apart, so no other number of hundredths (nor
/// anything with fewer digits) reads back as `x`: its shortest digits are these.
fn whole_hundredths(x: f64) -> Option<i64> {
    let scaled = x * 100.0;
    // (x is finite; its hundredfold may not be.)
    if scaled.abs() >= 1e15 {
        return None;
    }
    // Nearest whole number (a conversion, not a call); checked exactly below.
    let hundredths = (scaled + 0.5f64.copysign(scaled)) as i64;
    (hundredths as f64 / 100.0 == x).then_some(hundredths)
}

/// The general case: the shortest digits that read back as `x` (zmij's, the formatter serde_json
/// writes floats with: a sixth the size of Rust's `Display` for `f64` in the WebAssembly),
/// laid out as JavaScript lays them out. Up to 15 digits only one such number reads back as `x`
/// (any two numbers of 15 digits are different doubles); from 16 two can lie exactly as close
/// to `x`, and where a formatter may take either, JavaScript takes the even one: `None` then.
fn write_shortest(x: f64, out: &mut Out) -> Option<()> {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(x.abs());
    // `d.ddde-7`, `1e21` or `123.0`: the digits without the point, and where the point stands.
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (text, 0),
    };
    let point = mantissa.find('.').unwrap_or(mantissa.len()) as i64 + exponent;
    let all = mantissa.as_bytes().iter().filter(|b| b.is_ascii_digit());
    let leading = all.clone().take_while(|&&b| b == b'0').count();
    let mut digits: Vec<u8> = all.skip(leading).copied().collect();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    let k = digits.len() as i64;
    if k > 15 || k == 0 {
        return None;
    }
    // The value is 0.digits × 10^n, in the terms of `Number::toString` in ECMA-262.
    let n = point - leading as i64;
    if x < 0.0 {
        out.push(b'-');
    }
    if k <= n && n <= 21 {
        out.extend_from_slice(&digits);
        out.resize(out.len() + (n - k) as usize, b'0');
    } else if 0 < n && n <= 21 {
        let (whole, fraction) = digits.split_at(n as usize);
        out.extend_from_slice(whole);
        out.push(b'.');
        out.extend_from_slice(fraction);
    } else if -6 < n && n <= 0 {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + (-n) as usize, b'0');
        out.extend_from_slice(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.extend_from_slice(first);
        if !rest.is_empty() {
            out.push(b'.');
            out.extend_from_slice(rest);
        }
        out.push(b'e');
        out.push(if n > 0 { b'+' } else { b'-' });
        write_int((n - 1).abs(), out);
    }
    Some(())
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit set in some byte when a byte is zero (exact for whether any is).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x
}

/// Whether 8 Latin-1 characters need more than a copy: a quote, a backslash, a control
/// character or one past ASCII.
#[inline(always)]
fn needs_care(word: u64) -> bool {
    (word
        | (word.wrapping_sub(ONES * 0x20) & !word)
        | zero_bytes(word ^ (ONES * u64::from(b'"')))
        | zero_bytes(word ^ (ONES * u64::from(b'\\'))))
        & HIGH
        != 0
}

/// One Latin-1 character of a JSON string, in UTF-8.
#[inline]
fn write_latin1_char(b: u8, out: &mut Out) {
    if b >= 0x80 {
        out.extend_from_slice(&[0xC0 | (b >> 6), 0x80 | (b & 0x3F)]);
    } else {
        write_ascii(b, out);
    }
}

/// A UTF-16 (little-endian) string as a JSON string in UTF-8; `None` for an odd byte count.
fn write_utf16(text: &[u8], out: &mut Out) -> Option<()> {
    if text.len() % 2 != 0 {
        return None;
    }
    write_utf16_units(text.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])), out);
    Some(())
}

/// UTF-16 units as a JSON string; a lone surrogate is written as `\udxxx`, as `JSON.stringify`
/// writes it.
fn write_utf16_units(units: impl Iterator<Item = u16>, out: &mut Out) {
    out.push(b'"');
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) if c.is_ascii() => write_ascii(c as u8, out),
            Ok(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(lone) => write_escape(lone.unpaired_surrogate(), out),
        }
    }
    out.push(b'"');
}

/// One ASCII character of a JSON string, escaped as `JSON.stringify` escapes it.
fn write_ascii(b: u8, out: &mut Out) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x09 => out.extend_from_slice(b"\\t"),
        0x0A => out.extend_from_slice(b"\\n"),
        0x0C => out.extend_from_slice(b"\\f"),
        0x0D => out.extend_from_slice(b"\\r"),
        0..=0x1F => write_escape(u16::from(b), out),
        _ => out.push(b),
    }
}

/// `\uxxxx` with lowercase hex digits.
fn write_escape(unit: u16, out: &mut Out) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((unit >> shift) & 15)]);
    }
}

#[cfg(test)]
mod tests;
