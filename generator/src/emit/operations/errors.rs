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
        "The documented error answers of [`{}`], as [`Error::typed`] decodes them (a\nstatus the spec comes to document is a new variant, so the enum is non-exhaustive).",
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
    .then(|| quote!(_ => return None,));
    let statuses = status_arms(&errors.variants);
    let bodies = body_arms(&errors.variants);
    let no_body = errors
        .variants
        .iter()
        .any(|variant| variant.body.is_none())
        .then(|| quote!(_ => None,));
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
                Some(match status.as_u16() {
                    #(#decodes)*
                    #unmatched
                })
            }

            fn status(&self) -> crate::StatusCode {
                match self {
                    #statuses
                }
            }

            fn body(&self) -> Option<serde_json::Value> {
                match self {
                    #bodies
                    #no_body
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
        (ErrorStatus::Code(_), false) => quote!(Self::#ident),
        (ErrorStatus::Code(_), true) => quote!(Self::#ident(decode(body)?)),
        (_, false) => quote!(Self::#ident { status }),
        (_, true) => quote!(Self::#ident { status, body: decode(body)? }),
    };
    quote!(#pattern => #value,)
}

/// The match arms of `status`: each exact status's own, one for the variants that keep it.
fn status_arms(variants: &[ErrorVariant]) -> TokenStream {
    let mut kept = Vec::new();
    let mut arms = Vec::new();
    for variant in variants {
        let ident = format_ident!("{}", variant.name);
        match variant.status {
            ErrorStatus::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                let pattern = if variant.body.is_some() {
                    quote!(Self::#ident(_))
                } else {
                    quote!(Self::#ident)
                };
                arms.push(quote!(#pattern => crate::runtime::status_code(#code),));
            }
            ErrorStatus::Range(_) | ErrorStatus::Default => {
                kept.push(quote!(Self::#ident { status, .. }));
            }
        }
    }
    if !kept.is_empty() {
        arms.push(quote!(#(#kept)|* => *status,));
    }
    quote!(#(#arms)*)
}

/// The match arms of `body`: one per type of body, its variants joined (clippy's
/// `match_same_arms`, and shorter code where every answer has the same body).
fn body_arms(variants: &[ErrorVariant]) -> TokenStream {
    let mut groups: Vec<(&TypeRef, Vec<TokenStream>)> = Vec::new();
    for variant in variants {
        let Some(body) = &variant.body else {
            continue;
        };
        let ident = format_ident!("{}", variant.name);
        let pattern = match variant.status {
            ErrorStatus::Code(_) => quote!(Self::#ident(body)),
            ErrorStatus::Range(_) | ErrorStatus::Default => quote!(Self::#ident { body, .. }),
        };
        match groups.iter_mut().find(|(ty, _)| *ty == body) {
            Some((_, patterns)) => patterns.push(pattern),
            None => groups.push((body, vec![pattern])),
        }
    }
    let arms = groups
        .into_iter()
        .map(|(_, patterns)| quote!(#(#patterns)|* => crate::runtime::error_json(body),));
    quote!(#(#arms)*)
}
