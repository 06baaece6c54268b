//! The building blocks of every API model: the `model!` macro, kept unknown members, explicit
//! nulls, code lists with an `Other` case, and a wire schema the bindings generate types from.
//!
//! Every model member is an `Option`: the validator, not the parser, reports what is missing,
//! so one call reports every problem at once. A member the docs never showed is kept in
//! `extra`; a member that arrived as JSON `null` is remembered and sent back as `null`, so a
//! document parsed and serialized again is the same JSON value.

mod codes;
mod dates;
mod identifier;
mod json;
mod members;
mod parsed;
mod schema;

pub(crate) use codes::code;
pub use codes::Code;
pub(crate) use dates::{not_a_date, not_a_timestamp, parse_http_date, UtcTimestamp};
pub use dates::{parse_date, parse_timestamp};
pub use identifier::{Identifier, InvoiceNumber};
pub use json::Json;
pub(crate) use members::{
    list_wrapper, write as members_write, write_wrapper, Member, Members, Reader, Slot, Value, WrapperReader,
};
pub(crate) use parsed::{not_a_decimal, DecimalNumber, Parsed, NUMBER_TOKEN};
pub(crate) use schema::wrapper_wire_type;
pub use schema::{FieldInfo, WireType, WireTypeRef};

use crate::table::Table;

/// A member's Rust name for [`FieldInfo::rust`]: empty without the `rust-names` feature, so the
/// names stay out of builds that never read them (the npm package's WebAssembly).
pub(crate) const fn rust_name(name: &'static str) -> &'static str {
    if cfg!(feature = "rust-names") {
        name
    } else {
        ""
    }
}

/// Members of a model that lasku does not know by name, each kept as the exact JSON text it
/// came as, in the order they came. Keeping raw text, not a parsed tree, makes unknown members
/// cheap to carry through. It dereferences to a [`Table`]`<String, Box<RawValue>>`.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Extra(pub Table<String, Box<serde_json::value::RawValue>>);

impl Extra {
    /// No members.
    pub fn new() -> Self {
        Extra::default()
    }

    /// Adds a member from any serializable value.
    pub fn insert_value<T: serde::Serialize>(&mut self, name: impl Into<String>, value: &T) -> serde_json::Result<()> {
        let raw = serde_json::value::to_raw_value(value)?;
        self.0.insert(name.into(), raw);
        Ok(())
    }

    /// A member parsed into any type.
    pub fn get_as<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<serde_json::Result<T>> {
        self.0.get(name).map(|raw| serde_json::from_str(raw.get()))
    }
}

impl std::ops::Deref for Extra {
    type Target = Table<String, Box<serde_json::value::RawValue>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// The same members with the same texts, in any order.
impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().all(|(name, text)| other.0.get(name).is_some_and(|t| t.get() == text.get()))
    }
}

/// Which known members of a model are explicit JSON `null`s (by declaration index).
///
/// An explicit null differs from an absent member on updates: `null` asks the server to clear
/// the member, absence leaves it as it is.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Nulls(u128);

impl Nulls {
    /// Whether member `index` is an explicit null.
    pub fn contains(self, index: usize) -> bool {
        index < 128 && self.0 & (1u128 << index) != 0
    }

    /// Marks member `index` as an explicit null, or unmarks it.
    pub fn set(&mut self, index: usize, null: bool) {
        if index < 128 {
            if null {
                self.0 |= 1u128 << index;
            } else {
                self.0 &= !(1u128 << index);
            }
        }
    }

    /// Whether no member is an explicit null.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::fmt::Debug for Nulls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Nulls({:#x})", self.0)
    }
}

macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $wire:literal => $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* #[doc = concat!("\n\nWire name: `", $wire, "`.")] pub $field: Option<$ty>, )*
            /// Members the documentation never showed, kept and sent back as they came.
            pub extra: $crate::model::Extra,
            /// Which known members arrived as explicit `null` (sent back as `null`).
            pub nulls: $crate::model::Nulls,
        }

        const _: () = {
            use $crate::model::{FieldInfo, WireType, WireTypeRef};

            #[allow(non_camel_case_types, clippy::enum_variant_names)]
            #[derive(Clone, Copy)]
            enum Idx { $($field),* }

            const COUNT: usize = [$(Idx::$field),*].len();
            const _: () = assert!(COUNT <= 128, "a model may have at most 128 known members");

            impl $name {
                /// Every known member: wire name, Rust name and wire type, in declaration order.
                pub const FIELDS: &'static [FieldInfo] = &[
                    $(FieldInfo { wire: $wire, rust: $crate::model::rust_name(stringify!($field)), ty: <$ty as WireType>::wire_type }),*
                ];

                /// Marks a known member (by wire name) to be sent as an explicit `null`, clearing
                /// its value. Returns `false` when the model has no member of that name.
                pub fn set_null(&mut self, wire: &str) -> bool {
                    match wire {
                        $($wire => { self.$field = None; self.nulls.set(Idx::$field as usize, true); true })*
                        _ => false,
                    }
                }

                /// Whether a known member (by wire name) will be sent as an explicit `null`.
                pub fn is_null(&self, wire: &str) -> bool {
                    match wire {
                        $($wire => self.$field.is_none() && self.nulls.contains(Idx::$field as usize),)*
                        _ => self.extra.get(wire).is_some_and(|raw| raw.get() == "null"),
                    }
                }
            }

            /// Every member empty: no value, no explicit `null`, no extra member.
            impl Default for $name {
                // One copy for every place that makes an empty model (the reader, lists of
                // models, the builder), not one inlined into each (wasm size).
                #[inline(never)]
                fn default() -> Self {
                    $name { $($field: None,)* extra: Default::default(), nulls: Default::default() }
                }
            }

            impl WireType for $name {
                fn wire_type() -> WireTypeRef {
                    WireTypeRef::Model(stringify!($name), <$name>::FIELDS)
                }
            }

            impl $crate::model::Members for $name {
                fn model_name(&self) -> &'static str {
                    stringify!($name)
                }
                fn fields(&self) -> &'static [FieldInfo] {
                    <$name>::FIELDS
                }
                fn slot(&mut self, index: usize) -> Option<($crate::model::Slot<'_>, &mut $crate::model::Nulls)> {
                    Some(match ORDER.get(index)? {
                        $(Idx::$field => ($crate::model::Member::slot(&mut self.$field), &mut self.nulls),)*
                    })
                }
                fn value(&self, index: usize) -> Option<$crate::model::Value<'_>> {
                    match ORDER.get(index)? {
                        $(Idx::$field => $crate::model::Member::value_of(&self.$field),)*
                    }
                }
                fn nulls(&self) -> $crate::model::Nulls {
                    self.nulls
                }
                fn extra(&self) -> &$crate::model::Extra {
                    &self.extra
                }
                fn extra_mut(&mut self) -> &mut $crate::model::Extra {
                    &mut self.extra
                }
            }

            impl $crate::model::Member for $name {
                fn slot(place: &mut Option<Self>) -> $crate::model::Slot<'_> {
                    $crate::model::Slot::Model(place)
                }
                fn value(&self) -> $crate::model::Value<'_> {
                    $crate::model::Value::Model(self)
                }
            }

            impl $crate::model::Member for Vec<$name> {
                fn slot(place: &mut Option<Self>) -> $crate::model::Slot<'_> {
                    $crate::model::Slot::List(place)
                }
                fn value(&self) -> $crate::model::Value<'_> {
                    $crate::model::Value::List(self)
                }
            }

            const ORDER: [Idx; COUNT] = [$(Idx::$field),*];

            impl ::serde::Serialize for $name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    $crate::model::members_write(self, serializer)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for $name {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                    let mut out = $name::default();
                    ::serde::de::DeserializeSeed::deserialize($crate::model::Reader(&mut out), d)?;
                    Ok(out)
                }
            }

            impl ::std::fmt::Debug for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    let mut s = f.debug_struct(stringify!($name));
                    $(if let Some(value) = &self.$field { s.field(stringify!($field), value); })*
                    if !self.extra.is_empty() { s.field("extra", &self.extra); }
                    s.finish()
                }
            }
        };
    };
}

pub(crate) use model;
