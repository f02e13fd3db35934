//! The request builder of an operation: its struct, its setters and its type's states.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::answers::{answer_enum, json_decoder};
use super::sending::sending_methods;
use crate::emit::operation_docs as docs;
use crate::emit::rust::{doc_lines, doc_text, Paths};
use crate::emit::states::States;
use crate::model::{Api, Body, Operation, TypeRef};

/// One value a builder holds until it sends: a parameter, a body property, or the whole body.
pub(crate) struct Value {
    /// The member, which is also its setter.
    pub(crate) ident: Ident,
    /// Its Rust type.
    pub(crate) ty: TokenStream,
    /// Its setter's rustdoc.
    pub(crate) doc: String,
}

/// The values of `op`'s builder, in the order of their setters.
pub(crate) fn values(op: &Operation, paths: &Paths) -> Vec<Value> {
    let value = |ident: &str, ty: &TypeRef, doc: String| Value {
        ident: format_ident!("{}", ident),
        ty: paths.ty(ty),
        doc,
    };
    let mut values: Vec<Value> = op
        .params
        .iter()
        .map(|param| value(&param.rust_name, &param.ty, docs::param_doc(param)))
        .collect();
    match &op.body {
        Some(body) if body.fields.is_empty() => {
            values.push(value("body", &body.ty, "The request body.".into()));
        }
        Some(body) => values.extend(body.fields.iter().map(|field| {
            let fallback = format!("The `{}` property of the body.", field.field.wire_name);
            let doc = doc_text(&field.field.docs, &fallback);
            value(&field.setter, &field.field.ty, doc)
        })),
        None => {}
    }
    values
}

/// The builder type of one operation: the struct, its setters, `send` and the rest.
pub(super) fn builder(op: &Operation, paths: &Paths, api: &Api) -> TokenStream {
    let name = format_ident!("{}", op.builder_name);
    let states = States::of(op);
    let docs = doc_lines(&format!(
        "A `{} {}` request; made by [`Client::{}`].",
        op.http_method.as_str(),
        op.path,
        op.method_name
    ));
    let option = paths.std("Option");
    let values = values(op, paths);
    let members = values
        .iter()
        .map(|Value { ident, ty, .. }| quote!(#ident: #option<#ty>,));
    let inits = values
        .iter()
        .map(|Value { ident, .. }| quote!(#ident: None,));
    let fields: Vec<Ident> = values.iter().map(|value| value.ident.clone()).collect();
    let mut setters: Vec<TokenStream> = values
        .iter()
        .map(|value| setter(&name, &states, &value.ident, &value.ty, &value.doc))
        .collect();
    if let Some(body) = op.body.as_ref().filter(|body| !body.fields.is_empty()) {
        setters.push(whole_body_setter(&name, &states, body, paths));
    }
    let answer_enum = op
        .success
        .per_status
        .as_ref()
        .map(|answers| answer_enum(op, answers, paths, api));
    let error_enum = op
        .errors
        .as_ref()
        .map(|errors| super::errors::error_enum(op, errors, paths));
    let sending = sending_methods(op, paths, api, &states);
    let (declared, generics) = (states.declared(), states.generics());
    let (state_member, state_init) = (states.member(), states.init());
    let restate = states.restate(&name, &fields);
    let new = quote! {
        fn new(client: Client) -> Self {
            Self { client, options: RequestOptions::new(), #(#inits)* #state_init }
        }
    };
    // `new` starts with every state unset, so it is not generic; without states it joins the
    // one impl.
    let (new_alone, new_within) = if states.is_empty() {
        (None, Some(new))
    } else {
        (Some(quote!(impl #name { #new })), None)
    };
    let macro_states = states.for_macro();
    let json_decoder = json_decoder(op, api);
    quote! {
        #answer_enum

        #docs
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent with `.send()`"]
        pub struct #name #declared {
            client: Client,
            options: RequestOptions,
            #(#members)*
            #state_member
        }

        #new_alone

        impl #generics #name #generics {
            #new_within

            #(#setters)*

            #restate

            #sending
        }

        crate::runtime::operation_builder!(#name #macro_states, #json_decoder);

        #error_enum
    }
}

/// The setter of one parameter or body property. A required one changes the builder's type
/// (its state becomes [`Set`]); an optional one keeps it.
pub(super) fn setter(
    builder: &Ident,
    states: &States,
    ident: &Ident,
    ty: &TokenStream,
    text: &str,
) -> TokenStream {
    let docs = doc_lines(text);
    let setter = ident.to_string();
    if states.tracks(&setter) {
        let next = states.after_setting(builder, |name| name == setter);
        return quote! {
            #docs
            pub fn #ident(self, value: impl Into<#ty>) -> #next {
                let mut next = self.restate();
                next.#ident = Some(value.into());
                next
            }
        };
    }
    quote! {
        #docs
        pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
            self.#ident = Some(value.into());
            self
        }
    }
}

/// `.body(CreateExpenseRequest { .. })`: sets every body property from one value, and so
/// every required one.
fn whole_body_setter(builder: &Ident, states: &States, body: &Body, paths: &Paths) -> TokenStream {
    let ty = paths.ty(&body.ty);
    let body_setters: Vec<&str> = body.fields.iter().map(|f| f.setter.as_str()).collect();
    if body_setters.iter().any(|setter| states.tracks(setter)) {
        let next = states.after_setting(builder, |name| body_setters.contains(&name));
        let assignments = body_assignments(body, &format_ident!("next"));
        return quote! {
            /// Sets the whole body at once, replacing any property set before.
            pub fn body(self, body: #ty) -> #next {
                let mut next = self.restate();
                #(#assignments)*
                next
            }
        };
    }
    let assignments = body_assignments(body, &format_ident!("self"));
    quote! {
        /// Sets the whole body at once, replacing any property set before.
        pub fn body(mut self, body: #ty) -> Self {
            #(#assignments)*
            self
        }
    }
}

/// `target.setter = body.member;` for every property of the body.
fn body_assignments(body: &Body, target: &Ident) -> Vec<TokenStream> {
    body.fields
        .iter()
        .map(|field| {
            let setter = format_ident!("{}", field.setter);
            let member = format_ident!("{}", field.field.rust_name);
            // The builder holds a recursive field unboxed (see `body_struct`).
            match (field.field.is_optional(), field.field.boxed) {
                (true, false) => quote!(#target.#setter = body.#member;),
                (true, true) => quote!(#target.#setter = body.#member.map(|value| *value);),
                (false, false) => quote!(#target.#setter = Some(body.#member);),
                (false, true) => quote!(#target.#setter = Some(*body.#member);),
            }
        })
        .collect()
}
