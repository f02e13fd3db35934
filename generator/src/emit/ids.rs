//! Id types (`x-id-type`): a newtype per kind of resource over its wire type, with the
//! conversions a user needs to pass a literal, a value read from config, or an id from an
//! answer, and nothing that lets one kind pass for another.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::Primitive;

/// The newtype `name`, the id of a `resource`, over `wire`.
pub fn id_def(name: &Ident, docs: &TokenStream, resource: &str, wire: Primitive) -> TokenStream {
    let (inner, copy) = match wire {
        Primitive::I32 => (quote!(i32), true),
        Primitive::I64 => (quote!(i64), true),
        Primitive::Uuid => (quote!(uuid::Uuid), true),
        _ => (quote!(String), false),
    };
    let copy = copy.then(|| quote!(Copy,));
    let take = format!(" The {resource} id as it goes on the wire.");
    let conversions = conversions(name, &inner, wire);
    quote! {
        #docs
        #[derive(Debug, Clone, #copy PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(#inner);

        impl #name {
            #[doc = #take]
            #[must_use]
            pub fn into_inner(self) -> #inner {
                self.0
            }
        }

        impl From<#inner> for #name {
            fn from(id: #inner) -> Self {
                Self(id)
            }
        }

        impl From<#name> for #inner {
            fn from(id: #name) -> Self {
                id.0
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl std::str::FromStr for #name {
            type Err = <#inner as std::str::FromStr>::Err;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }

        #conversions
    }
}

/// From the other integer types a user holds: lossless ones with `From`, the rest with
/// `TryFrom` (whose error says the value does not fit); `&str` for string ids.
fn conversions(name: &Ident, inner: &TokenStream, wire: Primitive) -> TokenStream {
    let (lossless, fallible): (Vec<TokenStream>, Vec<TokenStream>) = match wire {
        Primitive::I64 => (vec![quote!(i32), quote!(u32)], vec![quote!(u64)]),
        Primitive::I32 => (
            vec![quote!(i16), quote!(u16)],
            vec![quote!(i64), quote!(u32), quote!(u64)],
        ),
        Primitive::String => {
            return quote! {
                impl From<&str> for #name {
                    fn from(id: &str) -> Self {
                        Self(id.to_string())
                    }
                }
            };
        }
        _ => return quote!(),
    };
    quote! {
        #(
            impl From<#lossless> for #name {
                fn from(id: #lossless) -> Self {
                    Self(#inner::from(id))
                }
            }
        )*
        #(
            impl TryFrom<#fallible> for #name {
                type Error = std::num::TryFromIntError;

                fn try_from(id: #fallible) -> Result<Self, Self::Error> {
                    #inner::try_from(id).map(Self)
                }
            }
        )*
    }
}
