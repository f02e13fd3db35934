//! The names of the command tree: one group per tag, one command per operation.
//!
//! The rule, the same for any spec:
//!
//! - A group is its tag, kebab-cased (`Time Tracking` -> `time-tracking`).
//! - A command is first a verb from its method and path: `GET` on a path that ends in a
//!   parameter is `get`, `GET` on one that ends in a literal is `list`, `POST` on one that ends
//!   in a literal `create`, `PUT` or `PATCH` on one that ends in a parameter `update`, `DELETE`
//!   on one that ends in a parameter `delete`. When several operations of a group want the same
//!   verb, the one with the fewest path segments keeps it (none does on a tie).
//! - An operation left without a name takes the last literal segment of its path, kebab-cased,
//!   when its path has more than one literal (`PUT /timesheets/{id}/approve` -> `approve`,
//!   `GET /leaves/balances` -> `balances`), if no other operation of the group wants the same.
//! - Any other is its client method's name, kebab-cased (`get_time_entries` ->
//!   `get-time-entries`), which is unique in the crate; a clash with a name given before gets
//!   the smallest free number.
//! - `help` (clap's) is never a command; `api`, `auth`, `completion`, `help` and `mcp` are never groups.

use std::collections::BTreeMap;

use heck::ToKebabCase;

use crate::model::{Api, HttpMethod, Operation, PathSegment, Tag};
use crate::names::Scope;

/// Group names the command line has besides the tags.
pub(super) const RESERVED_GROUPS: &[&str] = &["api", "auth", "completion", "help", "mcp"];

/// One group of the tree: its tag, its name, and its operations with their command names.
pub(super) struct NamedGroup<'a> {
    pub tag: &'a Tag,
    pub name: String,
    pub commands: Vec<(&'a Operation, String)>,
}

/// Each tag of `api` that has operations, with its group name and its operations with their
/// command names, in the model's order.
pub(super) fn tree(api: &Api) -> Vec<NamedGroup<'_>> {
    let mut groups = Scope::with_reserved(RESERVED_GROUPS.iter().copied());
    api.tags
        .iter()
        .filter_map(|tag| {
            let operations: Vec<&Operation> = api.operations_of(tag).collect();
            if operations.is_empty() {
                return None;
            }
            let name = groups.claim(&kebab(&tag.name, "group"));
            let names = command_names(&operations);
            Some(NamedGroup {
                tag,
                name,
                commands: operations.into_iter().zip(names).collect(),
            })
        })
        .collect()
}

/// The command name of each of one group's `operations`, in their order.
pub(super) fn command_names(operations: &[&Operation]) -> Vec<String> {
    let mut names: Vec<Option<String>> = vec![None; operations.len()];
    // Verbs: the shortest path among those that want one keeps it.
    let mut wanted: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, operation) in operations.iter().enumerate() {
        if let Some(verb) = verb(operation) {
            wanted.entry(verb).or_default().push(index);
        }
    }
    for (verb, claimants) in &wanted {
        let shortest = claimants
            .iter()
            .map(|&i| operations[i].segments.len())
            .min()
            .unwrap_or_default();
        let winners: Vec<usize> = claimants
            .iter()
            .copied()
            .filter(|&i| operations[i].segments.len() == shortest)
            .collect();
        if let [winner] = winners[..] {
            names[winner] = Some((*verb).to_string());
        }
    }
    // The last literal segment, when no other operation left wants it.
    let mut scope = Scope::with_reserved(["help"]);
    for name in names.iter().flatten() {
        scope.claim(name);
    }
    let literals: Vec<Option<String>> = operations
        .iter()
        .zip(&names)
        .map(|(operation, name)| match name {
            Some(_) => None,
            None => last_literal(operation),
        })
        .collect();
    for (index, literal) in literals.iter().enumerate() {
        let Some(literal) = literal else { continue };
        let unique = literals.iter().flatten().filter(|l| *l == literal).count() == 1;
        if unique && !scope.contains(literal) {
            names[index] = Some(scope.claim(literal));
        }
    }
    // The client method's name.
    operations
        .iter()
        .zip(names)
        .map(|(operation, name)| {
            name.unwrap_or_else(|| {
                let wanted = kebab(&operation.method_name, "command");
                let claimed = scope.claim(&wanted);
                // Scope numbers `name` as `name2`; a command reads better as `name-2`.
                match claimed.strip_prefix(&wanted) {
                    Some(number) if !number.is_empty() => format!("{wanted}-{number}"),
                    _ => claimed,
                }
            })
        })
        .collect()
}

/// The verb the method and path of `operation` give, when they give one.
fn verb(operation: &Operation) -> Option<&'static str> {
    let on_item = matches!(operation.segments.last(), Some(PathSegment::Param(_)));
    match (operation.http_method, on_item) {
        (HttpMethod::Get, true) => Some("get"),
        (HttpMethod::Get, false) => Some("list"),
        (HttpMethod::Post, false) => Some("create"),
        (HttpMethod::Put | HttpMethod::Patch, true) => Some("update"),
        (HttpMethod::Delete, true) => Some("delete"),
        _ => None,
    }
}

/// The last literal segment of the path, kebab-cased, when the path has more than one.
fn last_literal(operation: &Operation) -> Option<String> {
    let literals: Vec<&str> = operation
        .segments
        .iter()
        .filter_map(|segment| match segment {
            PathSegment::Literal(text) => Some(text.as_str()),
            PathSegment::Param(_) | PathSegment::Mixed(_) => None,
        })
        .collect();
    match literals[..] {
        [_, .., last] => Some(last.to_kebab_case())
            .filter(|name| name.starts_with(|c: char| c.is_ascii_alphabetic())),
        _ => None,
    }
}

/// `text` kebab-cased, or `fallback` when nothing of it is left (a tag of punctuation).
pub(super) fn kebab(text: &str, fallback: &str) -> String {
    let kebab = text.to_kebab_case();
    let kebab = if kebab.starts_with(|c: char| c.is_ascii_alphabetic()) {
        kebab
    } else if kebab.is_empty() {
        fallback.to_string()
    } else {
        format!("{fallback}-{kebab}")
    };
    kebab
}
