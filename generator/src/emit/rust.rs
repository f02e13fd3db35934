//! Shared pieces of Rust emission: type paths and doc comments.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{DateKind, Docs, Primitive, TypeRef};

/// Standard-library names a generated type could shadow, with their full paths.
const STD_NAMES: &[(&str, &str)] = &[
    ("Option", "::std::option::Option"),
    ("String", "::std::string::String"),
    ("Vec", "::std::vec::Vec"),
    ("Box", "::std::boxed::Box"),
    ("Result", "::std::result::Result"),
];

/// Writes type paths for one generated module: short standard names unless a generated type
/// shadows them, and generated types with the module prefix that reaches them.
pub struct Paths {
    shadowed: BTreeSet<&'static str>,
    types_prefix: TokenStream,
    /// The module of each `x-date-format` pattern in `crate::formats`.
    pub formats: BTreeMap<String, String>,
}

impl Paths {
    /// Paths for code in `crate::types` itself, where every generated type is in scope.
    pub fn in_types(type_names: &[String], formats: BTreeMap<String, String>) -> Self {
        let shadowed = STD_NAMES
            .iter()
            .map(|(short, _)| *short)
            .filter(|short| type_names.iter().any(|name| name == short))
            .collect();
        Paths {
            shadowed,
            types_prefix: TokenStream::new(),
            formats,
        }
    }

    /// Paths for code outside `crate::types`, which imports the module as `types`.
    pub fn outside_types(formats: BTreeMap<String, String>) -> Self {
        Paths {
            shadowed: BTreeSet::new(),
            types_prefix: quote!(types::),
            formats,
        }
    }

    /// A standard-library type by its short name.
    pub fn std(&self, short: &str) -> TokenStream {
        match STD_NAMES.iter().find(|(name, _)| *name == short) {
            Some((name, full)) if self.shadowed.contains(name) => full.parse().unwrap_or_default(),
            _ => {
                let ident = format_ident!("{}", short);
                quote!(#ident)
            }
        }
    }

    /// The Rust type of `ty`.
    pub fn ty(&self, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Primitive(p) => self.primitive(*p),
            TypeRef::FormattedDate {
                kind: DateKind::Date,
                ..
            } => quote!(chrono::NaiveDate),
            TypeRef::FormattedDate {
                kind: DateKind::DateTime,
                ..
            } => quote!(chrono::NaiveDateTime),
            TypeRef::Named(name) => {
                let ident = format_ident!("{}", name);
                let prefix = &self.types_prefix;
                quote!(#prefix #ident)
            }
            TypeRef::Array(inner) => {
                let vec = self.std("Vec");
                let inner = self.ty(inner);
                quote!(#vec<#inner>)
            }
            TypeRef::Map(inner) => {
                let string = self.std("String");
                let inner = self.ty(inner);
                quote!(std::collections::BTreeMap<#string, #inner>)
            }
        }
    }

    fn primitive(&self, primitive: Primitive) -> TokenStream {
        match primitive {
            Primitive::Bool => quote!(bool),
            Primitive::I32 => quote!(i32),
            Primitive::I64 => quote!(i64),
            Primitive::F32 => quote!(f32),
            Primitive::F64 => quote!(f64),
            Primitive::String => self.std("String"),
            Primitive::Date => quote!(chrono::NaiveDate),
            Primitive::DateTime => quote!(chrono::DateTime<chrono::Utc>),
            Primitive::Uuid => quote!(uuid::Uuid),
            Primitive::Bytes => {
                let vec = self.std("Vec");
                quote!(#vec<u8>)
            }
            Primitive::Json => quote!(serde_json::Value),
            Primitive::Unit => quote!(()),
        }
    }

    /// The `crate::formats` module for a date pattern.
    pub fn format_module(&self, format: &str) -> TokenStream {
        let module = format_ident!("{}", self.formats.get(format).map_or("iso", String::as_str));
        quote!(crate::formats::#module)
    }
}

/// `#[doc]` attributes for `text`, one per line, so prettyplease prints them as `///` comments.
pub fn doc_lines(text: &str) -> TokenStream {
    let lines = text.trim_end().lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", escape_urls(line.trim_end()))
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// `#![doc]` attributes for `text`: the documentation of the module they stand in.
pub fn inner_doc_lines(text: &str) -> TokenStream {
    let lines = text.trim_end().lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", escape_urls(line.trim_end()))
        };
        quote!(#![doc = #line])
    });
    quote!(#(#lines)*)
}

/// The documentation text of `docs`: summary, description and notes as paragraphs, or
/// `fallback` when the spec says nothing.
pub fn doc_text(docs: &Docs, fallback: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(summary) = &docs.summary {
        parts.push(summary.trim().to_string());
    }
    if let Some(description) = &docs.description {
        let description = description.trim();
        if !parts.iter().any(|p| p == description) {
            parts.push(description.to_string());
        }
    }
    if parts.is_empty() {
        parts.push(fallback.to_string());
    }
    for note in &docs.notes {
        parts.push(format!("*{}*", note.trim()));
    }
    parts.join("\n\n")
}

/// Wraps bare URLs in `<>` so rustdoc renders them as links instead of warning.
fn escape_urls(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            if (word.starts_with("https://") || word.starts_with("http://")) && !word.ends_with('>')
            {
                let trimmed = word.trim_end_matches(['.', ',', ')', ';']);
                format!("<{trimmed}>{}", &word[trimmed.len()..])
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
