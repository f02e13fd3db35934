//! The keywords rewritten in place, without moving anything: `const`, `examples`, numeric
//! exclusive bounds, `contentEncoding`/`contentMediaType`, and the split of a type list into one
//! alternative per type.

use serde_yaml::{Mapping, Value};

/// Keywords that belong to one JSON type, for splitting `type: [a, b]` into alternatives.
pub(super) fn keyword_type(key: &str) -> Option<&'static str> {
    Some(match key {
        "pattern" | "minLength" | "maxLength" => "string",
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => "number",
        "items" | "minItems" | "maxItems" | "uniqueItems" => "array",
        "properties" | "required" | "additionalProperties" | "minProperties" | "maxProperties" => {
            "object"
        }
        _ => return None,
    })
}

/// The alternative of type `name` split out of `map`: the type and the keywords of that type.
pub(super) fn alternative(map: &Mapping, name: &str) -> Mapping {
    let mut alternative = Mapping::new();
    alternative.insert("type".into(), name.into());
    let fits = |key: &str| match keyword_type(key) {
        Some("number") => name == "number" || name == "integer",
        Some(kind) => kind == name,
        None => false,
    };
    for (key, value) in map {
        if key.as_str().is_some_and(fits) {
            alternative.insert(key.clone(), value.clone());
        }
    }
    if let Some(format) = map.get("format").and_then(Value::as_str) {
        let format_type = match format {
            "int32" | "int64" => "integer",
            "float" | "double" => "number",
            _ => "string",
        };
        if format_type == name || (format_type == "number" && name == "integer") {
            alternative.insert("format".into(), format.into());
        }
    }
    if let Some(Value::Sequence(values)) = map.get("enum") {
        let fitting: Vec<Value> = values
            .iter()
            .filter(|v| match name {
                "string" => v.is_string(),
                "integer" => v.is_i64() || v.is_u64(),
                "number" => v.is_number(),
                "boolean" => v.is_bool(),
                _ => false,
            })
            .cloned()
            .collect();
        if !fitting.is_empty() {
            alternative.insert("enum".into(), Value::Sequence(fitting));
        }
    }
    alternative
}

/// `const` is an enum of one value; `examples` (a list) gives its first as `example`.
pub(super) fn rewrite_values(map: &mut Mapping) {
    if let Some(value) = map.remove("const") {
        map.insert("enum".into(), Value::Sequence(vec![value]));
    }
    if let Some(Value::Sequence(examples)) = map.get("examples") {
        let first = examples.first().cloned();
        map.remove("examples");
        if let Some(first) = first {
            map.entry("example".into()).or_insert(first);
        }
    }
}

/// Numeric `exclusiveMinimum`/`exclusiveMaximum` are the bound with the 3.0 flag (the
/// stricter of it and `minimum`/`maximum`).
pub(super) fn rewrite_bounds(map: &mut Mapping) {
    for (exclusive, inclusive, stricter) in [
        ("exclusiveMinimum", "minimum", std::cmp::Ordering::Greater),
        ("exclusiveMaximum", "maximum", std::cmp::Ordering::Less),
    ] {
        let Some(bound) = map.get(exclusive).filter(|v| v.is_number()).cloned() else {
            continue;
        };
        let as_f64 = |v: &Value| v.as_f64().unwrap_or_default();
        let wins = map.get(inclusive).is_none_or(|given| {
            as_f64(&bound)
                .partial_cmp(&as_f64(given))
                .is_none_or(|order| order == stricter || order.is_eq())
        });
        if wins {
            map.insert(inclusive.into(), bound);
            map.insert(exclusive.into(), true.into());
        } else {
            map.remove(exclusive);
        }
    }
}

/// `contentEncoding: base64` is `format: byte`; other encoded or non-text content
/// (`contentMediaType: image/png`) is `format: binary`; text content (JSON, XML, `text/*`) stays
/// a string.
pub(super) fn rewrite_content(map: &mut Mapping) {
    let encoding = map.remove("contentEncoding");
    let media = map.remove("contentMediaType");
    if map.contains_key("format") {
        return;
    }
    let format = match (
        encoding.as_ref().and_then(Value::as_str),
        media.as_ref().and_then(Value::as_str),
    ) {
        (Some("base64" | "base64url"), _) => "byte",
        (Some(_), _) => "binary",
        (None, Some(media)) if !is_text(media) => "binary",
        _ => return,
    };
    map.insert("format".into(), format.into());
    if !map.contains_key("type") {
        map.insert("type".into(), "string".into());
    }
}

/// Whether a media type is text a Rust `String` holds.
fn is_text(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or_default().trim();
    media.starts_with("text/")
        || media.ends_with("json")
        || media.ends_with("xml")
        || media == "application/x-www-form-urlencoded"
}
