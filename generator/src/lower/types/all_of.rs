//! `allOf`: the members' properties merged into one struct. What a referenced component's
//! members add is collected once and reused wherever the component is an `allOf` member again,
//! so lowering stays linear in the description's size however the references nest. A member
//! that holds a `oneOf`/`anyOf` is distributed over its alternatives: `allOf[O, oneOf[A, B]]`
//! is `oneOf[allOf[O, A], allOf[O, B]]`, a union of merged structs.

use std::collections::BTreeSet;
use std::rc::Rc;

use openapiv3::{AnySchema, ReferenceOr, Schema, SchemaKind, Type};

use super::objects::{ObjectParts, UnionPart};
use super::shapes::{is_annotation_only, is_annotation_schema, is_scalar, is_value_constraint};
use super::unions::{alternatives, tags};
use super::{component_pointer, TypeSpace, MAX_DEPTH};
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Docs, Primitive, TypeKind, TypeRef, UnionVariant};
use crate::names::{self, Scope};

/// How many combinations of alternatives the `oneOf`/`anyOf` members of one `allOf` may make
/// (their alternatives' counts multiplied) before the `allOf` is refused.
const MAX_COMBINATIONS: usize = 64;

/// One alternative of a union member of an `allOf`.
struct Chosen<'a> {
    /// The alternative as written.
    member: &'a ReferenceOr<Schema>,
    /// Its schema, references followed.
    schema: &'a Schema,
    /// Where it is written.
    at: Pointer,
    /// Whether it is a reference to a component.
    reference: bool,
    /// The alternative's variant name in a union of its own (`Cat`, `Variant1`).
    name: String,
    /// The discriminator values that select it, when its union is tagged.
    tags: Vec<String>,
}

impl<'a> TypeSpace<'a> {
    /// `allOf`: one struct with the properties of every member (no duplicates; `required` is
    /// the union). With a single member that is not an object it is that member's type; when
    /// members hold a `oneOf`/`anyOf`, a union of one struct per combination of alternatives.
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
        if parts.unions.is_empty() {
            self.object(schema, parts, at, name)
        } else {
            self.distribute(schema, parts, at, name)
        }
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

    /// Adds the properties of the `allOf` members at `members_at` to `parts`, following
    /// references; `seen` holds the components on the way, to refuse one that includes itself.
    fn collect_all_of(
        &mut self,
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
            self.collect_member(member, &members_at.join(i), parts, seen, depth)?;
        }
        Ok(())
    }

    /// Adds what the `allOf` member `member`, at `member_at`, adds to `parts`. A component's
    /// parts are collected the first time and merged from then on.
    fn collect_member(
        &mut self,
        member: &'a ReferenceOr<Schema>,
        member_at: &Pointer,
        parts: &mut ObjectParts<'a>,
        seen: &mut Vec<&'a str>,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        self.count_all_of_work(1);
        let (schema, key) = self.resolver.schema(member, member_at)?;
        let Some(key) = key else {
            return self.collect_schema(schema, member_at, parts, seen, depth + 1);
        };
        if seen.contains(&key) {
            return Err(self
                .resolver
                .error(member_at, format!("allOf includes `{key}` within itself")));
        }
        let collected = match self.all_of_parts.get(key) {
            Some(collected) => Rc::clone(collected),
            None => {
                seen.push(key);
                let mut own = ObjectParts::default();
                let result =
                    self.collect_schema(schema, &component_pointer(key), &mut own, seen, depth + 1);
                seen.pop();
                result?;
                let own = Rc::new(own);
                self.all_of_parts.insert(key, Rc::clone(&own));
                own
            }
        };
        self.count_all_of_work(collected.len());
        parts.merge(&collected);
        Ok(())
    }

    /// Adds the properties of one `allOf` member, `schema` at `at`, to `parts`; a `oneOf` or
    /// `anyOf` in it is kept for [`TypeSpace::distribute`].
    fn collect_schema(
        &mut self,
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
            SchemaKind::OneOf { one_of } => {
                parts.add_union(schema, one_of, at.join("oneOf"));
                Ok(())
            }
            SchemaKind::AnyOf { any_of } => {
                parts.add_union(schema, any_of, at.join("anyOf"));
                Ok(())
            }
            SchemaKind::Any(any) if any.not.is_none() => {
                parts.add_any(any, at);
                if !any.all_of.is_empty() {
                    self.collect_all_of(&any.all_of, &at.join("allOf"), parts, seen, depth)?;
                }
                parts.add_union(schema, &any.one_of, at.join("oneOf"));
                parts.add_union(schema, &any.any_of, at.join("anyOf"));
                Ok(())
            }
            _ if is_annotation_schema(schema) => Ok(()),
            _ => Err(self.unsupported(at, "an allOf member that is not an object")),
        }
    }

    /// The `allOf` whose members gave `parts`, some of them a `oneOf`/`anyOf`: a union of one
    /// type per combination of alternatives (one from each), each a struct with the
    /// properties of the other members and of its alternatives. A combination no value can
    /// satisfy (an object and a scalar, scalars of two types) is left out; one left is the
    /// allOf's type itself, none is any JSON value.
    fn distribute(
        &mut self,
        schema: &'a Schema,
        mut parts: ObjectParts<'a>,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let unions = std::mem::take(&mut parts.unions);
        let mut choices = Vec::with_capacity(unions.len());
        for union in &unions {
            let alternatives = self.choices(union)?;
            if !alternatives.is_empty() {
                choices.push(alternatives);
            }
        }
        let count = choices
            .iter()
            .try_fold(1usize, |count, c| count.checked_mul(c.len()))
            .filter(|count| *count <= MAX_COMBINATIONS)
            .ok_or_else(|| {
                self.resolver.error(
                    at,
                    format!(
                        "the oneOf/anyOf members of this allOf make more than {MAX_COMBINATIONS} combinations of alternatives"
                    ),
                )
            })?;
        // Tagged like a union of its own when the one union is: a discriminator, and every
        // alternative a reference.
        let discriminator = match (unions.as_slice(), choices.as_slice()) {
            ([union], [only]) if only.iter().all(|c| c.reference) => {
                union.schema.schema_data.discriminator.as_ref()
            }
            _ => None,
        };
        let mut kept = Vec::new();
        for index in 0..count {
            let chosen = combination(&choices, index);
            let plan = self.plan(&parts, &chosen)?;
            if !matches!(plan, Plan::Unsatisfiable) {
                kept.push((chosen, plan));
            }
        }
        let discriminator = discriminator.map(|d| d.property_name.clone());
        match kept.len() {
            0 => Ok(TypeRef::Primitive(Primitive::Json)),
            1 => match kept.pop() {
                Some((_, plan)) => self.realize(plan, schema, at, name),
                None => Ok(TypeRef::Primitive(Primitive::Json)),
            },
            _ => self.union_of(kept, discriminator, schema, at, name),
        }
    }

    /// The union `name` of the kept combinations, each realized as a type of its own.
    fn union_of(
        &mut self,
        kept: Vec<(Vec<&Chosen<'a>>, Plan<'a>)>,
        discriminator: Option<String>,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let mut variant_names = Scope::default();
        let mut variants = Vec::with_capacity(kept.len());
        for (chosen, plan) in kept {
            let wanted: String = chosen.iter().map(|c| c.name.as_str()).collect();
            let variant = variant_names.claim(&wanted);
            let (place, defined_by) = chosen
                .last()
                .map_or((at.clone(), schema), |c| (c.at.clone(), c.schema));
            let ty = match plan {
                Plan::Same(member, member_at) => {
                    self.type_of(member, &member_at, &format!("{name}{variant}"))?
                }
                Plan::Merged(_) => {
                    let type_name = self.names.claim(&names::camel(&format!("{name}{variant}")));
                    self.entered.push(type_name.clone());
                    let ty = self.realize(plan, defined_by, &place, &type_name)?;
                    if let Some(def) = self.defs.get_mut(&type_name) {
                        def.docs = Docs {
                            summary: Some(format!(
                                "`{name}` in the shape of its alternative `{wanted}`: the properties of every `allOf` member with the alternative's."
                            )),
                            ..Docs::default()
                        };
                    }
                    ty
                }
                Plan::Unsatisfiable => TypeRef::Primitive(Primitive::Json),
            };
            let tags = match (&discriminator, chosen.first()) {
                (Some(_), Some(first)) => first.tags.clone(),
                _ => Vec::new(),
            };
            variants.push(UnionVariant {
                name: variant,
                ty,
                tags,
                boxed: false,
            });
        }
        let fallback = variant_names.claim(if discriminator.is_some() {
            "Unknown"
        } else {
            "Other"
        });
        let kind = TypeKind::Union {
            variants,
            discriminator,
            fallback,
        };
        self.insert(name, at, schema, kind);
        Ok(TypeRef::Named(name.to_string()))
    }

    /// What one combination of alternatives becomes, with the parts of the other members.
    fn plan(
        &mut self,
        parts: &ObjectParts<'a>,
        chosen: &[&Chosen<'a>],
    ) -> Result<Plan<'a>, Diagnostic> {
        let mut merged = parts.clone();
        let mut objects = Vec::new();
        let mut scalars = Vec::new();
        for alternative in chosen {
            if is_object_like(alternative.schema) {
                let mut seen = Vec::new();
                self.collect_member(
                    alternative.member,
                    &alternative.at,
                    &mut merged,
                    &mut seen,
                    0,
                )?;
                if !merged.unions.is_empty() {
                    return Err(self.unsupported(
                        &alternative.at,
                        "a oneOf/anyOf inside an alternative of an allOf member's oneOf/anyOf",
                    ));
                }
                objects.push(*alternative);
            } else {
                scalars.push(*alternative);
            }
        }
        Ok(match (objects.as_slice(), scalars.as_slice()) {
            ([only], []) if parts.is_empty() && only.reference => {
                Plan::Same(only.member, only.at.clone())
            }
            (_, []) => Plan::Merged(merged),
            ([], [first, rest @ ..]) if parts.is_empty() => {
                let kind = |c: &Chosen<'_>| scalar_kind(c.schema);
                if rest.iter().all(|c| kind(c) == kind(first)) {
                    Plan::Same(first.member, first.at.clone())
                } else {
                    Plan::Unsatisfiable
                }
            }
            _ => Plan::Unsatisfiable,
        })
    }

    /// The type `plan` stands for, named `name` when it defines one.
    fn realize(
        &mut self,
        plan: Plan<'a>,
        schema: &'a Schema,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        match plan {
            Plan::Same(member, member_at) => self.single_member(member, &member_at, name),
            Plan::Merged(merged) => self.object(schema, merged, at, name),
            Plan::Unsatisfiable => Ok(TypeRef::Primitive(Primitive::Json)),
        }
    }

    /// The alternatives of a union member of an `allOf`, named and tagged as a union of its
    /// own would name and tag them.
    fn choices(&self, union: &UnionPart<'a>) -> Result<Vec<Chosen<'a>>, Diagnostic> {
        let discriminator = union.schema.schema_data.discriminator.as_ref();
        let mut used_tags = BTreeSet::new();
        let mut choices = Vec::new();
        for (i, member) in alternatives(union.members) {
            let at = union.at.join(i);
            let (schema, key) = self.resolver.schema(member, &at)?;
            let (name, tags) = match (member, key) {
                (ReferenceOr::Reference { reference }, Some(key)) => {
                    let rust = self.component_names.get(key).cloned().unwrap_or_default();
                    let mut tags = tags(discriminator, reference, key);
                    tags.retain(|tag| used_tags.insert(tag.clone()));
                    (rust, tags)
                }
                _ => (format!("Variant{i}"), Vec::new()),
            };
            choices.push(Chosen {
                member,
                schema,
                at,
                reference: key.is_some(),
                name,
                tags,
            });
        }
        Ok(choices)
    }

    /// Counts `units` of `allOf` work (members visited, properties and unions merged), which
    /// the tests keep linear in the description's size.
    fn count_all_of_work(&mut self, units: usize) {
        #[cfg(test)]
        {
            self.all_of_work += units;
        }
        #[cfg(not(test))]
        let _ = units;
    }
}

/// What one combination of alternatives of an `allOf`'s unions becomes.
enum Plan<'a> {
    /// The type of one member (an alternative that is all there is, or the first of scalars
    /// of one type).
    Same(&'a ReferenceOr<Schema>, Pointer),
    /// A struct of the merged parts.
    Merged(ObjectParts<'a>),
    /// No value satisfies every part: an object and a scalar, or scalars of two types.
    Unsatisfiable,
}

/// The combination number `index` of `choices`, one alternative from each list (the last list
/// varying fastest).
fn combination<'c, 'a>(choices: &'c [Vec<Chosen<'a>>], mut index: usize) -> Vec<&'c Chosen<'a>> {
    let mut chosen = Vec::with_capacity(choices.len());
    for list in choices.iter().rev() {
        let len = list.len().max(1);
        chosen.extend(list.get(index % len));
        index /= len;
    }
    chosen.reverse();
    chosen
}

/// Whether an `allOf` member of this shape adds properties (an object, a composition, an
/// untyped schema) rather than being a scalar or a list.
fn is_object_like(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(_))
        | SchemaKind::AllOf { .. }
        | SchemaKind::OneOf { .. }
        | SchemaKind::AnyOf { .. } => true,
        SchemaKind::Any(any) => {
            any.not.is_none()
                && any.items.is_none()
                && matches!(any.typ.as_deref(), None | Some("object"))
        }
        SchemaKind::Type(_) | SchemaKind::Not { .. } => false,
    }
}

/// The JSON type of a scalar or list schema, to tell whether two can hold one value.
fn scalar_kind(schema: &Schema) -> Option<&'static str> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(_)) => Some("string"),
        SchemaKind::Type(Type::Number(_) | Type::Integer(_)) => Some("number"),
        SchemaKind::Type(Type::Boolean(_)) => Some("boolean"),
        SchemaKind::Type(Type::Array(_)) => Some("array"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use openapiv3::OpenAPI;
    use serde_json::{json, Map};

    use super::TypeSpace;
    use crate::resolve::Resolver;

    /// A description of `levels` × `width` component schemas: each of the last level an object
    /// with one of four properties, each of the others an `allOf` of two schemas of the next
    /// level (its own column and the next), so that every schema reaches 2^(levels - 1) paths
    /// of references, through at most `levels` schemas, to at most four properties.
    fn layered(levels: usize, width: usize) -> Result<OpenAPI, String> {
        let mut schemas = Map::new();
        for level in 0..levels {
            for column in 0..width {
                let schema = if level + 1 == levels {
                    let property = format!("p{}", column % 4);
                    json!({"type": "object", "properties": {property: {"type": "string"}}})
                } else {
                    let next = |k: usize| json!({"$ref": format!("#/components/schemas/L{}_{}", level + 1, k % width)});
                    json!({"allOf": [next(column), next(column + 1)]})
                };
                schemas.insert(format!("L{level}_{column}"), schema);
            }
        }
        let document = json!({
            "openapi": "3.0.3",
            "info": {"title": "layers", "version": "1"},
            "paths": {},
            "components": {"schemas": schemas},
        });
        serde_json::from_value(document).map_err(|error| error.to_string())
    }

    /// The `allOf` work of lowering every component of `api`.
    fn all_of_work(api: &OpenAPI) -> Result<usize, String> {
        let mut space = TypeSpace::new(Resolver::new(api, Path::new("layers.yaml")), None);
        space
            .lower_components()
            .map_err(|error| error.to_string())?;
        Ok(space.all_of_work)
    }

    #[test]
    fn nested_all_of_references_cost_work_linear_in_the_description() -> Result<(), String> {
        // 1,000 schemas 10 deep, then 10,010 schemas 14 deep: without collecting each
        // component once, the work follows the paths (2^9 and 2^13 from each schema of the
        // first level), and grows about 110 times.
        let small = all_of_work(&layered(10, 100)?)?;
        let large = all_of_work(&layered(14, 715)?)?;
        let ratio = large as f64 / small as f64;
        assert!(
            ratio <= 15.0,
            "allOf work grew {ratio:.1} times for 10 times the schemas ({small} -> {large})"
        );
        // And it is of the order of the schemas: two members and what they merge, each.
        assert!(
            large <= 20 * 10_010,
            "{large} units of allOf work for 10,010 schemas"
        );
        Ok(())
    }
}
