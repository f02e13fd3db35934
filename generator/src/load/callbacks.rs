//! An operation's callback may be a `$ref` to `#/components/callbacks/...` (OpenAPI 3.0
//! allows a Reference Object there), which openapiv3 does not read: it expects the callback
//! itself. Such references are replaced by the component they name before the document is
//! deserialized; a reference that names no component is left for openapiv3 to locate.

use serde_yaml::{Mapping, Value};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
const PREFIX: &str = "#/components/callbacks/";

/// Inlines every operation callback written as a reference to a callback component.
pub fn inline_references(document: &mut Value) {
    let components = document
        .get("components")
        .and_then(|c| c.get("callbacks"))
        .and_then(Value::as_mapping)
        .cloned()
        .unwrap_or_default();
    if components.is_empty() {
        return;
    }
    let Some(paths) = document.get_mut("paths").and_then(Value::as_mapping_mut) else {
        return;
    };
    for item in paths.values_mut().filter_map(Value::as_mapping_mut) {
        for method in METHODS {
            let callbacks = item
                .get_mut(method)
                .and_then(|operation| operation.get_mut("callbacks"))
                .and_then(Value::as_mapping_mut);
            if let Some(callbacks) = callbacks {
                inline_in(callbacks, &components);
            }
        }
    }
}

/// Replaces each `{$ref: '#/components/callbacks/name'}` of `callbacks` by that component.
fn inline_in(callbacks: &mut Mapping, components: &Mapping) {
    for callback in callbacks.values_mut() {
        let target = callback
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| reference.strip_prefix(PREFIX))
            .map(|name| name.replace("~1", "/").replace("~0", "~"));
        if let Some(component) = target.and_then(|name| components.get(name.as_str())) {
            *callback = component.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::inline_references;

    #[test]
    fn a_callback_reference_becomes_the_component_it_names() {
        let mut document: serde_yaml::Value = serde_yaml::from_str(
            "paths:\n  /search:\n    get:\n      callbacks:\n        onIndex: {$ref: '#/components/callbacks/index'}\n        missing: {$ref: '#/components/callbacks/none'}\n\
             components:\n  callbacks:\n    index:\n      'https://example.org/hook': {post: {responses: {'200': {description: ok}}}}\n",
        )
        .unwrap_or_default();
        inline_references(&mut document);
        let callbacks = &document["paths"]["/search"]["get"]["callbacks"];
        assert!(callbacks["onIndex"]["https://example.org/hook"]["post"].is_mapping());
        assert_eq!(
            callbacks["missing"]["$ref"].as_str(),
            Some("#/components/callbacks/none")
        );
    }
}
