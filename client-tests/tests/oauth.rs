//! OAuth2 against a local token endpoint: the authorization URL, code exchange, refresh, the
//! token source (refresh before expiry, once after a 401), and tokens kept out of every text.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::get_categories;
use common::oauth::{
    api_accepting, client_with, oauth, token_answer, token_endpoint, REFRESH, SECRET,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use webwork_client::{
    AccessToken, Client, Error, OAuth2, PendingAuthorization, RequestOptions, TokenSet, TokenSource,
};
use wiremock::matchers::{body_string_contains, method, path};
use wiremock::{Mock, ResponseTemplate};

fn api_requests_with(requests: &[wiremock::Request], token: &str) -> usize {
    let value = format!("Bearer {token}");
    requests
        .iter()
        .filter(|r| r.url.path() == "/expenses/categories")
        .filter(|r| {
            r.headers
                .get("authorization")
                .is_some_and(|v| v == value.as_str())
        })
        .count()
}

/// The query of `url` as a map.
fn query_of(url: &url::Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

/// The PKCE S256 challenge of `verifier`: base64url (no padding) of its SHA-256.
fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[test]
fn the_authorization_url_carries_client_redirect_scopes_state_and_the_pkce_challenge() {
    let oauth = OAuth2::builder("client-42", "https://app.example/callback")
        .build()
        .expect("oauth");
    let authorization = oauth.authorize(["read", "write"]);
    let url = authorization.url().clone();
    assert_eq!(
        url.as_str().split('?').next(),
        Some("https://webwork-tracker.com/oauth/authorize")
    );
    let query = query_of(&url);
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["client_id"], "client-42");
    assert_eq!(query["redirect_uri"], "https://app.example/callback");
    assert_eq!(query["scope"], "read write");
    assert_eq!(query["state"], authorization.state());
    assert_eq!(query["code_challenge_method"], "S256");

    let pending = authorization.into_pending();
    assert_eq!(query["state"], pending.state());
    let verifier = pending.code_verifier();
    // RFC 7636: 43 to 128 characters of [A-Za-z0-9-._~].
    assert!((43..=128).contains(&verifier.len()), "{verifier}");
    assert!(verifier
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)));
    assert_eq!(query["code_challenge"], s256(verifier));
    // No secret in the Debug output.
    assert!(!format!("{pending:?}").contains(verifier));

    // Every authorization has its own state and verifier.
    let other = oauth.authorize(["read"]).into_pending();
    assert!(pending.state().len() >= 16 && other.state() != pending.state());
    assert_ne!(other.code_verifier(), pending.code_verifier());
}

#[test]
fn invalid_oauth_urls_are_config() {
    let error = OAuth2::builder("c", "not a url")
        .build()
        .expect_err("bad redirect");
    assert!(matches!(error, Error::Config(_)), "{error:?}");
}

#[tokio::test]
async fn a_code_is_exchanged_for_tokens_with_the_pkce_verifier_of_the_challenge() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(body_string_contains("grant_type=authorization_code"))
        .and(body_string_contains("code=the-code"))
        .and(body_string_contains("client_id=client-42"))
        .and(body_string_contains(
            format!("client_secret={SECRET}").as_str(),
        ))
        .and(body_string_contains(
            "redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback",
        ))
        .respond_with(token_answer("access-1", Some(REFRESH)))
        .expect(1)
        .mount(&server)
        .await;

    let oauth = oauth(&server);
    let authorization = oauth.authorize(["read"]);
    let challenge = query_of(authorization.url())["code_challenge"].clone();
    // Kept as its parts (in a session, say) and put back together for the redirect's handler.
    let kept = authorization.into_pending();
    let (state, verifier) = (kept.state().to_string(), kept.code_verifier().to_string());
    let pending = PendingAuthorization::from_parts(state.clone(), verifier);
    let tokens = oauth
        .exchange_code(pending, "the-code", &state)
        .await
        .expect("tokens");

    assert_eq!(tokens.access_token().secret(), "access-1");
    assert_eq!(tokens.refresh_token().map(|t| t.secret()), Some(REFRESH));
    assert_eq!(tokens.scopes(), ["read", "write"]);
    let left = tokens.expires_in().expect("expiry");
    assert!(left > Duration::from_secs(1_295_000) && left <= Duration::from_secs(1_296_000));

    // The token request's verifier is the one whose S256 the authorization URL carried.
    let requests = server.received_requests().await.expect("recorded");
    let form: HashMap<String, String> = url::form_urlencoded::parse(&requests[0].body)
        .into_owned()
        .collect();
    let sent_verifier = &form["code_verifier"];
    assert_eq!(s256(sent_verifier), challenge);
}

#[tokio::test]
async fn a_redirect_with_another_state_is_refused_before_the_code_is_sent() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token_answer("access-1", Some(REFRESH)))
        .expect(0)
        .mount(&server)
        .await;

    let oauth = oauth(&server);
    let pending = oauth.authorize(["read"]).into_pending();
    let error = oauth
        .exchange_code(pending, "the-code", "a-forged-state")
        .await
        .expect_err("refused");
    let Error::Auth(message) = &error else {
        panic!("{error:?}")
    };
    assert!(message.contains("state"), "{message}");
}

#[tokio::test]
async fn a_refresh_keeps_the_old_refresh_token_when_none_is_issued() {
    let server = common::server().await;
    token_endpoint(&server, token_answer("access-2", None), 1).await;
    let refreshed = oauth(&server)
        .refresh(&webwork_client::RefreshToken::new(REFRESH))
        .await
        .expect("refreshed");
    assert_eq!(refreshed.access_token().secret(), "access-2");
    assert_eq!(refreshed.refresh_token().map(|t| t.secret()), Some(REFRESH));
}

#[tokio::test]
async fn a_refused_refresh_is_auth_without_the_token() {
    let server = common::server().await;
    let refused = ResponseTemplate::new(400).set_body_json(json!({
        "error": "invalid_grant", "error_description": "The refresh token is invalid."
    }));
    token_endpoint(&server, refused, 1).await;
    let error = oauth(&server)
        .refresh(&webwork_client::RefreshToken::new(REFRESH))
        .await
        .expect_err("refused");
    let Error::Auth(message) = &error else {
        panic!("{error:?}")
    };
    assert!(
        message.contains("invalid_grant") && message.contains("The refresh token is invalid."),
        "{message}"
    );
    let text = format!("{error} {error:?}");
    assert!(!text.contains(REFRESH) && !text.contains(SECRET), "{text}");
}

#[tokio::test]
async fn a_malformed_token_answer_does_not_leak_it() {
    let server = common::server().await;
    let broken = ResponseTemplate::new(200).set_body_raw(
        r#"{"access_token": "leaked-access-9", "token_type": 42}"#,
        "application/json",
    );
    token_endpoint(&server, broken, 1).await;
    let error = oauth(&server)
        .refresh(&webwork_client::RefreshToken::new(REFRESH))
        .await
        .expect_err("not a token response");
    let text = format!("{error} {error:?}");
    assert!(matches!(error, Error::Auth(_)), "{text}");
    assert!(
        !text.contains("leaked-access-9") && !text.contains(REFRESH),
        "{text}"
    );
}

#[tokio::test]
async fn the_source_refreshes_before_expiry() {
    let server = common::server().await;
    token_endpoint(&server, token_answer("fresh", Some("refresh-2")), 1).await;
    api_accepting(&server, "fresh").await;

    let stored = Arc::new(Mutex::new(None));
    let store = Arc::clone(&stored);
    // 10 s left, inside the 60 s margin: refreshed before the first send.
    let tokens = TokenSet::new("stale", Some(REFRESH.into()), Some(Duration::from_secs(10)));
    let source = oauth(&server)
        .token_source(tokens)
        .on_refresh(move |tokens| *store.lock().expect("lock") = Some(tokens.clone()));
    let client = client_with(&server, source.clone());

    get_categories(&client)
        .await
        .expect("sent with the fresh token");
    get_categories(&client)
        .await
        .expect("and again, without refreshing");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(api_requests_with(&requests, "stale"), 0);
    assert_eq!(api_requests_with(&requests, "fresh"), 2);
    let stored = stored
        .lock()
        .expect("lock")
        .clone()
        .expect("the callback ran");
    assert_eq!(
        stored.refresh_token().map(|t| t.secret()),
        Some("refresh-2")
    );
    assert_eq!(source.tokens().await.access_token().secret(), "fresh");
}

#[tokio::test]
async fn after_a_401_the_source_refreshes_once_and_the_call_is_sent_again() {
    let server = common::server().await;
    token_endpoint(&server, token_answer("fresh", None), 1).await;
    api_accepting(&server, "fresh").await;

    // The server revoked the token early: no expiry is known, so only the 401 tells.
    let source = oauth(&server).token_source(TokenSet::new("revoked", Some(REFRESH.into()), None));
    let client = client_with(&server, source);
    let answer = get_categories(&client)
        .await
        .expect("sent again with the fresh token");
    assert_eq!(answer.status, 200);
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        (
            api_requests_with(&requests, "revoked"),
            api_requests_with(&requests, "fresh")
        ),
        (1, 1)
    );
}

#[tokio::test]
async fn a_second_401_is_returned_after_one_refresh() {
    let server = common::server().await;
    token_endpoint(&server, token_answer("also-rejected", None), 1).await;
    api_accepting(&server, "never-this-one").await;

    let source = oauth(&server).token_source(TokenSet::new("revoked", Some(REFRESH.into()), None));
    let error = get_categories(&client_with(&server, source))
        .await
        .expect_err("401");
    assert!(matches!(error, Error::Unauthorized(_)), "{error:?}");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.url.path() == "/expenses/categories")
            .count(),
        2
    );
}

#[tokio::test]
async fn a_failed_refresh_after_a_401_is_auth() {
    let server = common::server().await;
    let refused = ResponseTemplate::new(400).set_body_json(json!({"error": "invalid_grant"}));
    token_endpoint(&server, refused, 1).await;
    api_accepting(&server, "fresh").await;

    let source = oauth(&server).token_source(TokenSet::new("revoked", Some(REFRESH.into()), None));
    let error = get_categories(&client_with(&server, source))
        .await
        .expect_err("no token");
    assert!(matches!(error, Error::Auth(_)), "{error:?}");
}

#[tokio::test]
async fn a_fixed_token_gets_no_second_try_after_a_401() {
    let server = common::server().await;
    api_accepting(&server, "fresh").await;
    let error = get_categories(&client_with(&server, AccessToken::new("revoked")))
        .await
        .expect_err("401");
    assert!(matches!(error, Error::Unauthorized(_)), "{error:?}");
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
}

#[tokio::test]
async fn concurrent_401s_share_one_refresh() {
    let server = common::server().await;
    token_endpoint(&server, token_answer("fresh", None), 1).await;
    api_accepting(&server, "fresh").await;
    let source = oauth(&server).token_source(TokenSet::new("revoked", Some(REFRESH.into()), None));
    let client = client_with(&server, source);
    let calls = (0..8).map(|_| get_categories(&client));
    for answer in futures::future::join_all(calls).await {
        answer.expect("every call succeeds");
    }
    // `expect(1)` on the token endpoint is checked when the server drops.
}

#[tokio::test]
async fn tokens_and_secrets_never_show_in_debug_output() {
    let server = common::server().await;
    let oauth = oauth(&server);
    let tokens = TokenSet::new("access-secret-1", Some(REFRESH.into()), None);
    let source = oauth.token_source(tokens.clone());
    let client = client_with(&server, source.clone());
    let fixed = Client::builder(server.uri())
        .bearer_token(common::TOKEN)
        .build()
        .expect("client");
    let builder = OAuth2::builder("client-42", "http://127.0.0.1/cb").client_secret(SECRET);
    let options = RequestOptions::new().header("X-Api-Key", "header-secret-3");
    let texts = [
        format!("{oauth:?}"),
        format!("{tokens:?}"),
        format!("{source:?}"),
        format!("{client:?}"),
        format!("{fixed:?}"),
        format!("{builder:?}"),
        format!("{options:?}"),
        format!("{:?}", AccessToken::new("access-secret-1")),
    ];
    for text in texts {
        for secret in [
            "access-secret-1",
            REFRESH,
            SECRET,
            common::TOKEN,
            "header-secret-3",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

/// A token source of the caller's own, counting how often it is asked.
#[derive(Debug, Default)]
struct Counting(AtomicUsize);

impl TokenSource for Counting {
    fn token(&self) -> futures::future::BoxFuture<'_, Result<AccessToken, Error>> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async { Ok(AccessToken::new("fresh")) })
    }
}

#[tokio::test]
async fn a_custom_token_source_is_asked_before_every_send() {
    let server = common::server().await;
    api_accepting(&server, "fresh").await;
    let source = Arc::new(Counting::default());
    let client = client_with(&server, Arc::clone(&source));
    get_categories(&client).await.expect("ok");
    get_categories(&client).await.expect("ok");
    assert_eq!(source.0.load(Ordering::SeqCst), 2);
}
