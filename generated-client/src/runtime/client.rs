// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use serde::de::DeserializeOwned;
use tracing::Instrument;
use url::Url;

use super::error::Error;
use super::request::Request;
use super::response::{decode, Response};

/// The `User-Agent` every request carries.
const USER_AGENT: &str = concat!("webwork-client/", env!("CARGO_PKG_VERSION"));
/// How long a request may take, from connecting to the last byte, unless configured.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer the client reads; a larger one is an error, not an allocation.
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// A client for the API. Cheap to clone: clones share one connection pool.
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
    token: Option<Token>,
}

/// A bearer token that never shows itself in `Debug` output or logs.
#[derive(Clone)]
struct Token(String);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("token", &self.inner.token)
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
        Self::builder(crate::DEFAULT_BASE_URL)
            .bearer_token(token)
            .build()
    }

    /// Starts configuring a client for the server at `base_url`
    /// (usually [`DEFAULT_BASE_URL`](crate::DEFAULT_BASE_URL)).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            token: None,
            timeout: DEFAULT_TIMEOUT,
            http: None,
        }
    }

    /// The URL every request path is appended to.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// Sends `request` and decodes the answer.
    pub(crate) async fn execute<T: DeserializeOwned>(
        &self,
        request: Request,
    ) -> Result<Response<T>, Error> {
        let span = tracing::debug_span!(
            "webwork.request",
            operation = request.operation_id,
            method = %request.method,
            path = request.path_template,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async move {
            let started = Instant::now();
            let result = self.send_once(request).await;
            let span = tracing::Span::current();
            span.record("elapsed_ms", started.elapsed().as_millis() as u64);
            if let Some(status) = result
                .as_ref()
                .map_or_else(Error::status, |r| Some(r.status))
            {
                span.record("status", status.as_u16());
            }
            result
        }
        .instrument(span)
        .await
    }

    async fn send_once<T: DeserializeOwned>(&self, request: Request) -> Result<Response<T>, Error> {
        let url = self.url_for(&request)?;
        let mut builder = self.inner.http.request(request.method, url);
        if let Some(token) = &self.inner.token {
            let mut value = HeaderValue::from_str(&format!("Bearer {}", token.0))
                .map_err(|_| Error::Config("the token is not a valid header value".into()))?;
            value.set_sensitive(true);
            builder = builder.header(AUTHORIZATION, value);
        }
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        let answer = builder.send().await.map_err(Error::Transport)?;
        let status = answer.status();
        let headers = answer.headers().clone();
        let body = read_body(answer).await?;
        decode(status, headers, &body)
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
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&request.query);
        }
        Ok(url)
    }
}

/// Reads a body, refusing one larger than [`MAX_BODY_BYTES`].
async fn read_body(answer: reqwest::Response) -> Result<Vec<u8>, Error> {
    let mut body = Vec::new();
    let mut chunks = answer.bytes_stream();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(Error::Transport)?;
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(Error::Config(format!(
                "the answer is larger than {MAX_BODY_BYTES} bytes"
            )));
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
    token: Option<Token>,
    timeout: Duration,
    http: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// Authenticates every request with `Authorization: Bearer <token>`.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(Token(token.into()));
        self
    }

    /// How long a request may take in all (30 seconds unless set).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Uses a `reqwest::Client` you configured (proxies, TLS roots). The builder's timeout
    /// does not apply to it.
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
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .user_agent(USER_AGENT)
                .timeout(self.timeout)
                .build()
                .map_err(|error| Error::Config(error.to_string()))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                token: self.token,
            }),
        })
    }
}
