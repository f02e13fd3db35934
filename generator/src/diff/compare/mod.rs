//! Compares what `pairing` paired and lists what changed, one file per concern: operations,
//! parameters, request bodies, responses, response headers, types (schemas, properties, enums),
//! the schema details the model leaves out (defaults, constraints, formats, deprecation),
//! security and servers.
//!
//! Every change inside a type is classified with the type's final [`Usage`] (every way the old
//! API uses it), which `pairing` finds before anything here runs; so each pair of types is
//! compared exactly once.

mod bodies;
mod details;
mod headers;
mod operations;
mod parameters;
mod responses;
mod security;
mod servers;
mod types;

use super::classify::{change, Finding, Usage};
use super::pairing::{self, TypeIndex};
use super::{Change, Side};

/// Every change from `old` to `new`, unsorted.
pub fn compare(old: &Side, new: &Side) -> Vec<Change> {
    let pairing = pairing::pair(old, new);
    let mut comparison = Comparison {
        old,
        new,
        types: &pairing.types,
        changes: Vec::new(),
    };
    comparison.operations(&pairing.operations);
    for pair in &pairing.type_pairs {
        comparison.type_pair(pair);
    }
    comparison.schemas_added_removed(&pairing);
    comparison.security_schemes();
    comparison.servers();
    comparison.changes
}

/// Both sides, what `pairing` found, and the changes so far.
struct Comparison<'c, 'a> {
    old: &'a Side,
    new: &'a Side,
    types: &'c TypeIndex<'a>,
    changes: Vec<Change>,
}

impl Comparison<'_, '_> {
    /// Records the change `finding` at `location`, inside a type used as `usage`.
    fn record(
        &mut self,
        finding: Finding,
        usage: Usage,
        location: impl Into<String>,
        detail: impl Into<String>,
    ) {
        self.changes
            .push(change(finding, usage, location.into(), detail.into()));
    }
}
