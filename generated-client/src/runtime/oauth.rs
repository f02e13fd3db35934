// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! The OAuth2 authorization code flow with PKCE (on the `oauth2` crate): the authorization URL,
//! the exchanges of a code or a refresh token for tokens, and a token source that refreshes.
//! Only with the crate's `oauth2` feature.
//!
//! The client-credentials grant is not here: the API's app registration offers it, but its docs
//! give no token URL or flow for it, so the spec does not list it.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use futures::lock::Mutex;
use oauth2::basic::{BasicClient, BasicErrorResponse, BasicTokenResponse};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    TokenResponse, TokenUrl,
};
use url::Url;

use super::error::{truncate, Error, MESSAGE_BYTES};
use super::token::{AccessToken, RefreshToken, TokenSet, TokenSource};
use super::webhooks::verify_token;
use super::{DEFAULT_AUTHORIZATION_URL, DEFAULT_TOKEN_URL};

/// How long before it expires an access token is refreshed, unless configured.
const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// How long a call to the token endpoint may take.
const TOKEN_ENDPOINT_TIMEOUT: Duration = Duration::from_secs(30);

type ConfiguredClient =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// The OAuth2 authorization code flow with PKCE (S256): the URL to send a user to, and the
/// exchanges of a code or a refresh token for tokens.
///
/// [`authorize`](Self::authorize) makes a fresh `state` and PKCE verifier for each
/// authorization and puts the `state` and the verifier's challenge in the URL;
/// [`exchange_code`](Self::exchange_code) takes what it returned, so the code cannot be
/// exchanged without checking the `state` the redirect brings back and sending the verifier.
///
/// ```no_run
/// # async fn run(code: String, state: String) -> Result<(), webwork_client::Error> {
/// use webwork_client::OAuth2;
/// let oauth = OAuth2::builder("client-id", "https://example.com/callback")
///     .client_secret("client-secret")
///     .build()?;
/// let authorization = oauth.authorize(["read", "write"]);
/// println!("authorize at {}", authorization.url());
/// let pending = authorization.into_pending(); // keep it, e.g. in the user's session
/// // … the redirect brings `code` and `state` back …
/// let tokens = oauth.exchange_code(pending, code, &state).await?;
/// let client = webwork_client::Client::builder(webwork_client::DEFAULT_BASE_URL)
///     .token_source(oauth.token_source(tokens))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct OAuth2 {
    client: ConfiguredClient,
    http: reqwest::Client,
}

impl fmt::Debug for OAuth2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuth2")
            .field("client_id", &self.client.client_id().as_str())
            .field("authorization_url", &self.client.auth_uri().as_str())
            .field("token_url", &self.client.token_uri().as_str())
            .finish_non_exhaustive()
    }
}

/// Configures [`OAuth2`].
#[must_use]
pub struct OAuth2Builder {
    client_id: String,
    client_secret: Option<String>,
    redirect_uri: String,
    authorization_url: String,
    token_url: String,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for OAuth2Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuth2Builder")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("redirect_uri", &self.redirect_uri)
            .field("authorization_url", &self.authorization_url)
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}

impl OAuth2Builder {
    /// The application's client secret (confidential clients). It is sent in the token
    /// request's form body, with the client id.
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.client_secret = Some(secret.into());
        self
    }

    /// The authorization endpoint ([`DEFAULT_AUTHORIZATION_URL`] unless set).
    pub fn authorization_endpoint(mut self, url: impl Into<String>) -> Self {
        self.authorization_url = url.into();
        self
    }

    /// The token endpoint ([`DEFAULT_TOKEN_URL`] unless set).
    pub fn token_endpoint(mut self, url: impl Into<String>) -> Self {
        self.token_url = url.into();
        self
    }

    /// The HTTP client for the token endpoint. It should not follow redirects.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Checks the URLs and builds the flow.
    ///
    /// # Errors
    /// [`Error::Config`] when a URL is not valid or the HTTP client cannot be set up.
    pub fn build(self) -> Result<OAuth2, Error> {
        let invalid = |what: &str, url: &str, error: url::ParseError| {
            Error::Config(format!("invalid OAuth2 {what} `{url}`: {error}"))
        };
        let auth_url = AuthUrl::new(self.authorization_url.clone())
            .map_err(|e| invalid("authorization URL", &self.authorization_url, e))?;
        let token_url = TokenUrl::new(self.token_url.clone())
            .map_err(|e| invalid("token URL", &self.token_url, e))?;
        let redirect_uri = RedirectUrl::new(self.redirect_uri.clone())
            .map_err(|e| invalid("redirect URI", &self.redirect_uri, e))?;
        let mut client = BasicClient::new(ClientId::new(self.client_id))
            .set_auth_uri(auth_url)
            .set_token_uri(token_url)
            .set_redirect_uri(redirect_uri)
            .set_auth_type(AuthType::RequestBody);
        if let Some(secret) = self.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .user_agent(super::http::USER_AGENT)
                .timeout(TOKEN_ENDPOINT_TIMEOUT)
                // A token endpoint that redirects could send the code elsewhere.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|error| Error::Config(error.to_string()))?,
        };
        Ok(OAuth2 { client, http })
    }
}

impl OAuth2 {
    /// Starts configuring the flow for the application `client_id` whose users are sent back
    /// to `redirect_uri`.
    pub fn builder(client_id: impl Into<String>, redirect_uri: impl Into<String>) -> OAuth2Builder {
        OAuth2Builder {
            client_id: client_id.into(),
            client_secret: None,
            redirect_uri: redirect_uri.into(),
            authorization_url: DEFAULT_AUTHORIZATION_URL.into(),
            token_url: DEFAULT_TOKEN_URL.into(),
            http: None,
        }
    }

    /// Starts an authorization for `scopes`: a random `state` (against cross-site request
    /// forgery) and a random PKCE code verifier, and the URL to send the user to, which carries
    /// `response_type=code`, the client id, the redirect URI, the `scopes` (space-separated),
    /// the `state`, and `code_challenge` (the verifier's SHA-256, base64url) with
    /// `code_challenge_method=S256`.
    pub fn authorize<I, S>(&self, scopes: I) -> Authorization
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = self
            .client
            .authorize_url(CsrfToken::new_random)
            .add_scopes(scopes.into_iter().map(|scope| Scope::new(scope.into())))
            .set_pkce_challenge(challenge)
            .url();
        Authorization {
            url,
            pending: PendingAuthorization {
                state: state.secret().clone(),
                code_verifier: verifier.secret().clone(),
            },
        }
    }

    /// Exchanges the `code` the redirect brought for tokens, sending the PKCE verifier of
    /// `pending`, once the redirect's `state` is the one `pending` holds.
    ///
    /// # Errors
    /// [`Error::Auth`] when `state` is not the authorization's (the code is not sent), or when
    /// the token endpoint refuses the code, cannot be reached or answers something that is not
    /// a token response.
    pub async fn exchange_code(
        &self,
        pending: PendingAuthorization,
        code: impl Into<String>,
        state: &str,
    ) -> Result<TokenSet, Error> {
        if !verify_token(&pending.state, state) {
            return Err(Error::Auth(
                "the redirect's state is not the authorization's: the code was not exchanged \
                 (a forged or stale redirect)"
                    .into(),
            ));
        }
        let response = self
            .client
            .exchange_code(AuthorizationCode::new(code.into()))
            .set_pkce_verifier(PkceCodeVerifier::new(pending.code_verifier))
            .request_async(&self.http)
            .await
            .map_err(|error| auth_error("exchanging the authorization code", &error))?;
        Ok(token_set(&response, None))
    }

    /// Gets a new access token with `refresh_token`. When the answer carries no new refresh
    /// token, the returned set keeps the old one.
    ///
    /// # Errors
    /// [`Error::Auth`], as for [`exchange_code`](Self::exchange_code).
    pub async fn refresh(&self, refresh_token: &RefreshToken) -> Result<TokenSet, Error> {
        let token = oauth2::RefreshToken::new(refresh_token.secret().to_string());
        let response = self
            .client
            .exchange_refresh_token(&token)
            .request_async(&self.http)
            .await
            .map_err(|error| auth_error("refreshing the access token", &error))?;
        Ok(token_set(&response, Some(refresh_token)))
    }

    /// A token source for [`ClientBuilder::token_source`](crate::ClientBuilder::token_source)
    /// that starts from `tokens` and refreshes them with this flow.
    #[must_use]
    pub fn token_source(&self, tokens: TokenSet) -> OAuth2TokenSource {
        OAuth2TokenSource {
            oauth: self.clone(),
            tokens: Arc::new(Mutex::new(tokens)),
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            on_refresh: None,
        }
    }
}

/// A started authorization ([`OAuth2::authorize`]): the URL to send the user to, and what
/// [`OAuth2::exchange_code`] needs when they come back.
#[must_use]
pub struct Authorization {
    url: Url,
    pending: PendingAuthorization,
}

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("url", &self.url.as_str())
            .field("pending", &self.pending)
            .finish()
    }
}

impl Authorization {
    /// The URL to send the user to.
    #[must_use]
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The `state` the redirect must bring back.
    #[must_use]
    pub fn state(&self) -> &str {
        &self.pending.state
    }

    /// What the code exchange needs, to keep until the user comes back.
    pub fn into_pending(self) -> PendingAuthorization {
        self.pending
    }
}

/// An authorization waiting for its redirect: its `state` and PKCE code verifier. Keep it
/// where the redirect's handler finds it (a server-side session; it is a secret, so not a
/// cookie the user can read), with [`state`](Self::state) and
/// [`code_verifier`](Self::code_verifier) out and [`from_parts`](Self::from_parts) back in.
#[must_use]
pub struct PendingAuthorization {
    state: String,
    code_verifier: String,
}

impl fmt::Debug for PendingAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingAuthorization")
            .field("state", &self.state)
            .field("code_verifier", &"<redacted>")
            .finish()
    }
}

impl PendingAuthorization {
    /// An authorization kept as its two parts.
    pub fn from_parts(state: impl Into<String>, code_verifier: impl Into<String>) -> Self {
        PendingAuthorization {
            state: state.into(),
            code_verifier: code_verifier.into(),
        }
    }

    /// The `state` the redirect must bring back.
    #[must_use]
    pub fn state(&self) -> &str {
        &self.state
    }

    /// The PKCE code verifier (a secret: 43 random URL-safe characters).
    #[must_use]
    pub fn code_verifier(&self) -> &str {
        &self.code_verifier
    }
}

/// An error of the token endpoint, told without any token: the server's error code and
/// description, the transport failure, or where its answer failed to parse (not the answer).
fn auth_error<RE: std::error::Error + 'static>(
    doing: &str,
    error: &RequestTokenError<RE, BasicErrorResponse>,
) -> Error {
    let detail = match error {
        RequestTokenError::ServerResponse(response) => {
            let mut detail = format!("the server answered `{}`", response.error());
            if let Some(description) = response.error_description() {
                detail.push_str(": ");
                detail.push_str(description);
            }
            detail
        }
        RequestTokenError::Request(error) => {
            let mut detail = String::from("the token endpoint could not be reached");
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                detail.push_str(": ");
                detail.push_str(&cause.to_string());
                source = cause.source();
            }
            detail
        }
        // serde's message may quote a value of the answer, which may be a token: give only
        // where it failed and what kind of failure it was.
        RequestTokenError::Parse(error, _) => format!(
            "the token endpoint's answer is not a token response (at `{}`: {:?} error, line {}, \
             column {})",
            error.path(),
            error.inner().classify(),
            error.inner().line(),
            error.inner().column()
        ),
        RequestTokenError::Other(message) => message.clone(),
    };
    Error::Auth(truncate(format!("{doing} failed: {detail}"), MESSAGE_BYTES))
}

/// A callback told about every refresh; see [`OAuth2TokenSource::on_refresh`].
type RefreshCallback = Arc<dyn Fn(&TokenSet) + Send + Sync>;

/// OAuth2 tokens the client holds and refreshes: shortly before the access token expires, and
/// once after a `401`. Concurrent requests share one refresh. Cheap to clone; clones share the
/// tokens.
#[derive(Clone)]
pub struct OAuth2TokenSource {
    oauth: OAuth2,
    tokens: Arc<Mutex<TokenSet>>,
    refresh_margin: Duration,
    on_refresh: Option<RefreshCallback>,
}

impl fmt::Debug for OAuth2TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuth2TokenSource")
            .field("oauth", &self.oauth)
            .field("refresh_margin", &self.refresh_margin)
            .finish_non_exhaustive()
    }
}

impl OAuth2TokenSource {
    /// How long before expiry the access token is refreshed (60 seconds unless set).
    #[must_use]
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Calls `callback` with the new tokens after every refresh, to store them (a server may
    /// rotate the refresh token).
    #[must_use]
    pub fn on_refresh(mut self, callback: impl Fn(&TokenSet) + Send + Sync + 'static) -> Self {
        self.on_refresh = Some(Arc::new(callback));
        self
    }

    /// The tokens held now.
    pub async fn tokens(&self) -> TokenSet {
        self.tokens.lock().await.clone()
    }

    async fn refresh_locked(&self, tokens: &mut TokenSet) -> Result<bool, Error> {
        let Some(refresh_token) = tokens.refresh_token().cloned() else {
            return Ok(false);
        };
        tracing::debug!("refreshing the OAuth2 access token");
        *tokens = self.oauth.refresh(&refresh_token).await?;
        if let Some(callback) = &self.on_refresh {
            callback(tokens);
        }
        Ok(true)
    }
}

impl TokenSource for OAuth2TokenSource {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        Box::pin(async move {
            let mut tokens = self.tokens.lock().await;
            let expiring = tokens
                .expires_in()
                .is_some_and(|left| left <= self.refresh_margin);
            if expiring {
                self.refresh_locked(&mut tokens).await?;
            }
            Ok(tokens.access_token().clone())
        })
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<Option<AccessToken>, Error>> {
        Box::pin(async move {
            let mut tokens = self.tokens.lock().await;
            // Another request refreshed while this one was in flight: use its token.
            if *tokens.access_token() != *rejected {
                return Ok(Some(tokens.access_token().clone()));
            }
            if self.refresh_locked(&mut tokens).await? {
                Ok(Some(tokens.access_token().clone()))
            } else {
                Ok(None)
            }
        })
    }
}

/// The tokens of a token endpoint's answer; `previous` is kept when it sent no new refresh
/// token (a server that does not rotate refresh tokens leaves the old one valid).
fn token_set(response: &BasicTokenResponse, previous: Option<&RefreshToken>) -> TokenSet {
    TokenSet::issued(
        AccessToken::new(response.access_token().secret().clone()),
        response
            .refresh_token()
            .map(|token| RefreshToken::new(token.secret().clone()))
            .or_else(|| previous.cloned()),
        response.expires_in(),
        response
            .scopes()
            .map(|scopes| scopes.iter().map(|scope| scope.to_string()).collect())
            .unwrap_or_default(),
    )
}
