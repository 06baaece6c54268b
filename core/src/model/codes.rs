//! Code lists whose values the docs only partly show: the known ones get names, any other value
//! is kept as `Other` and sent back unchanged.

/// Behaviour shared by every code list.
pub trait Code: Sized {
    /// The known wire values of this code list.
    const KNOWN: &'static [&'static str];
    /// The value as it appears on the wire.
    fn as_wire(&self) -> &str;
    /// Parses a wire value; unknown values become `Other`.
    fn from_wire(value: &str) -> Self;
}

/// Declares a code list: named known values plus `Other(String)`.
macro_rules! code {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $wire:literal => $variant:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("\n\nWire value `", $wire, "`.")] $variant, )*
            /// A value the documentation never showed, kept as it came.
            Other(String),
        }

        impl $crate::model::Code for $name {
            const KNOWN: &'static [&'static str] = &[$($wire),*];
            fn as_wire(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Other(value) => value,
                }
            }
            fn from_wire(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::model::Code::as_wire(self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::model::Code::as_wire(self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(<$name as $crate::model::Code>::from_wire(&value))
            }
        }

        impl $crate::model::Member for $name {
            fn slot(place: &mut Option<Self>) -> $crate::model::Slot<'_> {
                $crate::model::Slot::Code(place)
            }
            fn value(&self) -> $crate::model::Value<'_> {
                $crate::model::Value::Code($crate::model::Code::as_wire(self))
            }
        }

        impl $crate::model::WireType for $name {
            fn wire_type() -> $crate::model::WireTypeRef {
                $crate::model::WireTypeRef::Code(stringify!($name), <$name as $crate::model::Code>::KNOWN)
            }
        }
    };
}

pub(crate) use code;
