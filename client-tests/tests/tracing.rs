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

/// The process-wide log, installed by the first test that asks for it.
fn log() -> &'static Captured {
    static LOG: OnceLock<Captured> = OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .init();
        captured
    })
}

#[tokio::test]
async fn tracing_has_spans_and_attempts_but_no_token() {
    let captured = log();

    let server = common::server().await;
    token_endpoint(&server, token_answer("fresh-secret", None), 1).await;
    api_accepting(&server, "fresh-secret").await;
    let source =
        oauth(&server).token_source(TokenSet::new("revoked-secret", Some(REFRESH.into()), None));
    get_categories(&client_with(&server, source))
        .await
        .expect("ok");

    let log = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(log.contains("webwork.request"), "{log}");
    assert!(log.contains("operation=\"getExpenseCategories\""), "{log}");
    assert!(log.contains("path=\"/expenses/categories\""), "{log}");
    assert!(log.contains("attempt=2"), "{log}");
    assert!(log.contains("attempts=2"), "{log}");
    assert!(log.contains("elapsed_ms="), "{log}");
    assert!(log.contains("status=200"), "{log}");
    for secret in ["fresh-secret", "revoked-secret", REFRESH, SECRET] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }
}
