//! The small files around the types and operations: the crate root, the envelope, date formats
//! and the operations module index.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust::{inner_doc_lines, Paths};
use crate::model::{Api, Field, Primitive, TypeKind, TypeRef};

/// `src/lib.rs`: module declarations, re-exports and the default base URL.
pub fn lib_rs(api: &Api) -> TokenStream {
    let oauth2 = oauth2_endpoints(api);
    let base_url = &api.base_url;
    let base_doc = format!(" The server the spec names first: <{base_url}>.");
    let ids: Vec<_> = api
        .types
        .iter()
        .filter(|def| matches!(def.kind, TypeKind::Id { .. }))
        .map(|def| format_ident!("{}", def.name))
        .collect();
    let ids = (!ids.is_empty()).then(|| {
        quote! {
            /// The ids of the API's resources, one type per kind (`x-id-type` in the spec): an id
            /// of one kind does not go where another kind belongs. Each converts from its wire
            /// type and the integer types a program holds, so literals still work.
            pub mod ids {
                pub use crate::types::{#(#ids),*};
            }
        }
    });
    let webhooks = super::webhooks::module(api);
    let errors = errors_module(api);
    quote! {
        #![doc = include_str!("../README.md")]
        #![deny(missing_docs)]

        pub mod envelope;
        mod formats;
        #ids
        #[cfg(feature = "mock")]
        mod mocks;
        pub mod operations;
        mod runtime;
        pub mod types;

        pub use envelope::Meta;
        // The runtime's public items (Client, Error, Response, ...) are the crate's; the runtime's
        // own `mod.rs` decides which they are.
        pub use runtime::*;

        #webhooks

        #errors

        #[doc = #base_doc]
        pub const DEFAULT_BASE_URL: &str = #base_url;

        #oauth2
    }
}

/// `errors`: every operation's error enum, re-exported beside each other (each tag's behind
/// its feature); `None` when no operation has one.
fn errors_module(api: &Api) -> Option<TokenStream> {
    let exports: Vec<TokenStream> = api
        .tags
        .iter()
        .filter_map(|tag| {
            let names: Vec<_> = api
                .operations_of(tag)
                .filter_map(|op| op.errors.as_ref())
                .map(|errors| format_ident!("{}", errors.name))
                .collect();
            if names.is_empty() {
                return None;
            }
            let module = format_ident!("{}", tag.module);
            let cfg = tag
                .feature
                .as_ref()
                .map(|feature| quote!(#[cfg(feature = #feature)]));
            Some(quote! {
                #cfg
                pub use crate::operations::#module::{#(#names),*};
            })
        })
        .collect();
    (!exports.is_empty()).then(|| {
        quote! {
            /// The documented error answers of each operation, as an enum named after its builder
            /// (`<Builder>Error`): [`Error::typed`] decodes an error's answer into it.
            pub mod errors {
                #(#exports)*
            }
        }
    })
}

/// The default endpoints of the OAuth2 client (feature `oauth2`): the spec's first
/// authorization-code flow, or empty (to be set on the builder) when it documents none.
fn oauth2_endpoints(api: &Api) -> TokenStream {
    let (authorization, token, source) = match &api.oauth2 {
        Some(endpoints) => (
            endpoints.authorization_url.as_str(),
            endpoints.token_url.as_str(),
            "from the spec's OAuth2 authorization-code flow",
        ),
        None => (
            "",
            "",
            "empty: the spec documents no OAuth2 authorization-code flow, so set it on the builder",
        ),
    };
    let authorization_doc = format!(" The OAuth2 authorization endpoint, {source}.");
    let token_doc = format!(" The OAuth2 token endpoint, {source}.");
    quote! {
        #[cfg(feature = "oauth2")]
        #[doc = #authorization_doc]
        pub const DEFAULT_AUTHORIZATION_URL: &str = #authorization;

        #[cfg(feature = "oauth2")]
        #[doc = #token_doc]
        pub const DEFAULT_TOKEN_URL: &str = #token;
    }
}

/// `src/envelope.rs`: how the answer's envelope is read, as the generator config describes it.
pub fn envelope_rs(api: &Api, paths: &Paths) -> TokenStream {
    let Some(envelope) = &api.envelope else {
        let docs = inner_doc_lines(
            "The spec's answers are not wrapped in an envelope: the whole body is the data.",
        );
        return quote! {
            #docs

            use crate::runtime::EnvelopeParts;

            /// Answers carry no metadata.
            pub type Meta = ();

            #[derive(serde::Deserialize)]
            #[serde(transparent)]
            pub(crate) struct Envelope<T> {
                data: T,
            }

            impl<T> Envelope<T> {
                pub(crate) fn into_parts(self) -> EnvelopeParts<T> {
                    EnvelopeParts { success: None, data: Some(self.data), message: None, meta: None }
                }
            }

            impl crate::runtime::PageInfo for Meta {
                fn pages(&self) -> Option<(i64, i64)> {
                    None
                }
            }

            /// A successful answer holding `data`, as the server writes it: the data itself.
            #[cfg(feature = "mock")]
            pub(crate) fn mock_body(data: serde_json::Value, _meta: Option<serde_json::Value>) -> serde_json::Value {
                data
            }

            /// Answers carry no page numbers.
            #[cfg(feature = "mock")]
            pub(crate) fn mock_page_meta(_page: i64, _last: i64) -> serde_json::Value {
                serde_json::Value::Null
            }
        };
    };
    let docs = inner_doc_lines(&format!(
        "Every answer is wrapped in an envelope `{{{}, {}, {}, {}}}`; the client unwraps it.",
        envelope.success, envelope.data, envelope.message, envelope.meta
    ));
    let meta = match &envelope.meta_type {
        Some(ty @ TypeRef::Named(_)) => paths.ty(ty),
        Some(ty) => paths.ty(ty),
        None => quote!(serde_json::Value),
    };
    let uses_types = matches!(envelope.meta_type, Some(TypeRef::Named(_)));
    let types_import = uses_types.then(|| {
        quote!(
            use crate::types;
        )
    });
    let page_info = page_info_impl(api);
    let mock_page_meta = mock_page_meta(api);
    let (success, data, message, meta_name) = (
        &envelope.success,
        &envelope.data,
        &envelope.message,
        &envelope.meta,
    );
    quote! {
        #docs

        use crate::runtime::EnvelopeParts;
        #types_import

        /// The metadata every answer carries.
        pub type Meta = #meta;

        #[derive(serde::Deserialize)]
        pub(crate) struct Envelope<T> {
            #[serde(rename = #success)]
            success: Option<bool>,
            #[serde(rename = #data)]
            data: Option<T>,
            #[serde(rename = #message)]
            message: Option<String>,
            #[serde(rename = #meta_name)]
            meta: Option<Meta>,
        }

        impl<T> Envelope<T> {
            pub(crate) fn into_parts(self) -> EnvelopeParts<T> {
                EnvelopeParts { success: self.success, data: self.data, message: self.message, meta: self.meta }
            }
        }

        #page_info

        /// A successful answer holding `data` (and `meta`), as the server writes it.
        #[cfg(feature = "mock")]
        pub(crate) fn mock_body(data: serde_json::Value, meta: Option<serde_json::Value>) -> serde_json::Value {
            let mut body = serde_json::Map::new();
            body.insert(#success.into(), true.into());
            body.insert(#data.into(), data);
            if let Some(meta) = meta {
                body.insert(#meta_name.into(), meta);
            }
            serde_json::Value::Object(body)
        }

        #mock_page_meta
    }
}

/// `mock_page_meta(page, last)`: the metadata of one page, for the mock server's pages: every
/// required member of the metadata with a placeholder value, and the page numbers.
fn mock_page_meta(api: &Api) -> TokenStream {
    let (Some(info), Some(envelope)) = (&api.page_info, &api.envelope) else {
        return quote! {
            /// Answers carry no page numbers.
            #[cfg(feature = "mock")]
            pub(crate) fn mock_page_meta(_page: i64, _last: i64) -> serde_json::Value {
                serde_json::Value::Null
            }
        };
    };
    let [meta_field, current, last] = &info.wire_names;
    let meta_type = envelope.meta_type.as_ref();
    let mut meta = meta_type.map_or(serde_json::Value::Null, |ty| placeholder_json(api, ty, 0));
    // The page description's own placeholder, whether or not the metadata requires it.
    let description = meta_type
        .and_then(|ty| field_of(api, ty, meta_field))
        .map_or(serde_json::Value::Null, |field| {
            placeholder_json(api, &field.ty, 1)
        });
    if let serde_json::Value::Object(members) = &mut meta {
        members.insert(meta_field.clone(), description);
    }
    let text = meta.to_string();
    quote! {
        /// The metadata of page `page` of `last`, as the server writes it (placeholders for
        /// the rest).
        #[cfg(feature = "mock")]
        pub(crate) fn mock_page_meta(page: i64, last: i64) -> serde_json::Value {
            let mut meta: serde_json::Value = serde_json::from_str(#text).unwrap_or_default();
            meta[#meta_field][#current] = page.into();
            meta[#meta_field][#last] = last.into();
            meta
        }
    }
}

/// The member `wire` of the struct `ty` names.
fn field_of<'a>(api: &'a Api, ty: &TypeRef, wire: &str) -> Option<&'a Field> {
    let name = ty.named_by_value()?;
    match &api.types.iter().find(|def| def.name == name)?.kind {
        TypeKind::Struct { fields, .. } => fields.iter().find(|field| field.wire_name == wire),
        _ => None,
    }
}

/// A JSON value of type `ty` with every required member filled in: what a mock answer needs
/// to decode where a test gives no value.
fn placeholder_json(api: &Api, ty: &TypeRef, depth: usize) -> serde_json::Value {
    use serde_json::{json, Value};
    match ty {
        TypeRef::Primitive(primitive) => match primitive {
            Primitive::Bool => json!(false),
            Primitive::I32 | Primitive::I64 => json!(0),
            Primitive::F32 | Primitive::F64 => json!(0.0),
            Primitive::String | Primitive::Bytes => json!(""),
            Primitive::Date => json!("1970-01-01"),
            Primitive::DateTime => json!("1970-01-01T00:00:00Z"),
            Primitive::Uuid => json!("00000000-0000-0000-0000-000000000000"),
            Primitive::Json | Primitive::Unit => Value::Null,
        },
        TypeRef::FormattedDate { .. } => Value::Null,
        TypeRef::Array(_) => json!([]),
        TypeRef::Map(_) => json!({}),
        TypeRef::Named(name) => {
            let Some(def) = api.types.iter().find(|def| def.name == *name) else {
                return Value::Null;
            };
            match &def.kind {
                // Deep enough for any metadata; a cycle stops here.
                _ if depth > 4 => Value::Null,
                TypeKind::Struct { fields, .. } => Value::Object(
                    fields
                        .iter()
                        .filter(|field| !field.is_optional())
                        .map(|field| {
                            (
                                field.wire_name.clone(),
                                placeholder_json(api, &field.ty, depth + 1),
                            )
                        })
                        .collect(),
                ),
                TypeKind::StringEnum { variants, .. } => {
                    variants.first().map_or(Value::Null, |v| json!(v.value))
                }
                TypeKind::IntegerEnum { variants, .. } => {
                    variants.first().map_or(Value::Null, |v| json!(v.value))
                }
                TypeKind::Union { variants, .. } => variants
                    .first()
                    .map_or(Value::Null, |v| placeholder_json(api, &v.ty, depth + 1)),
                TypeKind::Alias(target) => placeholder_json(api, target, depth + 1),
                TypeKind::Id { wire, .. } => {
                    placeholder_json(api, &TypeRef::Primitive(*wire), depth + 1)
                }
                TypeKind::External(_) => Value::Null,
            }
        }
    }
}

/// `impl PageInfo for Meta`: reads the current and last page from the metadata, as configured.
fn page_info_impl(api: &Api) -> TokenStream {
    let body = match &api.page_info {
        Some(info) => {
            let access = |(name, optional): &(String, bool)| {
                let ident = format_ident!("{}", name);
                if *optional {
                    quote!(#ident?)
                } else {
                    quote!(#ident)
                }
            };
            let (meta_field, meta_optional) = &info.meta_field;
            let meta_field = format_ident!("{}", meta_field);
            let description = if *meta_optional {
                quote!(let page = self.#meta_field.as_ref()?;)
            } else {
                quote!(let page = &self.#meta_field;)
            };
            let current = access(&info.current_page);
            let last = access(&info.last_page);
            quote! {
                #description
                Some((page.#current, page.#last))
            }
        }
        None => quote!(None),
    };
    quote! {
        impl crate::runtime::PageInfo for Meta {
            fn pages(&self) -> Option<(i64, i64)> {
                #body
            }
        }
    }
}

/// `src/formats.rs`: one module per `x-date-format` pattern, for `#[serde(with)]`.
pub fn formats_rs(formats: &BTreeMap<String, String>) -> TokenStream {
    let docs = inner_doc_lines(
        "Date formats the spec names with `x-date-format`, for `#[serde(with = ...)]`.",
    );
    let modules = formats.iter().map(|(format, module)| {
        let module = format_ident!("{}", module);
        let module_doc = format!(" Dates written as `{format}`.");
        quote! {
            #[doc = #module_doc]
            #[allow(dead_code)]
            pub(crate) mod #module {
                use crate::runtime::{dates, FormattedDate};

                /// The pattern.
                pub(crate) const FORMAT: &str = #format;

                pub(crate) fn serialize<T: FormattedDate, S: serde::Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
                    dates::serialize(value, FORMAT, serializer)
                }

                pub(crate) fn deserialize<'de, T: FormattedDate, D: serde::Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
                    dates::deserialize(deserializer, FORMAT)
                }

                /// The same for optional values; an empty string reads as `None`.
                pub(crate) mod option {
                    use crate::runtime::{dates, FormattedDate};

                    pub(crate) fn serialize<T: FormattedDate, S: serde::Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
                        dates::serialize_option(value, super::FORMAT, serializer)
                    }

                    pub(crate) fn deserialize<'de, T: FormattedDate, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
                        dates::deserialize_option(deserializer, super::FORMAT)
                    }
                }
            }
        }
    });
    quote! {
        #docs
        #(#modules)*
    }
}

/// `src/operations/mod.rs`: one module per tag.
pub fn operations_mod(api: &Api) -> TokenStream {
    let docs = inner_doc_lines("The API's operations, one module per tag. Start from the methods of [`Client`](crate::Client).");
    let modules = api.tags.iter().map(|tag| {
        let module = format_ident!("{}", tag.module);
        let doc = format!(" {}", tag.name);
        let cfg = tag.feature.as_ref().map(|feature| {
            let doc = format!(" (cargo feature `{feature}`)");
            quote! {
                #[doc = ""]
                #[doc = #doc]
                #[cfg(feature = #feature)]
            }
        });
        quote! {
            #[doc = #doc]
            #cfg
            pub mod #module;
        }
    });
    let markers = super::states::States::markers(api);
    let params = (!markers.is_empty()).then(|| {
        let markers = markers.iter().map(|setter| {
            let ident = format_ident!("{}", setter);
            let doc = format!(" The required parameter set with `.{setter}(..)`.");
            quote! {
                #[doc = #doc]
                #[derive(Debug)]
                pub struct #ident;
            }
        });
        quote! {
            /// Markers that name each required parameter in the bounds of `.send()`
            /// (`WorkspaceIdState: IsSet<params::workspace_id>`), so that the compiler's error for a
            /// missing one names it. See [`required`](crate::required).
            #[allow(non_camel_case_types)]
            pub mod params {
                #(#markers)*
            }
        }
    });
    quote! {
        #docs
        #params
        #(#modules)*
    }
}
