//! The cycle pass: after lowering, boxes the references through which a type contains
//! itself, so that every generated type has a size.
//!
//! The named types form a graph: each holds the types of its fields, union variants, alias
//! target and extra properties, either by value or inside a list or map (already on the
//! heap). The pass walks that graph depth first, from the types in the order lowering
//! entered them and along each type's references in order, exactly as lowering did. A
//! reference back to a type still being walked, with no list or map since that type was
//! entered, closes a cycle by value: when it is a field or a union variant it is boxed.
//! Aliases and extra properties are never boxed (an alias of a type being walked is refused
//! while lowering; extra properties are a map).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{TypeDef, TypeKind, TypeRef};

/// Where a reference sits in the type that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    /// The field at this position.
    Field(usize),
    /// The union variant at this position.
    Variant(usize),
    /// An alias target or the extra properties: never boxed.
    Other,
}

/// A reference from one named type to another.
struct Edge<'d> {
    slot: Slot,
    target: &'d str,
    /// Whether the target is held inside a list or map, which needs no box.
    indirect: bool,
}

/// Boxes the fields and union variants that close a cycle by value; `entered` lists the
/// type names in the order lowering entered them.
pub fn box_cycles(defs: &mut BTreeMap<String, TypeDef>, entered: &[String]) {
    let boxes = find_boxes(defs, entered);
    for (name, slot) in boxes {
        if let Some(def) = defs.get_mut(&name) {
            set_boxed(&mut def.kind, slot);
        }
    }
}

/// The references to box, as (holding type, slot).
fn find_boxes(defs: &BTreeMap<String, TypeDef>, entered: &[String]) -> BTreeSet<(String, Slot)> {
    let mut walk = Walk {
        defs,
        visited: BTreeSet::new(),
        stack: Vec::new(),
        boxes: BTreeSet::new(),
    };
    // Every type is a start in case lowering entered one without recording it; those it
    // recorded come first, in its order, so that the walk meets the references it met.
    let starts = entered.iter().chain(defs.keys());
    for name in starts {
        if !walk.visited.contains(name.as_str()) && defs.contains_key(name) {
            walk.visit(name, 0);
        }
    }
    let mut boxes = walk.boxes;
    let missed = missed_cycles(defs, entered, &boxes);
    boxes.extend(missed);
    boxes
}

/// The by-value cycles the walk above left unboxed. It enters each type once, wherever it
/// first meets it: a type first met inside a list is walked there, and a cycle by value
/// through it (`A` holds `B` in a list and by value, `B` holds `A` by value) is never seen
/// from outside the list. A second walk along by-value references only, past those already
/// boxed, boxes the reference that closes each cycle left. Where the first walk boxed every
/// cycle it finds none, so output it got right does not change.
fn missed_cycles(
    defs: &BTreeMap<String, TypeDef>,
    entered: &[String],
    boxed: &BTreeSet<(String, Slot)>,
) -> BTreeSet<(String, Slot)> {
    /// Depth-first along `name`'s by-value references, with `stack` the types being walked.
    fn visit<'d>(
        name: &'d str,
        defs: &'d BTreeMap<String, TypeDef>,
        boxed: &BTreeSet<(String, Slot)>,
        visited: &mut BTreeSet<&'d str>,
        stack: &mut Vec<&'d str>,
        found: &mut BTreeSet<(String, Slot)>,
    ) {
        let Some(def) = defs.get(name) else {
            return;
        };
        visited.insert(name);
        stack.push(name);
        for edge in edges(def) {
            let by_value = !edge.indirect && edge.slot != Slot::Other;
            if !by_value || boxed.contains(&(name.to_string(), edge.slot)) {
                continue;
            }
            if stack.contains(&edge.target) {
                found.insert((name.to_string(), edge.slot));
            } else if !visited.contains(edge.target) {
                visit(edge.target, defs, boxed, visited, stack, found);
            }
        }
        stack.pop();
    }
    let mut visited = BTreeSet::new();
    let mut found = BTreeSet::new();
    for name in entered.iter().chain(defs.keys()) {
        if !visited.contains(name.as_str()) {
            visit(name, defs, boxed, &mut visited, &mut Vec::new(), &mut found);
        }
    }
    found
}

/// The state of the depth-first walk.
struct Walk<'d> {
    defs: &'d BTreeMap<String, TypeDef>,
    /// Types entered so far.
    visited: BTreeSet<&'d str>,
    /// The types being walked, outermost first, each with the number of lists and maps
    /// entered on the way to it.
    stack: Vec<(&'d str, usize)>,
    boxes: BTreeSet<(String, Slot)>,
}

impl<'d> Walk<'d> {
    /// Walks the type `name`, reached through `level` lists and maps.
    fn visit(&mut self, name: &'d str, level: usize) {
        let Some(def) = self.defs.get(name) else {
            return;
        };
        self.visited.insert(name);
        self.stack.push((name, level));
        for edge in edges(def) {
            let level = level + usize::from(edge.indirect);
            match self.stack.iter().find(|(n, _)| *n == edge.target) {
                // Entered through as many lists and maps: none between it and here.
                Some((_, entered_at)) if *entered_at == level => self.box_slot(name, edge.slot),
                Some(_) => {}
                None if !self.visited.contains(edge.target) => self.visit(edge.target, level),
                None => {}
            }
        }
        self.stack.pop();
    }

    /// Boxes the reference at `slot` of the type `name`, when it is a field or a variant.
    fn box_slot(&mut self, name: &str, slot: Slot) {
        if slot != Slot::Other {
            self.boxes.insert((name.to_string(), slot));
        }
    }
}

/// The references of `def` to named types, in the order lowering followed them: fields,
/// then extra properties; union variants; an alias target.
fn edges(def: &TypeDef) -> Vec<Edge<'_>> {
    // Each type with its slot and whether it is the value type of a map.
    let types: Vec<(Slot, &TypeRef, bool)> = match &def.kind {
        TypeKind::Struct {
            fields, extra_type, ..
        } => fields
            .iter()
            .enumerate()
            .map(|(i, field)| (Slot::Field(i), &field.ty, false))
            .chain(extra_type.iter().map(|extra| (Slot::Other, extra, true)))
            .collect(),
        TypeKind::Union { variants, .. } => variants
            .iter()
            .enumerate()
            .map(|(i, variant)| (Slot::Variant(i), &variant.ty, false))
            .collect(),
        TypeKind::Alias(ty) => vec![(Slot::Other, ty, false)],
        TypeKind::External(_)
        | TypeKind::StringEnum { .. }
        | TypeKind::IntegerEnum { .. }
        | TypeKind::Id { .. } => Vec::new(),
    };
    types
        .into_iter()
        .filter_map(|(slot, ty, in_map)| {
            let (target, indirect) = named(ty)?;
            Some(Edge {
                slot,
                target,
                indirect: indirect || in_map,
            })
        })
        .collect()
}

/// The named type `ty` holds, with whether it is inside a list or map.
fn named(ty: &TypeRef) -> Option<(&str, bool)> {
    match ty {
        TypeRef::Named(name) => Some((name, false)),
        TypeRef::Array(inner) | TypeRef::Map(inner) => named(inner).map(|(name, _)| (name, true)),
        TypeRef::Primitive(_) | TypeRef::FormattedDate { .. } => None,
    }
}

/// Boxes the field or variant at `slot` of a type of kind `kind`.
fn set_boxed(kind: &mut TypeKind, slot: Slot) {
    match (kind, slot) {
        (TypeKind::Struct { fields, .. }, Slot::Field(i)) => {
            if let Some(field) = fields.get_mut(i) {
                field.boxed = true;
            }
        }
        (TypeKind::Union { variants, .. }, Slot::Variant(i)) => {
            if let Some(variant) = variants.get_mut(i) {
                variant.boxed = true;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostics::Diagnostic;
    use crate::model::{Api, TypeKind};

    /// Lowers a spec with no paths and the component `schemas` (YAML, indented by 4).
    fn lower(schemas: &str) -> Result<Api, Diagnostic> {
        let spec = format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        let path = Path::new("api.yaml");
        let parsed = crate::load::parse(path, &spec)?;
        crate::lower::lower(&parsed, path, &crate::Config::default())
    }

    /// The boxed fields and variants of the type `name`, by wire or variant name.
    fn boxed(api: &Api, name: &str) -> Vec<String> {
        let Some(def) = api.types.iter().find(|t| t.name == name) else {
            return vec![format!("no type {name}")];
        };
        match &def.kind {
            TypeKind::Struct { fields, .. } => fields
                .iter()
                .filter(|f| f.boxed)
                .map(|f| f.wire_name.clone())
                .collect(),
            TypeKind::Union { variants, .. } => variants
                .iter()
                .filter(|v| v.boxed)
                .map(|v| v.name.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_type_holding_itself_by_value_is_boxed_and_through_a_list_or_map_is_not(
    ) -> Result<(), Diagnostic> {
        let api = lower(
            "    Node:
      type: object
      properties:
        parent: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        labels: {type: object, additionalProperties: {$ref: '#/components/schemas/Node'}}
        inline: {type: object, properties: {node: {$ref: '#/components/schemas/Node'}}}
",
        )?;
        assert_eq!(boxed(&api, "Node"), ["parent"]);
        // The reference that closes the cycle is the one boxed, inside the inline struct.
        assert_eq!(boxed(&api, "NodeInline"), ["node"]);
        Ok(())
    }

    #[test]
    fn the_reference_back_to_the_first_entered_type_is_boxed() -> Result<(), Diagnostic> {
        // Components are lowered in name order: `A` first, so `B.a` closes the cycle.
        let api = lower(
            "    A:
      type: object
      properties: {b: {$ref: '#/components/schemas/B'}}
    B:
      type: object
      properties: {a: {$ref: '#/components/schemas/A'}}
    E:
      oneOf:
        - {$ref: '#/components/schemas/Leaf'}
        - {$ref: '#/components/schemas/Not'}
    Leaf: {type: object, properties: {v: {type: integer}}}
    Not: {type: object, properties: {e: {$ref: '#/components/schemas/E'}}}
",
        )?;
        assert_eq!(boxed(&api, "A"), Vec::<String>::new());
        assert_eq!(boxed(&api, "B"), ["a"]);
        assert_eq!(boxed(&api, "E"), Vec::<String>::new());
        assert_eq!(boxed(&api, "Not"), ["e"]);
        Ok(())
    }

    /// `A` enters `B` through a list first, so the first walk sees no by-value cycle; the
    /// second, along by-value references only, boxes `B.a`, which closes `A.b` -> `B.a`.
    #[test]
    fn a_cycle_first_entered_through_a_list_is_boxed_all_the_same() -> Result<(), Diagnostic> {
        let api = lower(
            "    A:
      type: object
      properties:
        list: {type: array, items: {$ref: '#/components/schemas/B'}}
        b: {$ref: '#/components/schemas/B'}
    B:
      type: object
      properties: {a: {$ref: '#/components/schemas/A'}}
",
        )?;
        assert_eq!(boxed(&api, "A"), Vec::<String>::new());
        assert_eq!(boxed(&api, "B"), ["a"]);
        Ok(())
    }
}
