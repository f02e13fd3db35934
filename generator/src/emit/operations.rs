//! Operations: a request builder per operation and the `Client` method that starts it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust::{doc_lines, doc_text, inner_doc_lines, Paths};
use crate::model::{
    AnswerEnum, Api, Body, BodyEncoding, HttpMethod, Operation, Param, ParamLocation, PathSegment,
    Payload, Primitive, Tag, TypeRef,
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
    let module_doc = inner_doc_lines(&tag_doc(tag));
    // Builders fill deprecated body properties too: the deprecation is for the callers.
    let uses_deprecated = operations.iter().any(|op| {
        op.body
            .iter()
            .flat_map(|body| &body.fields)
            .any(|field| field.field.deprecated)
    });
    let allow = uses_deprecated.then(|| quote!(#![allow(deprecated)]));
    quote! {
        #module_doc
        #allow

        use crate::runtime::{Request, RequestOptions, Response};
        #types_import
        use crate::{Client, Error};

        impl Client {
            #(#methods)*
        }

        #(#builders)*
    }
}

fn tag_doc(tag: &Tag) -> String {
    match &tag.description {
        Some(description) => format!("{}: {}", tag.name, description.trim()),
        None => format!("Operations tagged {}.", tag.name),
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
    let mut text = doc_text(&op.docs, &op.id);
    text.push_str(&format!(
        "\n\n`{} {}` (operation `{}`). Set the parameters on the returned [`{}`], then call [`.send()`]({}::send){}.",
        op.http_method.as_str(),
        op.path,
        op.id,
        op.builder_name,
        op.builder_name,
        if op.paging.is_some() {
            format!(
                ", or page through the list with [`.pages()`]({b}::pages) or [`.stream()`]({b}::stream)",
                b = op.builder_name
            )
        } else {
            String::new()
        }
    ));
    let mut params: Vec<String> = op
        .params
        .iter()
        .map(|p| {
            param_line(
                &p.rust_name,
                p.location.as_str(),
                p.required,
                &p.docs,
                &p.constraints,
                p.default.as_deref(),
            )
        })
        .collect();
    if let Some(body) = &op.body {
        if body.fields.is_empty() {
            params.push(format!(
                "- `body` ({} body, {}): {}.",
                body.media_type,
                if body.required {
                    "required"
                } else {
                    "optional"
                },
                super::examples::data_doc(&body.ty)
            ));
        } else {
            for field in &body.fields {
                let default = field.field.default.as_ref().map(ToString::to_string);
                params.push(param_line(
                    &field.setter,
                    "body",
                    !field.field.is_optional(),
                    &field.field.docs,
                    &[],
                    default.as_deref(),
                ));
            }
        }
    }
    if !params.is_empty() {
        text.push_str("\n\n# Parameters\n\n");
        text.push_str(&params.join("\n"));
    }
    let returned = match &op.success.per_status {
        Some(answers) => format!("a [`{}`], one variant per success status", answers.name),
        None => super::examples::data_doc(&op.success.data),
    };
    text.push_str(&format!(
        "\n\n# Returns\n\nA [`Response`] whose `data` is {returned}."
    ));
    text.push_str(&format!("\n\n# Errors\n\n{}", errors_doc(op)));
    let (example, placeholders) = super::examples::doc_example(op, api, crate_name);
    text.push_str(&format!("\n\n# Example\n\n{example}"));
    if placeholders {
        text.push_str(
            "\n\nThe spec gives no example for some required values; the ones above are placeholders.",
        );
    }
    let docs = doc_lines(&text);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #docs
        #deprecated
        pub fn #method(&self) -> #builder {
            #builder::new(self.clone())
        }
    }
}

/// The builder type of one operation.
fn builder(op: &Operation, paths: &Paths, api: &Api) -> TokenStream {
    let name = format_ident!("{}", op.builder_name);
    let docs = doc_lines(&format!(
        "A `{} {}` request; made by [`Client::{}`].",
        op.http_method.as_str(),
        op.path,
        op.method_name
    ));
    let option = paths.std("Option");

    let mut members = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for param in &op.params {
        let ident = format_ident!("{}", param.rust_name);
        let ty = paths.ty(&param.ty);
        members.push(quote!(#ident: #option<#ty>,));
        inits.push(quote!(#ident: None,));
        setters.push(setter(&ident, &ty, &param_doc(param)));
    }
    if let Some(body) = &op.body {
        if body.fields.is_empty() {
            let ty = paths.ty(&body.ty);
            members.push(quote!(body: #option<#ty>,));
            inits.push(quote!(body: None,));
            setters.push(setter(&format_ident!("body"), &ty, "The request body."));
        } else {
            for field in &body.fields {
                let ident = format_ident!("{}", field.setter);
                let ty = paths.ty(&field.field.ty);
                members.push(quote!(#ident: #option<#ty>,));
                inits.push(quote!(#ident: None,));
                let text = doc_text(
                    &field.field.docs,
                    &format!("The `{}` property of the body.", field.field.wire_name),
                );
                setters.push(setter(&ident, &ty, &text));
            }
            setters.push(whole_body_setter(body, paths));
        }
    }

    let response_ty = match &op.success.per_status {
        Some(answers) => {
            let name = format_ident!("{}", answers.name);
            quote!(#name)
        }
        None => paths.ty(&op.success.data),
    };
    let answer_enum = op
        .success
        .per_status
        .as_ref()
        .map(|answers| answer_enum(op, answers, paths, api));
    let into_request = into_request_body(op, paths);
    // Every builder's `into_request` has the signature `operation_builder!` calls, even where
    // nothing in it can fail.
    let infallible = required_setters(op).is_empty()
        && op
            .body
            .as_ref()
            .is_none_or(|body| body.encoding == BodyEncoding::Raw);
    let allow_infallible = infallible.then(|| quote!(#[allow(clippy::unnecessary_wraps)]));
    let decoder = success_decoder(op, api);
    let json_decoder = json_decoder(op, api);
    let send_docs = doc_lines(&send_doc(op));
    let paging = paging_methods(op, paths);
    quote! {
        #answer_enum

        #docs
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent with `.send()`"]
        pub struct #name {
            client: Client,
            options: RequestOptions,
            #(#members)*
        }

        impl #name {
            fn new(client: Client) -> Self {
                Self { client, options: RequestOptions::new(), #(#inits)* }
            }

            #(#setters)*

            #send_docs
            pub async fn send(self) -> Result<Response<#response_ty>, Error> {
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

        crate::runtime::operation_builder!(#name, #json_decoder);
    }
}

/// `.pages()` and `.stream()` for an operation that answers with one page of a list.
fn paging_methods(op: &Operation, paths: &Paths) -> Option<TokenStream> {
    let paging = op.paging.as_ref()?;
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
        pub fn pages(self) -> impl futures::Stream<Item = Result<Response<Vec<#item>>, Error>> + Send + 'static {
            let first = self.#page.unwrap_or(1);
            let per_page = #per_page;
            crate::runtime::paginate::pages(first, per_page, move |page| self.clone().#page(page).send())
        }

        /// Every item of the list over all pages, one page held at a time. Cap it with
        /// `futures::StreamExt::take`.
        pub fn stream(self) -> impl futures::Stream<Item = Result<#item, Error>> + Send + 'static {
            crate::runtime::paginate::items(self.pages())
        }
    })
}

fn setter(ident: &proc_macro2::Ident, ty: &TokenStream, text: &str) -> TokenStream {
    let docs = doc_lines(text);
    quote! {
        #docs
        pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
            self.#ident = Some(value.into());
            self
        }
    }
}

/// `.body(CreateExpenseRequest { .. })`: sets every body property from one value.
fn whole_body_setter(body: &Body, paths: &Paths) -> TokenStream {
    let ty = paths.ty(&body.ty);
    let assignments = body.fields.iter().map(|field| {
        let setter = format_ident!("{}", field.setter);
        let member = format_ident!("{}", field.field.rust_name);
        if field.field.is_optional() {
            quote!(self.#setter = body.#member;)
        } else {
            quote!(self.#setter = Some(body.#member);)
        }
    });
    quote! {
        /// Sets the whole body at once, replacing any property set before.
        pub fn body(mut self, body: #ty) -> Self {
            #(#assignments)*
            self
        }
    }
}

fn param_doc(param: &Param) -> String {
    let mut text = doc_text(
        &param.docs,
        &format!("The `{}` parameter.", param.wire_name),
    );
    let place = param.location.as_str();
    let mut facts = vec![format!(
        "{} `{}` in the {place}",
        if param.required {
            "Required"
        } else {
            "Optional"
        },
        param.wire_name
    )];
    facts.extend(param.constraints.iter().cloned());
    if let Some(default) = &param.default {
        facts.push(format!("default `{default}`"));
    }
    if let Some(example) = &param.example {
        facts.push(format!("example `{example}`"));
    }
    text.push_str(&format!("\n\n{}.", facts.join("; ")));
    text
}

/// One line of a method's parameter list: name, place, whether required, the spec's words,
/// constraints and default.
fn param_line(
    name: &str,
    place: &str,
    required: bool,
    docs: &crate::model::Docs,
    constraints: &[String],
    default: Option<&str>,
) -> String {
    let words = docs
        .description
        .as_deref()
        .or(docs.summary.as_deref())
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let mut line = format!(
        "- `{name}` ({place}, {})",
        if required { "required" } else { "optional" }
    );
    if !words.is_empty() {
        line.push_str(": ");
        line.push_str(words.trim_end_matches('.'));
    }
    let mut facts: Vec<String> = constraints.to_vec();
    if let Some(default) = default {
        facts.push(format!("default `{default}`"));
    }
    if !facts.is_empty() {
        line.push_str(&format!(" ({})", facts.join("; ")));
    }
    line.push('.');
    line
}

/// The errors of an operation: which statuses the spec documents, as [`Error`] variants.
fn errors_doc(op: &Operation) -> String {
    let mut lines = vec![String::from(
        "Sending gives an [`Error`] when the request fails or the server refuses it:",
    )];
    if !required_setters(op).is_empty() {
        lines.push(
            "- [`Error::MissingParameter`] when required parameters are not set (it names each);"
                .into(),
        );
    }
    for status in &op.error_statuses {
        let variant = match status {
            401 => "[`Error::Unauthorized`]",
            403 => "[`Error::Forbidden`]",
            404 => "[`Error::NotFound`]",
            422 => "[`Error::Validation`] (see `field_errors()`)",
            429 => "[`Error::RateLimited`] (retried as the retry policy allows)",
            _ => "[`Error::Api`]",
        };
        lines.push(format!("- {variant} on `{status}`;"));
    }
    if !op.error_statuses.contains(&429) {
        lines.push(
            "- [`Error::RateLimited`] on `429` (after the retries the retry policy allows);".into(),
        );
    }
    lines.push("- [`Error::Transport`] or [`Error::Decode`] when no usable answer arrives.".into());
    lines.join("\n")
}

fn send_doc(op: &Operation) -> String {
    let mut text = String::from("Sends the request and decodes the answer.\n\n# Errors\n\n");
    let required: Vec<String> = required_setters(op)
        .iter()
        .map(|setter| format!("`{setter}`"))
        .collect();
    match required.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "[`Error::MissingParameter`] when {one} is not set. "
        )),
        several => text.push_str(&format!(
            "[`Error::MissingParameter`], naming each, when any of {} is not set. ",
            several.join(", ")
        )),
    }
    let statuses: Vec<String> = op.error_statuses.iter().map(u16::to_string).collect();
    if statuses.is_empty() {
        text.push_str("An [`Error`] when the request fails or the server refuses it.");
    } else {
        text.push_str(&format!(
            "An [`Error`] when the request fails or the server refuses it (the spec documents {}).",
            statuses.join(", ")
        ));
    }
    text
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
                let value = to_text(&quote!(#ident), &param.ty, paths);
                statements.push(quote!(request.segment(#value);));
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
        let wire = &param.wire_name;
        let add = match param.location {
            ParamLocation::Header => quote!(header),
            _ => quote!(query),
        };
        statements.push(if param.required {
            let value = to_text(&quote!(#ident), &param.ty, paths);
            quote!(request.#add(#wire, #value);)
        } else {
            let value = to_text(&quote!(value), &param.ty, paths);
            quote! {
                if let Some(value) = self.#ident {
                    request.#add(#wire, #value);
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

/// The setters of the values an operation cannot be sent without: required parameters,
/// required body properties, or the whole body when it is required and set at once.
fn required_setters(op: &Operation) -> Vec<&str> {
    let params = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| p.rust_name.as_str());
    let body = op.body.iter().flat_map(|body| {
        let whole = (body.fields.is_empty() && body.required).then_some("body");
        let fields = body
            .fields
            .iter()
            .filter(|f| !f.field.is_optional())
            .map(|f| f.setter.as_str());
        whole.into_iter().chain(fields)
    });
    params.chain(body).collect()
}

/// Takes every required value out of the builder into a local of its setter's name, or
/// returns [`Error::MissingParameter`] naming every one that is not set.
fn required_values(op: &Operation) -> TokenStream {
    let setters = required_setters(op);
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
        if field.field.is_optional() {
            quote!(#member: self.#setter,)
        } else if member == setter {
            // Taken out of the builder by the required-values check.
            quote!(#member,)
        } else {
            quote!(#member: #setter,)
        }
    });
    quote!(let body = #ty { #(#members)* };)
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

/// How a parameter value becomes the text of a path segment, query value or header.
fn to_text(value: &TokenStream, ty: &TypeRef, paths: &Paths) -> TokenStream {
    match ty {
        TypeRef::Primitive(Primitive::DateTime) => quote!(#value.to_rfc3339()),
        TypeRef::FormattedDate { format, .. } => {
            let module = paths.format_module(format);
            quote!(crate::runtime::FormattedDate::to_formatted(&#value, #module::FORMAT))
        }
        TypeRef::Array(_) => quote!(crate::runtime::join(&#value)),
        // Already text: no conversion (and no copy).
        TypeRef::Primitive(Primitive::String) => value.clone(),
        _ => quote!(#value.to_string()),
    }
}

fn method_tokens(method: HttpMethod) -> TokenStream {
    let ident = format_ident!("{}", method.as_str());
    quote!(reqwest::Method::#ident)
}
