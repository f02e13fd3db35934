// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! `mcp --http ADDR`: the streamable HTTP transport (rmcp's), served at `/mcp` on an HTTP/1
//! server of hyper's, every request's bearer token checked first, so that no other program on
//! the machine can use the owner's API token through it.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use tokio::net::TcpListener;

use super::server::Server;
use crate::runtime::exit::Failure;

/// The path the transport is served at.
pub const PATH: &str = "/mcp";

/// The transport's service, as rmcp makes it.
type Service = StreamableHttpService<Server, LocalSessionManager>;

/// The socket address of `--http ADDR`: `HOST:PORT`, or a port alone on 127.0.0.1.
///
/// # Errors
/// [`Failure::Usage`] when it is neither.
pub fn address(text: &str) -> Result<SocketAddr, Failure> {
    if let Ok(port) = text.parse::<u16>() {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    text.parse().map_err(|_| {
        Failure::Usage(format!(
            "`{text}` is not an address such as 127.0.0.1:8080 (or a port, on 127.0.0.1)"
        ))
    })
}

/// A new bearer token: 64 hex digits from the system's random source.
#[must_use]
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Whether `given` is `token`, in a time that does not depend on where they differ.
fn same(given: &[u8], token: &[u8]) -> bool {
    given.len() == token.len()
        && given
            .iter()
            .zip(token)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// Whether `request` carries `Authorization: Bearer <token>`.
fn authorized<B>(request: &Request<B>, token: &str) -> bool {
    request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .is_some_and(|given| same(given.trim().as_bytes(), token.as_bytes()))
}

/// A short answer of `status` with `text`.
fn plain(status: StatusCode, text: &'static str) -> Response<BoxBody<Bytes, Infallible>> {
    let mut response = Response::new(Full::new(Bytes::from_static(text.as_bytes())).boxed());
    *response.status_mut() = status;
    response
}

/// The answer to `request`: 404 off [`PATH`], 401 without the token, else the transport's.
async fn respond(
    service: &Service,
    token: &str,
    request: Request<Incoming>,
) -> Response<BoxBody<Bytes, Infallible>> {
    if request.uri().path() != PATH {
        return plain(
            StatusCode::NOT_FOUND,
            "not found: the MCP endpoint is /mcp\n",
        );
    }
    if !authorized(&request, token) {
        let mut response = plain(
            StatusCode::UNAUTHORIZED,
            "unauthorized: send the server's bearer token (--http-token)\n",
        );
        response.headers_mut().insert(
            WWW_AUTHENTICATE,
            hyper::header::HeaderValue::from_static("Bearer"),
        );
        return response;
    }
    service.handle(request).await
}

/// Serves `server` on `listener` until the process ends, each request checked for `token`.
/// On a loopback address rmcp's own check of the `Host` header (against DNS rebinding)
/// stays on.
///
/// # Errors
/// [`Failure::Transport`] when the socket fails.
pub async fn serve(server: Server, listener: TcpListener, token: String) -> Result<(), Failure> {
    let loopback = listener
        .local_addr()
        .is_ok_and(|address| address.ip().is_loopback());
    let mut config = StreamableHttpServerConfig::default();
    if !loopback {
        config = config.disable_allowed_hosts();
    }
    let service: Arc<Service> = Arc::new(StreamableHttpService::new(
        move || Ok(server.clone()),
        Arc::new(LocalSessionManager::default()),
        config,
    ));
    let token: Arc<str> = token.into();
    loop {
        let (stream, _) = listener
            .accept()
            .await
            .map_err(|error| Failure::Transport(format!("cannot accept a connection: {error}")))?;
        let service = Arc::clone(&service);
        let token = Arc::clone(&token);
        tokio::spawn(async move {
            let handler = hyper::service::service_fn(move |request| {
                let service = Arc::clone(&service);
                let token = Arc::clone(&token);
                async move { Ok::<_, Infallible>(respond(&service, &token, request).await) }
            });
            // A connection that breaks off ends; the server goes on.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), handler)
                .await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_or_a_port_on_loopback() {
        assert_eq!(
            address("8080").unwrap(),
            "127.0.0.1:8080".parse::<SocketAddr>().unwrap()
        );
        assert_eq!(
            address("0.0.0.0:9").unwrap(),
            "0.0.0.0:9".parse::<SocketAddr>().unwrap()
        );
        assert!(address("localhost").is_err());
    }

    #[test]
    fn only_the_token_is_let_through() {
        let token = new_token();
        assert_eq!(token.len(), 64);
        assert_ne!(token, new_token());
        let request = |value: &str| {
            Request::builder()
                .header(AUTHORIZATION, value)
                .body(())
                .unwrap()
        };
        assert!(authorized(&request(&format!("Bearer {token}")), &token));
        assert!(!authorized(&request("Bearer nope"), &token));
        assert!(!authorized(&request(&token), &token));
        assert!(!authorized(&Request::new(()), &token));
    }
}
