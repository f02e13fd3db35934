//! Every `Error` variant, from a real HTTP server on 127.0.0.1; and nothing a server sends can
//! make the client panic (malformed JSON, HTML pages, empty, mistyped or huge bodies).

mod common;

use std::time::Duration;

use common::{
    assert_no_token, assert_source_does_not_repeat, categories, client, error_answer,
    get_categories, TOKEN,
};
use serde_json::json;
use webwork_client::{Client, Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// `Error` can cross threads and live in `anyhow`/`Box<dyn Error + Send + Sync>`.
const _: fn() = || {
    fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<Error>();
    assert_error::<webwork_client::DecodeError>();
};

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn error_for(template: ResponseTemplate) -> Error {
    let server = answering(template).await;
    let error = get_categories(&client(&server))
        .await
        .expect_err("the answer is an error");
    assert_no_token(&error);
    error
}

#[test]
fn error_is_send_sync_static() {
    fn takes(_: Box<dyn std::error::Error + Send + Sync + 'static>) {}
    takes(Box::new(Error::MissingParameter {
        operation: "op",
        names: vec!["x"],
    }));
}

#[tokio::test]
async fn status_401_is_unauthorized() {
    let error = error_for(error_answer(401, "Unauthenticated.")).await;
    let Error::Unauthorized(answer) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(answer.status(), 401);
    assert_eq!(answer.message(), Some("Unauthenticated."));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(
        error.to_string(),
        "unauthorized: 401 Unauthorized (Unauthenticated.)"
    );
}

#[tokio::test]
async fn status_403_is_forbidden() {
    let error = error_for(error_answer(403, "Not allowed")).await;
    assert!(matches!(error, Error::Forbidden(_)), "{error:?}");
}

#[tokio::test]
async fn status_404_is_not_found() {
    let error = error_for(error_answer(404, "No such category")).await;
    assert!(matches!(error, Error::NotFound(_)), "{error:?}");
}

#[tokio::test]
async fn status_422_is_validation_with_field_messages() {
    let error = error_for(ResponseTemplate::new(422).set_body_json(json!({
        "success": false,
        "message": "The given data was invalid.",
        "errors": {"expense_name": ["The expense name field is required."], "amount": "must be positive"}
    })))
    .await;
    let Error::Validation(answer) = &error else {
        panic!("{error:?}")
    };
    let fields = answer.field_errors();
    assert_eq!(
        fields["expense_name"],
        ["The expense name field is required."]
    );
    assert_eq!(fields["amount"], ["must be positive"]);
}

#[tokio::test]
async fn status_429_is_rate_limited_with_retry_after() {
    let error =
        error_for(error_answer(429, "Too Many Attempts.").insert_header("Retry-After", "7")).await;
    let Error::RateLimited {
        retry_after,
        error: answer,
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*retry_after, Some(Duration::from_secs(7)));
    assert_eq!(answer.message(), Some("Too Many Attempts."));
    assert!(error.is_retryable());
}

#[tokio::test]
async fn status_429_reads_the_rate_limit_reset_headers() {
    let error = error_for(
        error_answer(429, "Too Many Attempts.")
            .insert_header("X-RateLimit-Limit", "60")
            .insert_header("X-RateLimit-Remaining", "0")
            .insert_header("X-RateLimit-Reset", "30"),
    )
    .await;
    assert_eq!(
        error.retry_after(),
        Some(Duration::from_secs(30)),
        "{error:?}"
    );
}

#[tokio::test]
async fn other_status_is_api_with_status_message_and_headers() {
    let error =
        error_for(error_answer(500, "Server Error").insert_header("x-request-id", "req-1")).await;
    let Error::Api(answer) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(answer.status(), 500);
    assert_eq!(answer.message(), Some("Server Error"));
    let headers = error.headers().expect("headers");
    assert_eq!(headers["x-request-id"], "req-1");
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn success_false_is_unsuccessful() {
    let error = error_for(ResponseTemplate::new(200).set_body_json(json!({
        "success": false, "message": "Workspace is archived", "data": null
    })))
    .await;
    let Error::Unsuccessful(answer) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.message(), Some("Workspace is archived"));
}

#[tokio::test]
async fn a_mistyped_field_is_decode_with_its_json_path() {
    let error = error_for(ResponseTemplate::new(200).set_body_json(json!({
        "success": true, "data": [{"id": common::CATEGORY_ID}, {"id": 42}]
    })))
    .await;
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path(), "data[1].id");
    assert!(decode.snippet().contains(r#"{"id":42}"#), "{decode:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
}

#[tokio::test]
async fn malformed_json_is_decode() {
    let error = error_for(
        ResponseTemplate::new(200)
            .set_body_raw(r#"{"success": true, "data": [{"id": "#, "application/json"),
    )
    .await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn trailing_garbage_is_decode() {
    let body = format!("{} trailing", categories());
    let error = error_for(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn an_html_error_page_is_api_with_a_snippet() {
    let page =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let error = error_for(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;
    let Error::Api(answer) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(answer.status(), 502);
    assert_eq!(answer.message(), None);
    assert!(answer.body().starts_with("<!DOCTYPE html>"));
}

#[tokio::test]
async fn an_html_page_with_status_200_is_decode() {
    let page = "<html><body>Maintenance</body></html>";
    let error = error_for(ResponseTemplate::new(200).set_body_raw(page, "text/html")).await;
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.snippet(), page);
}

#[tokio::test]
async fn an_empty_body_is_decode_when_data_is_expected() {
    let error = error_for(ResponseTemplate::new(200)).await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn an_empty_error_body_is_api() {
    let error = error_for(ResponseTemplate::new(500)).await;
    let Error::Api(answer) = &error else {
        panic!("{error:?}")
    };
    assert_eq!((answer.body(), answer.message()), ("", None));
    assert_eq!(
        error.to_string(),
        "the server answered 500 Internal Server Error"
    );
}

#[tokio::test]
async fn json_with_a_wrong_content_type_is_still_read() {
    let server =
        answering(ResponseTemplate::new(200).set_body_raw(categories().to_string(), "text/plain"))
            .await;
    let answer = get_categories(&client(&server)).await.expect("decodes");
    assert_eq!(answer.data.len(), 1);
}

/// `error` is `ResponseTooLarge` for a 200 answer, with `limit` as the limit it went over.
fn assert_response_too_large(error: &Error, expected_limit: usize) {
    let Error::ResponseTooLarge { limit, status, .. } = error else {
        panic!("{error:?}")
    };
    assert_eq!((*limit, status.as_u16()), (expected_limit, 200));
}

#[tokio::test]
async fn a_body_over_the_limit_is_response_too_large() {
    let server =
        answering(ResponseTemplate::new(200).set_body_raw(vec![b'x'; 1 << 20], "application/json"))
            .await;
    let client = common::builder(&server)
        .retry(RetryPolicy::none())
        .max_response_bytes(64 * 1024)
        .build()
        .expect("client");
    let error = get_categories(&client).await.expect_err("too large");
    assert_response_too_large(&error, 64 * 1024);
}

/// Serves one answer on 127.0.0.1 whose body is chunked (no `Content-Length`), in chunks of
/// `chunk` bytes; gives the base URL.
fn chunked_server(body: Vec<u8>, chunk: usize) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut request = Vec::new();
        let mut buffer = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => return,
                Ok(n) => request.extend_from_slice(&buffer[..n]),
            }
        }
        let mut answer = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
            transfer-encoding: chunked\r\nconnection: close\r\n\r\n"
            .to_vec();
        for piece in body.chunks(chunk) {
            answer.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
            answer.extend_from_slice(piece);
            answer.extend_from_slice(b"\r\n");
        }
        answer.extend_from_slice(b"0\r\n\r\n");
        // The client stops reading a body over its limit: a failed write is expected then.
        let _ = stream.write_all(&answer);
    });
    format!("http://{address}")
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_response_too_large() {
    let client = Client::builder(chunked_server(vec![b'x'; 1 << 20], 16 * 1024))
        .bearer_token(TOKEN)
        .retry(RetryPolicy::none())
        .max_response_bytes(64 * 1024)
        .build()
        .expect("client");
    let error = get_categories(&client).await.expect_err("too large");
    assert_response_too_large(&error, 64 * 1024);
}

#[tokio::test]
async fn a_chunked_body_within_the_limit_is_read() {
    let body = categories().to_string().into_bytes();
    let client = Client::builder(chunked_server(body, 7))
        .bearer_token(TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let answer = get_categories(&client).await.expect("decodes");
    assert_eq!(answer.data.len(), 1);
    assert_eq!(answer.headers["transfer-encoding"], "chunked");
}

#[tokio::test]
async fn a_huge_malformed_body_gives_a_bounded_error() {
    // 4 MiB: under the default limit, so it is read and fails to decode.
    let mut body = String::from("{\"success\": true, \"data\": [{\"id\": \"");
    body.push_str(&"é".repeat(2 << 20));
    body.push_str("\"}]}");
    let error = error_for(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path(), "data[0].id");
    assert!(
        decode.snippet().len() <= 520,
        "snippet of {} bytes",
        decode.snippet().len()
    );
    assert!(
        decode.message().len() <= 1100,
        "message of {} bytes",
        decode.message().len()
    );
    assert!(error.to_string().len() < 2000);
}

#[tokio::test]
async fn a_huge_error_message_is_bounded() {
    let error = error_for(error_answer(400, &"x".repeat(100_000))).await;
    let answer = error.api_error().expect("an answer");
    assert!(answer.message().expect("message").len() <= 1100);
    assert!(answer.body().len() <= 520);
}

#[test]
fn missing_parameter_names_the_operation_and_every_missing_setter() {
    // No generated builder sends without its required parameters (that is a compile error,
    // see tests/compile.rs); the variant is still public, and says what it holds.
    let one = Error::MissingParameter {
        operation: "getExpenseCategories",
        names: vec!["workspace_id"],
    };
    assert_eq!(
        one.to_string(),
        "`getExpenseCategories` was not sent: the required parameter `workspace_id` is not set"
    );
    let several = Error::MissingParameter {
        operation: "createExpense",
        names: vec!["expense_name", "date", "category_id"],
    };
    assert_eq!(
        several.to_string(),
        "`createExpense` was not sent: the required parameters `expense_name`, `date`, \
         `category_id` are not set"
    );
}

#[test]
fn an_unusable_base_url_is_config() {
    for url in [
        "not a url",
        "ftp://example.com",
        "mailto:someone@example.com",
    ] {
        let error = Client::builder(url).build().expect_err(url);
        assert!(matches!(error, Error::Config(_)), "{url}: {error:?}");
    }
}

#[tokio::test]
async fn an_invalid_bearer_token_is_config_at_each_send() {
    let server = answering(ResponseTemplate::new(200).set_body_json(categories())).await;
    let secret = "secret\nwith a line break";
    let client = Client::builder(server.uri())
        .bearer_token(secret)
        .retry(RetryPolicy::none())
        .build()
        .expect("the token is checked when sending");
    for _ in 0..2 {
        let error = get_categories(&client).await.expect_err("invalid token");
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        assert!(!format!("{error:?} {error}").contains("with a line break"));
    }
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}

#[tokio::test]
async fn an_invalid_extra_header_is_config() {
    let server = answering(ResponseTemplate::new(200).set_body_json(categories())).await;
    let client = client(&server);
    for (name, value) in [("bad header", "v"), ("x-ok", "line\nbreak")] {
        let error = client
            .get_expense_categories()
            .workspace_id(1)
            .header(name, value)
            .send()
            .await
            .expect_err("invalid header");
        assert!(matches!(error, Error::Config(_)), "{error:?}");
    }
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}

#[tokio::test]
async fn a_refused_connection_is_transport() {
    let (_held, port) = common::refusing_port();
    let client = Client::builder(format!("http://127.0.0.1:{port}"))
        .bearer_token(TOKEN)
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let error = get_categories(&client).await.expect_err("nothing listens");
    let Error::Transport(inner) = &error else {
        panic!("{error:?}")
    };
    assert!(inner.is_connect() && error.is_connect());
    assert_eq!(inner.attempts(), 1);
    assert!(error.is_retryable() && !error.is_timeout() && error.status().is_none());
    assert_eq!(
        error.to_string(),
        "GET /expenses/categories: connection refused (1 attempt)"
    );
    assert_source_does_not_repeat(&error);
    assert_no_token(&error);
}

#[tokio::test(start_paused = true)]
async fn a_request_timeout_is_transport_timeout_and_overrides_the_client_default() {
    let server = answering(
        ResponseTemplate::new(200)
            .set_body_json(categories())
            .set_delay(Duration::from_secs(30)),
    )
    .await;
    let client = common::builder(&server)
        .timeout(Duration::from_secs(10))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");

    let started = tokio::time::Instant::now();
    let error = client
        .get_expense_categories()
        .workspace_id(1)
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .expect_err("times out");
    assert!(error.is_timeout() && !error.is_connect(), "{error:?}");
    assert_eq!(started.elapsed(), Duration::from_secs(2));
    assert_eq!(
        error.to_string(),
        "GET /expenses/categories: timed out after 2 s (1 attempt)"
    );
    assert_source_does_not_repeat(&error);

    let started = tokio::time::Instant::now();
    let error = get_categories(&client).await.expect_err("times out");
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(started.elapsed(), Duration::from_secs(10));
    assert!(
        error.to_string().contains("timed out after 10 s"),
        "{error}"
    );
}

/// On the real clock, with the HTTP client the builder makes (which carries the client-wide
/// timeout itself): a request's own timeout still replaces it, shorter or longer.
#[tokio::test]
async fn a_request_timeout_overrides_the_default_http_client_timeout() {
    let server = answering(
        ResponseTemplate::new(200)
            .set_body_json(categories())
            .set_delay(Duration::from_secs(2)),
    )
    .await;
    let client = |timeout| {
        Client::builder(server.uri())
            .bearer_token(TOKEN)
            .timeout(timeout)
            .retry(RetryPolicy::none())
            .build()
            .expect("client")
    };

    let started = std::time::Instant::now();
    let error = client(Duration::from_secs(20))
        .get_expense_categories()
        .workspace_id(1)
        .timeout(Duration::from_millis(100))
        .send()
        .await
        .expect_err("times out");
    assert!(error.is_timeout(), "{error:?}");
    // A generous bound (ten times the timeout, half the delay): only a timeout that applied
    // ends the wait before the answer.
    assert!(started.elapsed() < Duration::from_secs(1));

    let slow = client(Duration::from_millis(100));
    let error = get_categories(&slow).await.expect_err("times out");
    assert!(error.is_timeout(), "{error:?}");
    slow.get_expense_categories()
        .workspace_id(1)
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .expect("a longer timeout of the request replaces the client's");
}

#[tokio::test]
async fn user_agent_and_extra_headers_are_sent() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .and(wiremock::matchers::header(
            "user-agent",
            concat!("webwork-client/", "0.1.0"),
        ))
        .and(wiremock::matchers::header("x-request-id", "abc-123"))
        .and(wiremock::matchers::header(
            "authorization",
            format!("Bearer {TOKEN}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(categories()))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .get_expense_categories()
        .workspace_id(1)
        .header("X-Request-Id", "abc-123")
        .send()
        .await
        .expect("the headers match");
}
