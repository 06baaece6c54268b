//! What the reader hands to visitors: a list's items, an object's members, a member name, and
//! the one-member maps of serde_json's number and raw-value conventions.

use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Visitor};

use super::{Code, ReadError, Reader, Text};

/// A list's items, its `[` taken.
pub(super) struct List<'r, 'a> {
    pub(super) reader: &'r mut Reader<'a>,
    pub(super) first: bool,
}

impl<'a> de::SeqAccess<'a> for List<'_, 'a> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>, ReadError> {
        let reader = &mut *self.reader;
        let more = reader.more_items(&mut self.first);
        match more? {
            true => seed.deserialize(reader).map(Some),
            false => Ok(None),
        }
    }
}

/// An object's members, its `{` taken.
pub(super) struct Object<'r, 'a> {
    pub(super) reader: &'r mut Reader<'a>,
    pub(super) first: bool,
}

impl<'a> de::MapAccess<'a> for Object<'_, 'a> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>, ReadError> {
        let reader = &mut *self.reader;
        let more = reader.more_members(&mut self.first);
        match more? {
            true => seed.deserialize(Key(reader)).map(Some),
            false => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        self.reader.colon()?;
        seed.deserialize(&mut *self.reader)
    }
}

/// A member's name, its `"` next.
pub(super) struct Key<'r, 'a>(&'r mut Reader<'a>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let reader = self.0;
        reader.at += 1;
        match reader.string()? {
            Text::Borrowed(name) => visitor.visit_borrowed_str(name),
            Text::Copied => visitor.visit_str(&reader.scratch),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    key_numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16
        deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64
    }

    serde::forward_to_deserialize_any! {
        bool char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// A number in a member's name (`{"1": ...}` read into a map keyed by numbers), as serde_json
/// reads one: the number inside the quotes, nothing else.
macro_rules! key_numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            let reader = self.0;
            reader.at += 1;
            if !matches!(reader.peek(), Some(b'0'..=b'9' | b'-')) {
                return Err(reader.error(Code::NumericKey));
            }
            let value = de::Deserializer::$method(&mut *reader, visitor)?;
            match reader.peek() {
                Some(b'"') => {
                    reader.at += 1;
                    Ok(value)
                }
                _ => Err(reader.peek_error(Code::DoubleQuote)),
            }
        }
    )*};
}
use key_numbers;

/// A one-member map, `{key: text}`: serde_json's form for a number that is not a 64-bit
/// integer and for a raw value.
pub(super) struct Token<'a> {
    key: &'static str,
    text: Option<Cow<'a, str>>,
    key_given: bool,
}

impl<'a> Token<'a> {
    pub(super) fn new(key: &'static str, text: Cow<'a, str>) -> Self {
        Token { key, text: Some(text), key_given: false }
    }
}

impl<'a> de::MapAccess<'a> for Token<'a> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>, ReadError> {
        match self.key_given {
            true => Ok(None),
            false => {
                self.key_given = true;
                seed.deserialize(BorrowedStrDeserializer::new(self.key)).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        match self.text.take() {
            // Borrowed text as borrowed (a `&RawValue` takes nothing else).
            Some(Cow::Borrowed(text)) => seed.deserialize(BorrowedStrDeserializer::new(text)),
            Some(Cow::Owned(text)) => seed.deserialize(StringDeserializer::new(text)),
            None => Err(de::Error::custom("a value was asked for twice")),
        }
    }
}

impl Reader<'_> {
    /// Whether a list has another item (after its comma, if any): out of line, one copy for
    /// every item type.
    #[inline(never)]
    fn more_items(&mut self, first: &mut bool) -> Result<bool, ReadError> {
        match self.blank() {
            None => Err(self.peek_error(Code::EofList)),
            Some(b']') => Ok(false),
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.at += 1;
                match self.blank() {
                    Some(b']') => Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => Ok(true),
                    None => Err(self.peek_error(Code::EofValue)),
                }
            }
            Some(_) => Err(self.peek_error(Code::ListCommaOrEnd)),
        }
    }

    /// Whether an object has another member (after its comma, if any), its name's quote next.
    #[inline(never)]
    fn more_members(&mut self, first: &mut bool) -> Result<bool, ReadError> {
        match self.blank() {
            None => Err(self.peek_error(Code::EofObject)),
            Some(b'}') => Ok(false),
            Some(next) if *first => {
                *first = false;
                match next {
                    b'"' => Ok(true),
                    _ => Err(self.peek_error(Code::KeyString)),
                }
            }
            Some(b',') => {
                self.at += 1;
                match self.blank() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => Err(self.peek_error(Code::KeyString)),
                    None => Err(self.peek_error(Code::EofValue)),
                }
            }
            Some(_) => Err(self.peek_error(Code::ObjectCommaOrEnd)),
        }
    }
}
