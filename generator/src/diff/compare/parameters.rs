//! Path, query and header parameters: added, removed, renamed, required or not, their types and
//! schema details.

use super::details::DetailsOf;
use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::pairing::{pair_params, param_location};
use crate::diff::raw;
use crate::diff::Side;
use crate::model::{Operation, Param, ParamStyle};

impl Comparison<'_, '_> {
    /// The parameters of two paired operations.
    pub(super) fn params(&mut self, old_op: &Operation, new_op: &Operation, here: &str) {
        let pairs = pair_params(old_op, new_op);
        for pair in &pairs.old {
            match pair.new {
                Some(new) => self.param(old_op, new_op, pair.old, new, here),
                None => self.record(
                    Finding::ParamRemoved,
                    Usage::PARAM,
                    param_location(here, pair.old),
                    format!("removed (setter `{}`)", pair.old.rust_name),
                ),
            }
        }
        for new in pairs.added {
            let what = if new.required { "required" } else { "optional" };
            self.record(
                Finding::ParamAdded {
                    required: new.required,
                },
                Usage::PARAM,
                param_location(here, new),
                format!("new {what} parameter (setter `{}`)", new.rust_name),
            );
        }
    }

    /// One paired parameter: its name, whether it is required, its type and schema details.
    fn param(
        &mut self,
        old_op: &Operation,
        new_op: &Operation,
        old: &Param,
        new: &Param,
        here: &str,
    ) {
        let location = param_location(here, new);
        if old.wire_name != new.wire_name || old.rust_name != new.rust_name {
            self.record(
                Finding::ParamRenamed {
                    rust_renamed: old.rust_name != new.rust_name,
                },
                Usage::PARAM,
                location.clone(),
                format!(
                    "`{}` -> `{}` (setter `{}` -> `{}`)",
                    old.wire_name, new.wire_name, old.rust_name, new.rust_name
                ),
            );
        }
        match (old.required, new.required) {
            (false, true) => self.record(
                Finding::ParamBecameRequired,
                Usage::PARAM,
                location.clone(),
                "became required: `.send()` compiles only once it is set",
            ),
            (true, false) => self.record(
                Finding::ParamBecameOptional,
                Usage::PARAM,
                location.clone(),
                "became optional",
            ),
            _ => {}
        }
        self.param_style(old, new, &location);
        self.type_ref(&old.ty, &new.ty, Usage::PARAM, &location, true);
        let old_details = param_details(self.old, old_op, old);
        let new_details = param_details(self.new, new_op, new);
        self.details(
            &old_details,
            &new_details,
            old.ty == new.ty,
            Usage::PARAM,
            &location,
            DetailsOf::Param,
        );
    }
}

impl Comparison<'_, '_> {
    /// A parameter written in another style (`style`, `explode`), where that changes the text
    /// on the wire: for lists, objects and unions, and for the styles that mark a scalar too
    /// (label, matrix, JSON).
    fn param_style(&mut self, old: &Param, new: &Param, location: &str) {
        if (old.style, old.explode) == (new.style, new.explode) {
            return;
        }
        let marks_scalars = |param: &Param| {
            matches!(
                param.style,
                ParamStyle::Label | ParamStyle::Matrix | ParamStyle::Json
            )
        };
        if old.scalar && new.scalar && !marks_scalars(old) && !marks_scalars(new) {
            return;
        }
        let show = |param: &Param| {
            format!(
                "{}{}",
                param.style.runtime_name(),
                if param.explode { ", exploded" } else { "" }
            )
        };
        self.record(
            Finding::ParamStyleChanged,
            Usage::PARAM,
            location,
            format!("written as {} -> {}", show(old), show(new)),
        );
    }
}

/// The schema details of `param` of `op` in `side`'s document (none when it cannot be found).
fn param_details(side: &Side, op: &Operation, param: &Param) -> raw::SchemaDetails {
    raw::parameter(
        &side.raw,
        &op.path,
        op.http_method.key(),
        param.location.as_str(),
        &param.wire_name,
    )
    .map(|value| raw::parameter_details(&side.raw, value))
    .unwrap_or_default()
}
