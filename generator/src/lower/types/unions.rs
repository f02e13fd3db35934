//! `oneOf` and `anyOf` become unions (`allOf` is `all_of`).

use std::collections::BTreeSet;

use openapiv3::{Discriminator, ReferenceOr, Schema};

use super::shapes::{is_annotation_only, is_null_only};
use super::TypeSpace;
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
    /// The type of the one meaningful member of a composition: defined under `name` when
    /// inline, the component's type when a reference.
    pub(super) fn single_member(
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
pub(super) fn alternatives(members: &[ReferenceOr<Schema>]) -> Vec<(usize, &ReferenceOr<Schema>)> {
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
pub(super) fn tags(
    discriminator: Option<&Discriminator>,
    reference: &str,
    key: &str,
) -> Vec<String> {
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
