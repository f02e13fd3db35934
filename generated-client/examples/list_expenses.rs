// Hand-written example, copied from templates/examples/ by `cargo xtask regenerate`. Do not edit here.

//! Lists a workspace's expenses: one page with `.send()`, then page by page with `.pages()`,
//! then item by item with `.stream()`.
//!
//! ```sh
//! WEBWORK_TOKEN=... WEBWORK_WORKSPACE_ID=1 cargo run --example list_expenses
//! ```

use webwork_client::prelude::*;
use webwork_client::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("WEBWORK_TOKEN")
        .map_err(|_| "set WEBWORK_TOKEN to a personal access token")?;
    let workspace_id: i64 = std::env::var("WEBWORK_WORKSPACE_ID")
        .map_err(|_| "set WEBWORK_WORKSPACE_ID (see `cargo run --example list_expenses` docs)")?
        .parse()?;
    let client = Client::new(token)?;

    // One page: the answer's `data` is typed, `meta.pagination` says where the page sits.
    let first = client
        .get_expenses()
        .workspace_id(workspace_id)
        .per_page(20)
        .send()
        .await?;
    if let Some(pagination) = first
        .meta
        .as_ref()
        .and_then(|meta| meta.pagination.as_ref())
    {
        println!(
            "page {} of {}",
            pagination.current_page, pagination.last_page
        );
    }
    for expense in &first.data {
        println!(
            "{} {:<30} {:>10.2} {}",
            expense.id,
            expense.expense_name.as_deref().unwrap_or("-"),
            expense.amount.unwrap_or_default(),
            expense
                .expense_date
                .map(|date| date.to_string())
                .unwrap_or_default(),
        );
    }

    // Page by page: each page is fetched when the stream is polled; it ends after the last.
    let mut pages = std::pin::pin!(client
        .get_expenses()
        .workspace_id(workspace_id)
        .per_page(50)
        .pages());
    let mut count = 0;
    while let Some(page) = pages.next().await {
        let page = page?;
        count += page.data.len();
    }
    println!("{count} expenses in all");

    // Item by item, over every page; `take` caps how many are fetched.
    let total: f64 = client
        .get_expenses()
        .workspace_id(workspace_id)
        .stream()
        .take(200)
        .try_fold(0.0, |sum, expense| async move {
            Ok::<_, Error>(sum + expense.amount.unwrap_or_default())
        })
        .await?;
    println!("the first 200 expenses add up to {total:.2}");
    Ok(())
}
