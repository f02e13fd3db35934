// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! The hand-written part of the client: HTTP transport, authentication, the error type, the
//! response wrapper and date formats.
//!
//! These files are maintained in `templates/runtime/` of the generator's repository and copied
//! verbatim into every generated crate; the rest of the crate is generated from the spec.

mod client;
pub(crate) mod dates;
mod error;
mod request;
mod response;

pub use client::{Client, ClientBuilder};
pub use error::{ApiError, DecodeError, Error};
pub(crate) use response::EnvelopeParts;
pub use response::Response;

pub(crate) use dates::FormattedDate;
// Not every spec has array parameters; the helper stays available to generated code.
#[allow(unused_imports)]
pub(crate) use request::join;
pub(crate) use request::Request;
