//! OpenAPI 3.1: each construct the front end refuses is refused at its own JSON pointer, and an
//! error found after the rewrite names the place of the 3.1 document as written.

use super::{error_for, pointer};

const HEADER: &str = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n";

/// The error for a 3.1 document whose `components/schemas/A` is `schema` (YAML flow text).
fn schema_error(schema: &str) -> webwork_generator::Diagnostic {
    error_for(&format!(
        "{HEADER}components:\n  schemas:\n    A: {schema}\n"
    ))
}

/// `schema` is refused at `#/components/schemas/A` + `at`, with a message that says `words`.
fn refused(schema: &str, at: &str, words: &str) {
    let error = schema_error(schema);
    assert_eq!(
        pointer(&error),
        format!("#/components/schemas/A{at}"),
        "{error}"
    );
    assert!(error.message.contains(words), "{error}");
}

#[test]
fn prefix_items_are_refused() {
    refused(
        "{type: array, prefixItems: [{type: string}, {type: integer}]}",
        "/prefixItems",
        "tuple",
    );
}

#[test]
fn conditional_schemas_are_refused() {
    refused(
        "{type: object, properties: {k: {if: {type: string}, then: {minLength: 1}}}}",
        "/properties/k/if",
        "`if`/`then`/`else`",
    );
    refused("{else: {type: string}}", "/else", "conditional");
}

#[test]
fn dependent_schemas_are_refused() {
    refused(
        "{type: object, dependentSchemas: {card: {required: [billing]}}}",
        "/dependentSchemas",
        "optional properties",
    );
}

#[test]
fn defs_inside_a_schema_are_refused() {
    refused(
        "{type: object, $defs: {B: {type: string}}, properties: {b: {$ref: '#/components/schemas/A/$defs/B'}}}",
        "/$defs",
        "components/schemas",
    );
}

#[test]
fn ids_and_anchors_are_refused() {
    refused(
        "{$id: 'https://example.com/a', type: string}",
        "/$id",
        "`$id`",
    );
    refused("{$anchor: a, type: string}", "/$anchor", "JSON pointer");
    refused(
        "{type: array, items: {$dynamicRef: '#node'}}",
        "/items/$dynamicRef",
        "dynamic reference",
    );
}

#[test]
fn the_false_schema_is_refused() {
    refused(
        "{type: object, properties: {never: false}}",
        "/properties/never",
        "`false`",
    );
}

#[test]
fn a_schema_of_unevaluated_items_is_refused() {
    refused(
        "{type: array, unevaluatedItems: {type: string}}",
        "/unevaluatedItems",
        "`items`",
    );
}

#[test]
fn several_types_beside_one_of_are_refused() {
    refused(
        "{type: [string, integer], oneOf: [{minLength: 1}, {minimum: 1}]}",
        "/type",
        "alternatives",
    );
    refused("{type: [string, 1]}", "/type", "type names");
}

#[test]
fn unknown_dialects_are_refused() {
    refused(
        "{$schema: 'https://example.com/my-dialect', type: string}",
        "/$schema",
        "dialect",
    );
    let error = error_for(&format!(
        "{HEADER}jsonSchemaDialect: 'https://example.com/my-dialect'\n"
    ));
    assert_eq!(pointer(&error), "#/jsonSchemaDialect");
}

#[test]
fn other_versions_are_refused_by_name() {
    let error = error_for("openapi: 3.2.0\ninfo: {title: T, version: '1'}\npaths: {}\n");
    assert_eq!(pointer(&error), "#/openapi");
    assert!(error.message.contains("only 3.0.x and 3.1.x"), "{error}");
}

/// A broken `$ref` beside a description (rewritten into `allOf: [$ref]`) is located where the
/// `$ref` is written, not in the `allOf` the rewrite made.
#[test]
fn a_reference_with_siblings_is_located_as_written() {
    let error = schema_error(
        "{type: object, properties: {b: {$ref: '#/components/schemas/Missing', description: B.}}}",
    );
    assert_eq!(
        pointer(&error),
        "#/components/schemas/A/properties/b",
        "{error}"
    );
    assert!(error.message.contains("Missing"), "{error}");
}

/// A `null` alternative taken out of an `anyOf` does not shift the place of the others.
#[test]
fn alternatives_after_null_keep_their_place() {
    let error = schema_error(
        "{anyOf: [{type: 'null'}, {type: string}, {$ref: '#/components/schemas/Missing'}]}",
    );
    assert_eq!(pointer(&error), "#/components/schemas/A/anyOf/2", "{error}");
}

/// An error inside a webhook names `webhooks`, where the front end found it.
#[test]
fn webhook_errors_name_the_webhook() {
    let error = error_for(&format!(
        "{HEADER}webhooks:\n  newPet:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/Missing'}}\n"
    ));
    assert_eq!(
        pointer(&error),
        "#/webhooks/newPet/post/requestBody/content/application~1json/schema",
        "{error}"
    );
}

/// A webhook that is a `$ref` to `components/pathItems` reaches it there.
#[test]
fn path_item_components_are_followed() {
    let error = error_for(&format!(
        "{HEADER}webhooks:\n  newPet: {{$ref: '#/components/pathItems/Missing'}}\ncomponents:\n  pathItems: {{}}\n"
    ));
    assert_eq!(pointer(&error), "#/webhooks/newPet/$ref", "{error}");
    assert!(error.message.contains("#/components/"), "{error}");
}
