//! A typed mock server for the tests of code that uses the client (cargo feature `mock`).
//!
//! [`MockServer`] wraps a [wiremock](https://docs.rs/wiremock) server on 127.0.0.1. The crate
//! gives it one method per operation, named like the client's, which returns an
//! [`Expectation`]: it matches the request the way the client sends it (method, path, the
//! path, query and header parameters a test sets on it as the client writes them, the
//! properties of a JSON body as JSON) and answers with typed data wrapped as the server wraps it, or
//! with an error the client turns into its typed [`Error`](crate::Error).
//!
//! Expectations live as long as the server; one that was told how often it must be called
//! ([`Expectation::times`]) is checked when the server is dropped or by
//! [`MockServer::verify`].

use std::time::Duration;

use reqwest::StatusCode;
use serde::Serialize;
use serde_json::{json, Value};
use wiremock::{Match, Mock, ResponseTemplate};

use super::path_pattern::PathPattern;
use super::request::Request;
use super::{mock_body, mock_page_meta, Client, ClientBuilder, Error, Method, RetryPolicy};

/// How an operation's successful answer is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerShape {
    /// The data wrapped in the API's envelope.
    Envelope,
    /// The data as the whole JSON body.
    Json,
    /// No body.
    Empty,
}

/// An operation the mock server can answer for; the crate's `mock` module implements it for
/// one marker type per operation.
pub trait MockOperation {
    /// The data of a successful answer (the `data` of the client's [`Response`](crate::Response)).
    type Data: Serialize;
    /// The HTTP method.
    const METHOD: &'static str;
    /// The path template (`/expenses/{expenseId}`).
    const PATH: &'static str;
    /// The status of a successful answer.
    const STATUS: u16;
    /// How a successful answer is written.
    const SHAPE: AnswerShape;
}

/// An operation that answers one page of a list, for [`Expectation::respond_pages`].
pub trait MockPaged: MockOperation {
    /// One item of a page.
    type Item: Serialize;
    /// The query parameter of the page number.
    const PAGE_PARAMETER: &'static str;
}

/// A loopback server that answers the way the API does, for tests.
pub struct MockServer {
    server: wiremock::MockServer,
}

impl MockServer {
    /// Starts a server of its own on 127.0.0.1 (a free port).
    pub async fn start() -> Self {
        MockServer {
            server: wiremock::MockServer::builder().start().await,
        }
    }

    /// The server's base URL (`http://127.0.0.1:PORT`).
    #[must_use]
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client builder pointed at this server, with a token, and without retries, so that a
    /// test sees every answer as it was mocked; add whatever else the code under test uses.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(self.uri())
            .bearer_token("mock-token")
            .retry(RetryPolicy::none())
    }

    /// A client of [`client_builder`](Self::client_builder).
    ///
    /// # Panics
    ///
    /// When the HTTP client cannot be built (no TLS back end could start).
    #[must_use]
    pub fn client(&self) -> Client {
        self.client_builder()
            .build()
            .expect("a client for the mock server")
    }

    /// Checks every expectation that was told how often it must be called.
    ///
    /// # Panics
    ///
    /// When one was not called as often as it must be, listing what was received.
    pub async fn verify(&self) {
        self.server.verify().await;
    }

    /// Every request the server received, in order.
    pub async fn received_requests(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.unwrap_or_default()
    }
}

/// One expected request to operation `Op`, and what the server answers; made by the method of
/// [`MockServer`] named after the operation.
#[must_use = "an expectation does nothing until it answers: call `.respond(..)` or `.fail(..)`"]
pub struct Expectation<'a, Op> {
    server: &'a MockServer,
    matcher: RequestMatcher,
    times: Option<u64>,
    operation: std::marker::PhantomData<Op>,
}

impl<'a, Op: MockOperation> Expectation<'a, Op> {
    /// An expectation matching every request to the operation.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn new(server: &'a MockServer) -> Self {
        Expectation {
            server,
            matcher: RequestMatcher {
                method: Op::METHOD,
                path: PathPattern::parse(Op::PATH),
                query: Vec::new(),
                headers: Vec::new(),
                cookies: Vec::new(),
                body: Vec::new(),
                page: None,
            },
            times: None,
            operation: std::marker::PhantomData,
        }
    }

    /// Matches only requests that carry the parameter `name` the way `write` adds it to a
    /// request: the generated matchers write the value with the code the builder sends it with,
    /// so a test's value matches exactly what the client sends.
    ///
    /// # Panics
    ///
    /// When the value cannot be written (the client could not send it either).
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn parameter(
        mut self,
        name: &str,
        write: impl FnOnce(&mut Request) -> Result<(), Error>,
    ) -> Self {
        let mut written = Request::new(Method::GET, "", "");
        if let Err(error) = write(&mut written) {
            panic!(
                "the mocked parameter `{name}` cannot be written as the client writes it: {error}"
            );
        }
        for text in written.segments {
            self.matcher.path.expect(name, &text);
        }
        self.matcher.query.extend(
            written
                .query
                .into_iter()
                .map(|(name, value)| (name.into_owned(), value)),
        );
        for (header, value) in written.headers {
            if header.eq_ignore_ascii_case("cookie") {
                self.matcher
                    .cookies
                    .extend(value.split("; ").map(ToString::to_string));
            } else {
                self.matcher.headers.push((header.to_string(), value));
            }
        }
        self
    }

    /// Matches only requests whose JSON body has the property `name` equal to `value`.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn body_property(mut self, name: &str, value: &impl Serialize) -> Self {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.matcher.body.push((name.to_string(), value));
        self
    }

    /// The request must arrive exactly `times` times, checked when the server is dropped or
    /// by [`MockServer::verify`].
    pub fn times(mut self, times: u64) -> Self {
        self.times = Some(times);
        self
    }

    /// Answers with `data`, as a successful answer of the operation: its status, wrapped in
    /// the envelope where the API wraps it.
    pub async fn respond(self, data: Op::Data) -> Mocked<'a> {
        let answer = match Op::SHAPE {
            AnswerShape::Envelope => ResponseTemplate::new(Op::STATUS).set_body_json(mock_body(
                serde_json::to_value(data).unwrap_or(Value::Null),
                None,
            )),
            AnswerShape::Json => ResponseTemplate::new(Op::STATUS)
                .set_body_json(serde_json::to_value(data).unwrap_or(Value::Null)),
            AnswerShape::Empty => ResponseTemplate::new(Op::STATUS),
        };
        self.mount(answer).await
    }

    /// Answers with `error`: the client's `send` returns the matching [`Error`](crate::Error).
    pub async fn fail(self, error: MockError) -> Mocked<'a> {
        self.mount(error.answer()).await
    }

    /// Answers with one of the operation's documented error answers, typed (a variant of its
    /// `<Builder>Error`): its status and body as the server writes them, so that
    /// [`Error::typed`](crate::Error::typed) gives `error` back.
    pub async fn respond_error<E: crate::ErrorAnswer>(self, error: E) -> Mocked<'a> {
        let answer = ResponseTemplate::new(error.status().as_u16());
        let answer = match error.body() {
            Some(body) => answer.set_body_json(body),
            None => answer,
        };
        self.mount(answer).await
    }

    async fn mount(self, answer: ResponseTemplate) -> Mocked<'a> {
        self.mount_one(self.matcher.clone(), answer).await;
        Mocked {
            server: self.server,
            matcher: self.matcher,
        }
    }

    /// Mounts `answer` for the requests `matcher` matches, as often as [`times`](Self::times)
    /// says.
    async fn mount_one(&self, matcher: RequestMatcher, answer: ResponseTemplate) {
        let mut mock = Mock::given(matcher).respond_with(answer);
        if let Some(times) = self.times {
            mock = mock.expect(times);
        }
        mock.mount(&self.server.server).await;
    }
}

impl<'a, Op: MockPaged> Expectation<'a, Op> {
    /// Answers page after page: the request for page `n` (counting from 1; a request without
    /// the page parameter is page 1) gets `pages[n - 1]`, with the page numbers in the
    /// answer's metadata, so that `.stream()` and `.pages()` walk them all and stop after the
    /// last. A page beyond the last is not answered (404). With [`times`](Self::times), each
    /// page must be requested that many times.
    pub async fn respond_pages(self, pages: Vec<Vec<Op::Item>>) -> Mocked<'a> {
        let last = i64::try_from(pages.len()).unwrap_or(i64::MAX);
        for (number, items) in (1..).zip(pages) {
            let body = mock_body(
                serde_json::to_value(items).unwrap_or(Value::Null),
                Some(mock_page_meta(number, last)),
            );
            let matcher = RequestMatcher {
                page: Some((Op::PAGE_PARAMETER, number)),
                ..self.matcher.clone()
            };
            let answer = ResponseTemplate::new(Op::STATUS).set_body_json(body);
            self.mount_one(matcher, answer).await;
        }
        Mocked {
            server: self.server,
            matcher: self.matcher,
        }
    }
}

/// An answer the mock server gives; ask it how often it was requested.
pub struct Mocked<'a> {
    server: &'a MockServer,
    matcher: RequestMatcher,
}

impl Mocked<'_> {
    /// How many requests the server received that this expectation matches.
    pub async fn calls(&self) -> usize {
        self.server
            .received_requests()
            .await
            .iter()
            .filter(|request| self.matcher.matches(request))
            .count()
    }
}

/// An error answer, as the API writes it: `{"success": false, "message": ..., "errors": ...}`.
#[derive(Debug, Clone)]
#[must_use = "a mock error does nothing until an expectation answers with it: `.fail(error)`"]
pub struct MockError {
    status: StatusCode,
    message: String,
    fields: Vec<(String, Vec<String>)>,
    retry_after: Option<Duration>,
}

impl MockError {
    /// Any status outside 2xx with `message`.
    pub fn status(status: StatusCode, message: impl Into<String>) -> Self {
        MockError {
            status,
            message: message.into(),
            fields: Vec::new(),
            retry_after: None,
        }
    }

    /// 401: the client gets [`Error::Unauthorized`](crate::Error::Unauthorized).
    pub fn unauthorized() -> Self {
        Self::status(StatusCode::UNAUTHORIZED, "Unauthenticated.")
    }

    /// 403: the client gets [`Error::Forbidden`](crate::Error::Forbidden).
    pub fn forbidden() -> Self {
        Self::status(StatusCode::FORBIDDEN, "This action is unauthorized.")
    }

    /// 404: the client gets [`Error::NotFound`](crate::Error::NotFound).
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::status(StatusCode::NOT_FOUND, message)
    }

    /// 422 with a message per field: the client gets
    /// [`Error::Validation`](crate::Error::Validation), whose
    /// [`field_errors`](crate::ApiError::field_errors) are `fields`.
    pub fn validation<F, M>(
        message: impl Into<String>,
        fields: impl IntoIterator<Item = (F, M)>,
    ) -> Self
    where
        F: Into<String>,
        M: Into<String>,
    {
        let mut error = Self::status(StatusCode::UNPROCESSABLE_ENTITY, message);
        for (field, text) in fields {
            let field = field.into();
            match error.fields.iter_mut().find(|(name, _)| *name == field) {
                Some((_, messages)) => messages.push(text.into()),
                None => error.fields.push((field, vec![text.into()])),
            }
        }
        error
    }

    /// 429 with `Retry-After`: the client gets
    /// [`Error::RateLimited`](crate::Error::RateLimited) with `retry_after`.
    pub fn rate_limited(retry_after: Duration) -> Self {
        MockError {
            retry_after: Some(retry_after),
            ..Self::status(StatusCode::TOO_MANY_REQUESTS, "Too Many Attempts.")
        }
    }

    fn answer(&self) -> ResponseTemplate {
        let mut body = json!({"success": false, "message": self.message});
        if !self.fields.is_empty() {
            let fields: serde_json::Map<String, Value> = self
                .fields
                .iter()
                .map(|(field, messages)| (field.clone(), json!(messages)))
                .collect();
            body["errors"] = Value::Object(fields);
        }
        let mut answer = ResponseTemplate::new(self.status.as_u16()).set_body_json(body);
        if let Some(wait) = self.retry_after {
            answer = answer.insert_header("Retry-After", wait.as_secs().to_string().as_str());
        }
        answer
    }
}

/// Whether a request is one an [`Expectation`] expects.
#[derive(Debug, Clone)]
struct RequestMatcher {
    method: &'static str,
    path: PathPattern,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    /// `name=value` pairs of the `Cookie` header.
    cookies: Vec<String>,
    /// Properties of the JSON body, as JSON.
    body: Vec<(String, Value)>,
    /// The page parameter and the page number, for one page of [`Expectation::respond_pages`].
    page: Option<(&'static str, i64)>,
}

impl Match for RequestMatcher {
    fn matches(&self, request: &wiremock::Request) -> bool {
        request.method.as_str() == self.method
            && self.path.matches(request.url.path())
            && self.query.iter().all(|(name, value)| {
                request
                    .url
                    .query_pairs()
                    .any(|(n, v)| n == name.as_str() && v == value.as_str())
            })
            && self.headers.iter().all(|(name, value)| {
                request
                    .headers
                    .get(name.as_str())
                    .is_some_and(|found| found.as_bytes() == value.as_bytes())
            })
            && self.cookies_match(request)
            && self.page_matches(request)
            && self.body_matches(request)
    }
}

impl RequestMatcher {
    fn cookies_match(&self, request: &wiremock::Request) -> bool {
        if self.cookies.is_empty() {
            return true;
        }
        let sent: Vec<&str> = request
            .headers
            .get_all("cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split("; "))
            .collect();
        self.cookies
            .iter()
            .all(|cookie| sent.contains(&cookie.as_str()))
    }

    fn body_matches(&self, request: &wiremock::Request) -> bool {
        if self.body.is_empty() {
            return true;
        }
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return false;
        };
        self.body
            .iter()
            .all(|(name, value)| body.get(name) == Some(value))
    }

    fn page_matches(&self, request: &wiremock::Request) -> bool {
        let Some((parameter, number)) = self.page else {
            return true;
        };
        let page = request
            .url
            .query_pairs()
            .find(|(name, _)| name == parameter)
            .map(|(_, value)| value.parse::<i64>());
        match page {
            Some(Ok(page)) => page == number,
            Some(Err(_)) => false,
            None => number == 1,
        }
    }
}
