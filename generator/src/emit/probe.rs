//! The usage probe of `cargo xtask spec-diff --verify`: a library that uses every public item
//! of a generated crate the way code written against it does, so that compiling it against the
//! next version of the crate answers "does code using the previous crate keep compiling?".
//!
//! It is written from the old model and reaches the crate under the name `api` (a renamed
//! dependency), so the same source compiles against either version. Every value comes in as a
//! function argument of the old type: a user holds values of the types the crate gave them,
//! and an argument cannot be re-inferred the way a literal can.
//!
//! What it does, item by item:
//! - every operation: the client method, every setter (and the whole-body `.body(..)` in a call
//!   of its own), the builder's type named with its states, `.pages()`/`.stream()`, `.send()`
//!   with the answer's type named;
//! - every struct: built with a literal (structs are constructible) and every field read with
//!   its type named;
//! - every enum and union: every variant built and matched (with the wildcard arm
//!   `#[non_exhaustive]` asks for), its fallback included;
//! - every other type (aliases, ids, external types): named;
//! - every error enum (`api::errors::<Builder>Error`): every variant matched, its body's type
//!   and its status named.
//!
//! It is never part of the published crate: `spec-diff --verify` writes it beside the crates
//! it compiles.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::operations::values;
use super::rust::{inner_doc_lines, Paths};
use super::states::States;
use super::types::{extra_member, field_type, variant_type};
use crate::model::{Api, ErrorStatus, Field, Operation, TypeDef, TypeKind, TypeRef, Variant};
use crate::names;

/// The name the probe reaches the crate by.
pub const CRATE_ALIAS: &str = "api";

/// The probe's `lib.rs`.
pub fn probe_rs(api: &Api) -> TokenStream {
    let paths = Paths::in_tests(std::collections::BTreeMap::new(), CRATE_ALIAS);
    let types = api.types.iter().map(|def| type_uses(def, &paths));
    let operations = api
        .operations
        .iter()
        .map(|op| operation_uses(op, api, &paths));
    let errors = api
        .operations
        .iter()
        .filter_map(|op| error_uses(op, &paths));
    let docs = inner_doc_lines(
        "Uses every public item of the previous crate as its users do; `spec-diff --verify`\ncompiles it against the next one.",
    );
    quote! {
        #docs
        // What a user's code may do without breaking: use deprecated items, leave values unused.
        #![allow(deprecated, unused, clippy::all, clippy::pedantic)]

        use api::{chrono, serde_json, uuid};
        use api::types;
        use api::required::Set;

        #(#types)*
        #(#operations)*
        #(#errors)*
    }
}

/// The function that matches every variant of the operation's error enum, when it has one.
fn error_uses(op: &Operation, paths: &Paths) -> Option<TokenStream> {
    let errors = op.errors.as_ref()?;
    let name = format_ident!("{}", errors.name);
    let uses = format_ident!("match_{}", names::snake(&errors.name));
    let arms = errors.variants.iter().map(|variant| {
        let ident = format_ident!("{}", variant.name);
        let body = variant.body.as_ref().map(|body| paths.ty(body));
        match (variant.status, body) {
            (ErrorStatus::Code(_), None) => quote!(api::errors::#name::#ident => {}),
            (ErrorStatus::Code(_), Some(ty)) => {
                quote!(api::errors::#name::#ident(body) => { let _: #ty = body; })
            }
            (_, None) => quote!(api::errors::#name::#ident { status } => { let _: api::StatusCode = status; }),
            (_, Some(ty)) => quote! {
                api::errors::#name::#ident { status, body } => {
                    let _: api::StatusCode = status;
                    let _: #ty = body;
                }
            },
        }
    });
    Some(quote! {
        pub fn #uses(error: api::errors::#name) {
            match error {
                #(#arms)*
                _ => {}
            }
        }
    })
}

/// The functions that use one named type.
fn type_uses(def: &TypeDef, paths: &Paths) -> TokenStream {
    let name = format_ident!("{}", def.name);
    let snake = names::snake(&def.name);
    match &def.kind {
        TypeKind::Struct {
            fields,
            keeps_extra,
            extra_type,
        } => {
            let members = struct_members(fields, *keeps_extra, extra_type.as_ref(), paths);
            struct_uses(&name, &snake, &members)
        }
        TypeKind::StringEnum { variants, fallback } => {
            value_enum_uses(&name, &snake, &variant_idents(variants), fallback)
        }
        TypeKind::IntegerEnum { variants, fallback } => {
            value_enum_uses(&name, &snake, &variant_idents(variants), fallback)
        }
        TypeKind::Union {
            variants, fallback, ..
        } => {
            let arms: Vec<(Ident, TokenStream)> = variants
                .iter()
                .map(|v| (format_ident!("{}", v.name), variant_type(v, paths)))
                .collect();
            union_uses(&name, &snake, &arms, fallback)
        }
        TypeKind::Alias(_) | TypeKind::External(_) | TypeKind::Id { .. } => {
            let uses = format_ident!("name_{}", snake);
            quote! {
                pub fn #uses(value: types::#name) -> types::#name {
                    value
                }
            }
        }
    }
}

/// The Rust names of an enum's variants.
fn variant_idents<V>(variants: &[Variant<V>]) -> Vec<Ident> {
    variants
        .iter()
        .map(|variant| format_ident!("{}", variant.name))
        .collect()
}

/// A struct's members as a user sees them: each field's name and Rust type, `extra` included.
fn struct_members(
    fields: &[Field],
    keeps_extra: bool,
    extra_type: Option<&TypeRef>,
    paths: &Paths,
) -> Vec<(Ident, TokenStream)> {
    let mut members: Vec<(Ident, TokenStream)> = fields
        .iter()
        .map(|field| {
            (
                format_ident!("{}", field.rust_name),
                field_type(field, paths),
            )
        })
        .collect();
    members.extend(extra_member(fields, keeps_extra, extra_type, paths));
    members
}

/// `build_x` (a struct literal of every member) and `read_x` (every member read, its type
/// named).
fn struct_uses(name: &Ident, snake: &str, members: &[(Ident, TokenStream)]) -> TokenStream {
    let build = format_ident!("build_{}", snake);
    let read = format_ident!("read_{}", snake);
    let arguments = members.iter().map(|(ident, ty)| quote!(#ident: #ty));
    let idents: Vec<&Ident> = members.iter().map(|(ident, _)| ident).collect();
    let reads = members
        .iter()
        .map(|(ident, ty)| quote!(let #ident: &#ty = &value.#ident;));
    quote! {
        pub fn #build(#(#arguments),*) -> types::#name {
            types::#name { #(#idents),* }
        }

        pub fn #read(value: &types::#name) {
            #(#reads)*
        }
    }
}

/// `build_x` (every variant, the fallback included) and `match_x` (a match as users must
/// write it: the enum is `#[non_exhaustive]`, so with a wildcard arm).
fn value_enum_uses(name: &Ident, snake: &str, variants: &[Ident], fallback: &str) -> TokenStream {
    let build = format_ident!("build_{}", snake);
    let matches = format_ident!("match_{}", snake);
    let fallback = format_ident!("{}", fallback);
    let count = variants.len() + 1;
    let indices = 0..variants.len();
    quote! {
        pub fn #build() -> [types::#name; #count] {
            [#(types::#name::#variants,)* types::#name::#fallback(Default::default())]
        }

        pub fn #matches(value: &types::#name) -> usize {
            match value {
                #(types::#name::#variants => #indices,)*
                types::#name::#fallback(_) => #count,
                _ => usize::MAX,
            }
        }
    }
}

/// `build_x_<variant>` for every alternative, and `match_x`: a match as users must write it
/// (unions are `#[non_exhaustive]`), every alternative's type named.
fn union_uses(
    name: &Ident,
    snake: &str,
    arms: &[(Ident, TokenStream)],
    fallback: &str,
) -> TokenStream {
    let matches = format_ident!("match_{}", snake);
    let fallback = format_ident!("{}", fallback);
    let builds = arms.iter().map(|(variant, ty)| {
        let build = format_ident!("build_{}_{}", snake, names::snake(&variant.to_string()));
        quote! {
            pub fn #build(value: #ty) -> types::#name {
                types::#name::#variant(value)
            }
        }
    });
    let match_arms = arms
        .iter()
        .map(|(variant, ty)| quote!(types::#name::#variant(inner) => { let inner: &#ty = inner; }));
    quote! {
        #(#builds)*

        pub fn #matches(value: &types::#name) {
            match value {
                #(#match_arms)*
                types::#name::#fallback(inner) => { let inner: &serde_json::Value = inner; }
                _ => {}
            }
        }
    }
}

/// `call_x`: the operation with every setter, its builder's type named once all required ones
/// are set, its answer's type named; and `call_x_with_body` through the whole-body setter.
fn operation_uses(op: &Operation, api: &Api, paths: &Paths) -> TokenStream {
    let snake = names::snake(&op.method_name);
    let method = format_ident!("{}", op.method_name);
    let builder = builder_type(op, api);
    let answer = answer_type(op, api, paths);
    let values = values(op, paths);
    let arguments = values.iter().map(|v| {
        let (ident, ty) = (&v.ident, &v.ty);
        quote!(#ident: #ty)
    });
    let setters = values.iter().map(|v| {
        let ident = &v.ident;
        quote!(.#ident(#ident))
    });
    let paging = op.paging.as_ref().map(|_| {
        quote! {
            let pages = builder.clone().pages();
            let stream = builder.clone().stream();
        }
    });
    let call = format_ident!("call_{}", snake);
    let whole_body = op
        .body
        .as_ref()
        .filter(|body| !body.fields.is_empty())
        .map(|body| {
            let call = format_ident!("call_{}_with_body", snake);
            let ty = paths.ty(&body.ty);
            let others = op.params.iter().map(|param| {
                let ident = format_ident!("{}", param.rust_name);
                let ty = paths.ty(&param.ty);
                (quote!(#ident: #ty), quote!(.#ident(#ident)))
            });
            let (arguments, setters): (Vec<_>, Vec<_>) = others.unzip();
            quote! {
                pub async fn #call(client: &api::Client, #(#arguments,)* body: #ty) -> Result<api::Response<#answer>, api::Error> {
                    let builder: #builder = client.#method() #(#setters)* .body(body);
                    builder.send().await
                }
            }
        });
    quote! {
        pub async fn #call(client: &api::Client, #(#arguments),*) -> Result<api::Response<#answer>, api::Error> {
            let builder: #builder = client.#method() #(#setters)*;
            #paging
            builder.send().await
        }

        #whole_body
    }
}

/// The builder's type once every required value is set: `api::operations::items::CreateItem<Set>`.
fn builder_type(op: &Operation, api: &Api) -> TokenStream {
    let module = tag_module(op, api);
    let name = format_ident!("{}", op.builder_name);
    let states = States::of(op);
    if states.is_empty() {
        return quote!(api::operations::#module::#name);
    }
    let sets = op.required_states().into_iter().map(|_| quote!(Set));
    quote!(api::operations::#module::#name<#(#sets),*>)
}

/// The type of `send`'s answer data.
fn answer_type(op: &Operation, api: &Api, paths: &Paths) -> TokenStream {
    match &op.success.per_status {
        Some(answers) => {
            let module = tag_module(op, api);
            let name = format_ident!("{}", answers.name);
            quote!(api::operations::#module::#name)
        }
        None => paths.ty(&op.success.data),
    }
}

/// The module of the operation's tag.
fn tag_module(op: &Operation, api: &Api) -> Ident {
    let module = api
        .tags
        .iter()
        .find(|tag| tag.name == op.tag)
        .map_or(op.tag.as_str(), |tag| tag.module.as_str());
    format_ident!("{}", module)
}
