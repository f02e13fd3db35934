//! The webhooks a spec documents (OpenAPI 3.1's top-level `webhooks`): requests the API sends
//! to its users, whose payloads the crate types for a receiver to parse.

use super::{Docs, HttpMethod, TypeRef};

/// One webhook: a request the API makes to a URL of the user's.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    /// The webhook's key in the spec (`newPet`).
    pub name: String,
    /// The method the API sends it with.
    pub method: HttpMethod,
    /// The Rust name of its payload's alias in the crate's `webhooks` module (`NewPetPayload`).
    pub alias: String,
    /// The payload's type: the request body's (JSON), `Binary` for other media, `()` when
    /// the webhook sends no body.
    pub payload: TypeRef,
    /// The operation's summary and description.
    pub docs: Docs,
    /// Where it is written (`#/webhooks/newPet/post`).
    pub origin: String,
}
