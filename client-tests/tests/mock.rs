//! The typed mock server of feature `mock`, used as a user's test would use it: expectations
//! per operation, typed answers in the envelope, typed errors, pages, and call counts.

use std::time::Duration;

use futures::TryStreamExt;
use webwork_client::mock::{MockError, MockServer};
use webwork_client::types::ExpenseCategory;
use webwork_client::uuid::Uuid;
use webwork_client::Error;

fn category(n: u128, name: &str) -> ExpenseCategory {
    ExpenseCategory {
        id: Uuid::from_u128(n).into(),
        name: Some(name.to_string()),
    }
}

#[tokio::test]
async fn an_expectation_answers_typed_data_in_the_envelope_and_counts_its_calls() {
    let server = MockServer::start().await;
    let mocked = server
        .get_expense_categories()
        .workspace_id(7)
        .times(2)
        .respond(vec![category(1, "Travel"), category(2, "Meals")])
        .await;
    let client = server.client();

    for _ in 0..2 {
        let answer = client
            .get_expense_categories()
            .workspace_id(7)
            .send()
            .await
            .expect("the mocked answer decodes");
        assert_eq!(
            answer.data,
            vec![category(1, "Travel"), category(2, "Meals")]
        );
    }
    assert_eq!(mocked.calls().await, 2);
    server.verify().await;
}

#[tokio::test]
async fn a_request_with_other_parameters_does_not_match() {
    let server = MockServer::start().await;
    let mocked = server
        .get_expense_categories()
        .workspace_id(7)
        .respond(vec![category(1, "Travel")])
        .await;

    let error = server
        .client()
        .get_expense_categories()
        .workspace_id(8)
        .send()
        .await
        .expect_err("nothing answers workspace 8");
    assert!(matches!(error, Error::NotFound(_)), "{error:?}");
    assert_eq!(mocked.calls().await, 0);
}

#[tokio::test]
async fn path_parameters_match_the_value_the_client_writes() {
    let server = MockServer::start().await;
    let id = Uuid::from_u128(42);
    server
        .delete_expense()
        .expense_id(id)
        .workspace_id(1)
        .respond(())
        .await;
    let client = server.client();

    client
        .delete_expense()
        .expense_id(id)
        .workspace_id(1)
        .send()
        .await
        .expect("the mocked delete answers");
    let other = client
        .delete_expense()
        .expense_id(Uuid::from_u128(43))
        .workspace_id(1)
        .send()
        .await
        .expect_err("another id is not mocked");
    assert!(matches!(other, Error::NotFound(_)), "{other:?}");
}

#[tokio::test]
async fn errors_arrive_as_the_clients_typed_errors() {
    let server = MockServer::start().await;
    server
        .get_expense_categories()
        .workspace_id(1)
        .fail(MockError::unauthorized())
        .await;
    server
        .get_expense_categories()
        .workspace_id(2)
        .fail(MockError::validation(
            "The given data was invalid.",
            [("workspace_id", "The workspace is archived.")],
        ))
        .await;
    server
        .get_expense_categories()
        .workspace_id(3)
        .fail(MockError::rate_limited(Duration::from_secs(30)))
        .await;
    let client = server.client();
    let send = |workspace: i64| {
        client
            .get_expense_categories()
            .workspace_id(workspace)
            .send()
    };

    let error = send(1).await.expect_err("401");
    assert!(matches!(error, Error::Unauthorized(_)), "{error:?}");

    let error = send(2).await.expect_err("422");
    let Error::Validation(details) = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!(
        details.field_errors()["workspace_id"],
        vec!["The workspace is archived.".to_string()]
    );

    let error = send(3).await.expect_err("429");
    let Error::RateLimited { retry_after, .. } = error else {
        panic!("expected rate limiting, got {error:?}");
    };
    assert_eq!(retry_after, Some(Duration::from_secs(30)));
}

#[tokio::test]
async fn pages_are_served_in_order_until_the_last() {
    let server = MockServer::start().await;
    let pages = vec![
        vec![category(1, "Travel"), category(2, "Meals")],
        vec![category(3, "Office")],
        vec![category(4, "Software")],
    ];
    let mocked = server
        .get_expense_categories()
        .workspace_id(5)
        .times(1)
        .respond_pages(pages.clone())
        .await;

    let all: Vec<ExpenseCategory> = server
        .client()
        .get_expense_categories()
        .workspace_id(5)
        .stream()
        .try_collect()
        .await
        .expect("every page decodes");
    assert_eq!(all, pages.concat());
    assert_eq!(mocked.calls().await, 3);
    server.verify().await;
}
