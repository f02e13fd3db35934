// `send_raw` and `stream` need the required parameters as `send` does.
use webwork_client::prelude::*;

async fn raw(client: webwork_client::Client) -> Result<(), webwork_client::Error> {
    let answer = client.get_expenses().send_raw().await?;
    println!("{}", answer.status());
    let all: Vec<_> = client.get_expenses().stream().try_collect().await?;
    println!("{}", all.len());
    Ok(())
}

fn main() {
    let _ = raw;
}
