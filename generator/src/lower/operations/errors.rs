//! An operation's documented error answers (`4xx`/`5xx` statuses, `4XX`/`5XX` ranges,
//! `default`) as the variants of its error enum, each with the type of its whole body.

use openapiv3::{Operation as SpecOperation, ReferenceOr, StatusCode};

use super::media::is_json;
use super::OperationLowering;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{ErrorEnum, ErrorStatus, ErrorVariant, Primitive, TypeRef};

impl<'a> OperationLowering<'_, 'a> {
    /// The error enum of `operation`, when one of its error answers has a schema; `default`
    /// is left out when it stands for the success (no 2xx is documented).
    pub(super) fn error_answers(
        &mut self,
        operation: &'a SpecOperation,
        builder_name: &str,
        default_is_success: bool,
        at: &Pointer,
    ) -> Result<Option<ErrorEnum>, Diagnostic> {
        let responses = &operation.responses;
        let mut answers: Vec<(ErrorStatus, &'a ReferenceOr<openapiv3::Response>)> = responses
            .responses
            .iter()
            .filter_map(|(code, response)| match code {
                StatusCode::Code(n @ 400..=599) => Some((ErrorStatus::Code(*n), response)),
                StatusCode::Range(class @ (4 | 5)) => Some((ErrorStatus::Range(*class), response)),
                _ => None,
            })
            .collect();
        if let Some(default) = responses.default.as_ref().filter(|_| !default_is_success) {
            answers.push((ErrorStatus::Default, default));
        }
        answers.sort_by_key(|(status, _)| *status);
        let mut variants = Vec::with_capacity(answers.len());
        for (status, response) in answers {
            let response_at = at.join("responses").join(status.key());
            let (response, place) = self.resolver.located_response(response, &response_at)?;
            let name = variant_name(status);
            let body = match response.content.iter().find(|(media, _)| is_json(media)) {
                Some((media, content)) => Some(match &content.schema {
                    Some(schema) => {
                        let schema_at = place.join("content").join(media).join("schema");
                        // A shared answer's inline schema is one type, named after the answer.
                        match place.segments().as_slice() {
                            [components, responses, answer]
                                if components == "components" && responses == "responses" =>
                            {
                                let hint = format!("{answer}Body");
                                self.types.type_of_shared(schema, &schema_at, &hint)?
                            }
                            _ => {
                                let hint = format!("{builder_name}{name}Body");
                                self.types.type_of(schema, &schema_at, &hint)?
                            }
                        }
                    }
                    None => TypeRef::Primitive(Primitive::Json),
                }),
                None => None,
            };
            variants.push(ErrorVariant {
                status,
                name,
                description: Some(response.description.trim().to_string())
                    .filter(|d| !d.is_empty()),
                body,
            });
        }
        if variants.iter().all(|variant| variant.body.is_none()) {
            return Ok(None);
        }
        Ok(Some(ErrorEnum {
            // Named for now; `lower` makes the name unique among the builders.
            name: format!("{builder_name}Error"),
            variants,
        }))
    }
}

/// The variant of an error answer: the status's reason phrase (`UnprocessableEntity`),
/// `Status418` for one without a common phrase, `ClientError`/`ServerError` for the ranges and
/// `Default`.
fn variant_name(status: ErrorStatus) -> String {
    let code = match status {
        ErrorStatus::Range(4) => return "ClientError".into(),
        ErrorStatus::Range(_) => return "ServerError".into(),
        ErrorStatus::Default => return "Default".into(),
        ErrorStatus::Code(code) => code,
    };
    let reason = match code {
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        407 => "ProxyAuthenticationRequired",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        421 => "MisdirectedRequest",
        422 => "UnprocessableEntity",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        426 => "UpgradeRequired",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        431 => "RequestHeaderFieldsTooLarge",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        505 => "HttpVersionNotSupported",
        507 => "InsufficientStorage",
        508 => "LoopDetected",
        511 => "NetworkAuthenticationRequired",
        _ => return format!("Status{code}"),
    };
    reason.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_named_after_reason_phrases() {
        assert_eq!(variant_name(ErrorStatus::Code(422)), "UnprocessableEntity");
        assert_eq!(variant_name(ErrorStatus::Code(418)), "Status418");
        assert_eq!(variant_name(ErrorStatus::Range(4)), "ClientError");
        assert_eq!(variant_name(ErrorStatus::Range(5)), "ServerError");
        assert_eq!(variant_name(ErrorStatus::Default), "Default");
    }
}
