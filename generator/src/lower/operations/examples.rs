//! The documented examples of an operation's request body and successful answer.

use openapiv3::{Operation as SpecOperation, StatusCode};

use super::media::{first_example, is_json};
use super::OperationLowering;
use crate::diagnostics::{Diagnostic, Pointer};

impl<'a> OperationLowering<'_, 'a> {
    /// The first example of the JSON request body and of the successful answer.
    pub(super) fn examples(
        &self,
        operation: &'a SpecOperation,
        status: u16,
        at: &Pointer,
    ) -> Result<(Option<serde_json::Value>, Option<serde_json::Value>), Diagnostic> {
        let request = match &operation.request_body {
            Some(body) => {
                let body = self.resolver.request_body(body, &at.join("requestBody"))?;
                body.content
                    .iter()
                    .find(|(media, _)| is_json(media))
                    .and_then(|(_, m)| first_example(m))
            }
            None => None,
        };
        let response =
            operation
                .responses
                .responses
                .iter()
                .find_map(|(code, response)| match code {
                    StatusCode::Code(n) if *n == status => Some(response),
                    _ => None,
                });
        let response = match response {
            Some(response) => {
                let response = self
                    .resolver
                    .response(response, &at.join("responses").join(status))?;
                response
                    .content
                    .iter()
                    .find(|(media, _)| is_json(media))
                    .and_then(|(_, m)| first_example(m))
            }
            None => None,
        };
        Ok((request, response))
    }
}
