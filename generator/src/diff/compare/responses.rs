//! Answers: documented status codes (their headers in `headers`), the envelope, the per-status answer enum and the type of
//! the successful answer. Its properties are compared with the types (`types`).

use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::raw;
use crate::model::Operation;

impl Comparison<'_, '_> {
    /// The answers of two paired operations.
    pub(super) fn responses(&mut self, old: &Operation, new: &Operation, here: &str) {
        self.statuses(old, new, here);
        self.headers(old, new, here);
        let location = format!("{here} response {}", new.success.status);
        if old.success.enveloped() != new.success.enveloped() {
            let how = if new.success.enveloped() {
                "now wrapped in"
            } else {
                "no longer wrapped in"
            };
            self.record(
                Finding::TypeChanged {
                    widened: false,
                    narrowed: false,
                    rust_changed: false,
                    converts: false,
                    in_parameter: false,
                },
                Usage::RESPONSE,
                location.clone(),
                format!("the answer is {how} the envelope"),
            );
        }
        let answer_enum = |op: &Operation| op.success.per_status.as_ref().map(|e| e.name.clone());
        if answer_enum(old) != answer_enum(new) {
            let detail = match answer_enum(new) {
                Some(name) => {
                    format!("`send` now returns `{name}`, one variant per success status")
                }
                None => "`send` no longer returns one variant per success status".to_string(),
            };
            self.record(
                Finding::TypeChanged {
                    widened: false,
                    narrowed: false,
                    rust_changed: true,
                    converts: false,
                    in_parameter: false,
                },
                Usage::RESPONSE,
                location.clone(),
                detail,
            );
        }
        let (old_data, new_data) = (&old.success.data, &new.success.data);
        self.type_ref(old_data, new_data, Usage::RESPONSE, &location, false);
        self.error_bodies(old, new, here);
    }

    /// The bodies of the error answers both sides document, as the error enums type them.
    fn error_bodies(&mut self, old: &Operation, new: &Operation, here: &str) {
        let variants = |op: &Operation| {
            op.errors
                .iter()
                .flat_map(|e| e.variants.clone())
                .collect::<Vec<_>>()
        };
        let new_variants = variants(new);
        for old_variant in variants(old) {
            let Some(new_variant) = new_variants.iter().find(|v| v.status == old_variant.status)
            else {
                continue;
            };
            let location = format!("{here} response {}", old_variant.status.key());
            match (&old_variant.body, &new_variant.body) {
                (Some(old_body), Some(new_body)) => {
                    self.type_ref(old_body, new_body, Usage::RESPONSE, &location, false);
                }
                (None, None) => {}
                (old_body, _) => {
                    let how = if old_body.is_some() {
                        "no longer has"
                    } else {
                        "now has"
                    };
                    self.record(
                        Finding::TypeChanged {
                            widened: false,
                            narrowed: false,
                            rust_changed: true,
                            converts: false,
                            in_parameter: false,
                        },
                        Usage::RESPONSE,
                        location,
                        format!(
                            "the error answer {how} a typed body (`{}`)",
                            new_variant.name
                        ),
                    );
                }
            }
        }
    }

    /// Status codes documented on one side only.
    fn statuses(&mut self, old: &Operation, new: &Operation, here: &str) {
        let old_codes = raw::statuses(&self.old.raw, &old.path, old.http_method.key());
        let new_codes = raw::statuses(&self.new.raw, &new.path, new.http_method.key());
        let success = |code: &str| code.starts_with('2');
        let typed = |code: &str| {
            old.errors
                .iter()
                .flat_map(|e| &e.variants)
                .any(|variant| variant.status.key().eq_ignore_ascii_case(code))
        };
        for code in old_codes.difference(&new_codes) {
            self.record(
                Finding::StatusRemoved {
                    success: success(code),
                    error_variant: typed(code),
                },
                Usage::RESPONSE,
                format!("{here} response {code}"),
                format!("status {code} is no longer documented"),
            );
        }
        for code in new_codes.difference(&old_codes) {
            self.record(
                Finding::StatusAdded {
                    success: success(code),
                },
                Usage::RESPONSE,
                format!("{here} response {code}"),
                format!("status {code} is newly documented"),
            );
        }
    }
}
