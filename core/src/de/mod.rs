//! lasku's JSON reader for serde: every model, argument and answer is read through it.
//!
//! It reads what serde_json reads, hands the same values to the same visitors (with
//! serde_json's `arbitrary_precision` and `raw_value` conventions: a number that is not a
//! 64-bit integer comes as its text under serde_json's number key, a raw value as its text under
//! the raw-value key) and fails with the same messages at the same lines and columns; a test
//! compares the two on many texts. What it leaves out is serde_json's own reader and, with it,
//! the float parser and the two float formatters its errors bring: 8 KB gzipped of the npm
//! package's WebAssembly. serde_json still writes.
//!
//! Where it differs (none of it in what lasku reads): an enum is read from a string only (a unit
//! variant), not from `{"Variant": value}`; a map key is read as a string or a number, not as a
//! boolean; and a number with a fraction read as an integer is named by its text in the error
//! (``floating point `1.50` ``, where serde_json writes the float it parsed, `1.5`).

mod access;
mod error;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use serde::de::{self, Deserialize, Expected, Unexpected, Visitor};

use access::{List, Object, Token};
use error::Code;
pub use error::ReadError;

/// The key under which serde_json hands over a raw value's text.
const RAW_TOKEN: &str = "$serde_json::private::RawValue";

/// How deep arrays and objects may nest (serde_json's limit).
const DEPTH: u32 = 128;

/// Reads `T` from JSON text: the whole text, with nothing but whitespace after the value.
///
/// ```
/// let rows: Vec<lasku::model::Json> = lasku::de::from_str(r#"[{"Qty": 1.50}]"#).unwrap();
/// // Numbers keep their text: no binary float on the way.
/// assert_eq!(rows[0].get("Qty"), Some(&lasku::model::Json::Number("1.50".into())));
/// let error = lasku::de::from_str::<Vec<u64>>("[1,\n x]").unwrap_err();
/// assert_eq!(error.to_string(), "expected value at line 2 column 2");
/// assert_eq!((error.line(), error.column()), (2, 2));
/// ```
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ReadError> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// A serde deserializer over JSON text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
    scratch: String,
}

/// A string read: a slice of the text, or (when it had escapes) in the reader's scratch.
enum Text<'a> {
    Borrowed(&'a str),
    Copied,
}

/// A number read: a 64-bit integer, or its text (with its exponent written `e+5`, as
/// serde_json writes it).
enum Number<'a> {
    Unsigned(u64),
    Signed(i64),
    Text(Cow<'a, str>),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Reader { text, at: 0, depth: DEPTH, scratch: String::new() }
    }

    /// Whether only whitespace is left.
    #[inline(never)]
    pub(crate) fn end(&mut self) -> Result<(), ReadError> {
        match self.blank() {
            Some(_) => Err(self.peek_error(Code::Trailing)),
            None => Ok(()),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        self.at += usize::from(byte.is_some());
        byte
    }

    /// Skips whitespace; the next byte, not taken.
    fn blank(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// An error at byte `index`: its line, and the bytes before it on that line.
    #[cold]
    #[inline(never)]
    fn error_at(&self, code: Code, index: usize) -> ReadError {
        let (line, column) = self.place(index);
        ReadError::syntax(code, line, column)
    }

    fn place(&self, index: usize) -> (usize, usize) {
        let before = &self.text.as_bytes()[..index.min(self.text.len())];
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1);
        (1 + before[..start].iter().filter(|&&b| b == b'\n').count(), before.len() - start)
    }

    /// An error caused by the byte just taken.
    fn error(&self, code: Code) -> ReadError {
        self.error_at(code, self.at)
    }

    /// An error caused by the next byte, not taken.
    fn peek_error(&self, code: Code) -> ReadError {
        self.error_at(code, self.at + 1)
    }

    /// A visitor's error, placed where the reader is.
    #[cold]
    #[inline(never)]
    fn fix(&self, error: ReadError) -> ReadError {
        let (line, column) = self.place(self.at);
        error.placed(line, column)
    }

    /// The rest of a literal whose first byte was taken.
    fn ident(&mut self, rest: &[u8]) -> Result<(), ReadError> {
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(Code::EofValue)),
                Some(byte) if byte != expected => return Err(self.error(Code::Ident)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    /// A number, its `-` (if any) taken. `eof` is the error when the text ends inside it (a
    /// value skipped calls that an invalid number, as serde_json does).
    #[inline(never)]
    fn number(&mut self, negative: bool, eof: Code) -> Result<Number<'a>, ReadError> {
        let start = self.at - usize::from(negative);
        match self.next() {
            None => return Err(self.error(eof)),
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => return Err(self.peek_error(Code::Number)),
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(Code::Number)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            let from = self.at;
            self.digits();
            if self.at == from {
                return Err(self.peek_error(if self.peek().is_some() { Code::Number } else { eof }));
            }
        }
        let mantissa_end = self.at;
        let mut exponent = None;
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let sign = match self.peek() {
                Some(sign @ (b'+' | b'-')) => {
                    self.at += 1;
                    sign
                }
                _ => b'+',
            };
            match self.next() {
                None => return Err(self.error(eof)),
                Some(b'0'..=b'9') => {}
                Some(_) => return Err(self.error(Code::Number)),
            }
            let from = self.at - 1;
            self.digits();
            exponent = Some((sign, from));
        }
        let text = &self.text[start..mantissa_end];
        Ok(match exponent {
            Some((sign, from)) => {
                Number::Text(Cow::Owned(format!("{text}e{}{}", char::from(sign), &self.text[from..self.at])))
            }
            None if !negative => match text.parse() {
                Ok(n) => Number::Unsigned(n),
                Err(_) => Number::Text(Cow::Borrowed(text)),
            },
            None => match text.parse() {
                Ok(n) if text != "-0" => Number::Signed(n),
                _ => Number::Text(Cow::Borrowed(text)),
            },
        })
    }

    /// The digits of an integer, its `-` (if any) taken; the text with the sign.
    fn integer(&mut self, negative: bool) -> Result<&'a str, ReadError> {
        let start = self.at - usize::from(negative);
        match self.next() {
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => return Err(self.peek_error(Code::Number)),
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(Code::Number)),
        }
        Ok(&self.text[start..self.at])
    }

    /// A string, its opening quote taken.
    #[inline(never)]
    fn string(&mut self) -> Result<Text<'a>, ReadError> {
        self.scratch.clear();
        let bytes = self.text.as_bytes();
        let mut start = self.at;
        loop {
            while let Some(&byte) = bytes.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            match bytes.get(self.at) {
                None => return Err(self.error(Code::EofString)),
                Some(b'"') => {
                    let piece = &self.text[start..self.at];
                    self.at += 1;
                    if self.scratch.is_empty() {
                        return Ok(Text::Borrowed(piece));
                    }
                    self.scratch.push_str(piece);
                    return Ok(Text::Copied);
                }
                Some(b'\\') => {
                    self.scratch.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    self.escape()?;
                    start = self.at;
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.error(Code::Control));
                }
            }
        }
    }

    /// A string read by [`Reader::string`].
    fn text(&self, text: Text<'a>) -> &str {
        match text {
            Text::Borrowed(piece) => piece,
            Text::Copied => &self.scratch,
        }
    }

    /// An escape, its backslash taken, onto the scratch.
    fn escape(&mut self) -> Result<(), ReadError> {
        let plain = match self.next() {
            None => return Err(self.error(Code::EofString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            Some(_) => return Err(self.error(Code::Escape)),
        };
        self.scratch.push(plain);
        Ok(())
    }

    /// `\uXXXX`, its `\u` taken; a leading surrogate must be followed by a trailing one.
    fn unicode_escape(&mut self) -> Result<(), ReadError> {
        let first = self.hex()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error(Code::LoneSurrogate)),
            0xD800..=0xDBFF => {
                for byte in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(Code::EofString)),
                        Some(next) if next != byte => return Err(self.error(Code::HexEnd)),
                        Some(_) => {}
                    }
                }
                let second = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(Code::LoneSurrogate));
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00))
            }
            _ => u32::from(first),
        };
        self.scratch.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// Four hex digits.
    fn hex(&mut self) -> Result<u16, ReadError> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error(Code::EofString));
        };
        self.at += 4;
        let value = digits.iter().try_fold(0u16, |n, &b| Some(n << 4 | char::from(b).to_digit(16)? as u16));
        value.ok_or_else(|| self.error(Code::Escape))
    }

    /// A string skipped, its opening quote taken (escapes checked, not decoded).
    fn skip_string(&mut self) -> Result<(), ReadError> {
        loop {
            match self.peek() {
                None => return Err(self.error(Code::EofString)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.next() {
                        None => return Err(self.error(Code::EofString)),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') => {
                            self.hex()?;
                        }
                        Some(_) => return Err(self.error(Code::Escape)),
                    }
                }
                Some(0..=0x1f) => return Err(self.error(Code::Control)),
                Some(_) => self.at += 1,
            }
        }
    }

    /// A value skipped (after whitespace): nested containers by a stack of their brackets.
    #[inline(never)]
    fn skip(&mut self) -> Result<(), ReadError> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            let entered = match self.blank() {
                None => return Err(self.peek_error(Code::EofValue)),
                Some(b'n') => self.literal(b"ull")?,
                Some(b't') => self.literal(b"rue")?,
                Some(b'f') => self.literal(b"alse")?,
                Some(b'-' | b'0'..=b'9') => {
                    let negative = self.peek() == Some(b'-');
                    self.at += usize::from(negative);
                    self.number(negative, Code::Number)?;
                    false
                }
                Some(b'"') => {
                    self.at += 1;
                    self.skip_string()?;
                    false
                }
                Some(bracket @ (b'[' | b'{')) => {
                    self.at += 1;
                    open.push(bracket);
                    true
                }
                Some(_) => return Err(self.peek_error(Code::Value)),
            };
            // After a value (or an opening bracket): close what ends here, then find the next value.
            let mut accept_comma = !entered;
            loop {
                let Some(&frame) = open.last() else { return Ok(()) };
                match self.blank() {
                    Some(b',') if accept_comma => {
                        self.at += 1;
                        break;
                    }
                    Some(b']') if frame == b'[' => {}
                    Some(b'}') if frame == b'{' => {}
                    Some(_) if accept_comma => {
                        let code = if frame == b'[' { Code::ListCommaOrEnd } else { Code::ObjectCommaOrEnd };
                        return Err(self.peek_error(code));
                    }
                    Some(_) => break,
                    None => {
                        return Err(self.peek_error(if frame == b'[' { Code::EofList } else { Code::EofObject }));
                    }
                }
                self.at += 1;
                open.pop();
                accept_comma = true;
            }
            if open.last() == Some(&b'{') {
                match self.blank() {
                    Some(b'"') => self.at += 1,
                    Some(_) => return Err(self.peek_error(Code::KeyString)),
                    None => return Err(self.peek_error(Code::EofObject)),
                }
                self.skip_string()?;
                self.colon()?;
            }
        }
    }

    /// A literal skipped (its first byte not yet taken): never a container.
    fn literal(&mut self, rest: &[u8]) -> Result<bool, ReadError> {
        self.at += 1;
        self.ident(rest).map(|()| false)
    }

    /// The text of the next value, whole (for a raw value).
    fn raw(&mut self) -> Result<&'a str, ReadError> {
        self.blank();
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }

    fn colon(&mut self) -> Result<(), ReadError> {
        match self.blank() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(Code::Colon)),
            None => Err(self.peek_error(Code::EofObject)),
        }
    }

    /// One level deeper, within the limit.
    fn enter(&mut self) -> Result<(), ReadError> {
        // Once at the limit it stays there (an error may have been dropped by a visitor).
        self.depth = self.depth.saturating_sub(1);
        match self.depth {
            0 => Err(self.peek_error(Code::Depth)),
            _ => {
                self.at += 1;
                Ok(())
            }
        }
    }

    fn end_list(&mut self) -> Result<(), ReadError> {
        self.depth += 1;
        match self.blank() {
            Some(b']') => {
                self.at += 1;
                Ok(())
            }
            Some(b',') => {
                self.at += 1;
                match self.blank() {
                    Some(b']') => Err(self.peek_error(Code::TrailingComma)),
                    _ => Err(self.peek_error(Code::Trailing)),
                }
            }
            Some(_) => Err(self.peek_error(Code::Trailing)),
            None => Err(self.peek_error(Code::EofList)),
        }
    }

    fn end_object(&mut self) -> Result<(), ReadError> {
        self.depth += 1;
        match self.blank() {
            Some(b'}') => {
                self.at += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error(Code::TrailingComma)),
            Some(_) => Err(self.peek_error(Code::Trailing)),
            None => Err(self.peek_error(Code::EofObject)),
        }
    }

    /// The error for a value of the wrong kind: the value is read (so the error is placed
    /// after it, as serde_json places it) and named.
    #[cold]
    #[inline(never)]
    fn invalid(&mut self, expected: &dyn Expected) -> ReadError {
        let unexpected = match self.peek().unwrap_or(0) {
            first @ (b'n' | b't' | b'f') => {
                self.at += 1;
                let (rest, unexpected): (&[u8], _) = match first {
                    b'n' => (b"ull", Unexpected::Unit),
                    b't' => (b"rue", Unexpected::Bool(true)),
                    _ => (b"alse", Unexpected::Bool(false)),
                };
                if let Err(e) = self.ident(rest) {
                    return e;
                }
                de::Error::invalid_type(unexpected, expected)
            }
            first @ (b'-' | b'0'..=b'9') => {
                self.at += usize::from(first == b'-');
                match self.number(first == b'-', Code::EofValue) {
                    Ok(Number::Unsigned(n)) => de::Error::invalid_type(Unexpected::Unsigned(n), expected),
                    Ok(Number::Signed(n)) => de::Error::invalid_type(Unexpected::Signed(n), expected),
                    Ok(Number::Text(_)) => de::Error::invalid_type(Unexpected::Other("number"), expected),
                    Err(e) => return e,
                }
            }
            b'"' => {
                self.at += 1;
                match self.string() {
                    Ok(text) => de::Error::invalid_type(Unexpected::Str(self.text(text)), expected),
                    Err(e) => return e,
                }
            }
            b'[' => de::Error::invalid_type(Unexpected::Seq, expected),
            b'{' => de::Error::invalid_type(Unexpected::Map, expected),
            _ => return self.peek_error(Code::Value),
        };
        self.fix(unexpected)
    }

    /// The next value must start; its first byte.
    fn start(&mut self) -> Result<u8, ReadError> {
        self.blank().ok_or_else(|| self.peek_error(Code::EofValue))
    }

    /// A list's items to `visitor`, `[` next.
    fn list<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let items = visitor.visit_seq(List { reader: self, first: true });
        let end = self.end_list();
        let items = items?;
        end.map(|()| items)
    }

    /// An object's members to `visitor`, `{` next.
    fn object<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let members = visitor.visit_map(Object { reader: self, first: true });
        let end = self.end_object();
        let members = members?;
        end.map(|()| members)
    }

    /// A string to `visitor`, `"` next.
    fn str<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.at += 1;
        match self.string()? {
            Text::Borrowed(piece) => visitor.visit_borrowed_str(piece),
            Text::Copied => visitor.visit_str(&self.scratch),
        }
    }

    /// A number to `visitor`, its first byte next.
    fn visit_number<V: Visitor<'a>>(&mut self, first: u8, visitor: V) -> Result<V::Value, ReadError> {
        let negative = first == b'-';
        self.at += usize::from(negative);
        match self.number(negative, Code::EofValue)? {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Signed(n) => visitor.visit_i64(n),
            // Owned, as serde_json hands it over (`visit_string`).
            Number::Text(text) => {
                visitor.visit_map(Token::new(crate::model::NUMBER_TOKEN, Cow::Owned(text.into_owned())))
            }
        }
    }

    /// `null`, `true` or `false` to `visitor`, its first byte next.
    fn visit_literal<V: Visitor<'a>>(&mut self, first: u8, visitor: V) -> Result<V::Value, ReadError> {
        self.at += 1;
        match first {
            b'n' => self.ident(b"ull").and_then(|()| visitor.visit_unit()),
            b't' => self.ident(b"rue").and_then(|()| visitor.visit_bool(true)),
            _ => self.ident(b"alse").and_then(|()| visitor.visit_bool(false)),
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            first @ (b'n' | b't' | b'f') => self.visit_literal(first, visitor),
            first @ (b'-' | b'0'..=b'9') => self.visit_number(first, visitor),
            b'"' => self.str(visitor),
            b'[' => self.list(visitor),
            b'{' => self.object(visitor),
            _ => Err(self.peek_error(Code::Value)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            first @ (b't' | b'f') => self.visit_literal(first, visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    /// Numbers of every width: integers as `u64`/`i64`; any other number is refused, named
    /// by its text (lasku reads fractions and big numbers with `deserialize_any`).
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            first @ (b'-' | b'0'..=b'9') => {
                let negative = first == b'-';
                self.at += usize::from(negative);
                match self.number(negative, Code::EofValue)? {
                    Number::Unsigned(n) => visitor.visit_u64(n),
                    Number::Signed(n) => visitor.visit_i64(n),
                    Number::Text(text) => {
                        let named = format!("floating point `{text}`");
                        Err(de::Error::invalid_type(Unexpected::Other(&named), &visitor))
                    }
                }
            }
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'"' => self.str(visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.blank() {
            Some(b'n') => {
                self.at += 1;
                self.ident(b"ull")?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'n' => self.visit_literal(b'n', visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &str, visitor: V) -> Result<V::Value, ReadError> {
        match name {
            RAW_TOKEN => {
                let raw = self.raw()?;
                visitor.visit_map(Token::new(RAW_TOKEN, Cow::Borrowed(raw)))
            }
            _ => visitor.visit_newtype_struct(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'[' => self.list(visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'{' => self.object(visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    /// A struct from an object, or from an array of its fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'{' => self.object(visitor),
            b'[' => self.list(visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    /// An enum's unit variant, from a string.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.start()? {
            b'"' => {
                self.at += 1;
                let text = self.string()?;
                let name = self.text(text).to_owned();
                visitor.visit_enum(de::value::StringDeserializer::<ReadError>::new(name)).map_err(|e| self.fix(e))
            }
            _ => Err(self.peek_error(Code::Value)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.blank();
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_f64(visitor)
    }

    /// A float: integers as `u64`/`i64`, other numbers parsed (lasku itself reads no floats, so
    /// this parser is only compiled in where a caller asks for one).
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            first @ (b'-' | b'0'..=b'9') => {
                let negative = first == b'-';
                self.at += usize::from(negative);
                match self.number(negative, Code::EofValue)? {
                    Number::Unsigned(n) => visitor.visit_u64(n),
                    Number::Signed(n) => visitor.visit_i64(n),
                    Number::Text(text) => match text.parse::<f64>() {
                        Ok(x) if x.is_finite() => visitor.visit_f64(x),
                        _ => Err(self.error(Code::OutOfRange)),
                    },
                }
            }
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    /// A 128-bit integer: its digits only, as serde_json reads one (a fraction is then
    /// trailing text).
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let negative = self.start()? == b'-';
        self.at += usize::from(negative);
        let read = match self.integer(negative)?.parse::<i128>() {
            Ok(n) => visitor.visit_i128(n),
            Err(_) => return Err(self.error(Code::OutOfRange)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.start()? == b'-' {
            return Err(self.peek_error(Code::OutOfRange));
        }
        let read = match self.integer(false)?.parse::<u128>() {
            Ok(n) => visitor.visit_u128(n),
            Err(_) => return Err(self.error(Code::OutOfRange)),
        };
        read.map_err(|e| self.fix(e))
    }

    /// Bytes from a string (its UTF-8) or from an array of numbers.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let read = match self.start()? {
            b'"' => {
                self.at += 1;
                match self.string()? {
                    Text::Borrowed(piece) => visitor.visit_borrowed_bytes(piece.as_bytes()),
                    Text::Copied => visitor.visit_bytes(self.scratch.as_bytes()),
                }
            }
            b'[' => self.list(visitor),
            _ => Err(self.invalid(&visitor)),
        };
        read.map_err(|e| self.fix(e))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_bytes(visitor)
    }
}
