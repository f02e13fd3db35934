//! Shared pieces of Rust emission: type paths and doc comments.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_splice;
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
    /// The path of the client crate's root: `crate`, or the crate's name in its tests.
    krate: TokenStream,
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
            krate: quote!(crate),
            formats,
        }
    }

    /// Paths for code in one module of `crate::types` when the types take several files:
    /// generated types by their full path (`crate::types::Pet`), which the module index
    /// re-exports.
    pub fn in_type_file(type_names: &[String], formats: BTreeMap<String, String>) -> Self {
        Paths {
            types_prefix: quote!(crate::types::),
            ..Self::in_types(type_names, formats)
        }
    }

    /// Paths for code in the crate root's own modules, which names types in full
    /// (`crate::types::Pet`).
    pub fn crate_root() -> Self {
        Paths {
            shadowed: BTreeSet::new(),
            types_prefix: quote!(crate::types::),
            krate: quote!(crate),
            formats: BTreeMap::new(),
        }
    }

    /// Paths for code outside `crate::types`, which imports the module as `types`.
    pub fn outside_types(formats: BTreeMap<String, String>) -> Self {
        Paths {
            shadowed: BTreeSet::new(),
            types_prefix: quote!(types::),
            krate: quote!(crate),
            formats,
        }
    }

    /// Paths for the crate's integration tests, which reach it by its name `crate_name` and
    /// import its `types` module.
    pub fn in_tests(formats: BTreeMap<String, String>, crate_name: &str) -> Self {
        let krate = format_ident!("{}", crate_name);
        Paths {
            krate: quote!(#krate),
            ..Self::outside_types(formats)
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
                let krate = &self.krate;
                quote!(#krate::Binary)
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

/// `head` and then every stream of `items`, moved in. Interpolated with `#(#items)*`, each
/// token of an item would be copied (quote takes what it interpolates by reference), and a
/// file's items are most of its tokens.
pub fn followed_by(
    mut head: TokenStream,
    items: impl IntoIterator<Item = TokenStream>,
) -> TokenStream {
    head.extend(items);
    head
}

/// `#[doc]` attributes for `text`, one per line, so prettyplease prints them as `///` comments.
///
/// Prose is escaped for rustdoc (see [`escape_urls`]); lines inside ```` ``` ```` fences (the
/// generated examples) are kept as they are.
pub fn doc_lines(text: &str) -> TokenStream {
    let mut fenced = false;
    let lines = text.trim_end().lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else if line.trim_start().starts_with("```") {
            fenced = !fenced;
            format!(" {}", line.trim_end())
        } else if fenced {
            format!(" {}", line.trim_end())
        } else {
            format!(" {}", escape_urls(line.trim_end()))
        };
        line
    });
    doc_attributes(lines.collect(), false)
}

/// The doc comment of `lines`: a placeholder spliced after formatting when the file's
/// comments are being collected (see [`doc_splice`]), else one `#[doc]` per line.
fn doc_attributes(lines: Vec<String>, inner: bool) -> TokenStream {
    if doc_splice::splices_as_lines(&lines, inner) {
        if let Some(placeholder) = doc_splice::placeholder(&lines, inner) {
            return placeholder;
        }
    }
    let attributes = lines.iter().map(|line| {
        if inner {
            quote!(#![doc = #line])
        } else {
            quote!(#[doc = #line])
        }
    });
    quote!(#(#attributes)*)
}

/// `#![doc]` attributes for `text`: the documentation of the module they stand in.
pub fn inner_doc_lines(text: &str) -> TokenStream {
    let lines = text.trim_end().lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", escape_urls(line.trim_end()))
        };
        line
    });
    doc_attributes(lines.collect(), true)
}

/// The documentation text of `docs`: summary, description and notes as paragraphs, or
/// `fallback` when the spec says nothing.
pub fn doc_text(docs: &Docs, fallback: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    // A summary or description of only white space says nothing (`description: ""`).
    if let Some(summary) = docs.summary.as_deref().map(str::trim) {
        if !summary.is_empty() {
            parts.push(summary.to_string());
        }
    }
    if let Some(description) = docs.description.as_deref().map(str::trim) {
        if !description.is_empty() && !parts.iter().any(|p| p == description) {
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

/// Makes one line of prose safe for rustdoc: bare URLs are wrapped in `<>` (rendered as links
/// instead of warned about), and brackets and `<` that are not links are escaped (spec text like
/// `[draft]` or `<id>` is neither a broken intra-doc link nor an HTML tag). Code spans, the
/// generator's own `` [`Name`] `` links, Markdown links and `<https://…>` autolinks are kept.
fn escape_urls(line: &str) -> String {
    // Most lines hold nothing either step would change; they are kept without the walk.
    if !line.contains(['[', ']', '<']) && !line.contains("http") {
        return line.to_string();
    }
    let segments: Vec<&str> = line.split('`').collect();
    // With an odd number of backticks the last one opens no code span: its text is prose.
    let unbalanced = segments.len().is_multiple_of(2);
    let mut out = String::with_capacity(line.len());
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        let code = i % 2 == 1 && !(unbalanced && i == segments.len() - 1);
        if code {
            out.push_str(segment);
        } else {
            let after_code = i > 0;
            let before_code = i + 1 < segments.len();
            out.push_str(&escape_prose(&wrap_urls(segment), after_code, before_code));
        }
    }
    out
}

/// Wraps bare URLs in `<>`.
fn wrap_urls(text: &str) -> String {
    text.split(' ')
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

/// Escapes `[`, `]` and `<` in prose that do not start or end a link. `after_code` and
/// `before_code` say whether a code span touches the text's start or end (`` [`Name`] ``).
fn escape_prose(text: &str, after_code: bool, before_code: bool) -> String {
    // Walks byte offsets and looks ahead in `text[i..]` itself: every character the scanner
    // stops at (`<`, `[`, `]`) is one byte, so the offsets stay on character boundaries, and
    // no copy of the rest of the line is made per character (that was quadratic in the line).
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(plain) = text[i..].find(['<', '[', ']']) {
        // The text up to the next character that may need escaping is kept as it is.
        out.push_str(&text[i..i + plain]);
        i += plain;
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match c {
            '<' => match rest.find('>') {
                Some(end)
                    if rest.starts_with("<https://")
                        || rest.starts_with("<http://")
                        || rest.starts_with("<mailto:") =>
                {
                    out.push_str(&rest[..=end]);
                    i += end + 1;
                    continue;
                }
                _ => out.push_str("\\<"),
            },
            '[' if i + 1 == text.len() && before_code => out.push('['),
            '[' => match markdown_link_len(rest) {
                Some(len) => {
                    out.push_str(&rest[..len]);
                    i += len;
                    continue;
                }
                None => out.push_str("\\["),
            },
            ']' if i == 0 && after_code => out.push(']'),
            ']' => out.push_str("\\]"),
            _ => out.push(c),
        }
        i += c.len_utf8();
    }
    out.push_str(&text[i..]);
    out
}

/// The length in bytes of the Markdown link `[text](target)` at the start of `text`, if one is.
fn markdown_link_len(text: &str) -> Option<usize> {
    let close = text.find("](")?;
    if text[1..close].contains(['[', ']']) {
        return None;
    }
    let end = text[close..].find(')')? + close;
    Some(end + 1)
}
