// Every way of setting the required parameters compiles, in any order, with only
// webwork-client and tokio as dependencies.
use webwork_client::chrono::NaiveDate;
use webwork_client::prelude::*;
use webwork_client::types::CreateExpenseRequest;
use webwork_client::uuid::Uuid;
use webwork_client::{Client, Error};

async fn calls(client: Client) -> Result<(), Box<dyn std::error::Error>> {
    // Setters in any order, optional ones between.
    client.get_members().per_page(5).workspace_id(1).send().await?;
    // A whole body satisfies its required properties.
    let body: CreateExpenseRequest = webwork_client::serde_json::from_value(
        webwork_client::serde_json::json!({
            "workspace_id": 1,
            "expense_name": "Taxi",
            "date": "2024-01-15",
            "amount": 12.5,
            "category_id": Uuid::nil(),
        }),
    )?;
    client.create_expense().body(body).send().await?;
    // Property by property.
    client
        .create_expense()
        .category_id(Uuid::nil())
        .date("2024-01-15".parse::<NaiveDate>()?)
        .amount(12.5)
        .expense_name("Taxi")
        .workspace_id(1)
        .note("receipt attached")
        .send()
        .await?;
    // Pages, items and the escape hatches.
    let builder = client.get_expenses().workspace_id(1);
    let mut pages = std::pin::pin!(builder.clone().pages());
    while let Some(page) = pages.try_next().await? {
        println!("{}", page.data.len());
    }
    let first: Vec<_> = builder.clone().stream().take(10).try_collect().await?;
    println!("{}", first.len());
    let raw = builder.clone().send_raw().await?;
    println!("{}", raw.status());
    let loose = builder.send_as::<webwork_client::serde_json::Value>().await?;
    println!("{}", loose.data);
    Ok(())
}

fn handles(error: &Error) -> bool {
    matches!(error, Error::MissingParameter { .. } | Error::Validation(_))
}

fn main() {
    let _ = (calls, handles);
}
