//! Named types: structs, enums with a fallback for unknown values, aliases.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::rust::{doc_lines, doc_text, inner_doc_lines, Paths};
use crate::model::{Api, Field, TypeDef, TypeKind, TypeRef, Variant};

/// The `types` module: one item per named type, sorted by name.
pub fn types_module(api: &Api, paths: &Paths) -> TokenStream {
    let items = api.types.iter().map(|def| type_def(def, paths));
    let docs = inner_doc_lines("The API's data types, one per schema of the spec.");
    quote! {
        #docs
        #(#items)*
    }
}

fn type_def(def: &TypeDef, paths: &Paths) -> TokenStream {
    let docs = doc_lines(&doc_text(&def.docs, &format!("The `{}` schema.", def.name)));
    let name = format_ident!("{}", def.name);
    match &def.kind {
        TypeKind::Struct {
            fields,
            keeps_extra,
        } => struct_def(&name, &docs, fields, *keeps_extra, paths),
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
    }
}

fn struct_def(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    fields: &[Field],
    keeps_extra: bool,
    paths: &Paths,
) -> TokenStream {
    let all_optional = fields.iter().all(Field::is_optional);
    let default = all_optional.then(|| quote!(Default,));
    let members = fields.iter().map(|field| struct_field(field, paths));
    let extra = keeps_extra.then(|| {
        let string = paths.std("String");
        quote! {
            /// Properties the spec does not name, kept as the server sent them.
            #[serde(flatten)]
            pub extra: serde_json::Map<#string, serde_json::Value>,
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
    if let TypeRef::FormattedDate { format, .. } = &field.ty {
        let module = paths.format_module(format).to_string().replace(' ', "");
        let module = if field.is_optional() {
            format!("{module}::option")
        } else {
            module
        };
        attributes.push(quote!(with = #module));
    }
    let serde = (!attributes.is_empty()).then(|| quote!(#[serde(#(#attributes),*)]));
    let ty = if field.is_optional() {
        paths.option(&field.ty)
    } else {
        paths.ty(&field.ty)
    };
    quote! {
        #docs
        #serde
        pub #ident: #ty,
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

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                Self::from(value.to_owned())
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <#string as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
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

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.value())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <i64 as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}
