//! Operations as a whole: added, removed, moved, renamed, retagged, (un)deprecated; then each
//! paired operation's parameters, body, answers and security.

use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::pairing::{op_location, OperationPair, OperationPairs};
use crate::diff::Side;
use crate::model::Operation;

impl Comparison<'_, '_> {
    /// Operations only one side has, then every paired operation.
    pub(super) fn operations(&mut self, operations: &OperationPairs) {
        for op in &operations.removed {
            self.record(
                Finding::OperationRemoved,
                Usage::default(),
                op_location(op),
                format!(
                    "operation `{}` is gone (method `Client::{}`)",
                    op.id, op.method_name
                ),
            );
        }
        for op in &operations.added {
            self.record(
                Finding::OperationAdded,
                Usage::default(),
                op_location(op),
                format!(
                    "new operation `{}` (method `Client::{}`)",
                    op.id, op.method_name
                ),
            );
        }
        for pair in &operations.paired {
            self.operation(pair);
        }
    }

    /// One paired operation: itself, then its parameters, body, answers and security.
    fn operation(&mut self, pair: &OperationPair) {
        let (old, new) = (pair.old, pair.new);
        let here = op_location(new);
        if pair.moved {
            self.record(
                Finding::OperationPathChanged,
                Usage::default(),
                op_location(old),
                format!("operation `{}` moved to {here}", new.id),
            );
        }
        self.operation_id(old, new, &here);
        self.operation_tag(old, new, &here);
        if new.deprecated != old.deprecated {
            let (finding, detail) = if new.deprecated {
                (Finding::OperationDeprecated, "marked deprecated")
            } else {
                (Finding::OperationUndeprecated, "no longer deprecated")
            };
            self.record(finding, Usage::default(), here.clone(), detail);
        }
        self.params(old, new, &here);
        self.body(old, new, &here);
        self.responses(old, new, &here);
        self.operation_security(old, new, &here);
    }

    /// A new operationId, with or without new Rust names.
    fn operation_id(&mut self, old: &Operation, new: &Operation, here: &str) {
        if old.id == new.id {
            return;
        }
        let rust_renamed =
            old.method_name != new.method_name || old.builder_name != new.builder_name;
        let detail = if rust_renamed {
            format!(
                "operationId `{}` -> `{}`: method `Client::{}` -> `Client::{}`",
                old.id, new.id, old.method_name, new.method_name
            )
        } else {
            format!("operationId `{}` -> `{}` (same Rust names)", old.id, new.id)
        };
        self.record(
            Finding::OperationIdRenamed { rust_renamed },
            Usage::default(),
            here,
            detail,
        );
    }

    /// A new first tag, which may move the builder to another module.
    fn operation_tag(&mut self, old: &Operation, new: &Operation, here: &str) {
        if old.tag == new.tag {
            return;
        }
        let module = |side: &Side, tag: &str| {
            side.api
                .tags
                .iter()
                .find(|t| t.name == tag)
                .map(|t| t.module.clone())
                .unwrap_or_default()
        };
        let old_module = module(self.old, &old.tag);
        let new_module = module(self.new, &new.tag);
        self.record(
            Finding::OperationTagChanged {
                module_changed: old_module != new_module,
            },
            Usage::default(),
            here,
            format!(
                "tag `{}` -> `{}`: builder `operations::{old_module}::{}` -> `operations::{new_module}::{}`",
                old.tag, new.tag, old.builder_name, new.builder_name
            ),
        );
    }
}
