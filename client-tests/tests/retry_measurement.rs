//! The measured run: 1000 requests through the retry machinery against a local server that
//! fails a fixed share of the sends, on a paused clock. Run with `--nocapture` to see the numbers:
//!
//! ```sh
//! cargo test -p client-tests --test retry_measurement -- --nocapture
//! ```

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{builder, categories, error_answer, get_categories};
use futures::StreamExt;
use webwork_client::{Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, Respond, ResponseTemplate};

const REQUESTS: usize = 1000;

/// Fails sends at fixed rates, decided by a seeded generator (splitmix64 over the send number):
/// 15 % 503, 5 % 429 (`Retry-After: 1`), 5 % 502, 3 % 504, 2 % 500 (not retryable); the rest
/// succeed.
#[derive(Default)]
struct Flaky {
    sends: AtomicU64,
    by_status: [AtomicU64; 6],
}

const STATUSES: [u16; 6] = [200, 503, 429, 502, 504, 500];

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Shares the counters with the test.
struct Responder(Arc<Flaky>);

impl Respond for Responder {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let flaky = &self.0;
        let send = flaky.sends.fetch_add(1, Ordering::SeqCst);
        let roll = splitmix(send) % 100;
        let index = match roll {
            0..=14 => 1,
            15..=19 => 2,
            20..=24 => 3,
            25..=27 => 4,
            28..=29 => 5,
            _ => 0,
        };
        flaky.by_status[index].fetch_add(1, Ordering::SeqCst);
        match STATUSES[index] {
            200 => ResponseTemplate::new(200).set_body_json(categories()),
            429 => error_answer(429, "Too Many Attempts.").insert_header("Retry-After", "1"),
            status => error_answer(status, "flaky"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_thousand_requests_through_retries() {
    let server = common::server().await;
    let flaky = Arc::new(Flaky::default());
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .respond_with(Responder(Arc::clone(&flaky)))
        .mount(&server)
        .await;
    let policy = RetryPolicy::default(); // 4 sends at most, 500 ms doubling, jitter, 120 s budget
    let client = builder(&server).retry(policy).build().expect("client");

    let started = tokio::time::Instant::now();
    let results: Vec<Result<_, Error>> = futures::stream::iter(0..REQUESTS)
        .map(|_| get_categories(&client))
        .buffer_unordered(20)
        .collect()
        .await;
    let virtual_time = started.elapsed();

    let sent = server.received_requests().await.expect("recorded").len();
    let succeeded = results.iter().filter(|r| r.is_ok()).count();
    let failed: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    let exhausted = failed.iter().filter(|e| e.is_retryable()).count();
    let not_retryable = failed.len() - exhausted;
    let statuses: Vec<String> = STATUSES
        .iter()
        .zip(&flaky.by_status)
        .map(|(status, count)| format!("{status}: {}", count.load(Ordering::SeqCst)))
        .collect();

    println!("requests: {REQUESTS}");
    println!("sends (HTTP requests the server received): {sent}");
    println!("retries: {}", sent - REQUESTS);
    println!("succeeded: {succeeded}");
    println!(
        "failed: {} ({exhausted} retries exhausted, {not_retryable} not retryable: 500)",
        failed.len()
    );
    println!("answers by status: {}", statuses.join(", "));
    println!("virtual time (paused clock, 20 in flight): {virtual_time:?}");

    assert_eq!(succeeded + failed.len(), REQUESTS);
    assert!(sent > REQUESTS && sent <= 4 * REQUESTS);
    // Every failure is either a 500 (sent once) or a request whose four sends all failed.
    assert!(failed.iter().all(|e| e.status().is_some()));
    assert!(succeeded > 900, "{succeeded} succeeded");
    assert!(virtual_time < Duration::from_secs(600));
}
