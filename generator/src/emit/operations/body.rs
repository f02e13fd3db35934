//! A request body on the wire: JSON, a URL-encoded form or a multipart form.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::rust::Paths;
use crate::model::{Body, BodyEncoding, Primitive, TypeRef};

pub(super) fn body_statements(body: &Body, paths: &Paths) -> TokenStream {
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
pub(super) fn body_struct(body: &Body, paths: &Paths) -> TokenStream {
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
