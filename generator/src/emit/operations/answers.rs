//! How an answer is decoded: the success's decoder, and the enum of several successes.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::rust::{doc_lines, Paths};
use crate::model::{AnswerEnum, Api, Operation, Payload, Primitive, TypeRef};
use crate::names;

/// The runtime function that reads a successful answer of the operation into its type.
pub(super) fn success_decoder(op: &Operation, api: &Api) -> TokenStream {
    match &op.success.per_status {
        Some(answers) => {
            let decode = format_ident!("decode_{}", names::snake(&answers.name));
            quote!(#decode)
        }
        None => decoder(op.success.payload, &op.success.data, api),
    }
}

/// The runtime decoder `send_as` reads the answer's JSON with: the envelope's unless the
/// operation's answer is documented as bare JSON or bytes.
pub(super) fn json_decoder(op: &Operation, api: &Api) -> TokenStream {
    let payload = match &op.success.per_status {
        Some(answers) => answers
            .variants
            .first()
            .map_or(op.success.payload, |variant| variant.payload),
        None => op.success.payload,
    };
    match payload {
        Payload::Envelope | Payload::Empty if api.envelope.is_some() => quote!(decode_enveloped),
        _ => quote!(decode_json),
    }
}

/// The runtime function that reads a successful body of `payload` holding `data`.
pub(super) fn decoder(payload: Payload, data: &TypeRef, api: &Api) -> TokenStream {
    let without_data = *data == TypeRef::Primitive(Primitive::Unit);
    match payload {
        // Documented without data: whatever the server puts there (`[]` from a PHP
        // framework, `{}`, null) loses nothing when ignored.
        Payload::Envelope if without_data => {
            quote!(crate::runtime::decode_enveloped_without_data)
        }
        Payload::Envelope => quote!(crate::runtime::decode_enveloped),
        Payload::Json => quote!(crate::runtime::decode_json),
        Payload::Binary => quote!(crate::runtime::decode_binary),
        // Without content documented, an enveloped API may still answer with an envelope,
        // whose `success: false` must not pass unseen.
        Payload::Empty if api.envelope.is_some() => {
            quote!(crate::runtime::decode_enveloped_without_data)
        }
        Payload::Empty => quote!(crate::runtime::decode_empty),
    }
}

/// The enum an operation with differently shaped success answers returns, and the function
/// that decodes an answer by its status.
pub(super) fn answer_enum(
    op: &Operation,
    answers: &AnswerEnum,
    paths: &Paths,
    api: &Api,
) -> TokenStream {
    let name = format_ident!("{}", answers.name);
    let docs = doc_lines(&format!(
        "What [`{}::send`] hands out: the answer's data, by its success status.",
        op.builder_name
    ));
    let variants = answers.variants.iter().map(|variant| {
        let ident = format_ident!("{}", variant.name);
        let text = match &variant.description {
            Some(description) => format!("`{}`: {}", variant.status, description.trim()),
            None => format!("`{}`.", variant.status),
        };
        let docs = doc_lines(&text);
        if variant.data == TypeRef::Primitive(Primitive::Unit) {
            quote!(#docs #ident,)
        } else {
            let ty = paths.ty(&variant.data);
            quote!(#docs #ident(#ty),)
        }
    });
    let decode = format_ident!("decode_{}", names::snake(&answers.name));
    // An undocumented 2xx status is read as the first documented one.
    let arms = answers.variants.iter().enumerate().map(|(index, variant)| {
        let ident = format_ident!("{}", variant.name);
        let status = proc_macro2::Literal::u16_unsuffixed(variant.status);
        let pattern = if index == 0 {
            quote!(_)
        } else {
            quote!(#status)
        };
        let decoder = decoder(variant.payload, &variant.data, api);
        let wrap = if variant.data == TypeRef::Primitive(Primitive::Unit) {
            quote!(|()| #name::#ident)
        } else {
            quote!(#name::#ident)
        };
        (
            index,
            quote!(#pattern => #decoder(status, headers, body).map(|answer| answer.map(#wrap)),),
        )
    });
    // The catch-all arm goes last.
    let mut arms: Vec<(usize, TokenStream)> = arms.collect();
    arms.rotate_left(1);
    let arms = arms.into_iter().map(|(_, arm)| arm);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#variants)*
        }

        fn #decode(status: reqwest::StatusCode, headers: reqwest::header::HeaderMap, body: &[u8]) -> Result<Response<#name>, Error> {
            match status.as_u16() {
                #(#arms)*
            }
        }
    }
}
