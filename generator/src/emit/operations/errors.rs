//! The error enum of an operation (`CreateExpenseError`): one variant per documented error
//! answer with its typed body, and the runtime's `ErrorAnswer`, which picks the variant by
//! status (an exact status, then a `4XX`/`5XX` range, then `default`) and decodes the body.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::emit::rust::{doc_lines, Paths};
use crate::model::{ErrorEnum, ErrorStatus, ErrorVariant, Operation, TypeRef};

/// The enum of `errors`, the error answers of `op`, with its `ErrorAnswer` and `Display`.
pub(super) fn error_enum(op: &Operation, errors: &ErrorEnum, paths: &Paths) -> TokenStream {
    let name = format_ident!("{}", errors.name);
    let docs = doc_lines(&format!(
        "The documented error answers of [`{}`] (see [`Error::typed`]).",
        op.builder_name
    ));
    let variants = errors
        .variants
        .iter()
        .map(|variant| declaration(variant, paths));
    let decodes = errors.variants.iter().map(decode_arm);
    // Without `default`, a status no variant takes is no answer of this enum.
    let unmatched = (!errors
        .variants
        .iter()
        .any(|v| v.status == ErrorStatus::Default))
    .then(|| quote!(_ => None,));
    let parts = parts_arms(&errors.variants);
    // The helpers the arms of `parts` call: every enum has a body somewhere, not every one an
    // exact status.
    let code = errors
        .variants
        .iter()
        .any(|v| matches!(v.status, ErrorStatus::Code(_)))
        .then(|| quote!(status_code as code,));
    quote! {
        #docs
        #[derive(Debug, Clone)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        impl crate::runtime::ErrorAnswer for #name {
            fn from_answer(status: crate::StatusCode, body: &[u8]) -> Option<Self> {
                use crate::runtime::error_body as decode;
                match status.as_u16() {
                    #(#decodes)*
                    #unmatched
                }
            }

            fn parts(&self) -> (crate::StatusCode, Option<serde_json::Value>) {
                use crate::runtime::{error_json as json, #code};
                match self {
                    #parts
                }
            }
        }

        crate::runtime::error_answer_traits!(#name);
    }
}

/// The variant's declaration: a tuple of its body for an exact status (nothing without a
/// body), a struct of the status and the body (if any) for a range or `default`.
fn declaration(variant: &ErrorVariant, paths: &Paths) -> TokenStream {
    let ident = format_ident!("{}", variant.name);
    let key = variant.status.key();
    let text = match &variant.description {
        Some(description) => format!("`{key}`: {description}"),
        None => format!("`{key}`."),
    };
    let docs = doc_lines(&text);
    let exact = matches!(variant.status, ErrorStatus::Code(_));
    let Some(body) = &variant.body else {
        return if exact {
            quote!(#docs #ident,)
        } else {
            quote! {
                #docs
                #ident {
                    /// The answer's status.
                    status: crate::StatusCode,
                },
            }
        };
    };
    let body = paths.ty(body);
    match variant.status {
        ErrorStatus::Code(_) => quote!(#docs #ident(#body),),
        ErrorStatus::Range(_) | ErrorStatus::Default => quote! {
            #docs
            #ident {
                /// The answer's status.
                status: crate::StatusCode,
                /// Its body.
                body: #body,
            },
        },
    }
}

/// The match arm of `from_answer` that makes the variant.
fn decode_arm(variant: &ErrorVariant) -> TokenStream {
    let ident = format_ident!("{}", variant.name);
    let pattern = match variant.status {
        ErrorStatus::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote!(#code)
        }
        ErrorStatus::Range(class) => {
            let (low, high) = (
                Literal::u16_unsuffixed(class * 100),
                Literal::u16_unsuffixed(class * 100 + 99),
            );
            quote!(#low..=#high)
        }
        ErrorStatus::Default => quote!(_),
    };
    let value = match (variant.status, variant.body.is_some()) {
        (ErrorStatus::Code(_), false) => quote!(Some(Self::#ident)),
        (ErrorStatus::Code(_), true) => quote!(decode(body).map(Self::#ident)),
        (_, false) => quote!(Some(Self::#ident { status })),
        (_, true) => quote!(decode(body).map(|body| Self::#ident { status, body })),
    };
    quote!(#pattern => #value,)
}

/// The match arms of `parts`: each exact status's own; the variants that keep their status
/// joined by the type of their body (clippy's `match_same_arms`).
fn parts_arms(variants: &[ErrorVariant]) -> TokenStream {
    let mut arms = Vec::new();
    let mut kept: Vec<(Option<&TypeRef>, Vec<TokenStream>)> = Vec::new();
    for variant in variants {
        let ident = format_ident!("{}", variant.name);
        let body = variant.body.as_ref();
        match (variant.status, body) {
            (ErrorStatus::Code(code), None) => {
                let code = Literal::u16_unsuffixed(code);
                arms.push(quote!(Self::#ident => (code(#code), None),));
            }
            (ErrorStatus::Code(code), Some(_)) => {
                let code = Literal::u16_unsuffixed(code);
                arms.push(quote!(Self::#ident(body) => (code(#code), json(body)),));
            }
            (ErrorStatus::Range(_) | ErrorStatus::Default, _) => {
                let pattern = if body.is_some() {
                    quote!(Self::#ident { status, body })
                } else {
                    quote!(Self::#ident { status })
                };
                match kept.iter_mut().find(|(ty, _)| *ty == body) {
                    Some((_, patterns)) => patterns.push(pattern),
                    None => kept.push((body, vec![pattern])),
                }
            }
        }
    }
    for (body, patterns) in kept {
        let body = if body.is_some() {
            quote!(json(body))
        } else {
            quote!(None)
        };
        arms.push(quote!(#(#patterns)|* => (*status, #body),));
    }
    quote!(#(#arms)*)
}
