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
    /// Parameters the operation requires were not set on the request builder; nothing was
    /// sent. `names` are the builder's setters, every missing one, in the order the operation
    /// lists them. The generated builders' `.send()` compiles only once every required
    /// parameter is set (see [`required`](crate::required)), so their sends never return it;
    /// they still check before sending rather than assume.
    #[error("`{operation}` was not sent: {}", missing_text(names))]
    MissingParameter {
        /// The operationId of the operation.
        operation: &'static str,
        /// The setters of the missing parameters (and body properties).
        names: Vec<&'static str>,
    },
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
    /// The request got no answer: the connection failed, timed out or broke, after every
    /// send the retry policy allowed. Its text says what happened and how many sends were made;
    /// [`Error::is_timeout`] and [`Error::is_connect`] tell the common cases apart.
    #[error(transparent)]
    Transport(Box<TransportError>),
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
            Error::Transport(error) => error.source.status(),
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

    /// Whether the request timed out (connecting, or waiting for the answer).
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport(error) if error.is_timeout())
    }

    /// Whether no connection could be made: refused, unreachable, a failed DNS lookup or TLS
    /// handshake, or a connect timeout.
    #[must_use]
    pub fn is_connect(&self) -> bool {
        matches!(self, Error::Transport(error) if error.is_connect())
    }

    /// The error for the required parameters of `operation` that are not set: each entry is a
    /// setter's name and whether it is missing.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn missing(operation: &'static str, parameters: &[(&'static str, bool)]) -> Self {
        Error::MissingParameter {
            operation,
            names: parameters
                .iter()
                .filter(|(_, missing)| *missing)
                .map(|(name, _)| *name)
                .collect(),
        }
    }

    /// The same error, counting `attempts` sends if it is a transport failure.
    pub(crate) fn after_attempts(mut self, attempts: u32) -> Self {
        if let Error::Transport(error) = &mut self {
            error.attempts = attempts;
        }
        self
    }

    /// The wait the server asked for before the next request (`Retry-After`, or the
    /// rate-limit reset headers on a 429), when it said.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            Error::Api(error) => super::http::retry_after_header(&error.headers),
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
                let cause = &error.source;
                cause.is_connect() || cause.is_timeout() || cause.is_request() || cause.is_body()
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
    /// The whole body as it was read, for [`ApiError::typed`] and [`ApiError::decode`].
    pub(crate) raw_body: Vec<u8>,
    pub(crate) headers: HeaderMap,
}

impl ApiError {
    /// A failure answer with `status` and nothing else: for tests of your own code that handles
    /// an [`Error`] (the `with_` methods set the rest).
    ///
    /// ```
    /// use webwork_client::{ApiError, Error, StatusCode};
    /// let error = Error::Validation(Box::new(
    ///     ApiError::new(StatusCode::UNPROCESSABLE_ENTITY)
    ///         .with_message("The given data was invalid.")
    ///         .with_field_error("date", "The date field is required."),
    /// ));
    /// assert_eq!(error.status(), Some(StatusCode::UNPROCESSABLE_ENTITY));
    /// ```
    #[must_use]
    pub fn new(status: StatusCode) -> Self {
        ApiError {
            status,
            message: None,
            field_errors: BTreeMap::new(),
            body: String::new(),
            raw_body: Vec::new(),
            headers: HeaderMap::new(),
        }
    }

    /// The same error with the server's `message`.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The same error with one more validation message for `field`.
    #[must_use]
    pub fn with_field_error(
        mut self,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.field_errors
            .entry(field.into())
            .or_default()
            .push(message.into());
        self
    }

    /// The same error with `body` as the answer's body (which [`ApiError::typed`] decodes).
    #[must_use]
    pub fn with_body(mut self, body: impl Into<String>) -> Self {
        let body = body.into();
        self.raw_body = body.clone().into_bytes();
        self.body = snippet(&self.raw_body);
        self
    }

    /// The same error with headers `headers`.
    #[must_use]
    pub fn with_headers(mut self, headers: HeaderMap) -> Self {
        self.headers = headers;
        self
    }

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
#[derive(thiserror::Error)]
#[error("could not decode the answer at `{path}`: {message} (body starts: {snippet:?})")]
pub struct DecodeError {
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) snippet: String,
    pub(crate) body: Vec<u8>,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body can be megabytes: the snippet stands for it.
        f.debug_struct("DecodeError")
            .field("path", &self.path)
            .field("message", &self.message)
            .field("snippet", &self.snippet)
            .field("body_len", &self.body.len())
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish()
    }
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

    /// The whole answer as it was read (within
    /// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)), to
    /// decode it some other way:
    ///
    /// ```
    /// # fn handle(error: webwork_client::Error) {
    /// if let webwork_client::Error::Decode(error) = &error {
    ///     let answer: serde_json::Value = serde_json::from_slice(error.body()).unwrap_or_default();
    ///     println!("the server said {answer}");
    /// }
    /// # }
    /// ```
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The HTTP status of the answer.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

/// A request that got no answer, after every send the retry policy allowed.
///
/// Its text names the request and what happened (`GET /expenses: connection refused (4
/// attempts)`); [`source`](std::error::Error::source) is the HTTP stack's own error.
#[derive(Debug)]
pub struct TransportError {
    pub(crate) method: reqwest::Method,
    pub(crate) path: String,
    /// The timeout that applied to the send, for the text of a timeout.
    pub(crate) timeout: Option<Duration>,
    /// The connect timeout that applied, for the text of a connect timeout.
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) attempts: u32,
    pub(crate) source: reqwest::Error,
}

impl TransportError {
    /// How many times the request was sent.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Whether a send timed out (connecting, or waiting for the answer).
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        self.source.is_timeout() || self.cause() == Cause::ConnectTimeout
    }

    /// Whether no connection could be made (refused, unreachable, DNS, TLS, connect timeout).
    #[must_use]
    pub fn is_connect(&self) -> bool {
        self.source.is_connect()
    }

    /// What happened, read from the HTTP stack's error and its causes.
    fn cause(&self) -> Cause {
        let chain = std::iter::successors(
            Some(&self.source as &(dyn std::error::Error + 'static)),
            |error| error.source(),
        );
        let mut texts = String::new();
        let mut refused = false;
        for error in chain {
            if let Some(io) = error.downcast_ref::<std::io::Error>() {
                refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
            }
            texts.push_str(&error.to_string().to_ascii_lowercase());
            texts.push('\n');
        }
        let connect = self.source.is_connect();
        if connect && (self.source.is_timeout() || texts.contains("timed out")) {
            Cause::ConnectTimeout
        } else if self.source.is_timeout() {
            Cause::Timeout
        } else if refused || texts.contains("connection refused") {
            Cause::Refused
        } else if texts.contains("dns error") || texts.contains("failed to lookup address") {
            Cause::Dns
        } else if ["tls", "certificate", "handshake", "ssl"]
            .iter()
            .any(|word| texts.contains(word))
        {
            Cause::Tls
        } else if connect {
            Cause::Connect
        } else if self.source.is_body() || self.source.is_decode() {
            Cause::Body
        } else {
            Cause::Other
        }
    }
}

/// The kinds of transport failure the text of a [`TransportError`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cause {
    Timeout,
    ConnectTimeout,
    Refused,
    Dns,
    Tls,
    Connect,
    Body,
    Other,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: ", self.method, self.path)?;
        match (self.cause(), self.timeout, self.connect_timeout) {
            (Cause::Timeout, Some(limit), _) => write!(f, "timed out after {}", seconds(limit)),
            (Cause::Timeout, None, _) => f.write_str("timed out"),
            (Cause::ConnectTimeout, _, Some(limit)) => {
                write!(f, "connecting timed out after {}", seconds(limit))
            }
            (Cause::ConnectTimeout, _, None) => f.write_str("connecting timed out"),
            (Cause::Refused, ..) => f.write_str("connection refused"),
            (Cause::Dns, ..) => f.write_str("DNS lookup failed"),
            (Cause::Tls, ..) => f.write_str("TLS handshake failed"),
            (Cause::Connect, ..) => f.write_str("could not connect"),
            (Cause::Body, ..) => f.write_str("the connection broke while the answer was read"),
            (Cause::Other, ..) => f.write_str("the request could not be sent"),
        }?;
        write!(f, " ({})", plural(self.attempts as usize, "attempt"))
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// `30 s`, `1.5 s`, `250 ms`.
fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// `1 attempt`, `3 attempts`.
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// ``the required parameters `a`, `b` are not set``.
fn missing_text(names: &[&str]) -> String {
    let quoted = names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match names.len() {
        1 => format!("the required parameter {quoted} is not set"),
        _ => format!("the required parameters {quoted} are not set"),
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
