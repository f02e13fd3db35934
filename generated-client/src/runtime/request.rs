// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use reqwest::Method;
use serde::Serialize;

use super::Error;

/// One HTTP request as a generated operation describes it: the parts the runtime needs to
/// send it, log it and retry it.
#[derive(Debug)]
pub(crate) struct Request {
    pub(crate) method: Method,
    /// The spec's operationId, for tracing.
    pub(crate) operation_id: &'static str,
    /// The path template from the spec (`/expenses/{expenseId}`), for tracing.
    pub(crate) path_template: &'static str,
    /// Path segments after the base URL, not yet percent-encoded.
    pub(crate) segments: Vec<String>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    /// A JSON body, already serialized.
    pub(crate) body: Option<Vec<u8>>,
}

impl Request {
    pub(crate) fn new(
        method: Method,
        operation_id: &'static str,
        path_template: &'static str,
    ) -> Self {
        Request {
            method,
            operation_id,
            path_template,
            segments: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Appends one path segment (a literal or a parameter's value).
    pub(crate) fn segment(&mut self, segment: impl Into<String>) {
        self.segments.push(segment.into());
    }

    /// Adds a query parameter.
    pub(crate) fn query(&mut self, name: &'static str, value: impl Into<String>) {
        self.query.push((name, value.into()));
    }

    /// Adds a header parameter.
    pub(crate) fn header(&mut self, name: &'static str, value: impl Into<String>) {
        self.headers.push((name, value.into()));
    }

    /// Serializes `body` as the JSON request body.
    pub(crate) fn json(&mut self, body: &impl Serialize) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|source| Error::Encode { source })?;
        self.body = Some(bytes);
        Ok(())
    }
}

/// Joins the values of an array parameter the way `style: form, explode: false` asks (`1,2,3`).
pub(crate) fn join<T: ToString>(values: &[T]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}
