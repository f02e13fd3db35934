// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Requests to any endpoint, documented in the spec or not ([`Client::request`]).

use serde::de::{DeserializeOwned, Error as _};
use serde::Serialize;

use super::client::Client;
use super::error::Error;
use super::raw::RawResponse;
use super::request::{Request, RequestOptions};
use super::response::{decode_enveloped, Response};

/// The operation name a request made with [`Client::request`] carries in traces.
const OPERATION: &str = "custom";

impl Client {
    /// Starts a request to any endpoint, documented in the spec or not: `path` is relative to
    /// the base URL (its segments are percent-encoded by the client) and may carry a query
    /// string. Authentication, retries, timeouts and tracing are those of the generated
    /// operations, and so are the errors of [`RequestBuilder::send`].
    ///
    /// ```no_run
    /// # async fn run(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    /// use webwork_client::Method;
    /// let entries: serde_json::Value = client
    ///     .request(Method::GET, "/time-entries")
    ///     .query("workspace_id", 1)
    ///     .send()
    ///     .await?
    ///     .data;
    /// # Ok(()) }
    /// ```
    pub fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        RequestBuilder::new(self.clone(), method, path)
    }
}

/// A request to any endpoint, made by [`Client::request`]: set its query parameters, headers
/// and JSON body, then [`send`](Self::send) it (the envelope unwrapped, `data` decoded into
/// your type) or [`send_raw`](Self::send_raw) it (the answer as it came).
///
/// ```no_run
/// # async fn run(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
/// use webwork_client::Method;
/// let answer = client
///     .request(Method::POST, "/tasks/42/archive")
///     .json(&serde_json::json!({"workspace_id": 1}))
///     .send::<serde::de::IgnoredAny>()
///     .await?;
/// println!("{:?}", answer.message);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent with `.send()`"]
pub struct RequestBuilder {
    client: Client,
    request: Request,
    /// The query string written in the path, sent before the pairs of `.query`.
    path_query: Vec<(String, String)>,
    /// What `.json` could not encode, reported when the request is sent.
    unencodable: Option<String>,
    options: RequestOptions,
}

impl RequestBuilder {
    pub(crate) fn new(client: Client, method: reqwest::Method, path: &str) -> Self {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let mut request = Request::new(method, OPERATION, path.to_string());
        for segment in path.split('/').filter(|segment| !segment.is_empty()) {
            request.segment(segment.to_string());
        }
        let path_query = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        RequestBuilder {
            client,
            request,
            path_query,
            unencodable: None,
            options: RequestOptions::new(),
        }
    }

    /// Sends `body` as the JSON request body (replacing one set before).
    pub fn json(mut self, body: &impl Serialize) -> Self {
        match self.request.json(body) {
            Ok(()) => self.unencodable = None,
            Err(error) => self.unencodable = Some(error.to_string()),
        }
        self
    }

    /// Sends the request and decodes the answer's `data` into `T` (use
    /// `serde::de::IgnoredAny` to ignore it, `serde_json::Value` to look at it).
    ///
    /// # Errors
    ///
    /// As for any generated operation: [`Error::NotFound`] on `404`, [`Error::Validation`]
    /// on `422`, [`Error::Unsuccessful`] on `success: false`, [`Error::Decode`] when `data`
    /// does not fit `T`, [`Error::Transport`] when no answer arrives.
    pub async fn send<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        let (client, request) = self.into_request()?;
        client.execute(request, decode_enveloped::<T>).await
    }

    /// Sends the request and hands out the answer as it came, whatever its status and body.
    ///
    /// # Errors
    ///
    /// Only when no answer arrives (a transport failure, a body over the size limit, a token
    /// that cannot be had) or the JSON body could not be written.
    pub async fn send_raw(self) -> Result<RawResponse, Error> {
        let (client, request) = self.into_request()?;
        client.execute_raw(request).await
    }

    fn into_request(self) -> Result<(Client, Request), Error> {
        if let Some(message) = self.unencodable {
            return Err(Error::Encode {
                source: serde_json::Error::custom(message),
            });
        }
        let mut request = self.request;
        let mut options = self.options;
        let mut query = self.path_query;
        query.append(&mut options.query);
        options.query = query;
        request.options(options);
        Ok((self.client, request))
    }
}

super::request::request_options!(RequestBuilder);
