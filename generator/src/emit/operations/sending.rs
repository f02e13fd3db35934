//! The methods that send a built request (`send`, `send_with`, `pages`, `stream`) and the
//! conversion of a builder into the runtime's request.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::answers::success_decoder;
use super::body::body_statements;
use super::params::{is_text, param_statement};
use crate::emit::operation_docs as docs;
use crate::emit::rust::{doc_lines, Paths};
use crate::emit::states::States;
use crate::model::{Api, BodyEncoding, HttpMethod, Operation, ParamLocation, PathSegment};

/// `send`, the paging methods, and `into_request`, which they and the runtime's escape hatches
/// share.
pub(super) fn sending_methods(
    op: &Operation,
    paths: &Paths,
    api: &Api,
    states: &States,
) -> TokenStream {
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

/// The statement that adds one literal or parameter segment of `op`'s path.
fn segment_statement(op: &Operation, segment: &PathSegment, paths: &Paths) -> Option<TokenStream> {
    match segment {
        PathSegment::Param(name) => {
            let param = op
                .params
                .iter()
                .find(|p| p.location == ParamLocation::Path && p.wire_name == *name)?;
            let ident = format_ident!("{}", param.rust_name);
            Some(param_statement(param, &quote!(#ident), paths))
        }
        PathSegment::Literal(literal) => Some(quote!(request.segment(#literal);)),
        PathSegment::Joined(_) => None,
    }
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
            PathSegment::Joined(parts) => {
                // Each part is added as a segment of its own, then they are made one.
                for part in parts {
                    statements.extend(segment_statement(op, part, paths));
                }
                let count = parts.len();
                statements.push(quote!(request.join_segments(#count);));
            }
            single => statements.extend(segment_statement(op, single, paths)),
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

fn method_tokens(method: HttpMethod) -> TokenStream {
    let ident = format_ident!("{}", method.as_str());
    quote!(reqwest::Method::#ident)
}
