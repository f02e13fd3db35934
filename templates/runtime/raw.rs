//! An answer as the server sent it, for reading it in a way the spec does not describe.

use std::fmt;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::error::Error;
use super::response::{decode_error, parse};

/// The answer to a request sent with `.send_raw()`: status, headers and body, whatever they
/// are. Nothing in it was checked: a `404` or a `success: false` envelope comes back here as
/// it came.
///
/// ```no_run
/// # async fn run(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
/// let answer = client
///     .request(webwork_client::Method::GET, "/status")
///     .send_raw()
///     .await?;
/// if answer.status().is_success() {
///     let body: serde_json::Value = answer.json()?;
///     println!("{}", body["data"]);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl RawResponse {
    /// An answer with `status`, `body` and no headers: for tests of your own code that reads a
    /// `RawResponse`.
    ///
    /// ```
    /// let answer = webwork_client::RawResponse::new(webwork_client::StatusCode::OK, "{\"a\":1}");
    /// let value: std::collections::BTreeMap<String, i64> = answer.json()?;
    /// assert_eq!(value["a"], 1);
    /// # Ok::<(), webwork_client::Error>(())
    /// ```
    pub fn new(status: StatusCode, body: impl Into<Bytes>) -> Self {
        RawResponse {
            status,
            headers: HeaderMap::new(),
            body: body.into(),
        }
    }

    /// The same answer with headers `headers`.
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

    /// The HTTP headers.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body, as read (within
    /// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)).
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body decoded as JSON into `T` (the whole body: an envelope is not unwrapped).
    ///
    /// # Errors
    /// [`Error::Decode`] naming where the body does not fit `T`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        parse::<T>(&self.body).map_err(|(path, error)| {
            decode_error(&path, &error, self.status, &self.headers, &self.body)
        })
    }

    /// The body, taken out of the answer.
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body.into()
    }
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}
