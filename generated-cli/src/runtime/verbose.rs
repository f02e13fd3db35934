// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! `--verbose`: the client's own trace of every request on standard error (its method, path,
//! status, attempts and time; retries and rate-limit waits), with every token masked.

use std::io::{self, Write};
use std::sync::Arc;

use tracing::level_filters::LevelFilter;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;

/// What stands in a trace for a secret.
pub const MASK: &str = "***";

/// The HTTP stack under the client, traced too from `-vv` on.
const HTTP_STACK: [&str; 3] = ["reqwest", "hyper", "hyper_util"];

/// Installs the trace of `-v` repeated `count` times: nothing for 0; the client's requests
/// (tracing target `client_target`) for 1; the HTTP stack's too from 2 on. `secrets` never
/// appear in it.
pub fn install(count: u8, client_target: &'static str, secrets: &[&str]) {
    if count == 0 {
        return;
    }
    let mut targets = Targets::new().with_target(client_target, LevelFilter::DEBUG);
    if count > 1 {
        for target in HTTP_STACK {
            targets = targets.with_target(target, LevelFilter::DEBUG);
        }
    }
    let writer = Masked {
        // Empty ones are passed over by `mask`.
        secrets: secrets.iter().map(|secret| (*secret).to_string()).collect(),
    };
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_target(false)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE);
    let subscriber = tracing_subscriber::registry().with(layer).with(targets);
    // Installed once, before the first request; a second call (none today) keeps the first.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Makes a writer per trace line that masks the secrets before the line reaches standard error.
#[derive(Clone)]
struct Masked {
    secrets: Arc<[String]>,
}

impl<'a> MakeWriter<'a> for Masked {
    type Writer = MaskedLine;

    fn make_writer(&'a self) -> MaskedLine {
        MaskedLine {
            secrets: Arc::clone(&self.secrets),
            line: Vec::new(),
        }
    }
}

/// One event's text, held until it is complete (a secret may span two writes) and written
/// masked when dropped.
struct MaskedLine {
    secrets: Arc<[String]>,
    line: Vec<u8>,
}

impl Write for MaskedLine {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for MaskedLine {
    fn drop(&mut self) {
        let text = mask(&String::from_utf8_lossy(&self.line), &self.secrets);
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// `text` with every occurrence of each secret replaced by [`MASK`].
fn mask(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .filter(|secret| !secret.is_empty())
        .fold(text.to_string(), |text, secret| {
            text.replace(secret.as_str(), MASK)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_secret_is_masked_wherever_it_is() {
        let secrets = ["tok-1".to_string(), String::new(), "other".to_string()];
        assert_eq!(
            mask("Bearer tok-1, again tok-1; other.", &secrets),
            "Bearer ***, again ***; ***."
        );
        assert_eq!(mask("nothing secret", &secrets), "nothing secret");
    }

    #[test]
    fn a_line_written_in_pieces_is_masked_whole() {
        let masked = Masked {
            secrets: vec!["split-secret".to_string()].into(),
        };
        let mut line = masked.make_writer();
        line.write_all(b"header: split-").unwrap();
        line.write_all(b"secret\n").unwrap();
        assert_eq!(
            mask(&String::from_utf8_lossy(&line.line), &line.secrets),
            "header: ***\n"
        );
        line.line.clear();
    }
}
