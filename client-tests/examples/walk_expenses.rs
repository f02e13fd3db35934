//! The Rust side of the command line's benchmark (`cargo xtask bench`): the walk that
//! `webwork expenses list --workspace-id 1 --per-page 100 --all --output ndjson` makes, written
//! with the client: every page through `.stream()`, one JSON line per expense on standard
//! output. Usage: `walk_expenses BASE_URL`.

use std::io::Write;

use futures::TryStreamExt;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::args()
        .nth(1)
        .ok_or("usage: walk_expenses BASE_URL")?;
    let client = webwork_client::Client::builder(base_url)
        .bearer_token("bench-token")
        .build()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut expenses = std::pin::pin!(client.get_expenses().workspace_id(1).per_page(100).stream());
    while let Some(expense) = expenses.try_next().await? {
        serde_json::to_writer(&mut out, &expense)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
