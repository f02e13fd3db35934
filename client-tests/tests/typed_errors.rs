//! Typed error answers from a real HTTP server on 127.0.0.1: `Error::typed` decodes an answer
//! into the operation's error enum by its status, keeps `None` (and the raw body) for a body
//! that does not fit, and leaves successes alone; `ApiError::decode` reads any shape.

mod common;

use common::{client, create_expense, created_expense, error_answer, TOKEN};
use serde_json::{json, Value};
use webwork_client::errors::{ApproveTimesheetError, CreateExpenseError};
use webwork_client::{Error, ErrorAnswer, StatusCode};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TIMESHEET: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

async fn approving(template: ResponseTemplate) -> MockServer {
    let server = common::server().await;
    Mock::given(method("PUT"))
        .and(path(format!("/timesheets/{TIMESHEET}/approve")))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn approve(server: &MockServer) -> Error {
    let timesheet = uuid::Uuid::parse_str(TIMESHEET).expect("uuid");
    client(server)
        .approve_timesheet()
        .timesheet_id(timesheet)
        .workspace_id(1)
        .send()
        .await
        .expect_err("the answer is an error")
}

#[tokio::test]
async fn a_422_decodes_into_its_variant_with_the_fields() {
    let body = json!({
        "success": false,
        "message": "The timesheet is not submitted.",
        "errors": {"status": ["The timesheet must be submitted first."]},
        "meta": {"api_version": "2.0.0", "timestamp": "2024-01-15T10:30:00Z"}
    });
    let server = approving(ResponseTemplate::new(422).set_body_json(&body)).await;
    let error = approve(&server).await;
    let Some(ApproveTimesheetError::UnprocessableEntity(answer)) = error.typed() else {
        panic!(
            "not UnprocessableEntity: {:?}",
            error.typed::<ApproveTimesheetError>()
        );
    };
    assert_eq!(answer.message, "The timesheet is not submitted.");
    let fields = answer.errors.expect("the field messages");
    assert_eq!(fields["status"], ["The timesheet must be submitted first."]);
    // The untyped view keeps working as before.
    assert!(matches!(error, Error::Validation(_)));
    let api = error.api_error().expect("an answer");
    assert_eq!(api.message(), Some("The timesheet is not submitted."));
    assert_eq!(api.field_errors()["status"].len(), 1);
    // The same through `ApiError::typed`.
    assert!(matches!(
        api.typed::<ApproveTimesheetError>(),
        Some(ApproveTimesheetError::UnprocessableEntity(_))
    ));
}

#[tokio::test]
async fn the_enum_tells_its_status_and_message() {
    let server = approving(error_answer(404, "Timesheet not found.")).await;
    let typed: ApproveTimesheetError = approve(&server).await.typed().expect("typed");
    assert!(matches!(typed, ApproveTimesheetError::NotFound(_)));
    assert_eq!(typed.status(), StatusCode::NOT_FOUND);
    assert_eq!(typed.message().as_deref(), Some("Timesheet not found."));
    assert_eq!(typed.to_string(), "404 Not Found (Timesheet not found.)");
    let error: Box<dyn std::error::Error + Send + Sync> = Box::new(typed);
    assert!(!error.to_string().contains(TOKEN));
}

#[tokio::test]
async fn a_body_that_does_not_fit_gives_none_and_keeps_the_raw_body() {
    let html = "<html><body>Not Found</body></html>";
    let server = approving(ResponseTemplate::new(404).set_body_raw(html, "text/html")).await;
    let error = approve(&server).await;
    assert!(error.typed::<ApproveTimesheetError>().is_none());
    let api = error.api_error().expect("an answer");
    assert_eq!(api.body(), html);
    assert!(api.decode::<Value>().is_err(), "HTML is not JSON");
}

#[tokio::test]
async fn an_undocumented_status_gives_none() {
    // createExpense documents no 404 and no `default`.
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .respond_with(error_answer(404, "No such workspace."))
        .mount(&server)
        .await;
    let error = create_expense(&client(&server), None)
        .await
        .expect_err("an error");
    assert!(error.typed::<CreateExpenseError>().is_none());
    // Any shape can still be read by hand.
    let body: Value = error
        .api_error()
        .expect("an answer")
        .decode()
        .expect("JSON");
    assert_eq!(body["message"], "No such workspace.");
}

#[tokio::test]
async fn a_transport_error_has_no_typed_answer() {
    let (_socket, port) = common::refusing_port();
    let client = webwork_client::Client::builder(format!("http://127.0.0.1:{port}"))
        .retry(webwork_client::RetryPolicy::none())
        .build()
        .expect("client");
    let error = create_expense(&client, None).await.expect_err("no server");
    assert!(error.typed::<CreateExpenseError>().is_none());
}

#[tokio::test]
async fn a_success_is_not_affected() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created_expense()))
        .mount(&server)
        .await;
    let answer = create_expense(&client(&server), None)
        .await
        .expect("a success");
    assert_eq!(answer.data.expense_name.as_deref(), Some("Taxi"));
}

#[tokio::test]
async fn a_mock_answers_a_documented_error_with_its_typed_body() {
    use webwork_client::mock::MockServer;
    use webwork_client::types::ErrorResponse;
    let server = MockServer::start().await;
    let body = ErrorResponse {
        success: false,
        message: "Timesheet not found.".into(),
        error: Some("Not Found".into()),
        errors: None,
        meta: None,
    };
    server
        .approve_timesheet()
        .respond_error(ApproveTimesheetError::NotFound(body))
        .await;
    let timesheet = uuid::Uuid::parse_str(TIMESHEET).expect("uuid");
    let error = server
        .client()
        .approve_timesheet()
        .timesheet_id(timesheet)
        .workspace_id(1)
        .send()
        .await
        .expect_err("the mock fails");
    assert!(matches!(error, Error::NotFound(_)), "{error:?}");
    let Some(ApproveTimesheetError::NotFound(answer)) = error.typed() else {
        panic!("not NotFound: {error:?}");
    };
    assert_eq!(answer.message, "Timesheet not found.");
    assert_eq!(answer.error.as_deref(), Some("Not Found"));
}
