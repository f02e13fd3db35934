//! An operation's request body: its encoding, its type and its setters.

use openapiv3::Operation as SpecOperation;

use super::media::{is_form, is_json, is_multipart};
use super::OperationLowering;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Body, BodyEncoding, BodyField, Param, Primitive, TypeRef};
use crate::names::Scope;

impl<'a> OperationLowering<'_, 'a> {
    pub(super) fn body(
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
}
