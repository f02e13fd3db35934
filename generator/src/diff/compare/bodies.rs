//! Request bodies: added, removed, required or not, their type. Their properties are compared
//! with the types (`types`).

use super::types::show;
use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::model::{Body, Operation};

impl Comparison<'_, '_> {
    /// The request bodies of two paired operations.
    pub(super) fn body(&mut self, old_op: &Operation, new_op: &Operation, here: &str) {
        let location = format!("{here} request body");
        match (&old_op.body, &new_op.body) {
            (None, None) => {}
            (None, Some(new)) => self.record(
                Finding::BodyAdded {
                    required: new.required,
                    required_fields: new.fields.iter().any(|f| f.field.required),
                },
                Usage::BODY,
                location,
                format!("new request body `{}`", show(&new.ty)),
            ),
            (Some(old), None) => self.record(
                Finding::BodyRemoved,
                Usage::BODY,
                location,
                format!("the request body `{}` is gone", show(&old.ty)),
            ),
            (Some(old), Some(new)) => {
                self.body_required(old, new, &location);
                self.type_ref(&old.ty, &new.ty, Usage::BODY, &location, false);
            }
        }
    }

    /// A body that became required or optional.
    fn body_required(&mut self, old: &Body, new: &Body, location: &str) {
        match (old.required, new.required) {
            (false, true) => self.record(
                Finding::BodyBecameRequired,
                Usage::BODY,
                location,
                "became required",
            ),
            (true, false) => {
                let setters_replaced = !old.fields.is_empty() && new.fields.is_empty();
                let detail = if setters_replaced {
                    "became optional; it has a required property, so the builder \
                     sets it whole with `.body(..)` instead of one setter per property"
                } else {
                    "became optional"
                };
                self.record(
                    Finding::BodyBecameOptional { setters_replaced },
                    Usage::BODY,
                    location,
                    detail,
                );
            }
            _ => {}
        }
    }
}
