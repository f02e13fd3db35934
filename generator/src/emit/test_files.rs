//! Which files the spec-driven tests take. `tests/examples.rs` and `tests/contract.rs` are
//! roots that only declare modules: one per tag (`tests/examples/<tag>.rs`), or several when a
//! tag's tests would make a long file (`tests/examples/<tag>/part1.rs`, ...), each behind its
//! tag's cargo feature when the tags have features, so the tests build with any set of tags.

use super::chunks::by_lines;
use crate::model::{Api, Operation, TypeRef};
use crate::names::Scope;

/// One module of a test root: the tests of (part of) one tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestModule {
    /// Its name in the root (`repos`, `repos_part2`).
    pub ident: String,
    /// Its file, from `tests/` (`contract/repos/part2.rs`).
    pub file: String,
    /// The tag's name, for its docs.
    pub tag: String,
    /// The cargo feature that compiles it, when tags have features.
    pub feature: Option<String>,
    /// Its operations: indexes into `api.operations`, in the crate's order.
    pub operations: Vec<usize>,
}

/// Which test root a module belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `tests/examples.rs`: each documented answer decodes.
    Examples,
    /// `tests/contract.rs`: each operation called against Prism.
    Contract,
    /// `tests/contract.rs` of the command line: each command run against Prism, which
    /// answers from the schemas where the spec gives no example.
    Commands,
}

impl Suite {
    /// The root's file stem (`examples`), also the folder of its modules.
    pub fn stem(self) -> &'static str {
        match self {
            Suite::Examples => "examples",
            Suite::Contract | Suite::Commands => "contract",
        }
    }

    /// Whether `op` has a test in this suite (of a spec with at least one answer example).
    fn covers(self, op: &Operation) -> bool {
        callable(op)
            && match self {
                Suite::Examples => op.response_example.is_some(),
                Suite::Contract | Suite::Commands => true,
            }
    }

    /// About how many formatted lines the test of `op` takes (from GitHub's crate).
    fn estimated_lines(self, op: &Operation) -> usize {
        let required = op.params.iter().filter(|p| p.required).count();
        let body = usize::from(op.body.is_some()) * 6;
        match self {
            Suite::Examples => 14 + 2 * required + body,
            Suite::Contract | Suite::Commands => 8 + 2 * required + body,
        }
    }
}

/// The modules of `suite`'s root, empty when no operation has a test in it.
pub fn test_modules(api: &Api, suite: Suite) -> Vec<TestModule> {
    // The root declares `mod support;` beside the tags' modules.
    let mut scope = Scope::default();
    scope.claim("support");
    let mut modules = Vec::new();
    // The client's suites test the examples: without any, they have nothing to test.
    if suite != Suite::Commands
        && api
            .operations
            .iter()
            .all(|op| op.response_example.is_none())
    {
        return modules;
    }
    for tag in &api.tags {
        let sized = api
            .operations
            .iter()
            .enumerate()
            .filter(|(_, op)| op.tag == tag.name && suite.covers(op))
            .map(|(i, op)| (i, suite.estimated_lines(op)));
        let parts = by_lines(sized);
        let several = parts.len() > 1;
        // `r#type` is the module `type`, in `type.rs`.
        let stem = tag.file_stem();
        for (n, operations) in (1..).zip(parts) {
            let (ident, file) = if several {
                (
                    format!("{stem}_part{n}"),
                    format!("{}/{stem}/part{n}.rs", suite.stem()),
                )
            } else {
                (tag.module.clone(), format!("{}/{stem}.rs", suite.stem()))
            };
            modules.push(TestModule {
                ident: scope.claim(&ident),
                file,
                tag: tag.name.clone(),
                feature: tag.feature.clone(),
                operations,
            });
        }
    }
    modules
}

/// Whether the arguments of `op` can be made from its examples: a required parameter in a
/// display date format has no JSON example to read, and a required body needs an example.
pub fn callable(op: &Operation) -> bool {
    let dates_fine = op
        .params
        .iter()
        .filter(|p| p.required)
        .all(|p| !matches!(p.ty, TypeRef::FormattedDate { .. }));
    let body_fine = op
        .body
        .as_ref()
        .is_none_or(|body| !body.required || op.request_example.is_some());
    dates_fine && body_fine
}
