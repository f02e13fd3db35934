//! Id types (`x-id-type`): one line each, naming the runtime's `id_type!` macro, which writes
//! the newtype and the conversions a user needs to pass a literal, a value read from config or
//! an id from an answer, and nothing that lets one kind pass for another.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::Primitive;

/// The id type `name` over `wire`, documented by `docs`.
pub fn id_def(name: &Ident, docs: &TokenStream, wire: Primitive) -> TokenStream {
    let wire = match wire {
        // Lossless conversions with `From`, the rest with `TryFrom` (the value may not fit).
        Primitive::I64 => quote!(i64, from [i32, u32], try_from [u64]),
        Primitive::I32 => quote!(i32, from [i16, u16], try_from [i64, u32, u64]),
        Primitive::Uuid => quote!(uuid),
        _ => quote!(string),
    };
    quote! {
        crate::runtime::id_type!(#docs #name: #wire);
    }
}
