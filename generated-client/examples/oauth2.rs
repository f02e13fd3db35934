// Hand-written example, copied from templates/examples/ by `cargo xtask regenerate`. Do not edit here.

//! The OAuth2 authorization code flow with PKCE, round trip: print the URL to authorize at,
//! receive the redirect on 127.0.0.1, exchange the code for tokens (which checks the redirect's
//! `state` and sends the PKCE verifier), and call the API with a client that refreshes them.
//!
//! ```sh
//! WEBWORK_CLIENT_ID=... WEBWORK_CLIENT_SECRET=... cargo run --example oauth2 --features oauth2
//! ```
//!
//! Register `http://127.0.0.1:8765/callback` as the application's redirect URI.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use webwork_client::{Client, OAuth2, DEFAULT_BASE_URL};

const REDIRECT_URI: &str = "http://127.0.0.1:8765/callback";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client_id = std::env::var("WEBWORK_CLIENT_ID").map_err(|_| "set WEBWORK_CLIENT_ID")?;
    let mut builder = OAuth2::builder(client_id, REDIRECT_URI);
    if let Ok(secret) = std::env::var("WEBWORK_CLIENT_SECRET") {
        builder = builder.client_secret(secret);
    }
    let oauth = builder.build()?;

    // 1. Send the user to the authorization URL. It carries a random `state` and the PKCE
    //    challenge; `pending` keeps the state and the verifier for the exchange.
    let authorization = oauth.authorize(["read", "write"]);
    println!(
        "Open this URL in a browser and authorize the application:\n\n  {}\n",
        authorization.url()
    );
    let pending = authorization.into_pending();

    // 2. The browser comes back to the redirect URI with `code` and `state`.
    let listener = TcpListener::bind("127.0.0.1:8765")?;
    let (code, returned_state) =
        tokio::task::spawn_blocking(move || wait_for_redirect(&listener)).await??;

    // 3. Exchange the code for tokens (refused when the redirect's state is not ours), and
    //    keep the refresh token somewhere safe.
    let tokens = oauth.exchange_code(pending, code, &returned_state).await?;
    println!(
        "got an access token (expires in {:?}, refresh token: {})",
        tokens.expires_in(),
        tokens.refresh_token().is_some()
    );

    // 4. A client that sends the access token and refreshes it before it expires (and once
    //    after a 401). `on_refresh` is where new tokens would be stored.
    let source = oauth.token_source(tokens).on_refresh(|tokens| {
        println!(
            "refreshed; store the new tokens ({:?})",
            tokens.refresh_token()
        );
    });
    let client = Client::builder(DEFAULT_BASE_URL)
        .token_source(source)
        .build()?;

    let workspaces = client.get_workspaces().send().await?;
    for workspace in &workspaces.data {
        println!("{workspace:?}");
    }
    Ok(())
}

/// Accepts connections until one is the redirect; answers it and gives its `code` and `state`.
fn wait_for_redirect(listener: &TcpListener) -> Result<(String, String), String> {
    loop {
        let (mut stream, _) = listener.accept().map_err(|e| e.to_string())?;
        let mut request_line = String::new();
        BufReader::new(&stream)
            .read_line(&mut request_line)
            .map_err(|e| e.to_string())?;
        // "GET /callback?code=...&state=... HTTP/1.1"
        let Some(target) = request_line.split_whitespace().nth(1) else {
            continue;
        };
        let url =
            url::Url::parse(&format!("http://127.0.0.1{target}")).map_err(|e| e.to_string())?;
        if url.path() != "/callback" {
            let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
            continue;
        }
        let find = |name: &str| {
            url.query_pairs()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.into_owned())
        };
        let body = "You can close this window now.";
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if let Some(error) = find("error") {
            return Err(format!("authorization refused: {error}"));
        }
        return match (find("code"), find("state")) {
            (Some(code), Some(state)) => Ok((code, state)),
            _ => Err("the redirect carries no code or state".into()),
        };
    }
}
