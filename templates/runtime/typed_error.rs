//! Error answers as the spec describes them. Each operation that documents an error answer
//! with a schema has an enum of its documented error answers (`CreateExpenseError`, beside its
//! builder and in the crate's `errors` module), one variant per answer holding its typed body;
//! [`Error::typed`] and [`ApiError::typed`] decode an error's kept body into it. The crate's one
//! [`Error`] stays what every call returns, so `?` works everywhere; the typed view is on top.
//!
//! ```
//! use webwork_client::{ApiError, Error, ErrorAnswer, StatusCode};
//!
//! /// An error enum as the generator writes them (here by hand).
//! #[derive(Debug, Clone)]
//! enum LookupError {
//!     NotFound(serde_json::Value),
//! }
//!
//! impl ErrorAnswer for LookupError {
//!     fn from_answer(status: StatusCode, body: &[u8]) -> Option<Self> {
//!         match status.as_u16() {
//!             404 => Some(Self::NotFound(serde_json::from_slice(body).ok()?)),
//!             _ => None,
//!         }
//!     }
//!     fn parts(&self) -> (StatusCode, Option<serde_json::Value>) {
//!         match self {
//!             Self::NotFound(body) => (StatusCode::NOT_FOUND, Some(body.clone())),
//!         }
//!     }
//! }
//!
//! let error = Error::NotFound(Box::new(
//!     ApiError::new(StatusCode::NOT_FOUND).with_body(r#"{"message": "No such expense"}"#),
//! ));
//! assert!(matches!(error.typed::<LookupError>(), Some(LookupError::NotFound(_))));
//! ```

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::error::{ApiError, Error};

/// The documented error answers of one operation: what the generated `<Builder>Error` enums
/// implement, and what [`Error::typed`] decodes into.
pub trait ErrorAnswer: Sized {
    /// The variant `status` picks (an exact status before a `4XX`/`5XX` range, a range before
    /// `default`) with `body` decoded into its type; `None` when no variant takes the status or
    /// the body does not fit.
    fn from_answer(status: StatusCode, body: &[u8]) -> Option<Self>;

    /// The answer's status, and its body as JSON (`None` for an answer documented without
    /// one): what [`status`](Self::status) and [`body`](Self::body) give apart.
    fn parts(&self) -> (StatusCode, Option<Value>);

    /// The answer's status.
    fn status(&self) -> StatusCode {
        self.parts().0
    }

    /// The body as JSON; `None` for an answer documented without one.
    fn body(&self) -> Option<Value> {
        self.parts().1
    }

    /// What the body says went wrong (its `message`, `detail`, `title` or `error`), when it
    /// says.
    fn message(&self) -> Option<String> {
        error_message(&self.body()?)
    }
}

impl Error {
    /// This error's answer as the operation's error enum `E` (`CreateExpenseError`): `None`
    /// when the error is not an answer of the server, or its status is not documented, or its
    /// body does not fit (the raw body stays in [`ApiError::body`]).
    #[must_use]
    pub fn typed<E: ErrorAnswer>(&self) -> Option<E> {
        self.api_error()?.typed()
    }
}

impl ApiError {
    /// This answer as the operation's error enum `E`: the status picks the variant, the body
    /// is decoded into its type; `None` when neither fits.
    #[must_use]
    pub fn typed<E: ErrorAnswer>(&self) -> Option<E> {
        E::from_answer(self.status, &self.raw_body)
    }

    /// The whole body decoded into any `T`: for an answer the spec does not describe.
    ///
    /// # Errors
    /// When the body is not JSON of `T`'s shape.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.raw_body)
    }
}

/// The body of an error answer as `T`, for the generated `from_answer`s.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn error_body<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

/// The status `code` (of an error answer the spec documents, so always a valid one).
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn status_code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A typed error body as JSON, for the generated `body`s.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn error_json(body: &impl Serialize) -> Option<Value> {
    serde_json::to_value(body).ok()
}

/// What an error body says went wrong: its `message`, `detail` (problem details), `title`, or
/// `error` (a text, or an object with a `message`).
fn error_message(value: &Value) -> Option<String> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    text("message")
        .or_else(|| text("detail"))
        .or_else(|| text("title"))
        .or_else(|| match value.get("error")? {
            Value::String(text) => Some(text.clone()),
            other => other.get("message")?.as_str().map(str::to_string),
        })
}

/// Implements `Display` (the status, and the body's message) and `std::error::Error` for an
/// error enum that implements [`ErrorAnswer`]: `crate::runtime::error_answer_traits!(Name);`.
#[allow(unused_macros)] // For emitted code; see mod.rs.
macro_rules! error_answer_traits {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                use crate::runtime::ErrorAnswer as _;
                match self.message() {
                    Some(message) => write!(f, "{} ({message})", self.status()),
                    None => ::std::fmt::Display::fmt(&self.status(), f),
                }
            }
        }

        impl ::std::error::Error for $name {}
    };
}
#[allow(unused_imports)] // For emitted code; see mod.rs.
pub(crate) use error_answer_traits;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_found_where_common_shapes_put_it() {
        let message = |body: Value| error_message(&body);
        assert_eq!(error_json(&1), Some(Value::from(1)));
        assert_eq!(
            message(serde_json::json!({"message": "a"})),
            Some("a".into())
        );
        assert_eq!(
            message(serde_json::json!({"title": "t", "detail": "d"})),
            Some("d".into())
        );
        assert_eq!(
            message(serde_json::json!({"error": {"message": "e"}})),
            Some("e".into())
        );
        assert_eq!(
            message(serde_json::json!({"error": "Bad"})),
            Some("Bad".into())
        );
        assert_eq!(message(serde_json::json!([1])), None);
    }

    #[test]
    fn decode_reads_the_whole_body() {
        let long = "x".repeat(2000);
        let error =
            ApiError::new(StatusCode::BAD_REQUEST).with_body(format!("{{\"note\":\"{long}\"}}"));
        let body: Value = error.decode().unwrap();
        assert_eq!(body["note"].as_str().map(str::len), Some(2000));
        assert!(error.body().len() < 1000);
    }
}
