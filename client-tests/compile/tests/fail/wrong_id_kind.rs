// An expense id where a timesheet id belongs: both are UUIDs on the wire, not here.
use webwork_client::ids::ExpenseId;

async fn approve(client: webwork_client::Client, expense: ExpenseId) -> Result<(), webwork_client::Error> {
    client
        .approve_timesheet()
        .timesheet_id(expense)
        .workspace_id(1)
        .send()
        .await?;
    Ok(())
}

fn main() {
    let _ = approve;
}
