// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// Everything that can go wrong when calling the API.
///
/// Match on the variant to act on it: re-authenticate on [`Error::Unauthorized`], wait on
/// [`Error::RateLimited`], show [`ApiError::field_errors`] of [`Error::Validation`] to a user.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter the operation requires was not set on the request builder.
    #[error("the required parameter `{0}` was not set")]
    MissingParameter(&'static str),
    /// The client or a request is configured wrongly: an unusable base URL, a TLS back end that
    /// failed, an extra header that is not a valid header name or value.
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The request body could not be written as JSON.
    #[error("could not encode the request body: {source}")]
    Encode {
        /// What serde_json reported.
        source: serde_json::Error,
    },
    /// The request got no answer: the connection failed, timed out or broke.
    #[error("the request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// 401: the token is missing, invalid or expired.
    #[error("unauthorized: {0}")]
    Unauthorized(Box<ApiError>),
    /// 403: the token's user may not do this.
    #[error("forbidden: {0}")]
    Forbidden(Box<ApiError>),
    /// 404: the resource does not exist.
    #[error("not found: {0}")]
    NotFound(Box<ApiError>),
    /// 422: the server rejected the input; see [`ApiError::field_errors`].
    #[error("validation failed: {0}")]
    Validation(Box<ApiError>),
    /// 429: too many requests. `retry_after` is the wait the server asked for, if it said.
    #[error("rate limited: {error}")]
    RateLimited {
        /// How long the server asked to wait before the next request.
        retry_after: Option<Duration>,
        /// The answer itself.
        error: Box<ApiError>,
    },
    /// Any other answer outside 2xx.
    #[error("the server answered {0}")]
    Api(Box<ApiError>),
    /// A 2xx answer whose envelope says `success: false`.
    #[error("the server reported a failure: {0}")]
    Unsuccessful(Box<ApiError>),
    /// The answer could not be decoded into the expected type.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The answer's body was larger than the client reads
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)); it
    /// was not read to the end.
    #[error("the answer ({status}) is larger than the limit of {limit} bytes")]
    ResponseTooLarge {
        /// The limit in bytes.
        limit: usize,
        /// The HTTP status of the answer.
        status: StatusCode,
        /// The answer's headers.
        headers: Box<HeaderMap>,
    },
    /// An access token could not be obtained or refreshed (the OAuth2 token endpoint refused or
    /// could not be reached). The message never contains a token.
    #[error("authentication failed: {0}")]
    Auth(String),
}

impl Error {
    /// The HTTP status of the answer, when there was one.
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Transport(error) => error.status(),
            Error::Decode(error) => Some(error.status),
            Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => self.api_error().map(ApiError::status),
        }
    }

    /// The headers of the answer, when there was one.
    #[must_use]
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Decode(error) => Some(&error.headers),
            Error::ResponseTooLarge { headers, .. } => Some(headers),
            _ => self.api_error().map(ApiError::headers),
        }
    }

    /// The server's answer, for the variants that carry one.
    #[must_use]
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Unauthorized(error)
            | Error::Forbidden(error)
            | Error::NotFound(error)
            | Error::Validation(error)
            | Error::Api(error)
            | Error::Unsuccessful(error)
            | Error::RateLimited { error, .. } => Some(error),
            _ => None,
        }
    }

    /// Whether the request timed out.
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport(error) if error.is_timeout())
    }

    /// The wait the server asked for before the next request (`Retry-After`, or the
    /// rate-limit reset headers on a 429), when it said.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            Error::Api(error) => super::response::retry_after_header(&error.headers),
            _ => None,
        }
    }

    /// Whether sending the same request again may succeed: a connection failure or timeout, or
    /// an answer of 408, 429, 502, 503 or 504. The client retries these itself as its
    /// [`RetryPolicy`](crate::RetryPolicy) allows.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport(error) => {
                error.is_connect() || error.is_timeout() || error.is_request() || error.is_body()
            }
            Error::RateLimited { .. } => true,
            Error::Api(error) => matches!(error.status.as_u16(), 408 | 429 | 502 | 503 | 504),
            _ => false,
        }
    }
}

/// An answer the server sent instead of what was asked for.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) message: Option<String>,
    pub(crate) field_errors: BTreeMap<String, Vec<String>>,
    pub(crate) body: String,
    pub(crate) headers: HeaderMap,
}

impl ApiError {
    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The server's `message`, if its answer had one.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Per-field validation messages (`errors` in the body), empty when there were none.
    #[must_use]
    pub fn field_errors(&self) -> &BTreeMap<String, Vec<String>> {
        &self.field_errors
    }

    /// The start of the body as text (at most a few hundred bytes).
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The answer's headers.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => write!(f, "{} ({message})", self.status),
            None if self.body.is_empty() => write!(f, "{}", self.status),
            None => write!(f, "{} ({})", self.status, self.body),
        }
    }
}

/// An answer that did not have the shape the spec describes.
#[derive(Debug, thiserror::Error)]
#[error("could not decode the answer at `{path}`: {message} (body starts: {snippet:?})")]
pub struct DecodeError {
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) snippet: String,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
}

impl DecodeError {
    /// The JSON path of the value that failed (`data[3].amount`), `.` for the whole body.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong with it.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The start of the body as text.
    #[must_use]
    pub fn snippet(&self) -> &str {
        &self.snippet
    }
}

/// How much of a body an error keeps.
const SNIPPET_BYTES: usize = 512;
/// How much of a message (the server's, or serde's about a value) an error keeps.
pub(crate) const MESSAGE_BYTES: usize = 1024;

/// `text` cut to at most `max` bytes at a character boundary, marked with `…` when cut.
pub(crate) fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

/// The first [`SNIPPET_BYTES`] of `body` as text, cut at a character boundary.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_BYTES)]);
    let mut text = text.into_owned();
    if body.len() > SNIPPET_BYTES {
        text.push('…');
    }
    text
}
