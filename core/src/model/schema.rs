//! A description of every model on the wire, from which the bindings generate their types
//! (TypeScript, Python `TypedDict`s), so they cannot drift from the Rust models.

use rust_decimal::Decimal;

/// One known member of a model.
#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    /// The member's name on the wire (PascalCase for Cash-In).
    pub wire: &'static str,
    /// The Rust field name (empty when lasku is built without its `rust-names` feature).
    pub rust: &'static str,
    /// The member's wire type.
    pub ty: fn() -> WireTypeRef,
}

/// The wire type of a member.
#[derive(Debug, Clone, Copy)]
pub enum WireTypeRef {
    /// A JSON string.
    String,
    /// A decimal amount: a JSON number (strings are accepted on input).
    Money,
    /// A JSON integer.
    Integer,
    /// A JSON boolean.
    Bool,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// An ISO-8601 timestamp.
    DateTime,
    /// An identifier (e.g. an invoice number): a JSON number or string.
    Identifier,
    /// Any JSON value.
    Json,
    /// A code list: its name and known values (others are allowed).
    Code(&'static str, &'static [&'static str]),
    /// A list of the inner type.
    List(fn() -> WireTypeRef),
    /// A nested model: its name and members.
    Model(&'static str, &'static [FieldInfo]),
    /// A page of a list: `{ "Data": [inner], "Meta": PageMeta }`.
    Page(fn() -> WireTypeRef),
}

/// Types that can appear as a model member.
pub trait WireType {
    /// The wire type of `Self`.
    fn wire_type() -> WireTypeRef;
}

macro_rules! wire_type {
    ($($ty:ty => $kind:ident),* $(,)?) => {
        $(impl WireType for $ty {
            fn wire_type() -> WireTypeRef {
                WireTypeRef::$kind
            }
        })*
    };
}

wire_type! {
    String => String,
    Decimal => Money,
    i64 => Integer,
    u32 => Integer,
    u64 => Integer,
    bool => Bool,
    chrono::NaiveDate => Date,
    chrono::DateTime<chrono::Utc> => DateTime,
    super::Identifier => Identifier,
    serde_json::Value => Json,
    crate::Secret => String,
}

impl<T: WireType> WireType for Vec<T> {
    fn wire_type() -> WireTypeRef {
        WireTypeRef::List(T::wire_type)
    }
}

/// Declares the wire type of a hand-written wrapper struct (a model whose members are required).
macro_rules! wrapper_wire_type {
    ($ty:ident { $($wire:literal => $rust:ident : $field:ty),* $(,)? }) => {
        impl $crate::model::WireType for $ty {
            fn wire_type() -> $crate::model::WireTypeRef {
                const FIELDS: &[$crate::model::FieldInfo] = &[
                    $($crate::model::FieldInfo { wire: $wire, rust: stringify!($rust), ty: <$field as $crate::model::WireType>::wire_type }),*
                ];
                $crate::model::WireTypeRef::Model(stringify!($ty), FIELDS)
            }
        }
    };
}

pub(crate) use wrapper_wire_type;
