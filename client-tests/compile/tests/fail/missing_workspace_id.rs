// The most common mistake there is: `workspace_id` is required on 28 operations.
async fn members(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    let members = client.get_members().per_page(5).send().await?;
    println!("{:?}", members.data);
    Ok(())
}

fn main() {
    let _ = members;
}
