//! The document around the schemas: the version, `jsonSchemaDialect`, `info`, `paths`,
//! `webhooks`, `components/pathItems`, and the walk that finds every schema.

use serde_yaml::{Mapping, Value};

use super::{known_dialect, Rewriter};
use crate::diagnostics::{Diagnostic, Pointer};

/// The top-level extension the document's `webhooks` are kept in for the 3.0 reader; `lower`
/// reads them from there.
pub const WEBHOOKS_EXTENSION: &str = "x-oas31-webhooks";

/// The extension of `components` that `components/pathItems` is kept in; `$ref`s to it are
/// rewritten to match, and the resolver follows them like any reference into the document.
pub const PATH_ITEMS_EXTENSION: &str = "x-oas31-path-items";

/// Rewrites the whole document.
pub(super) fn rewrite(rewriter: &mut Rewriter<'_>, document: &mut Value) -> Result<(), Diagnostic> {
    let root = Pointer::root();
    let Value::Mapping(map) = document else {
        return Err(rewriter.error(&root, "the spec is not a YAML mapping"));
    };
    map.insert("openapi".into(), "3.0.3".into());
    if let Some(dialect) = map.remove("jsonSchemaDialect") {
        if !known_dialect(&dialect) {
            return Err(rewriter.error(
                &root.join("jsonSchemaDialect"),
                "a schema dialect other than OpenAPI 3.1's own or a JSON Schema draft is not supported: the generator reads schemas by those keywords",
            ));
        }
    }
    if let Some(Value::Mapping(info)) = map.get_mut("info") {
        rewrite_info(info);
    }
    if !map.contains_key("paths") {
        map.insert("paths".into(), Value::Mapping(Mapping::new()));
    }
    if let Some(webhooks) = map.remove("webhooks") {
        map.insert(WEBHOOKS_EXTENSION.into(), webhooks);
        rewriter
            .origins
            .moved(&root.join(WEBHOOKS_EXTENSION), &root.join("webhooks"));
    }
    if let Some(Value::Mapping(components)) = map.get_mut("components") {
        if let Some(items) = components.remove("pathItems") {
            components.insert(PATH_ITEMS_EXTENSION.into(), items);
            let components_at = root.join("components");
            rewriter.origins.moved(
                &components_at.join(PATH_ITEMS_EXTENSION),
                &components_at.join("pathItems"),
            );
        }
    }
    rewriter.mutual_tls = mutual_tls_schemes(map);
    walk(rewriter, document, &root, 0)
}

/// `info.summary` joins the description (as its first paragraph); `license.identifier` (an
/// SPDX expression) is kept as the extension `x-identifier`, since 3.0 has no such field.
fn rewrite_info(info: &mut Mapping) {
    if let Some(summary) = info.remove("summary") {
        let summary = summary.as_str().unwrap_or_default().trim().to_string();
        let description = match info.get("description").and_then(Value::as_str) {
            Some(description) if !summary.is_empty() => format!("{summary}\n\n{description}"),
            Some(description) => description.to_string(),
            None => summary,
        };
        if !description.is_empty() {
            info.insert("description".into(), description.into());
        }
    }
    if let Some(Value::Mapping(license)) = info.get_mut("license") {
        if let Some(identifier) = license.remove("identifier") {
            license.insert("x-identifier".into(), identifier);
        }
    }
}

/// How deeply the walk goes before it leaves the rest to the 3.0 checks (which refuse it).
const MAX_DEPTH: usize = 200;

/// Visits every mapping of the document outside schemas: a `schema` member and the entries of
/// `components/schemas` are schemas; `$ref`s to `components/pathItems` follow its new place.
fn walk(
    rewriter: &mut Rewriter<'_>,
    value: &mut Value,
    at: &Pointer,
    depth: usize,
) -> Result<(), Diagnostic> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    match value {
        Value::Mapping(map) => {
            let in_components = at.segments() == ["components"];
            for (key, child) in map.iter_mut() {
                let Some(key) = key.as_str() else { continue };
                // Example data and extensions are free-form.
                if matches!(key, "example" | "examples" | "default" | "enum")
                    || (key.starts_with("x-")
                        && key != WEBHOOKS_EXTENSION
                        && key != PATH_ITEMS_EXTENSION)
                {
                    continue;
                }
                let child_at = at.join(key);
                if key == "$ref" {
                    rewrite_path_item_ref(child);
                } else if key == "schema" {
                    rewriter.schema(child, &child_at, depth + 1)?;
                } else if key == "schemas" && in_components {
                    if let Value::Mapping(schemas) = child {
                        for (name, schema) in schemas.iter_mut() {
                            let name = name.as_str().unwrap_or_default().to_string();
                            rewriter.schema(schema, &child_at.join(name), depth + 2)?;
                        }
                    }
                } else if key == "security" {
                    without_schemes(child, &rewriter.mutual_tls);
                } else {
                    walk(rewriter, child, &child_at, depth + 1)?;
                }
                if is_operation(&child_at) {
                    if let Value::Mapping(operation) = child {
                        // 3.1 makes `responses` optional; none documented is 3.0's empty map.
                        operation
                            .entry("responses".into())
                            .or_insert_with(|| Value::Mapping(Mapping::new()));
                    }
                }
            }
            Ok(())
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(rewriter, item, &at.join(i), depth + 1)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// A `$ref` to `#/components/pathItems/...` points where the front end keeps them.
fn rewrite_path_item_ref(reference: &mut Value) {
    const PREFIX: &str = "#/components/pathItems/";
    if let Some(rest) = reference.as_str().and_then(|r| r.strip_prefix(PREFIX)) {
        *reference = format!("#/components/{PATH_ITEMS_EXTENSION}/{rest}").into();
    }
}

/// 3.1's `mutualTLS` schemes: removed, with their place in every security requirement. The
/// client presents a certificate through the TLS settings of the HTTP client it is given
/// (`ClientBuilder::http_client`), not per request, so there is nothing for it to send.
fn mutual_tls_schemes(document: &mut Mapping) -> Vec<String> {
    let Some(Value::Mapping(schemes)) = document
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
    else {
        return Vec::new();
    };
    let names: Vec<String> = schemes
        .iter()
        .filter(|(_, scheme)| scheme.get("type").and_then(Value::as_str) == Some("mutualTLS"))
        .filter_map(|(name, _)| name.as_str().map(str::to_string))
        .collect();
    for name in &names {
        schemes.remove(name.as_str());
    }
    names
}

/// A `security` list without the requirements' `mutualTLS` schemes.
fn without_schemes(security: &mut Value, schemes: &[String]) {
    if let Value::Sequence(requirements) = security {
        for requirement in requirements.iter_mut() {
            if let Value::Mapping(requirement) = requirement {
                requirement.retain(|name, _| {
                    !name
                        .as_str()
                        .is_some_and(|n| schemes.iter().any(|s| s == n))
                });
            }
        }
    }
}

/// The methods of a path item.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether `at` is an operation: a method of a path item of `paths`, of the webhooks, of
/// `components/pathItems` or of a callback.
fn is_operation(at: &Pointer) -> bool {
    let segments = at.segments();
    let Some((method, item)) = segments.split_last() else {
        return false;
    };
    if !METHODS.contains(&method.as_str()) {
        return false;
    }
    match item {
        [top, _] => top == "paths" || top == WEBHOOKS_EXTENSION,
        [components, items, _] if components == "components" && items == PATH_ITEMS_EXTENSION => {
            true
        }
        [.., callbacks, _, _] => callbacks == "callbacks",
        _ => false,
    }
}
