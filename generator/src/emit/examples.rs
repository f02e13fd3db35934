//! Argument values made from the spec's examples, shared by the generated example tests
//! (`tests/examples.rs`, `tests/contract.rs`) and the `no_run` example on every client method.

use serde_json::Value;

use crate::model::{Api, DateKind, Operation, Param, Primitive, TypeKind, TypeRef};

/// The value, as JSON text, a required parameter is called with: its example, or a valid
/// placeholder when the spec gives none.
pub fn param_value(param: &Param) -> String {
    param
        .example
        .clone()
        .unwrap_or_else(|| placeholder(&param.ty))
}

/// A valid value, as JSON text, for a required parameter the spec gives no example for.
pub fn placeholder(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(Primitive::I32 | Primitive::I64) => "1".into(),
        TypeRef::Primitive(Primitive::F32 | Primitive::F64) => "1.0".into(),
        TypeRef::Primitive(Primitive::Bool) => "true".into(),
        TypeRef::Primitive(Primitive::Uuid) => "\"00000000-0000-0000-0000-000000000001\"".into(),
        TypeRef::Primitive(Primitive::Date) => "\"2024-01-01\"".into(),
        TypeRef::Primitive(Primitive::DateTime) => "\"2024-01-01T00:00:00Z\"".into(),
        TypeRef::Array(_) => "[]".into(),
        _ => "\"example\"".into(),
    }
}

/// The `no_run` example of a client method, as Markdown: the call with every required
/// parameter and body property set from the spec's examples. The second value says whether
/// some required value had no example (a placeholder was used).
pub fn doc_example(op: &Operation, api: &Api, krate: &str) -> (String, bool) {
    let mut placeholders = false;
    let mut setters: Vec<String> = Vec::new();
    for param in op.params.iter().filter(|p| p.required) {
        placeholders |= param.example.is_none();
        let value = serde_json::from_str(&param_value(param)).unwrap_or(Value::Null);
        setters.push(format!(
            ".{}({})",
            param.rust_name,
            rust_value(&value, &param.ty, api, krate)
        ));
    }
    if let Some(body) = &op.body {
        let example = op.request_example.as_ref();
        if body.fields.is_empty() {
            match example {
                Some(value) => setters.push(format!(
                    ".body({})",
                    rust_value(value, &body.ty, api, krate)
                )),
                None if body.required => {
                    placeholders = true;
                    let value = serde_json::from_str(&placeholder(&body.ty)).unwrap_or(Value::Null);
                    setters.push(format!(
                        ".body({})",
                        rust_value(&value, &body.ty, api, krate)
                    ));
                }
                None => {}
            }
        } else {
            for field in &body.fields {
                let given = example
                    .and_then(|e| e.get(&field.field.wire_name))
                    .filter(|v| !v.is_null());
                let value = match given {
                    Some(value) => value.clone(),
                    None if !field.field.is_optional() => {
                        placeholders = true;
                        serde_json::from_str(&placeholder(&field.field.ty)).unwrap_or(Value::Null)
                    }
                    None => continue,
                };
                setters.push(format!(
                    ".{}({})",
                    field.setter,
                    rust_value(&value, &field.field.ty, api, krate)
                ));
            }
        }
    }
    let mut call = format!("let answer = client\n    .{}()", op.method_name);
    for setter in &setters {
        call.push_str("\n    ");
        call.push_str(setter);
    }
    call.push_str("\n    .send()\n    .await?;\n");
    call.push_str(match op.success.data {
        TypeRef::Primitive(Primitive::Unit) => "println!(\"{:?}\", answer.message);\n",
        _ => "println!(\"{:?}\", answer.data);\n",
    });
    if op.paging.is_some() {
        call.push_str(&format!(
            "\n// Every item, over all pages (each fetched when the stream gets to it):\nuse {krate}::prelude::*;\nlet all: Vec<_> = client\n    .{}()",
            op.method_name
        ));
        for setter in &setters {
            call.push_str("\n    ");
            call.push_str(setter);
        }
        call.push_str("\n    .stream()\n    .try_collect()\n    .await?;\nprintln!(\"{} in all\", all.len());\n");
    }
    let text = format!(
        "```no_run\n# async fn run() -> Result<(), Box<dyn std::error::Error>> {{\n# let client = {krate}::Client::new(\"personal-access-token\")?;\n{call}# Ok(())\n# }}\n```"
    );
    (text, placeholders)
}

/// A Rust expression of type `ty` (or one that converts into it) for the JSON `value`.
fn rust_value(value: &Value, ty: &TypeRef, api: &Api, krate: &str) -> String {
    // An id converts from its wire type: written as that, it reads as the spec's example.
    if let Some(wire) = id_wire(ty, api) {
        return rust_value(value, &TypeRef::Primitive(wire), api, krate);
    }
    let parsed = |target: &str| format!("{value}.parse::<{target}>()?");
    match (ty, value) {
        (TypeRef::Primitive(Primitive::String), Value::String(text)) => format!("{text:?}"),
        // Bytes to upload come from a file more often than from a literal.
        (TypeRef::Primitive(Primitive::Bytes), _) => "std::fs::read(\"upload.bin\")?".into(),
        (TypeRef::Primitive(Primitive::Bool), Value::Bool(flag)) => flag.to_string(),
        (TypeRef::Primitive(Primitive::I32), Value::Number(n)) if n.is_i64() => n.to_string(),
        (TypeRef::Primitive(Primitive::I64), Value::Number(n)) => match n.as_i64() {
            Some(n) if i32::try_from(n).is_ok() => n.to_string(),
            Some(n) => format!("{n}_i64"),
            None => json_value(value, ty, krate),
        },
        (TypeRef::Primitive(Primitive::F64), Value::Number(n)) => match n.as_f64() {
            Some(f) => format!("{f:?}"),
            None => json_value(value, ty, krate),
        },
        (TypeRef::Primitive(Primitive::F32), Value::Number(n)) => match n.as_f64() {
            Some(f) => format!("{f:?}_f32"),
            None => json_value(value, ty, krate),
        },
        (TypeRef::Primitive(Primitive::Uuid), Value::String(_)) => {
            parsed(&format!("{krate}::uuid::Uuid"))
        }
        (TypeRef::Primitive(Primitive::Date), Value::String(_)) => {
            parsed(&format!("{krate}::chrono::NaiveDate"))
        }
        (TypeRef::Primitive(Primitive::DateTime), Value::String(_)) => {
            parsed(&format!("{krate}::chrono::DateTime<{krate}::chrono::Utc>"))
        }
        (TypeRef::FormattedDate { format, kind }, Value::String(_)) => {
            let target = match kind {
                DateKind::Date => "NaiveDate",
                DateKind::DateTime => "NaiveDateTime",
            };
            format!("{krate}::chrono::{target}::parse_from_str({value}, {format:?})?")
        }
        (TypeRef::Primitive(Primitive::Json), _) => format!("{krate}::serde_json::json!({value})"),
        (TypeRef::Array(inner), Value::Array(items)) => {
            // A list of ids takes the ids themselves: no `Into` reaches inside a `Vec`.
            let id = match inner.as_ref() {
                TypeRef::Named(name) if id_wire(inner, api).is_some() => Some(name),
                _ => None,
            };
            let items: Vec<String> = items
                .iter()
                .map(|item| {
                    let value = rust_value(item, inner, api, krate);
                    match id {
                        Some(name) => format!("{krate}::ids::{name}::from({value})"),
                        None => value,
                    }
                })
                .collect();
            format!("vec![{}]", items.join(", "))
        }
        (TypeRef::Named(name), _) => {
            let def = api.types.iter().find(|t| &t.name == name);
            let variant = match def.map(|d| &d.kind) {
                Some(TypeKind::StringEnum { variants, .. }) => variants
                    .iter()
                    .find(|v| value.as_str() == Some(v.value.as_str()))
                    .map(|v| v.name.clone()),
                Some(TypeKind::IntegerEnum { variants, .. }) => variants
                    .iter()
                    .find(|v| value.as_i64() == Some(v.value))
                    .map(|v| v.name.clone()),
                _ => None,
            };
            match variant {
                Some(variant) => format!("{krate}::types::{name}::{variant}"),
                None => json_value(value, ty, krate),
            }
        }
        _ => json_value(value, ty, krate),
    }
}

/// The wire type of `ty` when it is an id type.
fn id_wire(ty: &TypeRef, api: &Api) -> Option<Primitive> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    api.types.iter().find_map(|def| match &def.kind {
        TypeKind::Id { wire, .. } if def.name == *name => Some(*wire),
        _ => None,
    })
}

/// `serde_json::from_value::<T>(json!(…))?`: any example, decoded the way an answer would be.
fn json_value(value: &Value, ty: &TypeRef, krate: &str) -> String {
    let text = value.to_string();
    let ty = rust_type(ty, krate);
    if text.contains('\\') {
        // JSON escapes are not all Rust escapes: hand the text to serde_json as it is.
        format!("{krate}::serde_json::from_str::<{ty}>(r#\"{text}\"#)?")
    } else {
        format!("{krate}::serde_json::from_value::<{ty}>({krate}::serde_json::json!({text}))?")
    }
}

/// The Rust type of `ty` as a doctest outside the crate names it.
pub fn rust_type(ty: &TypeRef, krate: &str) -> String {
    match ty {
        TypeRef::Primitive(p) => match p {
            Primitive::Bool => "bool".into(),
            Primitive::I32 => "i32".into(),
            Primitive::I64 => "i64".into(),
            Primitive::F32 => "f32".into(),
            Primitive::F64 => "f64".into(),
            Primitive::String => "String".into(),
            Primitive::Date => format!("{krate}::chrono::NaiveDate"),
            Primitive::DateTime => format!("{krate}::chrono::DateTime<{krate}::chrono::Utc>"),
            Primitive::Uuid => format!("{krate}::uuid::Uuid"),
            Primitive::Bytes => format!("{krate}::Binary"),
            Primitive::Json => format!("{krate}::serde_json::Value"),
            Primitive::Unit => "()".into(),
        },
        TypeRef::FormattedDate {
            kind: DateKind::Date,
            ..
        } => format!("{krate}::chrono::NaiveDate"),
        TypeRef::FormattedDate {
            kind: DateKind::DateTime,
            ..
        } => format!("{krate}::chrono::NaiveDateTime"),
        TypeRef::Named(name) => format!("{krate}::types::{name}"),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_type(inner, krate)),
        TypeRef::Map(inner) => format!(
            "std::collections::BTreeMap<String, {}>",
            rust_type(inner, krate)
        ),
    }
}

/// How the answer's data reads in prose, with intra-doc links to generated types.
pub fn data_doc(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => format!("[`{name}`](crate::types::{name})"),
        TypeRef::Array(inner) => format!("a list of {}", data_doc(inner)),
        TypeRef::Map(inner) => format!("a map from names to {}", data_doc(inner)),
        TypeRef::Primitive(Primitive::Unit) => {
            "`()`: the answer carries no data, only its `message`".into()
        }
        // The crates it re-exports, as a user names them (`chrono::NaiveDate`).
        other => format!("`{}`", rust_type(other, "crate").replace("crate::", "")),
    }
}
