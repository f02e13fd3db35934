//! The client's spans and events, captured by a subscriber installed for the whole process.
//!
//! This is a test binary of its own, and its subscriber is global, because of how `tracing`
//! caches interest (tracing-core 0.1, tokio-rs/tracing#3611 and #2874): while exactly one
//! subscriber exists in the process, a span callsite hit for the first time is asked only of
//! the *current thread's* default. A subscriber installed with `set_default` on the test's
//! thread is not the default of the other test threads, so when another test first reaches
//! `webwork.attempt` there, the callsite caches "never" for the whole process and the test
//! with the subscriber loses that span. A global subscriber is every thread's default, so
//! whichever thread registers a callsite gets the right answer. Applications install their
//! subscriber globally (`tracing_subscriber::fmt().init()`), which is the case tested here.

mod common;

use std::sync::{Arc, Mutex, OnceLock};

use common::get_categories;
use common::oauth::{
    api_accepting, client_with, oauth, token_answer, token_endpoint, REFRESH, SECRET,
};
use webwork_client::TokenSet;

/// A `tracing` writer that keeps everything in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every span opened: its name, target, level and field names.
#[derive(Clone, Default)]
struct Spans(Arc<Mutex<Vec<SpanSeen>>>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct SpanSeen {
    name: &'static str,
    target: String,
    level: tracing::Level,
    fields: Vec<&'static str>,
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Spans {
    fn on_new_span(
        &self,
        attributes: &tracing::span::Attributes<'_>,
        _: &tracing::span::Id,
        _: tracing_subscriber::layer::Context<'_, S>,
    ) {
        let metadata = attributes.metadata();
        self.0.lock().expect("lock").push(SpanSeen {
            name: metadata.name(),
            target: metadata.target().to_string(),
            level: *metadata.level(),
            fields: metadata.fields().iter().map(|field| field.name()).collect(),
        });
    }
}

/// The process-wide log and spans, installed by the first test that asks for them.
fn log() -> &'static (Captured, Spans) {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;

    static LOG: OnceLock<(Captured, Spans)> = OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let spans = Spans::default();
        let writer = captured.clone();
        tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
                    .with_writer(move || writer.clone())
                    .with_ansi(false),
            )
            .with(spans.clone())
            .init();
        (captured, spans)
    })
}

#[tokio::test]
async fn tracing_has_spans_and_attempts_but_no_token() {
    let (captured, spans) = log();

    let server = common::server().await;
    token_endpoint(&server, token_answer("fresh-secret", None), 1).await;
    api_accepting(&server, "fresh-secret").await;
    let source =
        oauth(&server).token_source(TokenSet::new("revoked-secret", Some(REFRESH.into()), None));
    get_categories(&client_with(&server, source))
        .await
        .expect("ok");

    let log = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(log.contains("request{"), "{log}");
    assert!(log.contains("operation=\"getExpenseCategories\""), "{log}");
    assert!(log.contains("path=\"/expenses/categories\""), "{log}");
    assert!(log.contains("attempt=2"), "{log}");
    assert!(log.contains("attempts=2"), "{log}");
    assert!(log.contains("elapsed_ms="), "{log}");
    assert!(log.contains("status=200"), "{log}");
    for secret in ["fresh-secret", "revoked-secret", REFRESH, SECRET] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }

    // The span names, levels and fields the README documents ("Tracing"); their target is
    // the crate's own module path, so they carry the crate's name, not a fixed one.
    let spans = spans.0.lock().expect("lock").clone();
    // Other tests of this binary add spans of the same kinds: each kind once.
    let mut client_spans: Vec<&SpanSeen> = Vec::new();
    for span in spans
        .iter()
        .filter(|span| span.target.starts_with("webwork_client::"))
    {
        if !client_spans.contains(&span) {
            client_spans.push(span);
        }
    }
    let request = SpanSeen {
        name: "request",
        target: "webwork_client::runtime::client".into(),
        level: tracing::Level::DEBUG,
        fields: vec![
            "operation",
            "method",
            "path",
            "status",
            "attempts",
            "elapsed_ms",
        ],
    };
    let attempt = SpanSeen {
        name: "attempt",
        target: "webwork_client::runtime::client".into(),
        level: tracing::Level::DEBUG,
        fields: vec!["attempt", "status"],
    };
    assert_eq!(client_spans, [&request, &attempt], "{spans:?}");
}

/// The rate limit's events: a send that waits for its slot says so, in the request's span.
#[tokio::test]
async fn a_send_waiting_for_the_rate_limit_says_so() {
    let (captured, _) = log();
    let server = common::server().await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(common::categories()))
        .mount(&server)
        .await;
    let client = common::builder(&server)
        .rate_limit(1, std::time::Duration::from_millis(50))
        .build()
        .expect("client");
    get_categories(&client).await.expect("first");
    get_categories(&client)
        .await
        .expect("second, after the window");

    let log = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(
        log.lines().any(|line| line.contains("DEBUG request{")
            && line.contains("waiting for the rate limit wait_ms=")),
        "{log}"
    );
}
