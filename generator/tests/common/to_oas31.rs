//! A mechanical OpenAPI 3.0 → 3.1 converter, the way a maintainer migrates a description:
//! `nullable` becomes `"null"` in the type list (or a `{type: 'null'}` alternative), `example`
//! becomes `examples`, boolean exclusive bounds become numeric ones, `format: binary`/`byte`
//! become `contentMediaType`/`contentEncoding`, and the siblings of a `$ref` (which 3.0
//! ignores) go. The migration tests check that the generator reads both the same.

use serde_yaml::{Mapping, Value};

/// `text` (an OpenAPI 3.0 document) written as OpenAPI 3.1.
pub fn convert(text: &str) -> String {
    let mut document: Value = serde_yaml::from_str(text).expect("the 3.0 document is YAML");
    let root = document.as_mapping_mut().expect("a mapping");
    root.insert("openapi".into(), "3.1.0".into());
    walk(&mut document, false);
    serde_yaml::to_string(&document).expect("YAML out")
}

/// Every schema of the document outside schemas: `schema` members and `components/schemas`.
fn walk(value: &mut Value, in_components: bool) {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map.iter_mut() {
                let key = key.as_str().unwrap_or_default();
                if matches!(key, "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-")
                {
                    continue;
                }
                if key == "schema" {
                    schema(child);
                } else if key == "schemas" && in_components {
                    if let Value::Mapping(schemas) = child {
                        schemas.values_mut().for_each(schema);
                    }
                } else {
                    walk(child, key == "components");
                }
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(|item| walk(item, false)),
        _ => {}
    }
}

/// Whether a keyword only annotates.
fn is_annotation(key: &str) -> bool {
    matches!(
        key,
        "title"
            | "description"
            | "default"
            | "example"
            | "examples"
            | "deprecated"
            | "readOnly"
            | "writeOnly"
    ) || key.starts_with("x-")
}

fn schema(value: &mut Value) {
    let Value::Mapping(map) = value else { return };
    if map.contains_key("$ref") {
        map.retain(|key, _| key.as_str() == Some("$ref"));
        return;
    }
    if map.remove("nullable") == Some(Value::Bool(true)) {
        nullable(map);
    }
    if let Some(example) = map.remove("example") {
        map.insert("examples".into(), Value::Sequence(vec![example]));
    }
    for (exclusive, inclusive) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if map.remove(exclusive) == Some(Value::Bool(true)) {
            if let Some(bound) = map.remove(inclusive) {
                map.insert(exclusive.into(), bound);
            }
        }
    }
    match map.get("format").and_then(Value::as_str) {
        Some("binary") => {
            map.remove("format");
            map.insert("contentMediaType".into(), "application/octet-stream".into());
        }
        Some("byte") => {
            map.remove("format");
            map.insert("contentEncoding".into(), "base64".into());
        }
        _ => {}
    }
    if let Some(Value::Mapping(properties)) = map.get_mut("properties") {
        properties.values_mut().for_each(schema);
    }
    for key in ["items", "not", "additionalProperties"] {
        if let Some(inner) = map.get_mut(key) {
            schema(inner);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Sequence(members)) = map.get_mut(key) {
            members.iter_mut().for_each(schema);
        }
    }
}

/// `{type: 'null'}`.
fn null_schema() -> Value {
    let mut null = Mapping::new();
    null.insert("type".into(), "null".into());
    Value::Mapping(null)
}

/// A nullable schema in 3.1's words.
fn nullable(map: &mut Mapping) {
    if let Some(Value::String(name)) = map.get("type").cloned() {
        map.insert(
            "type".into(),
            Value::Sequence(vec![name.into(), "null".into()]),
        );
        return;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Sequence(members)) = map.get_mut(key) {
            members.push(null_schema());
            return;
        }
    }
    // Anything else (an `allOf`, properties without a type, nothing but annotations): the
    // schema's own keywords become one alternative beside `null`.
    let mut rest = Mapping::new();
    map.retain(|key, value| {
        let key_text = key.as_str().unwrap_or_default();
        if is_annotation(key_text) {
            true
        } else {
            rest.insert(key.clone(), value.clone());
            false
        }
    });
    let mut members = Vec::new();
    if !rest.is_empty() {
        members.push(Value::Mapping(rest));
    }
    members.push(null_schema());
    map.insert("anyOf".into(), Value::Sequence(members));
}
