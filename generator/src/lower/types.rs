//! Schemas become named types and type references.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{DateKind, Docs, Field, Primitive, TypeDef, TypeKind, TypeRef, Variant};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

/// How deeply inline schemas may nest before the spec counts as unreasonable.
const MAX_DEPTH: usize = 48;

/// The extension that names the strftime pattern of a non-ISO date string.
pub const DATE_FORMAT_EXTENSION: &str = "x-date-format";
/// The extension that names the variants of an integer enum.
const ENUM_NAMES_EXTENSION: &str = "x-enum-varnames";

/// Builds the crate's named types while operations are lowered, so that inline schemas get
/// names from where they are used.
pub struct TypeSpace<'a> {
    resolver: Resolver<'a>,
    names: Scope,
    /// Rust names of the component schemas, by component name.
    component_names: BTreeMap<&'a str, String>,
    /// Components being lowered right now (a schema that refers to itself).
    in_progress: BTreeSet<&'a str>,
    defs: BTreeMap<String, TypeDef>,
    envelope_member_names: Option<(String, String)>,
    depth: usize,
}

impl<'a> TypeSpace<'a> {
    /// A type space for `resolver`'s document. `envelope` names the success flag and the
    /// payload, so that envelope schemas are recognised and not emitted as types.
    pub fn new(resolver: Resolver<'a>, envelope: Option<(String, String)>) -> Self {
        let mut names = Scope::default();
        let mut component_names = BTreeMap::new();
        if let Some(components) = &resolver.api.components {
            let mut keys: Vec<&str> = components.schemas.keys().map(String::as_str).collect();
            keys.sort_unstable();
            for key in keys {
                component_names.insert(key, names.claim(&names::camel(key)));
            }
        }
        TypeSpace {
            resolver,
            names,
            component_names,
            in_progress: BTreeSet::new(),
            defs: BTreeMap::new(),
            envelope_member_names: envelope,
            depth: 0,
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
        let at = Pointer::root().join("components").join("schemas").join(key);
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
        if is_null_only(schema) {
            return Ok(TypeRef::Primitive(Primitive::Unit));
        }
        if self.defs.contains_key(&name) || self.in_progress.contains(key) {
            return Ok(TypeRef::Named(name));
        }
        self.in_progress.insert(key);
        let lowered = self.define(schema, &at, &name);
        self.in_progress.remove(key);
        let ty = lowered?;
        if ty != TypeRef::Named(name.clone()) {
            // A component that is a scalar, a list or a map: keep its name as an alias.
            let def = TypeDef {
                name: name.clone(),
                origin: at.to_string(),
                docs: docs_of(schema),
                kind: TypeKind::Alias(ty),
            };
            self.defs.insert(name.clone(), def);
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
                    let mut scope = Scope::default();
                    let variants = values
                        .iter()
                        .map(|value| Variant {
                            value: (*value).clone(),
                            name: scope.claim(&names::camel(value)),
                        })
                        .collect();
                    let fallback = scope.claim("Other");
                    self.insert(
                        name,
                        at,
                        schema,
                        TypeKind::StringEnum { variants, fallback },
                    );
                    return Ok(TypeRef::Named(name.to_string()));
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
                    VariantOrUnknownOrEmpty::Unknown(format) if format == "uuid" => Primitive::Uuid,
                    _ => Primitive::String,
                })
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                let values: Vec<i64> = integer.enumeration.iter().flatten().copied().collect();
                if !values.is_empty() {
                    let given = enum_names(schema, values.len());
                    let mut scope = Scope::default();
                    let variants = values
                        .iter()
                        .enumerate()
                        .map(|(i, value)| {
                            let wanted = given.as_ref().map_or_else(
                                || names::camel(&value.to_string()),
                                |g| names::camel(&g[i]),
                            );
                            Variant {
                                value: *value,
                                name: scope.claim(&wanted),
                            }
                        })
                        .collect();
                    let fallback = scope.claim("Other");
                    self.insert(
                        name,
                        at,
                        schema,
                        TypeKind::IntegerEnum { variants, fallback },
                    );
                    return Ok(TypeRef::Named(name.to_string()));
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
            SchemaKind::Type(Type::Array(array)) => match &array.items {
                Some(items) => {
                    let item =
                        self.type_of_boxed(items, &at.join("items"), &format!("{name}Item"))?;
                    TypeRef::Array(Box::new(item))
                }
                None => TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::Json))),
            },
            SchemaKind::Type(Type::Object(object)) => {
                if object.properties.is_empty() {
                    return match &object.additional_properties {
                        Some(AdditionalProperties::Schema(values)) => {
                            let value = self.type_of(
                                values,
                                &at.join("additionalProperties"),
                                &format!("{name}Value"),
                            )?;
                            Ok(TypeRef::Map(Box::new(value)))
                        }
                        _ if is_null_only(schema) => Ok(TypeRef::Primitive(Primitive::Unit)),
                        _ => Ok(TypeRef::Primitive(Primitive::Json)),
                    };
                }
                let mut scope = Scope::default();
                let mut fields = Vec::with_capacity(object.properties.len());
                let properties_at = at.join("properties");
                for (wire_name, property) in &object.properties {
                    let property_at = properties_at.join(wire_name);
                    let target = self.resolver.boxed_schema(property, &property_at)?.0;
                    let hint = format!("{name}{}", names::camel(wire_name));
                    let ty = self.type_of_boxed(property, &property_at, &hint)?;
                    let inline_docs = match property {
                        ReferenceOr::Item(_) => docs_of(target),
                        ReferenceOr::Reference { .. } => Docs::default(),
                    };
                    fields.push(Field {
                        wire_name: wire_name.clone(),
                        rust_name: scope.claim(&names::snake(wire_name)),
                        ty,
                        required: object.required.contains(wire_name),
                        nullable: target.schema_data.nullable,
                        deprecated: target.schema_data.deprecated,
                        docs: inline_docs,
                    });
                }
                let keeps_extra = !matches!(
                    object.additional_properties,
                    None | Some(AdditionalProperties::Any(false))
                );
                self.insert(
                    name,
                    at,
                    schema,
                    TypeKind::Struct {
                        fields,
                        keeps_extra,
                    },
                );
                return Ok(TypeRef::Named(name.to_string()));
            }
            SchemaKind::Any(any)
                if any.typ.is_none() && any.properties.is_empty() && any.items.is_none() =>
            {
                if is_null_only(schema) {
                    TypeRef::Primitive(Primitive::Unit)
                } else {
                    TypeRef::Primitive(Primitive::Json)
                }
            }
            SchemaKind::AllOf { .. } => return Err(self.unsupported(at, "allOf")),
            SchemaKind::OneOf { .. } => return Err(self.unsupported(at, "oneOf")),
            SchemaKind::AnyOf { .. } => return Err(self.unsupported(at, "anyOf")),
            SchemaKind::Not { .. } => return Err(self.unsupported(at, "not")),
            SchemaKind::Any(_) => {
                return Err(self.unsupported(at, "a schema that mixes keywords of several types"))
            }
        };
        Ok(ty)
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
            kind,
        };
        self.defs.insert(name.to_string(), def);
    }
}

/// Whether lowering `schema` defines a named type (and so needs a fresh name).
fn needs_definition(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Integer(i)) => i.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
        _ => false,
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
