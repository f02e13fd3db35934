//! `src/mocks/` (cargo feature `mock`): the typed mock server's knowledge of each operation.
//! For every operation, its builder type is the marker the runtime's `mock::Expectation` is
//! typed by (`impl MockOperation for GetExpense`), `MockServer` gets a method of the client
//! method's name, and the expectation gets one matcher per parameter, which writes the value
//! the way the builder sends it, and one per property of a JSON body.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operations::param_statement;
use super::rust::{doc_lines, followed_by, inner_doc_lines, Paths};
use crate::model::{Api, BodyEncoding, Operation, Payload, Tag};

/// `src/mocks/mod.rs`: one module per tag (behind the tag's feature when it has one).
pub fn mocks_index(api: &Api) -> TokenStream {
    let docs = inner_doc_lines(
        "What the mock server (`mock::MockServer`, feature `mock`) knows of each operation: its\nmethod, path and answer, a method of `MockServer` per operation, and a matcher per parameter.\nOne module per tag, like `operations`.",
    );
    let modules = api.tags.iter().map(|tag| {
        let module = format_ident!("{}", tag.module);
        let cfg = tag
            .feature
            .as_ref()
            .map(|feature| quote!(#[cfg(feature = #feature)]));
        quote! {
            #cfg
            mod #module;
        }
    });
    quote! {
        #docs
        #(#modules)*
    }
}

/// `src/mocks/<tag>.rs` of a tag whose operations take several files: one module per part,
/// as in `operations`.
pub fn tag_mocks_index(tag: &Tag, parts: usize) -> TokenStream {
    let docs = inner_doc_lines(&format!(
        "The mocks of the operations of tag `{}`.",
        tag.name
    ));
    let parts = (1..=parts).map(|n| {
        let part = format_ident!("part{n}");
        quote!(mod #part;)
    });
    quote! {
        #docs
        #(#parts)*
    }
}

/// The mocks of `operations`, of tag `tag`: `src/mocks/<tag>.rs`, or one part of it.
pub fn tag_mocks(api: &Api, tag: &Tag, operations: &[&Operation], paths: &Paths) -> TokenStream {
    let docs = inner_doc_lines(&format!(
        "The mocks of the operations of tag `{}`.",
        tag.name
    ));
    let operations = operations
        .iter()
        .map(|op| operation_mock(op, tag, paths, api));
    let head = quote! {
        #docs
        // Matchers take the types the builders' setters take, deprecated ones included.
        #![allow(deprecated)]

        use crate::mock::{AnswerShape, Expectation, MockOperation, MockServer};
        #[allow(unused_imports)]
        use crate::mock::MockPaged;
        #[allow(unused_imports)]
        use crate::types;
    };
    followed_by(head, operations)
}

fn operation_mock(op: &Operation, tag: &Tag, paths: &Paths, api: &Api) -> TokenStream {
    let module = format_ident!("{}", tag.module);
    let builder = format_ident!("{}", op.builder_name);
    let marker = quote!(crate::operations::#module::#builder);
    let method = format_ident!("{}", op.method_name);
    let (data, shape, status) = answer(op, api, paths);
    let status = proc_macro2::Literal::u16_unsuffixed(status);
    let http_method = op.http_method.as_str();
    let template = &op.path;
    let server_doc = doc_lines(&format!(
        "Expects `{http_method} {template}` (operation `{}`); set the parameters to match, then say how to answer.",
        op.id
    ));
    let matchers: Vec<TokenStream> = op
        .params
        .iter()
        .map(|param| {
            let ident = format_ident!("{}", param.rust_name);
            let ty = paths.ty(&param.ty);
            let wire = &param.wire_name;
            // The statement the builder adds the parameter with, so the test's value matches
            // what the client sends, whatever the parameter's style.
            let write = param_statement(param, &quote!(value), paths);
            let doc = doc_lines(&format!(
                "Matches only requests whose {} parameter `{wire}` is `value`.",
                param.location.as_str()
            ));
            quote! {
                #doc
                pub fn #ident(self, value: impl Into<#ty>) -> Self {
                    let value: #ty = value.into();
                    self.parameter(#wire, |request| {
                        #write
                        Ok(())
                    })
                }
            }
        })
        .collect();
    let body_matchers = op
        .body
        .iter()
        .filter(|body| body.encoding == BodyEncoding::Json)
        .flat_map(|body| &body.fields)
        .map(|field| {
            let ident = format_ident!("{}", field.setter);
            let ty = paths.ty(&field.field.ty);
            let wire = &field.field.wire_name;
            let doc = doc_lines(&format!(
                "Matches only requests whose body has the property `{wire}` equal to `value`."
            ));
            quote! {
                #doc
                pub fn #ident(self, value: impl Into<#ty>) -> Self {
                    let value: #ty = value.into();
                    self.body_property(#wire, &value)
                }
            }
        });
    let matchers: Vec<TokenStream> = matchers.into_iter().chain(body_matchers).collect();
    let matching = (!matchers.is_empty()).then(|| {
        quote! {
            impl Expectation<'_, #marker> {
                #(#matchers)*
            }
        }
    });
    let paged = op.paging.as_ref().and_then(|paging| {
        let page = op
            .params
            .iter()
            .find(|p| p.rust_name == paging.page_setter)?;
        let item = paths.ty(&paging.item);
        let wire = &page.wire_name;
        Some(quote! {
            impl MockPaged for #marker {
                type Item = #item;
                const PAGE_PARAMETER: &'static str = #wire;
            }
        })
    });
    quote! {
        impl MockOperation for #marker {
            type Data = #data;
            const METHOD: &'static str = #http_method;
            const PATH: &'static str = #template;
            const STATUS: u16 = #status;
            const SHAPE: AnswerShape = #shape;
        }

        #paged

        impl MockServer {
            #server_doc
            pub fn #method(&self) -> Expectation<'_, #marker> {
                Expectation::new(self)
            }
        }

        #matching
    }
}

/// The data type a test answers with, how it is written, and the status.
fn answer(op: &Operation, api: &Api, paths: &Paths) -> (TokenStream, TokenStream, u16) {
    let status = op.success.status;
    // Answers of several shapes (one enum variant per status) and bytes are written as the
    // JSON a test gives.
    if op.success.per_status.is_some() || op.success.payload == Payload::Binary {
        return (quote!(serde_json::Value), quote!(AnswerShape::Json), status);
    }
    let data = paths.ty(&op.success.data);
    let shape = match op.success.payload {
        Payload::Envelope => quote!(AnswerShape::Envelope),
        Payload::Empty if api.envelope.is_some() => quote!(AnswerShape::Envelope),
        Payload::Empty => quote!(AnswerShape::Empty),
        Payload::Json | Payload::Binary => quote!(AnswerShape::Json),
    };
    (data, shape, status)
}
