// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Tokens that never show themselves, and the token sources the client asks for a token
//! before each send.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use tokio::time::Instant;

use super::error::Error;

macro_rules! secret {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Its `Debug` output is redacted; read it with [`secret`](Self::secret).
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// Wraps a token.
            pub fn new(token: impl Into<String>) -> Self {
                $name(token.into())
            }

            /// The token itself. Do not log it.
            pub fn secret(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    };
}

secret!(
    /// An access token: a personal access token or an OAuth2 access token.
    AccessToken
);
secret!(
    /// An OAuth2 refresh token.
    RefreshToken
);

/// Where the client gets the bearer token for each request.
///
/// The client calls [`token`](Self::token) before every send, and after a `401` calls
/// [`refresh_after_unauthorized`](Self::refresh_after_unauthorized) once and, when that gives a
/// token, sends the request once more. [`AccessToken`] (a fixed token) and
/// `OAuth2TokenSource` (feature `oauth2`) implement it; implement it for your own
/// token store.
pub trait TokenSource: fmt::Debug + Send + Sync + 'static {
    /// A token to send now; refresh it first if it is about to expire.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>>;

    /// The server answered `401` to `rejected`: a new token to try once more, or `None` when
    /// there is none (the `401` is then returned). The default has none.
    fn refresh_after_unauthorized<'a>(
        &'a self,
        rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<Option<AccessToken>, Error>> {
        let _ = rejected;
        Box::pin(async { Ok(None) })
    }
}

/// A shared source: keep an `Arc` to read or update it while the client uses it.
impl<S: TokenSource + ?Sized> TokenSource for Arc<S> {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        (**self).token()
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<Option<AccessToken>, Error>> {
        (**self).refresh_after_unauthorized(rejected)
    }
}

impl TokenSource for AccessToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        let token = self.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// The tokens the token endpoint issued.
#[derive(Debug, Clone)]
pub struct TokenSet {
    access_token: AccessToken,
    refresh_token: Option<RefreshToken>,
    expires_at: Option<Instant>,
    scopes: Vec<String>,
}

impl TokenSet {
    /// Tokens you stored: `expires_in` is the access token's remaining lifetime, if known.
    pub fn new(
        access_token: impl Into<String>,
        refresh_token: Option<String>,
        expires_in: Option<Duration>,
    ) -> Self {
        TokenSet::issued(
            AccessToken::new(access_token),
            refresh_token.map(RefreshToken::new),
            expires_in,
            Vec::new(),
        )
    }

    /// The access token.
    #[must_use]
    pub fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    /// The refresh token, if the server issued one.
    #[must_use]
    pub fn refresh_token(&self) -> Option<&RefreshToken> {
        self.refresh_token.as_ref()
    }

    /// How long the access token stays valid (zero once expired), if the server said.
    #[must_use]
    pub fn expires_in(&self) -> Option<Duration> {
        self.expires_at
            .map(|at| at.saturating_duration_since(Instant::now()))
    }

    /// The scopes the server granted, when it listed them.
    #[must_use]
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }

    /// Tokens as the token endpoint issued them, `expires_in` from now.
    pub(super) fn issued(
        access_token: AccessToken,
        refresh_token: Option<RefreshToken>,
        expires_in: Option<Duration>,
        scopes: Vec<String>,
    ) -> Self {
        TokenSet {
            access_token,
            refresh_token,
            expires_at: expires_in.map(|lifetime| Instant::now() + lifetime),
            scopes,
        }
    }
}
