// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use tokio::time::Instant;
use tracing::Instrument;
use url::Url;

use super::error::{Error, TransportError};
use super::http::USER_AGENT;
use super::pacing::RateLimiter;
use super::raw::RawResponse;
use super::request::Request;
use super::response::{error_for_status, Decoder, Response};
use super::retry::RetryPolicy;
use super::token::{AccessToken, TokenSource};

/// How long a request may take, from connecting to the last byte, unless configured.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long connecting (TCP and TLS) may take, unless configured: a host that does not
/// answer at all fails after this, not after the whole timeout.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest answer the client reads unless configured; a larger one is an error, not an
/// allocation.
const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// A client for the API. Cheap to clone: clones share one connection pool and one token source.
///
/// ```no_run
/// # async fn run() -> Result<(), webwork_client::Error> {
/// let client = webwork_client::Client::new("personal-access-token")?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    /// `None` sends no `Authorization` header.
    tokens: Option<Arc<dyn TokenSource>>,
    /// The token of [`ClientBuilder::bearer_token`] with its `Authorization` value, made once:
    /// a send neither asks `tokens` (which clones and boxes) nor formats the header.
    bearer: Option<(AccessToken, HeaderValue)>,
    timeout: Option<Duration>,
    /// The connect timeout set on `http` (none when the caller gave their own `http`).
    connect_timeout: Option<Duration>,
    /// The client-wide timeout is set on `http` itself (the client built it), so a send sets
    /// none of its own unless the request has one: a per-request timeout costs reqwest three
    /// allocations.
    timeout_in_http: bool,
    retry: RetryPolicy,
    max_response_bytes: usize,
    /// The budget of [`ClientBuilder::rate_limit`], here so that every clone shares it.
    limiter: Option<RateLimiter>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("tokens", &self.inner.tokens)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("rate_limit", &self.inner.limiter)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the production server that authenticates with `token` (a personal access
    /// token or an OAuth2 access token).
    ///
    /// # Errors
    /// [`Error::Config`] when the HTTP client cannot be set up.
    pub fn new(token: impl Into<String>) -> Result<Self, Error> {
        Self::builder(super::DEFAULT_BASE_URL)
            .bearer_token(token)
            .build()
    }

    /// Starts configuring a client for the server at `base_url`
    /// (usually [`DEFAULT_BASE_URL`](crate::DEFAULT_BASE_URL)).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            tokens: None,
            bearer: None,
            timeout: Some(DEFAULT_TIMEOUT),
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            retry: RetryPolicy::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            http: None,
            rate_limit: None,
        }
    }

    /// The URL every request path is appended to.
    #[must_use]
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// Sends `request` (each send within the rate limit, when one is set), retrying it as its
    /// retry policy allows and once more with a refreshed token after a `401`, and decodes a
    /// successful answer with `decode`.
    pub(crate) async fn execute<T>(
        &self,
        request: Request,
        decode: Decoder<T>,
    ) -> Result<Response<T>, Error> {
        self.traced(request, |answer| {
            let answer = answer?;
            if answer.status.is_success() {
                decode(answer.status, answer.headers, &answer.body)
            } else {
                Err(error_for_status(
                    answer.status,
                    answer.headers,
                    &answer.body,
                ))
            }
        })
        .await
    }

    /// Sends `request` like [`execute`](Self::execute), and hands out the last answer as it
    /// came, whatever its status.
    pub(crate) async fn execute_raw(&self, request: Request) -> Result<RawResponse, Error> {
        self.traced(request, |answer| answer).await
    }

    /// Sends `request` with retries inside the request span, and turns the last answer into
    /// the caller's result with `finish`.
    async fn traced<R>(
        &self,
        mut request: Request,
        finish: impl FnOnce(Result<RawResponse, Error>) -> Result<R, Error>,
    ) -> Result<R, Error> {
        request.merge_body_fields()?;
        let span = tracing::debug_span!(
            "request",
            operation = request.operation_id,
            method = %request.method,
            path = &*request.path_template,
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        if span.is_disabled() {
            // No subscriber wants the span: skip entering it and recording into it.
            return finish(self.send_with_retries(&request, Instant::now()).await.0);
        }
        async move {
            let started = Instant::now();
            let (answer, attempts) = self.send_with_retries(&request, started).await;
            let span = tracing::Span::current();
            span.record("attempts", attempts);
            span.record("elapsed_ms", millis(started.elapsed()));
            if let Some(status) = answer_status(&answer) {
                span.record("status", status.as_u16());
            }
            finish(answer)
        }
        .instrument(span)
        .await
    }

    /// The retry loop; gives the last answer (a success, or the failure the policy gave up
    /// on) and the number of sends.
    async fn send_with_retries(
        &self,
        request: &Request,
        started: Instant,
    ) -> (Result<RawResponse, Error>, u32) {
        let policy = request.options.retry.as_ref().unwrap_or(&self.inner.retry);
        let mut attempt = 0;
        // Sends that count against the policy (a resend with a refreshed token does not).
        let mut counted = 0;
        let mut reauthorized = false;
        loop {
            attempt += 1;
            counted += 1;
            // Every send waits for the budget, retries and resends included; the slot is
            // held until the answer is in.
            let permit = match &self.inner.limiter {
                Some(limiter) => Some(limiter.acquire().await),
                None => None,
            };
            let fetched;
            let token = match (&self.inner.bearer, &self.inner.tokens) {
                (Some((token, _)), _) => Some(token),
                (None, Some(source)) => match source.token().await {
                    Ok(token) => {
                        fetched = token;
                        Some(&fetched)
                    }
                    Err(error) => return (Err(error), attempt - 1),
                },
                (None, None) => None,
            };
            let span = tracing::debug_span!("attempt", attempt, status = tracing::field::Empty);
            let answer = if span.is_disabled() {
                self.send_once(request, token).await
            } else {
                let answer = self
                    .send_once(request, token)
                    .instrument(span.clone())
                    .await;
                if let Some(status) = answer_status(&answer) {
                    span.record("status", status.as_u16());
                }
                answer
            };
            if let (Some(limiter), Ok(answer)) = (&self.inner.limiter, &answer) {
                limiter.learn(answer.status, &answer.headers);
            }
            drop(permit);
            let answer = answer.map_err(|error| error.after_attempts(attempt));
            if matches!(&answer, Ok(answer) if answer.status.is_success()) {
                return (answer, attempt);
            }
            // What the policy decides on: the error the answer stands for.
            let for_status;
            let error = match &answer {
                Ok(answer) => {
                    for_status =
                        error_for_status(answer.status, answer.headers.clone(), &answer.body);
                    &for_status
                }
                Err(error) => error,
            };
            if let (Error::Unauthorized(_), Some(source), Some(rejected), false) =
                (error, &self.inner.tokens, token, reauthorized)
            {
                reauthorized = true;
                match source.refresh_after_unauthorized(rejected).await {
                    Ok(Some(_)) => {
                        tracing::debug!(attempt, "401: sending once more with a refreshed token");
                        counted -= 1;
                        continue;
                    }
                    Ok(None) => return (answer, attempt),
                    Err(refresh_error) => return (Err(refresh_error), attempt),
                }
            }
            match policy.next_wait(&request.method, error, counted, started.elapsed()) {
                Some(wait) => {
                    tracing::debug!(
                        attempt,
                        wait_ms = millis(wait),
                        error = %error,
                        "retrying"
                    );
                    tokio::time::sleep(wait).await;
                }
                None => return (answer, attempt),
            }
        }
    }

    /// One send: the answer's status, headers and body (read up to the size limit).
    async fn send_once(
        &self,
        request: &Request,
        token: Option<&AccessToken>,
    ) -> Result<RawResponse, Error> {
        let url = self.url_for(request)?;
        // The whole URL, query included; credentials travel in headers, never in it.
        tracing::debug!(url = url.as_str(), "sending");
        let authorization = token.map(|token| self.authorization(token)).transpose()?;
        // A `reqwest::Request` built in place: the builder would copy the header map.
        let mut http_request = reqwest::Request::new(request.method.clone(), url);
        *http_request.headers_mut() = headers_for(request, authorization)?;
        let client_timeout = self.inner.timeout.filter(|_| !self.inner.timeout_in_http);
        if let Some(timeout) = request.options.timeout.or(client_timeout) {
            *http_request.timeout_mut() = Some(timeout);
        }
        if let Some(body) = &request.body {
            *http_request.body_mut() = Some(body.clone().into());
        }
        let transport = |source| self.transport_error(request, source);
        let mut answer = self
            .inner
            .http
            .execute(http_request)
            .await
            .map_err(transport)?;
        let status = answer.status();
        // Reading the body does not need the headers: take them instead of copying them.
        let headers = std::mem::take(answer.headers_mut());
        let limit = self.inner.max_response_bytes;
        let too_large = |headers: HeaderMap| Error::ResponseTooLarge {
            limit,
            status,
            headers: Box::new(headers),
        };
        let body = match answer.content_length() {
            Some(length) if usize::try_from(length).map_or(true, |length| length > limit) => {
                return Err(too_large(headers));
            }
            // A known length within the limit: read at once (one chunk is not copied).
            Some(_) => answer.bytes().await.map_err(transport)?,
            None => match read_body(answer, limit).await {
                Ok(body) => body.into(),
                Err(None) => return Err(too_large(headers)),
                Err(Some(error)) => return Err(transport(error)),
            },
        };
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }

    /// A transport failure of one send of `request`.
    fn transport_error(&self, request: &Request, source: reqwest::Error) -> Error {
        Error::Transport(Box::new(TransportError {
            method: request.method.clone(),
            path: request.path_template.to_string(),
            timeout: request.options.timeout.or(self.inner.timeout),
            connect_timeout: self.inner.connect_timeout,
            attempts: 1,
            source,
        }))
    }

    /// The `Authorization` value for `token`: the one made at build for the bearer token.
    fn authorization(&self, token: &AccessToken) -> Result<HeaderValue, Error> {
        match &self.inner.bearer {
            Some((bearer, value)) if std::ptr::eq(bearer, token) => Ok(value.clone()),
            _ => authorization(token),
        }
    }

    fn url_for(&self, request: &Request) -> Result<Url, Error> {
        let mut url = self.inner.base_url.clone();
        {
            let mut path = url
                .path_segments_mut()
                .map_err(|()| Error::Config("the base URL cannot have a path".into()))?;
            path.pop_if_empty();
            path.extend(&request.segments);
        }
        if !request.query.is_empty() || !request.options.query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(&request.query)
                .extend_pairs(&request.options.query);
        }
        Ok(url)
    }
}

/// `Bearer <token>`, marked sensitive.
fn authorization(token: &AccessToken) -> Result<HeaderValue, Error> {
    // Never echo the value: it is the token.
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.secret()))
        .map_err(|_| Error::Config("the access token is not a valid header value".into()))?;
    value.set_sensitive(true);
    Ok(value)
}

/// The headers of one send: `User-Agent`, `Authorization`, the operation's header parameters,
/// `Content-Type` for a body, then the request's extra headers, which replace any of these.
fn headers_for(request: &Request, authorization: Option<HeaderValue>) -> Result<HeaderMap, Error> {
    let mut headers = HeaderMap::new();
    headers.insert(
        reqwest::header::USER_AGENT,
        HeaderValue::from_static(USER_AGENT),
    );
    if let Some(value) = authorization {
        headers.insert(AUTHORIZATION, value);
    }
    for (name, value) in &request.headers {
        let value = HeaderValue::from_str(value).map_err(|_| {
            Error::Config(format!(
                "the value of the header parameter `{name}` is not a valid header value"
            ))
        })?;
        headers.append(*name, value);
    }
    if request.body.is_some() {
        let content_type = match &request.content_type {
            Cow::Borrowed(media) => HeaderValue::from_static(media),
            Cow::Owned(media) => HeaderValue::from_str(media).map_err(|_| {
                Error::Config(format!(
                    "`{media}` is not a valid Content-Type header value"
                ))
            })?,
        };
        headers.insert(CONTENT_TYPE, content_type);
    }
    for (name, value) in &request.options.headers {
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::Config(format!("`{name}` is not a valid header name")))?;
        let mut value = HeaderValue::from_str(value).map_err(|_| {
            Error::Config(format!(
                "the value of the extra header `{name}` is not a valid header value"
            ))
        })?;
        value.set_sensitive(true);
        headers.insert(header, value);
    }
    Ok(headers)
}

/// The HTTP status of an answer, or of the failure that stands for one.
fn answer_status(answer: &Result<RawResponse, Error>) -> Option<reqwest::StatusCode> {
    answer
        .as_ref()
        .map_or_else(Error::status, |answer| Some(answer.status))
}

/// A duration in whole milliseconds, for logs.
fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Reads a body of at most `limit` bytes: `Err(None)` when it is larger (the rest is not
/// read), `Err(Some(_))` when the connection fails.
async fn read_body(
    answer: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Option<reqwest::Error>> {
    let mut body = Vec::new();
    let mut chunks = answer.bytes_stream();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(Some)?;
        if body.len().saturating_add(chunk.len()) > limit {
            return Err(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Configures a [`Client`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    tokens: Option<Arc<dyn TokenSource>>,
    /// The token of `bearer_token`, also in `tokens`.
    bearer: Option<AccessToken>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: RetryPolicy,
    max_response_bytes: usize,
    http: Option<reqwest::Client>,
    /// `requests` per window, from `rate_limit`.
    rate_limit: Option<(u32, Duration)>,
}

impl ClientBuilder {
    /// Authenticates every request with `Authorization: Bearer <token>` (a personal access
    /// token, or an OAuth2 access token that the client does not refresh).
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        let token = AccessToken::new(token);
        self.tokens = Some(Arc::new(token.clone()));
        self.bearer = Some(token);
        self
    }

    /// Asks `source` for the bearer token before every send, and for a new one once after a
    /// `401` (then sends the request once more): an [`AccessToken`], your own [`TokenSource`],
    /// or `OAuth2TokenSource` (feature `oauth2`).
    pub fn token_source(mut self, source: impl TokenSource) -> Self {
        self.tokens = Some(Arc::new(source));
        self.bearer = None;
        self
    }

    /// How long each send may take, from connecting to the last byte of the answer (30 seconds
    /// unless set). A request's own [`RequestOptions::timeout`](crate::RequestOptions::timeout)
    /// replaces it.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sends without a client-wide timeout (a request may still set its own). Tests with a
    /// paused tokio clock need this: the clock jumps over a pending timeout while the client
    /// waits for the network.
    pub fn without_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// How long connecting to the server (TCP and TLS) may take on each send (10 seconds
    /// unless set), within the [`timeout`](Self::timeout). A host that never answers fails
    /// after this rather than after the whole timeout. Not applied to an
    /// [`http_client`](Self::http_client) of your own, which has its own.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How requests are retried ([`RetryPolicy::default`] unless set; a request's own
    /// [`RequestOptions::retry`](crate::RequestOptions::retry) replaces it).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest answer body the client reads (32 MiB unless set); a larger one is
    /// [`Error::ResponseTooLarge`].
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Paces sends to at most `requests` per `per`, for this client and every clone of it (so
    /// for every task that uses one): a send that would go over waits until it fits. Off
    /// unless set; the API documents 60 requests a minute per user, so a program that is the
    /// user's only one sets `.rate_limit(60, Duration::from_secs(60))`.
    ///
    /// A request holds its slot from its send until its answer is in, and the slot is free
    /// again `per` after that, so the server never sees more than `requests` in any window of
    /// `per`. Retries and the resend after a refreshed token go through the budget too. The
    /// limiter also learns from answers: a `429`'s `Retry-After` (or rate-limit reset), a
    /// `503`'s `Retry-After`, and `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset`, pause
    /// every sender until then; a sender dropped while it waits hands its slot back unused;
    /// an `X-RateLimit-Limit` lower than `requests` lowers the budget. `requests` is at least
    /// 1.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), webwork_client::Error> {
    /// use std::time::Duration;
    /// let client = webwork_client::Client::builder(webwork_client::DEFAULT_BASE_URL)
    ///     .bearer_token("personal-access-token")
    ///     .rate_limit(60, Duration::from_secs(60))
    ///     .build()?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub fn rate_limit(mut self, requests: u32, per: Duration) -> Self {
        self.rate_limit = Some((requests, per));
        self
    }

    /// Uses a `reqwest::Client` you configured (proxies, TLS roots, connection pool). The
    /// timeout, `User-Agent` and retries of this builder still apply.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::Config`] when the base URL is not an absolute http(s) URL or the HTTP client
    /// cannot be set up.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = Url::parse(&self.base_url).map_err(|error| {
            Error::Config(format!("invalid base URL `{}`: {error}", self.base_url))
        })?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(Error::Config(format!(
                "`{base_url}` is not an http(s) base URL"
            )));
        }
        let timeout_in_http = self.http.is_none();
        let connect_timeout = self.connect_timeout.filter(|_| self.http.is_none());
        let http = if let Some(http) = self.http {
            http
        } else {
            let mut http = reqwest::Client::builder().user_agent(USER_AGENT);
            if let Some(timeout) = self.timeout {
                // The same total timeout as one set per request, which replaces it.
                http = http.timeout(timeout);
            }
            if let Some(timeout) = connect_timeout {
                http = http.connect_timeout(timeout);
            }
            http.build()
                .map_err(|error| Error::Config(error.to_string()))?
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                tokens: self.tokens,
                // An invalid token is reported by every send, as for any token source.
                bearer: self.bearer.and_then(|token| {
                    let value = authorization(&token).ok()?;
                    Some((token, value))
                }),
                timeout: self.timeout,
                connect_timeout,
                timeout_in_http,
                retry: self.retry,
                max_response_bytes: self.max_response_bytes,
                limiter: self
                    .rate_limit
                    .map(|(requests, per)| RateLimiter::new(requests, per)),
            }),
        })
    }
}
