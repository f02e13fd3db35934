//! Operations: a request builder per operation and the `Client` method that starts it, one
//! module per tag. The builder and its setters, its sending methods, the request's parameters
//! and body, and the decoding of answers each have a file of their own.

mod answers;
mod body;
mod builder;
mod errors;
mod params;
mod sending;

pub(crate) use builder::values;
pub(crate) use params::param_statement;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operation_docs as docs;
use super::rust::{doc_lines, followed_by, inner_doc_lines, Paths};
use crate::model::{Api, Operation, Tag, TypeRef};
use builder::builder;

/// The module of one tag: its builders and `Client` methods.
pub fn tag_module(api: &Api, tag: &Tag, paths: &Paths, crate_name: &str) -> TokenStream {
    let operations: Vec<&Operation> = api.operations_of(tag).collect();
    let module_doc = inner_doc_lines(&docs::tag_doc(tag));
    operations_module(api, &operations, module_doc, paths, crate_name)
}

/// The module of a tag whose operations take several files: its docs, and each part
/// (`part1`, ...) re-exported, so its builders are `crate::operations::<tag>::Builder`.
pub fn tag_index(tag: &Tag, parts: usize) -> TokenStream {
    let module_doc = inner_doc_lines(&docs::tag_doc(tag));
    let parts = (1..=parts).map(|n| {
        let part = format_ident!("part{n}");
        quote! {
            mod #part;
            pub use #part::*;
        }
    });
    quote! {
        #module_doc
        #(#parts)*
    }
}

/// One part of a tag's operations (see [`tag_index`]).
pub fn tag_part(
    api: &Api,
    tag: &Tag,
    operations: &[&Operation],
    paths: &Paths,
    crate_name: &str,
) -> TokenStream {
    let module_doc = inner_doc_lines(&format!(
        "Operations of tag `{}`, from `{}` on (see [`super`]).",
        tag.name,
        operations.first().map_or("", |op| op.method_name.as_str())
    ));
    operations_module(api, operations, module_doc, paths, crate_name)
}

/// A module of builders and `Client` methods for `operations`.
fn operations_module(
    api: &Api,
    operations: &[&Operation],
    module_doc: TokenStream,
    paths: &Paths,
    crate_name: &str,
) -> TokenStream {
    let methods = operations
        .iter()
        .map(|op| client_method(op, api, crate_name));
    let builders = operations.iter().map(|op| builder(op, paths, api));
    let uses_types = operations.iter().any(|op| uses_named_types(op));
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    // Builders fill deprecated body properties too: the deprecation is for the callers.
    let uses_deprecated = operations.iter().any(|op| {
        op.body
            .iter()
            .flat_map(|body| &body.fields)
            .any(|field| field.field.deprecated)
    });
    let allow = uses_deprecated.then(|| quote!(#![allow(deprecated)]));
    let has_states = operations
        .iter()
        .any(|op| !op.required_setters().is_empty());
    let states_import = has_states.then(|| {
        quote! {
            use crate::operations::params;
            use crate::runtime::required::{IsSet, Set, Unset};
        }
    });
    let methods = followed_by(TokenStream::new(), methods);
    let head = quote! {
        #module_doc
        #allow

        use crate::runtime::{Request, RequestOptions, Response};
        #states_import
        #types_import
        use crate::{Client, Error};

        impl Client {
            #methods
        }
    };
    followed_by(head, builders)
}

/// Whether the code of `op` names a type of `crate::types`.
pub(crate) fn uses_named_types(op: &Operation) -> bool {
    let named = |ty: &TypeRef| contains_named(ty);
    op.params.iter().any(|p| named(&p.ty))
        || op.body.as_ref().is_some_and(|b| named(&b.ty))
        || named(&op.success.data)
        || op
            .success
            .per_status
            .iter()
            .flat_map(|answers| &answers.variants)
            .any(|variant| named(&variant.data))
        || op
            .errors
            .iter()
            .flat_map(|errors| &errors.variants)
            .filter_map(|variant| variant.body.as_ref())
            .any(named)
}

fn contains_named(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(_) => true,
        TypeRef::Array(inner) | TypeRef::Map(inner) => contains_named(inner),
        TypeRef::Primitive(_) | TypeRef::FormattedDate { .. } => false,
    }
}

/// `client.get_expenses()`.
fn client_method(op: &Operation, api: &Api, crate_name: &str) -> TokenStream {
    let method = format_ident!("{}", op.method_name);
    let builder = format_ident!("{}", op.builder_name);
    let docs = doc_lines(&docs::method_doc(op, api, crate_name));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #docs
        #deprecated
        pub fn #method(&self) -> #builder {
            #builder::new(self.clone())
        }
    }
}
