//! The vendor extensions (`x-...`) the generator reads from schemas, and the documentation
//! they add to.

use std::borrow::Borrow;

use indexmap::IndexMap;
use openapiv3::{ReferenceOr, Schema};

use crate::model::{DateKind, Docs, TypeRef};

/// The extension that names the strftime pattern of a non-ISO date string.
pub const DATE_FORMAT_EXTENSION: &str = "x-date-format";
/// The extension that names the variants of an integer enum.
const ENUM_NAMES_EXTENSION: &str = "x-enum-varnames";
/// The extension that gives a schema's type (or a property's field) its Rust name.
pub const RUST_NAME_EXTENSION: &str = "x-rust-name";
/// The extension that maps a component schema to an existing Rust type.
pub const RUST_TYPE_EXTENSION: &str = "x-rust-type";

/// A string extension of `schema`, when `schema` is not a reference.
fn text<'a, S: Borrow<Schema>>(schema: &'a ReferenceOr<S>, extension: &str) -> Option<&'a str> {
    let ReferenceOr::Item(schema) = schema else {
        return None;
    };
    schema
        .borrow()
        .schema_data
        .extensions
        .get(extension)?
        .as_str()
}

/// The Rust name `x-rust-name` gives a schema (or a property), as written.
pub fn rust_name<S: Borrow<Schema>>(schema: &ReferenceOr<S>) -> Option<&str> {
    text(schema, RUST_NAME_EXTENSION)
}

/// The Rust type path `x-rust-type` maps a schema to, as written.
pub fn rust_type<S: Borrow<Schema>>(schema: &ReferenceOr<S>) -> Option<&str> {
    text(schema, RUST_TYPE_EXTENSION)
}

/// The `x-date-format` of a schema, when it has one (of any JSON type).
pub fn date_format_value(schema: &Schema) -> Option<&serde_json::Value> {
    schema.schema_data.extensions.get(DATE_FORMAT_EXTENSION)
}

/// The date type an `x-date-format` pattern stands for; `None` when the value is not a
/// strftime pattern with a date in it.
pub fn date_format(value: &serde_json::Value) -> Option<TypeRef> {
    let format = value.as_str()?;
    let has_date = format.contains("%Y")
        && format.contains("%d")
        && (format.contains("%m") || format.contains("%b"));
    if !has_date {
        return None;
    }
    let kind = if format.contains("%H") {
        DateKind::DateTime
    } else {
        DateKind::Date
    };
    Some(TypeRef::FormattedDate {
        format: format.to_string(),
        kind,
    })
}

/// The names `x-enum-varnames` gives the values, when it names each of them.
pub fn enum_names(schema: &Schema, count: usize) -> Option<Vec<String>> {
    let names: Vec<String> = schema
        .schema_data
        .extensions
        .get(ENUM_NAMES_EXTENSION)?
        .as_array()?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    (names.len() == count).then_some(names)
}

/// The documentation of a schema.
pub fn docs_of(schema: &Schema) -> Docs {
    Docs {
        summary: schema.schema_data.title.clone(),
        description: schema.schema_data.description.clone(),
        notes: notes(&schema.schema_data.extensions),
    }
}

/// The `x-unconfirmed` and `x-alternative` notes of a spec object.
pub fn notes(extensions: &IndexMap<String, serde_json::Value>) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(text) = extensions.get("x-unconfirmed").and_then(|v| v.as_str()) {
        notes.push(format!("Unconfirmed: {text}"));
    }
    if let Some(text) = extensions.get("x-alternative").and_then(|v| v.as_str()) {
        notes.push(format!("Other docs: {text}"));
    }
    notes
}
