// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! The hand-written part of the client: HTTP transport, retries, authentication (tokens and
//! OAuth2), the error type, the response wrapper, bytes and multipart bodies, and date formats.
//!
//! These files are maintained in `templates/runtime/` of the generator's repository and copied
//! verbatim into every generated crate; the rest of the crate is generated from the spec.

// A spec need not use every helper here (formatted dates, header or array parameters, or even
// the request builders' macro when it has no operations), so an unused one is not a mistake in
// the crate generated from it.
#![allow(dead_code, unused_imports, unused_macros)]

mod auth;
mod binary;
mod client;
mod custom;
pub(crate) mod dates;
mod error;
mod http;
mod multipart;
pub(crate) mod paginate;
mod raw;
mod request;
mod response;
mod retry;
pub mod webhooks;

pub use auth::{
    AccessToken, OAuth2, OAuth2Builder, OAuth2TokenSource, RefreshToken, TokenSet, TokenSource,
    DEFAULT_AUTHORIZATION_URL, DEFAULT_TOKEN_URL,
};
pub use binary::Binary;
pub(crate) use binary::FileParts;
pub use client::{Client, ClientBuilder};
pub use custom::RequestBuilder;
pub use error::{ApiError, DecodeError, Error, TransportError};
pub(crate) use multipart::Multipart;
pub use raw::RawResponse;
pub use request::RequestOptions;
pub(crate) use request::{operation_builder, request_options};
/// The HTTP method of [`Client::request`], re-exported from the HTTP stack.
pub use reqwest::Method;
pub use response::Response;
pub(crate) use response::{
    decode_binary, decode_empty, decode_enveloped, decode_enveloped_without_data, decode_json,
    Decoder, EnvelopeParts,
};
pub use retry::RetryPolicy;

pub(crate) use dates::FormattedDate;
pub(crate) use paginate::PageInfo;
pub(crate) use request::{join, Request};
