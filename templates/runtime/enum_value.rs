//! The traits every enum of a spec's values has besides its own mapping of values. The
//! generated `types` module writes out what differs per enum, its variants with the values
//! they stand for (`as_str` and `From<String>`, or `value` and `From<i64>`), and names one of
//! these macros once for the rest, which only forwards to those:
//! `crate::runtime::string_enum_traits!(Status);`.

/// Implements `From<&str>`, `Display`, `Serialize` and `Deserialize` (as its text) for an enum
/// of string values with `fn as_str(&self) -> &str` and `From<String>`.
#[allow(unused_macros)] // For emitted code; see mod.rs.
macro_rules! string_enum_traits {
    ($name:ident) => {
        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from(value.to_owned())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as serde::Deserialize>::deserialize(deserializer)
                    .map(Self::from)
            }
        }
    };
}
pub(crate) use string_enum_traits;

/// Implements `Display`, `Serialize` and `Deserialize` (as its number) for an enum of integer
/// values with `fn value(self) -> i64` and `From<i64>`.
#[allow(unused_macros)] // For emitted code; see mod.rs.
macro_rules! integer_enum_traits {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <i64 as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    };
}
pub(crate) use integer_enum_traits;

#[cfg(test)]
mod tests {
    /// A colour, as a generated string enum writes it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Colour {
        Red,
        Other(String),
    }

    impl Colour {
        fn as_str(&self) -> &str {
            match self {
                Self::Red => "red",
                Self::Other(value) => value,
            }
        }
    }

    impl From<String> for Colour {
        fn from(value: String) -> Self {
            match value.as_str() {
                "red" => Self::Red,
                _ => Self::Other(value),
            }
        }
    }

    string_enum_traits!(Colour);

    /// A priority, as a generated integer enum writes it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Priority {
        High,
        Other(i64),
    }

    impl Priority {
        fn value(self) -> i64 {
            match self {
                Self::High => 1,
                Self::Other(value) => value,
            }
        }
    }

    impl From<i64> for Priority {
        fn from(value: i64) -> Self {
            match value {
                1 => Self::High,
                _ => Self::Other(value),
            }
        }
    }

    integer_enum_traits!(Priority);

    #[test]
    fn a_string_enum_reads_and_writes_its_values_and_keeps_an_unknown_one() {
        assert_eq!(Colour::from("red"), Colour::Red);
        assert_eq!(Colour::Red.to_string(), "red");
        assert_eq!(
            serde_json::to_string(&Colour::Red).ok().as_deref(),
            Some("\"red\"")
        );
        let unknown = serde_json::from_str::<Colour>("\"teal\"").ok();
        assert_eq!(unknown, Some(Colour::Other("teal".into())));
        assert_eq!(unknown.map(|c| c.to_string()).as_deref(), Some("teal"));
    }

    #[test]
    fn an_integer_enum_reads_and_writes_its_values_and_keeps_an_unknown_one() {
        assert_eq!(Priority::High.to_string(), "1");
        assert_eq!(
            serde_json::to_string(&Priority::High).ok().as_deref(),
            Some("1")
        );
        assert_eq!(
            serde_json::from_str::<Priority>("1").ok(),
            Some(Priority::High)
        );
        assert_eq!(
            serde_json::from_str::<Priority>("7").ok(),
            Some(Priority::Other(7))
        );
        assert_eq!(Priority::Other(7).to_string(), "7");
    }
}
