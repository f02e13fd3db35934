//! Walks two models side by side and lists what changed.
//!
//! Operations are matched by method and path (path parameter names aside), then by
//! operationId. Types are matched by where they are used: the body of the same operation, the
//! same property of matched types, and so on. Matching by use rather than by name is what
//! makes moving an inline schema into `components` (or renaming a component) a rename and
//! not a removal plus an addition. Each matched pair of types is compared once, with the verdicts
//! of every way the old API uses it.

use std::collections::{BTreeMap, BTreeSet};

use super::classify::{change, Fact, Usage};
use super::raw::{self, FactChange, Facts};
use super::{Change, Side};
use crate::model::{Field, Operation, Param, ParamLocation, TypeDef, TypeKind, TypeRef};

/// Every change from `old` to `new`, unsorted.
pub fn compare(old: &Side, new: &Side) -> Vec<Change> {
    let mut walk = Walk::new(old, new);
    // First pass: find every pair of types and every way it is used; its changes are dropped.
    walk.operations();
    walk.close_pairs();
    walk.pair_unused_by_name();
    walk.pair_unused_by_shape();
    walk.close_pairs();
    // Second pass: with the usages known, compare.
    walk.changes.clear();
    walk.operations();
    let pairs: Vec<((String, String), PairInfo)> = walk
        .pairs
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut ordered = pairs;
    ordered.sort_by_key(|(_, info)| info.order);
    for ((a, b), info) in &ordered {
        walk.compare_pair(a, b, info);
    }
    walk.schemas_added_removed();
    walk.security();
    walk.servers();
    walk.changes
}

#[derive(Debug, Clone)]
struct PairInfo {
    usage: Usage,
    /// Where the pair was first met: the component name, or the use of an inline schema.
    label: String,
    order: usize,
}

struct Walk<'a> {
    old: &'a Side,
    new: &'a Side,
    old_types: BTreeMap<&'a str, &'a TypeDef>,
    new_types: BTreeMap<&'a str, &'a TypeDef>,
    pairs: BTreeMap<(String, String), PairInfo>,
    /// Pairs whose nested pairs must be (re)visited because they are new or their usage grew.
    pending: Vec<(String, String)>,
    changes: Vec<Change>,
}

/// A difference between two type references at one place.
struct RefDiff {
    widened: bool,
    narrowed: bool,
    rust_changed: bool,
    old: String,
    new: String,
}

impl<'a> Walk<'a> {
    fn new(old: &'a Side, new: &'a Side) -> Self {
        let index = |side: &'a Side| {
            side.api
                .types
                .iter()
                .map(|t| (t.name.as_str(), t))
                .collect::<BTreeMap<_, _>>()
        };
        Walk {
            old,
            new,
            old_types: index(old),
            new_types: index(new),
            pairs: BTreeMap::new(),
            pending: Vec::new(),
            changes: Vec::new(),
        }
    }

    fn push(&mut self, fact: Fact, usage: Usage, location: impl Into<String>, detail: String) {
        self.changes
            .push(change(fact, usage, location.into(), detail));
    }

    // ----- operations -----

    fn operations(&mut self) {
        let key = |op: &Operation| (op.http_method, normalize_path(&op.path));
        let mut unmatched_new: Vec<&'a Operation> = self.new.api.operations.iter().collect();
        let mut matched = Vec::new();
        let mut unmatched_old = Vec::new();
        for op in &self.old.api.operations {
            match unmatched_new.iter().position(|n| key(n) == key(op)) {
                Some(i) => matched.push((op, unmatched_new.remove(i), false)),
                None => unmatched_old.push(op),
            }
        }
        let mut removed = Vec::new();
        for op in unmatched_old {
            match unmatched_new.iter().position(|n| n.id == op.id) {
                Some(i) => matched.push((op, unmatched_new.remove(i), true)),
                None => removed.push(op),
            }
        }
        for op in removed {
            self.push(
                Fact::OperationRemoved,
                Usage::default(),
                op_location(op),
                format!(
                    "operation `{}` is gone (method `Client::{}`)",
                    op.id, op.method_name
                ),
            );
        }
        for op in unmatched_new {
            self.push(
                Fact::OperationAdded,
                Usage::default(),
                op_location(op),
                format!(
                    "new operation `{}` (method `Client::{}`)",
                    op.id, op.method_name
                ),
            );
        }
        for (o, n, moved) in matched {
            self.operation(o, n, moved);
        }
    }

    fn operation(&mut self, o: &'a Operation, n: &'a Operation, moved: bool) {
        let here = op_location(n);
        if moved {
            self.push(
                Fact::OperationPathChanged,
                Usage::default(),
                op_location(o),
                format!("operation `{}` moved to {here}", n.id),
            );
        }
        if o.id != n.id {
            let rust_renamed = o.method_name != n.method_name || o.builder_name != n.builder_name;
            let detail = if rust_renamed {
                format!(
                    "operationId `{}` -> `{}`: method `Client::{}` -> `Client::{}`",
                    o.id, n.id, o.method_name, n.method_name
                )
            } else {
                format!("operationId `{}` -> `{}` (same Rust names)", o.id, n.id)
            };
            self.push(
                Fact::OperationIdRenamed { rust_renamed },
                Usage::default(),
                here.clone(),
                detail,
            );
        }
        if o.tag != n.tag {
            let module = |side: &Side, tag: &str| {
                side.api
                    .tags
                    .iter()
                    .find(|t| t.name == tag)
                    .map(|t| t.module.clone())
                    .unwrap_or_default()
            };
            let (om, nm) = (module(self.old, &o.tag), module(self.new, &n.tag));
            self.push(
                Fact::OperationTagChanged {
                    module_changed: om != nm,
                },
                Usage::default(),
                here.clone(),
                format!(
                    "tag `{}` -> `{}`: builder `operations::{om}::{}` -> `operations::{nm}::{}`",
                    o.tag, n.tag, o.builder_name, n.builder_name
                ),
            );
        }
        if n.deprecated != o.deprecated {
            let (fact, detail) = if n.deprecated {
                (Fact::OperationDeprecated, "marked deprecated")
            } else {
                (Fact::OperationUndeprecated, "no longer deprecated")
            };
            self.push(fact, Usage::default(), here.clone(), detail.to_string());
        }
        self.params(o, n, &here);
        self.body(o, n, &here);
        self.responses(o, n, &here);
        self.operation_security(o, n, &here);
    }

    fn params(&mut self, o: &'a Operation, n: &'a Operation, here: &str) {
        let mut unmatched: Vec<&'a Param> = n.params.iter().collect();
        let old_path_params: Vec<&Param> = o
            .params
            .iter()
            .filter(|p| p.location == ParamLocation::Path)
            .collect();
        for p in &o.params {
            let found = if p.location == ParamLocation::Path {
                // Path parameters are matched by position in the template.
                let index = old_path_params
                    .iter()
                    .position(|q| q.wire_name == p.wire_name)
                    .unwrap_or(usize::MAX);
                let name = n.path_param_names().nth(index).unwrap_or_default();
                unmatched
                    .iter()
                    .position(|q| q.location == ParamLocation::Path && q.wire_name == name)
            } else {
                unmatched
                    .iter()
                    .position(|q| q.location == p.location && q.wire_name == p.wire_name)
            };
            match found {
                Some(i) => {
                    let q = unmatched.remove(i);
                    self.param(o, n, p, q, here);
                }
                None => self.push(
                    Fact::ParamRemoved,
                    Usage::PARAM,
                    param_location(here, p),
                    format!("removed (setter `{}`)", p.rust_name),
                ),
            }
        }
        for q in unmatched {
            let what = if q.required { "required" } else { "optional" };
            self.push(
                Fact::ParamAdded {
                    required: q.required,
                },
                Usage::PARAM,
                param_location(here, q),
                format!("new {what} parameter (setter `{}`)", q.rust_name),
            );
        }
    }

    fn param(&mut self, o: &Operation, n: &Operation, p: &'a Param, q: &'a Param, here: &str) {
        let location = param_location(here, q);
        if p.wire_name != q.wire_name || p.rust_name != q.rust_name {
            self.push(
                Fact::ParamRenamed {
                    rust_renamed: p.rust_name != q.rust_name,
                },
                Usage::PARAM,
                location.clone(),
                format!(
                    "`{}` -> `{}` (setter `{}` -> `{}`)",
                    p.wire_name, q.wire_name, p.rust_name, q.rust_name
                ),
            );
        }
        match (p.required, q.required) {
            (false, true) => self.push(
                Fact::ParamBecameRequired,
                Usage::PARAM,
                location.clone(),
                "became required: `.send()` fails unless it is set".to_string(),
            ),
            (true, false) => self.push(
                Fact::ParamBecameOptional,
                Usage::PARAM,
                location.clone(),
                "became optional".to_string(),
            ),
            _ => {}
        }
        if let Some(d) = self.refs(&p.ty, &q.ty, Usage::PARAM, &location) {
            self.push(
                Fact::TypeChanged {
                    widened: d.widened,
                    narrowed: d.narrowed,
                    rust_changed: d.rust_changed,
                    param: true,
                },
                Usage::PARAM,
                location.clone(),
                format!("type `{}` -> `{}`", d.old, d.new),
            );
        }
        let facts = |side: &Side, op: &Operation, param: &Param| {
            raw::parameter(
                &side.raw,
                &op.path,
                op.http_method.key(),
                param.location.as_str(),
                &param.wire_name,
            )
            .map(|value| raw::parameter_facts(&side.raw, value))
            .unwrap_or_default()
        };
        let (of, nf) = (facts(self.old, o, p), facts(self.new, n, q));
        let same_type = p.ty == q.ty;
        self.fact_changes(&of, &nf, same_type, Usage::PARAM, &location, true);
    }

    /// Reports default, constraint, format and deprecation changes.
    fn fact_changes(
        &mut self,
        of: &Facts,
        nf: &Facts,
        compare_format: bool,
        usage: Usage,
        location: &str,
        is_param: bool,
    ) {
        for fc in raw::changes(of, nf, compare_format) {
            match fc {
                FactChange::Default(a, b) => self.push(
                    Fact::DefaultChanged,
                    usage,
                    location,
                    format!("default {} -> {}", raw::show(&a), raw::show(&b)),
                ),
                FactChange::Constraints {
                    old,
                    new,
                    tightened,
                } => self.push(
                    Fact::ConstraintsChanged { tightened },
                    usage,
                    location,
                    format!(
                        "constraints {old} -> {new} ({})",
                        if tightened { "tightened" } else { "loosened" }
                    ),
                ),
                FactChange::Format(a, b) => self.push(
                    Fact::FormatChanged {
                        tightened: b.is_some(),
                    },
                    usage,
                    location,
                    format!(
                        "format {} -> {}",
                        a.as_deref().unwrap_or("none"),
                        b.as_deref().unwrap_or("none")
                    ),
                ),
                FactChange::Deprecated => {
                    let fact = if is_param {
                        Fact::ParamDeprecated
                    } else {
                        Fact::PropertyDeprecated
                    };
                    self.push(fact, usage, location, "marked deprecated".to_string());
                }
            }
        }
    }

    fn body(&mut self, o: &'a Operation, n: &'a Operation, here: &str) {
        let location = format!("{here} request body");
        match (&o.body, &n.body) {
            (None, None) => {}
            (None, Some(b)) => {
                let required_fields = b.fields.iter().any(|f| f.field.required);
                self.push(
                    Fact::BodyAdded {
                        required: b.required,
                        required_fields,
                    },
                    Usage::BODY,
                    location,
                    format!("new request body `{}`", show(&b.ty)),
                );
            }
            (Some(a), None) => self.push(
                Fact::BodyRemoved,
                Usage::BODY,
                location,
                format!("the request body `{}` is gone", show(&a.ty)),
            ),
            (Some(a), Some(b)) => {
                match (a.required, b.required) {
                    (false, true) => self.push(
                        Fact::BodyBecameRequired,
                        Usage::BODY,
                        location.clone(),
                        "became required".to_string(),
                    ),
                    (true, false) => {
                        let setters_replaced = !a.fields.is_empty() && b.fields.is_empty();
                        self.push(
                            Fact::BodyBecameOptional { setters_replaced },
                            Usage::BODY,
                            location.clone(),
                            if setters_replaced {
                                "became optional; it has a required property, so the builder \
                                 sets it whole with `.body(..)` instead of one setter per property"
                                    .to_string()
                            } else {
                                "became optional".to_string()
                            },
                        );
                    }
                    _ => {}
                }
                if let Some(d) = self.refs(&a.ty, &b.ty, Usage::BODY, &location) {
                    self.push(
                        Fact::TypeChanged {
                            widened: d.widened,
                            narrowed: d.narrowed,
                            rust_changed: d.rust_changed,
                            param: false,
                        },
                        Usage::BODY,
                        location,
                        format!("type `{}` -> `{}`", d.old, d.new),
                    );
                }
            }
        }
    }

    fn responses(&mut self, o: &'a Operation, n: &'a Operation, here: &str) {
        let old_codes = raw::statuses(&self.old.raw, &o.path, o.http_method.key());
        let new_codes = raw::statuses(&self.new.raw, &n.path, n.http_method.key());
        let success = |code: &str| code.starts_with('2');
        for code in old_codes.difference(&new_codes) {
            self.push(
                Fact::StatusRemoved {
                    success: success(code),
                },
                Usage::RESPONSE,
                format!("{here} response {code}"),
                format!("status {code} is no longer documented"),
            );
        }
        for code in new_codes.difference(&old_codes) {
            self.push(
                Fact::StatusAdded {
                    success: success(code),
                },
                Usage::RESPONSE,
                format!("{here} response {code}"),
                format!("status {code} is newly documented"),
            );
        }
        let location = format!("{here} response {}", n.success.status);
        if o.success.enveloped() != n.success.enveloped() {
            self.push(
                Fact::TypeChanged {
                    widened: false,
                    narrowed: false,
                    rust_changed: false,
                    param: false,
                },
                Usage::RESPONSE,
                location.clone(),
                format!(
                    "the answer is {} the envelope",
                    if n.success.enveloped() {
                        "now wrapped in"
                    } else {
                        "no longer wrapped in"
                    }
                ),
            );
        }
        let answer_enum = |op: &Operation| op.success.per_status.as_ref().map(|e| e.name.clone());
        if answer_enum(o) != answer_enum(n) {
            let what = match answer_enum(n) {
                Some(name) => {
                    format!("`send` now returns `{name}`, one variant per success status")
                }
                None => "`send` no longer returns one variant per success status".to_string(),
            };
            self.push(
                Fact::TypeChanged {
                    widened: false,
                    narrowed: false,
                    rust_changed: true,
                    param: false,
                },
                Usage::RESPONSE,
                location.clone(),
                what,
            );
        }
        if let Some(d) = self.refs(&o.success.data, &n.success.data, Usage::RESPONSE, &location) {
            self.push(
                Fact::TypeChanged {
                    widened: d.widened,
                    narrowed: d.narrowed,
                    rust_changed: d.rust_changed,
                    param: false,
                },
                Usage::RESPONSE,
                location,
                format!("type `{}` -> `{}`", d.old, d.new),
            );
        }
    }

    fn operation_security(&mut self, o: &Operation, n: &Operation, here: &str) {
        let old = raw::security(&self.old.raw, &o.path, o.http_method.key());
        let new = raw::security(&self.new.raw, &n.path, n.http_method.key());
        let set = |r: &[raw::Requirement]| r.iter().cloned().collect::<BTreeSet<_>>();
        if set(&old) != set(&new) {
            let tightened = raw::security_tightened(&old, &new);
            self.push(
                Fact::OperationSecurityChanged { tightened },
                Usage::default(),
                here,
                format!(
                    "security {} -> {}",
                    raw::show_security(&old),
                    raw::show_security(&new)
                ),
            );
        }
    }

    // ----- types -----

    /// Compares two references at `label`; pairs named types met on the way.
    fn refs(&mut self, o: &TypeRef, n: &TypeRef, usage: Usage, label: &str) -> Option<RefDiff> {
        let differ = |rust_changed: bool, widened: bool, narrowed: bool| RefDiff {
            widened,
            narrowed,
            rust_changed,
            old: show(o),
            new: show(n),
        };
        match (o, n) {
            (TypeRef::Named(a), TypeRef::Named(b)) => {
                let renamed = !self.new_types.contains_key(a.as_str())
                    && !self.old_types.contains_key(b.as_str());
                if a == b || renamed {
                    self.pair(a, b, usage, label);
                    None
                } else {
                    Some(differ(true, false, false))
                }
            }
            (TypeRef::Array(a), TypeRef::Array(b)) => {
                let d = self.refs(a, b, usage, &format!("{label}[]"))?;
                Some(RefDiff {
                    old: show(o),
                    new: show(n),
                    ..d
                })
            }
            (TypeRef::Map(a), TypeRef::Map(b)) => {
                let d = self.refs(a, b, usage, &format!("{label}{{}}"))?;
                Some(RefDiff {
                    old: show(o),
                    new: show(n),
                    ..d
                })
            }
            (TypeRef::Primitive(a), TypeRef::Primitive(b)) => {
                if a == b {
                    return None;
                }
                let rank = |p: &crate::model::Primitive| match format!("{p:?}").as_str() {
                    "I32" => Some(0),
                    "I64" => Some(1),
                    "F32" => Some(1),
                    "F64" => Some(2),
                    _ => None,
                };
                let (widened, narrowed) = match (rank(a), rank(b)) {
                    (Some(x), Some(y)) => (y > x, y < x),
                    _ => (false, false),
                };
                Some(differ(true, widened, narrowed))
            }
            (
                TypeRef::FormattedDate {
                    format: fa,
                    kind: ka,
                },
                TypeRef::FormattedDate {
                    format: fb,
                    kind: kb,
                },
            ) => (fa != fb || ka != kb).then(|| differ(ka != kb, false, false)),
            _ => Some(differ(true, false, false)),
        }
    }

    fn pair(&mut self, a: &str, b: &str, usage: Usage, label: &str) {
        let key = (a.to_string(), b.to_string());
        let order = self.pairs.len();
        let label = match self.old_types.get(a).and_then(|t| component(&t.origin)) {
            Some(name) => name,
            None => label.to_string(),
        };
        match self.pairs.get_mut(&key) {
            Some(info) => {
                let grown = info.usage.union(usage);
                if grown != info.usage {
                    info.usage = grown;
                    self.pending.push(key);
                }
            }
            None => {
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

    /// Visits pending pairs until every nested pair is known with every usage.
    fn close_pairs(&mut self) {
        while let Some(key) = self.pending.pop() {
            if let Some(info) = self.pairs.get(&key).cloned() {
                self.compare_pair(&key.0, &key.1, &info);
            }
        }
    }

    /// Pairs same-named types no operation reaches (components nobody references yet).
    fn pair_unused_by_name(&mut self) {
        let paired_old: BTreeSet<String> = self.pairs.keys().map(|(a, _)| a.clone()).collect();
        let paired_new: BTreeSet<String> = self.pairs.keys().map(|(_, b)| b.clone()).collect();
        let names: Vec<String> = self
            .old_types
            .keys()
            .filter(|name| self.new_types.contains_key(*name))
            .filter(|name| !paired_old.contains(**name) && !paired_new.contains(**name))
            .map(|name| name.to_string())
            .collect();
        for name in names {
            self.pair(&name, &name, Usage::default(), &name);
        }
    }

    /// Pairs a component only the old side has with an identical one only the new side has:
    /// a renamed component nobody references.
    fn pair_unused_by_shape(&mut self) {
        let paired_old: BTreeSet<String> = self.pairs.keys().map(|(a, _)| a.clone()).collect();
        let paired_new: BTreeSet<String> = self.pairs.keys().map(|(_, b)| b.clone()).collect();
        let mut taken = BTreeSet::new();
        let mut found = Vec::new();
        for (a, old) in &self.old_types {
            if paired_old.contains(*a) || self.new_types.contains_key(a) {
                continue;
            }
            let twin = self.new_types.iter().find(|(b, new)| {
                !paired_new.contains(**b)
                    && !self.old_types.contains_key(*b)
                    && !taken.contains(*b)
                    && new.kind == old.kind
            });
            if let Some((b, _)) = twin {
                taken.insert(*b);
                found.push((a.to_string(), b.to_string()));
            }
        }
        for (a, b) in found {
            self.pair(&a, &b, Usage::default(), &a);
        }
    }

    fn compare_pair(&mut self, a: &str, b: &str, info: &PairInfo) {
        let (Some(old), Some(new)) = (
            self.old_types.get(a).copied(),
            self.new_types.get(b).copied(),
        ) else {
            return;
        };
        let usage = info.usage;
        let label = info.label.clone();
        let (old_component, new_component) = (component(&old.origin), component(&new.origin));
        if a != b
            || (old_component.is_some()
                && new_component.is_some()
                && old_component != new_component)
        {
            let place = |c: &Option<String>| {
                c.as_ref().map_or_else(
                    || "an inline schema".to_string(),
                    |c| format!("schema `{c}`"),
                )
            };
            self.push(
                Fact::SchemaRenamed {
                    rust_renamed: a != b,
                },
                usage,
                label.clone(),
                format!(
                    "{} -> {}: Rust type `types::{a}` -> `types::{b}`",
                    place(&old_component),
                    place(&new_component)
                ),
            );
        }
        let old_facts = raw::at(&self.old.raw, &old.origin).map(Facts::of);
        let new_facts = raw::at(&self.new.raw, &new.origin).map(Facts::of);
        if let (Some(of), Some(nf)) = (&old_facts, &new_facts) {
            if nf.deprecated && !of.deprecated {
                self.push(
                    Fact::SchemaDeprecated,
                    usage,
                    label.clone(),
                    "marked deprecated".to_string(),
                );
            }
        }
        match (&old.kind, &new.kind) {
            (
                TypeKind::Struct {
                    fields: of,
                    keeps_extra: oe,
                    ..
                },
                TypeKind::Struct {
                    fields: nf,
                    keeps_extra: ne,
                    ..
                },
            ) => {
                self.fields(old, new, of, nf, usage, &label);
                if oe != ne {
                    self.push(
                        Fact::AdditionalPropertiesChanged,
                        usage,
                        label,
                        format!(
                            "unknown properties are {} (field `extra`)",
                            if *ne { "now kept" } else { "no longer kept" }
                        ),
                    );
                }
            }
            (
                TypeKind::StringEnum { variants: ov, .. },
                TypeKind::StringEnum { variants: nv, .. },
            ) => {
                let o: Vec<(String, &str)> = ov
                    .iter()
                    .map(|v| (format!("{:?}", v.value), v.name.as_str()))
                    .collect();
                let n: Vec<(String, &str)> = nv
                    .iter()
                    .map(|v| (format!("{:?}", v.value), v.name.as_str()))
                    .collect();
                self.variants(&o, &n, usage, &label, b);
            }
            (
                TypeKind::IntegerEnum { variants: ov, .. },
                TypeKind::IntegerEnum { variants: nv, .. },
            ) => {
                let o: Vec<(String, &str)> = ov
                    .iter()
                    .map(|v| (v.value.to_string(), v.name.as_str()))
                    .collect();
                let n: Vec<(String, &str)> = nv
                    .iter()
                    .map(|v| (v.value.to_string(), v.name.as_str()))
                    .collect();
                self.variants(&o, &n, usage, &label, b);
            }
            (TypeKind::Alias(o), TypeKind::Alias(n)) => {
                if let Some(d) = self.refs(o, n, usage, &label) {
                    self.push(
                        Fact::TypeChanged {
                            widened: d.widened,
                            narrowed: d.narrowed,
                            rust_changed: d.rust_changed,
                            param: false,
                        },
                        usage,
                        label.clone(),
                        format!("type `{}` -> `{}`", d.old, d.new),
                    );
                }
                if let (Some(of), Some(nf)) = (&old_facts, &new_facts) {
                    let mut of = of.clone();
                    of.deprecated = true; // reported above as the schema's
                    self.fact_changes(&of, nf, o == n, usage, &label, false);
                }
            }
            (ok, nk) => {
                if std::mem::discriminant(ok) != std::mem::discriminant(nk) {
                    self.push(
                        Fact::TypeKindChanged,
                        usage,
                        label,
                        format!("`types::{b}` is now {}", kind_name(nk)),
                    );
                } else if ok != nk {
                    self.push(
                        Fact::TypeKindChanged,
                        usage,
                        label,
                        format!("`types::{b}` changed"),
                    );
                }
            }
        }
    }

    fn fields(
        &mut self,
        old: &TypeDef,
        new: &TypeDef,
        of: &[Field],
        nf: &[Field],
        usage: Usage,
        label: &str,
    ) {
        for f in of {
            let location = format!("{label}.{}", f.wire_name);
            let Some(g) = nf.iter().find(|g| g.wire_name == f.wire_name) else {
                self.push(
                    Fact::PropertyRemoved,
                    usage,
                    location,
                    format!("removed (field `{}`)", f.rust_name),
                );
                continue;
            };
            let option_changed = f.is_optional() != g.is_optional();
            let option = if option_changed {
                if g.is_optional() {
                    ": the field becomes an `Option`"
                } else {
                    ": the field is no longer an `Option`"
                }
            } else {
                ""
            };
            match (f.required, g.required) {
                (false, true) => self.push(
                    Fact::PropertyBecameRequired { option_changed },
                    usage,
                    location.clone(),
                    format!("became required{option}"),
                ),
                (true, false) => self.push(
                    Fact::PropertyBecameOptional { option_changed },
                    usage,
                    location.clone(),
                    format!("became optional{option}"),
                ),
                _ => {}
            }
            match (f.nullable, g.nullable) {
                (false, true) => self.push(
                    Fact::PropertyBecameNullable { option_changed },
                    usage,
                    location.clone(),
                    format!("became nullable{option}"),
                ),
                (true, false) => self.push(
                    Fact::PropertyBecameNonNullable { option_changed },
                    usage,
                    location.clone(),
                    format!("no longer nullable{option}"),
                ),
                _ => {}
            }
            if let Some(d) = self.refs(&f.ty, &g.ty, usage, &location) {
                self.push(
                    Fact::TypeChanged {
                        widened: d.widened,
                        narrowed: d.narrowed,
                        rust_changed: d.rust_changed,
                        param: false,
                    },
                    usage,
                    location.clone(),
                    format!("type `{}` -> `{}`", d.old, d.new),
                );
            }
            let property = |side: &Side, def: &TypeDef| {
                let pointer = format!("{}/properties/{}", def.origin, escape(&f.wire_name));
                let value = side
                    .raw
                    .pointer(pointer.strip_prefix('#').unwrap_or(&pointer))?;
                // A `$ref` property's facts belong to the schema it names.
                (!raw::is_ref(value)).then(|| Facts::of(value))
            };
            let (pf, pg) = (
                property(self.old, old).unwrap_or_default(),
                property(self.new, new).unwrap_or_default(),
            );
            let mut pf = pf;
            if f.deprecated && !pf.deprecated {
                pf.deprecated = true;
            }
            let mut pg = pg;
            pg.deprecated = pg.deprecated || g.deprecated;
            self.fact_changes(&pf, &pg, f.ty == g.ty, usage, &location, false);
        }
        for g in nf {
            if of.iter().any(|f| f.wire_name == g.wire_name) {
                continue;
            }
            let what = if g.required { "required" } else { "optional" };
            let literal = if usage.input() || usage.unused() {
                ": struct literals need the new field"
            } else {
                ""
            };
            self.push(
                Fact::PropertyAdded {
                    required: g.required,
                },
                usage,
                format!("{label}.{}", g.wire_name),
                format!("new {what} property (field `{}`){literal}", g.rust_name),
            );
        }
    }

    fn variants(
        &mut self,
        old: &[(String, &str)],
        new: &[(String, &str)],
        usage: Usage,
        label: &str,
        type_name: &str,
    ) {
        for (value, name) in old {
            match new.iter().find(|(v, _)| v == value) {
                None => self.push(
                    Fact::EnumValueRemoved,
                    usage,
                    label,
                    format!("value {value} removed (variant `{type_name}::{name}`)"),
                ),
                Some((_, new_name)) if new_name != name => self.push(
                    Fact::EnumVariantRenamed,
                    usage,
                    label,
                    format!("value {value}: variant `{name}` -> `{new_name}`"),
                ),
                Some(_) => {}
            }
        }
        for (value, name) in new {
            if !old.iter().any(|(v, _)| v == value) {
                self.push(
                    Fact::EnumValueAdded,
                    usage,
                    label,
                    format!("value {value} added (variant `{type_name}::{name}`)"),
                );
            }
        }
    }

    /// Component schemas on one side only, that no pair explains.
    fn schemas_added_removed(&mut self) {
        let paired_old: BTreeSet<&str> = self.pairs.keys().map(|(a, _)| a.as_str()).collect();
        let paired_new: BTreeSet<&str> = self.pairs.keys().map(|(_, b)| b.as_str()).collect();
        let mut found = Vec::new();
        for (name, def) in &self.old_types {
            if let Some(key) = component(&def.origin) {
                if !paired_old.contains(name) && !self.new_types.contains_key(name) {
                    found.push((
                        Fact::SchemaRemoved,
                        key,
                        format!("schema gone: Rust type `types::{name}`"),
                    ));
                }
            }
        }
        for (name, def) in &self.new_types {
            if let Some(key) = component(&def.origin) {
                if !paired_new.contains(name) && !self.old_types.contains_key(name) {
                    found.push((
                        Fact::SchemaAdded,
                        key,
                        format!("new schema: Rust type `types::{name}`"),
                    ));
                }
            }
        }
        for (fact, key, detail) in found {
            self.push(fact, Usage::default(), key, detail);
        }
    }

    fn security(&mut self) {
        let old = raw::security_schemes(&self.old.raw);
        let new = raw::security_schemes(&self.new.raw);
        for (name, scheme) in &old {
            match new.get(name) {
                None => self.push(
                    Fact::SecuritySchemeRemoved,
                    Usage::default(),
                    format!("security scheme {name}"),
                    "removed".to_string(),
                ),
                Some(other) if other != scheme => self.push(
                    Fact::SecuritySchemeChanged,
                    Usage::default(),
                    format!("security scheme {name}"),
                    format!("{scheme} -> {other}"),
                ),
                Some(_) => {}
            }
        }
        for (name, scheme) in &new {
            if !old.contains_key(name) {
                self.push(
                    Fact::SecuritySchemeAdded,
                    Usage::default(),
                    format!("security scheme {name}"),
                    format!("new: {scheme}"),
                );
            }
        }
    }

    fn servers(&mut self) {
        let (old, new) = (&self.old.api.servers, &self.new.api.servers);
        for url in old {
            if !new.contains(url) {
                self.push(
                    Fact::ServerRemoved,
                    Usage::default(),
                    format!("server {url}"),
                    "removed".to_string(),
                );
            }
        }
        for url in new {
            if !old.contains(url) {
                self.push(
                    Fact::ServerAdded,
                    Usage::default(),
                    format!("server {url}"),
                    "added".to_string(),
                );
            }
        }
        if self.old.api.base_url != self.new.api.base_url {
            self.push(
                Fact::DefaultServerChanged,
                Usage::default(),
                "servers[0]",
                format!(
                    "the client's default base URL `{}` -> `{}`",
                    self.old.api.base_url, self.new.api.base_url
                ),
            );
        }
    }
}

/// `GET /expenses/{expenseId}`.
fn op_location(op: &Operation) -> String {
    format!("{} {}", op.http_method.as_str(), op.path)
}

/// `GET /expenses query per_page`.
fn param_location(here: &str, p: &Param) -> String {
    format!("{here} {} {}", p.location.as_str(), p.wire_name)
}

/// A path with its parameters' names left out: `/expenses/{}`.
fn normalize_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') && segment.ends_with('}') {
                "{}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The component name of an origin pointer (`#/components/schemas/Expense` -> `Expense`).
fn component(origin: &str) -> Option<String> {
    let rest = origin.strip_prefix("#/components/schemas/")?;
    (!rest.contains('/')).then(|| rest.replace("~1", "/").replace("~0", "~"))
}

/// A JSON pointer segment.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct { .. } => "a struct",
        TypeKind::StringEnum { .. } | TypeKind::IntegerEnum { .. } => "an enum",
        TypeKind::Alias(_) => "an alias",
        #[allow(unreachable_patterns)]
        _ => "another kind of type",
    }
}

/// A type reference as Rust writes it, roughly.
pub fn show(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(p) => match format!("{p:?}").as_str() {
            "Bool" => "bool".into(),
            "I32" => "i32".into(),
            "I64" => "i64".into(),
            "F32" => "f32".into(),
            "F64" => "f64".into(),
            "String" => "String".into(),
            "Date" => "NaiveDate".into(),
            "DateTime" => "DateTime<Utc>".into(),
            "Uuid" => "Uuid".into(),
            "Json" => "serde_json::Value".into(),
            "Unit" => "()".into(),
            other => other.to_string(),
        },
        TypeRef::FormattedDate { format, kind } => format!("{kind:?} '{format}'"),
        TypeRef::Named(name) => name.clone(),
        TypeRef::Array(inner) => format!("Vec<{}>", show(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", show(inner)),
    }
}
