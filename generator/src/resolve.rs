//! Stage 2: `$ref` resolution. Every lookup either finds its target or says which reference,
//! at which pointer, is broken or cyclic.

use std::borrow::Cow;
use std::path::Path;

use indexmap::IndexMap;
use openapiv3::{Header, OpenAPI, Parameter, PathItem, ReferenceOr, RequestBody, Response, Schema};

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

    /// Resolves the path item of `paths` found at `at`, with the place it is written: `at` for
    /// an inline one; for a `$ref`, the end of the chain, which may be another entry of
    /// `paths` (`#/paths/~1b`) or any other place of this document (an `x-` extension). A
    /// reference to another file, a broken one and a cyclic chain are errors at `at`.
    pub fn path_item(
        &self,
        item: &'a ReferenceOr<PathItem>,
        at: &Pointer,
    ) -> Result<(Cow<'a, PathItem>, Pointer), Diagnostic> {
        let mut current = match item {
            ReferenceOr::Item(item) => return Ok((Cow::Borrowed(item), at.clone())),
            ReferenceOr::Reference { reference } => reference.clone(),
        };
        let ref_at = at.join("$ref");
        // The document as JSON, made only for a reference outside `paths`.
        let mut document: Option<serde_json::Value> = None;
        let mut seen: Vec<String> = Vec::new();
        loop {
            if seen.contains(&current) || seen.len() >= MAX_REF_CHAIN {
                return Err(self.error(
                    &ref_at,
                    format!("cyclic $ref: {} -> {current}", seen.join(" -> ")),
                ));
            }
            let Some(place) = Pointer::from_ref(&percent_decoded(&current)) else {
                return Err(self.error(
                    &ref_at,
                    format!(
                        "$ref `{current}` points into another document: path items in other files are not supported by the generator; only references within this document (`#/...`) are"
                    ),
                ));
            };
            seen.push(current.clone());
            let segments = place.segments();
            if let [paths, key] = segments.as_slice() {
                if paths == "paths" {
                    match self.api.paths.paths.get(key) {
                        Some(ReferenceOr::Item(item)) => return Ok((Cow::Borrowed(item), place)),
                        Some(ReferenceOr::Reference { reference }) => {
                            current = reference.clone();
                            continue;
                        }
                        None => {
                            return Err(self.error(&ref_at, format!("unresolved $ref `{current}`")))
                        }
                    }
                }
            }
            if document.is_none() {
                document = Some(serde_json::to_value(self.api).map_err(|error| {
                    self.error(&ref_at, format!("cannot follow $ref `{current}`: {error}"))
                })?);
            }
            let target = document
                .as_ref()
                .and_then(|document| {
                    let pointer = place.to_string();
                    document.pointer(pointer.trim_start_matches('#')).cloned()
                })
                .ok_or_else(|| self.error(&ref_at, format!("unresolved $ref `{current}`")))?;
            if let Some(next) = target.get("$ref").and_then(serde_json::Value::as_str) {
                current = next.to_string();
                continue;
            }
            let item = serde_json::from_value(target).map_err(|error| {
                self.error(&place, format!("`{current}` is not a path item: {error}"))
            })?;
            return Ok((Cow::Owned(item), place));
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

/// A `$ref`'s text with `%XX` escapes decoded: references are URIs, so `#/paths/~1a~1%7Bid%7D`
/// names the path `/a/{id}`.
fn percent_decoded(reference: &str) -> Cow<'_, str> {
    if !reference.contains('%') {
        return Cow::Borrowed(reference);
    }
    let bytes = reference.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .filter(|_| bytes[i] == b'%')
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}
