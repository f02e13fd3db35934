//! One schema of a 3.1 document rewritten into its 3.0 form, then the schemas inside it.
//! Rewrites happen top-down, so every move of a node's members is recorded (in
//! [`super::Origins`]) before anything inside them is looked at.

use serde_yaml::{Mapping, Value};

use super::keywords::{alternative, keyword_type, rewrite_bounds, rewrite_content, rewrite_values};
use super::{known_dialect, Rewriter};
use crate::diagnostics::{Diagnostic, Pointer};

/// How deeply schemas nest before the rest is left to the 3.0 checks (which refuse it).
const MAX_DEPTH: usize = 200;

/// Keywords refused wherever they appear, with the reason.
const REFUSED: [(&str, &str); 8] = [
    (
        "prefixItems",
        "`prefixItems` (a tuple) is not supported: the generator has no tuple types yet; describe the items with `items`",
    ),
    (
        "if",
        "conditional schemas (`if`/`then`/`else`) are not supported: a Rust type cannot depend on the value it holds",
    ),
    (
        "then",
        "conditional schemas (`if`/`then`/`else`) are not supported: a Rust type cannot depend on the value it holds",
    ),
    (
        "else",
        "conditional schemas (`if`/`then`/`else`) are not supported: a Rust type cannot depend on the value it holds",
    ),
    (
        "dependentSchemas",
        "`dependentSchemas` is not supported: properties that apply only beside another property have no Rust type; list them as optional properties",
    ),
    (
        "$defs",
        "`$defs` inside a schema is not supported: move the definitions to `components/schemas` and refer to them there",
    ),
    (
        "$id",
        "`$id` is not supported: it changes what the `$ref`s under it mean; only JSON pointers within the document (`#/...`) are followed",
    ),
    (
        "$anchor",
        "`$anchor` is not supported: refer to schemas by JSON pointer (`#/components/schemas/...`)",
    ),
];

/// Refused like [`REFUSED`]: dynamic references.
const DYNAMIC: [&str; 2] = ["$dynamicRef", "$dynamicAnchor"];

/// Constraints a client does not check and no Rust type expresses: dropped (their values
/// still validate on the server).
const CONSTRAINTS_ONLY: [&str; 7] = [
    "$comment",
    "contentSchema",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
    "dependentRequired",
];

impl Rewriter<'_> {
    /// Rewrites the schema `value` found at `at` (a place of the rewritten document).
    pub(super) fn schema(
        &mut self,
        value: &mut Value,
        at: &Pointer,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        let map = match value {
            Value::Bool(true) => {
                *value = Value::Mapping(Mapping::new());
                return Ok(());
            }
            Value::Bool(false) => {
                return Err(self.error(
                    at,
                    "the schema `false` (no value is valid) is not supported: leave the property or item out instead",
                ))
            }
            Value::Mapping(map) => map,
            _ => return Ok(()),
        };
        self.refuse(map, at)?;
        for key in CONSTRAINTS_ONLY {
            map.remove(key);
        }
        if map.get("unevaluatedItems").is_some_and(Value::is_bool) {
            map.remove("unevaluatedItems");
        } else if map.contains_key("unevaluatedItems") {
            return Err(self.error(
                &at.join("unevaluatedItems"),
                "a schema in `unevaluatedItems` is not supported: describe the items with `items`",
            ));
        }
        self.null_alternatives(map, at)?;
        self.reference_with_siblings(map, at);
        self.types(map, at)?;
        rewrite_values(map);
        rewrite_bounds(map);
        rewrite_content(map);
        self.pattern_properties(map, at);
        self.unevaluated_properties(map, at);
        self.nested(map, at, depth)
    }

    /// The keywords that have no 3.0 form, refused at their place.
    fn refuse(&self, map: &Mapping, at: &Pointer) -> Result<(), Diagnostic> {
        if let Some((key, why)) = REFUSED.iter().find(|(key, _)| map.contains_key(*key)) {
            return Err(self.error(&at.join(key), *why));
        }
        if let Some(key) = DYNAMIC.iter().find(|key| map.contains_key(**key)) {
            return Err(self.error(
                &at.join(key),
                format!("`{key}` (a dynamic reference) is not supported: refer to schemas by JSON pointer (`#/components/schemas/...`)"),
            ));
        }
        if let Some(dialect) = map.get("$schema") {
            if !known_dialect(dialect) {
                return Err(self.error(
                    &at.join("$schema"),
                    "a schema dialect other than OpenAPI 3.1's own or a JSON Schema draft is not supported",
                ));
            }
        }
        Ok(())
    }

    /// `anyOf`/`oneOf` with a `{type: 'null'}` alternative: the others, nullable. One
    /// alternative left is the schema itself (merged in when inline, `allOf: [$ref]` when a
    /// reference), as 3.0 writes a nullable schema.
    fn null_alternatives(&mut self, map: &mut Mapping, at: &Pointer) -> Result<(), Diagnostic> {
        map.remove("$schema");
        for key in ["anyOf", "oneOf"] {
            let Some(Value::Sequence(members)) = map.get(key) else {
                continue;
            };
            if !members.iter().any(is_null_only) {
                continue;
            }
            let kept: Vec<(usize, Value)> = members
                .iter()
                .enumerate()
                .filter(|(_, member)| !is_null_only(member))
                .map(|(i, member)| (i, member.clone()))
                .collect();
            map.insert("nullable".into(), true.into());
            let key_at = at.join(key);
            match kept.as_slice() {
                [] => {
                    map.remove(key);
                }
                [(i, Value::Mapping(member))]
                    if !member.contains_key("$ref") && mergeable(map, member, key) =>
                {
                    let member = member.clone();
                    map.remove(key);
                    self.origins.moved(at, &self.original(&key_at.join(i)));
                    for (k, v) in member {
                        map.entry(k).or_insert(v);
                    }
                }
                [(i, member)] if !map.contains_key("allOf") => {
                    let original = self.original(&key_at.join(i));
                    map.remove(key);
                    map.insert("allOf".into(), Value::Sequence(vec![member.clone()]));
                    self.origins.moved(&at.join("allOf").join(0), &original);
                }
                _ => {
                    let mut shifted = Vec::with_capacity(kept.len());
                    for (new, (old, member)) in kept.into_iter().enumerate() {
                        let original = self.original(&key_at.join(old));
                        self.origins.moved(&key_at.join(new), &original);
                        shifted.push(member);
                    }
                    map.insert(key.into(), Value::Sequence(shifted));
                }
            }
        }
        Ok(())
    }

    /// The original place of `at`, a place of the rewritten document.
    fn original(&self, at: &Pointer) -> Pointer {
        Pointer::from_ref(&self.origins.original(&at.to_string())).unwrap_or_else(|| at.clone())
    }

    /// `$ref` beside other keywords (3.1 allows it; 3.0 ignores the rest): the reference
    /// becomes an `allOf` member, so the keywords beside it still apply.
    fn reference_with_siblings(&mut self, map: &mut Mapping, at: &Pointer) {
        if !map.contains_key("$ref") || map.len() == 1 {
            return;
        }
        let Some(reference) = map.remove("$ref") else {
            return;
        };
        let mut member = Mapping::new();
        member.insert("$ref".into(), reference);
        let member = Value::Mapping(member);
        let original = self.original(at);
        let index = match map.get_mut("allOf") {
            Some(Value::Sequence(members)) => {
                members.push(member);
                members.len() - 1
            }
            _ => {
                map.insert("allOf".into(), Value::Sequence(vec![member]));
                0
            }
        };
        self.origins.moved(&at.join("allOf").join(index), &original);
    }

    /// `type` as a list: `"null"` in it is `nullable`; one other type is that type; several are
    /// the `oneOf` of one schema per type, each with the keywords of its type. `type: 'null'`
    /// alone is a schema only `null` fits.
    fn types(&mut self, map: &mut Mapping, at: &Pointer) -> Result<(), Diagnostic> {
        let names: Vec<String> = match map.get("type") {
            None => return Ok(()),
            Some(Value::String(name)) => vec![name.clone()],
            Some(Value::Sequence(names)) => {
                let mut texts = Vec::new();
                for name in names {
                    let Some(name) = name.as_str() else {
                        return Err(self.error(
                            &at.join("type"),
                            "`type` must be a type name or a list of type names",
                        ));
                    };
                    texts.push(name.to_string());
                }
                texts
            }
            Some(_) => return Ok(()),
        };
        let (nulls, types): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|name| name == "null");
        if !nulls.is_empty() {
            map.insert("nullable".into(), true.into());
        }
        match types.as_slice() {
            [] => {
                map.remove("type");
            }
            [one] => {
                map.insert("type".into(), one.clone().into());
            }
            several => {
                if map.contains_key("oneOf") || map.contains_key("anyOf") {
                    return Err(self.error(
                        &at.join("type"),
                        "a list of several types beside `oneOf`/`anyOf` is not supported: write the types as alternatives",
                    ));
                }
                map.remove("type");
                let original = self.original(at);
                let alternatives = several
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        self.origins.moved(&at.join("oneOf").join(i), &original);
                        Value::Mapping(alternative(map, name))
                    })
                    .collect::<Vec<_>>();
                map.retain(|key, _| key.as_str().is_none_or(|k| keyword_type(k).is_none()));
                map.remove("format");
                map.remove("enum");
                map.insert("oneOf".into(), Value::Sequence(alternatives));
            }
        }
        Ok(())
    }

    /// `patternProperties`: a map whose values are the pattern's schema (several patterns: any
    /// of theirs); the key patterns are not checked by the client.
    fn pattern_properties(&mut self, map: &mut Mapping, at: &Pointer) {
        let Some(Value::Mapping(patterns)) = map.remove("patternProperties") else {
            return;
        };
        let original = self.original(&at.join("patternProperties"));
        let mut schemas: Vec<(Pointer, Value)> = patterns
            .into_iter()
            .map(|(pattern, schema)| {
                let pattern = pattern.as_str().unwrap_or_default().to_string();
                (original.join(pattern), schema)
            })
            .collect();
        match map.remove("additionalProperties") {
            Some(extra @ Value::Mapping(_)) => {
                schemas.push((self.original(&at.join("additionalProperties")), extra));
            }
            Some(Value::Bool(true)) => {
                schemas.push((original.clone(), Value::Mapping(Mapping::new())))
            }
            _ => {}
        }
        let extra_at = at.join("additionalProperties");
        let extra = match schemas.len() {
            0 => return,
            1 => {
                let (from, schema) = schemas.remove(0);
                self.origins.moved(&extra_at, &from);
                schema
            }
            _ => {
                let any_at = extra_at.join("anyOf");
                let members = schemas
                    .into_iter()
                    .enumerate()
                    .map(|(i, (from, schema))| {
                        self.origins.moved(&any_at.join(i), &from);
                        schema
                    })
                    .collect();
                let mut any = Mapping::new();
                any.insert("anyOf".into(), Value::Sequence(members));
                Value::Mapping(any)
            }
        };
        map.insert("additionalProperties".into(), extra);
        if !map.contains_key("type") && !map.contains_key("properties") {
            map.insert("type".into(), "object".into());
        }
    }

    /// `unevaluatedProperties` is `additionalProperties` when that is not given (the generator
    /// merges `allOf` members into one struct, which is what it evaluates).
    fn unevaluated_properties(&mut self, map: &mut Mapping, at: &Pointer) {
        let Some(unevaluated) = map.remove("unevaluatedProperties") else {
            return;
        };
        if map.contains_key("additionalProperties") {
            return;
        }
        let original = self.original(&at.join("unevaluatedProperties"));
        self.origins
            .moved(&at.join("additionalProperties"), &original);
        map.insert("additionalProperties".into(), unevaluated);
    }

    /// The schemas inside this one.
    fn nested(&mut self, map: &mut Mapping, at: &Pointer, depth: usize) -> Result<(), Diagnostic> {
        if let Some(Value::Mapping(properties)) = map.get_mut("properties") {
            let properties_at = at.join("properties");
            for (name, property) in properties.iter_mut() {
                let name = name.as_str().unwrap_or_default().to_string();
                self.schema(property, &properties_at.join(name), depth + 2)?;
            }
        }
        for key in ["items", "not"] {
            if let Some(inner) = map.get_mut(key) {
                self.schema(inner, &at.join(key), depth + 1)?;
            }
        }
        if let Some(extra @ Value::Mapping(_)) = map.get_mut("additionalProperties") {
            self.schema(extra, &at.join("additionalProperties"), depth + 1)?;
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            if let Some(Value::Sequence(members)) = map.get_mut(key) {
                let members_at = at.join(key);
                for (i, member) in members.iter_mut().enumerate() {
                    self.schema(member, &members_at.join(i), depth + 2)?;
                }
            }
        }
        Ok(())
    }
}

/// A schema only `null` fits: `type: 'null'` (or `['null']`), with annotations at most.
fn is_null_only(value: &Value) -> bool {
    let Value::Mapping(map) = value else {
        return false;
    };
    let null_type = match map.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Sequence(names)) => {
            names.iter().all(|n| n.as_str() == Some("null")) && !names.is_empty()
        }
        _ => false,
    };
    null_type
        && map.keys().all(|key| {
            matches!(
                key.as_str(),
                Some("type" | "title" | "description" | "$comment" | "deprecated")
            )
        })
}

/// Whether an inline alternative can be merged into the schema holding it: their keywords do
/// not meet, except annotations (the holder's win).
fn mergeable(holder: &Mapping, member: &Mapping, composition: &str) -> bool {
    member.keys().all(|key| match key.as_str() {
        Some("title" | "description" | "default" | "example" | "examples" | "deprecated") => true,
        Some(k) => k != composition && !holder.contains_key(k),
        None => false,
    })
}
