//! Which tags reach each named type: from every operation's parameters, body and answers
//! through type references, transitively. A type only one tag reaches can sit behind that
//! tag's cargo feature; one that two or more reach, or that the crate's own modules use (the
//! envelope's metadata, webhooks, ids), is always compiled. A type no operation reaches (and
//! what only such types reach) is compiled with `full`, which enables every tag, so whatever
//! it refers to is there too.
//!
//! One pass over the graph: a type's reach only grows (unreached, unused, one tag, shared),
//! so each type is visited at most three times, each reference followed at most three times.

use std::collections::HashMap;

use super::{Api, Operation, TypeDef, TypeKind, TypeRef};

/// Who reaches a named type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// No operation: only types no operation reaches either.
    Unused,
    /// Only the operations of `api.tags[index]` (and maybe unused types).
    Tag(usize),
    /// Several tags, or the crate's own modules: always compiled.
    Shared,
}

/// The reach of each of `api.types`, in their order.
pub fn reach(api: &Api) -> Vec<Reach> {
    let index: HashMap<&str, usize> = api
        .types
        .iter()
        .enumerate()
        .map(|(i, def)| (def.name.as_str(), i))
        .collect();
    let mut walk = Walk {
        index,
        types: &api.types,
        reach: vec![None; api.types.len()],
        pending: Vec::new(),
    };
    let mut roots = Vec::new();
    for (tag, op) in api.operations.iter().filter_map(|op| {
        let tag = api.tags.iter().position(|tag| tag.name == op.tag)?;
        Some((tag, op))
    }) {
        operation_refs(op, &mut roots);
        for ty in roots.drain(..) {
            walk.mark_ref(ty, Reach::Tag(tag));
        }
        walk.run();
    }
    // What the crate's own modules name.
    let own = api
        .envelope
        .iter()
        .filter_map(|envelope| envelope.meta_type.as_ref())
        .chain(api.webhooks.iter().map(|webhook| &webhook.payload));
    for ty in own {
        walk.mark_ref(ty, Reach::Shared);
    }
    for (i, def) in api.types.iter().enumerate() {
        // `crate::ids` re-exports every id type.
        if matches!(def.kind, TypeKind::Id { .. }) {
            walk.mark(i, Reach::Shared);
        }
    }
    walk.run();
    for i in 0..api.types.len() {
        if walk.reach[i].is_none() {
            walk.mark(i, Reach::Unused);
        }
    }
    walk.run();
    walk.reach
        .into_iter()
        .map(|reach| reach.unwrap_or(Reach::Unused))
        .collect()
}

/// The type references an operation's code names.
fn operation_refs<'a>(op: &'a Operation, refs: &mut Vec<&'a TypeRef>) {
    refs.extend(op.params.iter().map(|param| &param.ty));
    if let Some(body) = &op.body {
        refs.push(&body.ty);
        refs.extend(body.fields.iter().map(|field| &field.field.ty));
    }
    refs.push(&op.success.data);
    if let Some(answers) = &op.success.per_status {
        refs.extend(answers.variants.iter().map(|variant| &variant.data));
    }
    if let Some(paging) = &op.paging {
        refs.push(&paging.item);
    }
    if let Some(errors) = &op.errors {
        refs.extend(
            errors
                .variants
                .iter()
                .filter_map(|variant| variant.body.as_ref()),
        );
    }
}

/// The state of the pass: each type's reach so far, and the types whose reach grew and whose
/// references are still to follow.
struct Walk<'a> {
    index: HashMap<&'a str, usize>,
    types: &'a [TypeDef],
    reach: Vec<Option<Reach>>,
    pending: Vec<usize>,
}

impl Walk<'_> {
    /// Adds `by` to the reach of type `i`; queues it when that grew it.
    fn mark(&mut self, i: usize, by: Reach) {
        let grown = match (self.reach[i], by) {
            (None | Some(Reach::Unused), by) if by != Reach::Unused => by,
            (None, Reach::Unused) => Reach::Unused,
            (Some(Reach::Tag(had)), Reach::Tag(tag)) if had != tag => Reach::Shared,
            (Some(Reach::Tag(_)), Reach::Shared) => Reach::Shared,
            _ => return,
        };
        self.reach[i] = Some(grown);
        self.pending.push(i);
    }

    /// Adds `by` to the reach of every named type `ty` holds.
    fn mark_ref(&mut self, ty: &TypeRef, by: Reach) {
        let mut ty = ty;
        loop {
            match ty {
                TypeRef::Named(name) => {
                    if let Some(&i) = self.index.get(name.as_str()) {
                        self.mark(i, by);
                    }
                    return;
                }
                TypeRef::Array(inner) | TypeRef::Map(inner) => ty = inner,
                TypeRef::Primitive(_) | TypeRef::FormattedDate { .. } => return,
            }
        }
    }

    /// Follows the references of every queued type until none is left.
    fn run(&mut self) {
        let types = self.types;
        while let Some(i) = self.pending.pop() {
            let Some(by) = self.reach[i] else { continue };
            match &types[i].kind {
                TypeKind::Struct {
                    fields, extra_type, ..
                } => {
                    for field in fields {
                        self.mark_ref(&field.ty, by);
                    }
                    if let Some(extra) = extra_type {
                        self.mark_ref(extra, by);
                    }
                }
                TypeKind::Union { variants, .. } => {
                    for variant in variants {
                        self.mark_ref(&variant.ty, by);
                    }
                }
                TypeKind::Alias(target) => self.mark_ref(target, by),
                TypeKind::External(_)
                | TypeKind::StringEnum { .. }
                | TypeKind::IntegerEnum { .. }
                | TypeKind::Id { .. } => {}
            }
        }
    }
}
