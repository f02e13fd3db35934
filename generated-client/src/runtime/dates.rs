// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Dates the server writes in its own formats ("Jan 15, 2024", "2025-02-19 19:24:55").
//!
//! The generated `formats` module holds one small module per format the spec names with
//! `x-date-format`; they delegate here.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{de, Deserialize, Deserializer, Serializer};

/// A date or time that is written with a strftime-style pattern.
///
/// Reading also takes the ISO 8601 / RFC 3339 forms of the same value (`2024-01-15`,
/// `2024-01-15T10:30:00Z`), so a server that moves from its display format to ISO dates loses
/// nothing; writing always uses the pattern.
pub(crate) trait FormattedDate: Sized {
    /// Parses `text` with `format`, falling back to the ISO 8601 forms.
    fn parse_formatted(text: &str, format: &str) -> Option<Self>;
    /// Writes the value with `format`.
    fn to_formatted(&self, format: &str) -> String;
}

impl FormattedDate for NaiveDate {
    fn parse_formatted(text: &str, format: &str) -> Option<Self> {
        NaiveDate::parse_from_str(text, format)
            .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
            .ok()
            // A timestamp of the day: its date as written (in its own offset, not UTC's).
            .or_else(|| {
                NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                    .map(|t| t.date())
                    .ok()
            })
            .or_else(|| {
                chrono::DateTime::parse_from_rfc3339(text)
                    .ok()
                    .map(|t| t.date_naive())
            })
    }

    fn to_formatted(&self, format: &str) -> String {
        self.format(format).to_string()
    }
}

impl FormattedDate for NaiveDateTime {
    fn parse_formatted(text: &str, format: &str) -> Option<Self> {
        NaiveDateTime::parse_from_str(text, format)
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f"))
            .ok()
            .or_else(|| {
                chrono::DateTime::parse_from_rfc3339(text)
                    .ok()
                    .map(|t| t.naive_utc())
            })
    }

    fn to_formatted(&self, format: &str) -> String {
        self.format(format).to_string()
    }
}

pub(crate) fn serialize<T: FormattedDate, S: Serializer>(
    value: &T,
    format: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_formatted(format))
}

pub(crate) fn deserialize<'de, T: FormattedDate, D: Deserializer<'de>>(
    deserializer: D,
    format: &str,
) -> Result<T, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    parse(&text, format)
}

pub(crate) fn serialize_option<T: FormattedDate, S: Serializer>(
    value: &Option<T>,
    format: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.serialize_str(&value.to_formatted(format)),
        None => serializer.serialize_none(),
    }
}

pub(crate) fn deserialize_option<'de, T: FormattedDate, D: Deserializer<'de>>(
    deserializer: D,
    format: &str,
) -> Result<Option<T>, D::Error> {
    match Option::<std::borrow::Cow<str>>::deserialize(deserializer)? {
        // Servers write an empty string for "no date" as often as null.
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => parse(&text, format).map(Some),
        None => Ok(None),
    }
}

fn parse<T: FormattedDate, E: de::Error>(text: &str, format: &str) -> Result<T, E> {
    T::parse_formatted(text, format)
        .ok_or_else(|| E::custom(format!("`{text}` is not a date in the format `{format}`")))
}
