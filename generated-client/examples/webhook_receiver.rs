// Hand-written example, copied from templates/examples/ by `cargo xtask regenerate`. Do not edit here.

//! A small webhook receiver: parses deliveries into typed events and checks their token.
//!
//! ```sh
//! # Parse a built-in sample delivery (no network):
//! cargo run --example webhook_receiver
//! # Parse a delivery body from stdin:
//! echo '{"event":"tracker.stopped","data":{"user_id":100}}' | cargo run --example webhook_receiver -- -
//! # Register a webhook, then listen on 127.0.0.1:8787 (put a tunnel in front of it):
//! WEBWORK_TOKEN=... WEBWORK_WORKSPACE_ID=1 WEBWORK_WEBHOOK_URL=https://.../webhook \
//!     cargo run --example webhook_receiver -- serve
//! ```
//!
//! **The delivery format is not documented by the API**: the shape and the token header this
//! example relies on are assumptions (see `webwork_client::webhooks`). Log the first real
//! delivery and adjust.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use webwork_client::types::WebhookEvent;
use webwork_client::webhooks::{parse_delivery, WebhookDelivery, WEBHOOK_TOKEN_HEADER};
use webwork_client::Client;

const SAMPLE: &str = r#"{"event": "tracker.started", "data": {"user_id": 100, "contract_id": 560314}, "token": "whsec_1234567890abcdef"}"#;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match std::env::args().nth(1).as_deref() {
        None => {
            let delivery: WebhookDelivery<WebhookEvent> = parse_delivery(SAMPLE.as_bytes())?;
            println!(
                "verified: {}",
                delivery.verify_token("whsec_1234567890abcdef", None)
            );
            handle(&delivery);
        }
        Some("-") => {
            let mut body = Vec::new();
            std::io::stdin().read_to_end(&mut body)?;
            handle(&parse_delivery(&body)?);
        }
        Some("serve") => serve().await?,
        Some(other) => {
            return Err(format!("unknown argument `{other}`: use nothing, `-` or `serve`").into())
        }
    }
    Ok(())
}

/// What a receiver does with an event: match on it, and keep going on events it does not know.
fn handle(delivery: &WebhookDelivery<WebhookEvent>) {
    match &delivery.event {
        WebhookEvent::TrackerStarted => println!("tracker started: {}", delivery.data),
        WebhookEvent::TrackerStopped => println!("tracker stopped: {}", delivery.data),
        // Events added after this client was generated (`WebhookEvent::Other`).
        other => println!("unhandled event {other}: {}", delivery.data),
    }
}

/// Registers a webhook for both tracker events, then serves deliveries on 127.0.0.1:8787.
async fn serve() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("WEBWORK_TOKEN").map_err(|_| "set WEBWORK_TOKEN")?;
    let workspace_id: i64 = std::env::var("WEBWORK_WORKSPACE_ID")
        .map_err(|_| "set WEBWORK_WORKSPACE_ID")?
        .parse()?;
    let url = std::env::var("WEBWORK_WEBHOOK_URL")
        .map_err(|_| "set WEBWORK_WEBHOOK_URL to the public URL of this receiver")?;
    let client = Client::new(token)?;
    let webhook = client
        .create_webhook()
        .workspace_id(workspace_id)
        .url(url)
        .events(vec![
            WebhookEvent::TrackerStarted,
            WebhookEvent::TrackerStopped,
        ])
        .send()
        .await?
        .data;
    println!(
        "registered webhook {}; listening on 127.0.0.1:8787",
        webhook.id
    );
    let secret = webhook.token;
    tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        let listener = TcpListener::bind("127.0.0.1:8787")?;
        for stream in listener.incoming() {
            if let Err(error) = receive(stream?, &secret) {
                eprintln!("bad delivery: {error}");
            }
        }
        Ok(())
    })
    .await??;
    Ok(())
}

/// Reads one HTTP request, checks its token, parses it and answers.
fn receive(mut stream: TcpStream, secret: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let (mut length, mut header_token) = (0usize, None);
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case(WEBHOOK_TOKEN_HEADER) {
                header_token = Some(value.trim().to_string());
            }
        }
    }
    let mut body = vec![0; length.min(1024 * 1024)];
    reader.read_exact(&mut body)?;
    let status = match parse_delivery::<WebhookEvent>(&body) {
        Ok(delivery) if delivery.verify_token(secret, header_token.as_deref()) => {
            handle(&delivery);
            "200 OK"
        }
        Ok(_) => "401 Unauthorized",
        Err(error) => {
            eprintln!("{error}");
            "400 Bad Request"
        }
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    )
}
