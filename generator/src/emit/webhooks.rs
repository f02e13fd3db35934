//! The crate's `webhooks` module when the spec documents webhooks: the runtime's delivery
//! parsing and token check, and one alias per webhook naming the type of its payload.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust::{doc_lines, doc_text, Paths};
use crate::model::Api;

/// `pub mod webhooks { .. }` for `lib.rs`, or nothing when the spec has no webhooks (the
/// runtime's module is the crate's `webhooks` then, through `pub use runtime::*`).
pub fn module(api: &Api) -> Option<TokenStream> {
    if api.webhooks.is_empty() {
        return None;
    }
    let paths = Paths::crate_root();
    let aliases = api.webhooks.iter().map(|webhook| {
        let alias = format_ident!("{}", webhook.alias);
        let ty = paths.ty(&webhook.payload);
        let fallback = format!(
            "The payload of the `{}` webhook, which the API sends as a `{}` request.",
            webhook.name,
            webhook.method.key().to_uppercase()
        );
        let mut text = doc_text(&webhook.docs, &fallback);
        if text != fallback {
            text = format!("{fallback}\n\n{text}");
        }
        let docs = doc_lines(&text);
        quote! {
            #docs
            pub type #alias = #ty;
        }
    });
    Some(quote! {
        /// Webhook deliveries: parsing a delivery body, checking its token, and the payload
        /// type of each webhook the spec documents.
        pub mod webhooks {
            pub use crate::runtime::webhooks::*;

            #(#aliases)*
        }
    })
}
