//! An operation's parameters: where each goes, its style, its type and its setter.

use openapiv3::{
    Operation as SpecOperation, Parameter, ParameterSchemaOrContent, PathItem, PathStyle,
    QueryStyle, SchemaKind, Type,
};

use super::media::is_json;
use super::OperationLowering;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::lower::types::{docs_of, notes};
use crate::model::{Docs, Param, ParamLocation, ParamStyle, PathSegment, Primitive, TypeRef};
use crate::names::{self, Scope};

impl<'a> OperationLowering<'_, 'a> {
    /// The operation's parameters in the model: the path item's and its own, each checked
    /// against the path template, which must have no `{name}` without its parameter.
    pub(super) fn params(
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
    pub(super) fn param(
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
}

/// The `{name}`s of a path template, in order.
fn path_params(path: &str) -> Vec<String> {
    PathSegment::parse(path)
        .iter()
        .flat_map(PathSegment::param_names)
        .map(str::to_string)
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
