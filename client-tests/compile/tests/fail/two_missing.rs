// A create missing `date` and `category_id`: each is named.
async fn create(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    client
        .create_expense()
        .workspace_id(1)
        .expense_name("Taxi")
        .amount(12.5)
        .send()
        .await?;
    Ok(())
}

fn main() {
    let _ = create;
}
