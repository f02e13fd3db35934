//! Schemas become named types and type references.
//!
//! Lowering walks the schemas depth first, from where operations use them and then through
//! every component, and builds the types without boxes; [`super::cycles`] then boxes the
//! references that make a type contain itself.

mod all_of;
mod components;
mod extensions;
mod ids;
mod objects;
mod scalars;
mod shapes;
mod unions;

use std::collections::BTreeMap;
use std::rc::Rc;

use openapiv3::{AnySchema, ReferenceOr, Schema, SchemaKind, Type};

use self::objects::ObjectParts;
use self::shapes::needs_definition;
use crate::config::TypesConfig;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Field, Primitive, TypeDef, TypeKind, TypeRef};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

pub use self::extensions::{docs_of, notes, DATE_FORMAT_EXTENSION};

/// How deeply inline schemas may nest before the spec counts as unreasonable.
const MAX_DEPTH: usize = 48;

/// Builds the crate's named types while operations are lowered, so that inline schemas get
/// names from where they are used.
pub struct TypeSpace<'a> {
    resolver: Resolver<'a>,
    names: Scope,
    /// Rust names of the component schemas, by component name.
    component_names: BTreeMap<&'a str, String>,
    /// Component schemas replaced by a Rust type path (`[types.replace]`).
    replaced: BTreeMap<String, String>,
    /// The components being lowered right now, outermost first: a reference to one of them
    /// is not lowered again.
    in_progress: Vec<&'a str>,
    /// How many schemas are being lowered inside one another right now.
    depth: usize,
    /// The named types, by name.
    defs: BTreeMap<String, TypeDef>,
    /// The names of the named types in the order lowering entered them, which the cycle pass
    /// walks them in.
    entered: Vec<String>,
    envelope_member_names: Option<(String, String)>,
    /// The id types (`x-id-type`) by kind of resource: their name and wire type.
    ids: BTreeMap<String, (String, Primitive)>,
    /// What each component adds as an `allOf` member, collected the first time it is one.
    all_of_parts: BTreeMap<&'a str, Rc<ObjectParts<'a>>>,
    /// The types of schemas that many operations reach through one place (an inline schema
    /// of a `#/components/responses` entry), by that place: lowered once.
    shared: BTreeMap<String, TypeRef>,
    /// The `allOf` work done so far (members visited, parts merged), for the tests.
    #[cfg(test)]
    all_of_work: usize,
}

impl<'a> TypeSpace<'a> {
    /// A type space for `resolver`'s document. `envelope` names the success flag and the
    /// payload, so that envelope schemas are recognised and not emitted as types.
    pub fn new(resolver: Resolver<'a>, envelope: Option<(String, String)>) -> Self {
        let mut space = TypeSpace {
            resolver,
            names: Scope::default(),
            component_names: BTreeMap::new(),
            replaced: BTreeMap::new(),
            in_progress: Vec::new(),
            depth: 0,
            defs: BTreeMap::new(),
            entered: Vec::new(),
            envelope_member_names: envelope,
            ids: BTreeMap::new(),
            all_of_parts: BTreeMap::new(),
            shared: BTreeMap::new(),
            #[cfg(test)]
            all_of_work: 0,
        };
        space.name_components(&TypesConfig::default());
        space
    }

    /// Applies the naming and type overrides of `generator.toml` (`[types]`).
    pub fn configure(mut self, config: &TypesConfig) -> Self {
        self.name_components(config);
        self
    }

    /// Lowers every component schema that stands for a type of its own, boxes what recursive
    /// types need, then hands out the named types sorted by name.
    pub fn finish(mut self) -> Result<Vec<TypeDef>, Diagnostic> {
        self.lower_components()?;
        super::cycles::box_cycles(&mut self.defs, &self.entered);
        Ok(self.defs.into_values().collect())
    }

    /// Lowers every component schema that stands for a type of its own (not the envelope).
    fn lower_components(&mut self) -> Result<(), Diagnostic> {
        let keys: Vec<&'a str> = self.component_names.keys().copied().collect();
        for key in keys {
            let (schema, _) = self.component_schema(key)?;
            if self.is_envelope(schema) {
                continue;
            }
            self.component_ref(key)?;
        }
        Ok(())
    }

    /// The struct fields of the named type `name`, when it is a struct. Lowered but not yet
    /// through the cycle pass: no field is boxed.
    pub fn struct_fields(&self, name: &str) -> Option<&[Field]> {
        match &self.defs.get(name)?.kind {
            TypeKind::Struct { fields, .. } => Some(fields),
            _ => None,
        }
    }

    /// Whether `schema` is the response envelope: an object with the success flag and the data.
    pub fn is_envelope(&self, schema: &Schema) -> bool {
        let Some((success, data)) = &self.envelope_member_names else {
            return false;
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                object.properties.contains_key(success) && object.properties.contains_key(data)
            }
            _ => false,
        }
    }

    /// The type of the schema at `item`, found at `at`. Inline types are named `hint`.
    pub fn type_of(
        &mut self,
        item: &'a ReferenceOr<Schema>,
        at: &Pointer,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        match item {
            ReferenceOr::Reference { .. } => {
                let (_, key) = self.resolver.schema(item, at)?;
                self.component_ref(key.unwrap_or_default())
            }
            ReferenceOr::Item(schema) => self.inline(schema, at, hint),
        }
    }

    /// Like [`TypeSpace::type_of`] for a schema several operations reach at the same place
    /// (`at`, in `#/components/responses`): its type is made the first time and given again.
    pub fn type_of_shared(
        &mut self,
        item: &'a ReferenceOr<Schema>,
        at: &Pointer,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if let Some(ty) = self.shared.get(&at.to_string()) {
            return Ok(ty.clone());
        }
        let ty = self.type_of(item, at, hint)?;
        self.shared.insert(at.to_string(), ty.clone());
        Ok(ty)
    }

    /// Like [`TypeSpace::type_of`] for boxed schemas (properties and items).
    pub fn type_of_boxed(
        &mut self,
        item: &'a ReferenceOr<Box<Schema>>,
        at: &Pointer,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        match item {
            ReferenceOr::Reference { .. } => {
                let (_, key) = self.resolver.boxed_schema(item, at)?;
                self.component_ref(key.unwrap_or_default())
            }
            ReferenceOr::Item(schema) => self.inline(schema, at, hint),
        }
    }

    /// The schema behind `item`.
    pub fn resolve(
        &self,
        item: &'a ReferenceOr<Schema>,
        at: &Pointer,
    ) -> Result<&'a Schema, Diagnostic> {
        self.resolver.schema(item, at).map(|(schema, _)| schema)
    }

    /// Lowers an inline schema; any type it defines gets a fresh name based on `hint`.
    fn inline(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if needs_definition(schema) {
            let name = self.names.claim(&names::camel(hint));
            self.entered.push(name.clone());
            self.define(schema, at, &name)
        } else {
            self.define(schema, at, hint)
        }
    }

    /// Lowers `schema`; a struct or enum is defined under `name`. Refuses schemas nested
    /// deeper than [`MAX_DEPTH`], which would otherwise exhaust the stack.
    fn define(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if self.depth >= MAX_DEPTH {
            return Err(self
                .resolver
                .error(at, format!("schemas nest deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        let result = self.lower_schema(schema, at, name);
        self.depth -= 1;
        result
    }

    /// Lowers `schema` by its kind; see [`TypeSpace::define`].
    fn lower_schema(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let lowered = self.lower_kind(schema, at, name)?;
        // `x-id-type` turns the scalar into the id type of its kind of resource.
        self.id_type(schema, lowered, at)
    }

    /// Lowers `schema` by its kind, as the spec's types say.
    fn lower_kind(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => self.string(schema, string, at, name),
            SchemaKind::Type(Type::Integer(integer)) => Ok(self.integer(schema, integer, at, name)),
            SchemaKind::Type(Type::Number(number)) => Ok(scalars::number(number)),
            SchemaKind::Type(Type::Boolean(_)) => Ok(TypeRef::Primitive(Primitive::Bool)),
            SchemaKind::Type(Type::Array(array)) => self.array(array.items.as_ref(), at, name),
            SchemaKind::Type(Type::Object(object)) => {
                let parts = ObjectParts::of_object(object, at);
                self.object(schema, parts, at, name)
            }
            SchemaKind::AllOf { all_of } => self.all_of(schema, all_of, None, at, name),
            SchemaKind::OneOf { one_of } => self.union(schema, one_of, at, "oneOf", name),
            SchemaKind::AnyOf { any_of } => self.union(schema, any_of, at, "anyOf", name),
            SchemaKind::Not { .. } => Err(self.unsupported(at, "not")),
            SchemaKind::Any(any) => self.any(schema, any, at, name),
        }
    }

    /// A schema that mixes keywords openapiv3 could not sort into one kind: lowered by what it
    /// has, composition first.
    fn any(
        &mut self,
        schema: &'a Schema,
        any: &'a AnySchema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if any.not.is_some() {
            return Err(self.unsupported(at, "not"));
        }
        if !any.all_of.is_empty() {
            return self.all_of(schema, &any.all_of, Some(any), at, name);
        }
        let has_object = !any.properties.is_empty() || any.typ.as_deref() == Some("object");
        if !has_object && !any.one_of.is_empty() {
            return self.union(schema, &any.one_of, at, "oneOf", name);
        }
        if !has_object && !any.any_of.is_empty() {
            return self.union(schema, &any.any_of, at, "anyOf", name);
        }
        // `oneOf`/`anyOf` beside properties only constrain which properties appear.
        if has_object || any.additional_properties.is_some() {
            let parts = ObjectParts::of_any(any, at);
            return self.object(schema, parts, at, name);
        }
        if any.items.is_some() || any.typ.as_deref() == Some("array") {
            return self.array(any.items.as_ref(), at, name);
        }
        self.any_scalar(schema, any, at)
    }

    /// Records the named type `name`, defined by `schema` at `at`.
    fn insert(&mut self, name: &str, at: &Pointer, schema: &Schema, kind: TypeKind) {
        let def = TypeDef {
            name: name.to_string(),
            origin: at.to_string(),
            docs: docs_of(schema),
            deprecated: schema.schema_data.deprecated,
            kind,
        };
        self.defs.insert(name.to_string(), def);
    }

    /// The error for a construct the generator does not handle.
    fn unsupported(&self, at: &Pointer, construct: &str) -> Diagnostic {
        self.resolver.error(
            at,
            format!("{construct} is not supported by the generator yet"),
        )
    }
}

/// `#/components/schemas/<key>`.
fn component_pointer(key: &str) -> Pointer {
    Pointer::root().join("components").join("schemas").join(key)
}
