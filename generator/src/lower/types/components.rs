//! Component schemas: their Rust names, their replacements, and lowering each once.

use openapiv3::Schema;

use super::extensions::{rust_name, rust_type};
use super::shapes::is_null_only;
use super::{component_pointer, TypeSpace};
use crate::config::TypesConfig;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Primitive, TypeKind, TypeRef};
use crate::names::{self, Scope};

impl<'a> TypeSpace<'a> {
    /// Gives every component schema its Rust name: first those named by the configuration or
    /// `x-rust-name`, then the others, each in component order, so that collisions resolve
    /// the same way every time. Also records the components replaced by a Rust type.
    pub(super) fn name_components(&mut self, config: &TypesConfig) {
        self.names = Scope::default();
        self.component_names.clear();
        self.replaced.clear();
        let Some(components) = &self.resolver.api.components else {
            return;
        };
        let mut keys: Vec<&'a str> = components.schemas.keys().map(String::as_str).collect();
        keys.sort_unstable();
        for key in &keys {
            let from_extension = || components.schemas.get(*key).and_then(rust_name);
            let given = config.rename.get(*key).map(String::as_str);
            if let Some(name) = given.or_else(from_extension) {
                let name = if names::is_type_identifier(name) {
                    name.to_string()
                } else {
                    names::camel(name)
                };
                let claimed = self.names.claim(&name);
                self.component_names.insert(key, claimed);
            }
        }
        for key in &keys {
            if !self.component_names.contains_key(key) {
                let claimed = self.names.claim(&names::camel(key));
                self.component_names.insert(key, claimed);
            }
        }
        for key in &keys {
            let from_extension = components.schemas.get(*key).and_then(rust_type);
            let given = config.replace.get(*key).map(String::as_str);
            if let Some(path) = given.or(from_extension) {
                self.replaced.insert((*key).to_string(), path.to_string());
            }
        }
    }

    /// The schema of the component `key`, with its place.
    pub(super) fn component_schema(
        &self,
        key: &'a str,
    ) -> Result<(&'a Schema, Pointer), Diagnostic> {
        let at = component_pointer(key);
        let item = self
            .resolver
            .api
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(key))
            .ok_or_else(|| self.resolver.error(&at, "unresolved $ref"))?;
        let (schema, _) = self.resolver.schema(item, &at)?;
        Ok((schema, at))
    }

    /// The type a reference to the component `key` stands for, lowering the component the
    /// first time it is used. A reference to a component being lowered right now (a
    /// recursive type) is not followed; the cycle pass decides whether it needs a box.
    pub(super) fn component_ref(&mut self, key: &'a str) -> Result<TypeRef, Diagnostic> {
        let name = self.component_names.get(key).cloned().unwrap_or_default();
        let (schema, at) = self.component_schema(key)?;
        if let Some(path) = self.replaced.get(key).cloned() {
            self.replace(&name, &at, schema, path)?;
            return Ok(TypeRef::Named(name));
        }
        if is_null_only(schema) {
            return Ok(TypeRef::Primitive(Primitive::Unit));
        }
        if self.in_progress.contains(&key) || self.defs.contains_key(&name) {
            return Ok(TypeRef::Named(name));
        }
        self.entered.push(name.clone());
        self.in_progress.push(key);
        let lowered = self.define(schema, &at, &name);
        self.in_progress.pop();
        let ty = lowered?;
        if self.is_alias_of_itself(&name, &ty) {
            return Err(self.resolver.error(
                &at,
                "the schema is only another name for itself (a cycle of allOf/oneOf/anyOf without an object)",
            ));
        }
        if ty != TypeRef::Named(name.clone()) {
            // A component that is a scalar, a list or a map: keep its name as an alias.
            self.insert(&name, &at, schema, TypeKind::Alias(ty));
        }
        Ok(TypeRef::Named(name))
    }

    /// Defines `name` as the Rust type `path` (`[types.replace]`, `x-rust-type`), once.
    fn replace(
        &mut self,
        name: &str,
        at: &Pointer,
        schema: &Schema,
        path: String,
    ) -> Result<(), Diagnostic> {
        if self.defs.contains_key(name) {
            return Ok(());
        }
        if syn::parse_str::<syn::Type>(&path).is_err() {
            return Err(self
                .resolver
                .error(at, format!("the type override `{path}` is not a Rust type")));
        }
        self.insert(name, at, schema, TypeKind::External(path));
        Ok(())
    }

    /// Whether the component `name`, just lowered to `ty`, only names itself or a component
    /// still being lowered: a type no Rust alias can express.
    fn is_alias_of_itself(&self, name: &str, ty: &TypeRef) -> bool {
        let TypeRef::Named(other) = ty else {
            return false;
        };
        (other == name && !self.defs.contains_key(name))
            || self
                .in_progress
                .iter()
                .any(|k| self.component_names.get(k) == Some(other))
    }
}
