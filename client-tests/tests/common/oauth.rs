//! A local OAuth2 token endpoint and an API that accepts one token, for the OAuth2 and tracing
//! tests.

use serde_json::json;
use webwork_client::{Client, OAuth2, RetryPolicy, TokenSource};
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const SECRET: &str = "client-secret-0b5e";
pub const REFRESH: &str = "refresh-token-77c1";

pub fn oauth(server: &MockServer) -> OAuth2 {
    OAuth2::builder("client-42", "http://127.0.0.1/callback")
        .client_secret(SECRET)
        .authorization_endpoint(format!("{}/oauth/authorize", server.uri()))
        .token_endpoint(format!("{}/oauth/token", server.uri()))
        .build()
        .expect("oauth")
}

pub fn token_answer(access: &str, refresh: Option<&str>) -> ResponseTemplate {
    let mut body = json!({"access_token": access, "token_type": "Bearer", "expires_in": 1_296_000, "scope": "read write"});
    if let Some(refresh) = refresh {
        body["refresh_token"] = json!(refresh);
    }
    ResponseTemplate::new(200).set_body_json(body)
}

pub async fn token_endpoint(server: &MockServer, answer: ResponseTemplate, expected: u64) {
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(body_string_contains("grant_type=refresh_token"))
        .and(body_string_contains(
            format!("refresh_token={REFRESH}").as_str(),
        ))
        .and(body_string_contains("client_id=client-42"))
        .respond_with(answer)
        .expect(expected)
        .mount(server)
        .await;
}

/// The API answers `token` with the categories and any other token with a 401.
pub async fn api_accepting(server: &MockServer, token: &str) {
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .and(header("authorization", format!("Bearer {token}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(super::categories()))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .respond_with(super::error_answer(401, "Unauthenticated."))
        .with_priority(2)
        .mount(server)
        .await;
}

pub fn client_with(server: &MockServer, source: impl TokenSource) -> Client {
    Client::builder(server.uri())
        .token_source(source)
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}
