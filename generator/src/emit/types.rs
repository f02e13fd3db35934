//! Named types: structs, enums with a fallback for unknown values, aliases.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::rust::{doc_lines, doc_text, followed_by, inner_doc_lines, Paths};
use super::type_files::TypeFile;
use crate::model::{Api, Field, TypeDef, TypeKind, TypeRef, UnionVariant, Variant};

/// The `types` module in one file: one item per named type, sorted by name.
pub fn types_module(api: &Api, paths: &Paths) -> TokenStream {
    let defs: Vec<&TypeDef> = api.types.iter().collect();
    types_items(
        &defs,
        paths,
        "The API's data types, one per schema of the spec.",
    )
}

/// `src/types/mod.rs` when the types take several files: each module, behind its tag's
/// feature when it has one, and re-exported, so every type is `crate::types::Name`.
pub fn types_index(files: &[TypeFile]) -> TokenStream {
    let docs = inner_doc_lines(
        "The API's data types, one per schema of the spec, in files of a readable size: those\nevery build compiles, then those only one tag's operations use (behind its feature).",
    );
    let modules = files.iter().map(|file| {
        let module = format_ident!("{}", file.module);
        let cfg = file
            .feature
            .as_ref()
            .map(|feature| quote!(#[cfg(feature = #feature)]));
        quote! {
            #cfg
            mod #module;
            #cfg
            pub use #module::*;
        }
    });
    quote! {
        #docs
        #(#modules)*
    }
}

/// One module of `src/types/`: the types of `file`.
pub fn type_file(api: &Api, file: &TypeFile, paths: &Paths) -> TokenStream {
    let defs: Vec<&TypeDef> = file
        .types
        .iter()
        .filter_map(|&i| api.types.get(i))
        .collect();
    let about = match file.feature.as_deref() {
        Some("full") => "Types no operation uses, compiled with feature `full`.".to_string(),
        Some(feature) => format!("Types only the operations of feature `{feature}` use."),
        None => "Types every build of the crate compiles.".to_string(),
    };
    types_items(&defs, paths, &about)
}

/// The items of `defs`, under the inner doc `about`.
fn types_items(defs: &[&TypeDef], paths: &Paths, about: &str) -> TokenStream {
    let items = defs.iter().map(|def| type_def(def, paths));
    let docs = inner_doc_lines(about);
    let fields = || {
        defs.iter().flat_map(|def| match &def.kind {
            TypeKind::Struct { fields, .. } => fields.as_slice(),
            _ => &[],
        })
    };
    // Deprecated items are still used by the crate's own (derived) code.
    let any_deprecated = defs.iter().any(|def| def.deprecated) || fields().any(|f| f.deprecated);
    let allow = any_deprecated.then(|| quote!(#![allow(deprecated)]));
    followed_by(quote!(#docs #allow), items)
}

fn type_def(def: &TypeDef, paths: &Paths) -> TokenStream {
    let text = doc_text(&def.docs, &format!("The `{}` schema.", def.name));
    let docs = doc_lines(&text);
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let docs = quote!(#docs #deprecated);
    let name = format_ident!("{}", def.name);
    match &def.kind {
        TypeKind::Struct {
            fields,
            keeps_extra,
            extra_type,
        } => struct_def(
            &name,
            &docs,
            fields,
            *keeps_extra,
            extra_type.as_ref(),
            paths,
        ),
        TypeKind::Union {
            variants,
            discriminator: Some(tag),
            fallback,
        } => tagged_union(&name, &docs, variants, tag, fallback, paths),
        TypeKind::Union {
            variants,
            discriminator: None,
            fallback,
        } => untagged_union(&name, &docs, variants, fallback, paths),
        TypeKind::External(path) => {
            let ty: TokenStream = path.parse().unwrap_or_else(|_| quote!(serde_json::Value));
            quote! { #docs pub type #name = #ty; }
        }
        TypeKind::StringEnum { variants, fallback } => {
            string_enum(&name, &docs, variants, fallback, paths)
        }
        TypeKind::IntegerEnum { variants, fallback } => {
            integer_enum(&name, &docs, variants, fallback)
        }
        TypeKind::Alias(ty) => {
            let ty = paths.ty(ty);
            quote! { #docs pub type #name = #ty; }
        }
        TypeKind::Id { wire, .. } => super::ids::id_def(&name, &docs, *wire),
    }
}

fn struct_def(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    fields: &[Field],
    keeps_extra: bool,
    extra_type: Option<&TypeRef>,
    paths: &Paths,
) -> TokenStream {
    let all_optional = fields.iter().all(Field::is_optional);
    let default = all_optional.then(|| quote!(Default,));
    let members = fields.iter().map(|field| struct_field(field, paths));
    let extra = extra_member(fields, keeps_extra, extra_type, paths).map(|(extra, map)| {
        quote! {
            /// Properties the spec does not name, kept as the server sent them.
            #[serde(flatten)]
            pub #extra: #map,
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default serde::Serialize, serde::Deserialize)]
        pub struct #name {
            #(#members)*
            #extra
        }
    }
}

fn struct_field(field: &Field, paths: &Paths) -> TokenStream {
    let docs = doc_lines(&doc_text(
        &field.docs,
        &format!("The `{}` property.", field.wire_name),
    ));
    let ident = format_ident!("{}", field.rust_name);
    let mut attributes = Vec::new();
    if field.rust_name != field.wire_name {
        let wire = &field.wire_name;
        attributes.push(quote!(rename = #wire));
    }
    if field.is_optional() {
        attributes.push(quote!(default));
    }
    if !field.required {
        let is_none = format!("{}::is_none", paths.std("Option")).replace(' ', "");
        attributes.push(quote!(skip_serializing_if = #is_none));
    }
    let with_module = match &field.ty {
        TypeRef::FormattedDate { format, .. } => {
            Some(paths.format_module(format).to_string().replace(' ', ""))
        }
        _ => None,
    };
    if let Some(module) = with_module {
        let module = if field.is_optional() {
            format!("{module}::option")
        } else {
            module
        };
        attributes.push(quote!(with = #module));
    }
    let serde = (!attributes.is_empty()).then(|| quote!(#[serde(#(#attributes),*)]));
    let ty = field_type(field, paths);
    let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #docs
        #deprecated
        #serde
        pub #ident: #ty,
    }
}

/// The Rust type of a struct's field: boxed where it breaks a cycle, optional where the
/// property may be absent or `null`.
pub(crate) fn field_type(field: &Field, paths: &Paths) -> TokenStream {
    let mut ty = paths.ty(&field.ty);
    if field.boxed {
        let boxed = paths.std("Box");
        ty = quote!(#boxed<#ty>);
    }
    if field.is_optional() {
        let option = paths.std("Option");
        ty = quote!(#option<#ty>);
    }
    ty
}

/// The member that keeps the properties a struct's spec does not name, and its type (named by
/// `names::extra_field`), when the struct keeps them.
pub(crate) fn extra_member(
    fields: &[Field],
    keeps_extra: bool,
    extra_type: Option<&TypeRef>,
    paths: &Paths,
) -> Option<(proc_macro2::Ident, TokenStream)> {
    if !keeps_extra {
        return None;
    }
    let string = paths.std("String");
    let map = match extra_type {
        Some(ty) => paths.ty(&TypeRef::Map(Box::new(ty.clone()))),
        None => quote!(serde_json::Map<#string, serde_json::Value>),
    };
    let names: Vec<&str> = fields.iter().map(|f| f.rust_name.as_str()).collect();
    Some((format_ident!("{}", crate::names::extra_field(&names)), map))
}

/// The Rust type a union variant holds.
pub(crate) fn variant_type(variant: &UnionVariant, paths: &Paths) -> TokenStream {
    let ty = paths.ty(&variant.ty);
    if variant.boxed {
        let boxed = paths.std("Box");
        quote!(#boxed<#ty>)
    } else {
        ty
    }
}

fn variant_doc(variant: &UnionVariant, paths: &Paths) -> TokenStream {
    let ty = paths.ty(&variant.ty).to_string().replace(' ', "");
    let text = if variant.tags.is_empty() {
        format!("A `{ty}`.")
    } else {
        let tags: Vec<String> = variant.tags.iter().map(|t| format!("`{t}`")).collect();
        format!("A `{ty}`, tagged {}.", tags.join(" or "))
    };
    doc_lines(&text)
}

/// `oneOf`/`anyOf` without a discriminator: the first alternative that reads the value wins;
/// anything else is kept as JSON.
fn untagged_union(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    variants: &[UnionVariant],
    fallback: &str,
    paths: &Paths,
) -> TokenStream {
    let fallback = format_ident!("{}", fallback);
    let members = variants.iter().map(|v| {
        let ident = format_ident!("{}", v.name);
        let ty = variant_type(v, paths);
        let doc = variant_doc(v, paths);
        quote!(#doc #ident(#ty),)
    });
    quote! {
        #docs
        ///
        /// Untagged: the first alternative that reads the value wins.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #(#members)*
            /// A value none of the alternatives reads, kept as sent.
            #fallback(serde_json::Value),
        }
    }
}

/// `oneOf`/`anyOf` with a discriminator: the tag property selects the alternative; a tag this
/// version does not know is kept, with the whole value, in the fallback variant.
fn tagged_union(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    variants: &[UnionVariant],
    tag: &str,
    fallback: &str,
    paths: &Paths,
) -> TokenStream {
    let fallback = format_ident!("{}", fallback);
    let string = paths.std("String");
    let members = variants.iter().map(|v| {
        let ident = format_ident!("{}", v.name);
        let ty = variant_type(v, paths);
        let doc = variant_doc(v, paths);
        quote!(#doc #ident(#ty),)
    });
    let serialize_arms = variants.iter().map(|v| {
        let ident = format_ident!("{}", v.name);
        let first = v.tags.first().map_or(v.name.as_str(), String::as_str);
        quote!(Self::#ident(value) => (#first, serde_json::to_value(value)),)
    });
    let deserialize_arms = variants.iter().filter(|v| !v.tags.is_empty()).map(|v| {
        let ident = format_ident!("{}", v.name);
        let tags = &v.tags;
        quote! {
            Some(#(#tags)|*) => serde_json::from_value(value).map(Self::#ident).map_err(serde::de::Error::custom),
        }
    });
    let tag_doc = format!(" Tagged by the `{tag}` property.");
    quote! {
        #docs
        ///
        #[doc = #tag_doc]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#members)*
            /// An alternative this version of the client does not know, kept as sent.
            #fallback(serde_json::Value),
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let (tag, value) = match self {
                    #(#serialize_arms)*
                    Self::#fallback(value) => return serde::Serialize::serialize(value, serializer),
                };
                let mut value = value.map_err(serde::ser::Error::custom)?;
                if let Some(object) = value.as_object_mut() {
                    object
                        .entry(#tag)
                        .or_insert_with(|| serde_json::Value::from(tag));
                }
                serde::Serialize::serialize(&value, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                let tag: ::std::option::Option<#string> = value
                    .get(#tag)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned);
                match tag.as_deref() {
                    #(#deserialize_arms)*
                    _ => Ok(Self::#fallback(value)),
                }
            }
        }
    }
}

fn string_enum(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    variants: &[Variant<String>],
    fallback: &str,
    paths: &Paths,
) -> TokenStream {
    let string = paths.std("String");
    let fallback = format_ident!("{}", fallback);
    let idents: Vec<_> = variants
        .iter()
        .map(|v| format_ident!("{}", v.name))
        .collect();
    let values: Vec<_> = variants.iter().map(|v| v.value.as_str()).collect();
    let variant_docs = values.iter().map(|v| {
        doc_lines(&if v.is_empty() {
            "The empty string.".to_string()
        } else {
            format!("`{v}`")
        })
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #idents,)*
            /// A value this version of the client does not know, kept as sent.
            #fallback(#string),
        }

        impl #name {
            /// The value as the API writes it.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #values,)*
                    Self::#fallback(value) => value,
                }
            }
        }

        impl From<#string> for #name {
            fn from(value: #string) -> Self {
                match value.as_str() {
                    #(#values => Self::#idents,)*
                    _ => Self::#fallback(value),
                }
            }
        }

        crate::runtime::string_enum_traits!(#name);
    }
}

fn integer_enum(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    variants: &[Variant<i64>],
    fallback: &str,
) -> TokenStream {
    let fallback = format_ident!("{}", fallback);
    let idents: Vec<_> = variants
        .iter()
        .map(|v| format_ident!("{}", v.name))
        .collect();
    let values: Vec<_> = variants
        .iter()
        .map(|v| Literal::i64_unsuffixed(v.value))
        .collect();
    let variant_docs = variants
        .iter()
        .map(|v| doc_lines(&format!("`{}`", v.value)));
    quote! {
        #docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #idents,)*
            /// A value this version of the client does not know, kept as sent.
            #fallback(i64),
        }

        impl #name {
            /// The value as the API writes it.
            #[must_use]
            pub fn value(self) -> i64 {
                match self {
                    #(Self::#idents => #values,)*
                    Self::#fallback(value) => value,
                }
            }
        }

        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#values => Self::#idents,)*
                    _ => Self::#fallback(value),
                }
            }
        }

        crate::runtime::integer_enum_traits!(#name);
    }
}
