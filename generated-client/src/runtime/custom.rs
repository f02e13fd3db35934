// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Requests to any endpoint, documented in the spec or not ([`Client::request`]).

use futures::Stream;
use serde::de::{DeserializeOwned, Error as _};
use serde::Serialize;

use super::client::Client;
use super::error::Error;
use super::paginate;
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
/// and body (JSON, form or bytes), then [`send`](Self::send) it (the envelope unwrapped, `data` decoded into
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
    /// What `.json` or `.form` could not encode, reported when the request is sent.
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
        let encoded = self.request.json(body);
        self.body_encoded(encoded)
    }

    /// Names the request in the client's trace (the `operation` field of its `request`
    /// span, `custom` without it): the spec's operationId of an endpoint called this way.
    pub fn operation_id(mut self, operation_id: &'static str) -> Self {
        self.request.operation_id = operation_id;
        self
    }

    /// Sends `body` as an `application/x-www-form-urlencoded` body (replacing one set before),
    /// nested objects and lists in brackets (`metadata[key]=value`, `items[0][price]=...`) as
    /// the generated operations write them.
    pub fn form(mut self, body: &impl Serialize) -> Self {
        let encoded = self.request.form(body);
        self.body_encoded(encoded)
    }

    /// Keeps what writing a new body failed on (or that it did not), for `send`.
    fn body_encoded(mut self, encoded: Result<(), Error>) -> Self {
        self.unencodable = encoded.err().map(|error| error.to_string());
        self
    }

    /// Sends `bytes` as they are as the body, of the media type `content_type` (replacing a
    /// body set before).
    pub fn body(mut self, bytes: impl Into<Vec<u8>>, content_type: &str) -> Self {
        self.request.body = Some(bytes.into());
        self.request.content_type = content_type.to_string().into();
        self.unencodable = None;
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

    /// Every page of a list, numbered by the query parameter `page_parameter` from the page
    /// set on this request (or 1), each sent when the stream is polled and its `data` decoded
    /// into a `Vec<T>`. The stream ends after the last page (as the envelope's metadata says,
    /// or else at the first empty page) or after the first error; no page is fetched twice.
    ///
    /// ```no_run
    /// # async fn run(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    /// use futures::StreamExt;
    /// use webwork_client::Method;
    /// let mut pages = std::pin::pin!(client
    ///     .request(Method::GET, "/time-entries")
    ///     .query("workspace_id", 1)
    ///     .pages::<serde_json::Value>("page"));
    /// while let Some(page) = pages.next().await {
    ///     println!("{} entries", page?.data.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<T>(
        self,
        page_parameter: impl Into<String>,
    ) -> impl Stream<Item = Result<Response<Vec<T>>, Error>> + Send + 'static
    where
        T: DeserializeOwned + Send + 'static,
    {
        let page_parameter = page_parameter.into();
        let first = self
            .query_value(&page_parameter)
            .and_then(|value| value.parse().ok())
            .unwrap_or(1);
        paginate::pages(first, None, move |page| {
            self.clone()
                .with_page(&page_parameter, page)
                .send::<Vec<T>>()
        })
    }

    /// Every item of a list over all its pages, one page held at a time: the items of
    /// [`pages`](Self::pages). Cap it with `futures::StreamExt::take`.
    pub fn stream<T>(
        self,
        page_parameter: impl Into<String>,
    ) -> impl Stream<Item = Result<T, Error>> + Send + 'static
    where
        T: DeserializeOwned + Send + 'static,
    {
        paginate::items(self.pages(page_parameter))
    }

    /// The last value of the query parameter `name`, set in the path or with `.query`.
    fn query_value(&self, name: &str) -> Option<&str> {
        self.path_query
            .iter()
            .chain(&self.options.query)
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// This request asking for page `page`: every value of `parameter` replaced by it.
    fn with_page(mut self, parameter: &str, page: i64) -> Self {
        self.path_query.retain(|(key, _)| key != parameter);
        self.options.query.retain(|(key, _)| key != parameter);
        self.options
            .query
            .push((parameter.to_string(), page.to_string()));
        self
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
