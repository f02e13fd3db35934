//! End-to-end tests of the `webwork` binary: the built program run with `assert_cmd` against a
//! wiremock server on 127.0.0.1. Every run checks that the token appears in neither its
//! standard output nor its standard error.

use std::time::Duration;

use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The token every run is given; no output may contain it.
const TOKEN: &str = "tok-e2e-5ecret-value";
const TIMESHEET: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";
const CATEGORY: &str = "0b0e3c51-6d29-4b3c-9a52-5b0a0f3c2d11";

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A mock server of this test's own (not wiremock's pool, which hands a late request of one
/// test to the next).
async fn server() -> MockServer {
    MockServer::builder().start().await
}

/// Runs `webwork --base-url URI --token TOKEN ARGS...` with `stdin`, in a config folder of
/// its own and without `WEBWORK_TOKEN`; checks that the token is in no output.
async fn run(uri: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let config = tempfile::tempdir().expect("a config folder");
    let mut command = assert_cmd::Command::cargo_bin("webwork").expect("the binary is built");
    command
        .args(["--base-url", uri, "--token", TOKEN])
        .args(args)
        .env("WEBWORK_CONFIG_DIR", config.path())
        .env_remove("WEBWORK_TOKEN");
    if let Some(stdin) = stdin {
        command.write_stdin(stdin.to_string());
    }
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the run finishes")
        .expect("the binary starts");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !run.stdout.contains(TOKEN),
        "the token is in stdout: {}",
        run.stdout
    );
    assert!(
        !run.stderr.contains(TOKEN),
        "the token is in stderr: {}",
        run.stderr
    );
    run
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
    json!({"id": id, "expense_name": name, "amount": 10.5, "extra": {"nested": true}})
}

/// `GET /expenses?workspace_id=1` answers two expenses.
async fn expenses_server() -> MockServer {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .and(query_param("workspace_id", "1"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &json!([expense(1, "Taxi"), expense(2, "Hotel, two nights")]),
            1,
            1,
        )))
        .mount(&server)
        .await;
    server
}

#[tokio::test(flavor = "multi_thread")]
async fn json_prints_data_as_sent_and_the_message_on_stderr() {
    let server = expenses_server().await;
    let run = run(
        &server.uri(),
        &[
            "expenses",
            "list",
            "--workspace-id",
            "1",
            "--output",
            "json",
        ],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        printed,
        json!([expense(1, "Taxi"), expense(2, "Hotel, two nights")])
    );
    assert!(run.stderr.contains("Expenses retrieved"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn verbose_traces_each_request_and_masks_the_token() {
    let server = server().await;
    // The first answer echoes the token (a server's error message may); it must reach
    // the trace masked.
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("Retry-After", "0")
                .set_body_json(
                    json!({"success": false, "message": format!("{TOKEN} is throttled")}),
                ),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&json!([]), 1, 1)))
        .mount(&server)
        .await;
    let args = [
        "expenses",
        "list",
        "--workspace-id",
        "1",
        "-o",
        "json",
        "-v",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "[]", "the trace stays off stdout");
    let url = format!("{}/expenses?workspace_id=1", server.uri());
    assert!(run.stderr.contains(&url), "{}", run.stderr);
    assert!(
        run.stderr.contains("operation=\"getExpenses\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("status=503"), "{}", run.stderr);
    assert!(run.stderr.contains("retrying"), "{}", run.stderr);
    assert!(run.stderr.contains("attempts=2"), "{}", run.stderr);
    assert!(run.stderr.contains("*** is throttled"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_of_explode_false_goes_in_one_comma_joined_pair() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/reports/activity-descriptions"))
        .and(query_param("user_ids", "3,5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&json!([]), 1, 1)))
        .expect(1)
        .mount(&server)
        .await;
    let args = [
        "reports",
        "activity-descriptions",
        "--workspace-id",
        "1",
        "--start-date",
        "2024-01-01",
        "--end-date",
        "2024-01-31",
        "--user-ids",
        "3",
        "--user-ids",
        "5",
        "-o",
        "json",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn piped_output_is_json_by_default() {
    let server = expenses_server().await;
    let run = run(
        &server.uri(),
        &["expenses", "list", "--workspace-id", "1"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(serde_json::from_str::<Value>(&run.stdout)
        .expect("JSON")
        .is_array());
}

#[tokio::test(flavor = "multi_thread")]
async fn ndjson_is_one_item_per_line() {
    let server = expenses_server().await;
    let run = run(
        &server.uri(),
        &["expenses", "list", "--workspace-id", "1", "-o", "ndjson"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines, [expense(1, "Taxi"), expense(2, "Hotel, two nights")]);
}

#[tokio::test(flavor = "multi_thread")]
async fn csv_has_the_documented_columns() {
    let server = expenses_server().await;
    let run = run(
        &server.uri(),
        &["expenses", "list", "--workspace-id", "1", "-o", "csv"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    let header = lines.next().expect("a header");
    assert!(header.starts_with("id,"), "{header}");
    assert!(
        header.contains("expense_name") && header.contains("amount"),
        "{header}"
    );
    assert!(
        !header.contains("extra"),
        "undocumented fields are not columns: {header}"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[1].contains("\"Hotel, two nights\""), "{}", rows[1]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_table_shows_the_documented_columns() {
    let server = expenses_server().await;
    let run = run(
        &server.uri(),
        &["expenses", "list", "--workspace-id", "1", "-o", "table"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("expense_name"), "{}", run.stdout);
    assert!(run.stdout.contains("Hotel, two nights"), "{}", run.stdout);
    assert!(!run.stdout.contains("nested"), "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn all_walks_three_pages() {
    let server = server().await;
    for current in 1..=3 {
        let items = json!([expense(current * 2 - 1, "a"), expense(current * 2, "b")]);
        Mock::given(method("GET"))
            .and(path("/expenses"))
            .and(query_param("page", current.to_string().as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(&items, current, 3)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let args = [
        "expenses",
        "list",
        "--workspace-id",
        "1",
        "--all",
        "-o",
        "ndjson",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<i64> = run
        .stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).expect("JSON")["id"]
                .as_i64()
                .expect("an id")
        })
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    assert!(
        run.stderr.is_empty() || !run.stderr.contains("error"),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn all_as_json_is_one_array_of_every_page() {
    let server = server().await;
    for current in 1..=2 {
        Mock::given(method("GET"))
            .and(path("/expenses"))
            .and(query_param("page", current.to_string().as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(
                &json!([expense(current, "a")]),
                current,
                2,
            )))
            .expect(1)
            .mount(&server)
            .await;
    }
    let args = [
        "expenses",
        "list",
        "--workspace-id",
        "1",
        "--all",
        "-o",
        "json",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(all, json!([expense(1, "a"), expense(2, "a")]));
}

/// `POST /expenses` with `body` answers 201.
async fn create_server(body: Value) -> MockServer {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true, "message": "Expense created", "data": expense(9, "Taxi")
        })))
        .expect(1)
        .mount(&server)
        .await;
    server
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

#[tokio::test(flavor = "multi_thread")]
async fn a_body_comes_from_a_file_and_flags_override_it() {
    let mut expected = new_expense();
    expected["amount"] = json!(20);
    let server = create_server(expected).await;
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("expense.json");
    std::fs::write(&file, new_expense().to_string()).expect("written");
    let file = file.to_str().expect("a UTF-8 path");
    let run = run(
        &server.uri(),
        &["expenses", "create", "--body", file, "--amount", "20"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("JSON")["id"],
        9
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_comes_from_stdin() {
    let server = create_server(new_expense()).await;
    let body = new_expense().to_string();
    let run = run(
        &server.uri(),
        &["expenses", "create", "--body", "-"],
        Some(&body),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_comes_from_typed_flags() {
    let server = create_server(new_expense()).await;
    let args = [
        "expenses",
        "create",
        "--workspace-id",
        "1",
        "--expense-name",
        "Taxi",
        "--date",
        "2024-03-01",
        "--amount",
        "12.5",
        "--category-id",
        CATEGORY,
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_prints_curl_and_sends_nothing() {
    let server = server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let args = [
        "timesheets",
        "approve",
        "--timesheet-id",
        TIMESHEET,
        "--workspace-id",
        "1",
        "--dry-run",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = format!(
        "curl -X PUT '{}/timesheets/{TIMESHEET}/approve' -H \"Authorization: Bearer $WEBWORK_TOKEN\" \
         -H 'Accept: application/json' -H 'Content-Type: application/json' --data '{{\"workspace_id\":1}}'\n",
        server.uri()
    );
    assert_eq!(run.stdout, expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn api_sends_any_request() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/tasks/42/archive"))
        .and(query_param("force", "yes"))
        .and(body_json(
            json!({"workspace_id": 1, "note": "done", "tags": [1, 2]}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "data": {"archived": true}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let args = [
        "api",
        "post",
        "/tasks/42/archive",
        "-F",
        "workspace_id=1",
        "-F",
        "note=done",
        "-F",
        "tags=[1,2]",
        "--query",
        "force=yes",
    ];
    let run = run(&server.uri(), &args, None).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("JSON"),
        json!({"archived": true})
    );
}

/// The run of `expenses create` answered with `status` and `body`.
async fn failing(status: u16, body: Value) -> Run {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    let body = new_expense().to_string();
    run(
        &server.uri(),
        &["expenses", "create", "--body", "-"],
        Some(&body),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn each_kind_of_failure_has_its_exit_code() {
    let message = |text: &str| json!({"success": false, "message": text});
    let cases = [
        (401, 3, "Unauthenticated."),
        (403, 4, "This action is unauthorized."),
        (404, 5, "No query results."),
        (500, 8, "Server Error"),
        (418, 1, "I'm a teapot"),
    ];
    for (status, code, text) in cases {
        let run = failing(status, message(text)).await;
        assert_eq!(run.code, code, "status {status}: {}", run.stderr);
        assert!(run.stderr.contains(text), "status {status}: {}", run.stderr);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_422_prints_each_fields_messages() {
    let body = json!({
        "success": false,
        "message": "The given data was invalid.",
        "errors": {"amount": ["The amount must be positive."], "date": ["The date is not a valid date."]}
    });
    let run = failing(422, body).await;
    assert_eq!(run.code, 6, "{}", run.stderr);
    assert!(
        run.stderr.contains("amount: The amount must be positive."),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("date: The date is not a valid date."),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_that_stays_is_exit_7_with_the_wait() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "1")
                .set_body_json(json!({"success": false, "message": "Too Many Attempts."})),
        )
        .mount(&server)
        .await;
    let body = new_expense().to_string();
    let run = run(
        &server.uri(),
        &["expenses", "create", "--body", "-"],
        Some(&body),
    )
    .await;
    assert_eq!(run.code, 7, "{}", run.stderr);
    assert!(run.stderr.contains("try again in 1 s"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_is_waited_out() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "1")
                .set_body_json(json!({"success": false, "message": "Too Many Attempts."})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &json!([expense(1, "Taxi")]),
            1,
            1,
        )))
        .with_priority(2)
        .mount(&server)
        .await;
    let run = run(
        &server.uri(),
        &["expenses", "list", "--workspace-id", "1", "-o", "ndjson"],
        None,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(2));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_connection_is_exit_9_and_bad_usage_exit_2() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let uri = format!("http://127.0.0.1:{port}");
    let body = new_expense().to_string();
    let run = run(&uri, &["expenses", "create", "--body", "-"], Some(&body)).await;
    assert_eq!(run.code, 9, "{}", run.stderr);
    let run = self::run(&uri, &["expenses", "list"], None).await;
    assert_eq!(run.code, 2, "a missing required flag: {}", run.stderr);
    let run = self::run(&uri, &["expenses", "list", "--workspace-id", "one"], None).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a whole number"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn auth_login_stores_the_token_privately_and_status_never_prints_it() {
    let config = tempfile::tempdir().expect("a config folder");
    let webwork = |args: &[&str], stdin: &str| {
        let output = assert_cmd::Command::cargo_bin("webwork")
            .expect("the binary")
            .args(args)
            .env("WEBWORK_CONFIG_DIR", config.path())
            .env_remove("WEBWORK_TOKEN")
            .write_stdin(stdin.to_string())
            .timeout(Duration::from_secs(60))
            .output()
            .expect("it runs");
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(!text.contains(TOKEN), "{text}");
        (output.status.code(), text)
    };
    let (code, text) = webwork(&["auth", "status"], "");
    assert_eq!(code, Some(0));
    assert!(text.contains("Not logged in"), "{text}");
    let (code, _) = webwork(&["auth", "login"], &format!("{TOKEN}\n"));
    assert_eq!(code, Some(0));
    let stored = config.path().join("token");
    assert_eq!(
        std::fs::read_to_string(&stored).expect("stored").trim(),
        TOKEN
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&stored)
            .expect("stored")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (_, text) = webwork(&["auth", "status"], "");
    assert!(text.contains("config file"), "{text}");
    let (_, text) = webwork(&["auth", "status", "--token", "another-one"], "");
    assert!(
        text.contains("--token") && !text.contains("another-one"),
        "{text}"
    );
    let (_, text) = webwork(
        &[
            "timesheets",
            "approve",
            "--timesheet-id",
            TIMESHEET,
            "--workspace-id",
            "1",
            "--dry-run",
        ],
        "",
    );
    assert!(
        text.contains("$WEBWORK_TOKEN"),
        "the stored token is used: {text}"
    );
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = assert_cmd::Command::cargo_bin("webwork")
            .expect("the binary")
            .args(["completion", shell])
            .output()
            .expect("it runs");
        assert!(output.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("webwork") && text.contains("timesheets"),
            "{shell}"
        );
    }
}
