//! Retries with backoff, `Retry-After` and the retry budget, on a paused tokio clock: waits take
//! no real time and are measured exactly.

mod common;

use std::time::Duration;

use common::{
    builder, categories, create_expense, created_expense, error_answer, get_categories, Sequence,
};
use tokio::time::Instant;
use webwork_client::{Client, Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// No jitter, so that waits are exact: 1 s, 2 s, 4 s, …
fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .jitter(false)
        .initial_backoff(Duration::from_secs(1))
}

fn retrying_client(server: &MockServer, policy: RetryPolicy) -> Client {
    builder(server).retry(policy).build().expect("client")
}

async fn serve(
    server: &MockServer,
    http_method: &str,
    route: &str,
    answers: Vec<ResponseTemplate>,
) {
    Mock::given(method(http_method))
        .and(path(route))
        .respond_with(Sequence::new(answers))
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.expect("recorded").len()
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(categories())
}

#[tokio::test(start_paused = true)]
async fn a_429_then_200_waits_as_retry_after_asks() {
    let server = common::server().await;
    let limited = error_answer(429, "Too Many Attempts.").insert_header("Retry-After", "3");
    serve(&server, "GET", "/expenses/categories", vec![limited, ok()]).await;

    let started = Instant::now();
    let answer = get_categories(&retrying_client(&server, policy()))
        .await
        .expect("retried");
    assert_eq!(answer.data.len(), 1);
    assert_eq!(started.elapsed(), Duration::from_secs(3));
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = common::server().await;
    let when = (chrono::Utc::now() + chrono::Duration::seconds(5))
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let limited =
        error_answer(429, "Too Many Attempts.").insert_header("Retry-After", when.as_str());
    serve(&server, "GET", "/expenses/categories", vec![limited, ok()]).await;

    let started = Instant::now();
    get_categories(&retrying_client(&server, policy()))
        .await
        .expect("retried");
    let waited = started.elapsed();
    // The date has whole seconds: the wait is between 4 and 5 s.
    assert!(
        waited > Duration::from_secs(3) && waited <= Duration::from_secs(5),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_without_retry_after_uses_the_rate_limit_reset_header() {
    let server = common::server().await;
    let limited = error_answer(429, "Too Many Attempts.")
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", "20");
    serve(&server, "GET", "/expenses/categories", vec![limited, ok()]).await;

    let started = Instant::now();
    get_categories(&retrying_client(&server, policy()))
        .await
        .expect("retried");
    assert_eq!(started.elapsed(), Duration::from_secs(20));
}

#[tokio::test(start_paused = true)]
async fn statuses_408_502_503_504_are_retried_with_exponential_backoff() {
    let server = common::server().await;
    let answers = [408, 502, 503, 504].map(|status| error_answer(status, "try again"));
    serve(
        &server,
        "GET",
        "/expenses/categories",
        answers.into_iter().chain([ok()]).collect(),
    )
    .await;

    let started = Instant::now();
    let client = retrying_client(&server, policy().max_attempts(5));
    get_categories(&client)
        .await
        .expect("the fifth send succeeds");
    assert_eq!(started.elapsed(), Duration::from_secs(1 + 2 + 4 + 8));
    assert_eq!(requests(&server).await, 5);
}

#[tokio::test(start_paused = true)]
async fn a_503_retry_after_is_honoured() {
    let server = common::server().await;
    let unavailable = error_answer(503, "Maintenance").insert_header("Retry-After", "12");
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![unavailable, ok()],
    )
    .await;

    let started = Instant::now();
    get_categories(&retrying_client(&server, policy()))
        .await
        .expect("retried");
    assert_eq!(started.elapsed(), Duration::from_secs(12));
}

#[tokio::test(start_paused = true)]
async fn retries_end_after_max_attempts_with_the_last_error() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![error_answer(503, "down")],
    )
    .await;

    let started = Instant::now();
    let error = get_categories(&retrying_client(&server, policy().max_attempts(3)))
        .await
        .expect_err("always 503");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(requests(&server).await, 3);
    assert_eq!(started.elapsed(), Duration::from_secs(1 + 2));
}

#[tokio::test(start_paused = true)]
async fn retries_end_when_the_time_budget_is_spent() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![error_answer(502, "bad gateway")],
    )
    .await;

    let policy = policy()
        .max_attempts(100)
        .max_backoff(Duration::from_secs(4))
        .max_elapsed(Duration::from_secs(10));
    let started = Instant::now();
    get_categories(&retrying_client(&server, policy))
        .await
        .expect_err("always 502");
    // Waits 1, 2, 4; the next (4) would end at 11 s, after the 10 s budget.
    assert_eq!(started.elapsed(), Duration::from_secs(7));
    assert_eq!(requests(&server).await, 4);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_budget_returns_rate_limited_at_once() {
    let server = common::server().await;
    let limited = error_answer(429, "Too Many Attempts.").insert_header("Retry-After", "3600");
    serve(&server, "GET", "/expenses/categories", vec![limited, ok()]).await;

    let started = Instant::now();
    let error = get_categories(&retrying_client(&server, policy()))
        .await
        .expect_err("429");
    assert!(
        matches!(error, Error::RateLimited { retry_after: Some(wait), .. } if wait == Duration::from_secs(3600)),
        "{error:?}"
    );
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn a_500_is_not_retried() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![error_answer(500, "bug"), ok()],
    )
    .await;
    get_categories(&retrying_client(&server, policy()))
        .await
        .expect_err("500");
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn post_is_not_retried_by_default() {
    let server = common::server().await;
    let answers = vec![
        error_answer(503, "down"),
        ResponseTemplate::new(201).set_body_json(created_expense()),
    ];
    serve(&server, "POST", "/expenses", answers).await;

    let error = create_expense(&retrying_client(&server, policy()), None)
        .await
        .expect_err("503");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn post_is_retried_when_the_caller_opts_in() {
    let server = common::server().await;
    let answers = vec![
        error_answer(503, "down"),
        ResponseTemplate::new(201).set_body_json(created_expense()),
    ];
    serve(&server, "POST", "/expenses", answers).await;

    let client = retrying_client(&server, policy());
    let answer = create_expense(&client, Some(policy().retry_non_idempotent(true)))
        .await
        .expect("retried");
    assert_eq!(answer.status, 201);
    let sent = server.received_requests().await.expect("recorded");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, sent[1].body, "the same body both times");
}

#[tokio::test(start_paused = true)]
async fn the_request_policy_overrides_the_client_policy() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![error_answer(503, "down"), error_answer(503, "down"), ok()],
    )
    .await;
    let client = retrying_client(&server, RetryPolicy::none());

    get_categories(&client)
        .await
        .expect_err("the client does not retry");
    client
        .get_expense_categories()
        .workspace_id(1)
        .retry(policy())
        .send()
        .await
        .expect("this request retries");
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test(start_paused = true)]
async fn connection_failures_are_retried() {
    let (_held, port) = common::refusing_port();
    let client = Client::builder(format!("http://127.0.0.1:{port}"))
        .without_timeout()
        .retry(policy().max_attempts(3))
        .build()
        .expect("client");
    let started = Instant::now();
    let error = get_categories(&client).await.expect_err("nothing listens");
    assert!(
        matches!(&error, Error::Transport(e) if e.is_connect() && e.attempts() == 3),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .ends_with("connection refused (3 attempts)"),
        "{error}"
    );
    assert_eq!(started.elapsed(), Duration::from_secs(1 + 2));
}

/// On the real clock: a paused clock would jump over the second send's pending timeout while
/// it waits for the network.
#[tokio::test]
async fn timeouts_of_a_get_are_retried() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![ok().set_delay(Duration::from_secs(10)), ok()],
    )
    .await;
    let client = Client::builder(server.uri())
        .timeout(Duration::from_millis(300))
        .retry(policy().initial_backoff(Duration::from_millis(10)))
        .build()
        .expect("client");
    let started = std::time::Instant::now();
    get_categories(&client)
        .await
        .expect("the second send is in time");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(310) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn jittered_waits_stay_within_half_and_full_backoff() {
    let server = common::server().await;
    serve(
        &server,
        "GET",
        "/expenses/categories",
        vec![error_answer(503, "down"), error_answer(503, "down"), ok()],
    )
    .await;
    let client = retrying_client(
        &server,
        RetryPolicy::default().initial_backoff(Duration::from_secs(10)),
    );
    let started = Instant::now();
    get_categories(&client).await.expect("third send");
    // Waits in [5, 10] and [10, 20] seconds.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(15) && waited <= Duration::from_secs(30),
        "{waited:?}"
    );
}

/// The README's worst case: with the default timeout and retry policy, a host that accepts the
/// connection but never answers fails after 4 sends of 30 s and the three waits between them
/// (0.25–0.5 s, 0.5–1 s, 1–2 s with jitter).
#[tokio::test(start_paused = true)]
async fn a_host_that_never_answers_fails_within_the_documented_worst_case() {
    // On the paused clock the timeouts fire as soon as the runtime waits on the network, so
    // the sends are counted by the client (`attempts`), not by the server.
    let server = common::server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3600)))
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let started = Instant::now();
    let error = get_categories(&client).await.expect_err("never answers");
    let elapsed = started.elapsed();
    assert!(
        matches!(&error, Error::Transport(e) if e.is_timeout() && e.attempts() == 4),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .ends_with("timed out after 30 s (4 attempts)"),
        "{error}"
    );
    let floor = Duration::from_secs(120) + Duration::from_millis(1750);
    let ceiling = Duration::from_secs(120) + Duration::from_millis(3500);
    assert!(elapsed >= floor && elapsed <= ceiling, "{elapsed:?}");
}
