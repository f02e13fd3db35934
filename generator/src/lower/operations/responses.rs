//! An operation's answers: the successes, the documented error statuses and the headers.

use openapiv3::{
    Operation as SpecOperation, ParameterSchemaOrContent, ReferenceOr, SchemaKind, StatusCode, Type,
};

use super::media::is_json;
use super::OperationLowering;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::lower::types::notes;
use crate::model::{
    AnswerEnum, AnswerVariant, Docs, Payload, Primitive, ResponseHeader, Success, TypeRef,
};

impl<'a> OperationLowering<'_, 'a> {
    /// The successful answers, and the documented error statuses.
    pub(super) fn responses(
        &mut self,
        operation: &'a SpecOperation,
        builder_name: &str,
        at: &Pointer,
    ) -> Result<(Success, Vec<u16>), Diagnostic> {
        let responses_at = at.join("responses");
        let errors = error_statuses(&operation.responses);
        let documented = documented_successes(&operation.responses);
        if documented.is_empty() {
            // Only failures (petstore's `updatePetWithForm` documents just 405) or a protocol
            // switch (101, a WebSocket upgrade): nothing says what a success holds, so any
            // 2xx answer is handed out as its bytes rather than the spec refused.
            return Ok((
                Success {
                    status: 200,
                    data: TypeRef::Primitive(Primitive::Bytes),
                    payload: Payload::Binary,
                    per_status: None,
                },
                errors,
            ));
        }

        let mut variants = Vec::with_capacity(documented.len());
        for (index, (status, key, response)) in documented.into_iter().enumerate() {
            let response_at = responses_at.join(key);
            let response = self.resolver.response(response, &response_at)?;
            let name = status_variant(status);
            // The first answer keeps the plain `{Builder}Data` name for an inline schema.
            let hint = if index == 0 {
                format!("{builder_name}Data")
            } else {
                format!("{builder_name}{name}Data")
            };
            let (payload, data) = self.answer(response, &response_at, &hint)?;
            variants.push(AnswerVariant {
                status,
                name,
                description: Some(response.description.clone()).filter(|d| !d.trim().is_empty()),
                data,
                payload,
            });
        }
        let first = &variants[0];
        let same_shape = variants
            .iter()
            .all(|v| v.payload == first.payload && v.data == first.data);
        let success = Success {
            status: first.status,
            data: first.data.clone(),
            payload: first.payload,
            // Named for now; `lower` makes the name unique among the builders.
            per_status: (!same_shape).then(|| AnswerEnum {
                name: format!("{builder_name}Answer"),
                variants,
            }),
        };
        Ok((success, errors))
    }

    /// The headers every documented answer (success, error, range or `default`) carries, in
    /// spec order. Each answer and each header is resolved here, so a broken or cyclic `$ref`
    /// to `#/components/responses` or `#/components/headers`, or a header schema that does not
    /// resolve, is a located error even on an answer nothing else reads.
    pub(super) fn response_headers(
        &mut self,
        operation: &'a SpecOperation,
        at: &Pointer,
    ) -> Result<Vec<ResponseHeader>, Diagnostic> {
        let responses_at = at.join("responses");
        let answers = operation
            .responses
            .responses
            .iter()
            .map(|(code, response)| {
                let status = match code {
                    StatusCode::Code(n) => Some(*n),
                    StatusCode::Range(_) => None,
                };
                (code.to_string(), status, response)
            })
            .chain(
                operation
                    .responses
                    .default
                    .iter()
                    .map(|response| ("default".to_string(), None, response)),
            );
        let mut headers = Vec::new();
        for (key, status, response) in answers {
            let (response, place) = self
                .resolver
                .located_response(response, &responses_at.join(&key))?;
            for (name, header) in &response.headers {
                let (header, header_at) = self
                    .resolver
                    .header(header, &place.join("headers").join(name))?;
                match &header.format {
                    ParameterSchemaOrContent::Schema(schema) => {
                        self.types.resolve(schema, &header_at.join("schema"))?;
                    }
                    ParameterSchemaOrContent::Content(_) => {
                        return Err(self.resolver.error(
                            &header_at.join("content"),
                            "response headers described by `content` are not supported by the generator yet",
                        ));
                    }
                }
                headers.push(ResponseHeader {
                    status,
                    name: name.clone(),
                    required: header.required,
                    deprecated: header.deprecated.unwrap_or(false),
                    docs: Docs {
                        summary: None,
                        description: header.description.clone(),
                        notes: notes(&header.extensions),
                    },
                });
            }
        }
        Ok(headers)
    }

    /// How one successful answer's body is read, and the type of its data.
    pub(super) fn answer(
        &mut self,
        response: &'a openapiv3::Response,
        response_at: &Pointer,
        data_hint: &str,
    ) -> Result<(Payload, TypeRef), Diagnostic> {
        let Some((media, content)) = response.content.iter().find(|(media, _)| is_json(media))
        else {
            return Ok(if response.content.is_empty() {
                (Payload::Empty, TypeRef::Primitive(Primitive::Unit))
            } else {
                // Not JSON (a file, an image, a text): handed out as the body's bytes.
                (Payload::Binary, TypeRef::Primitive(Primitive::Bytes))
            });
        };
        let schema_at = response_at.join("content").join(media).join("schema");
        let Some(schema_item) = &content.schema else {
            return Ok((Payload::Json, TypeRef::Primitive(Primitive::Json)));
        };
        let schema = self.types.resolve(schema_item, &schema_at)?;
        if let (Some(envelope), true) = (self.envelope, self.types.is_envelope(schema)) {
            let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
                return Err(self
                    .resolver
                    .error(&schema_at, "the envelope is not an object"));
            };
            let envelope_at = match schema_item {
                ReferenceOr::Reference { reference } => {
                    Pointer::from_ref(reference).unwrap_or_default()
                }
                ReferenceOr::Item(_) => schema_at.clone(),
            };
            let data = match object.properties.get(&envelope.data) {
                Some(data) => {
                    let data_at = envelope_at.join("properties").join(&envelope.data);
                    self.types.type_of_boxed(data, &data_at, data_hint)?
                }
                None => TypeRef::Primitive(Primitive::Unit),
            };
            if let (None, Some(meta)) = (&self.meta_type, object.properties.get(&envelope.meta)) {
                let meta_at = envelope_at.join("properties").join(&envelope.meta);
                *self.meta_type = Some(self.types.type_of_boxed(meta, &meta_at, "Meta")?);
            }
            return Ok((Payload::Envelope, data));
        }
        let data = self.types.type_of(schema_item, &schema_at, data_hint)?;
        Ok((Payload::Json, data))
    }
}

/// The enum variant of a success status: its reason phrase (`Created`), or `Status207` for
/// the rarely used ones.
fn status_variant(status: u16) -> String {
    let reason = match status {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritative",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        _ => return format!("Status{status}"),
    };
    reason.to_string()
}

/// The error statuses (400 and up) an operation documents, ascending.
fn error_statuses(responses: &openapiv3::Responses) -> Vec<u16> {
    let mut errors: Vec<u16> = responses
        .responses
        .keys()
        .filter_map(|code| match code {
            StatusCode::Code(n) if *n >= 400 => Some(*n),
            _ => None,
        })
        .collect();
    errors.sort_unstable();
    errors
}

/// The answers that say what a success holds, as (status, key, answer): every explicit 2xx,
/// ascending; failing those `2XX`, then `default`, then the first redirect (an operation that
/// only redirects still gets a method, whose data is whatever the answer holds). None when
/// the operation documents only failures.
fn documented_successes(
    responses: &openapiv3::Responses,
) -> Vec<(u16, String, &ReferenceOr<openapiv3::Response>)> {
    let mut documented: Vec<_> = responses
        .responses
        .iter()
        .filter_map(|(code, response)| match code {
            StatusCode::Code(n @ 200..=299) => Some((*n, code.to_string(), response)),
            _ => None,
        })
        .collect();
    documented.sort_by_key(|(status, _, _)| *status);
    if !documented.is_empty() {
        return documented;
    }
    let range = responses
        .responses
        .iter()
        .find_map(|(code, response)| match code {
            StatusCode::Range(2) => Some((200, code.to_string(), response)),
            _ => None,
        });
    let default = || {
        responses
            .default
            .as_ref()
            .map(|r| (200, "default".to_string(), r))
    };
    let redirect = || {
        responses
            .responses
            .iter()
            .find_map(|(code, response)| match code {
                StatusCode::Code(n @ 300..=399) => Some((*n, code.to_string(), response)),
                _ => None,
            })
    };
    range
        .or_else(default)
        .or_else(redirect)
        .into_iter()
        .collect()
}
