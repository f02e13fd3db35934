//! Paths and operations become model operations with typed parameters, bodies and answers.

use openapiv3::{
    Operation as SpecOperation, Parameter, ParameterSchemaOrContent, PathItem, PathStyle,
    QueryStyle, ReferenceOr, SchemaKind, StatusCode, Type,
};

use super::types::{docs_of, notes, TypeSpace};
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{
    AnswerEnum, AnswerVariant, Body, BodyEncoding, BodyField, Docs, HttpMethod, Operation, Paging,
    Param, ParamLocation, ParamStyle, PathSegment, Payload, Primitive, ResponseHeader, Success,
    TypeRef,
};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

/// A path of the spec, its path item (resolved) and where that item is written.
pub struct PathAt<'p, 'a> {
    /// The path template (`/expenses/{expenseId}`).
    pub path: &'p str,
    /// The path item.
    pub item: &'a PathItem,
    /// Where the path item is written (`#/paths/~1expenses`, or where its `$ref` leads).
    pub item_at: &'p Pointer,
}

/// Lowers one operation found at `at` (`#/paths/~1expenses/get`).
pub struct OperationLowering<'s, 'a> {
    pub resolver: Resolver<'a>,
    pub types: &'s mut TypeSpace<'a>,
    pub envelope: Option<&'s crate::config::EnvelopeConfig>,
    /// The type of the envelope's metadata, found in the first enveloped answer.
    pub meta_type: &'s mut Option<TypeRef>,
    /// How paginated operations are recognised.
    pub pagination: Option<&'s crate::config::PaginationConfig>,
}

impl<'a> OperationLowering<'_, 'a> {
    /// Lowers `operation`, which is `method` on `path` and inherits `item`'s parameters.
    pub fn lower(
        &mut self,
        PathAt {
            path,
            item,
            item_at,
        }: PathAt<'_, 'a>,
        method: HttpMethod,
        operation: &'a SpecOperation,
        id: String,
        at: &Pointer,
    ) -> Result<Operation, Diagnostic> {
        let builder_name = names::camel(&id);
        let params = self.params(path, item, item_at, operation, &builder_name, at)?;
        let body = self.body(operation, &builder_name, &params, at)?;
        let (success, error_statuses) = self.responses(operation, &builder_name, at)?;
        let response_headers = self.response_headers(operation, at)?;
        let (request_example, response_example) = self.examples(operation, success.status, at)?;
        let paging = self.paging(&params, &success);
        let mut docs = Docs {
            summary: operation.summary.clone(),
            description: operation.description.clone(),
            notes: notes(&operation.extensions),
        };
        if docs.summary.is_none() && docs.description.is_none() {
            docs.summary = Some(format!("{} {path}", method.as_str()));
        }
        Ok(Operation {
            method_name: names::snake(&id),
            builder_name,
            id,
            http_method: method,
            path: path.to_string(),
            segments: PathSegment::parse(path),
            tag: operation
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "Default".to_string()),
            docs,
            deprecated: operation.deprecated,
            params,
            body,
            success,
            error_statuses,
            response_headers,
            paging,
            request_example,
            response_example,
        })
    }

    /// The first example of the JSON request body and of the successful answer.
    fn examples(
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

    /// How to walk the operation's pages: it takes the page parameter and answers with a list.
    fn paging(&self, params: &[Param], success: &Success) -> Option<Paging> {
        let config = self.pagination?;
        let TypeRef::Array(item) = &success.data else {
            return None;
        };
        let query = |wire: &str| {
            params
                .iter()
                .find(|p| p.location == ParamLocation::Query && p.wire_name == wire)
                .map(|p| p.rust_name.clone())
        };
        Some(Paging {
            page_setter: query(&config.page_parameter)?,
            per_page_setter: query(&config.per_page_parameter),
            item: (**item).clone(),
        })
    }

    /// The operation's parameters in the model: the path item's and its own, each checked
    /// against the path template, which must have no `{name}` without its parameter.
    fn params(
        &mut self,
        path: &str,
        item: &'a PathItem,
        item_at: &Pointer,
        operation: &'a SpecOperation,
        builder_name: &str,
        at: &Pointer,
    ) -> Result<Vec<Param>, Diagnostic> {
        let found = self.declared_params(item, item_at, operation, at)?;
        let template = path_params(path);
        let mut scope = Scope::with_reserved(crate::contract::setter_reserved());
        let mut params = Vec::with_capacity(found.len());
        for (parameter, p_at) in &found {
            let placement = self.placement(parameter, p_at, path, &template)?;
            params.push(self.param(parameter, placement, p_at, builder_name, &mut scope)?);
        }
        for name in template {
            if !params
                .iter()
                .any(|p| p.location == ParamLocation::Path && p.wire_name == name)
            {
                return Err(self.resolver.error(
                    &at.join("parameters"),
                    format!("the path `{path}` has `{{{name}}}` but no path parameter `{name}`"),
                ));
            }
        }
        Ok(params)
    }

    /// The parameters of the path item, then the operation's, each with where it is; an
    /// operation's parameter replaces the path item's of the same name and location.
    fn declared_params(
        &mut self,
        item: &'a PathItem,
        item_at: &Pointer,
        operation: &'a SpecOperation,
        at: &Pointer,
    ) -> Result<Vec<(&'a Parameter, Pointer)>, Diagnostic> {
        let mut found: Vec<(&'a Parameter, Pointer)> = Vec::new();
        for (i, p) in item.parameters.iter().enumerate() {
            let p_at = item_at.join("parameters").join(i);
            found.push((self.resolver.parameter(p, &p_at)?, p_at));
        }
        for (i, p) in operation.parameters.iter().enumerate() {
            let p_at = at.join("parameters").join(i);
            let parameter = self.resolver.parameter(p, &p_at)?;
            let data = parameter.parameter_data_ref();
            let same = |(q, _): &(&Parameter, Pointer)| {
                q.parameter_data_ref().name == data.name
                    && std::mem::discriminant(*q) == std::mem::discriminant(parameter)
            };
            if let Some(index) = found.iter().position(same) {
                found[index] = (parameter, p_at);
            } else {
                found.push((parameter, p_at));
            }
        }
        Ok(found)
    }

    /// Where `parameter` goes and the style it declares (or the location's default); an error
    /// for a path parameter the template lacks.
    fn placement(
        &self,
        parameter: &Parameter,
        p_at: &Pointer,
        path: &str,
        template: &[String],
    ) -> Result<(ParamLocation, ParamStyle), Diagnostic> {
        let name = &parameter.parameter_data_ref().name;
        Ok(match parameter {
            Parameter::Path { .. } if !template.contains(name) => {
                return Err(self.resolver.error(
                    &p_at.join("name"),
                    format!("path parameter `{name}` does not appear in the path `{path}`"),
                ))
            }
            Parameter::Path { style, .. } => {
                let style = match style {
                    PathStyle::Simple => ParamStyle::Simple,
                    PathStyle::Label => ParamStyle::Label,
                    PathStyle::Matrix => ParamStyle::Matrix,
                };
                (ParamLocation::Path, style)
            }
            Parameter::Query { style, .. } => {
                let style = match style {
                    QueryStyle::Form => ParamStyle::Form,
                    QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
                    QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
                    QueryStyle::DeepObject => ParamStyle::DeepObject,
                };
                (ParamLocation::Query, style)
            }
            Parameter::Header { .. } => (ParamLocation::Header, ParamStyle::Simple),
            Parameter::Cookie { .. } => (ParamLocation::Cookie, ParamStyle::Form),
        })
    }

    /// One parameter of the model, its setter's name claimed in `scope`.
    fn param(
        &mut self,
        parameter: &'a Parameter,
        (location, declared_style): (ParamLocation, ParamStyle),
        p_at: &Pointer,
        builder_name: &str,
        scope: &mut Scope,
    ) -> Result<Param, Diagnostic> {
        let data = parameter.parameter_data_ref();
        let hint = format!("{builder_name}{}", names::camel(&data.name));
        let (ty, schema, style) = match &data.format {
            ParameterSchemaOrContent::Schema(schema_item) => {
                let schema_at = p_at.join("schema");
                let schema = self.types.resolve(schema_item, &schema_at)?;
                let ty = self.types.type_of(schema_item, &schema_at, &hint)?;
                (ty, Some(schema), declared_style)
            }
            ParameterSchemaOrContent::Content(content) => {
                let (ty, schema) = self.json_content(content, &p_at.join("content"), &hint)?;
                (ty, schema, ParamStyle::Json)
            }
        };
        let mut docs = Docs {
            summary: None,
            description: data.description.clone(),
            notes: notes(&data.extensions),
        };
        if docs.description.is_none() {
            docs.description = schema.and_then(|schema| docs_of(schema).description);
        }
        Ok(Param {
            wire_name: data.name.clone(),
            rust_name: scope.claim(&names::snake(&data.name)),
            location,
            style,
            explode: data.explode.unwrap_or(style == ParamStyle::Form),
            ty,
            // Known once every type is lowered: see `mark_scalar_params`.
            scalar: false,
            required: data.required || location == ParamLocation::Path,
            docs,
            default: schema
                .and_then(|schema| schema.schema_data.default.as_ref())
                .map(ToString::to_string),
            constraints: schema.map(constraints).unwrap_or_default(),
            example: data
                .example
                .as_ref()
                .or(schema.and_then(|schema| schema.schema_data.example.as_ref()))
                .map(ToString::to_string),
        })
    }

    /// The type of a parameter described by `content`, which must name one JSON media type
    /// (the value is written as its JSON text), and its schema when it has one.
    fn json_content(
        &mut self,
        content: &'a indexmap::IndexMap<String, openapiv3::MediaType>,
        content_at: &Pointer,
        hint: &str,
    ) -> Result<(TypeRef, Option<&'a openapiv3::Schema>), Diagnostic> {
        let mut media_types = content.iter();
        let (Some((media, media_type)), None) = (media_types.next(), media_types.next()) else {
            return Err(self.resolver.error(
                content_at,
                "a parameter's `content` must name exactly one media type",
            ));
        };
        if !is_json(media) {
            return Err(self.resolver.error(
                &content_at.join(media),
                format!(
                    "parameters described by `content: {media}` are not supported by the generator; only JSON (`application/json`) is"
                ),
            ));
        }
        let Some(schema_item) = &media_type.schema else {
            return Ok((TypeRef::Primitive(Primitive::Json), None));
        };
        let schema_at = content_at.join(media).join("schema");
        let schema = self.types.resolve(schema_item, &schema_at)?;
        let ty = self.types.type_of(schema_item, &schema_at, hint)?;
        Ok((ty, Some(schema)))
    }

    fn body(
        &mut self,
        operation: &'a SpecOperation,
        builder_name: &str,
        params: &[Param],
        at: &Pointer,
    ) -> Result<Option<Body>, Diagnostic> {
        let Some(item) = &operation.request_body else {
            return Ok(None);
        };
        let body_at = at.join("requestBody");
        let body = self.resolver.request_body(item, &body_at)?;
        // JSON first, then the form encodings, then whatever else the spec lists first.
        let find = |wanted: fn(&str) -> bool| body.content.iter().find(|(media, _)| wanted(media));
        let chosen = find(is_json)
            .map(|found| (BodyEncoding::Json, found))
            .or_else(|| find(is_form).map(|found| (BodyEncoding::Form, found)))
            .or_else(|| find(is_multipart).map(|found| (BodyEncoding::Multipart, found)))
            .or_else(|| body.content.first().map(|found| (BodyEncoding::Raw, found)));
        let Some((encoding, (media, content))) = chosen else {
            return Err(self.resolver.error(
                &body_at.join("content"),
                "the request body lists no media type",
            ));
        };
        let schema_at = body_at.join("content").join(media).join("schema");
        let ty = match (&content.schema, encoding) {
            // Raw bodies are bytes whatever their schema says (`format: binary`, a text).
            (_, BodyEncoding::Raw) => TypeRef::Primitive(Primitive::Bytes),
            (Some(schema), _) => {
                self.types
                    .type_of(schema, &schema_at, &format!("{builder_name}Body"))?
            }
            (None, _) => TypeRef::Primitive(Primitive::Json),
        };
        let part_types = content
            .encoding
            .iter()
            .filter_map(|(name, encoding)| Some((name.clone(), encoding.content_type.clone()?)))
            .collect();
        let mut scope = Scope::with_reserved(crate::contract::setter_reserved());
        for param in params {
            scope.claim(&param.rust_name);
        }
        let fields = match &ty {
            TypeRef::Named(name) => self.types.struct_fields(name).unwrap_or_default().to_vec(),
            _ => Vec::new(),
        };
        if encoding == BodyEncoding::Multipart && fields.is_empty() {
            return Err(self.resolver.error(
                &schema_at,
                "a multipart/form-data body must be an object with properties (one part each)",
            ));
        }
        // An optional JSON or form body with a property that must be set cannot be built from
        // per-property setters: the builder would refuse to send without those setters, making
        // the body mandatory in effect. Such a body is handed over whole with `.body(..)` and
        // sent only when given.
        let fields = if !body.required
            && encoding != BodyEncoding::Multipart
            && fields.iter().any(|field| !field.is_optional())
        {
            Vec::new()
        } else {
            fields
        };
        let fields = fields
            .into_iter()
            .map(|field| {
                // A property named like a parameter gets a `body_` prefix on the builder.
                let wanted = if scope.contains(&field.rust_name) {
                    format!("body_{}", field.rust_name.trim_end_matches('_'))
                } else {
                    field.rust_name.clone()
                };
                BodyField {
                    setter: scope.claim(&wanted),
                    field,
                }
            })
            .collect();
        Ok(Some(Body {
            ty,
            encoding,
            media_type: media.clone(),
            part_types,
            required: body.required,
            fields,
            extra_field: None,
        }))
    }

    /// The successful answers, and the documented error statuses.
    fn responses(
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
    fn response_headers(
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
    fn answer(
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

/// A media type's `example`, or the value of its first inline `examples` entry.
fn first_example(media: &openapiv3::MediaType) -> Option<serde_json::Value> {
    media.example.clone().or_else(|| {
        media.examples.values().find_map(|example| match example {
            ReferenceOr::Item(example) => example.value.clone(),
            ReferenceOr::Reference { .. } => None,
        })
    })
}

/// Whether a media type is a URL-encoded form.
fn is_form(media: &str) -> bool {
    media.split(';').next().unwrap_or_default().trim() == "application/x-www-form-urlencoded"
}

/// Whether a media type is a multipart form.
fn is_multipart(media: &str) -> bool {
    media.split(';').next().unwrap_or_default().trim() == "multipart/form-data"
}

/// Whether a media type is JSON.
fn is_json(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or_default().trim();
    media == "application/json" || media.ends_with("+json")
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

/// The `{name}`s of a path template, in order.
fn path_params(path: &str) -> Vec<String> {
    PathSegment::parse(path)
        .into_iter()
        .filter_map(|segment| match segment {
            PathSegment::Param(name) => Some(name),
            PathSegment::Literal(_) => None,
        })
        .collect()
}

/// Constraints of a parameter's schema in words, for its docs.
fn constraints(schema: &openapiv3::Schema) -> Vec<String> {
    let mut out = Vec::new();
    match &schema.schema_kind {
        SchemaKind::Type(Type::Integer(i)) => bounds(&mut out, i.minimum, i.maximum, ""),
        SchemaKind::Type(Type::Number(n)) => bounds(&mut out, n.minimum, n.maximum, ""),
        SchemaKind::Type(Type::String(s)) => {
            bounds(&mut out, s.min_length, s.max_length, " characters");
            if let Some(pattern) = &s.pattern {
                out.push(format!("matches `{pattern}`"));
            }
        }
        SchemaKind::Type(Type::Array(a)) => bounds(&mut out, a.min_items, a.max_items, " items"),
        _ => {}
    }
    out
}

/// `at least 1`, `at most 100 characters`: a parameter's bounds with the unit they count.
fn bounds(
    out: &mut Vec<String>,
    min: Option<impl std::fmt::Display>,
    max: Option<impl std::fmt::Display>,
    unit: &str,
) {
    if let Some(min) = min {
        out.push(format!("at least {min}{unit}"));
    }
    if let Some(max) = max {
        out.push(format!("at most {max}{unit}"));
    }
}
