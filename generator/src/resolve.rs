//! Stage 2: `$ref` resolution. Every lookup either finds its target or says which reference,
//! at which pointer, is broken or cyclic.

use std::path::Path;

use indexmap::IndexMap;
use openapiv3::{Header, OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

use crate::diagnostics::{Diagnostic, Pointer};

/// How many `$ref`s may be chained before the chain counts as a cycle.
const MAX_REF_CHAIN: usize = 32;

/// Looks up `$ref` targets in one document.
#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    /// The document.
    pub api: &'a OpenAPI,
    /// Its file, for messages.
    pub file: &'a Path,
}

impl<'a> Resolver<'a> {
    /// A resolver for `api`, which was read from `file`.
    pub fn new(api: &'a OpenAPI, file: &'a Path) -> Self {
        Resolver { api, file }
    }

    /// The error for a problem at `at`.
    pub fn error(&self, at: &Pointer, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, at, message)
    }

    /// Resolves a schema reference found at `at`. Returns the schema and, when it is a component,
    /// the component's name.
    pub fn schema(
        &self,
        item: &'a ReferenceOr<Schema>,
        at: &Pointer,
    ) -> Result<(&'a Schema, Option<&'a str>), Diagnostic> {
        match item {
            ReferenceOr::Item(schema) => Ok((schema, None)),
            ReferenceOr::Reference { reference } => self.schema_component(reference, at),
        }
    }

    /// Like [`Resolver::schema`], for the boxed schemas openapiv3 uses in properties and items.
    pub fn boxed_schema(
        &self,
        item: &'a ReferenceOr<Box<Schema>>,
        at: &Pointer,
    ) -> Result<(&'a Schema, Option<&'a str>), Diagnostic> {
        match item {
            ReferenceOr::Item(schema) => Ok((schema, None)),
            ReferenceOr::Reference { reference } => self.schema_component(reference, at),
        }
    }

    /// The component schema `reference` names, with the component's name.
    fn schema_component(
        &self,
        reference: &'a str,
        at: &Pointer,
    ) -> Result<(&'a Schema, Option<&'a str>), Diagnostic> {
        let (schema, name) = self.component(reference, "schemas", at, |c| &c.schemas)?;
        Ok((schema, Some(name)))
    }

    /// Resolves a parameter reference.
    pub fn parameter(
        &self,
        item: &'a ReferenceOr<Parameter>,
        at: &Pointer,
    ) -> Result<&'a Parameter, Diagnostic> {
        match item {
            ReferenceOr::Item(parameter) => Ok(parameter),
            ReferenceOr::Reference { reference } => self
                .component(reference, "parameters", at, |c| &c.parameters)
                .map(|(p, _)| p),
        }
    }

    /// Resolves a request body reference.
    pub fn request_body(
        &self,
        item: &'a ReferenceOr<RequestBody>,
        at: &Pointer,
    ) -> Result<&'a RequestBody, Diagnostic> {
        match item {
            ReferenceOr::Item(body) => Ok(body),
            ReferenceOr::Reference { reference } => self
                .component(reference, "requestBodies", at, |c| &c.request_bodies)
                .map(|(b, _)| b),
        }
    }

    /// Resolves a response reference.
    pub fn response(
        &self,
        item: &'a ReferenceOr<Response>,
        at: &Pointer,
    ) -> Result<&'a Response, Diagnostic> {
        match item {
            ReferenceOr::Item(response) => Ok(response),
            ReferenceOr::Reference { reference } => self
                .component(reference, "responses", at, |c| &c.responses)
                .map(|(r, _)| r),
        }
    }

    /// Resolves a response reference like [`Resolver::response`], with the place the response
    /// is written: `at` for an inline one, `#/components/responses/<name>` (the end of the
    /// chain) for a referenced one, so that what lies inside it is located where it is written.
    pub fn located_response(
        &self,
        item: &'a ReferenceOr<Response>,
        at: &Pointer,
    ) -> Result<(&'a Response, Pointer), Diagnostic> {
        match item {
            ReferenceOr::Item(response) => Ok((response, at.clone())),
            ReferenceOr::Reference { reference } => {
                let (response, name) =
                    self.component(reference, "responses", at, |c| &c.responses)?;
                let place = Pointer::root()
                    .join("components")
                    .join("responses")
                    .join(name);
                Ok((response, place))
            }
        }
    }

    /// Resolves a response header reference found at `at`, with the place the header is
    /// written (`at`, or `#/components/headers/<name>` at the end of the chain).
    pub fn header(
        &self,
        item: &'a ReferenceOr<Header>,
        at: &Pointer,
    ) -> Result<(&'a Header, Pointer), Diagnostic> {
        match item {
            ReferenceOr::Item(header) => Ok((header, at.clone())),
            ReferenceOr::Reference { reference } => {
                let (header, name) = self.component(reference, "headers", at, |c| &c.headers)?;
                let place = Pointer::root()
                    .join("components")
                    .join("headers")
                    .join(name);
                Ok((header, place))
            }
        }
    }

    /// Follows `reference` (and any chain of references after it) into one components map.
    fn component<T>(
        &self,
        reference: &'a str,
        kind: &'static str,
        at: &Pointer,
        map: impl Fn(&'a openapiv3::Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'a T, &'a str), Diagnostic> {
        let components = self.api.components.as_ref();
        let mut current = reference;
        let mut seen: Vec<&str> = Vec::new();
        loop {
            if seen.contains(&current) || seen.len() >= MAX_REF_CHAIN {
                return Err(self.error(
                    at,
                    format!("cyclic $ref: {} -> {current}", seen.join(" -> ")),
                ));
            }
            seen.push(current);
            let name = component_name(current, kind).ok_or_else(|| {
                self.error(
                    at,
                    format!("unsupported $ref `{current}`: expected `#/components/{kind}/<name>`"),
                )
            })?;
            let target = components
                .and_then(|c| map(c).get(name))
                .ok_or_else(|| self.error(at, format!("unresolved $ref `{current}`")))?;
            match target {
                ReferenceOr::Item(item) => return Ok((item, name)),
                ReferenceOr::Reference { reference } => current = reference,
            }
        }
    }
}

/// The name in `#/components/<kind>/<name>`, unescaped.
fn component_name<'r>(reference: &'r str, kind: &str) -> Option<&'r str> {
    let name = reference
        .strip_prefix("#/components/")?
        .strip_prefix(kind)?
        .strip_prefix('/')?;
    (!name.is_empty() && !name.contains('/') && !name.contains('~')).then_some(name)
}
