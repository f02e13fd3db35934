//! `.pages()` and `.stream()` walk a paginated list against a local server.

mod common;

use futures::StreamExt;
use serde_json::json;
use webwork_client::Client;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder(server.uri())
        .bearer_token("t")
        .build()
        .expect("client")
}

fn page_of_workspaces(ids: &[i64], current: i64, last: i64) -> serde_json::Value {
    let data: Vec<_> = ids
        .iter()
        .map(|id| json!({"id": id, "workspace_name": format!("W{id}")}))
        .collect();
    json!({
        "success": true,
        "data": data,
        "meta": {
            "api_version": "2.0.0",
            "timestamp": "2024-01-15T10:30:00Z",
            "pagination": {"total": 5, "per_page": 2, "current_page": current, "last_page": last, "from": 1, "to": 2}
        }
    })
}

async fn three_pages(server: &MockServer) {
    for (page, ids) in [(1, vec![1, 2]), (2, vec![3, 4]), (3, vec![5])] {
        Mock::given(method("GET"))
            .and(path("/workspaces"))
            .and(query_param("page", page.to_string()))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(page_of_workspaces(&ids, page, 3)),
            )
            .expect(1)
            .mount(server)
            .await;
    }
}

#[tokio::test]
async fn stream_yields_every_item_of_every_page_once() {
    let server = common::server().await;
    three_pages(&server).await;

    let ids: Vec<i64> = client(&server)
        .get_workspaces()
        .per_page(2)
        .stream()
        .map(|item| item.expect("item").id.into_inner())
        .collect()
        .await;
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    // `.expect(1)` on each page: verified when the server drops.
}

#[tokio::test]
async fn pages_walk_page_by_page_and_a_cap_stops_fetching() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_of_workspaces(&[1, 2], 1, 3)))
        .expect(2) // once for the item stream, once for the page stream
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_of_workspaces(&[3, 4], 2, 3)))
        .expect(0)
        .mount(&server)
        .await;

    let first_two: Vec<i64> = client(&server)
        .get_workspaces()
        .stream()
        .take(2)
        .map(|item| item.expect("item").id.into_inner())
        .collect()
        .await;
    assert_eq!(first_two, [1, 2]);

    let pages: Vec<_> = client(&server)
        .get_workspaces()
        .pages()
        .take(1)
        .collect()
        .await;
    assert_eq!(pages.len(), 1);
}

#[tokio::test]
async fn an_empty_list_ends_at_once() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/expenses"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": [], "meta": {"api_version": "2.0.0", "timestamp": "2024-01-15T10:30:00Z"}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let items: Vec<_> = client(&server)
        .get_expenses()
        .workspace_id(1)
        .stream()
        .collect()
        .await;
    assert!(items.is_empty());
}

#[tokio::test]
async fn the_stream_stops_at_the_first_error() {
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_of_workspaces(&[1, 2], 1, 3)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/workspaces"))
        .and(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"success": false, "message": "gone"})),
        )
        .expect(1)
        .mount(&server)
        .await;

    let results: Vec<_> = client(&server).get_workspaces().stream().collect().await;
    assert_eq!(results.len(), 3);
    assert!(results[..2].iter().all(Result::is_ok));
    assert_eq!(
        results[2]
            .as_ref()
            .err()
            .and_then(|e| e.status())
            .map(|s| s.as_u16()),
        Some(404)
    );
}

#[tokio::test]
async fn a_request_to_any_endpoint_walks_its_pages_from_the_page_it_names() {
    let server = common::server().await;
    for (page, ids) in [(2, vec![3, 4]), (3, vec![5])] {
        Mock::given(method("GET"))
            .and(path("/workspaces"))
            .and(query_param("page", page.to_string()))
            .and(query_param("per_page", "2"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(page_of_workspaces(&ids, page, 3)),
            )
            .expect(1)
            .mount(&server)
            .await;
    }

    let ids: Vec<i64> = client(&server)
        .request(webwork_client::Method::GET, "/workspaces?page=2")
        .query("per_page", 2)
        .stream::<serde_json::Value>("page")
        .map(|item| item.expect("item")["id"].as_i64().expect("an id"))
        .collect()
        .await;
    assert_eq!(ids, [3, 4, 5]);
    // The page set in the path is replaced, not repeated: `.expect(1)` on pages 2 and 3.
}

#[tokio::test]
async fn a_request_without_page_metadata_stops_at_the_first_empty_page() {
    let server = common::server().await;
    for (page, data) in [(1, json!([{"id": 1}])), (2, json!([]))] {
        Mock::given(method("GET"))
            .and(path("/anything"))
            .and(query_param("p", page.to_string()))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data})),
            )
            .expect(1)
            .mount(&server)
            .await;
    }

    let pages: Vec<_> = client(&server)
        .request(webwork_client::Method::GET, "/anything")
        .pages::<serde_json::Value>("p")
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert!(pages.iter().all(Result::is_ok));
}
