// Ids: literals, values a program reads, and ids from answers passed back.
use webwork_client::ids::{ExpenseId, WorkspaceId};
use webwork_client::uuid::Uuid;
use webwork_client::Client;

async fn calls(client: Client) -> Result<(), Box<dyn std::error::Error>> {
    // Literals compile unchanged.
    let page = client.get_expenses().workspace_id(1).send().await?;
    // An id from an answer goes back where it belongs.
    if let Some(expense) = page.data.first() {
        client
            .delete_expense()
            .expense_id(expense.id)
            .workspace_id(1)
            .send()
            .await?;
    }
    // A UUID parsed by the program, or the id type parsed directly.
    client
        .delete_expense()
        .expense_id("a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse::<Uuid>()?)
        .workspace_id(1)
        .send()
        .await?;
    let parsed: ExpenseId = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse()?;
    println!("{parsed}");
    // Integers a program holds: u32 and i32 convert; u64 is checked.
    let from_config: u64 = 42;
    let workspace = WorkspaceId::try_from(from_config)?;
    let small: u32 = 7;
    client.get_members().workspace_id(small).send().await?;
    client.get_members().workspace_id(workspace).send().await?;
    let wire: i64 = workspace.into();
    println!("{wire} {workspace}");
    Ok(())
}

fn main() {
    let _ = calls;
}
