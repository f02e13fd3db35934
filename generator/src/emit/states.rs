//! The type parameters of a request builder that track its required parameters: one per
//! required setter, `Unset` until the setter is called and `Set` after, so that `.send()`
//! compiles only once each is set (the runtime's `required.rs` says how the compiler names a
//! missing one). A builder without required parameters has none, and all of this is empty.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::contract;
use crate::model::{Api, Operation};
use crate::names::Scope;

/// One required setter and its type parameter.
struct State {
    /// The setter's name, which is also its marker's in `operations::params`.
    setter: String,
    /// The builder's type parameter (`WorkspaceIdState`).
    generic: Ident,
    /// The type parameter of `restate` that stands for it (`WorkspaceIdStateNext`).
    next: Ident,
}

/// The required-parameter states of one builder.
pub struct States(Vec<State>);

impl States {
    /// The states of `op`'s builder, in the order of its required setters.
    pub fn of(op: &Operation) -> Self {
        let required = op.required_states();
        let mut scope = Scope::with_reserved(contract::BUILDER_TYPE_NAMES.iter().copied());
        for (_, generic) in &required {
            scope.claim(generic);
        }
        let states = required
            .into_iter()
            .map(|(setter, generic)| State {
                setter: setter.to_string(),
                next: format_ident!("{}", scope.claim(&format!("{generic}Next"))),
                generic: format_ident!("{}", generic),
            })
            .collect();
        States(states)
    }

    /// The marker of every required setter in `api`: the items of `operations::params`.
    pub fn markers(api: &Api) -> BTreeSet<String> {
        api.operations
            .iter()
            .flat_map(Operation::required_setters)
            .map(str::to_string)
            .collect()
    }

    /// Whether the builder has required parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `setter` is one of the required setters.
    pub fn tracks(&self, setter: &str) -> bool {
        self.0.iter().any(|state| state.setter == setter)
    }

    /// The struct's parameters, each unset by default: `<WorkspaceIdState = Unset, DateState = Unset>`.
    pub fn declared(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let generics = self.0.iter().map(|state| &state.generic);
        quote!(<#(#generics = Unset),*>)
    }

    /// The parameters as the impl names them: `<WorkspaceIdState, DateState>`.
    pub fn generics(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let generics = self.0.iter().map(|state| &state.generic);
        quote!(<#(#generics),*>)
    }

    /// The bounds of whatever sends: `where WorkspaceIdState: IsSet<params::workspace_id>, ...`.
    pub fn ready(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let bounds = self.0.iter().map(|state| {
            let generic = &state.generic;
            let marker = format_ident!("{}", state.setter);
            quote!(#generic: IsSet<params::#marker>)
        });
        quote!(where #(#bounds),*)
    }

    /// The member that holds the states (they take no room).
    pub fn member(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let generics = self.0.iter().map(|state| &state.generic);
        quote!(state: std::marker::PhantomData<(#(#generics,)*)>,)
    }

    /// The member's value in `new`.
    pub fn init(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        quote!(state: std::marker::PhantomData,)
    }

    /// The builder's type once the setters for which `is_set` holds are called: `Name<Set, DateState>`.
    pub fn after_setting(&self, builder: &Ident, is_set: impl Fn(&str) -> bool) -> TokenStream {
        let states = self.0.iter().map(|state| {
            if is_set(&state.setter) {
                quote!(Set)
            } else {
                let generic = &state.generic;
                quote!(#generic)
            }
        });
        quote!(#builder<#(#states),*>)
    }

    /// `restate`, which moves every value into the same builder with other states; the
    /// setters of required values call it. `fields` are the builder's value members.
    pub fn restate(&self, builder: &Ident, fields: &[Ident]) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let next: Vec<&Ident> = self.0.iter().map(|state| &state.next).collect();
        quote! {
            /// The same values in a builder whose required parameters have other states.
            fn restate<#(#next),*>(self) -> #builder<#(#next),*> {
                #builder {
                    client: self.client,
                    options: self.options,
                    #(#fields: self.#fields,)*
                    state: std::marker::PhantomData,
                }
            }
        }
    }

    /// What `operation_builder!` needs to know: `<WorkspaceIdState: params::workspace_id, ...>`.
    pub fn for_macro(&self) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let pairs = self.0.iter().map(|state| {
            let generic = &state.generic;
            let marker = format_ident!("{}", state.setter);
            quote!(#generic: params::#marker)
        });
        quote!(<#(#pairs),*>)
    }
}
