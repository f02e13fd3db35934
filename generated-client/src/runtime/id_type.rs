// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! The id types of a spec's resources (`x-id-type`): a newtype per kind over its wire type.
//! They differ only in name and wire type, so the generated `types` module names each once:
//! `crate::runtime::id_type!(#[doc = "The id of a `Expense`."] ExpenseId: uuid);`.

/// Defines an id type: `Name: uuid`, `Name: string`, or an integer
/// `Name: i64, from [i32, u32], try_from [u64]` (the integer types it converts from without
/// loss, and those it converts from when the value fits).
#[allow(unused_macros)] // For emitted code; see mod.rs.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident: uuid) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(uuid::Uuid);

        $crate::runtime::id_type!(@wire $name uuid::Uuid);
    };
    ($(#[$doc:meta])* $name:ident: string) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        $crate::runtime::id_type!(@wire $name String);

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_string())
            }
        }
    };
    (
        $(#[$doc:meta])* $name:ident: $inner:ty,
        from [$($lossless:ty),*], try_from [$($fallible:ty),*]
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name($inner);

        $crate::runtime::id_type!(@wire $name $inner);

        $(
            impl From<$lossless> for $name {
                fn from(id: $lossless) -> Self {
                    Self(<$inner>::from(id))
                }
            }
        )*
        $(
            impl TryFrom<$fallible> for $name {
                type Error = std::num::TryFromIntError;

                fn try_from(id: $fallible) -> Result<Self, Self::Error> {
                    <$inner>::try_from(id).map(Self)
                }
            }
        )*
    };
    // What every id has: its wire value out, conversions both ways, text both ways.
    (@wire $name:ident $inner:ty) => {
        impl $name {
            /// The id as it goes on the wire.
            #[must_use]
            pub fn into_inner(self) -> $inner {
                self.0
            }
        }

        impl From<$inner> for $name {
            fn from(id: $inner) -> Self {
                Self(id)
            }
        }

        impl From<$name> for $inner {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = <$inner as std::str::FromStr>::Err;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }
    };
}
pub(crate) use id_type;

#[cfg(test)]
mod tests {
    id_type!(
        /// An integer id.
        NumberId: i64, from [i32, u32], try_from [u64]
    );
    id_type!(
        /// A text id.
        TextId: string
    );

    #[test]
    fn ids_convert_from_what_a_program_holds_and_print_as_on_the_wire() {
        let id = NumberId::from(7_u32);
        assert_eq!(id, NumberId::from(7_i64));
        assert_eq!(id.to_string(), "7");
        assert_eq!("7".parse::<NumberId>(), Ok(id));
        assert_eq!(NumberId::try_from(u64::MAX).ok(), None);
        assert_eq!(i64::from(id), 7);
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("7"));
        let text = TextId::from("wh_1");
        assert_eq!(text.clone().into_inner(), "wh_1");
        assert_eq!(serde_json::from_str::<TextId>("\"wh_1\"").ok(), Some(text));
    }
}
