//! Schemas become named types and type references.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

use crate::config::TypesConfig;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{
    DateKind, Docs, Field, Primitive, TypeDef, TypeKind, TypeRef, UnionVariant, Variant,
};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

/// How deeply inline schemas may nest before the spec counts as unreasonable.
const MAX_DEPTH: usize = 48;

/// The extension that names the strftime pattern of a non-ISO date string.
pub const DATE_FORMAT_EXTENSION: &str = "x-date-format";
/// The extension that names the variants of an integer enum.
const ENUM_NAMES_EXTENSION: &str = "x-enum-varnames";
/// The extension that gives a schema's type (or a property's field) its Rust name.
pub const RUST_NAME_EXTENSION: &str = "x-rust-name";
/// The extension that maps a component schema to an existing Rust type.
pub const RUST_TYPE_EXTENSION: &str = "x-rust-type";

/// Builds the crate's named types while operations are lowered, so that inline schemas get
/// names from where they are used.
pub struct TypeSpace<'a> {
    resolver: Resolver<'a>,
    names: Scope,
    /// Rust names of the component schemas, by component name.
    component_names: BTreeMap<&'a str, String>,
    /// Component schemas replaced by a Rust type path (`[types.replace]`).
    replaced: BTreeMap<String, String>,
    /// Components being lowered right now, with the number of indirections (lists, maps)
    /// entered before each: a reference back to one of them with no indirection since is a
    /// recursive type and must be boxed.
    stack: Vec<(&'a str, usize)>,
    /// Lists and maps entered so far on the way down.
    indirections: usize,
    /// The component a by-value reference back up the stack pointed at, just now.
    back_edge: Option<String>,
    defs: BTreeMap<String, TypeDef>,
    envelope_member_names: Option<(String, String)>,
    depth: usize,
}

/// The properties of an object, or of several objects merged by `allOf`.
#[derive(Default)]
struct ObjectParts<'a> {
    /// Properties in first-seen order; a later `allOf` member redefining one replaces its
    /// schema but keeps its place.
    properties: Vec<(&'a str, &'a ReferenceOr<Box<Schema>>, Pointer)>,
    required: BTreeSet<&'a str>,
    /// The first `additionalProperties` that allows anything, with its place.
    additional: Option<(&'a AdditionalProperties, Pointer)>,
}

impl<'a> ObjectParts<'a> {
    fn add(
        &mut self,
        properties: &'a IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &'a [String],
        additional: &'a Option<AdditionalProperties>,
        at: &Pointer,
    ) {
        for (wire_name, property) in properties {
            let property_at = at.join("properties").join(wire_name);
            match self
                .properties
                .iter_mut()
                .find(|(name, _, _)| *name == wire_name.as_str())
            {
                Some(existing) => *existing = (wire_name.as_str(), property, property_at),
                None => self
                    .properties
                    .push((wire_name.as_str(), property, property_at)),
            }
        }
        self.required.extend(required.iter().map(String::as_str));
        if let (None, Some(extra)) = (&self.additional, additional) {
            if !matches!(extra, AdditionalProperties::Any(false)) {
                self.additional = Some((extra, at.join("additionalProperties")));
            }
        }
    }
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
            stack: Vec::new(),
            indirections: 0,
            back_edge: None,
            defs: BTreeMap::new(),
            envelope_member_names: envelope,
            depth: 0,
        };
        space.name_components(&TypesConfig::default());
        space
    }

    /// Applies the naming and type overrides of `generator.toml` (`[types]`).
    pub fn configure(mut self, config: &TypesConfig) -> Self {
        self.name_components(config);
        self
    }

    /// Gives every component schema its Rust name: first those named by the configuration or
    /// `x-rust-name`, then the others, each in component order, so that collisions resolve
    /// the same way every time.
    fn name_components(&mut self, config: &TypesConfig) {
        self.names = Scope::default();
        self.component_names.clear();
        self.replaced.clear();
        let Some(components) = &self.resolver.api.components else {
            return;
        };
        let mut keys: Vec<&'a str> = components.schemas.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let given = |key: &str| -> Option<String> {
            let from_extension = || {
                let item = components.schemas.get(key)?;
                let ReferenceOr::Item(schema) = item else {
                    return None;
                };
                let name = schema.schema_data.extensions.get(RUST_NAME_EXTENSION)?;
                name.as_str().map(str::to_string)
            };
            config.rename.get(key).cloned().or_else(from_extension)
        };
        for key in &keys {
            if let Some(name) = given(key) {
                let name = if names::is_type_identifier(&name) {
                    name
                } else {
                    names::camel(&name)
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
            let from_extension = match components.schemas.get(*key) {
                Some(ReferenceOr::Item(schema)) => schema
                    .schema_data
                    .extensions
                    .get(RUST_TYPE_EXTENSION)
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                _ => None,
            };
            if let Some(path) = config.replace.get(*key).cloned().or(from_extension) {
                self.replaced.insert((*key).to_string(), path);
            }
        }
    }

    /// Lowers every component schema that stands for a type of its own, then hands out the
    /// named types sorted by name.
    pub fn finish(mut self) -> Result<Vec<TypeDef>, Diagnostic> {
        let keys: Vec<&'a str> = self.component_names.keys().copied().collect();
        for key in keys {
            let (schema, _) = self.component_schema(key)?;
            if self.is_envelope(schema) {
                continue;
            }
            self.component_ref(key)?;
        }
        Ok(self.defs.into_values().collect())
    }

    /// The struct fields of the named type `name`, when it is a struct.
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

    fn component_schema(&self, key: &'a str) -> Result<(&'a Schema, Pointer), Diagnostic> {
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
    /// first time it is used.
    fn component_ref(&mut self, key: &'a str) -> Result<TypeRef, Diagnostic> {
        let name = self.component_names.get(key).cloned().unwrap_or_default();
        let (schema, at) = self.component_schema(key)?;
        if let Some(path) = self.replaced.get(key).cloned() {
            if !self.defs.contains_key(&name) {
                if syn::parse_str::<syn::Type>(&path).is_err() {
                    return Err(self.resolver.error(
                        &at,
                        format!("the type override `{path}` is not a Rust type"),
                    ));
                }
                self.insert(&name, &at, schema, TypeKind::External(path));
            }
            return Ok(TypeRef::Named(name));
        }
        if is_null_only(schema) {
            return Ok(TypeRef::Primitive(Primitive::Unit));
        }
        if let Some((_, entered_at)) = self.stack.iter().find(|(k, _)| *k == key) {
            if *entered_at == self.indirections {
                self.back_edge = Some(name.clone());
            }
            return Ok(TypeRef::Named(name));
        }
        if self.defs.contains_key(&name) {
            return Ok(TypeRef::Named(name));
        }
        self.stack.push((key, self.indirections));
        let lowered = self.define(schema, &at, &name);
        self.stack.pop();
        let ty = lowered?;
        if let TypeRef::Named(other) = &ty {
            let cyclic = *other == name && !self.defs.contains_key(&name)
                || self
                    .stack
                    .iter()
                    .any(|(k, _)| self.component_names.get(k) == Some(other));
            if cyclic {
                return Err(self.resolver.error(
                    &at,
                    "the schema is only another name for itself (a cycle of allOf/oneOf/anyOf without an object)",
                ));
            }
        }
        if ty != TypeRef::Named(name.clone()) {
            // A component that is a scalar, a list or a map: keep its name as an alias.
            self.insert(&name, &at, schema, TypeKind::Alias(ty));
        }
        Ok(TypeRef::Named(name))
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
            self.define(schema, at, &name)
        } else {
            self.define(schema, at, hint)
        }
    }

    /// Lowers `schema`; a struct or enum is defined under `name`.
    fn define(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(self
                .resolver
                .error(at, format!("schemas nest deeper than {MAX_DEPTH} levels")))
        } else {
            self.define_inner(schema, at, name)
        };
        self.depth -= 1;
        result
    }

    /// The type of a list's items or a map's values: an indirection, so a reference back to
    /// a type being defined needs no box.
    fn indirect(
        &mut self,
        item: &'a ReferenceOr<Box<Schema>>,
        at: &Pointer,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        self.indirections += 1;
        let ty = self.type_of_boxed(item, at, hint);
        self.indirections -= 1;
        ty
    }

    fn define_inner(
        &mut self,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let ty = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                let values: Vec<&String> = string.enumeration.iter().flatten().collect();
                if !values.is_empty() {
                    return Ok(self.string_enum(name, at, schema, &values));
                }
                if let Some(format) = schema.schema_data.extensions.get(DATE_FORMAT_EXTENSION) {
                    return date_format(format).ok_or_else(|| {
                        self.resolver.error(
                            &at.join(DATE_FORMAT_EXTENSION),
                            "x-date-format must be a strftime pattern with a date (%Y, %m/%b, %d)",
                        )
                    });
                }
                TypeRef::Primitive(match &string.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Primitive::Date,
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Primitive::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Primitive::Bytes,
                    VariantOrUnknownOrEmpty::Unknown(format) => string_format(format),
                    _ => Primitive::String,
                })
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                let values: Vec<i64> = integer.enumeration.iter().flatten().copied().collect();
                if !values.is_empty() {
                    return Ok(self.integer_enum(name, at, schema, &values));
                }
                TypeRef::Primitive(match integer.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Primitive::I32,
                    _ => Primitive::I64,
                })
            }
            SchemaKind::Type(Type::Number(number)) => TypeRef::Primitive(match number.format {
                VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => Primitive::F32,
                _ => Primitive::F64,
            }),
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Primitive(Primitive::Bool),
            SchemaKind::Type(Type::Array(array)) => self.array(array.items.as_ref(), at, name)?,
            SchemaKind::Type(Type::Object(object)) => {
                let mut parts = ObjectParts::default();
                parts.add(
                    &object.properties,
                    &object.required,
                    &object.additional_properties,
                    at,
                );
                return self.object(schema, parts, at, name);
            }
            SchemaKind::AllOf { all_of } => return self.all_of(schema, all_of, None, at, name),
            SchemaKind::OneOf { one_of } => return self.union(schema, one_of, at, "oneOf", name),
            SchemaKind::AnyOf { any_of } => return self.union(schema, any_of, at, "anyOf", name),
            SchemaKind::Not { .. } => return Err(self.unsupported(at, "not")),
            SchemaKind::Any(any) => return self.any(schema, any, at, name),
        };
        Ok(ty)
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
            let mut parts = ObjectParts::default();
            parts.add(
                &any.properties,
                &any.required,
                &any.additional_properties,
                at,
            );
            return self.object(schema, parts, at, name);
        }
        if any.items.is_some() || any.typ.as_deref() == Some("array") {
            return self.array(any.items.as_ref(), at, name);
        }
        let format = any.format.as_deref().unwrap_or_default();
        let primitive = match any.typ.as_deref() {
            Some("string") => match format {
                "date" => Primitive::Date,
                "date-time" => Primitive::DateTime,
                "binary" => Primitive::Bytes,
                other => string_format(other),
            },
            Some("integer") if format == "int32" => Primitive::I32,
            Some("integer") => Primitive::I64,
            Some("number") if format == "float" => Primitive::F32,
            Some("number") => Primitive::F64,
            Some("boolean") => Primitive::Bool,
            Some(other) if !other.is_empty() && other != "null" => {
                return Err(self.unsupported(&at.join("type"), &format!("type `{other}`")))
            }
            _ if is_null_only(schema) => Primitive::Unit,
            _ => Primitive::Json,
        };
        Ok(TypeRef::Primitive(primitive))
    }

    fn array(
        &mut self,
        items: Option<&'a ReferenceOr<Box<Schema>>>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        Ok(match items {
            Some(items) => {
                let item = self.indirect(items, &at.join("items"), &format!("{name}Item"))?;
                TypeRef::Array(Box::new(item))
            }
            None => TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::Json))),
        })
    }

    fn string_enum(
        &mut self,
        name: &str,
        at: &Pointer,
        schema: &'a Schema,
        values: &[&String],
    ) -> TypeRef {
        let mut scope = Scope::default();
        let mut variants: Vec<Variant<String>> = Vec::new();
        for value in values {
            if variants.iter().any(|v| &v.value == *value) {
                continue;
            }
            variants.push(Variant {
                value: (*value).clone(),
                name: scope.claim(&names::camel(value)),
            });
        }
        let fallback = scope.claim("Other");
        self.insert(
            name,
            at,
            schema,
            TypeKind::StringEnum { variants, fallback },
        );
        TypeRef::Named(name.to_string())
    }

    fn integer_enum(
        &mut self,
        name: &str,
        at: &Pointer,
        schema: &'a Schema,
        values: &[i64],
    ) -> TypeRef {
        let given = enum_names(schema, values.len());
        let mut scope = Scope::default();
        let mut variants: Vec<Variant<i64>> = Vec::new();
        for (i, value) in values.iter().enumerate() {
            if variants.iter().any(|v| v.value == *value) {
                continue;
            }
            let wanted = given
                .as_ref()
                .map_or_else(|| names::camel(&value.to_string()), |g| names::camel(&g[i]));
            variants.push(Variant {
                value: *value,
                name: scope.claim(&wanted),
            });
        }
        let fallback = scope.claim("Other");
        self.insert(
            name,
            at,
            schema,
            TypeKind::IntegerEnum { variants, fallback },
        );
        TypeRef::Named(name.to_string())
    }

    /// An object: a struct of its properties, a map when it only has `additionalProperties`,
    /// any JSON value when it has neither.
    fn object(
        &mut self,
        schema: &'a Schema,
        parts: ObjectParts<'a>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        if parts.properties.is_empty() {
            return match parts.additional {
                Some((AdditionalProperties::Schema(values), values_at)) => {
                    self.indirections += 1;
                    let value = self.type_of(values, &values_at, &format!("{name}Value"));
                    self.indirections -= 1;
                    Ok(TypeRef::Map(Box::new(value?)))
                }
                _ if is_null_only(schema) => Ok(TypeRef::Primitive(Primitive::Unit)),
                _ => Ok(TypeRef::Primitive(Primitive::Json)),
            };
        }
        let mut scope = Scope::default();
        let mut fields = Vec::with_capacity(parts.properties.len());
        // Field names given by `x-rust-name` are claimed first.
        let given: Vec<Option<String>> = parts
            .properties
            .iter()
            .map(|(_, property, _)| match property {
                ReferenceOr::Item(schema) => schema
                    .schema_data
                    .extensions
                    .get(RUST_NAME_EXTENSION)
                    .and_then(|v| v.as_str())
                    .filter(|n| names::is_field_identifier(n))
                    .map(|n| scope.claim(n)),
                ReferenceOr::Reference { .. } => None,
            })
            .collect();
        for ((wire_name, property, property_at), given) in parts.properties.iter().zip(given) {
            let target = self.resolver.boxed_schema(property, property_at)?.0;
            let hint = format!("{name}{}", names::camel(wire_name));
            self.back_edge = None;
            let ty = self.type_of_boxed(property, property_at, &hint)?;
            let boxed = matches!((&ty, &self.back_edge), (TypeRef::Named(n), Some(b)) if n == b);
            self.back_edge = None;
            let data = &target.schema_data;
            let mut docs = match property {
                ReferenceOr::Item(_) => docs_of(target),
                ReferenceOr::Reference { .. } => Docs::default(),
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
            fields.push(Field {
                wire_name: (*wire_name).to_string(),
                rust_name: given.unwrap_or_else(|| scope.claim(&names::snake(wire_name))),
                ty,
                required: parts.required.contains(wire_name),
                nullable: data.nullable,
                // A reference's target may be deprecated as a type; the field itself is not.
                deprecated: data.deprecated && matches!(property, ReferenceOr::Item(_)),
                boxed,
                default: data.default.clone(),
                docs,
            });
        }
        let keeps_extra = parts.additional.is_some();
        let extra_type = match parts.additional {
            Some((AdditionalProperties::Schema(values), values_at)) => {
                self.indirections += 1;
                let value = self.type_of(values, &values_at, &format!("{name}Extra"));
                self.indirections -= 1;
                Some(value?)
            }
            _ => None,
        };
        self.insert(
            name,
            at,
            schema,
            TypeKind::Struct {
                fields,
                keeps_extra,
                extra_type,
            },
        );
        Ok(TypeRef::Named(name.to_string()))
    }

    /// `allOf`: one struct with the properties of every member (no duplicates; `required` is
    /// the union). With a single member that is not an object it is that member's type.
    fn all_of(
        &mut self,
        schema: &'a Schema,
        members: &'a [ReferenceOr<Schema>],
        own: Option<&'a AnySchema>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let members_at = at.join("allOf");
        let has_own = own.is_some_and(|o| !o.properties.is_empty());
        let meaningful: Vec<usize> = (0..members.len())
            .filter(|i| !members.get(*i).is_some_and(is_annotation_only))
            .collect();
        if let ([only], false) = (meaningful.as_slice(), has_own) {
            if let Some(member) = members.get(*only) {
                return self.single_member(member, &members_at.join(only), name);
            }
        }
        let mut parts = ObjectParts::default();
        if let Some(own) = own {
            parts.add(
                &own.properties,
                &own.required,
                &own.additional_properties,
                at,
            );
        }
        let mut seen = Vec::new();
        self.collect_all_of(members, &members_at, &mut parts, &mut seen, 0)?;
        self.object(schema, parts, at, name)
    }

    /// The type of the one meaningful member of a composition: defined under `name` when
    /// inline, the component's type when a reference.
    fn single_member(
        &mut self,
        member: &'a ReferenceOr<Schema>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        match member {
            ReferenceOr::Reference { .. } => self.type_of(member, at, name),
            ReferenceOr::Item(inner) => self.define(inner, at, name),
        }
    }

    fn collect_all_of(
        &self,
        members: &'a [ReferenceOr<Schema>],
        members_at: &Pointer,
        parts: &mut ObjectParts<'a>,
        seen: &mut Vec<&'a str>,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.resolver.error(
                members_at,
                format!("allOf nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        for (i, member) in members.iter().enumerate() {
            let member_at = members_at.join(i);
            let (schema, key) = self.resolver.schema(member, &member_at)?;
            let schema_at = match key {
                Some(key) => {
                    if seen.contains(&key) {
                        return Err(self
                            .resolver
                            .error(&member_at, format!("allOf includes `{key}` within itself")));
                    }
                    seen.push(key);
                    component_pointer(key)
                }
                None => member_at.clone(),
            };
            let result = self.collect_schema(schema, &schema_at, parts, seen, depth + 1);
            if key.is_some() {
                seen.pop();
            }
            result?;
        }
        Ok(())
    }

    fn collect_schema(
        &self,
        schema: &'a Schema,
        at: &Pointer,
        parts: &mut ObjectParts<'a>,
        seen: &mut Vec<&'a str>,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => {
                parts.add(&o.properties, &o.required, &o.additional_properties, at);
                Ok(())
            }
            SchemaKind::AllOf { all_of } => {
                self.collect_all_of(all_of, &at.join("allOf"), parts, seen, depth)
            }
            SchemaKind::Any(any) if any.not.is_none() => {
                parts.add(
                    &any.properties,
                    &any.required,
                    &any.additional_properties,
                    at,
                );
                if !any.all_of.is_empty() {
                    self.collect_all_of(&any.all_of, &at.join("allOf"), parts, seen, depth)?;
                }
                let only_constraints = |members: &[ReferenceOr<Schema>]| {
                    members.iter().all(|m| {
                        matches!(m, ReferenceOr::Item(s) if matches!(&s.schema_kind, SchemaKind::Any(a) if a.properties.is_empty() && a.typ.is_none()))
                    })
                };
                if !only_constraints(&any.one_of) || !only_constraints(&any.any_of) {
                    return Err(self.unsupported(at, "oneOf/anyOf inside an allOf member"));
                }
                Ok(())
            }
            _ if is_annotation_schema(schema) => Ok(()),
            _ => Err(self.unsupported(at, "an allOf member that is not an object")),
        }
    }

    /// `oneOf` / `anyOf`: an enum of the alternatives, tagged by the discriminator when every
    /// alternative is a named schema, untagged otherwise; unknown shapes land in a fallback.
    fn union(
        &mut self,
        schema: &'a Schema,
        members: &'a [ReferenceOr<Schema>],
        at: &Pointer,
        keyword: &str,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let members_at = at.join(keyword);
        let meaningful: Vec<usize> = (0..members.len())
            .filter(|i| {
                members.get(*i).is_some_and(|m| {
                    !is_annotation_only(m) && !matches!(m, ReferenceOr::Item(s) if is_null_only(s))
                })
            })
            .collect();
        match meaningful.as_slice() {
            [] => return Ok(TypeRef::Primitive(Primitive::Json)),
            [only] => {
                if let Some(member) = members.get(*only) {
                    return self.single_member(member, &members_at.join(only), name);
                }
            }
            _ => {}
        }
        let discriminator = schema.schema_data.discriminator.as_ref().filter(|_| {
            meaningful
                .iter()
                .all(|i| matches!(members.get(*i), Some(ReferenceOr::Reference { .. })))
        });
        let mut scope = Scope::default();
        let mut used_tags: BTreeSet<String> = BTreeSet::new();
        let mut variants = Vec::with_capacity(meaningful.len());
        for i in meaningful {
            let Some(member) = members.get(i) else {
                continue;
            };
            let member_at = members_at.join(i);
            self.back_edge = None;
            let ty = self.type_of(member, &member_at, &format!("{name}Variant{i}"))?;
            let boxed = matches!((&ty, &self.back_edge), (TypeRef::Named(n), Some(b)) if n == b);
            self.back_edge = None;
            let (variant_name, tags) = match member {
                ReferenceOr::Reference { reference } => {
                    let (_, key) = self.resolver.schema(member, &member_at)?;
                    let key = key.unwrap_or_default();
                    let rust = self.component_names.get(key).cloned().unwrap_or_default();
                    let mut tags: Vec<String> = discriminator
                        .map(|d| {
                            d.mapping
                                .iter()
                                .filter(|(_, target)| {
                                    *target == reference || target.as_str() == key
                                })
                                .map(|(value, _)| value.clone())
                                .collect()
                        })
                        .unwrap_or_default();
                    if discriminator.is_some() && tags.is_empty() {
                        tags.push(key.to_string());
                    }
                    tags.retain(|tag| used_tags.insert(tag.clone()));
                    (rust, tags)
                }
                ReferenceOr::Item(_) => (format!("Variant{i}"), Vec::new()),
            };
            variants.push(UnionVariant {
                name: scope.claim(&variant_name),
                ty,
                tags,
                boxed,
            });
        }
        let fallback = scope.claim(if discriminator.is_some() {
            "Unknown"
        } else {
            "Other"
        });
        self.insert(
            name,
            at,
            schema,
            TypeKind::Union {
                variants,
                discriminator: discriminator.map(|d| d.property_name.clone()),
                fallback,
            },
        );
        Ok(TypeRef::Named(name.to_string()))
    }

    fn unsupported(&self, at: &Pointer, construct: &str) -> Diagnostic {
        self.resolver.error(
            at,
            format!("{construct} is not supported by the generator yet"),
        )
    }

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
}

/// `#/components/schemas/<key>`.
fn component_pointer(key: &str) -> Pointer {
    Pointer::root().join("components").join("schemas").join(key)
}

/// The primitive of a string `format` openapiv3 does not know by name.
fn string_format(format: &str) -> Primitive {
    match format {
        "uuid" => Primitive::Uuid,
        "date" => Primitive::Date,
        "date-time" => Primitive::DateTime,
        "binary" => Primitive::Bytes,
        // `uri`, `email`, `byte` (base64), `password` and any other format stay strings.
        _ => Primitive::String,
    }
}

/// A schema that only annotates (`description`, `nullable`, ...) and constrains nothing.
fn is_annotation_schema(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Any(a) => {
            a.typ.is_none()
                && a.properties.is_empty()
                && a.items.is_none()
                && a.all_of.is_empty()
                && a.one_of.is_empty()
                && a.any_of.is_empty()
                && a.not.is_none()
                && a.additional_properties.is_none()
                && a.enumeration.is_empty()
        }
        _ => false,
    }
}

/// An inline composition member that only annotates.
fn is_annotation_only(member: &ReferenceOr<Schema>) -> bool {
    matches!(member, ReferenceOr::Item(schema) if is_annotation_schema(schema))
}

/// Whether lowering `schema` defines a named type (and so needs a fresh name).
fn needs_definition(schema: &Schema) -> bool {
    let composition = |members: &[ReferenceOr<Schema>]| {
        let meaningful: Vec<&ReferenceOr<Schema>> =
            members.iter().filter(|m| !is_annotation_only(m)).collect();
        match meaningful.as_slice() {
            [] => false,
            [ReferenceOr::Reference { .. }] => false,
            [ReferenceOr::Item(inner)] => needs_definition(inner),
            _ => true,
        }
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Integer(i)) => i.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
        SchemaKind::AllOf { all_of } => composition(all_of),
        SchemaKind::OneOf { one_of } => composition(one_of),
        SchemaKind::AnyOf { any_of } => composition(any_of),
        SchemaKind::Any(a) => {
            !a.properties.is_empty()
                || !a.all_of.is_empty()
                || composition(&a.one_of)
                || composition(&a.any_of)
        }
        SchemaKind::Type(_) | SchemaKind::Not { .. } => false,
    }
}

/// A schema that can only be `null`: a nullable object with nothing in it. Used for the `data`
/// of actions that return nothing.
fn is_null_only(schema: &Schema) -> bool {
    if !schema.schema_data.nullable {
        return false;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            o.properties.is_empty() && o.additional_properties.is_none()
        }
        SchemaKind::Any(a) => a.typ.is_none() && a.properties.is_empty() && a.items.is_none(),
        _ => false,
    }
}

/// The date type an `x-date-format` pattern stands for.
fn date_format(value: &serde_json::Value) -> Option<TypeRef> {
    let format = value.as_str()?;
    let has_date = format.contains("%Y")
        && format.contains("%d")
        && (format.contains("%m") || format.contains("%b"));
    if !has_date {
        return None;
    }
    let kind = if format.contains("%H") {
        DateKind::DateTime
    } else {
        DateKind::Date
    };
    Some(TypeRef::FormattedDate {
        format: format.to_string(),
        kind,
    })
}

/// The names `x-enum-varnames` gives the values, when it names each of them.
fn enum_names(schema: &Schema, count: usize) -> Option<Vec<String>> {
    let names: Vec<String> = schema
        .schema_data
        .extensions
        .get(ENUM_NAMES_EXTENSION)?
        .as_array()?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    (names.len() == count).then_some(names)
}

/// The documentation of a schema.
pub fn docs_of(schema: &Schema) -> Docs {
    Docs {
        summary: schema.schema_data.title.clone(),
        description: schema.schema_data.description.clone(),
        notes: notes(&schema.schema_data.extensions),
    }
}

/// The `x-unconfirmed` and `x-alternative` notes of a spec object.
pub fn notes(extensions: &indexmap::IndexMap<String, serde_json::Value>) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(text) = extensions.get("x-unconfirmed").and_then(|v| v.as_str()) {
        notes.push(format!("Unconfirmed: {text}"));
    }
    if let Some(text) = extensions.get("x-alternative").and_then(|v| v.as_str()) {
        notes.push(format!("Other docs: {text}"));
    }
    notes
}
