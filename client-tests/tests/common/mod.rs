//! Helpers shared by the behaviour tests (each test file uses some of them).
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::Mutex;

use chrono::NaiveDate;
use serde_json::{json, Value};
use uuid::Uuid;
use webwork_client::{Client, ClientBuilder, Error, Response};
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

pub mod oauth;

/// The personal access token of the tests; no error or `Debug` text may contain it.
pub const TOKEN: &str = "pat-7f3a9c-super-secret";
pub const CATEGORY_ID: &str = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

/// A mock server of this test's own.
///
/// `MockServer::start()` takes a server from wiremock's pool and gives it back, mocks reset,
/// when the test ends: a request that outlives its test (a send that a paused clock timed out
/// before it reached the server, a retry still in flight) then arrives at the next test's
/// server and takes the answer meant for that test. A server of its own stops with its test.
pub async fn server() -> MockServer {
    MockServer::builder().start().await
}

/// A client for `server` with the test token and no retries.
pub fn client(server: &MockServer) -> Client {
    builder(server)
        .retry(webwork_client::RetryPolicy::none())
        .build()
        .expect("client builds")
}

/// A builder for `server` fit for a paused tokio clock: no timeout (the paused clock would
/// jump over it while waiting for the network) and an HTTP client without idle-pool timers.
pub fn builder(server: &MockServer) -> ClientBuilder {
    let http = reqwest::Client::builder()
        .pool_idle_timeout(None)
        .build()
        .expect("http client");
    Client::builder(server.uri())
        .bearer_token(TOKEN)
        .http_client(http)
        .without_timeout()
}

/// A successful answer of `GET /expenses/categories`.
pub fn categories() -> Value {
    json!({"success": true, "data": [{"id": CATEGORY_ID, "name": "Travel"}]})
}

/// `GET /expenses/categories?workspace_id=1`.
pub async fn get_categories(
    client: &Client,
) -> Result<Response<Vec<webwork_client::types::ExpenseCategory>>, Error> {
    client.get_expense_categories().workspace_id(1).send().await
}

/// `POST /expenses` with a valid body.
pub async fn create_expense(
    client: &Client,
    policy: Option<webwork_client::RetryPolicy>,
) -> Result<Response<webwork_client::types::Expense>, Error> {
    let mut request = client
        .create_expense()
        .workspace_id(1)
        .expense_name("Taxi")
        .date(NaiveDate::from_ymd_opt(2024, 1, 15).expect("date"))
        .amount(12.5)
        .category_id(Uuid::parse_str(CATEGORY_ID).expect("uuid"));
    if let Some(policy) = policy {
        request = request.retry(policy);
    }
    request.send().await
}

/// A successful answer of `POST /expenses`.
pub fn created_expense() -> Value {
    json!({"success": true, "data": {"id": CATEGORY_ID, "expense_name": "Taxi", "amount": 12.5}})
}

/// Answers with the given templates in turn, then with the last one forever.
pub struct Sequence(Mutex<VecDeque<ResponseTemplate>>);

impl Sequence {
    pub fn new(answers: impl IntoIterator<Item = ResponseTemplate>) -> Self {
        Sequence(Mutex::new(answers.into_iter().collect()))
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut answers = self.0.lock().expect("lock");
        if answers.len() > 1 {
            answers.pop_front().expect("an answer")
        } else {
            answers.front().cloned().expect("an answer")
        }
    }
}

/// An error answer in the API's shape.
pub fn error_answer(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"success": false, "message": message}))
}

/// Asserts that neither the text nor the `Debug` form of `error` shows the token.
pub fn assert_no_token(error: &Error) {
    let text = format!("{error} {error:?}");
    assert!(!text.contains(TOKEN), "the token leaked: {text}");
}

/// A port on 127.0.0.1 that refuses connections: bound, so no other test can take it while
/// the socket is held, but not listening.
pub fn refusing_port() -> (tokio::net::TcpSocket, u16) {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind("127.0.0.1:0".parse().expect("address"))
        .expect("bind");
    let port = socket.local_addr().expect("address").port();
    (socket, port)
}

/// Asserts that no error in the `source()` chain of `error` repeats its own text.
pub fn assert_source_does_not_repeat(error: &Error) {
    let text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        assert!(
            !cause_text.contains(&text) && !text.contains(&cause_text),
            "`{text}` repeats in its source `{cause_text}`"
        );
        source = cause.source();
    }
}
