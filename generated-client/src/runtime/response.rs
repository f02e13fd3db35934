// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;
use serde::de::{value::UnitDeserializer, DeserializeOwned, Error as _};
use serde::Deserialize;

use super::error::{snippet, ApiError, DecodeError, Error};
use crate::envelope::{Envelope, Meta};

/// A successful answer: the typed `data` with the rest of the envelope beside it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response<T> {
    /// The answer's `data`, typed.
    pub data: T,
    /// The server's `message`, when it sent one.
    pub message: Option<String>,
    /// The answer's `meta` (API version, timestamp, pagination).
    pub meta: Option<Meta>,
    /// The HTTP status.
    pub status: StatusCode,
    /// The HTTP headers.
    pub headers: HeaderMap,
}

impl<T> Response<T> {
    /// The typed data, dropping the rest.
    pub fn into_data(self) -> T {
        self.data
    }
}

/// The members of an envelope, as the generated `envelope` module reads them.
pub(crate) struct EnvelopeParts<T> {
    pub(crate) success: Option<bool>,
    pub(crate) data: Option<T>,
    pub(crate) message: Option<String>,
    pub(crate) meta: Option<Meta>,
}

/// The loose shape of an error body: enough to report what the server said.
#[derive(Deserialize, Default)]
struct ServerMessage {
    #[serde(default)]
    success: Option<bool>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    errors: Option<BTreeMap<String, FieldMessages>>,
}

/// A field's validation messages: a list, or a single string.
#[derive(Deserialize)]
#[serde(untagged)]
enum FieldMessages {
    Many(Vec<String>),
    One(String),
}

impl ServerMessage {
    fn parse(body: &[u8]) -> Self {
        serde_json::from_slice(body).unwrap_or_default()
    }
}

/// Turns an answer into the typed response or the error it stands for.
pub(crate) fn decode<T: DeserializeOwned>(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<T>, Error> {
    if !status.is_success() {
        return Err(error_for_status(status, headers, body));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        // An empty success (204 or a bare 200) is fine where no data is expected.
        let data = T::deserialize(UnitDeserializer::<serde_json::Error>::new())
            .map_err(|error| decode_error(".", &error, status, &headers, body))?;
        return Ok(Response {
            data,
            message: None,
            meta: None,
            status,
            headers,
        });
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let decoded = serde_path_to_error::deserialize::<_, Envelope<T>>(&mut deserializer)
        .map_err(|error| (error.path().to_string(), error.into_inner()))
        .and_then(|envelope| {
            // Anything after the JSON value makes the answer malformed too.
            deserializer
                .end()
                .map(|()| envelope)
                .map_err(|error| (".".to_string(), error))
        });
    let envelope = match decoded {
        Ok(envelope) => envelope,
        Err((path, error)) => {
            // A failure report whose data does not fit is still a failure report.
            if ServerMessage::parse(body).success == Some(false) {
                return Err(Error::Unsuccessful(Box::new(api_error(
                    status, headers, body,
                ))));
            }
            return Err(decode_error(&path, &error, status, &headers, body));
        }
    };
    let parts = envelope.into_parts();
    if parts.success == Some(false) {
        return Err(Error::Unsuccessful(Box::new(api_error(
            status, headers, body,
        ))));
    }
    let data = match parts.data {
        Some(data) => data,
        None => T::deserialize(UnitDeserializer::<serde_json::Error>::new()).map_err(|_| {
            let error = serde_json::Error::custom("the answer has no `data`");
            decode_error("data", &error, status, &headers, body)
        })?,
    };
    Ok(Response {
        data,
        message: parts.message,
        meta: parts.meta,
        status,
        headers,
    })
}

fn decode_error(
    path: &str,
    error: &dyn std::fmt::Display,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Error {
    Error::Decode(Box::new(DecodeError {
        path: path.to_string(),
        message: error.to_string(),
        snippet: snippet(body),
        status,
        headers: headers.clone(),
    }))
}

fn api_error(status: StatusCode, headers: HeaderMap, body: &[u8]) -> ApiError {
    let parsed = ServerMessage::parse(body);
    let field_errors = parsed
        .errors
        .unwrap_or_default()
        .into_iter()
        .map(|(field, messages)| match messages {
            FieldMessages::Many(list) => (field, list),
            FieldMessages::One(one) => (field, vec![one]),
        })
        .collect();
    ApiError {
        status,
        message: parsed.message,
        field_errors,
        body: snippet(body),
        headers,
    }
}

/// The error variant a non-2xx status stands for.
pub(crate) fn error_for_status(status: StatusCode, headers: HeaderMap, body: &[u8]) -> Error {
    let retry_after = retry_after(&headers);
    let error = Box::new(api_error(status, headers, body));
    match status {
        StatusCode::UNAUTHORIZED => Error::Unauthorized(error),
        StatusCode::FORBIDDEN => Error::Forbidden(error),
        StatusCode::NOT_FOUND => Error::NotFound(error),
        StatusCode::UNPROCESSABLE_ENTITY => Error::Validation(error),
        StatusCode::TOO_MANY_REQUESTS => Error::RateLimited { retry_after, error },
        _ => Error::Api(error),
    }
}

/// The wait a `Retry-After` header asks for (seconds, or an HTTP date).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when
        .signed_duration_since(chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    Some(wait)
}
