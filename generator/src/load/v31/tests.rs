//! Each rewrite of the front end on a small document: the 3.0 form it gives.

use std::path::Path;

use serde_yaml::Value;

use super::downgrade;

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// `components/schemas/A` of the document with `schema` as `A`, after the rewrite.
fn rewritten(schema: &str) -> Result<Value, Box<dyn std::error::Error>> {
    let text = format!(
        "openapi: 3.1.0\ninfo: {{title: T, version: '1'}}\ncomponents:\n  schemas:\n    A: {schema}\n"
    );
    let document: Value = serde_yaml::from_str(&text)?;
    let (document, _) = downgrade(Path::new("t.yaml"), document)?;
    Ok(document["components"]["schemas"]["A"].clone())
}

fn yaml(text: &str) -> Result<Value, serde_yaml::Error> {
    serde_yaml::from_str(text)
}

#[test]
fn a_type_list_with_null_is_nullable() -> Outcome {
    assert_eq!(
        rewritten("{type: [string, 'null'], maxLength: 3}")?,
        yaml("{type: string, nullable: true, maxLength: 3}")?
    );
    Ok(())
}

#[test]
fn several_types_are_alternatives_with_their_keywords() -> Outcome {
    assert_eq!(
        rewritten("{type: [string, integer], maxLength: 3, minimum: 1, format: int64, enum: [a, 1]}")?,
        yaml("{oneOf: [{type: string, maxLength: 3, enum: [a]}, {type: integer, minimum: 1, format: int64, enum: [1]}]}")?
    );
    Ok(())
}

#[test]
fn a_null_alternative_makes_the_other_nullable() -> Outcome {
    assert_eq!(
        rewritten("{anyOf: [{type: integer}, {type: 'null'}], title: Count}")?,
        yaml("{title: Count, nullable: true, type: integer}")?
    );
    assert_eq!(
        rewritten("{anyOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}")?,
        yaml("{nullable: true, allOf: [{$ref: '#/components/schemas/B'}]}")?
    );
    assert_eq!(
        rewritten("{oneOf: [{type: 'null'}, {type: string}, {type: integer}]}")?,
        yaml("{oneOf: [{type: string}, {type: integer}], nullable: true}")?
    );
    Ok(())
}

#[test]
fn a_reference_keeps_its_siblings_through_all_of() -> Outcome {
    assert_eq!(
        rewritten("{$ref: '#/components/schemas/B', description: The B.}")?,
        yaml("{description: The B., allOf: [{$ref: '#/components/schemas/B'}]}")?
    );
    Ok(())
}

#[test]
fn values_and_bounds_take_their_3_0_words() -> Outcome {
    assert_eq!(
        rewritten("{type: integer, const: 3, examples: [3, 4], exclusiveMinimum: 0, minimum: -5, exclusiveMaximum: 10, maximum: 5}")?,
        yaml("{type: integer, enum: [3], example: 3, exclusiveMinimum: true, minimum: 0, maximum: 5}")?
    );
    Ok(())
}

#[test]
fn content_keywords_are_formats() -> Outcome {
    assert_eq!(
        rewritten("{type: string, contentEncoding: base64}")?,
        yaml("{type: string, format: byte}")?
    );
    assert_eq!(
        rewritten("{contentMediaType: image/png}")?,
        yaml("{format: binary, type: string}")?
    );
    assert_eq!(
        rewritten("{type: string, contentMediaType: application/json}")?,
        yaml("{type: string}")?
    );
    Ok(())
}

#[test]
fn pattern_and_unevaluated_properties_are_maps() -> Outcome {
    assert_eq!(
        rewritten("{patternProperties: {'^x': {type: integer}}}")?,
        yaml("{additionalProperties: {type: integer}, type: object}")?
    );
    assert_eq!(
        rewritten(
            "{type: object, patternProperties: {'^x': {type: integer}, '^y': {type: string}}}"
        )?,
        yaml("{type: object, additionalProperties: {anyOf: [{type: integer}, {type: string}]}}")?
    );
    assert_eq!(
        rewritten("{type: object, unevaluatedProperties: false}")?,
        yaml("{type: object, additionalProperties: false}")?
    );
    Ok(())
}

#[test]
fn true_is_any_value() -> Outcome {
    assert_eq!(
        rewritten("{type: object, properties: {a: true}}")?,
        yaml("{type: object, properties: {a: {}}}")?
    );
    Ok(())
}

#[test]
fn the_document_takes_its_3_0_shape() -> Outcome {
    let document = yaml("openapi: 3.1.1\n\
         jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base\n\
         info: {title: T, version: '1', summary: Short., license: {name: MIT, identifier: MIT}}\n\
         webhooks:\n  ping: {$ref: '#/components/pathItems/Ping'}\n\
         components:\n  pathItems:\n    Ping: {post: {}}\n  securitySchemes:\n    tls: {type: mutualTLS}\n\
         security: [{tls: []}]\n")?;
    let (document, origins) = downgrade(Path::new("t.yaml"), document)?;
    let expected = yaml("openapi: 3.0.3\n\
         info: {title: T, version: '1', description: Short., license: {name: MIT, x-identifier: MIT}}\n\
         components:\n  securitySchemes: {}\n  x-oas31-path-items:\n    Ping: {post: {responses: {}}}\n\
         security: [{}]\n\
         paths: {}\n\
         x-oas31-webhooks:\n  ping: {$ref: '#/components/x-oas31-path-items/Ping'}\n")?;
    assert_eq!(document, expected);
    assert_eq!(
        origins.original("#/x-oas31-webhooks/ping/$ref"),
        "#/webhooks/ping/$ref"
    );
    Ok(())
}
