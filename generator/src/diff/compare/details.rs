//! What the model leaves out of a parameter or a schema: default, constraints, format and
//! deprecation, read from the spec document by `raw`.

use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::raw::{self, DetailChange, SchemaDetails};

/// Whose details they are: deprecation is a parameter's or a property's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DetailsOf {
    /// A parameter's.
    Param,
    /// A property's or a schema's.
    Schema,
}

impl Comparison<'_, '_> {
    /// Reports default, constraint, format (only when `compare_format`) and deprecation changes.
    pub(super) fn details(
        &mut self,
        old: &SchemaDetails,
        new: &SchemaDetails,
        compare_format: bool,
        usage: Usage,
        location: &str,
        of: DetailsOf,
    ) {
        for detail_change in raw::detail_changes(old, new, compare_format) {
            let (finding, detail) = match detail_change {
                DetailChange::Default(old, new) => (
                    Finding::DefaultChanged,
                    format!("default {} -> {}", raw::show(&old), raw::show(&new)),
                ),
                DetailChange::Constraints {
                    old,
                    new,
                    tightened,
                } => (
                    Finding::ConstraintsChanged { tightened },
                    format!(
                        "constraints {old} -> {new} ({})",
                        if tightened { "tightened" } else { "loosened" }
                    ),
                ),
                DetailChange::Format(old, new) => (
                    Finding::FormatChanged {
                        tightened: new.is_some(),
                    },
                    format!(
                        "format {} -> {}",
                        old.as_deref().unwrap_or("none"),
                        new.as_deref().unwrap_or("none")
                    ),
                ),
                DetailChange::Deprecated => {
                    let finding = match of {
                        DetailsOf::Param => Finding::ParamDeprecated,
                        DetailsOf::Schema => Finding::PropertyDeprecated,
                    };
                    (finding, "marked deprecated".to_string())
                }
            };
            self.record(finding, usage, location, detail);
        }
    }
}
