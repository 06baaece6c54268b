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

/// The reader: a position in the text.
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Lexer { text, pos: 0, depth: 0 }
    }

    /// A reader that starts at `pos` as if it had already opened `depth` objects and arrays.
    pub fn resume(text: &'a str, pos: usize, depth: u32) -> Self {
        Lexer { text, pos, depth }
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

    /// Continues where another reader of the same text stopped.
    pub fn take_over(&mut self, pos: usize, depth: u32) {
        self.pos = pos;
        self.depth = depth;
    }

    /// The text between two offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        self.text.get(start..end)
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn skip_ws(&mut self) {
        self.byte();
    }

    /// The next byte that is not whitespace (the position is left on it).
    fn byte(&mut self) -> Option<u8> {
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

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.byte()? == byte).then(|| self.pos += 1)
    }

    fn eat_word(&mut self, word: &[u8]) -> Option<()> {
        self.skip_ws();
        let end = self.pos + word.len();
        (self.bytes().get(self.pos..end) == Some(word)).then(|| self.pos = end)
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
        let mut b = self.byte()?;
        if b == b'}' {
            self.pos += 1;
            self.depth = self.depth.saturating_sub(1);
            return Some(None);
        }
        if !first {
            if b != b',' {
                return None;
            }
            self.pos += 1;
            b = self.byte()?;
        }
        if b != b'"' {
            return None;
        }
        self.pos += 1;
        let key = self.string_body()?;
        if self.byte()? != b':' {
            return None;
        }
        self.pos += 1;
        Some(Some(key))
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
    pub fn string(&mut self) -> Option<Str<'a>> {
        self.eat(b'"')?;
        self.string_body()
    }

    /// The rest of a string whose opening quote has been read.
    fn string_body(&mut self) -> Option<Str<'a>> {
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        let mut escaped = false;
        loop {
            // Eight bytes at a time to the first quote, backslash or control byte.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let mask = special(u64::from_le_bytes(word));
                if mask != 0 {
                    i += (mask.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
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
        let negative = bytes.get(i) == Some(&b'-');
        if negative {
            i += 1;
        }
        match bytes.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(bytes, i),
            _ => return None,
        }
        let mut integer = true;
        if bytes.get(i) == Some(&b'.') {
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

    /// Reads any value without looking at it.
    pub fn skip(&mut self) -> Option<()> {
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

fn digits(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
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
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(150), "]".repeat(150));
        assert!(!skips(&deep));
        let fine = format!("{}{}", "[".repeat(50), "]".repeat(50));
        assert!(skips(&fine));
    }
}
