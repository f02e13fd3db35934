// A workspace id is a number, not text.
async fn members(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    client.get_members().workspace_id("1").send().await?;
    Ok(())
}

fn main() {
    let _ = members;
}
