//! Objects: structs of properties, maps of `additionalProperties`, and lists.

use std::collections::BTreeSet;

use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, AnySchema, ObjectType, ReferenceOr, Schema};

use super::extensions::{docs_of, rust_name};
use super::shapes::{is_constraint_only, is_null_only};
use super::TypeSpace;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Docs, Field, Primitive, TypeKind, TypeRef};
use crate::names::{self, Scope};

/// A property of an object: its wire name, its schema and where that is.
type Property<'a> = (&'a str, &'a ReferenceOr<Box<Schema>>, Pointer);

/// The properties of an object, or of several objects merged by `allOf`.
#[derive(Default, Clone)]
pub struct ObjectParts<'a> {
    /// Properties by wire name in first-seen order; a later `allOf` member redefining one
    /// replaces its schema but keeps its place.
    properties: IndexMap<&'a str, Property<'a>>,
    required: BTreeSet<&'a str>,
    /// The first `additionalProperties` that allows anything, with its place.
    additional: Option<(&'a AdditionalProperties, Pointer)>,
    /// The `oneOf`/`anyOf` lists of `allOf` members, in the order met.
    pub unions: Vec<UnionPart<'a>>,
}

/// A `oneOf`/`anyOf` met in an `allOf` member, which the `allOf` is distributed over.
#[derive(Clone)]
pub struct UnionPart<'a> {
    /// The schema holding the list (for its `discriminator`).
    pub schema: &'a Schema,
    /// The alternatives.
    pub members: &'a [ReferenceOr<Schema>],
    /// Where the list is (`.../oneOf`).
    pub at: Pointer,
}

impl<'a> ObjectParts<'a> {
    /// The parts of a `type: object` schema at `at`.
    pub fn of_object(object: &'a ObjectType, at: &Pointer) -> Self {
        let mut parts = ObjectParts::default();
        parts.add_object(object, at);
        parts
    }

    /// The parts of a schema openapiv3 could not sort, at `at`.
    pub fn of_any(any: &'a AnySchema, at: &Pointer) -> Self {
        let mut parts = ObjectParts::default();
        parts.add_any(any, at);
        parts
    }

    /// Adds the properties of a `type: object` schema at `at`.
    pub fn add_object(&mut self, object: &'a ObjectType, at: &Pointer) {
        let extra = &object.additional_properties;
        self.add(&object.properties, &object.required, extra, at);
    }

    /// Adds the properties of a schema openapiv3 could not sort, at `at`.
    pub fn add_any(&mut self, any: &'a AnySchema, at: &Pointer) {
        self.add(
            &any.properties,
            &any.required,
            &any.additional_properties,
            at,
        );
    }

    /// Adds the properties, required names and `additionalProperties` of a schema at `at`.
    fn add(
        &mut self,
        properties: &'a IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &'a [String],
        additional: &'a Option<AdditionalProperties>,
        at: &Pointer,
    ) {
        for (wire_name, property) in properties {
            let property_at = at.join("properties").join(wire_name);
            let entry = (wire_name.as_str(), property, property_at);
            self.properties.insert(wire_name.as_str(), entry);
        }
        self.required.extend(required.iter().map(String::as_str));
        if let (None, Some(extra)) = (&self.additional, additional) {
            if !matches!(extra, AdditionalProperties::Any(false)) {
                self.additional = Some((extra, at.join("additionalProperties")));
            }
        }
    }

    /// Keeps the `oneOf`/`anyOf` list `members` of `schema`, at `at`, unless every alternative
    /// only constrains which properties appear.
    pub fn add_union(
        &mut self,
        schema: &'a Schema,
        members: &'a [ReferenceOr<Schema>],
        at: Pointer,
    ) {
        if !members.iter().all(is_constraint_only) {
            self.unions.push(UnionPart {
                schema,
                members,
                at,
            });
        }
    }

    /// Adds the parts `other` collected, as if its members were added here one by one: its
    /// properties in its order (a property already here keeps its place and takes the later
    /// schema), its required names, its `additionalProperties` when none is here yet, its
    /// unions.
    pub fn merge(&mut self, other: &ObjectParts<'a>) {
        for (wire_name, entry) in &other.properties {
            self.properties.insert(wire_name, entry.clone());
        }
        self.required.extend(other.required.iter().copied());
        if self.additional.is_none() {
            self.additional.clone_from(&other.additional);
        }
        self.unions.extend(other.unions.iter().cloned());
    }

    /// How many properties and unions the parts hold: the work of merging them.
    pub fn len(&self) -> usize {
        self.properties.len() + self.unions.len()
    }

    /// Whether the parts name no property and keep no other properties (unions aside).
    pub fn is_empty(&self) -> bool {
        self.properties.is_empty() && self.additional.is_none()
    }
}

impl<'a> TypeSpace<'a> {
    /// An object: a struct of its properties, a map when it only has `additionalProperties`,
    /// any JSON value when it has neither.
    pub(super) fn object(
        &mut self,
        schema: &'a Schema,
        parts: ObjectParts<'a>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if !parts.properties.is_empty() {
            return self.structure(schema, parts, at, name);
        }
        match parts.additional {
            Some((AdditionalProperties::Schema(values), values_at)) => {
                let value = self.type_of(values, &values_at, &format!("{name}Value"))?;
                Ok(TypeRef::Map(Box::new(value)))
            }
            _ if is_null_only(schema) => Ok(TypeRef::Primitive(Primitive::Unit)),
            _ => Ok(TypeRef::Primitive(Primitive::Json)),
        }
    }

    /// Defines the struct `name` of the properties in `parts`, keeping other properties when
    /// `additionalProperties` allows them.
    fn structure(
        &mut self,
        schema: &'a Schema,
        parts: ObjectParts<'a>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let mut scope = Scope::default();
        let given = given_field_names(parts.properties.values(), &mut scope);
        let mut fields = Vec::with_capacity(parts.properties.len());
        for (property, given) in parts.properties.values().zip(given) {
            let required = parts.required.contains(property.0);
            let rust_name = given.unwrap_or_else(|| scope.claim(&names::snake(property.0)));
            fields.push(self.field(property, rust_name, required, name)?);
        }
        let keeps_extra = parts.additional.is_some();
        let extra_type = match parts.additional {
            Some((AdditionalProperties::Schema(values), values_at)) => {
                Some(self.type_of(values, &values_at, &format!("{name}Extra"))?)
            }
            _ => None,
        };
        let kind = TypeKind::Struct {
            fields,
            keeps_extra,
            extra_type,
        };
        self.insert(name, at, schema, kind);
        Ok(TypeRef::Named(name.to_string()))
    }

    /// The field of the struct `owner` for `property`, named `rust_name`. Not boxed: the
    /// cycle pass boxes what a recursive type needs.
    fn field(
        &mut self,
        (wire_name, property, property_at): &Property<'a>,
        rust_name: String,
        required: bool,
        owner: &str,
    ) -> Result<Field, Diagnostic> {
        let target = self.resolver.boxed_schema(property, property_at)?.0;
        let hint = format!("{owner}{}", names::camel(wire_name));
        let ty = self.type_of_boxed(property, property_at, &hint)?;
        let inline = matches!(property, ReferenceOr::Item(_));
        let data = &target.schema_data;
        Ok(Field {
            wire_name: (*wire_name).to_string(),
            rust_name,
            ty,
            required,
            nullable: data.nullable,
            // A reference's target may be deprecated as a type; the field itself is not.
            deprecated: data.deprecated && inline,
            boxed: false,
            default: data.default.clone(),
            docs: field_docs(target, inline),
        })
    }

    /// A list of `items` (of any JSON value when the spec does not say).
    pub(super) fn array(
        &mut self,
        items: Option<&'a ReferenceOr<Box<Schema>>>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let item = match items {
            Some(items) => self.type_of_boxed(items, &at.join("items"), &format!("{name}Item"))?,
            None => TypeRef::Primitive(Primitive::Json),
        };
        Ok(TypeRef::Array(Box::new(item)))
    }
}

/// The field names `x-rust-name` gives the properties, claimed in `scope` before any other
/// field name so that they win collisions. Names that are not Rust field names are ignored.
fn given_field_names<'p, 'a: 'p>(
    properties: impl Iterator<Item = &'p Property<'a>>,
    scope: &mut Scope,
) -> Vec<Option<String>> {
    properties
        .map(|(_, property, _)| {
            rust_name(property)
                .filter(|n| names::is_field_identifier(n))
                .map(|n| scope.claim(n))
        })
        .collect()
}

/// The documentation of a field whose schema is `target`: the schema's own when it is
/// written inline (a referenced type documents itself), with notes on read-only, write-only
/// and the default.
fn field_docs(target: &Schema, inline: bool) -> Docs {
    let data = &target.schema_data;
    let mut docs = if inline {
        docs_of(target)
    } else {
        Docs::default()
    };
    if data.read_only {
        docs.notes
            .push("Read-only: the server sets it; requests need not send it.".into());
    }
    if data.write_only {
        docs.notes
            .push("Write-only: sent in requests, never in answers.".into());
    }
    if let Some(default) = &data.default {
        docs.notes.push(format!("Default: `{default}`."));
    }
    docs
}
