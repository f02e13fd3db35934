//! Paths and operations become model operations with typed parameters, bodies and answers.

mod body;
mod errors;
mod examples;
mod media;
mod params;
mod responses;

use openapiv3::{Operation as SpecOperation, PathItem};

use crate::diagnostics::{Diagnostic, Pointer};
use crate::lower::types::{notes, TypeSpace};
use crate::model::{
    Docs, HttpMethod, Operation, Paging, Param, ParamLocation, PathSegment, Success, TypeRef,
};
use crate::names::{self};
use crate::resolve::Resolver;

/// A path of the spec, its path item (resolved) and where that item is written.
#[derive(Clone, Copy)]
pub struct PathAt<'p, 'a> {
    /// The path template (`/expenses/{expenseId}`).
    pub path: &'p str,
    /// The template's segments.
    pub segments: &'p [PathSegment],
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
        path_at: PathAt<'_, 'a>,
        method: HttpMethod,
        operation: &'a SpecOperation,
        id: String,
        at: &Pointer,
    ) -> Result<Operation, Diagnostic> {
        let builder_name = names::camel(&id);
        let params = self.params(&path_at, operation, &builder_name, at)?;
        let PathAt { path, segments, .. } = path_at;
        let body = self.body(operation, &builder_name, &params, at)?;
        let (success, error_statuses) = self.responses(operation, &builder_name, at)?;
        let default_is_success = !operation.responses.responses.keys().any(|code| {
            matches!(
                code,
                openapiv3::StatusCode::Code(200..=299) | openapiv3::StatusCode::Range(2)
            )
        });
        let errors = self.error_answers(operation, &builder_name, default_is_success, at)?;
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
            segments: segments.to_vec(),
            tag: operation
                .tags
                .first()
                .cloned()
                .or_else(|| super::resource::resource_tag(path))
                .unwrap_or_else(|| "Default".to_string()),
            docs,
            deprecated: operation.deprecated,
            params,
            body,
            success,
            error_statuses,
            errors,
            response_headers,
            paging,
            request_example,
            response_example,
        })
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
}
