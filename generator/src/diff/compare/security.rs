//! Security: the document's schemes, and the credentials each operation accepts.

use std::collections::BTreeSet;

use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::raw;
use crate::model::Operation;

impl Comparison<'_, '_> {
    /// Security schemes added, removed or changed (descriptions aside).
    pub(super) fn security_schemes(&mut self) {
        let old = raw::security_schemes(&self.old.raw);
        let new = raw::security_schemes(&self.new.raw);
        for (name, old_scheme) in &old {
            match new.get(name) {
                None => self.record(
                    Finding::SecuritySchemeRemoved,
                    Usage::default(),
                    format!("security scheme {name}"),
                    "removed",
                ),
                Some(new_scheme) if new_scheme != old_scheme => self.record(
                    Finding::SecuritySchemeChanged,
                    Usage::default(),
                    format!("security scheme {name}"),
                    format!("{old_scheme} -> {new_scheme}"),
                ),
                Some(_) => {}
            }
        }
        for (name, new_scheme) in &new {
            if !old.contains_key(name) {
                self.record(
                    Finding::SecuritySchemeAdded,
                    Usage::default(),
                    format!("security scheme {name}"),
                    format!("new: {new_scheme}"),
                );
            }
        }
    }

    /// Whether the credentials two paired operations accept differ.
    pub(super) fn operation_security(&mut self, old: &Operation, new: &Operation, here: &str) {
        let old = raw::security(&self.old.raw, &old.path, old.http_method.key());
        let new = raw::security(&self.new.raw, &new.path, new.http_method.key());
        let set = |r: &[raw::Requirement]| r.iter().cloned().collect::<BTreeSet<_>>();
        if set(&old) == set(&new) {
            return;
        }
        self.record(
            Finding::OperationSecurityChanged {
                tightened: raw::security_tightened(&old, &new),
            },
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
