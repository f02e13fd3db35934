//! Helpers of the generated example tests: a local server that answers with a documented
//! example, and a tolerant comparison of what the client decoded with what the example says.

// Each test file uses only part of this module.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use webwork_client::{Client, Error, Response};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

mod prism;

/// A server on 127.0.0.1 that answers every request with `status` and `body`.
pub async fn serve(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_raw(body.as_bytes().to_vec(), "application/json"),
        )
        .mount(&server)
        .await;
    server
}

/// A client for `server`.
pub fn client(server: &MockServer) -> Client {
    Client::builder(server.uri())
        .bearer_token("example-token")
        .build()
        .expect("the client builds")
}

/// A value of `T` from its JSON text (a documented example).
pub fn value<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|error| {
        panic!(
            "the example {json} is not a valid {}: {error}",
            std::any::type_name::<T>()
        )
    })
}

/// Asserts the answer decoded, and that its data, written back as JSON, says what `expected`
/// (the example's `data`) says.
pub fn check<T: Serialize + std::fmt::Debug>(answer: Result<Response<T>, Error>, expected: &str) {
    let answer = answer.unwrap_or_else(|error| panic!("the example does not decode: {error}"));
    let expected: Value = serde_json::from_str(expected).expect("the example is JSON");
    let actual = serde_json::to_value(&answer.data).expect("the data serializes");
    let mut differences = Vec::new();
    compare(&expected, &actual, "data", &mut differences);
    assert!(
        differences.is_empty(),
        "decoded data differs from the example:\n{}",
        differences.join("\n")
    );
}

/// Records where `actual` does not say what `expected` says. An absent value matches `null`;
/// numbers compare by value; timestamps compare as instants; extra members in `actual` are fine.
fn compare(expected: &Value, actual: &Value, path: &str, differences: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let at = format!("{path}.{key}");
                match actual.get(key) {
                    Some(found) => compare(value, found, &at, differences),
                    None if value.is_null() => {}
                    None => differences.push(format!("{at}: dropped (example has {value})")),
                }
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            if expected.len() != actual.len() {
                differences.push(format!(
                    "{path}: {} items, example has {}",
                    actual.len(),
                    expected.len()
                ));
            }
            for (i, (e, a)) in expected.iter().zip(actual).enumerate() {
                compare(e, a, &format!("{path}[{i}]"), differences);
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        (Value::String(e), Value::String(a)) if same_instant(e, a) => {}
        (e, a) if e == a => {}
        (e, a) => differences.push(format!("{path}: decoded {a}, example has {e}")),
    }
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub use prism::Prism;

impl Prism {
    /// A client for this Prism.
    pub fn client(&self) -> Client {
        Client::builder(self.url())
            .bearer_token("contract-token")
            .build()
            .expect("the client builds")
    }
}

/// What a contract test does with the answer of each operation it calls.
pub trait Record {
    /// Takes the answer of `operation`.
    fn record<T>(&mut self, operation: &str, answer: Result<Response<T>, Error>);
}

/// Validating mode: a message for each call that failed or that Prism reported as breaking the
/// spec.
#[derive(Debug, Default)]
pub struct Failures(pub Vec<String>);

impl Record for Failures {
    fn record<T>(&mut self, operation: &str, answer: Result<Response<T>, Error>) {
        match answer {
            Ok(answer) => {
                if let Some(violations) = answer.headers.get("sl-violations") {
                    self.0
                        .push(format!("{operation}: Prism reports {violations:?}"));
                }
            }
            Err(error) => {
                let violations = error
                    .headers()
                    .and_then(|h| h.get("sl-violations"))
                    .map(|v| format!("{v:?}"));
                self.0.push(format!(
                    "{operation}: {error} {}",
                    violations.unwrap_or_default()
                ));
            }
        }
    }
}

/// What the answers of Prism's dynamic mode came to: how many arrived and decoded, which broke
/// a display format by construction (an `Error::Decode` at a field read in an `x-date-format`),
/// and every other failure.
#[derive(Debug)]
pub struct Tally {
    /// Wire names of the fields read in a display format.
    format_fields: &'static [&'static str],
    /// Calls that got an HTTP answer.
    pub answers: usize,
    /// Answers that decoded.
    pub decoded: usize,
    /// Format-breaking answers, by `operation: path` (indices as `[]`).
    pub format_breaking: std::collections::BTreeMap<String, usize>,
    /// Every other failure: `operation: what`, with how often it happened.
    pub failures: std::collections::BTreeMap<String, usize>,
}

impl Tally {
    /// Nothing counted yet; `format_fields` names the fields read in a display format.
    pub fn new(format_fields: &'static [&'static str]) -> Self {
        Tally {
            format_fields,
            answers: 0,
            decoded: 0,
            format_breaking: std::collections::BTreeMap::new(),
            failures: std::collections::BTreeMap::new(),
        }
    }

    /// The counts, one line each, then the format-breaking fields and the failures.
    pub fn summary(&self, operations: usize, rounds: u32) -> String {
        use std::fmt::Write as _;
        let format_breaking: usize = self.format_breaking.values().sum();
        let failed: usize = self.failures.values().sum();
        let mut text = format!(
            "Prism dynamic mode, {operations} operations x {rounds} rounds = {} calls:\n\
             answers: {}\ndecoded: {}\nformat-breaking (display-format fields): {format_breaking}\n\
             other failures: {failed}\n",
            operations * rounds as usize,
            self.answers,
            self.decoded,
        );
        for (place, count) in &self.format_breaking {
            let _ = writeln!(text, "  format-breaking {count}x {place}");
        }
        for (failure, count) in &self.failures {
            let _ = writeln!(text, "  FAILED {count}x {failure}");
        }
        text
    }
}

impl Record for Tally {
    /// Counts one answer of `operation`.
    fn record<T>(&mut self, operation: &str, answer: Result<Response<T>, Error>) {
        let error = match answer {
            Ok(answer) => {
                self.answers += 1;
                self.decoded += 1;
                if let Some(violations) = answer.headers.get("sl-violations") {
                    *self
                        .failures
                        .entry(format!("{operation}: Prism reports {violations:?}"))
                        .or_default() += 1;
                }
                return;
            }
            Err(error) => error,
        };
        if error.status().is_some() {
            self.answers += 1;
        }
        if let Error::Decode(decode) = &error {
            let path = without_indices(decode.path());
            let field = path.rsplit('.').next().unwrap_or_default();
            // Only a string that is no date in the documented format (nor its ISO forms)
            // breaks the format; any other failure at such a field is a real one.
            let not_a_date = decode.message().contains("is not a date in the format");
            if self.format_fields.contains(&field) && not_a_date {
                *self
                    .format_breaking
                    .entry(format!("{operation}: {path}"))
                    .or_default() += 1;
                return;
            }
            // Random values (quoted in backticks) make each message different; the place and
            // the text before the first value group them.
            let kind = decode.message().split('`').next().unwrap_or_default();
            *self
                .failures
                .entry(format!(
                    "{operation}: the answer does not decode at {path} ({})",
                    kind.trim()
                ))
                .or_default() += 1;
            return;
        }
        let violations = error
            .headers()
            .and_then(|h| h.get("sl-violations"))
            .map(|v| format!(" {v:?}"))
            .unwrap_or_default();
        *self
            .failures
            .entry(format!("{operation}: {error}{violations}"))
            .or_default() += 1;
    }
}

/// `data[3].items[0].date` as `data[].items[].date`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}
