//! What real servers send besides the documented examples: nulls, absent fields, unknown
//! fields and values, empty pages, null or missing data. Each decodes or is a typed error.

mod common;

use serde_json::json;
use webwork_client::types::ContractStatus;
use webwork_client::{Client, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answering(status: u16, body: serde_json::Value) -> (MockServer, Client) {
    let server = common::server().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .bearer_token("t")
        .build()
        .expect("client");
    (server, client)
}

fn meta() -> serde_json::Value {
    json!({"api_version": "2.0.0", "timestamp": "2024-01-15T10:30:00Z"})
}

#[tokio::test]
async fn optional_fields_may_be_null_or_absent() {
    let (_server, client) = answering(200, json!({
        "success": true,
        "data": [{"id": 1, "workspace_name": "V"}, {"id": 2, "workspace_name": "W", "role": null, "status": null, "activated_at": null}],
        "meta": meta()
    }))
    .await;
    let answer = client.get_workspaces().send().await.expect("decodes");
    assert_eq!(answer.data.len(), 2);
    assert!(answer.data[0].role.is_none() && answer.data[1].activated_at.is_none());
}

#[tokio::test]
async fn unknown_fields_and_enum_values_are_tolerated() {
    let (_server, client) = answering(200, json!({
        "success": true,
        "data": {"id": 100, "project_id": 1, "user_id": 2, "status": "archived", "brand_new_field": {"x": 1}},
        "message": "Contract retrieved successfully",
        "meta": meta()
    }))
    .await;
    let answer = client
        .get_contract()
        .contract_id(100)
        .workspace_id(1)
        .send()
        .await
        .expect("decodes");
    assert_eq!(answer.data.status, ContractStatus::Other("archived".into()));
}

#[tokio::test]
async fn integer_enums_keep_unknown_values() {
    let (_server, client) = answering(200, json!({
        "success": true,
        "data": [{"id": 500, "title": "T", "project_id": 100, "owner_id": 10, "creator_id": 100, "status": 99}],
        "meta": meta()
    }))
    .await;
    let answer = client
        .get_tasks()
        .workspace_id(1)
        .project_id(100)
        .send()
        .await
        .expect("decodes");
    assert_eq!(answer.data[0].status.value(), 99);
}

#[tokio::test]
async fn an_empty_page_is_an_empty_list() {
    let (_server, client) =
        answering(200, json!({"success": true, "data": [], "meta": meta()})).await;
    let answer = client
        .get_members()
        .workspace_id(1)
        .send()
        .await
        .expect("decodes");
    assert!(answer.data.is_empty());
}

#[tokio::test]
async fn mutations_accept_null_or_missing_data() {
    for body in [
        json!({"success": true, "data": null, "message": "Contract deleted successfully", "meta": meta()}),
        json!({"success": true, "message": "Contract deleted successfully", "meta": meta()}),
    ] {
        let (_server, client) = answering(200, body).await;
        let answer = client
            .delete_contract()
            .contract_id(100)
            .workspace_id(1)
            .send()
            .await
            .expect("decodes");
        assert_eq!(
            answer.message.as_deref(),
            Some("Contract deleted successfully")
        );
    }
}

#[tokio::test]
async fn a_missing_required_field_is_a_typed_decode_error() {
    let (_server, client) = answering(
        200,
        json!({"success": true, "data": [{"workspace_name": "no id"}], "meta": meta()}),
    )
    .await;
    let error = client
        .get_workspaces()
        .send()
        .await
        .expect_err("id is required");
    let Error::Decode(decode) = &error else {
        panic!("expected Decode, got {error:?}")
    };
    assert!(decode.path().starts_with("data[0]"), "{}", decode.path());
}
