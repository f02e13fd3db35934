//! Response headers: documented, no longer documented, retyped, required or not, on each answer
//! both sides document (an answer one side lacks is a status change already).

use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::raw::{self, HeaderDoc};
use crate::model::Operation;

impl Comparison<'_, '_> {
    /// The response headers of two paired operations, answer by answer.
    pub(super) fn headers(&mut self, old: &Operation, new: &Operation, here: &str) {
        let old_answers = raw::response_headers(&self.old.raw, &old.path, old.http_method.key());
        let new_answers = raw::response_headers(&self.new.raw, &new.path, new.http_method.key());
        for (code, old_headers) in &old_answers {
            let Some(new_headers) = new_answers.get(code) else {
                continue;
            };
            let at = |header: &HeaderDoc| format!("{here} response {code} header {}", header.name);
            for (key, old_header) in old_headers {
                match new_headers.get(key) {
                    Some(new_header) => self.header(old_header, new_header, &at(new_header)),
                    None => self.record(
                        Finding::HeaderRemoved,
                        Usage::RESPONSE,
                        at(old_header),
                        format!("header `{}` is no longer documented", old_header.name),
                    ),
                }
            }
            for (key, new_header) in new_headers {
                if !old_headers.contains_key(key) {
                    let what = if new_header.required {
                        "always sent"
                    } else {
                        "optional"
                    };
                    self.record(
                        Finding::HeaderAdded,
                        Usage::RESPONSE,
                        at(new_header),
                        format!(
                            "header `{}` is newly documented ({what}, {})",
                            new_header.name, new_header.ty
                        ),
                    );
                }
            }
        }
    }

    /// One header both sides document on the same answer.
    fn header(&mut self, old: &HeaderDoc, new: &HeaderDoc, location: &str) {
        match (old.required, new.required) {
            (false, true) => self.record(
                Finding::HeaderBecameRequired,
                Usage::RESPONSE,
                location,
                "the answer always carries it now",
            ),
            (true, false) => self.record(
                Finding::HeaderBecameOptional,
                Usage::RESPONSE,
                location,
                "the answer may come without it now",
            ),
            _ => {}
        }
        if old.ty != new.ty {
            self.record(
                Finding::HeaderTypeChanged {
                    narrowed: new.ty.narrows(&old.ty),
                },
                Usage::RESPONSE,
                location,
                format!("type {} -> {}", old.ty, new.ty),
            );
        }
    }
}
