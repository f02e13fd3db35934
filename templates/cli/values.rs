//! Checks of flag values, run by clap as it reads the command line: each gives the value's
//! text back (or a message clap prints with the usage), and [`to_json`] turns a checked value
//! into the JSON a body member holds.

// Each check's error is the message clap prints with the usage.
#![allow(clippy::missing_errors_doc)]

use serde_json::Value;

use super::spec::Kind;

/// A whole number.
pub fn integer(text: &str) -> Result<String, String> {
    text.parse::<i64>()
        .map(|_| text.to_string())
        .map_err(|_| format!("`{text}` is not a whole number"))
}

/// A number.
pub fn number(text: &str) -> Result<String, String> {
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(text.to_string()),
        _ => Err(format!("`{text}` is not a number")),
    }
}

/// A date, `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|_| text.to_string())
        .map_err(|_| format!("`{text}` is not a date such as 2024-01-31"))
}

/// A date and time, RFC 3339.
pub fn date_time(text: &str) -> Result<String, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|_| text.to_string())
        .map_err(|_| format!("`{text}` is not a date and time such as 2024-01-31T09:00:00Z"))
}

/// A UUID.
pub fn uuid(text: &str) -> Result<String, String> {
    uuid::Uuid::parse_str(text)
        .map(|_| text.to_string())
        .map_err(|_| format!("`{text}` is not a UUID"))
}

/// A JSON value.
pub fn json(text: &str) -> Result<String, String> {
    serde_json::from_str::<Value>(text)
        .map(|_| text.to_string())
        .map_err(|error| format!("`{text}` is not JSON: {error}"))
}

/// An HTTP method, in capitals.
pub fn method(text: &str) -> Result<String, String> {
    let upper = text.to_ascii_uppercase();
    if !upper.is_empty() && upper.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(upper)
    } else {
        Err(format!("`{text}` is not an HTTP method"))
    }
}

/// `key=value`.
pub fn pair(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err(format!("`{text}` is not KEY=VALUE")),
    }
}

/// The JSON of a checked value of `kind`: numbers and booleans as such, JSON as parsed, the
/// rest as text.
#[must_use]
pub fn to_json(kind: Kind, text: &str) -> Value {
    let parsed = match kind {
        Kind::Integer | Kind::Number | Kind::Boolean | Kind::Json => {
            serde_json::from_str(text).ok()
        }
        Kind::Text | Kind::Date | Kind::DateTime | Kind::Uuid | Kind::Enum(_) => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_string()))
}

/// The JSON of a `-F key=value` value: a JSON number, boolean, null, array or object when it
/// is one, else the text.
#[must_use]
pub fn loose_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_by_kind() {
        assert!(integer("42").is_ok());
        assert!(integer("4.2").is_err());
        assert!(number("4.2").is_ok());
        assert!(number("NaN").is_err());
        assert!(date("2024-02-29").is_ok());
        assert!(date("2023-02-29").is_err());
        assert!(date_time("2024-01-31T09:00:00+02:00").is_ok());
        assert!(date_time("2024-01-31").is_err());
        assert!(uuid("67e55044-10b1-426f-9247-bb680e5fe0c8").is_ok());
        assert!(uuid("67e55044").is_err());
        assert!(json("{\"a\":1}").is_ok());
        assert!(json("{").is_err());
        assert_eq!(method("patch").unwrap(), "PATCH");
        assert!(method("GE T").is_err());
        assert_eq!(pair("a=b=c").unwrap(), ("a".into(), "b=c".into()));
        assert!(pair("=b").is_err());
    }

    #[test]
    fn body_values_keep_their_json_type() {
        assert_eq!(to_json(Kind::Integer, "7"), Value::from(7));
        assert_eq!(to_json(Kind::Boolean, "true"), Value::Bool(true));
        assert_eq!(to_json(Kind::Text, "7"), Value::from("7"));
        assert_eq!(to_json(Kind::Json, "[1,2]"), serde_json::json!([1, 2]));
        assert_eq!(loose_json("1.5"), Value::from(1.5));
        assert_eq!(loose_json("hello"), Value::from("hello"));
    }
}
