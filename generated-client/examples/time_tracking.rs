// Hand-written example, copied from templates/examples/ by `cargo xtask regenerate`. Do not edit here.

//! Starts tracking time for a member, reads the tracker, and stops it.
//!
//! ```sh
//! WEBWORK_TOKEN=... WEBWORK_WORKSPACE_ID=1 WEBWORK_USER_ID=100 WEBWORK_CONTRACT_ID=560314 \
//!     cargo run --example time_tracking
//! ```
//!
//! The contract (a member's assignment to a project) is one of `client.get_contracts()`.

use std::time::Duration;

use webwork_client::{Client, Error, RetryPolicy};

fn env_id(name: &str) -> Result<i64, Box<dyn std::error::Error>> {
    let value = std::env::var(name).map_err(|_| format!("set {name}"))?;
    Ok(value.parse()?)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("WEBWORK_TOKEN")
        .map_err(|_| "set WEBWORK_TOKEN to a personal access token")?;
    let workspace_id = env_id("WEBWORK_WORKSPACE_ID")?;
    let user_id = env_id("WEBWORK_USER_ID")?;
    let contract_id = env_id("WEBWORK_CONTRACT_ID")?;
    let client = Client::new(token)?;

    // POST is not retried by default (it is not idempotent); a start is safe to send twice
    // (a second one is refused while a tracker runs), so allow retries for this call.
    let started = client
        .start_time_tracking()
        .workspace_id(workspace_id)
        .user_id(user_id)
        .contract_id(contract_id)
        .activity_description("Trying the webwork-client examples")
        .retry(RetryPolicy::default().retry_non_idempotent(true))
        .timeout(Duration::from_secs(10))
        .send()
        .await;
    match started {
        Ok(answer) => println!("tracking since {}", answer.data.start_time),
        // The API refuses a second tracker for the same member.
        Err(Error::Api(error)) if error.status().as_u16() == 400 => {
            println!(
                "not started: {}",
                error.message().unwrap_or("a tracker is already running")
            );
        }
        Err(other) => return Err(other.into()),
    }

    let current = client
        .get_current_tracker_data()
        .workspace_id(workspace_id)
        .user_id(user_id)
        .send()
        .await?;
    println!(
        "tracked today: {} minutes on {:?}",
        current.data.total_minutes.unwrap_or_default(),
        current.data.task_title
    );

    let stopped = client.stop_time_tracking().send().await?;
    println!("stopped at {}", stopped.data.stopped_at);
    Ok(())
}
