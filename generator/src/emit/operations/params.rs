//! A parameter on the wire: its value as text, in the path, the query, a header or a cookie.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::rust::Paths;
use crate::model::{Param, ParamLocation, ParamStyle, Primitive, TypeRef};

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
pub(super) fn is_text(param: &Param) -> bool {
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
