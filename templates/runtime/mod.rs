//! The hand-written part of the client: HTTP transport, retries, pacing to a rate limit,
//! authentication (tokens, and OAuth2 with the `oauth2` feature), the error type, the response
//! wrapper, bytes and multipart bodies, and date formats.
//!
//! These files are maintained in `templates/runtime/` of the generator's repository and copied
//! verbatim into every generated crate; the rest of the crate is generated from the spec.

//!
//! # What the runtime takes from its crate
//! Two things, named here and nowhere else: the envelope the spec's answers are wrapped in (a
//! deserializable `envelope::Envelope<T>` read through `into_parts`, and its `envelope::Meta`,
//! which implements [`PageInfo`]; with feature `mock`, also `envelope::mock_body(data, meta)`
//! and `envelope::mock_page_meta(page, last)`, which write an answer as the server does), and
//! the `DEFAULT_BASE_URL` of [`Client::new`] (with feature `oauth2`, also the OAuth2 client's
//! `DEFAULT_AUTHORIZATION_URL` and `DEFAULT_TOKEN_URL`, from the spec's security schemes). The
//! generator emits both; the runtime's own crate
//! (`templates/runtime/lib.rs`) stands in for them.

#[cfg(feature = "mock")]
use crate::envelope::{mock_body, mock_page_meta};
use crate::envelope::{Envelope, Meta};
use crate::DEFAULT_BASE_URL;
#[cfg(feature = "oauth2")]
use crate::{DEFAULT_AUTHORIZATION_URL, DEFAULT_TOKEN_URL};

// Some of the runtime only emitted code calls: date formats, multipart bodies, paging, the
// builders' and the enums' macros, the decoders, parameters of each kind. A spec need not use each of them,
// and the runtime's own crate uses none, so those items and their re-exports below say
// `allow(dead_code)` or `allow(unused_imports)` ("for emitted code"); everything else is held
// to the compiler's unused warnings.

mod binary;
mod client;
mod custom;
#[allow(dead_code)] // For emitted code: dates of a display format.
pub(crate) mod dates;
mod enum_value;
mod error;
mod http;
mod id_type;
#[cfg(feature = "mock")]
pub mod mock;
#[allow(dead_code)] // For emitted code: multipart bodies.
mod multipart;
#[cfg(feature = "oauth2")]
mod oauth;
mod pacing;
#[allow(dead_code)] // For emitted code: list operations with pages.
pub(crate) mod paginate;
mod param_style;
#[cfg(feature = "mock")]
mod path_pattern;
pub mod prelude;
mod raw;
mod request;
pub mod required;
mod response;
mod retry;
mod token;
mod typed_error;
pub mod webhooks;

pub use binary::Binary;
pub use client::{Client, ClientBuilder};
pub use custom::RequestBuilder;
pub use error::{ApiError, DecodeError, Error, TransportError};
#[cfg(feature = "oauth2")]
pub use oauth::{Authorization, OAuth2, OAuth2Builder, OAuth2TokenSource, PendingAuthorization};
pub use raw::RawResponse;
pub use request::RequestOptions;
/// The HTTP stack's types the client's API uses: the method of [`Client::request`], the status
/// and headers of every answer.
pub use reqwest::{header, Method, StatusCode};
pub use response::Response;
pub use retry::RetryPolicy;
pub use token::{AccessToken, RefreshToken, TokenSet, TokenSource};
pub use typed_error::ErrorAnswer;
// The crates whose types the setters and answers use (`chrono::NaiveDate`, `uuid::Uuid`,
// `serde_json::Value`), so that a program needs no dependency on them of its own, nor to match
// their versions.
pub use {chrono, serde_json, uuid};

#[allow(unused_imports)] // For emitted code.
pub(crate) use self::{
    binary::FileParts,
    dates::FormattedDate,
    enum_value::{integer_enum_traits, string_enum_traits},
    id_type::id_type,
    multipart::Multipart,
    paginate::PageInfo,
    param_style::Style,
    request::{operation_builder, request_options, Request},
    response::{
        decode_binary, decode_empty, decode_enveloped, decode_enveloped_without_data, decode_json,
        Decoder, EnvelopeParts,
    },
    typed_error::{error_answer_traits, error_body, error_json, status_code},
};
