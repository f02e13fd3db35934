//! Broken specs end in one clear message naming the file and the place, never a panic.

mod common;

use webwork_generator::diagnostics::Location;

fn error_for(spec: &str) -> webwork_generator::Diagnostic {
    let (_dir, path) = common::spec_file(spec, None);
    let error = webwork_generator::generate(&path).expect_err("the spec is broken");
    assert_eq!(error.file, path, "the message names the file");
    error
}

fn pointer(error: &webwork_generator::Diagnostic) -> &str {
    match &error.location {
        Location::Pointer(pointer) => pointer,
        other => panic!("expected a JSON pointer, got {other:?} in {error}"),
    }
}

const HEADER: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

#[test]
fn yaml_syntax_error_names_line_and_column() {
    let error = error_for("openapi: 3.0.3\ninfo: {title: T\npaths: {}\n");
    assert!(
        matches!(error.location, Location::LineColumn { line: 3, .. }),
        "{error}"
    );
    assert!(error.message.contains("invalid YAML"), "{error}");
}

#[test]
fn empty_file() {
    let error = error_for("  \n");
    assert_eq!(error.location, Location::File);
    assert!(error.message.contains("empty"), "{error}");
}

#[test]
fn swagger_2_is_refused_by_name() {
    let error = error_for("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n");
    assert_eq!(pointer(&error), "#/swagger");
    assert!(error.message.contains("Swagger 2.0"), "{error}");
}

#[test]
fn unresolved_ref() {
    let spec = format!(
        "{HEADER}paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Missing'}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1a/get/responses/200/content/application~1json/schema"
    );
    assert!(
        error
            .message
            .contains("unresolved $ref `#/components/schemas/Missing`"),
        "{error}"
    );
}

#[test]
fn cyclic_ref() {
    let spec = format!(
        "{HEADER}paths: {{}}\ncomponents:\n  schemas:\n    A: {{$ref: '#/components/schemas/B'}}\n    B: {{$ref: '#/components/schemas/A'}}\n"
    );
    let error = error_for(&spec);
    assert!(error.message.contains("cyclic $ref"), "{error}");
    assert!(
        pointer(&error).starts_with("#/components/schemas/"),
        "{error}"
    );
}

#[test]
fn duplicate_operation_id() {
    let spec = format!(
        "{HEADER}paths:\n  /a:\n    get:\n      operationId: same\n      responses: {{'204': {{description: ok}}}}\n  /b:\n    get:\n      operationId: same\n      responses: {{'204': {{description: ok}}}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/paths/~1b/get/operationId");
    assert!(
        error.message.contains("duplicate operationId `same`"),
        "{error}"
    );
}

#[test]
fn path_parameter_not_in_the_template() {
    let spec = format!(
        "{HEADER}paths:\n  /expenses:\n    get:\n      operationId: getExpenses\n      parameters:\n        - {{name: page, in: query, schema: {{type: integer}}}}\n        - {{name: id, in: query, schema: {{type: integer}}}}\n        - {{name: expenseId, in: path, required: true, schema: {{type: string}}}}\n      responses: {{'204': {{description: ok}}}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/paths/~1expenses/get/parameters/2/name");
    assert!(
        error
            .message
            .contains("`expenseId` does not appear in the path"),
        "{error}"
    );
}

/// A path item at `path` with one GET whose path parameters are `params`.
fn path_spec(path: &str, params: &[&str]) -> String {
    let params: String = params
        .iter()
        .map(|name| {
            format!(
                "        - {{name: {name}, in: path, required: true, schema: {{type: string}}}}\n"
            )
        })
        .collect();
    let params = if params.is_empty() {
        params
    } else {
        format!("      parameters:\n{params}")
    };
    format!(
        "{HEADER}paths:\n  '{path}':\n    get:\n      operationId: op\n{params}      responses: {{'204': {{description: ok}}}}\n"
    )
}

#[test]
fn a_template_that_cannot_be_a_request_is_refused_at_its_path() {
    let cases = [
        (
            "/events/{event_id:undelete",
            &["event_id"][..],
            "never closes it",
        ),
        ("/events/{}:undelete", &[][..], "a parameter without a name"),
        ("/events/{a{b}", &["b"][..], "inside a parameter's name"),
        ("/files/{name}.{name}", &["name"][..], "uses `{name}` twice"),
        ("/a/{id}/b/{id}", &["id"][..], "uses `{id}` twice"),
    ];
    for (path, params, words) in cases {
        let error = error_for(&path_spec(path, params));
        let escaped = path.replace('~', "~0").replace('/', "~1");
        assert_eq!(pointer(&error), format!("#/paths/{escaped}"), "{path}");
        assert!(error.message.contains(words), "{path}: {error}");
    }
}

#[test]
fn a_parameter_inside_a_segment_needs_its_declaration_and_is_found_there() {
    let error = error_for(&path_spec("/events/{event_id}:undelete", &[]));
    assert!(
        error
            .message
            .contains("has `{event_id}` but no path parameter `event_id`"),
        "{error}"
    );
    for path in [
        "/events/{event_id}:undelete",
        "/feeds/videos.{event_id}",
        "/x/id-{event_id}",
    ] {
        let (_dir, spec) = common::spec_file(&path_spec(path, &["event_id"]), None);
        if let Err(error) = webwork_generator::generate(&spec) {
            panic!("{path} is refused: {error}");
        }
    }
}

#[test]
fn template_variable_without_a_parameter() {
    let spec = format!(
        "{HEADER}paths:\n  /expenses/{{expenseId}}:\n    get:\n      operationId: getExpense\n      responses: {{'204': {{description: ok}}}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1expenses~1{expenseId}/get/parameters"
    );
}

#[test]
fn unsupported_construct_is_named() {
    let spec = format!(
        "{HEADER}paths: {{}}\ncomponents:\n  schemas:\n    Pet:\n      not: {{type: string}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/components/schemas/Pet");
    assert!(error.message.contains("not is not supported"), "{error}");
}

#[test]
fn a_multipart_body_that_is_not_an_object_is_named() {
    let spec = format!(
        "{HEADER}paths:\n  /files:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/form-data:\n            schema: {{type: string, format: binary}}\n      responses:\n        '204': {{description: stored}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1files/post/requestBody/content/multipart~1form-data/schema"
    );
    assert!(
        error
            .message
            .contains("multipart/form-data body must be an object"),
        "{error}"
    );
}

#[test]
fn structural_error_names_the_pointer() {
    let spec =
        format!("{HEADER}paths:\n  /a:\n    get:\n      operationId: 12\n      responses: 7\n");
    let error = error_for(&spec);
    // openapiv3 reads `paths` as a whole, so the pointer stops there.
    assert!(pointer(&error).starts_with("#/paths"), "{error}");
}

#[test]
fn a_mistyped_keyword_deep_in_a_schema_is_found_before_parsing() {
    // openapiv3 would spend time exponential in the depth on this; the shape check names it.
    let mut schema = String::from("{properties: {allOf: [1]}}");
    for _ in 0..40 {
        schema = format!("{{type: object, properties: {{a: {schema}}}}}");
    }
    let spec = format!("{HEADER}paths: {{}}\ncomponents:\n  schemas:\n    Deep: {schema}\n");
    let error = error_for(&spec);
    assert!(
        pointer(&error).starts_with("#/components/schemas/Deep/properties/a/"),
        "{error}"
    );
    assert!(pointer(&error).ends_with("/properties/allOf"), "{error}");
    assert!(
        error.message.contains("a schema must be a mapping"),
        "{error}"
    );
}

#[test]
fn of_two_mistyped_parts_the_first_in_the_document_is_named() {
    // `paths` and `components.schemas` are checked on threads of their own; whichever finishes
    // first, the message is the one a reading in document order meets first.
    let paths = "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - {name: q, in: query, schema: {type: string, maxLength: -1}}\n      responses:\n        '204': {description: ok}\n";
    let components = "components:\n  schemas:\n    Pet: {type: object, minProperties: x}\n";
    let error = error_for(&format!("{HEADER}{paths}{components}"));
    assert_eq!(
        pointer(&error),
        "#/paths/~1a/get/parameters/0/schema/maxLength"
    );
    let error = error_for(&format!("{HEADER}{components}{paths}"));
    assert_eq!(pointer(&error), "#/components/schemas/Pet/minProperties");
}

#[test]
fn of_two_mistyped_keywords_of_a_schema_the_first_rule_is_named() {
    // The keywords are found in one pass over the schema; the message still follows the rules'
    // order (strings, then flags, numbers, counts), not the order they are written in.
    let spec = format!(
        "{HEADER}paths: {{}}\ncomponents:\n  schemas:\n    Pet: {{maxItems: x, nullable: 1, format: 2}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/components/schemas/Pet/format");
    assert!(
        error.message.contains("`format` must be a string"),
        "{error}"
    );
}

const HEADER_RESPONSES: &str = "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': {description: ok}\n        '429': {$ref: '#/components/responses/TooMany'}\n";

#[test]
fn an_unresolved_response_header_ref_is_located_in_the_component() {
    let spec = format!(
        "{HEADER}{HEADER_RESPONSES}components:\n  responses:\n    TooMany:\n      description: slow down\n      headers:\n        Retry-After: {{$ref: '#/components/headers/Missing'}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/components/responses/TooMany/headers/Retry-After"
    );
    assert!(
        error
            .message
            .contains("unresolved $ref `#/components/headers/Missing`"),
        "{error}"
    );
}

#[test]
fn an_unresolved_error_answer_ref_is_located() {
    let error = error_for(&format!("{HEADER}{HEADER_RESPONSES}"));
    assert_eq!(pointer(&error), "#/paths/~1a/get/responses/429");
    assert!(error.message.contains("unresolved $ref"), "{error}");
}

#[test]
fn a_cyclic_header_ref_and_a_broken_header_schema_are_located() {
    let spec = format!(
        "{HEADER}{HEADER_RESPONSES}components:\n  responses:\n    TooMany:\n      description: slow down\n      headers:\n        Retry-After: {{$ref: '#/components/headers/A'}}\n  headers:\n    A: {{$ref: '#/components/headers/B'}}\n    B: {{$ref: '#/components/headers/A'}}\n"
    );
    let error = error_for(&spec);
    assert!(error.message.contains("cyclic $ref"), "{error}");
    assert_eq!(
        pointer(&error),
        "#/components/responses/TooMany/headers/Retry-After"
    );

    let spec = format!(
        "{HEADER}{HEADER_RESPONSES}components:\n  responses:\n    TooMany:\n      description: slow down\n      headers:\n        Retry-After: {{$ref: '#/components/headers/RetryAfter'}}\n  headers:\n    RetryAfter:\n      schema: {{$ref: '#/components/schemas/Nope'}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/components/headers/RetryAfter/schema");
    assert!(error.message.contains("unresolved $ref"), "{error}");
}

#[test]
fn a_response_header_described_by_content_is_named() {
    let spec = format!(
        "{HEADER}paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-Data:\n              content:\n                application/json:\n                  schema: {{type: object}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1a/get/responses/200/headers/X-Data/content"
    );
    assert!(
        error
            .message
            .contains("response headers described by `content` are not supported"),
        "{error}"
    );
}

/// A spec whose `/a/{aId}` path parameter and `B.b_id` property carry `x-id-type`.
fn ids_spec(path_schema: &str, property_schema: &str) -> String {
    format!(
        "{HEADER}paths:\n  /a/{{aId}}:\n    get:\n      operationId: getA\n      parameters:\n        - {{name: aId, in: path, required: true, schema: {path_schema}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/B'}}\ncomponents:\n  schemas:\n    B:\n      type: object\n      properties:\n        b_id: {property_schema}\n"
    )
}

#[test]
fn an_id_type_that_is_no_type_name_is_located() {
    let spec = ids_spec("{type: integer, x-id-type: expense}", "{type: integer}");
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1a~1{aId}/get/parameters/0/schema/x-id-type"
    );
    assert!(error.message.contains("UpperCamelCase"), "{error}");
}

#[test]
fn one_kind_of_id_with_two_wire_types_is_refused_where_it_differs() {
    let spec = ids_spec(
        "{type: integer, x-id-type: Expense}",
        "{type: string, format: uuid, x-id-type: Expense}",
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/components/schemas/B/properties/b_id/x-id-type"
    );
    assert!(
        error.message.contains("`Expense` ids are I64 elsewhere"),
        "{error}"
    );
}

#[test]
fn an_id_type_on_a_boolean_is_refused() {
    let spec = ids_spec("{type: integer}", "{type: boolean, x-id-type: Expense}");
    let error = error_for(&spec);
    assert!(
        error.message.contains("integer, a `format: uuid` string"),
        "{error}"
    );
}

#[test]
fn a_parameter_described_by_content_that_is_not_json_names_the_media_type() {
    let spec = format!(
        "{HEADER}paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: q\n          in: query\n          content:\n            text/csv:\n              schema: {{type: string}}\n      responses:\n        '204': {{description: ok}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(
        pointer(&error),
        "#/paths/~1a/get/parameters/0/content/text~1csv"
    );
    assert!(error.message.contains("`content: text/csv`"), "{error}");
}

#[test]
fn a_parameter_with_two_media_types_is_located() {
    let spec = format!(
        "{HEADER}paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: q\n          in: query\n          content:\n            application/json: {{}}\n            text/plain: {{}}\n      responses:\n        '204': {{description: ok}}\n"
    );
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/paths/~1a/get/parameters/0/content");
    assert!(error.message.contains("exactly one media type"), "{error}");
}

/// A spec whose `/a` is `$ref: {reference}`, with `extra` after `paths`.
fn path_ref_spec(reference: &str, extra: &str) -> String {
    format!(
        "{HEADER}paths:\n  /a:\n    $ref: '{reference}'\n  /b:\n    get:\n      operationId: getB\n      responses:\n        '204': {{description: ok}}\n{extra}"
    )
}

#[test]
fn a_broken_path_item_ref_is_located() {
    let error = error_for(&path_ref_spec("#/paths/~1missing", ""));
    assert_eq!(pointer(&error), "#/paths/~1a/$ref");
    assert!(
        error
            .message
            .contains("unresolved $ref `#/paths/~1missing`"),
        "{error}"
    );
    let error = error_for(&path_ref_spec("#/x-items/missing", ""));
    assert_eq!(pointer(&error), "#/paths/~1a/$ref");
    assert!(error.message.contains("unresolved $ref"), "{error}");
}

#[test]
fn a_cyclic_path_item_ref_is_located() {
    let spec =
        format!("{HEADER}paths:\n  /a:\n    $ref: '#/paths/~1b'\n  /b:\n    $ref: '#/paths/~1a'\n");
    let error = error_for(&spec);
    assert_eq!(pointer(&error), "#/paths/~1a/$ref");
    assert!(error.message.contains("cyclic $ref"), "{error}");
}

#[test]
fn a_path_item_in_another_file_is_refused_by_name() {
    let error = error_for(&path_ref_spec("items.yaml#/a", ""));
    assert_eq!(pointer(&error), "#/paths/~1a/$ref");
    assert!(error.message.contains("another document"), "{error}");
}

#[test]
fn a_path_item_ref_to_something_else_is_located_where_it_points() {
    let error = error_for(&path_ref_spec(
        "#/x-items/bad",
        "x-items:\n  bad:\n    get: 5\n",
    ));
    assert_eq!(pointer(&error), "#/x-items/bad");
    assert!(error.message.contains("is not a path item"), "{error}");
}

#[test]
fn a_problem_inside_a_referenced_path_item_is_located_where_it_is_written() {
    let error = error_for(&path_ref_spec(
        "#/x-items/good",
        "x-items:\n  good:\n    get:\n      operationId: getA\n      parameters:\n        - {name: q, in: query, schema: {$ref: '#/components/schemas/Missing'}}\n      responses:\n        '204': {description: ok}\n",
    ));
    assert_eq!(pointer(&error), "#/x-items/good/get/parameters/0/schema");
}

#[path = "bad_input/oas31.rs"]
mod oas31;
