// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::StatusCode;
use serde::de::{value::UnitDeserializer, DeserializeOwned, Error as _, IgnoredAny};
use serde::Deserialize;

use super::binary::Binary;
use super::error::{snippet, truncate, ApiError, DecodeError, Error, MESSAGE_BYTES};
use super::http::retry_after;
use super::{Envelope, Meta};

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
    /// An answer holding `data`, with status `200 OK` and no headers, message or metadata: for
    /// tests of your own code that takes a `Response` (the `with_` methods set the rest).
    ///
    /// ```
    /// let answer = webwork_client::Response::new(vec![1, 2])
    ///     .with_message("OK")
    ///     .with_status(webwork_client::StatusCode::CREATED);
    /// assert_eq!(answer.data.len(), 2);
    /// ```
    pub fn new(data: T) -> Self {
        bare(data, StatusCode::OK, HeaderMap::new())
    }

    /// The same answer with status `status`.
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// The same answer with headers `headers`.
    #[must_use]
    pub fn with_headers(mut self, headers: HeaderMap) -> Self {
        self.headers = headers;
        self
    }

    /// The same answer with the server's `message`.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The same answer with metadata `meta`.
    #[must_use]
    pub fn with_meta(mut self, meta: Meta) -> Self {
        self.meta = Some(meta);
        self
    }

    /// The typed data, dropping the rest.
    pub fn into_data(self) -> T {
        self.data
    }

    /// The same answer with its data changed by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            data: f(self.data),
            message: self.message,
            meta: self.meta,
            status: self.status,
            headers: self.headers,
        }
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

/// How a generated operation turns a successful (2xx) answer into its typed response; the
/// client has already turned any other status into its error.
pub(crate) type Decoder<T> = fn(StatusCode, HeaderMap, &[u8]) -> Result<Response<T>, Error>;

/// Decodes a JSON answer wrapped in the envelope; `success: false` is an error.
pub(crate) fn decode_enveloped<T: DeserializeOwned>(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<T>, Error> {
    if is_blank(body) {
        return unit_data(status, headers, body);
    }
    let envelope = match parse::<Envelope<T>>(body) {
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

/// Decodes an enveloped answer of an operation documented without `data`: whatever `data`
/// holds (`null`, `[]`, `{}`, anything, or nothing) is not read, since nothing is lost by
/// ignoring it. `success: false` is still an error.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn decode_enveloped_without_data(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<()>, Error> {
    decode_enveloped::<IgnoredAny>(status, headers, body).map(|answer| answer.map(|_| ()))
}

/// Decodes a JSON answer that is the data itself.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn decode_json<T: DeserializeOwned>(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<T>, Error> {
    if is_blank(body) {
        return unit_data(status, headers, body);
    }
    match parse::<T>(body) {
        Ok(data) => Ok(bare(data, status, headers)),
        Err((path, error)) => Err(decode_error(&path, &error, status, &headers, body)),
    }
}

/// Hands out the answer's bytes, with its `Content-Type`.
#[allow(clippy::unnecessary_wraps)] // It is a `Decoder`, whose answers may fail.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn decode_binary(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<Binary>, Error> {
    let mut data = Binary::new(body);
    if let Some(media) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) {
        data = data.with_content_type(media);
    }
    Ok(bare(data, status, headers))
}

/// An answer documented without content: whatever the body holds is not read.
#[allow(clippy::unnecessary_wraps)] // It is a `Decoder`, whose answers may fail.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) fn decode_empty(
    status: StatusCode,
    headers: HeaderMap,
    _body: &[u8],
) -> Result<Response<()>, Error> {
    Ok(bare((), status, headers))
}

fn bare<T>(data: T, status: StatusCode, headers: HeaderMap) -> Response<T> {
    Response {
        data,
        message: None,
        meta: None,
        status,
        headers,
    }
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// An empty success (204 or a bare 200), fine where no data is expected.
fn unit_data<T: DeserializeOwned>(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<Response<T>, Error> {
    let data = T::deserialize(UnitDeserializer::<serde_json::Error>::new())
        .map_err(|error| decode_error(".", &error, status, &headers, body))?;
    Ok(bare(data, status, headers))
}

/// Parses `body` as a `D`. The fast path decodes straight from the body; only when that fails
/// is the body read a second time with the path tracker, to say where it failed.
pub(crate) fn parse<D: DeserializeOwned>(body: &[u8]) -> Result<D, (String, serde_json::Error)> {
    serde_json::from_slice::<D>(body).or_else(|_| locate_failure::<D>(body))
}

/// Decodes `body` again while tracking the path, for the error that names where it failed.
fn locate_failure<D: DeserializeOwned>(body: &[u8]) -> Result<D, (String, serde_json::Error)> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize::<_, D>(&mut deserializer)
        .map_err(|error| (error.path().to_string(), error.into_inner()))
        .and_then(|value| {
            // Anything after the JSON value makes the answer malformed too.
            deserializer
                .end()
                .map(|()| value)
                .map_err(|error| (".".to_string(), error))
        })
}

pub(crate) fn decode_error(
    path: &str,
    error: &dyn std::fmt::Display,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Error {
    Error::Decode(Box::new(DecodeError {
        path: truncate(path.to_string(), MESSAGE_BYTES),
        // serde quotes the offending value, which may be as large as the body.
        message: truncate(error.to_string(), MESSAGE_BYTES),
        snippet: snippet(body),
        body: body.to_vec(),
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
    let message = parsed
        .message
        .map(|message| truncate(message, MESSAGE_BYTES));
    ApiError {
        status,
        message,
        field_errors,
        body: snippet(body),
        raw_body: body.to_vec(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn enveloped<T: DeserializeOwned>(body: &str) -> Result<Response<T>, Error> {
        decode_enveloped(StatusCode::OK, HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn the_envelope_is_unwrapped_around_the_data() {
        let answer = enveloped::<Vec<i32>>(r#"{"success":true,"data":[1,2],"message":"ok"}"#);
        let answer = answer.unwrap();
        assert_eq!(answer.data, vec![1, 2]);
        assert_eq!(answer.message.as_deref(), Some("ok"));
    }

    #[test]
    fn success_false_is_a_failure_even_when_its_data_does_not_fit() {
        let error = enveloped::<Vec<i32>>(r#"{"success":false,"data":"x","message":"no"}"#);
        match error {
            Err(Error::Unsuccessful(error)) => assert_eq!(error.message(), Some("no")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn data_that_does_not_fit_is_a_decode_error_naming_where() {
        match enveloped::<Vec<i32>>(r#"{"success":true,"data":[1,"two"]}"#) {
            Err(Error::Decode(error)) => assert_eq!(error.path(), "data[1]"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn data_documented_absent_is_not_read_whatever_it_holds() {
        for body in [
            r#"{"success":true}"#,
            r#"{"success":true,"data":null}"#,
            r#"{"success":true,"data":[]}"#,
            r#"{"success":true,"data":{"id":1}}"#,
            "",
        ] {
            let answer =
                decode_enveloped_without_data(StatusCode::OK, HeaderMap::new(), body.as_bytes());
            assert!(answer.is_ok(), "{body}: {answer:?}");
        }
    }

    #[test]
    fn an_empty_body_is_fine_only_where_no_data_is_expected() {
        assert!(enveloped::<()>("  ").is_ok());
        assert!(matches!(enveloped::<Vec<i32>>(""), Err(Error::Decode(_))));
    }
}
