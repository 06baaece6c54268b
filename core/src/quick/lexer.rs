//! A borrowed JSON reader for the quick path: it walks the text once, hands out slices of it and
//! never allocates. It is strict where it answers and gives up (`None`) on anything it does not
//! handle itself (surrogate escapes, nesting deeper than serde_json allows, malformed text),
//! leaving those to the full parse, which reports them properly.

/// serde_json refuses nesting deeper than 128; give up well before.
const MAX_DEPTH: u32 = 100;

/// What the next value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// A JSON number as it was written.
#[derive(Debug, Clone, Copy)]
pub struct Number<'a> {
    /// The text, e.g. `-12.50`.
    pub text: &'a str,
    /// No fraction and no exponent.
    pub integer: bool,
    /// Starts with `-`.
    pub negative: bool,
    /// Has an exponent (`1e3`).
    pub exponent: bool,
}

/// A JSON string as it was written.
#[derive(Debug, Clone, Copy)]
pub struct Str<'a> {
    /// The text between the quotes, escapes not undone.
    pub raw: &'a str,
    /// Whether it holds any escape (`\n`, `\"`, ...); then `raw` is not the value.
    pub escaped: bool,
}

impl<'a> Str<'a> {
    /// The value, when it holds no escape.
    pub fn plain(self) -> Option<&'a str> {
        (!self.escaped).then_some(self.raw)
    }
}

/// What [`Lexer::next_key_guess`] read.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    /// The end of the object (`}` read).
    End,
    /// The name that was guessed.
    Guessed,
    /// Another name.
    Other {
        /// The name.
        key: Str<'a>,
        /// The name as written with its quotes and colon (`"Name":`), when it holds no escape
        /// and no whitespace comes before the colon: what [`Lexer::learn`] remembers.
        pattern: Option<&'a [u8]>,
    },
}

/// A member name remembered in a [`Shape`] (as its pattern, `"Name":`), with the caller's tag
/// for it and the entry of the name that followed it last time.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    pattern: &'a [u8],
    tag: u32,
    next: u32,
}

/// The member names of one kind of object as they came, each with the one that followed it, so
/// that objects written alike (as `JSON.stringify` writes them) have each name recognised by
/// one comparison instead of a scan and a lookup. Only a guess: a name is always read from the
/// text, and a wrong guess costs one comparison.
#[derive(Debug)]
struct Shape<'a> {
    kind: usize,
    /// Entry 0 stands for the start of an object.
    entries: Vec<Entry<'a>>,
    /// The entry of each known tag.
    by_tag: Vec<u32>,
}

/// No entry: nothing to guess.
pub const NO_ENTRY: u32 = u32::MAX;
/// The tag of a name the caller does not know.
pub const UNKNOWN: u32 = u32::MAX;
/// A shape remembers this many names at most (a model has at most 128 known members).
const MAX_ENTRIES: usize = 256;

/// A guessed member name: its pattern (`"Name":`), its tag and its entry.
#[derive(Debug, Clone, Copy)]
pub struct Guess<'a> {
    pub pattern: &'a [u8],
    pub tag: u32,
    pub entry: u32,
}

/// The reader: a position in the text.
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
    shapes: Vec<Shape<'a>>,
    /// Where the decimals read from strings (`"12.50"`) open their quotes, in order: a body
    /// made of the text leaves those quotes out ([`unquote`]).
    quoted: Vec<usize>,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Lexer::resume(text, 0, 0)
    }

    /// The shape remembered for objects of `kind` (any number the caller picks), made empty
    /// the first time; its entry 0 is the start of an object.
    pub fn shape(&mut self, kind: usize) -> usize {
        if let Some(i) = self.shapes.iter().position(|s| s.kind == kind) {
            return i;
        }
        let start = Entry { pattern: b"", tag: UNKNOWN, next: NO_ENTRY };
        self.shapes.push(Shape { kind, entries: vec![start], by_tag: Vec::new() });
        self.shapes.len() - 1
    }

    /// The name that followed entry `prev` of `shape` last time.
    #[inline(always)]
    pub fn guess(&self, shape: usize, prev: u32) -> Option<Guess<'a>> {
        let entries = &self.shapes.get(shape)?.entries;
        let entry = entries.get(prev as usize)?.next;
        let e = entries.get(entry as usize)?;
        Some(Guess { pattern: e.pattern, tag: e.tag, entry })
    }

    /// Remembers that the name of `pattern` (from [`Key::Other`], with the caller's `tag`,
    /// [`UNKNOWN`] when it has none) followed entry `prev` of `shape`; returns its entry
    /// ([`NO_ENTRY`] when the shape is full or there is no pattern).
    pub fn learn(&mut self, shape: usize, prev: u32, pattern: Option<&'a [u8]>, tag: u32) -> u32 {
        let (Some(shape), Some(pattern)) = (self.shapes.get_mut(shape), pattern) else { return NO_ENTRY };
        let found = if tag == UNKNOWN {
            // Entry 0 (the start) has an empty pattern, which no name has.
            shape.entries.iter().position(|e| e.tag == UNKNOWN && e.pattern == pattern)
        } else {
            shape.by_tag.get(tag as usize).filter(|&&e| e != NO_ENTRY).map(|&e| e as usize)
        };
        let entry = match found {
            Some(i) => i,
            None if shape.entries.len() < MAX_ENTRIES => {
                shape.entries.push(Entry { pattern, tag, next: NO_ENTRY });
                let i = shape.entries.len() - 1;
                if tag != UNKNOWN {
                    let t = tag as usize;
                    if shape.by_tag.len() <= t {
                        shape.by_tag.resize(t + 1, NO_ENTRY);
                    }
                    if let Some(slot) = shape.by_tag.get_mut(t) {
                        *slot = i as u32;
                    }
                }
                i
            }
            None => return NO_ENTRY,
        };
        let entry = entry as u32;
        if let Some(p) = shape.entries.get_mut(prev as usize) {
            p.next = entry;
        }
        entry
    }

    /// A reader that starts at `pos` as if it had already opened `depth` objects and arrays.
    pub fn resume(text: &'a str, pos: usize, depth: u32) -> Self {
        Lexer { text, pos, depth, shapes: Vec::new(), quoted: Vec::new() }
    }

    /// Where the decimals read from strings so far open their quotes.
    pub fn quoted(&self) -> &[usize] {
        &self.quoted
    }

    /// Takes the quotes another reader of the same text found after this one's position.
    pub fn add_quoted(&mut self, quoted: Vec<usize>) {
        self.quoted.extend(quoted);
    }

    /// Gives up the quotes found so far.
    pub fn take_quoted(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.quoted)
    }

    /// The byte offset of the next unread byte.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The byte offset of the next byte that is not whitespace.
    pub fn at(&mut self) -> usize {
        self.skip_ws();
        self.pos
    }

    /// How many objects and arrays are open.
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Continues where another reader of the same text stopped (or reads again from an
    /// earlier position, forgetting the quotes found after it).
    pub fn take_over(&mut self, pos: usize, depth: u32) {
        self.pos = pos;
        self.depth = depth;
        let kept = self.quoted.partition_point(|&q| q < pos);
        self.quoted.truncate(kept);
    }

    /// The text between two offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        self.text.get(start..end)
    }

    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn skip_ws(&mut self) {
        self.byte();
    }

    /// The next byte that is not whitespace (the position is left on it).
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes().get(self.pos)?;
        if b > b' ' {
            return Some(b);
        }
        self.byte_after_ws()
    }

    /// [`Lexer::byte`] when whitespace (or a control byte) comes next: rare in big bodies.
    #[inline(never)]
    fn byte_after_ws(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        loop {
            let b = *bytes.get(self.pos)?;
            if b > b' ' || !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
    }

    /// Whether only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.pos == self.text.len()
    }

    /// The kind of the next value (after whitespace), without reading it.
    #[inline(always)]
    pub fn peek(&mut self) -> Option<Next> {
        Some(match self.byte()? {
            b'{' => Next::Object,
            b'[' => Next::Array,
            b'"' => Next::String,
            b'-' | b'0'..=b'9' => Next::Number,
            b't' => Next::True,
            b'f' => Next::False,
            b'n' => Next::Null,
            _ => return None,
        })
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.byte()? == byte).then(|| self.pos += 1)
    }

    fn eat_word(&mut self, word: &[u8]) -> Option<()> {
        self.skip_ws();
        let end = self.pos + word.len();
        matches!(self.bytes().get(self.pos..end), Some(w) if w == word).then(|| self.pos = end)
    }

    /// `true`, `false` or `null`.
    pub fn literal(&mut self, next: Next) -> Option<()> {
        match next {
            Next::True => self.eat_word(b"true"),
            Next::False => self.eat_word(b"false"),
            Next::Null => self.eat_word(b"null"),
            _ => None,
        }
    }

    /// Opens an object: `{`.
    pub fn begin_object(&mut self) -> Option<()> {
        self.enter()?;
        self.eat(b'{')
    }

    /// The next member name of an open object, or `None` in `Ok` at its end (`}` read).
    /// `first` says whether a member was read before (a comma is expected then).
    pub fn next_key(&mut self, first: bool) -> Option<Option<Str<'a>>> {
        Some(match self.next_key_guess(first, b"")? {
            Key::Other { key, .. } => Some(key),
            _ => None,
        })
    }

    /// As [`Lexer::next_key`], trying `guess` first: the pattern of a name read before
    /// ([`Key::Other`]: `"Name":` with a plain name, so no quote, backslash or control byte
    /// inside), or empty for none. When the text holds exactly that pattern, the name is read by
    /// one comparison and the answer is [`Key::Guessed`]; what is read is the same either way
    /// (the name, then its colon), the guess only saves the scan.
    #[inline(always)]
    pub fn next_key_guess(&mut self, first: bool, guess: &[u8]) -> Option<Key<'a>> {
        let b = self.byte()?;
        if b == b'}' {
            self.pos += 1;
            self.depth = self.depth.saturating_sub(1);
            return Some(Key::End);
        }
        if !first {
            if b != b',' {
                return None;
            }
            self.pos += 1;
            self.byte()?;
        }
        if !guess.is_empty() && starts_with(self.bytes(), self.pos, guess) {
            self.pos += guess.len();
            return Some(Key::Guessed);
        }
        self.key()
    }

    /// A member name and its colon, from its opening quote (after any whitespace).
    #[inline(never)]
    fn key(&mut self) -> Option<Key<'a>> {
        if self.byte()? != b'"' {
            return None;
        }
        let open = self.pos;
        self.pos += 1;
        let key = self.string_body()?;
        let adjacent = matches!(self.bytes().get(self.pos), Some(b':'));
        if self.byte()? != b':' {
            return None;
        }
        self.pos += 1;
        let pattern = if adjacent && !key.escaped { self.bytes().get(open..self.pos) } else { None };
        Some(Key::Other { key, pattern })
    }

    /// Opens an array: `[`.
    pub fn begin_array(&mut self) -> Option<()> {
        self.enter()?;
        self.eat(b'[')
    }

    /// Whether another element follows in an open array (reads the comma), or its end (`]` read).
    pub fn next_element(&mut self, first: bool) -> Option<bool> {
        let b = self.byte()?;
        if b == b']' {
            self.pos += 1;
            self.depth = self.depth.saturating_sub(1);
            return Some(false);
        }
        if !first {
            if b != b',' {
                return None;
            }
            self.pos += 1;
        }
        Some(true)
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// A string value.
    #[inline(always)]
    pub fn string(&mut self) -> Option<Str<'a>> {
        if !matches!(self.bytes().get(self.pos), Some(b'"')) {
            self.eat(b'"')?;
        } else {
            self.pos += 1;
        }
        self.string_body()
    }

    /// The rest of a string whose opening quote has been read.
    #[inline(always)]
    fn string_body(&mut self) -> Option<Str<'a>> {
        let bytes = self.bytes();
        let start = self.pos;
        let end = scan(bytes, start);
        if matches!(bytes.get(end), Some(b'"')) {
            self.pos = end + 1;
            return Some(Str { raw: self.text.get(start..end)?, escaped: false });
        }
        self.string_rest(start, end)
    }

    /// [`Lexer::string_body`] from `i`, the first byte in the string that is not plain text or
    /// lies in the text's last seven bytes.
    #[inline(never)]
    fn string_rest(&mut self, start: usize, mut i: usize) -> Option<Str<'a>> {
        let bytes = self.bytes();
        let mut escaped = false;
        loop {
            match *bytes.get(i)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    match *bytes.get(i + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                        // `\uXXXX` outside the surrogates; surrogate pairs are the full parser's business.
                        b'u' => {
                            hex_escape(bytes.get(i + 2..i + 6)?)?;
                            i += 6;
                        }
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => i += 1,
            }
            i = scan(bytes, i);
        }
        self.pos = i + 1;
        Some(Str { raw: self.text.get(start..i)?, escaped })
    }

    /// A number value, checked against JSON's grammar.
    pub fn number(&mut self) -> Option<Number<'a>> {
        self.skip_ws();
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        let negative = matches!(bytes.get(i), Some(b'-'));
        if negative {
            i += 1;
        }
        match bytes.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(bytes, i),
            _ => return None,
        }
        let mut integer = true;
        if matches!(bytes.get(i), Some(b'.')) {
            integer = false;
            let end = digits(bytes, i + 1);
            if end == i + 1 {
                return None;
            }
            i = end;
        }
        let mut exponent = false;
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            integer = false;
            exponent = true;
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let end = digits(bytes, i);
            if end == i {
                return None;
            }
            i = end;
        }
        self.pos = i;
        Some(Number { text: self.text.get(start..i)?, integer, negative, exponent })
    }

    /// A number without exponent of at most 18 digits (JSON's grammar), as its sign, its
    /// digits without the point and how many of them come after the point, read in one pass;
    /// also such a number written as a string (`"12.50"`, nothing else inside the quotes),
    /// whose quotes are recorded ([`Lexer::quoted`]); `None` for any other number (which
    /// [`Lexer::number`] reads) or anything else.
    pub fn decimal(&mut self) -> Option<(bool, u64, u32)> {
        let start = self.at();
        let quoted = self.bytes().get(start) == Some(&b'"');
        let read = self.decimal_at(start + usize::from(quoted))?;
        if quoted {
            self.close_quote(start)?;
        }
        Some(read)
    }

    /// [`Lexer::decimal`]'s number, starting at `start`.
    fn decimal_at(&mut self, start: usize) -> Option<(bool, u64, u32)> {
        let bytes = self.bytes();
        let negative = matches!(bytes.get(start), Some(b'-'));
        let first = start + usize::from(negative);
        let (m, int_end) = digits_value(bytes, first, 0);
        // No digit, or a leading zero before another digit: not JSON.
        if int_end == first || (matches!(bytes.get(first), Some(b'0')) && int_end > first + 1) {
            return None;
        }
        let (m, end) = match bytes.get(int_end) {
            Some(b'.') => digits_value(bytes, int_end + 1, m),
            _ => (m, int_end),
        };
        let scale = end.saturating_sub(int_end + 1);
        // A negative zero is left to the full parse, which writes it without its sign.
        let negative_zero = negative && m == 0;
        if end == int_end + 1
            || int_end - first + scale > 18
            || matches!(bytes.get(end), Some(b'e' | b'E'))
            || negative_zero
        {
            return None;
        }
        self.pos = end;
        Some((negative, m, scale as u32))
    }

    /// A decimal amount: a JSON number, or a number without exponent written as a string
    /// (`"12.50"`, nothing else inside the quotes), whose quotes are recorded.
    pub fn amount(&mut self) -> Option<Number<'a>> {
        let start = self.at();
        if self.bytes().get(start) != Some(&b'"') {
            return self.number();
        }
        // No whitespace inside the quotes ([`Lexer::number`] would skip it).
        if !matches!(self.bytes().get(start + 1), Some(b'-' | b'0'..=b'9')) {
            return None;
        }
        self.pos = start + 1;
        let number = self.number().filter(|n| !n.exponent)?;
        self.close_quote(start)?;
        Some(number)
    }

    /// The closing quote of a decimal written as a string, which opened at `open`.
    fn close_quote(&mut self, open: usize) -> Option<()> {
        if self.bytes().get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        self.quoted.push(open);
        Some(())
    }

    /// Reads any value without looking at it.
    #[inline(always)]
    pub fn skip(&mut self) -> Option<()> {
        // Strings and numbers first, where no whitespace comes before them (compact text).
        match self.bytes().get(self.pos) {
            Some(b'"') => {
                self.pos += 1;
                self.string_body().map(drop)
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => self.skip_any(),
        }
    }

    /// [`Lexer::skip`] of any value.
    fn skip_any(&mut self) -> Option<()> {
        let next = self.peek()?;
        match next {
            Next::Object => {
                self.begin_object()?;
                let mut first = true;
                while self.next_key(first)?.is_some() {
                    first = false;
                    self.skip()?;
                }
                Some(())
            }
            Next::Array => {
                self.begin_array()?;
                let mut first = true;
                while self.next_element(first)? {
                    first = false;
                    self.skip()?;
                }
                Some(())
            }
            Next::String => self.string().map(drop),
            Next::Number => self.number().map(drop),
            literal => self.literal(literal),
        }
    }
}

/// The character of the four hex digits of a `\u` escape, unless it is a surrogate.
pub fn hex_escape(hex: &[u8]) -> Option<char> {
    let text = std::str::from_utf8(hex).ok()?;
    if hex.len() != 4 || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    char::from_u32(u32::from_str_radix(text, 16).ok()?)
}

/// Whether `bytes` hold `pattern` from `at`.
#[inline(always)]
fn starts_with(bytes: &[u8], at: usize, pattern: &[u8]) -> bool {
    matches!(bytes.get(at..at + pattern.len()), Some(text) if same(text, pattern))
}

/// `a == b` for short slices, a word at a time (the last word overlapping the one before),
/// without a call to `memcmp`, which is a byte loop on wasm32.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word8(a, i) != word8(b, i) {
                return false;
            }
            i += 8;
        }
        return word8(a, n - 8) == word8(b, n - 8);
    }
    if n >= 4 {
        return word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4);
    }
    a == b
}

/// The eight bytes from `i` as a number (0 past the end).
#[inline(always)]
fn word8(bytes: &[u8], i: usize) -> u64 {
    bytes.get(i..).and_then(<[u8]>::first_chunk::<8>).map_or(0, |w| u64::from_le_bytes(*w))
}

/// The four bytes from `i` as a number (0 past the end).
#[inline(always)]
fn word4(bytes: &[u8], i: usize) -> u32 {
    bytes.get(i..).and_then(<[u8]>::first_chunk::<4>).map_or(0, |w| u32::from_le_bytes(*w))
}

/// From `i`, eight bytes at a time, to the first quote, backslash or control byte, or to the
/// last seven bytes of the text (which the caller reads one by one).
#[inline(always)]
fn scan(bytes: &[u8], mut i: usize) -> usize {
    while let Some(word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let mask = special(u64::from_le_bytes(*word));
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// [`digits`], with their value appended to `m` (wrapping past 19 digits).
#[inline(always)]
fn digits_value(bytes: &[u8], mut i: usize, mut m: u64) -> (u64, usize) {
    while let Some(d) = bytes.get(i).map(|b| b.wrapping_sub(b'0')).filter(|d| *d < 10) {
        m = m.wrapping_mul(10).wrapping_add(u64::from(d));
        i += 1;
    }
    (m, i)
}

fn digits(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b'0'..=b'9')) {
        i += 1;
    }
    i
}

/// The bytes of a little-endian word that are a quote, a backslash or below 0x20, as their high
/// bits (SWAR). The lowest one marked is exact; marks above it may be false (borrows), which
/// the caller never relies on.
pub fn special(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero_quote = quote.wrapping_sub(ONES) & !quote & HIGH;
    let zero_backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
    below_space | zero_quote | zero_backslash
}

/// Removes, in place, the quotes of the decimals written as strings whose opening quotes stand
/// at `quoted` (in order, as offsets into `bytes`; from [`Lexer::quoted`]): the text the full
/// parser would write, which sends decimals as JSON numbers. `None` when an offset is not an
/// opening quote with its closing one after it; `bytes` may then be partly rewritten.
pub fn unquote(bytes: &mut Vec<u8>, quoted: impl IntoIterator<Item = usize>) -> Option<()> {
    let (mut read, mut write) = (0, 0);
    for open in quoted {
        // Inside the quotes stands a number: its closing quote is the next one.
        let close = open + 1 + bytes.get(open + 1..)?.iter().position(|&b| b == b'"')?;
        if bytes.get(open) != Some(&b'"') || open < read {
            return None;
        }
        bytes.copy_within(read..open, write);
        write += open - read;
        bytes.copy_within(open + 1..close, write);
        write += close - open - 1;
        read = close + 1;
    }
    let len = bytes.len();
    bytes.copy_within(read..len, write);
    bytes.truncate(write + len - read);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips(text: &str) -> bool {
        let mut lexer = Lexer::new(text);
        lexer.skip().is_some() && lexer.at_end()
    }

    #[test]
    fn reads_what_json_allows_and_nothing_else() {
        for good in [
            r#"{"a":[1,-2.5,3e4,0.0,-0,true,false,null,"x\"y\\z\n"],"b":{}}"#,
            " [ ] ",
            r#""ääkköset €""#,
            r#""\u00e4\u20AC""#,
            "12345678901234567890123456789",
        ] {
            assert!(skips(good), "{good}");
        }
        for bad in [
            "{",
            "[1,]",
            "[,1]",
            "01",
            "1.",
            "-",
            "1e",
            ".5",
            "tru",
            "nul",
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            "\"a\u{1}\"",
            r#""\ud800""#,
            r#""\u00g4""#,
            r#""\x""#,
            "\"open",
            "[1 2]",
            "{} {}",
        ] {
            assert!(!skips(bad), "{bad}");
        }
    }

    #[test]
    fn numbers_keep_their_text() {
        let n = Lexer::new(" -12.50,").number().unwrap();
        assert_eq!((n.text, n.integer, n.negative, n.exponent), ("-12.50", false, true, false));
        let n = Lexer::new("1E+3").number().unwrap();
        assert_eq!((n.text, n.integer, n.exponent), ("1E+3", false, true));
        let n = Lexer::new("1001").number().unwrap();
        assert!(n.integer && !n.negative);
    }

    #[test]
    fn strings_say_whether_they_hold_escapes() {
        let s = Lexer::new(r#""a longer plain string""#).string().unwrap();
        assert_eq!(s.plain(), Some("a longer plain string"));
        let s = Lexer::new(r#""tab\there and a quote \" too""#).string().unwrap();
        assert!(s.escaped && s.plain().is_none());
        assert_eq!(s.raw, r#"tab\there and a quote \" too"#);
    }

    #[test]
    fn a_guessed_name_reads_as_a_scanned_one() {
        let texts = [
            r#"{"SalesName":1}"#,
            r#"{"SalesName2":1}"#,
            r#"{"SalesNam":1}"#,
            r#"{"Sales\u004eame":1}"#,
            r#"{"SalesName" :1}"#,
            r#"{ "SalesName":1}"#,
            r#"{"SalesName"}"#,
            r#"{"SalesName":"#,
            r#"{"SalesName""#,
            r#"{"":1}"#,
            r#"{"a":1}"#,
            r#"{"abcdefgh":1}"#,
            r#"{"abcdefghi":1}"#,
            "{\"a\u{1}\":1}",
            "{}",
            "{,}",
        ];
        // Patterns as `Key::Other` gives them, and none.
        let guesses: [&[u8]; 6] =
            [br#""SalesName":"#, br#""a":"#, br#""":"#, br#""abcdefgh":"#, br#""abcdefghi":"#, b""];
        for text in texts {
            for guess in guesses {
                let (mut guessed, mut scanned) = (Lexer::new(text), Lexer::new(text));
                guessed.begin_object().unwrap();
                scanned.begin_object().unwrap();
                let answer = guessed.next_key_guess(true, guess);
                let expected = scanned.next_key(true);
                match (answer, expected) {
                    (Some(Key::End), Some(None)) | (None, None) => {}
                    (Some(Key::Guessed), Some(Some(key))) => {
                        assert_eq!(format!("\"{}\":", key.plain().unwrap()).as_bytes(), guess, "{text}");
                    }
                    (Some(Key::Other { key, pattern }), Some(Some(other))) => {
                        assert_eq!((key.raw, key.escaped), (other.raw, other.escaped), "{text}");
                        if let Some(pattern) = pattern {
                            assert_eq!(pattern, format!("\"{}\":", key.plain().unwrap()).as_bytes(), "{text}");
                        }
                    }
                    (answer, expected) => panic!("{text} with {guess:?}: {answer:?} but {expected:?}"),
                }
                assert_eq!(guessed.pos(), scanned.pos(), "{text} with {guess:?}");
            }
        }
    }

    #[test]
    fn same_compares_every_byte() {
        for n in 0..40usize {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same(&a, &a));
            assert!(!same(&a, &a[..n.saturating_sub(1)]) || n == 0);
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 0x20;
                assert!(!same(&a, &b), "{n} {i}");
            }
        }
    }

    #[test]
    fn strings_read_alike_wherever_their_escapes_fall() {
        // Escapes, raw control bytes and multi-byte characters at every offset around the 8-byte
        // steps of the scan, and at the very end of the text, against serde_json.
        for special in [r#"\""#, r"\n", r"\u00e4", r"\\", "\u{1}", "ä", "€", r"\x", r"\u12", "\u{7f}"] {
            for before in 0..20 {
                for after in [0, 1, 7, 8, 9] {
                    let body = format!("{}{special}{}", "a".repeat(before), "b".repeat(after));
                    for text in [format!("\"{body}\""), format!("\"{body}\"   "), format!("\"{body}")] {
                        let mut lx = Lexer::new(&text);
                        let ours = lx.string().filter(|_| lx.at_end());
                        let theirs = serde_json::from_str::<String>(&text).ok();
                        assert_eq!(ours.is_some(), theirs.is_some(), "{text:?}");
                        if let (Some(ours), Some(theirs)) = (ours, theirs) {
                            assert_eq!(ours.raw, body, "{text:?}");
                            assert_eq!(ours.escaped, body.contains('\\'), "{text:?}");
                            assert_eq!(ours.plain().is_some(), ours.raw == theirs, "{text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn decimals_read_as_numbers() {
        for text in [
            "0",
            "-0",
            "1",
            "-12.50",
            "0.05",
            "01",
            "-",
            "1.",
            ".5",
            "1.2.3",
            "1e3",
            "1.5E-2",
            "12345678901234567.8",
            "123456789012345678",
            "1234567890123456789",
            "00.1",
            "-01",
            "5,",
            "5}",
            "7.25]",
            "18446744073709551616",
        ] {
            let (mut a, mut b) = (Lexer::new(text), Lexer::new(text));
            let Some((negative, m, s)) = a.decimal() else { continue };
            let n = b.number().unwrap_or_else(|| panic!("{text}"));
            assert_eq!(a.pos(), b.pos(), "{text}");
            assert!(!n.exponent && n.negative == negative, "{text}");
            let digits: String = n.text.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(digits.parse::<u64>().ok(), Some(m), "{text}");
            assert_eq!(n.text.split_once('.').map_or(0, |(_, f)| f.len() as u32), s, "{text}");
        }
        assert_eq!(Lexer::new(" -12.50,").decimal(), Some((true, 1250, 2)));
        // A negative zero is the full parse's to write (without its sign).
        assert_eq!((Lexer::new("-0").decimal(), Lexer::new(r#""-0.00""#).decimal()), (None, None));
        let mut quoted = Lexer::new(r#" "-12.50","#);
        assert_eq!(quoted.decimal(), Some((true, 1250, 2)));
        assert_eq!((quoted.pos(), quoted.quoted()), (9, &[1][..]));
        for text in [r#"" 1""#, r#""1 ""#, r#""1"#, r#""1e2""#, r#""01""#, "\"\""] {
            assert_eq!(Lexer::new(text).decimal(), None, "{text}");
        }
        assert_eq!(Lexer::new("01").decimal(), None);
        assert_eq!(Lexer::new("1234567890123456789").decimal(), None);
    }

    #[test]
    fn unquoting_leaves_out_the_recorded_quotes_only() {
        let text = r#"{"a":"1.5","b":"x","c":["-2", "3"]}"#;
        let mut lx = Lexer::new(text);
        lx.begin_object().unwrap();
        let mut first = true;
        while let Some(key) = lx.next_key(first).unwrap() {
            first = false;
            match key.plain().unwrap() {
                "a" => drop(lx.amount().unwrap()),
                "c" => {
                    lx.begin_array().unwrap();
                    assert!(lx.next_element(true).unwrap());
                    lx.decimal().unwrap();
                    assert!(lx.next_element(false).unwrap());
                    lx.skip().unwrap();
                    assert!(!lx.next_element(false).unwrap());
                }
                _ => lx.skip().unwrap(),
            }
        }
        let mut bytes = text.as_bytes().to_vec();
        unquote(&mut bytes, lx.quoted().iter().copied()).unwrap();
        assert_eq!(bytes, br#"{"a":1.5,"b":"x","c":[-2, "3"]}"#);
        let mut part = text.as_bytes()[5..10].to_vec();
        unquote(&mut part, [0]).unwrap();
        assert_eq!(part, b"1.5");
        assert_eq!(unquote(&mut text.as_bytes().to_vec(), [6]), None, "not a quote");
        // Reading again from an earlier position forgets the quotes found after it.
        lx.take_over(10, 1);
        assert_eq!(lx.quoted(), [5]);
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(150), "]".repeat(150));
        assert!(!skips(&deep));
        let fine = format!("{}{}", "[".repeat(50), "]".repeat(50));
        assert!(skips(&fine));
    }
}
