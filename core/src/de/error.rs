//! The reader's error: serde_json's messages and positions, written by lasku.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

/// What went wrong in the JSON text itself.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Code {
    EofList,
    EofObject,
    EofString,
    EofValue,
    Colon,
    ListCommaOrEnd,
    ObjectCommaOrEnd,
    Ident,
    Value,
    Escape,
    Number,
    Control,
    KeyString,
    LoneSurrogate,
    TrailingComma,
    Trailing,
    HexEnd,
    Depth,
    OutOfRange,
    NumericKey,
    DoubleQuote,
}

impl Code {
    fn message(self) -> &'static str {
        match self {
            Code::EofList => "EOF while parsing a list",
            Code::EofObject => "EOF while parsing an object",
            Code::EofString => "EOF while parsing a string",
            Code::EofValue => "EOF while parsing a value",
            Code::Colon => "expected `:`",
            Code::ListCommaOrEnd => "expected `,` or `]`",
            Code::ObjectCommaOrEnd => "expected `,` or `}`",
            Code::Ident => "expected ident",
            Code::Value => "expected value",
            Code::Escape => "invalid escape",
            Code::Number => "invalid number",
            Code::Control => "control character (\\u0000-\\u001F) found while parsing a string",
            Code::KeyString => "key must be a string",
            Code::LoneSurrogate => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::Trailing => "trailing characters",
            Code::HexEnd => "unexpected end of hex escape",
            Code::Depth => "recursion limit exceeded",
            Code::OutOfRange => "number out of range",
            Code::NumericKey => "invalid value: expected key to be a number in quotes",
            Code::DoubleQuote => "expected `\"`",
        }
    }
}

/// Why JSON text did not read as the type asked for, and where: a 1-based line and a byte
/// column (the bytes read on that line), as serde_json reports them; line 0 when the error
/// came from outside the text (a value's own check, before the reader placed it).
#[derive(Clone)]
pub struct ReadError {
    message: Box<str>,
    line: usize,
    column: usize,
}

impl ReadError {
    pub(crate) fn syntax(code: Code, line: usize, column: usize) -> Self {
        ReadError { message: code.message().into(), line, column }
    }

    /// The same message at a place, unless it has one.
    pub(crate) fn placed(self, line: usize, column: usize) -> Self {
        match self.line {
            0 => ReadError { line, column, ..self },
            _ => self,
        }
    }

    /// The 1-based line (0: no place).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The bytes read on that line.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => f.write_str(&self.message),
            line => write!(f, "{} at line {line} column {}", self.message, self.column),
        }
    }
}

impl fmt::Debug for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReadError({self})")
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    /// A message that ends in a place (an inner error's, passed on with a prefix by a
    /// model's member reader) keeps that place, as serde_json's errors do.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let mut message = msg.to_string();
        let (line, column) = take_place(&mut message).unwrap_or((0, 0));
        ReadError { message: message.into(), line, column }
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!("invalid type: {}, expected {}", Shown(unexp), exp))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!("invalid value: {}, expected {}", Shown(unexp), exp))
    }
}

/// Takes ` at line L column C` off the end of `message`: the place, if it was there.
fn take_place(message: &mut String) -> Option<(usize, usize)> {
    let start = crate::find::rfind(message, " at line ")?;
    let (line, column) = crate::find::split_once(message.get(start + " at line ".len()..)?, " column ")?;
    let number = |text: &str| text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse::<usize>().ok()).flatten();
    let place = (number(line)?, number(column)?);
    message.truncate(start);
    Some(place)
}

/// An unexpected value as serde_json names it (`null`, not serde's "unit value"). A float is
/// named without its digits: this reader hands numbers over as integers or as text, never as
/// `f64`, and formatting one would bring a float formatter into the WebAssembly module.
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(_) => f.write_str("floating point"),
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(n) => write!(f, "integer `{n}`"),
            Unexpected::Signed(n) => write!(f, "integer `{n}`"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Other(other) => f.write_str(other),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
        }
    }
}
