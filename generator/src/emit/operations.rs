//! Operations: a request builder per operation and the `Client` method that starts it.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::operation_docs as docs;
use super::rust::{doc_lines, doc_text, inner_doc_lines, Paths};
use super::states::States;
use crate::model::{
    AnswerEnum, Api, Body, BodyEncoding, HttpMethod, Operation, Param, ParamLocation, ParamStyle,
    PathSegment, Payload, Primitive, Tag, TypeRef,
};
use crate::names;

/// The module of one tag: its builders and `Client` methods.
pub fn tag_module(api: &Api, tag: &Tag, paths: &Paths, crate_name: &str) -> TokenStream {
    let operations: Vec<&Operation> = api.operations_of(tag).collect();
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
    let module_doc = inner_doc_lines(&docs::tag_doc(tag));
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
            use super::params;
            use crate::runtime::required::{IsSet, Set, Unset};
        }
    });
    quote! {
        #module_doc
        #allow

        use crate::runtime::{Request, RequestOptions, Response};
        #states_import
        #types_import
        use crate::{Client, Error};

        impl Client {
            #(#methods)*
        }

        #(#builders)*
    }
}

fn uses_named_types(op: &Operation) -> bool {
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
fn builder(op: &Operation, paths: &Paths, api: &Api) -> TokenStream {
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
    }
}

/// `send`, the paging methods, and `into_request`, which they and the runtime's escape hatches
/// share.
fn sending_methods(op: &Operation, paths: &Paths, api: &Api, states: &States) -> TokenStream {
    let response_ty = match &op.success.per_status {
        Some(answers) => {
            let name = format_ident!("{}", answers.name);
            quote!(#name)
        }
        None => paths.ty(&op.success.data),
    };
    let into_request = into_request_body(op, paths);
    // Every builder's `into_request` has the signature `operation_builder!` calls, even where
    // nothing in it can fail.
    let infallible = op.required_setters().is_empty()
        && op.params.iter().all(is_text)
        && op
            .body
            .as_ref()
            .is_none_or(|body| body.encoding == BodyEncoding::Raw);
    let allow_infallible = infallible.then(|| quote!(#[allow(clippy::unnecessary_wraps)]));
    let decoder = success_decoder(op, api);
    let send_docs = doc_lines(&docs::send_doc(op));
    let paging = paging_methods(op, paths, states);
    let ready = states.ready();
    quote! {
        #send_docs
        pub async fn send(self) -> Result<Response<#response_ty>, Error> #ready {
            let (client, request) = self.into_request()?;
            client.execute(request, #decoder).await
        }

        #paging

        /// The request this builder describes, and the client to send it with.
        #allow_infallible
        fn into_request(self) -> Result<(Client, Request), Error> {
            #into_request
        }
    }
}

/// `.pages()` and `.stream()` for an operation that answers with one page of a list.
fn paging_methods(op: &Operation, paths: &Paths, states: &States) -> Option<TokenStream> {
    let paging = op.paging.as_ref()?;
    let ready = states.ready();
    let item = paths.ty(&paging.item);
    let page = format_ident!("{}", paging.page_setter);
    let per_page = match &paging.per_page_setter {
        Some(setter) => {
            let setter = format_ident!("{}", setter);
            quote!(self.#setter)
        }
        None => quote!(None),
    };
    Some(quote! {
        /// Every page of the list, from the page set on this builder (or the first), each
        /// fetched when the stream is polled. The stream ends after the last page or the first
        /// error; no page is fetched twice.
        pub fn pages(self) -> impl futures::Stream<Item = Result<Response<Vec<#item>>, Error>> + Send + 'static #ready {
            let first = self.#page.unwrap_or(1);
            let per_page = #per_page;
            crate::runtime::paginate::pages(first, per_page, move |page| self.clone().#page(page).send())
        }

        /// Every item of the list over all pages, one page held at a time. Cap it with
        /// `futures::StreamExt::take`.
        pub fn stream(self) -> impl futures::Stream<Item = Result<#item, Error>> + Send + 'static #ready {
            crate::runtime::paginate::items(self.pages())
        }
    })
}

/// The setter of one parameter or body property. A required one changes the builder's type
/// (its state becomes [`Set`]); an optional one keeps it.
fn setter(
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

/// The statements of `into_request`: check that every required value is set, then build the
/// request from the builder's members.
fn into_request_body(op: &Operation, paths: &Paths) -> TokenStream {
    let method = method_tokens(op.http_method);
    let id = &op.id;
    let template = &op.path;
    let mut statements = vec![required_values(op)];
    statements.push(quote!(let mut request = Request::new(#method, #id, #template);));

    for segment in &op.segments {
        match segment {
            PathSegment::Param(name) => {
                let Some(param) = op
                    .params
                    .iter()
                    .find(|p| p.location == ParamLocation::Path && p.wire_name == *name)
                else {
                    continue;
                };
                let ident = format_ident!("{}", param.rust_name);
                statements.push(param_statement(param, &quote!(#ident), paths));
            }
            PathSegment::Literal(literal) => {
                statements.push(quote!(request.segment(#literal);));
            }
        }
    }

    for param in op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
    {
        let ident = format_ident!("{}", param.rust_name);
        statements.push(if param.required {
            param_statement(param, &quote!(#ident), paths)
        } else {
            let add = param_statement(param, &quote!(value), paths);
            quote! {
                if let Some(value) = self.#ident {
                    #add
                }
            }
        });
    }

    if let Some(body) = &op.body {
        statements.push(body_statements(body, paths));
    }
    statements.push(quote! {
        request.options(self.options);
        Ok((self.client, request))
    });
    quote!(#(#statements)*)
}

/// Takes every required value out of the builder into a local of its setter's name, or
/// returns [`Error::MissingParameter`] naming every one that is not set. Whatever sends
/// compiles only once all are set, so this never fails through the builder's methods; it
/// checks rather than unwraps all the same.
fn required_values(op: &Operation) -> TokenStream {
    let setters = op.required_setters();
    let id = &op.id;
    let idents: Vec<_> = setters.iter().map(|s| format_ident!("{}", s)).collect();
    match idents.as_slice() {
        [] => quote!(),
        [ident] => {
            let name = setters[0];
            quote! {
                let Some(#ident) = self.#ident else {
                    return Err(Error::missing(#id, &[(#name, true)]));
                };
            }
        }
        _ => {
            let names = setters.iter();
            quote! {
                let (#(#idents,)*) = match (#(self.#idents,)*) {
                    (#(Some(#idents),)*) => (#(#idents,)*),
                    (#(#idents,)*) => {
                        return Err(Error::missing(#id, &[#((#names, #idents.is_none()),)*]));
                    }
                };
            }
        }
    }
}

/// The runtime function that reads a successful answer of the operation into its type.
fn success_decoder(op: &Operation, api: &Api) -> TokenStream {
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
fn json_decoder(op: &Operation, api: &Api) -> TokenStream {
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
fn decoder(payload: Payload, data: &TypeRef, api: &Api) -> TokenStream {
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
fn answer_enum(op: &Operation, answers: &AnswerEnum, paths: &Paths, api: &Api) -> TokenStream {
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

fn body_statements(body: &Body, paths: &Paths) -> TokenStream {
    let write = match body.encoding {
        BodyEncoding::Json => quote!(json),
        BodyEncoding::Form => quote!(form),
        BodyEncoding::Multipart => return multipart_statements(body, paths),
        BodyEncoding::Raw => {
            let media = &body.media_type;
            return if body.required {
                quote!(request.raw(body, #media);)
            } else {
                quote! {
                    if let Some(body) = self.body {
                        request.raw(body, #media);
                    }
                }
            };
        }
    };
    if body.fields.is_empty() {
        return if body.required {
            quote!(request.#write(&body)?;)
        } else {
            quote! {
                if let Some(body) = self.body {
                    request.#write(&body)?;
                }
            }
        };
    }
    let body = body_struct(body, paths);
    quote! {
        #body
        request.#write(&body)?;
    }
}

/// `let body = Body { .. };` from the builder's body setters.
fn body_struct(body: &Body, paths: &Paths) -> TokenStream {
    let ty = paths.ty(&body.ty);
    let members = body.fields.iter().map(|field| {
        let member = format_ident!("{}", field.field.rust_name);
        let setter = format_ident!("{}", field.setter);
        // The builder holds a recursive field unboxed; the struct boxes it (see cycles.rs).
        let boxed = paths.std("Box");
        match (field.field.is_optional(), field.field.boxed) {
            (true, false) => quote!(#member: self.#setter,),
            (true, true) => quote!(#member: self.#setter.map(#boxed::new),),
            // Taken out of the builder by the required-values check.
            (false, false) if member == setter => quote!(#member,),
            (false, false) => quote!(#member: #setter,),
            (false, true) => quote!(#member: #boxed::new(#setter),),
        }
    });
    // Unnamed properties have no setter: only a body given whole with `.body(..)` has any.
    let extra = body.extra_field.as_ref().map(|name| {
        let member = format_ident!("{name}");
        quote!(#member: Default::default(),)
    });
    quote!(let body = #ty { #(#members)* #extra };)
}

/// A `multipart/form-data` body: the body struct, then one part per property (several for an
/// array), files for the `format: binary` ones.
fn multipart_statements(body: &Body, paths: &Paths) -> TokenStream {
    let build = body_struct(body, paths);
    let parts = body.fields.iter().map(|field| {
        let member = format_ident!("{}", field.field.rust_name);
        let wire = &field.field.wire_name;
        let is_file = match &field.field.ty {
            TypeRef::Primitive(Primitive::Bytes) => true,
            TypeRef::Array(item) => **item == TypeRef::Primitive(Primitive::Bytes),
            _ => false,
        };
        if is_file {
            let content_type = match body.part_types.iter().find(|(name, _)| name == wire) {
                Some((_, media)) => quote!(Some(#media)),
                None => quote!(None),
            };
            quote!(form.files(#wire, body.#member, #content_type);)
        } else {
            quote!(form.value(#wire, &body.#member)?;)
        }
    });
    quote! {
        #build
        let mut form = crate::runtime::Multipart::new();
        #(#parts)*
        request.multipart(form);
    }
}

/// The statement that adds one parameter's `value` to the request. A scalar that is written as
/// its own text in its style (a string without a copy, a number, an enum, an id, a date in its
/// format) is added as that text; anything else (arrays, objects, maps, unions, label and
/// matrix segments, cookies, JSON content) goes through the runtime's `param_style`.
pub(crate) fn param_statement(param: &Param, value: &TokenStream, paths: &Paths) -> TokenStream {
    let wire = &param.wire_name;
    if is_text(param) {
        let text = to_text(value, &param.ty, paths);
        match param.location {
            ParamLocation::Path => return quote!(request.segment(#text);),
            ParamLocation::Query => return quote!(request.query(#wire, #text);),
            ParamLocation::Header => return quote!(request.header(#wire, #text);),
            // Cookie values are encoded by the runtime (`is_text` says no to them).
            ParamLocation::Cookie => {}
        }
    }
    let add = match param.location {
        ParamLocation::Path => quote!(segment_value),
        ParamLocation::Query => quote!(query_value),
        ParamLocation::Header => quote!(header_value),
        ParamLocation::Cookie => quote!(cookie_value),
    };
    // Dates keep the text the spec's format (or RFC 3339) gives them, in lists too.
    let prepared = match &param.ty {
        TypeRef::Primitive(Primitive::DateTime) | TypeRef::FormattedDate { .. } => {
            let text = to_text(value, &param.ty, paths);
            quote!(&#text)
        }
        TypeRef::Array(item)
            if matches!(
                **item,
                TypeRef::Primitive(Primitive::DateTime) | TypeRef::FormattedDate { .. }
            ) =>
        {
            let text = match **item {
                TypeRef::Primitive(Primitive::DateTime) => quote!(chrono::DateTime::to_rfc3339),
                _ => {
                    let text = to_text(&quote!(item), item, paths);
                    quote!(|item| #text)
                }
            };
            quote!(&#value.iter().map(#text).collect::<Vec<String>>())
        }
        _ => quote!(&#value),
    };
    let style = format_ident!("{}", param.style.runtime_name());
    let explode = param.explode;
    quote!(request.#add(#wire, #prepared, crate::runtime::Style::#style, #explode)?;)
}

/// Whether a parameter is added to the request as its value's own text: a scalar in a style
/// that writes a scalar as itself, outside a cookie.
fn is_text(param: &Param) -> bool {
    let plain_style = !matches!(
        param.style,
        ParamStyle::Label | ParamStyle::Matrix | ParamStyle::Json
    );
    plain_style && param.location != ParamLocation::Cookie && param.scalar
}

/// How a scalar parameter value becomes the text of a path segment, query value or header.
fn to_text(value: &TokenStream, ty: &TypeRef, paths: &Paths) -> TokenStream {
    match ty {
        TypeRef::Primitive(Primitive::DateTime) => quote!(#value.to_rfc3339()),
        TypeRef::FormattedDate { format, .. } => {
            let module = paths.format_module(format);
            quote!(crate::runtime::FormattedDate::to_formatted(&#value, #module::FORMAT))
        }
        // Already text: no conversion (and no copy).
        TypeRef::Primitive(Primitive::String) => value.clone(),
        _ => quote!(#value.to_string()),
    }
}

fn method_tokens(method: HttpMethod) -> TokenStream {
    let ident = format_ident!("{}", method.as_str());
    quote!(reqwest::Method::#ident)
}
