//! End-to-end tests of `webwork mcp` with the official Python MCP SDK (`mcp` on PyPI, and
//! `jsonschema`; `.ci/run` installs both) as the client: tests/mcp_client.py runs the built
//! binary over stdio, and over the streamable HTTP transport, against a wiremock API server on
//! 127.0.0.1. The API token appears in no output.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The API token the server is given; no output may contain it.
const TOKEN: &str = "tok-mcp-5ecret-value";
const CATEGORY: &str = "0b0e3c51-6d29-4b3c-9a52-5b0a0f3c2d11";
/// The operations of the WebWork spec: one tool each.
const OPERATIONS: &str = "67";
const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/mcp_client.py");

/// Fails with what to install when the Python client is missing.
fn python_client() {
    let found = Command::new("python3")
        .args(["-c", "import mcp, jsonschema"])
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(
        found,
        "the MCP end-to-end tests need Python 3 with the MCP SDK and jsonschema: \
         python3 -m pip install mcp jsonschema (.ci/run installs them)"
    );
}

/// An answer in the envelope, page `current` of `last`.
fn page(data: &Value, current: i64, last: i64) -> Value {
    json!({
        "success": true,
        "data": data,
        "message": "Expenses retrieved",
        "meta": {
            "api_version": "2.0",
            "timestamp": "2024-01-01T00:00:00Z",
            "pagination": {"current_page": current, "last_page": last, "per_page": 2, "total": 6}
        }
    })
}

fn expense(id: i64, name: &str) -> Value {
    json!({"id": id, "expense_name": name, "amount": 10.5})
}

fn new_expense() -> Value {
    json!({
        "workspace_id": 1,
        "expense_name": "Taxi",
        "date": "2024-03-01",
        "amount": 12.5,
        "category_id": CATEGORY
    })
}

/// The API the script's calls reach: a list of one page (workspace 1) and of three
/// (workspace 2), a create, a create refused (422), a 401, and a delete answered 204.
async fn api() -> MockServer {
    let server = MockServer::builder().start().await;
    let bearer = format!("Bearer {TOKEN}");
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .and(query_param("workspace_id", "1"))
        .and(header("authorization", bearer.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &json!([expense(1, "Taxi"), expense(2, "Hotel, two nights")]),
            1,
            1,
        )))
        .mount(&server)
        .await;
    for current in 1..=3 {
        let items = json!([expense(current * 2 - 1, "a"), expense(current * 2, "b")]);
        Mock::given(method("GET"))
            .and(path("/expenses"))
            .and(query_param("workspace_id", "2"))
            .and(query_param("page", current.to_string().as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(&items, current, 3)))
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .and(body_json(new_expense()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true, "message": "Expense created", "data": expense(9, "Taxi")
        })))
        .mount(&server)
        .await;
    let mut refused = new_expense();
    refused["amount"] = json!(-5);
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .and(body_json(refused))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({
            "success": false,
            "message": "The given data was invalid.",
            "errors": {"amount": ["The amount must be positive."], "date": ["The date is not a valid date."]}
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"success": false, "message": "Unauthenticated."})),
        )
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/expenses/3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b"))
        .and(body_json(json!({"workspace_id": 1})))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

/// Runs the script with `args`; checks it passed and that the token is in no output.
async fn script(args: Vec<String>) -> String {
    let output = tokio::task::spawn_blocking(move || {
        Command::new("python3").arg(SCRIPT).args(args).output()
    })
    .await
    .expect("the script finishes")
    .expect("python3 starts");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "the MCP client's checks failed:\n{stdout}\n{stderr}"
    );
    assert!(!stdout.contains(TOKEN), "the token is in stdout: {stdout}");
    assert!(!stderr.contains(TOKEN), "the token is in stderr: {stderr}");
    stdout
}

#[tokio::test(flavor = "multi_thread")]
async fn the_python_sdk_uses_every_tool_over_stdio() {
    python_client();
    let server = api().await;
    let printed = script(vec![
        "stdio".into(),
        env!("CARGO_BIN_EXE_webwork").into(),
        server.uri(),
        TOKEN.into(),
        OPERATIONS.into(),
    ])
    .await;
    println!("{printed}");
    assert!(
        printed.contains("ok: all_pages walks three pages"),
        "{printed}"
    );
    assert!(
        printed.contains("ok: --dynamic offers three tools"),
        "{printed}"
    );
    let requests = server.received_requests().await.unwrap_or_default();
    let created: Vec<Value> = requests
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .filter_map(|r| serde_json::from_slice(&r.body).ok())
        .collect();
    assert_eq!(created.first(), Some(&new_expense()), "{created:?}");
}

/// Kills the server when the test ends, passed or not.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_http_transport_wants_its_own_token() {
    python_client();
    let server = api().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_webwork"))
        .args([
            "--base-url",
            &server.uri(),
            "--token",
            TOKEN,
            "--rate-limit",
            "0",
        ])
        .args(["mcp", "--http", "127.0.0.1:0"])
        .env("WEBWORK_CONFIG_DIR", "/nonexistent-webwork-config")
        .env_remove("WEBWORK_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().expect("its standard error");
    let child = Killed(child);
    // `webwork mcp: serving http://127.0.0.1:PORT/mcp (bearer token: TOKEN)`
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stderr).read_line(&mut line).map(|_| line)
    })
    .await
    .expect("the line is read")
    .expect("the server says where it is");
    assert!(!line.contains(TOKEN), "the API token is printed: {line}");
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_string();
    let http_token = line
        .trim_end()
        .trim_end_matches(')')
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert_eq!(http_token.len(), 64, "{line}");
    script(vec!["http".into(), url, http_token, OPERATIONS.into()]).await;
    drop(child);
}
