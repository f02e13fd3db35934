//! Creates an expense, changes it, and deletes it again.
//!
//! ```sh
//! WEBWORK_TOKEN=... WEBWORK_WORKSPACE_ID=1 WEBWORK_CATEGORY_ID=<uuid> cargo run --example manage_expense
//! ```
//!
//! The category id is the `id` of one of `client.get_expense_categories()`.

use webwork_client::ids::{ExpenseCategoryId, WorkspaceId};
use webwork_client::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("WEBWORK_TOKEN")
        .map_err(|_| "set WEBWORK_TOKEN to a personal access token")?;
    let workspace_id: WorkspaceId = std::env::var("WEBWORK_WORKSPACE_ID")
        .map_err(|_| "set WEBWORK_WORKSPACE_ID")?
        .parse()?;
    let client = Client::new(token)?;

    // The category: from the environment, or the workspace's first one.
    let category_id: ExpenseCategoryId = if let Ok(id) = std::env::var("WEBWORK_CATEGORY_ID") {
        id.parse()?
    } else {
        let categories = client
            .get_expense_categories()
            .workspace_id(workspace_id)
            .send()
            .await?;
        let first = categories
            .data
            .first()
            .ok_or("the workspace has no expense category")?;
        first.id
    };

    // Create: every required body property has its own setter.
    let created = client
        .create_expense()
        .workspace_id(workspace_id)
        .expense_name("Taxi to the airport")
        .date(webwork_client::chrono::Local::now().date_naive())
        .amount(42.5)
        .category_id(category_id)
        .note("created by the manage_expense example")
        .is_billable(false)
        .send()
        .await?;
    let expense = created.data;
    println!("created {} ({:?})", expense.id, created.message);

    // Update: set what changes. A validation error names the fields the server refused.
    let updated = client
        .update_expense()
        .expense_id(expense.id)
        .expense_name("Taxi to the airport and back")
        .date(webwork_client::chrono::Local::now().date_naive())
        .amount(85.0)
        .category_id(category_id)
        .send()
        .await;
    match updated {
        Ok(answer) => println!("updated: {:?}", answer.message),
        Err(Error::Validation(error)) => {
            for (field, messages) in error.field_errors() {
                eprintln!("{field}: {}", messages.join("; "));
            }
        }
        Err(other) => return Err(other.into()),
    }

    // Delete: the workspace is named in the body.
    let deleted = client
        .delete_expense()
        .expense_id(expense.id)
        .workspace_id(workspace_id)
        .send()
        .await?;
    println!("deleted: {:?}", deleted.message);
    Ok(())
}
