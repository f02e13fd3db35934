//! Compile-time checks of the Rust API guidelines the generated crate promises: the client is
//! cheap to share between tasks, errors travel through `?` into boxed errors, and data types
//! implement the common traits.

use webwork_client::{
    types, webhooks, ApiError, Client, ClientBuilder, Error, Response, RetryPolicy,
};

fn clone_send_sync<T: Clone + Send + Sync + 'static>() {}
fn send_sync_static<T: Send + Sync + 'static>() {}
fn error<T: std::error::Error + Send + Sync + 'static>() {}
fn data<T: std::fmt::Debug + Clone + PartialEq + Send + Sync + 'static>() {}

#[test]
fn the_client_is_clone_send_and_sync() {
    clone_send_sync::<Client>();
    send_sync_static::<ClientBuilder>();
    clone_send_sync::<RetryPolicy>();
    // Request builders can be moved into spawned tasks.
    clone_send_sync::<webwork_client::operations::expenses::GetExpenses>();
}

#[test]
fn errors_are_send_sync_and_static() {
    error::<Error>();
    error::<webhooks::WebhookError>();
    send_sync_static::<ApiError>();
    // `?` into the usual boxed error works.
    fn boxed(error: Error) -> Box<dyn std::error::Error + Send + Sync> {
        error.into()
    }
    let _ = boxed;
}

#[test]
fn data_types_implement_the_common_traits() {
    data::<types::Expense>();
    data::<types::CreateExpenseRequest>();
    data::<types::Webhook>();
    data::<types::WebhookEvent>();
    data::<types::Meta>();
    data::<webhooks::WebhookDelivery<types::WebhookEvent>>();
    send_sync_static::<Response<Vec<types::Expense>>>();
}

#[test]
fn a_cloned_client_shares_its_configuration() {
    let client = Client::builder("http://127.0.0.1:9")
        .bearer_token("t")
        .build()
        .unwrap();
    let clone = client.clone();
    assert_eq!(client.base_url(), clone.base_url());
}
