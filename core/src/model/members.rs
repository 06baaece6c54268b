//! One reader and one writer for every model.
//!
//! The `model!` macro gives each model a table of its members ([`Members`]): which member sits
//! at an index, as a [`Slot`] to read into or a [`Value`] to write. serde's work is then done here
//! once per deserializer and serializer, not once per model: nested models and lists of them go
//! through the same few functions. This keeps every binary small (the WebAssembly module above
//! all) while the JSON read and written, and every error message, stay those of serde.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserializer, Serialize, Serializer};

use super::parsed::Parsed;
use super::{Code, Extra, FieldInfo, Identifier, Nulls};
use crate::Secret;

/// A model seen through its members, whatever its type (implemented by `model!`).
pub(crate) trait Members {
    /// The model's name, for "expected a … object".
    fn model_name(&self) -> &'static str;
    /// Its known members, in declaration order.
    fn fields(&self) -> &'static [FieldInfo];
    /// Where member `index` is read into, beside the marks of explicit nulls.
    fn slot(&mut self, index: usize) -> Option<(Slot<'_>, &mut Nulls)>;
    /// Member `index`, when it holds a value.
    fn value(&self, index: usize) -> Option<Value<'_>>;
    /// Which members arrived as JSON `null`.
    fn nulls(&self) -> Nulls;
    /// Members the docs never showed.
    fn extra(&self) -> &Extra;
    /// Members the docs never showed, to add to.
    fn extra_mut(&mut self) -> &mut Extra;
}

/// What a member's type is, to the reader and the writer.
pub(crate) trait Member: Sized {
    /// The member's place as a slot to read into.
    fn slot(place: &mut Option<Self>) -> Slot<'_>;
    /// The member's value, to write.
    fn value(&self) -> Value<'_>;
    /// The value of an optional member, if it holds one: out of line, so that each model's
    /// [`Members::value`] is a call per member rather than the match inlined (wasm size).
    #[inline(never)]
    fn value_of(place: &Option<Self>) -> Option<Value<'_>> {
        place.as_ref().map(Self::value)
    }
}

/// A member's place, by the kind of value it holds.
pub(crate) enum Slot<'a> {
    Text(&'a mut Option<String>),
    Texts(&'a mut Option<Vec<String>>),
    Decimal(&'a mut Option<Decimal>),
    Date(&'a mut Option<NaiveDate>),
    Time(&'a mut Option<DateTime<Utc>>),
    Unsigned(&'a mut Option<u64>),
    Signed(&'a mut Option<i64>),
    Flag(&'a mut Option<bool>),
    Id(&'a mut Option<Identifier>),
    Secret(&'a mut Option<Secret>),
    Code(&'a mut dyn CodeSlot),
    Model(&'a mut dyn ModelSlot),
    List(&'a mut dyn ListSlot),
}

/// A member's value, by kind.
pub(crate) enum Value<'a> {
    Text(&'a str),
    Texts(&'a [String]),
    Decimal(&'a Decimal),
    Date(&'a NaiveDate),
    Time(&'a DateTime<Utc>),
    Unsigned(u64),
    Signed(i64),
    Flag(bool),
    Id(&'a Identifier),
    Secret(&'a Secret),
    Code(&'a str),
    Model(&'a dyn Members),
    List(&'a dyn ListValue),
}

/// An optional code-list member.
pub(crate) trait CodeSlot {
    /// Sets it from its wire value, or to none.
    fn set(&mut self, wire: Option<&str>);
}

impl<C: Code> CodeSlot for Option<C> {
    fn set(&mut self, wire: Option<&str>) {
        *self = wire.map(C::from_wire);
    }
}

/// An optional nested model.
pub(crate) trait ModelSlot {
    /// Sets it to none.
    fn clear(&mut self);
    /// Sets it to an empty model and gives that to read into.
    fn fill(&mut self) -> &mut dyn Members;
}

impl<M: Members + Default> ModelSlot for Option<M> {
    fn clear(&mut self) {
        *self = None;
    }
    fn fill(&mut self) -> &mut dyn Members {
        self.insert(M::default())
    }
}

/// An optional list of models.
pub(crate) trait ListSlot {
    /// Sets it to none.
    fn clear(&mut self);
    /// Sets it to an empty list.
    fn begin(&mut self);
    /// Appends an empty model and gives that to read into.
    fn push(&mut self) -> Option<&mut dyn Members>;
}

impl<M: Members + Default> ListSlot for Option<Vec<M>> {
    fn clear(&mut self) {
        *self = None;
    }
    fn begin(&mut self) {
        *self = Some(Vec::new());
    }
    fn push(&mut self) -> Option<&mut dyn Members> {
        let list = self.get_or_insert_with(Vec::new);
        list.push(M::default());
        list.last_mut().map(|model| model as &mut dyn Members)
    }
}

/// A list of models, to write.
pub(crate) trait ListValue {
    /// How many models.
    fn count(&self) -> usize;
    /// Model `index`.
    fn at(&self, index: usize) -> Option<&dyn Members>;
}

impl<M: Members> ListValue for Vec<M> {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, index: usize) -> Option<&dyn Members> {
        self.get(index).map(|model| model as &dyn Members)
    }
}

macro_rules! plain_members {
    ($($ty:ty => $slot:ident, $value:expr;)*) => {
        $(impl Member for $ty {
            fn slot(place: &mut Option<Self>) -> Slot<'_> {
                Slot::$slot(place)
            }
            fn value(&self) -> Value<'_> {
                let write: fn(&Self) -> Value<'_> = $value;
                write(self)
            }
        })*
    };
}

plain_members! {
    String => Text, |v| Value::Text(v);
    Vec<String> => Texts, |v| Value::Texts(v);
    Decimal => Decimal, |v| Value::Decimal(v);
    NaiveDate => Date, |v| Value::Date(v);
    DateTime<Utc> => Time, |v| Value::Time(v);
    u64 => Unsigned, |v| Value::Unsigned(*v);
    i64 => Signed, |v| Value::Signed(*v);
    bool => Flag, |v| Value::Flag(*v);
    Identifier => Id, |v| Value::Id(v);
    Secret => Secret, |v| Value::Secret(v);
}

// ---- reading ----

/// How the reader recognises a member name: [`MemberKey::Known`] by its index in the model's
/// fields (tried first at the index after the previous member's, since members mostly come in
/// declaration order), anything else as an extra member.
enum MemberKey {
    Known(usize),
    Extra(String),
}

struct KeySeed {
    fields: &'static [FieldInfo],
    next: usize,
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = MemberKey;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<MemberKey, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = MemberKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<MemberKey, E> {
        if self.fields.get(self.next).is_some_and(|f| f.wire == name) {
            return Ok(MemberKey::Known(self.next));
        }
        Ok(match self.fields.iter().position(|f| f.wire == name) {
            Some(index) => MemberKey::Known(index),
            None => MemberKey::Extra(name.to_owned()),
        })
    }
}

/// Reads a JSON object into a model: the one visitor of every model.
pub(crate) struct Reader<'a>(pub &'a mut dyn Members);

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.0.model_name())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = self.0.fields();
        let mut next = 0;
        while let Some(key) = map.next_key_seed(KeySeed { fields, next })? {
            match key {
                MemberKey::Known(index) => {
                    next = index + 1;
                    read_member(&mut map, &mut *self.0, index)?;
                }
                MemberKey::Extra(name) => {
                    let value: Box<serde_json::value::RawValue> = map.next_value()?;
                    self.0.extra_mut().insert(name, value);
                }
            }
        }
        Ok(())
    }
}

/// Reads member `index`'s value, noting whether it was `null`; an error names the member.
fn read_member<'de, A: MapAccess<'de>>(map: &mut A, model: &mut dyn Members, index: usize) -> Result<(), A::Error> {
    let wire = model.fields().get(index).map_or("", |field| field.wire);
    let Some((slot, nulls)) = model.slot(index) else {
        return map.next_value::<IgnoredAny>().map(drop);
    };
    let null = match slot {
        Slot::Text(place) => fill(map.next_value(), place),
        Slot::Texts(place) => fill(map.next_value(), place),
        Slot::Decimal(place) => fill(map.next_value_seed(Parsed::DECIMAL), place),
        Slot::Date(place) => fill(map.next_value_seed(Parsed::DATE), place),
        Slot::Time(place) => fill(map.next_value_seed(Parsed::TIMESTAMP), place),
        Slot::Unsigned(place) => fill(map.next_value_seed(Parsed::UNSIGNED), place),
        Slot::Signed(place) => fill(map.next_value_seed(Parsed::SIGNED), place),
        Slot::Flag(place) => fill(map.next_value(), place),
        Slot::Id(place) => fill(map.next_value(), place),
        Slot::Secret(place) => fill(map.next_value(), place),
        Slot::Code(place) => map.next_value::<Option<Cow<'de, str>>>().map(|wire| {
            place.set(wire.as_deref());
            wire.is_none()
        }),
        Slot::Model(place) => map.next_value_seed(Nullable(One(place))),
        Slot::List(place) => map.next_value_seed(Nullable(Many(place))),
    }
    .map_err(|e| de::Error::custom(format_args!("{wire}: {e}")))?;
    nulls.set(index, null);
    Ok(())
}

/// Puts a value read into its place; whether it was `null`.
fn fill<T, E>(read: Result<Option<T>, E>, place: &mut Option<T>) -> Result<bool, E> {
    *place = read?;
    Ok(place.is_none())
}

/// What is read into a nested place: a model or a list of them.
trait Nested {
    fn clear(self);
    fn read<'de, D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error>;
}

/// A nested model or `null`, as serde reads an `Option`; the value is whether it was `null`.
struct Nullable<N>(N);

impl<'de, N: Nested> DeserializeSeed<'de> for Nullable<N> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, N: Nested> Visitor<'de> for Nullable<N> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        self.0.clear();
        Ok(true)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        self.0.read(d).map(|()| false)
    }
}

struct One<'a>(&'a mut dyn ModelSlot);

impl Nested for One<'_> {
    fn clear(self) {
        self.0.clear();
    }
    fn read<'de, D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(Reader(self.0.fill()))
    }
}

struct Many<'a>(&'a mut dyn ListSlot);

impl Nested for Many<'_> {
    fn clear(self) {
        self.0.clear();
    }
    fn read<'de, D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Many<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.begin();
        while seq.next_element_seed(Element(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

/// The next model of a list, appended when the list has one more.
struct Element<'a>(&'a mut dyn ListSlot);

impl<'de> DeserializeSeed<'de> for Element<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0.push() {
            Some(model) => d.deserialize_map(Reader(model)),
            None => Err(de::Error::custom("a list member could not be added")),
        }
    }
}

// ---- writing ----

/// Writes a model as a JSON object: its members that hold a value or arrived as `null`, in
/// declaration order, then the extra members.
pub(crate) fn write<S: Serializer>(model: &dyn Members, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    let nulls = model.nulls();
    for (index, field) in model.fields().iter().enumerate() {
        match model.value(index) {
            Some(value) => write_value(&mut map, field.wire, value)?,
            None if nulls.contains(index) => map.serialize_entry(field.wire, &None::<()>)?,
            None => {}
        }
    }
    for (key, value) in model.extra().iter() {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

fn write_value<M: SerializeMap>(map: &mut M, wire: &str, value: Value<'_>) -> Result<(), M::Error> {
    match value {
        Value::Text(v) | Value::Code(v) => map.serialize_entry(wire, v),
        Value::Texts(v) => map.serialize_entry(wire, v),
        Value::Decimal(v) => map.serialize_entry(wire, &super::DecimalNumber(v)),
        Value::Date(v) => map.serialize_entry(wire, v),
        Value::Time(v) => map.serialize_entry(wire, &super::UtcTimestamp(v)),
        Value::Unsigned(v) => map.serialize_entry(wire, &v),
        Value::Signed(v) => map.serialize_entry(wire, &v),
        Value::Flag(v) => map.serialize_entry(wire, &v),
        Value::Id(v) => map.serialize_entry(wire, v),
        Value::Secret(v) => map.serialize_entry(wire, v),
        Value::Model(v) => map.serialize_entry(wire, &Written(v)),
        Value::List(v) => map.serialize_entry(wire, &WrittenList(v)),
    }
}

/// A nested model, written by [`write`].
struct Written<'a>(&'a dyn Members);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write(self.0, serializer)
    }
}

/// A list of models, each written by [`write`].
struct WrittenList<'a>(&'a dyn ListValue);

impl Serialize for WrittenList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.count()))?;
        for model in (0..self.0.count()).filter_map(|index| self.0.at(index)) {
            seq.serialize_element(&Written(model))?;
        }
        seq.end()
    }
}

// ---- wrappers ----

/// Writes a wrapper (a hand-written struct whose one member is a list of models, such as
/// `CaseList`) as `{"<wire>": [...]}`: one function for every wrapper, where a derived
/// `Serialize` would compile one per wrapper and per list type.
pub(crate) fn write_wrapper<S: Serializer>(
    serializer: S,
    wire: &'static str,
    list: &dyn ListValue,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(wire, &WrittenList(list))?;
    map.end()
}

/// Reads a wrapper's JSON object into its list, as a derived `Deserialize` would (the member
/// is required, other members are ignored, a repeated one is refused) and with the same
/// messages, but with one visitor for every wrapper. Unlike a derived struct, it refuses an
/// array in place of the object.
pub(crate) struct WrapperReader<'a> {
    /// The wrapper's name, for "expected struct …".
    pub name: &'static str,
    /// Its member's wire name.
    pub wire: &'static str,
    /// Where the list is read into.
    pub list: &'a mut dyn ListSlot,
}

impl<'de> Visitor<'de> for WrapperReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(ours) = map.next_key_seed(IsNamed(self.wire))? {
            if !ours {
                map.next_value::<IgnoredAny>()?;
            } else if seen {
                return Err(de::Error::duplicate_field(self.wire));
            } else {
                seen = true;
                map.next_value_seed(ListSeed(&mut *self.list))?;
            }
        }
        if seen {
            Ok(())
        } else {
            Err(de::Error::missing_field(self.wire))
        }
    }
}

/// A member name: whether it is the one named.
struct IsNamed(&'static str);

impl<'de> DeserializeSeed<'de> for IsNamed {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for IsNamed {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<bool, E> {
        Ok(name == self.0)
    }
}

/// A required list of models (`null` is refused, as for a `Vec`).
struct ListSeed<'a>(&'a mut dyn ListSlot);

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        Many(self.0).read(d)
    }
}

/// Declares a wrapper's wire type and its serde implementations through [`write_wrapper`] and
/// [`WrapperReader`]: `list_wrapper!(CaseList { "Cases" => cases: Vec<Case> })`.
macro_rules! list_wrapper {
    ($ty:ident { $wire:literal => $field:ident : Vec<$item:ty> }) => {
        $crate::model::wrapper_wire_type!($ty { $wire => $field: Vec<$item> });

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::model::write_wrapper(serializer, $wire, &self.$field)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let mut list: Option<Vec<$item>> = None;
                d.deserialize_map($crate::model::WrapperReader { name: stringify!($ty), wire: $wire, list: &mut list })?;
                Ok($ty { $field: list.unwrap_or_default() })
            }
        }
    };
}

pub(crate) use list_wrapper;

#[cfg(test)]
mod tests {
    use crate::cashin::{BatchInvoices, Case, CaseList, Debtor};

    #[test]
    fn a_wrapper_reads_and_writes_its_one_list() {
        let text = r#"{"Cases":[{"Debtor":{"Name":"Matti"},"Unknown":1}]}"#;
        let cases: CaseList = serde_json::from_str(text).unwrap();
        assert_eq!(cases.cases.len(), 1);
        assert_eq!(cases.cases[0].debtor.as_ref().and_then(|d| d.name.as_deref()), Some("Matti"));
        assert_eq!(serde_json::to_string(&cases).unwrap(), text);
        let built = CaseList {
            cases: vec![Case {
                debtor: Some(Debtor { name: Some("A".into()), ..Debtor::default() }),
                ..Case::default()
            }],
        };
        assert_eq!(serde_json::to_string(&built).unwrap(), r#"{"Cases":[{"Debtor":{"Name":"A"}}]}"#);
        // Other members are skipped, whatever their shape.
        let other: BatchInvoices = serde_json::from_str(r#"{"Note":{"a":[1,2]},"SalesInvoice":[]}"#).unwrap();
        assert!(other.sales_invoice.is_empty());
    }

    #[test]
    fn a_wrapper_refuses_with_the_messages_of_a_derived_struct() {
        let error = |text: &str| serde_json::from_str::<CaseList>(text).unwrap_err().to_string();
        assert_eq!(error("{}"), "missing field `Cases` at line 1 column 2");
        assert_eq!(error(r#"{"Cases":[],"Cases":[]}"#), "duplicate field `Cases` at line 1 column 19");
        assert!(error(r#"{"Cases":null}"#).starts_with("invalid type: null, expected a sequence"));
        // A derived struct would also read an array as its members in order.
        assert!(error("[]").starts_with("invalid type: sequence, expected struct CaseList"));
        assert!(error(r#"{"Cases":[{"Debtor":5}]}"#)
            .starts_with("Debtor: invalid type: integer `5`, expected a Debtor object"));
    }
}
