//! Questions about a schema's shape, answered without lowering it.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

/// A schema that only annotates (`description`, `nullable`, ...) and constrains nothing.
pub fn is_annotation_schema(schema: &Schema) -> bool {
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
pub fn is_annotation_only(member: &ReferenceOr<Schema>) -> bool {
    matches!(member, ReferenceOr::Item(schema) if is_annotation_schema(schema))
}

/// An inline composition member with no properties and no type: it only constrains which
/// properties appear, so it may sit in an `allOf` member's `oneOf`/`anyOf`.
pub fn is_constraint_only(member: &ReferenceOr<Schema>) -> bool {
    matches!(member, ReferenceOr::Item(schema)
        if matches!(&schema.schema_kind, SchemaKind::Any(a) if a.properties.is_empty() && a.typ.is_none()))
}

/// A scalar schema: a string, number, integer or boolean (an enum of one included).
pub fn is_scalar(schema: &Schema) -> bool {
    matches!(
        &schema.schema_kind,
        SchemaKind::Type(Type::String(_) | Type::Number(_) | Type::Integer(_) | Type::Boolean(_))
    )
}

/// A schema that only lists the values allowed (`enum` without `type`), or only annotates.
pub fn is_value_constraint(schema: &Schema) -> bool {
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
        }
        _ => false,
    }
}

/// Whether lowering `schema` defines a named type (and so needs a fresh name).
pub fn needs_definition(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Integer(i)) => i.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
        SchemaKind::AllOf { all_of } => composition_needs_definition(all_of),
        SchemaKind::OneOf { one_of } => composition_needs_definition(one_of),
        SchemaKind::AnyOf { any_of } => composition_needs_definition(any_of),
        SchemaKind::Any(a) => {
            !a.properties.is_empty()
                || !a.all_of.is_empty()
                || composition_needs_definition(&a.one_of)
                || composition_needs_definition(&a.any_of)
        }
        SchemaKind::Type(_) | SchemaKind::Not { .. } => false,
    }
}

/// Whether a composition of `members` defines a named type: not when it comes down to one
/// reference, or to one inline schema that defines none.
fn composition_needs_definition(members: &[ReferenceOr<Schema>]) -> bool {
    let meaningful: Vec<&ReferenceOr<Schema>> =
        members.iter().filter(|m| !is_annotation_only(m)).collect();
    match meaningful.as_slice() {
        [] => false,
        [ReferenceOr::Reference { .. }] => false,
        [ReferenceOr::Item(inner)] => needs_definition(inner),
        _ => true,
    }
}

/// A schema that can only be `null`: a nullable object with nothing in it. Used for the `data`
/// of actions that return nothing.
pub fn is_null_only(schema: &Schema) -> bool {
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
