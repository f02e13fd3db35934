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
                    // A required property, or a required body set whole, is a required
                    // setter: code that does not call it no longer compiles.
                    required_fields: new.fields.iter().any(|f| f.field.required)
                        || (new.required && new.fields.is_empty()),
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
                Finding::BodyBecameRequired {
                    required_setters_changed: required_setters(old) != required_setters(new),
                },
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

/// The builder's required setters for `body`: `body` when it is required and set whole, else
/// its required properties' (which the builder's type tracks, see `emit/states.rs`).
fn required_setters(body: &Body) -> Vec<&str> {
    if body.fields.is_empty() {
        return if body.required {
            vec!["body"]
        } else {
            Vec::new()
        };
    }
    body.fields
        .iter()
        .filter(|field| !field.field.is_optional())
        .map(|field| field.setter.as_str())
        .collect()
}
