//! FileKind old operation, parameter and type is which new one: data only, no changes.
//!
//! Operations are paired by method and path (path parameter names aside), then by operationId.
//! Types are paired by where they are used: the body of the same operation, the same property of
//! paired types, and so on. Pairing by use rather than by name is what makes moving an inline
//! schema into `components` (or renaming a component) a rename and not a removal plus an
//! addition.
//!
//! Each pair of types also collects its [`Usage`]: every way the old API uses it (parameter,
//! request body, answer). The verdicts of a change inside a type depend on that usage, so the
//! pairs must be complete before anything is compared: [`pair`] walks to a fixpoint first, and
//! `compare` then compares each pair once, with its final usage.

use std::collections::{BTreeMap, BTreeSet};

use super::classify::Usage;
use super::Side;
use crate::model::{Api, Operation, Param, ParamLocation, TypeDef, TypeKind, TypeRef};

/// The named types of both sides, by name.
pub struct TypeIndex<'a> {
    /// The old side's types.
    pub old: BTreeMap<&'a str, &'a TypeDef>,
    /// The new side's types.
    pub new: BTreeMap<&'a str, &'a TypeDef>,
}

impl<'a> TypeIndex<'a> {
    /// Both sides' types by name.
    fn new(old: &'a Api, new: &'a Api) -> Self {
        let index = |api: &'a Api| api.types.iter().map(|t| (t.name.as_str(), t)).collect();
        TypeIndex {
            old: index(old),
            new: index(new),
        }
    }

    /// Whether the old type `old_name` and the new type `new_name`, met at the same place, are
    /// one type: the same name, or a rename (neither name exists on the other side).
    pub fn same_type(&self, old_name: &str, new_name: &str) -> bool {
        old_name == new_name
            || (!self.new.contains_key(old_name) && !self.old.contains_key(new_name))
    }
}

/// An old operation and the new one it became.
pub struct OperationPair<'a> {
    /// The old operation.
    pub old: &'a Operation,
    /// The new operation.
    pub new: &'a Operation,
    /// Paired by operationId: the method or path changed.
    pub moved: bool,
}

/// The operations of both sides, paired.
pub struct OperationPairs<'a> {
    /// Operations only the old side has.
    pub removed: Vec<&'a Operation>,
    /// Operations only the new side has.
    pub added: Vec<&'a Operation>,
    /// Operations on both sides: those paired by method and path first, then by operationId.
    pub paired: Vec<OperationPair<'a>>,
}

/// Pairs operations by method and path (path parameter names aside), then by operationId.
pub fn pair_operations<'a>(old: &'a Api, new: &'a Api) -> OperationPairs<'a> {
    let key = |op: &Operation| (op.http_method, normalize_path(&op.path));
    let mut added: Vec<&'a Operation> = new.operations.iter().collect();
    let mut paired = Vec::new();
    let mut unpaired_old = Vec::new();
    for old_op in &old.operations {
        match added.iter().position(|new_op| key(new_op) == key(old_op)) {
            Some(i) => paired.push(OperationPair {
                old: old_op,
                new: added.remove(i),
                moved: false,
            }),
            None => unpaired_old.push(old_op),
        }
    }
    let mut removed = Vec::new();
    for old_op in unpaired_old {
        match added.iter().position(|new_op| new_op.id == old_op.id) {
            Some(i) => paired.push(OperationPair {
                old: old_op,
                new: added.remove(i),
                moved: true,
            }),
            None => removed.push(old_op),
        }
    }
    OperationPairs {
        removed,
        added,
        paired,
    }
}

/// An old parameter and the new one it became, if any.
pub struct ParamPair<'a> {
    /// The old parameter.
    pub old: &'a Param,
    /// The new parameter; `None` when it is gone.
    pub new: Option<&'a Param>,
}

/// The parameters of two paired operations, paired.
pub struct ParamPairs<'a> {
    /// Every old parameter in order, with the new one it became.
    pub old: Vec<ParamPair<'a>>,
    /// Parameters only the new operation has.
    pub added: Vec<&'a Param>,
}

/// Pairs parameters by location and name; path parameters by position in the path template.
pub fn pair_params<'a>(old: &'a Operation, new: &'a Operation) -> ParamPairs<'a> {
    let mut added: Vec<&'a Param> = new.params.iter().collect();
    let old_path_params: Vec<&Param> = old
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Path)
        .collect();
    let mut pairs = Vec::new();
    for old_param in &old.params {
        let found = if old_param.location == ParamLocation::Path {
            let index = old_path_params
                .iter()
                .position(|p| p.wire_name == old_param.wire_name)
                .unwrap_or(usize::MAX);
            let name = new.path_param_names().nth(index).unwrap_or_default();
            added
                .iter()
                .position(|p| p.location == ParamLocation::Path && p.wire_name == name)
        } else {
            added.iter().position(|p| {
                p.location == old_param.location && p.wire_name == old_param.wire_name
            })
        };
        pairs.push(ParamPair {
            old: old_param,
            new: found.map(|i| added.remove(i)),
        });
    }
    ParamPairs { old: pairs, added }
}

/// An old named type and the new one it became.
#[derive(Debug, Clone)]
pub struct TypePair {
    /// The old type's name.
    pub old: String,
    /// The new type's name.
    pub new: String,
    /// Every way the old API uses it.
    pub usage: Usage,
    /// Where changes inside it are reported: the component's name, or where the inline schema
    /// was first met (`GET /items response 200`).
    pub label: String,
}

/// Everything paired.
pub struct Pairing<'a> {
    /// Both sides' types by name.
    pub types: TypeIndex<'a>,
    /// Operations.
    pub operations: OperationPairs<'a>,
    /// Types, in the order they were first met.
    pub type_pairs: Vec<TypePair>,
}

impl Pairing<'_> {
    /// The names of the paired old types and of the paired new types.
    pub fn paired_names(&self) -> (BTreeSet<&str>, BTreeSet<&str>) {
        let old = self.type_pairs.iter().map(|p| p.old.as_str()).collect();
        let new = self.type_pairs.iter().map(|p| p.new.as_str()).collect();
        (old, new)
    }
}

/// Pairs the operations and the types of two sides.
pub fn pair<'a>(old: &'a Side, new: &'a Side) -> Pairing<'a> {
    let types = TypeIndex::new(&old.api, &new.api);
    let operations = pair_operations(&old.api, &new.api);
    let mut pairer = TypePairer {
        types: &types,
        pairs: BTreeMap::new(),
        pending: Vec::new(),
    };
    for op in &operations.paired {
        pairer.operation(op);
    }
    pairer.close();
    pairer.unused_by_name();
    pairer.unused_by_shape();
    pairer.close();
    let mut found: Vec<(usize, TypePair)> = pairer
        .pairs
        .into_iter()
        .map(|((old, new), info)| {
            let pair = TypePair {
                old,
                new,
                usage: info.usage,
                label: info.label,
            };
            (info.order, pair)
        })
        .collect();
    found.sort_by_key(|(order, _)| *order);
    let type_pairs = found.into_iter().map(|(_, pair)| pair).collect();
    Pairing {
        types,
        operations,
        type_pairs,
    }
}

/// What is known of a pair of types while pairing.
struct PairInfo {
    usage: Usage,
    label: String,
    /// When it was first met.
    order: usize,
}

/// Walks paired operations and types, pairing the named types met on the way.
struct TypePairer<'i, 'a> {
    types: &'i TypeIndex<'a>,
    pairs: BTreeMap<(String, String), PairInfo>,
    /// Pairs whose nested pairs must be (re)visited because they are new or their usage grew.
    pending: Vec<(String, String)>,
}

impl TypePairer<'_, '_> {
    /// Pairs the types of two paired operations' parameters, bodies and answers.
    fn operation(&mut self, op: &OperationPair) {
        let here = op_location(op.new);
        for pair in pair_params(op.old, op.new).old {
            if let Some(new) = pair.new {
                let location = param_location(&here, new);
                self.refs(&pair.old.ty, &new.ty, Usage::PARAM, &location);
            }
        }
        if let (Some(old), Some(new)) = (&op.old.body, &op.new.body) {
            let location = format!("{here} request body");
            self.refs(&old.ty, &new.ty, Usage::BODY, &location);
        }
        let location = format!("{here} response {}", op.new.success.status);
        self.refs(
            &op.old.success.data,
            &op.new.success.data,
            Usage::RESPONSE,
            &location,
        );
    }

    /// Pairs the named types two references at `label` hold in the same place.
    fn refs(&mut self, old: &TypeRef, new: &TypeRef, usage: Usage, label: &str) {
        match (old, new) {
            (TypeRef::Named(old), TypeRef::Named(new)) if self.types.same_type(old, new) => {
                self.pair(old, new, usage, label);
            }
            (TypeRef::Array(old), TypeRef::Array(new)) => {
                self.refs(old, new, usage, &format!("{label}[]"));
            }
            (TypeRef::Map(old), TypeRef::Map(new)) => {
                self.refs(old, new, usage, &format!("{label}{{}}"));
            }
            _ => {}
        }
    }

    /// Records the pair `old`/`new` used as `usage`; queues it when it is new or its usage grew.
    fn pair(&mut self, old: &str, new: &str, usage: Usage, label: &str) {
        let key = (old.to_string(), new.to_string());
        let order = self.pairs.len();
        match self.pairs.get_mut(&key) {
            Some(info) => {
                let grown = info.usage.union(usage);
                if grown != info.usage {
                    info.usage = grown;
                    self.pending.push(key);
                }
            }
            None => {
                let label = match self.types.old.get(old).and_then(|t| component(&t.origin)) {
                    Some(name) => name,
                    None => label.to_string(),
                };
                self.pairs.insert(
                    key.clone(),
                    PairInfo {
                        usage,
                        label,
                        order,
                    },
                );
                self.pending.push(key);
            }
        }
    }

    /// The fixpoint: visits queued pairs until every nested pair is known with every usage.
    /// A type used as a request body and, through another operation, inside an answer must carry
    /// both usages into every type it holds, however late the second use is met.
    fn close(&mut self) {
        while let Some(key) = self.pending.pop() {
            if let Some(info) = self.pairs.get(&key) {
                let (usage, label) = (info.usage, info.label.clone());
                self.nested(&key.0, &key.1, usage, &label);
            }
        }
    }

    /// Pairs the types inside the pair `old`/`new`: same-named properties, alias targets.
    fn nested(&mut self, old: &str, new: &str, usage: Usage, label: &str) {
        let (Some(old), Some(new)) = (self.types.old.get(old), self.types.new.get(new)) else {
            return;
        };
        match (&old.kind, &new.kind) {
            (TypeKind::Struct { fields: old, .. }, TypeKind::Struct { fields: new, .. }) => {
                for old_field in old {
                    let wire_name = &old_field.wire_name;
                    if let Some(new_field) = new.iter().find(|f| &f.wire_name == wire_name) {
                        let location = format!("{label}.{wire_name}");
                        self.refs(&old_field.ty, &new_field.ty, usage, &location);
                    }
                }
            }
            (TypeKind::Alias(old), TypeKind::Alias(new)) => self.refs(old, new, usage, label),
            _ => {}
        }
    }

    /// The old and the new names already paired.
    fn paired_names(&self) -> (BTreeSet<String>, BTreeSet<String>) {
        let old = self.pairs.keys().map(|(old, _)| old.clone()).collect();
        let new = self.pairs.keys().map(|(_, new)| new.clone()).collect();
        (old, new)
    }

    /// Pairs same-named types no operation reaches (components nobody references yet).
    fn unused_by_name(&mut self) {
        let (paired_old, paired_new) = self.paired_names();
        let names: Vec<String> = self
            .types
            .old
            .keys()
            .filter(|name| self.types.new.contains_key(*name))
            .filter(|name| !paired_old.contains(**name) && !paired_new.contains(**name))
            .map(|name| name.to_string())
            .collect();
        for name in names {
            self.pair(&name, &name, Usage::default(), &name);
        }
    }

    /// Pairs a component only the old side has with one of the same kind only the new side
    /// has: a renamed component nobody references.
    fn unused_by_shape(&mut self) {
        let (paired_old, paired_new) = self.paired_names();
        let mut taken = BTreeSet::new();
        let mut found = Vec::new();
        for (old_name, old) in &self.types.old {
            if paired_old.contains(*old_name) || self.types.new.contains_key(old_name) {
                continue;
            }
            let twin = self.types.new.iter().find(|(new_name, new)| {
                !paired_new.contains(**new_name)
                    && !self.types.old.contains_key(*new_name)
                    && !taken.contains(*new_name)
                    && new.kind == old.kind
            });
            if let Some((new_name, _)) = twin {
                taken.insert(*new_name);
                found.push((old_name.to_string(), new_name.to_string()));
            }
        }
        for (old_name, new_name) in found {
            self.pair(&old_name, &new_name, Usage::default(), &old_name);
        }
    }
}

/// `GET /expenses/{expenseId}`.
pub fn op_location(op: &Operation) -> String {
    format!("{} {}", op.http_method.as_str(), op.path)
}

/// `GET /expenses query per_page`.
pub fn param_location(here: &str, param: &Param) -> String {
    format!("{here} {} {}", param.location.as_str(), param.wire_name)
}

/// A path with its parameters' names left out, wherever they sit in a segment: `/expenses/{}`,
/// `/events/{}:undelete`, `/compare/{}...{}`.
fn normalize_path(path: &str) -> String {
    let mut normalized = String::with_capacity(path.len());
    let mut rest = path;
    while let Some((before, after)) = rest.split_once('{') {
        normalized.push_str(before);
        normalized.push_str("{}");
        rest = after.split_once('}').map_or("", |(_, tail)| tail);
    }
    normalized.push_str(rest);
    normalized
}

/// The component name of an origin pointer (`#/components/schemas/Expense` -> `Expense`).
pub fn component(origin: &str) -> Option<String> {
    let rest = origin.strip_prefix("#/components/schemas/")?;
    (!rest.contains('/')).then(|| rest.replace("~1", "/").replace("~0", "~"))
}

#[cfg(test)]
mod tests {
    use super::normalize_path;

    #[test]
    fn parameter_names_are_left_out_wherever_they_sit() {
        assert_eq!(normalize_path("/expenses/{expenseId}"), "/expenses/{}");
        assert_eq!(
            normalize_path("/events/{event_id}:undelete"),
            "/events/{}:undelete"
        );
        assert_eq!(
            normalize_path("/events/{id}:undelete"),
            "/events/{}:undelete"
        );
        assert_eq!(
            normalize_path("/compare/{base}...{head}"),
            "/compare/{}...{}"
        );
        assert_ne!(
            normalize_path("/events/{id}:undelete"),
            normalize_path("/events/{id}")
        );
    }
}
