//! Stage 1: the spec file becomes an `openapiv3::OpenAPI`, or a located error.

use std::path::Path;

use openapiv3::OpenAPI;

use crate::diagnostics::{Diagnostic, Location, Pointer};

/// Reads and parses the spec at `path`.
pub fn load(path: &Path) -> Result<OpenAPI, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Diagnostic::file(path, format!("cannot read the spec: {error}")))?;
    parse(path, &text)
}

/// Parses spec text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<OpenAPI, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::file(path, "the spec is empty"));
    }
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|error| {
        let location = error
            .location()
            .map_or(Location::File, |at| Location::LineColumn {
                line: at.line(),
                column: at.column(),
            });
        Diagnostic {
            file: path.to_path_buf(),
            location,
            message: format!("invalid YAML: {error}"),
        }
    })?;
    check_version(path, &yaml)?;
    // The YAML tree is deserialized directly; numeric keys (`200:`) read as status codes.
    serde_path_to_error::deserialize(yaml).map_err(|error| {
        let mut pointer = Pointer::root();
        for segment in error.path().iter() {
            pointer = match segment {
                serde_path_to_error::Segment::Seq { index } => pointer.join(index),
                serde_path_to_error::Segment::Map { key } => pointer.join(key),
                serde_path_to_error::Segment::Enum { variant } => pointer.join(variant),
                serde_path_to_error::Segment::Unknown => pointer,
            };
        }
        Diagnostic::at(
            path,
            &pointer,
            format!("not valid OpenAPI 3.0: {}", error.inner()),
        )
    })
}

/// Accepts OpenAPI 3.0.x only, with a clear word for Swagger 2.0 and 3.1.
fn check_version(path: &Path, yaml: &serde_yaml::Value) -> Result<(), Diagnostic> {
    let root = Pointer::root();
    let Some(object) = yaml.as_mapping() else {
        return Err(Diagnostic::at(
            path,
            &root,
            "the spec is not a YAML mapping",
        ));
    };
    if object.contains_key("swagger") {
        return Err(Diagnostic::at(
            path,
            &root.join("swagger"),
            "Swagger 2.0 is not supported; convert the spec to OpenAPI 3.0",
        ));
    }
    match object.get("openapi").and_then(|v| v.as_str()) {
        Some(version) if version.starts_with("3.0") => Ok(()),
        Some(version) => Err(Diagnostic::at(
            path,
            &root.join("openapi"),
            format!("OpenAPI {version} is not supported; only 3.0.x is"),
        )),
        None => Err(Diagnostic::at(
            path,
            &root,
            "missing `openapi: 3.0.x`; is this an OpenAPI document?",
        )),
    }
}
