//! When the spec and the server disagree: what the client tolerates, and the escape hatches
//! that let a user read or send what the spec does not describe.

mod common;

use chrono::NaiveDate;
use common::{client, error_answer, Sequence, TOKEN};
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;
use webwork_client::{Error, Method, RetryPolicy};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const EXPENSE_ID: &str = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

fn expense_id() -> Uuid {
    Uuid::parse_str(EXPENSE_ID).expect("uuid")
}

async fn serving(template: ResponseTemplate) -> MockServer {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

/// `DELETE /expenses/{id}` against a server that answers every request with `answer`.
async fn delete_answered(answer: ResponseTemplate) -> Result<webwork_client::Response<()>, Error> {
    let server = serving(answer).await;
    client(&server)
        .delete_expense()
        .expense_id(expense_id())
        .workspace_id(1)
        .send()
        .await
}

// ---- Tolerated: data of an operation documented without data ----

#[tokio::test]
async fn a_delete_ignores_whatever_data_holds() {
    for data in [
        Some(json!([])),
        Some(json!({})),
        Some(json!(null)),
        Some(json!("deleted")),
        Some(json!({"id": EXPENSE_ID, "deleted": true})),
        None,
    ] {
        let mut body = json!({"success": true, "message": "Expense deleted successfully"});
        if let Some(data) = &data {
            body["data"] = data.clone();
        }
        let answer = delete_answered(ok(body))
            .await
            .unwrap_or_else(|error| panic!("data {data:?}: {error}"));
        assert_eq!(answer.data, ());
        assert_eq!(
            answer.message.as_deref(),
            Some("Expense deleted successfully")
        );
    }
}

#[tokio::test]
async fn a_delete_still_fails_on_success_false_and_on_an_error_status() {
    let locked = ok(json!({"success": false, "data": [], "message": "Expense is locked"}));
    let error = delete_answered(locked).await.expect_err("success: false");
    assert!(matches!(error, Error::Unsuccessful(_)), "{error:?}");

    let missing = error_answer(404, "Expense not found");
    let error = delete_answered(missing).await.expect_err("404");
    assert!(matches!(error, Error::NotFound(_)), "{error:?}");
}

// ---- Tolerated: ISO forms of dates the spec gives a display format ----

#[tokio::test]
async fn display_dates_also_read_their_iso_forms_and_are_written_as_documented() {
    let expense = |date: &str| json!({"id": EXPENSE_ID, "expense_date": date, "added_dte": date});
    let server = serving(ok(json!({"success": true, "data": [
        expense("Jan 15, 2024"),
        expense("2024-01-15"),
        expense("2024-01-15T10:30:00Z"),
        expense("2024-01-15T10:30:00.000000Z"),
        expense("2024-01-15T23:30:00-05:00"),
    ]})))
    .await;
    let answer = client(&server)
        .get_expenses()
        .workspace_id(1)
        .send()
        .await
        .expect("every form decodes");
    let day = NaiveDate::from_ymd_opt(2024, 1, 15).expect("date");
    for expense in &answer.data {
        assert_eq!(expense.expense_date, Some(day), "{expense:?}");
        assert_eq!(expense.added_dte, Some(day), "{expense:?}");
    }
    let written = serde_json::to_value(&answer.data[1]).expect("serializes");
    assert_eq!(written["expense_date"], "Jan 15, 2024");
}

#[tokio::test]
async fn a_date_in_no_known_form_is_still_a_decode_error_with_the_whole_body() {
    let body = json!({"success": true, "data": [{"id": EXPENSE_ID, "expense_date": "15/01/2024"}]});
    let server = serving(ok(body.clone())).await;
    let error = client(&server)
        .get_expenses()
        .workspace_id(1)
        .send()
        .await
        .expect_err("an unknown date form");
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path(), "data[0].expense_date");
    assert!(
        decode.message().contains("15/01/2024"),
        "{}",
        decode.message()
    );
    let whole: Value = serde_json::from_slice(decode.body()).expect("the whole body");
    assert_eq!(whole, body);
}

// ---- send_as ----

/// The caller's own view of an expense, with a field the spec does not have.
#[derive(Debug, Deserialize)]
struct MyExpense {
    id: Uuid,
    expense_date: String,
    receipt_url: Option<String>,
}

#[tokio::test]
async fn send_as_reads_data_into_the_callers_type() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .and(query_param("workspace_id", "1"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ok(json!({"success": true, "data": [
            {"id": EXPENSE_ID, "expense_date": "15.01.2024", "receipt_url": "https://r.example/1"}
        ], "message": "ok"})))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);

    let answer = client
        .get_expenses()
        .workspace_id(1)
        .send_as::<Vec<MyExpense>>()
        .await
        .expect("the caller's type fits");
    assert_eq!(answer.data[0].id, expense_id());
    assert_eq!(answer.data[0].expense_date, "15.01.2024");
    assert_eq!(
        answer.data[0].receipt_url.as_deref(),
        Some("https://r.example/1")
    );
    assert_eq!(answer.message.as_deref(), Some("ok"));

    let value = client
        .get_expenses()
        .workspace_id(1)
        .send_as::<Value>()
        .await
        .expect("any JSON fits a Value");
    assert_eq!(value.data[0]["expense_date"], "15.01.2024");
}

#[tokio::test]
async fn send_as_maps_errors_like_send() {
    for (answer, expected) in [
        (error_answer(404, "Not found"), "NotFound"),
        (
            ResponseTemplate::new(422).set_body_json(
                json!({"success": false, "message": "Invalid", "errors": {"amount": ["required"]}}),
            ),
            "Validation",
        ),
        (
            ok(json!({"success": false, "message": "No"})),
            "Unsuccessful",
        ),
        (ok(json!({"success": true, "data": "text"})), "Decode"),
    ] {
        let server = serving(answer).await;
        let error = client(&server)
            .get_expenses()
            .workspace_id(1)
            .send_as::<Vec<MyExpense>>()
            .await
            .expect_err("an error");
        let variant = match &error {
            Error::NotFound(_) => "NotFound",
            Error::Validation(answer) => {
                assert_eq!(answer.field_errors()["amount"], ["required"]);
                "Validation"
            }
            Error::Unsuccessful(_) => "Unsuccessful",
            Error::Decode(_) => "Decode",
            other => panic!("{other:?}"),
        };
        assert_eq!(variant, expected);
    }
}

// ---- send_raw ----

#[tokio::test]
async fn send_raw_hands_out_any_answer_as_it_came() {
    let body = json!({"success": false, "message": "Expense not found"});
    let server = common::server().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/expenses/{EXPENSE_ID}")))
        .and(body_json(json!({"workspace_id": 1})))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-request-id", "r-1")
                .set_body_json(body.clone()),
        )
        .mount(&server)
        .await;
    let raw = client(&server)
        .delete_expense()
        .expense_id(expense_id())
        .workspace_id(1)
        .send_raw()
        .await
        .expect("an answer arrived");
    assert_eq!(raw.status(), 404);
    assert_eq!(raw.headers()["x-request-id"], "r-1");
    assert_eq!(raw.json::<Value>().expect("JSON"), body);
    assert_eq!(
        serde_json::from_slice::<Value>(raw.body()).expect("JSON"),
        body
    );

    let error = raw.json::<Vec<u8>>().expect_err("not a list");
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test(start_paused = true)]
async fn send_raw_retries_like_send_and_gives_the_last_answer() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .respond_with(Sequence::new([
            ResponseTemplate::new(503),
            ResponseTemplate::new(503).set_body_string("still down"),
        ]))
        .mount(&server)
        .await;
    let raw = common::builder(&server)
        .retry(RetryPolicy::default().max_attempts(2).jitter(false))
        .build()
        .expect("client")
        .get_expense_categories()
        .workspace_id(1)
        .send_raw()
        .await
        .expect("an answer arrived");
    assert_eq!(raw.status(), 503);
    assert_eq!(raw.body(), b"still down");
    let sent = server.received_requests().await.expect("recorded").len();
    assert_eq!(sent, 2);
}

#[tokio::test]
async fn send_raw_is_an_error_only_when_no_answer_arrives() {
    let (_held, port) = common::refusing_port();
    let client = webwork_client::Client::builder(format!("http://127.0.0.1:{port}"))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let error = client
        .get_workspaces()
        .send_raw()
        .await
        .expect_err("nothing listens");
    assert!(error.is_connect(), "{error:?}");
}

// ---- query and body_field ----

#[tokio::test]
async fn extra_query_parameters_are_sent_after_the_documented_ones() {
    let server = serving(ok(json!({"success": true, "data": []}))).await;
    client(&server)
        .get_expenses()
        .workspace_id(1)
        .query("include", "receipts")
        .query("tag", 7)
        .query("tag", 8)
        .send()
        .await
        .expect("sent");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests[0].url.query(),
        Some("workspace_id=1&include=receipts&tag=7&tag=8")
    );
}

#[tokio::test]
async fn body_fields_are_merged_into_the_json_body_and_replace_typed_ones() {
    let server = serving(ok(json!({"success": true, "data": {"id": EXPENSE_ID}}))).await;
    client(&server)
        .create_expense()
        .workspace_id(1)
        .expense_name("Taxi")
        .date(NaiveDate::from_ymd_opt(2024, 1, 15).expect("date"))
        .amount(12.5)
        .category_id(expense_id())
        .body_field("amount", json!("12.50"))
        .body_field("receipt", json!({"url": "https://r.example/1"}))
        .send()
        .await
        .expect("created");
    let requests = server.received_requests().await.expect("recorded");
    let sent: Value = serde_json::from_slice(&requests[0].body).expect("JSON");
    assert_eq!(
        sent,
        json!({
            "workspace_id": 1, "expense_name": "Taxi", "date": "2024-01-15",
            "amount": "12.50", "category_id": EXPENSE_ID,
            "receipt": {"url": "https://r.example/1"}
        })
    );
    assert_eq!(requests[0].headers["content-type"], "application/json");
}

#[tokio::test]
async fn a_body_field_on_a_request_without_a_body_makes_a_json_body() {
    let server = serving(ok(json!({"success": true, "data": []}))).await;
    client(&server)
        .get_workspaces()
        .body_field("workspace_id", json!(1))
        .send()
        .await
        .expect("sent");
    let requests = server.received_requests().await.expect("recorded");
    let sent: Value = serde_json::from_slice(&requests[0].body).expect("JSON");
    assert_eq!(sent, json!({"workspace_id": 1}));
}

// ---- client.request ----

#[tokio::test]
async fn client_request_calls_an_endpoint_the_spec_lacks() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/time-entries/summary"))
        .and(query_param("workspace_id", "1"))
        .and(query_param("date", "2024-01-15"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("x-trace", "t-1"))
        .respond_with(ok(
            json!({"success": true, "data": {"total": 3600}, "message": "ok"}),
        ))
        .expect(1)
        .mount(&server)
        .await;

    #[derive(Deserialize)]
    struct Summary {
        total: u64,
    }
    let answer = client(&server)
        .request(Method::GET, "/time-entries/summary?workspace_id=1")
        .query("date", "2024-01-15")
        .header("X-Trace", "t-1")
        .send::<Summary>()
        .await
        .expect("decoded");
    assert_eq!(answer.data.total, 3600);
    assert_eq!(answer.message.as_deref(), Some("ok"));
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn client_request_sends_json_and_types_errors_like_operations() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/tasks/42/archive"))
        .and(body_json(json!({"workspace_id": 1, "reason": "done"})))
        .respond_with(ok(json!({"success": true, "data": []})))
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .request(Method::POST, "tasks/42/archive")
        .json(&json!({"workspace_id": 1}))
        .body_field("reason", json!("done"))
        .send::<serde::de::IgnoredAny>()
        .await
        .expect("accepted");

    for (answer, check) in [
        (error_answer(404, "Not found"), "NotFound"),
        (error_answer(422, "Invalid"), "Validation"),
        (
            ok(json!({"success": false, "message": "No"})),
            "Unsuccessful",
        ),
    ] {
        let server = serving(answer).await;
        let error = common::client(&server)
            .request(Method::GET, "/anything")
            .send::<Value>()
            .await
            .expect_err("an error");
        let variant = match error {
            Error::NotFound(_) => "NotFound",
            Error::Validation(_) => "Validation",
            Error::Unsuccessful(_) => "Unsuccessful",
            other => panic!("{other:?}"),
        };
        assert_eq!(variant, check);
    }

    let server = serving(error_answer(404, "Not found")).await;
    let raw = common::client(&server)
        .request(Method::DELETE, "/anything")
        .send_raw()
        .await
        .expect("an answer");
    assert_eq!(raw.status(), 404);
}

#[tokio::test(start_paused = true)]
async fn client_request_retries_like_operations() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .respond_with(Sequence::new([
            ResponseTemplate::new(503),
            ok(json!({"success": true, "data": 1})),
        ]))
        .mount(&server)
        .await;
    let answer = common::builder(&server)
        .retry(RetryPolicy::default().jitter(false))
        .build()
        .expect("client")
        .request(Method::GET, "/anything")
        .send::<u8>()
        .await
        .expect("the retry succeeds");
    assert_eq!(answer.data, 1);
    assert_eq!(server.received_requests().await.expect("recorded").len(), 2);
}
