// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! The hand-written part of the client: HTTP transport, retries, authentication (tokens and
//! OAuth2), the error type, the response wrapper and date formats.
//!
//! These files are maintained in `templates/runtime/` of the generator's repository and copied
//! verbatim into every generated crate; the rest of the crate is generated from the spec.

// A spec need not use every helper here (formatted dates, header or array parameters), so an
// unused one is not a mistake in the crate generated from it.
#![allow(dead_code, unused_imports)]

mod auth;
mod client;
pub(crate) mod dates;
mod error;
pub(crate) mod paginate;
mod request;
mod response;
mod retry;
pub mod webhooks;

pub use auth::{
    AccessToken, OAuth2, OAuth2Builder, OAuth2TokenSource, RefreshToken, TokenSet, TokenSource,
    DEFAULT_AUTHORIZATION_URL, DEFAULT_TOKEN_URL,
};
pub use client::{Client, ClientBuilder};
pub use error::{ApiError, DecodeError, Error};
pub use request::RequestOptions;
pub(crate) use response::EnvelopeParts;
pub use response::Response;
pub use retry::RetryPolicy;

pub(crate) use dates::FormattedDate;
pub(crate) use paginate::PageInfo;
pub(crate) use request::{join, Request};
