//! Compositions: `allOf` merges objects into one struct; `oneOf` and `anyOf` become unions.

use std::collections::BTreeSet;

use openapiv3::{AnySchema, Discriminator, ReferenceOr, Schema, SchemaKind, Type};

use super::objects::ObjectParts;
use super::shapes::{
    is_annotation_only, is_annotation_schema, is_constraint_only, is_null_only, is_scalar,
    is_value_constraint,
};
use super::{component_pointer, TypeSpace, MAX_DEPTH};
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Primitive, TypeKind, TypeRef, UnionVariant};
use crate::names::Scope;

/// What the variants of one union share while they are lowered.
struct VariantNaming<'a> {
    /// The discriminator, when the union is tagged.
    discriminator: Option<&'a Discriminator>,
    /// The variant names so far.
    scope: Scope,
    /// The tags given to a variant so far: a tag selects only the first variant it names.
    used_tags: BTreeSet<String>,
}

impl<'a> TypeSpace<'a> {
    /// `allOf`: one struct with the properties of every member (no duplicates; `required` is
    /// the union). With a single member that is not an object it is that member's type.
    pub(super) fn all_of(
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
        if !has_own && self.all_scalar(members, &meaningful, &members_at)? {
            // A value of the allOf is a value of each member: read as the first, it is never
            // refused (values of the first outside the others are read too).
            if let Some((first, member)) =
                meaningful.first().and_then(|i| Some((i, members.get(*i)?)))
            {
                return self.single_member(member, &members_at.join(first), name);
            }
        }
        let mut parts = ObjectParts::default();
        if let Some(own) = own {
            parts.add_any(own, at);
        }
        let mut seen = Vec::new();
        self.collect_all_of(members, &members_at, &mut parts, &mut seen, 0)?;
        self.object(schema, parts, at, name)
    }

    /// Whether the `allOf` members at `meaningful` are scalars (the first with a type, the
    /// others scalars or bare `enum` lists): an intersection of enums or constrained scalars.
    fn all_scalar(
        &self,
        members: &'a [ReferenceOr<Schema>],
        meaningful: &[usize],
        members_at: &Pointer,
    ) -> Result<bool, Diagnostic> {
        for (position, i) in meaningful.iter().enumerate() {
            let Some(member) = members.get(*i) else {
                return Ok(false);
            };
            let (schema, _) = self.resolver.schema(member, &members_at.join(i))?;
            let scalar = is_scalar(schema) || (position > 0 && is_value_constraint(schema));
            if !scalar {
                return Ok(false);
            }
        }
        Ok(!meaningful.is_empty())
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

    /// Adds the properties of the `allOf` members at `members_at` to `parts`, following
    /// references; `seen` holds the components on the way, to refuse one that includes itself.
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

    /// Adds the properties of one `allOf` member, `schema` at `at`, to `parts`.
    fn collect_schema(
        &self,
        schema: &'a Schema,
        at: &Pointer,
        parts: &mut ObjectParts<'a>,
        seen: &mut Vec<&'a str>,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                parts.add_object(object, at);
                Ok(())
            }
            SchemaKind::AllOf { all_of } => {
                self.collect_all_of(all_of, &at.join("allOf"), parts, seen, depth)
            }
            SchemaKind::Any(any) if any.not.is_none() => {
                parts.add_any(any, at);
                if !any.all_of.is_empty() {
                    self.collect_all_of(&any.all_of, &at.join("allOf"), parts, seen, depth)?;
                }
                let only_constraints =
                    |members: &[ReferenceOr<Schema>]| members.iter().all(is_constraint_only);
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
    /// `null` and annotation-only members are no alternatives; with one alternative left it
    /// is that alternative's type.
    pub(super) fn union(
        &mut self,
        schema: &'a Schema,
        members: &'a [ReferenceOr<Schema>],
        at: &Pointer,
        keyword: &str,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let members_at = at.join(keyword);
        let meaningful = alternatives(members);
        match meaningful.as_slice() {
            [] => return Ok(TypeRef::Primitive(Primitive::Json)),
            [(only, member)] => return self.single_member(member, &members_at.join(only), name),
            _ => {}
        }
        // Tagged only when every alternative is a reference: an inline one has no tag value.
        let discriminator = schema.schema_data.discriminator.as_ref().filter(|_| {
            meaningful
                .iter()
                .all(|(_, m)| matches!(m, ReferenceOr::Reference { .. }))
        });
        let mut naming = VariantNaming {
            discriminator,
            scope: Scope::default(),
            used_tags: BTreeSet::new(),
        };
        let mut variants = Vec::with_capacity(meaningful.len());
        for (i, member) in meaningful {
            let variant = self.variant(member, &members_at.join(i), i, name, &mut naming)?;
            variants.push(variant);
        }
        let fallback = naming.scope.claim(if discriminator.is_some() {
            "Unknown"
        } else {
            "Other"
        });
        let kind = TypeKind::Union {
            variants,
            discriminator: discriminator.map(|d| d.property_name.clone()),
            fallback,
        };
        self.insert(name, at, schema, kind);
        Ok(TypeRef::Named(name.to_string()))
    }

    /// The variant of the union `union` for its member number `i`, at `at`: named after the
    /// component it references, else `Variant<i>`. Not boxed: the cycle pass boxes what a
    /// recursive type needs.
    fn variant(
        &mut self,
        member: &'a ReferenceOr<Schema>,
        at: &Pointer,
        i: usize,
        union: &str,
        naming: &mut VariantNaming<'a>,
    ) -> Result<UnionVariant, Diagnostic> {
        let ty = self.type_of(member, at, &format!("{union}Variant{i}"))?;
        let (wanted, tags) = match member {
            ReferenceOr::Reference { reference } => {
                let (_, key) = self.resolver.schema(member, at)?;
                let key = key.unwrap_or_default();
                let rust = self.component_names.get(key).cloned().unwrap_or_default();
                let mut tags = tags(naming.discriminator, reference, key);
                tags.retain(|tag| naming.used_tags.insert(tag.clone()));
                (rust, tags)
            }
            ReferenceOr::Item(_) => (format!("Variant{i}"), Vec::new()),
        };
        Ok(UnionVariant {
            name: naming.scope.claim(&wanted),
            ty,
            tags,
            boxed: false,
        })
    }
}

/// The members of a composition that are alternatives, with their positions: not those that
/// only annotate or can only be `null`.
fn alternatives(members: &[ReferenceOr<Schema>]) -> Vec<(usize, &ReferenceOr<Schema>)> {
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            !is_annotation_only(m) && !matches!(m, ReferenceOr::Item(s) if is_null_only(s))
        })
        .collect()
}

/// The discriminator values that select the component `key`, referenced as `reference`: those
/// the mapping gives it, else the component's name. None when the union is untagged.
fn tags(discriminator: Option<&Discriminator>, reference: &str, key: &str) -> Vec<String> {
    let Some(discriminator) = discriminator else {
        return Vec::new();
    };
    let mut tags: Vec<String> = discriminator
        .mapping
        .iter()
        .filter(|(_, target)| *target == reference || target.as_str() == key)
        .map(|(value, _)| value.clone())
        .collect();
    if tags.is_empty() {
        tags.push(key.to_string());
    }
    tags
}
