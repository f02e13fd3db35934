//! The generated client against a real HTTP server on 127.0.0.1 (wiremock).

mod common;

use chrono::NaiveDate;
use serde_json::json;
use uuid::Uuid;
use webwork_client::types::{CreateExpenseRequest, ExpenseType};
use webwork_client::{Client, Error};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const EXPENSE_ID: &str = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

fn client(server: &MockServer) -> Client {
    Client::builder(server.uri())
        .bearer_token("test-token")
        .build()
        .expect("client builds")
}

fn meta() -> serde_json::Value {
    json!({"api_version": "2.0.0", "timestamp": "2019-08-24T14:15:22Z"})
}

#[tokio::test]
async fn list_sends_query_and_token_and_decodes_the_page() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .and(query_param("workspace_id", "1"))
        .and(query_param("date_from", "2024-01-01"))
        .and(query_param("page", "2"))
        .and(query_param("per_page", "50"))
        .and(header("authorization", "Bearer test-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{
                "id": EXPENSE_ID,
                "member": "John Doe",
                "expense_date": "Jan 15, 2024",
                "expense_name": "Office Supplies",
                "project": "Marketing Campaign Q1",
                "category": "Office Supplies",
                "amount": 150.5,
                "note": null,
                "type": "billable",
                "added_dte": "Jan 15, 2024"
            }],
            "meta": {
                "api_version": "2.0.0",
                "timestamp": "2024-01-15T10:30:00Z",
                "pagination": {"total": 21, "per_page": 20, "current_page": 2, "last_page": 2, "from": 21, "to": 21}
            }
        })))
        .expect(1)
        .mount(&server)
        .await;

    let answer = client(&server)
        .get_expenses()
        .workspace_id(1)
        .date_from(NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"))
        .page(2)
        .per_page(50)
        .send()
        .await
        .expect("the list decodes");

    assert_eq!(answer.status, 200);
    let expense = &answer.data[0];
    assert_eq!(
        expense.id,
        Uuid::parse_str(EXPENSE_ID).expect("uuid").into()
    );
    assert_eq!(expense.expense_date, NaiveDate::from_ymd_opt(2024, 1, 15));
    assert_eq!(expense.type_, Some(ExpenseType::Billable));
    assert_eq!(expense.note, None);
    let meta = answer.meta.expect("meta");
    assert_eq!(meta.api_version, "2.0.0");
    let pagination = meta.pagination.expect("pagination");
    assert_eq!(
        (
            pagination.current_page,
            pagination.last_page,
            pagination.total
        ),
        (2, 2, Some(21))
    );
}

#[tokio::test]
async fn create_sends_the_body_the_spec_describes() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "workspace_id": 1,
            "expense_name": "Office Supplies",
            "date": "2024-01-15",
            "amount": 150.5,
            "category_id": EXPENSE_ID,
            "is_billable": false
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true,
            "data": {"id": EXPENSE_ID, "expense_name": "Office Supplies", "amount": 150.5, "type": "non-billable"},
            "message": "Expense created successfully",
            "meta": meta()
        })))
        .expect(1)
        .mount(&server)
        .await;

    let answer = client(&server)
        .create_expense()
        .workspace_id(1)
        .expense_name("Office Supplies")
        .date(NaiveDate::from_ymd_opt(2024, 1, 15).expect("date"))
        .amount(150.5)
        .category_id(Uuid::parse_str(EXPENSE_ID).expect("uuid"))
        .is_billable(false)
        .send()
        .await
        .expect("created");

    assert_eq!(answer.status, 201);
    assert_eq!(
        answer.message.as_deref(),
        Some("Expense created successfully")
    );
    assert_eq!(answer.data.type_, Some(ExpenseType::NonBillable));
}

#[tokio::test]
async fn a_whole_body_can_be_set_at_once() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/expenses"))
        .and(body_json(json!({
            "workspace_id": 7,
            "expense_name": "Train",
            "date": "2024-02-01",
            "amount": 12.0,
            "category_id": EXPENSE_ID,
            "note": "to the client"
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true, "data": {"id": EXPENSE_ID}, "meta": meta()
        })))
        .expect(1)
        .mount(&server)
        .await;

    client(&server)
        .create_expense()
        .body(CreateExpenseRequest {
            workspace_id: 7.into(),
            expense_name: "Train".into(),
            date: NaiveDate::from_ymd_opt(2024, 2, 1).expect("date"),
            amount: 12.0,
            category_id: Uuid::parse_str(EXPENSE_ID).expect("uuid").into(),
            project_id: None,
            note: Some("to the client".into()),
            is_billable: None,
        })
        .send()
        .await
        .expect("created");
}

#[tokio::test]
async fn delete_sends_a_json_body_and_accepts_null_data() {
    let server = common::server().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/expenses/{EXPENSE_ID}")))
        .and(body_json(json!({"workspace_id": 1})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": null, "message": "Expense deleted successfully", "meta": meta()
        })))
        .expect(1)
        .mount(&server)
        .await;

    let answer = client(&server)
        .delete_expense()
        .expense_id(Uuid::parse_str(EXPENSE_ID).expect("uuid"))
        .workspace_id(1)
        .send()
        .await
        .expect("deleted");
    assert_eq!(answer.data, ());
    assert_eq!(
        answer.message.as_deref(),
        Some("Expense deleted successfully")
    );
}

#[tokio::test]
async fn an_error_answer_keeps_status_and_message() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses/categories"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "success": false, "message": "You do not have permission", "error": "Forbidden", "meta": meta()
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_expense_categories()
        .workspace_id(1)
        .send()
        .await
        .expect_err("forbidden");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    let Error::Forbidden(answer) = &error else {
        panic!("expected Forbidden, got {error:?}")
    };
    assert_eq!(answer.message(), Some("You do not have permission"));
    assert!(!error.to_string().contains("test-token"));
}

#[tokio::test]
async fn success_false_is_an_error_whatever_the_status() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": false, "data": null, "message": "Workspace is blocked", "meta": meta()
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_workspaces()
        .send()
        .await
        .expect_err("success: false");
    let Error::Unsuccessful(answer) = &error else {
        panic!("expected Unsuccessful, got {error:?}")
    };
    assert_eq!(answer.message(), Some("Workspace is blocked"));
    assert_eq!(answer.status(), 200);
}

#[tokio::test]
async fn workspaces_decode_the_servers_own_date_formats() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{
                "id": 1, "owner_id": 10, "user_id": 100, "workspace_name": "WebWork Workspace",
                "role": "Executive manager", "status": "suspended",
                "created_at": "2025-02-19T19:24:55.000000Z", "activated_at": "2025-02-19 19:24:55",
                "unknown_field": 3
            }],
            "meta": meta()
        })))
        .mount(&server)
        .await;

    let answer = client(&server)
        .get_workspaces()
        .send()
        .await
        .expect("decodes");
    let workspace = &answer.data[0];
    assert_eq!(
        workspace.role,
        Some(webwork_client::types::Role::ExecutiveManager)
    );
    assert_eq!(
        workspace.status,
        Some(webwork_client::types::MemberStatus::Other(
            "suspended".into()
        ))
    );
    let activated = workspace.activated_at.expect("activated_at");
    assert_eq!(activated.to_string(), "2025-02-19 19:24:55");
}

#[tokio::test]
async fn a_body_that_does_not_fit_names_the_failing_field() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": [{"id": EXPENSE_ID, "amount": "lots"}], "meta": meta()
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_expenses()
        .workspace_id(1)
        .send()
        .await
        .expect_err("bad amount");
    let Error::Decode(decode) = &error else {
        panic!("expected Decode, got {error:?}")
    };
    assert_eq!(decode.path(), "data[0].amount");
    assert!(decode.snippet().contains("lots"));
}
