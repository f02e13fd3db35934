//! The spec-diff catalogue: each case is the base spec (`tests/diff/base.yaml`) and a copy with a
//! small edit, the change kinds the diff must report with their verdicts (wire, crate), and the
//! semver bump. A representative subset is also snapshotted as text and JSON.

use std::collections::BTreeSet;
use std::path::Path;

use webwork_generator::diff::{self, verify, ChangeKind, Format, Report, Side};

mod common;

const BASE: &str = include_str!("diff/base.yaml");

/// One kind of change.
struct Case {
    name: &'static str,
    /// Edits (find, replace) that turn the base into the old spec; usually none.
    old: &'static [(&'static str, &'static str)],
    /// Edits that turn the base into the new spec.
    new: &'static [(&'static str, &'static str)],
    /// (kind, wire_breaking, crate_breaking) of every change, in report order.
    expect: &'static [(&'static str, bool, bool)],
    semver: &'static str,
}

/// The change breaks existing HTTP clients (wire column) or code using the previous crate (crate
/// column).
const BREAKS: bool = true;
/// It does not.
const OK: bool = false;

const CASES: &[Case] = &[
    // ----- operations -----
    Case {
        name: "operation_added",
        old: &[],
        new: &[(
            "  /things:\n",
            "  /other:\n    get: {operationId: getOther, tags: [Items], responses: {'204': {description: ok}}}\n  /things:\n",
        )],
        expect: &[("operation-added", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "operation_removed",
        old: &[],
        new: &[(
            "    delete:\n      operationId: deleteItem\n      tags: [Items]\n      parameters:\n        - {name: itemId, in: path, required: true, schema: {type: integer}}\n      responses:\n        '204': {description: gone}\n",
            "",
        )],
        expect: &[("operation-removed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "operation_id_renamed",
        old: &[],
        new: &[("operationId: getItem", "operationId: fetchItem")],
        expect: &[("operation-id-renamed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "operation_id_renamed_same_rust_name",
        old: &[],
        new: &[("operationId: getItem", "operationId: get_item")],
        expect: &[("operation-id-renamed", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "operation_path_changed",
        old: &[],
        new: &[("  /things:\n", "  /stuff:\n")],
        expect: &[("operation-path-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "operation_tag_changed",
        old: &[],
        new: &[("tags: [Things]", "tags: [Items]")],
        expect: &[("operation-tag-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "operation_deprecated",
        old: &[],
        new: &[(
            "operationId: deleteItem\n",
            "operationId: deleteItem\n      deprecated: true\n",
        )],
        expect: &[("operation-deprecated", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "operation_undeprecated",
        old: &[(
            "operationId: deleteItem\n",
            "operationId: deleteItem\n      deprecated: true\n",
        )],
        new: &[],
        expect: &[("operation-undeprecated", OK, OK)],
        semver: "patch",
    },
    // ----- parameters -----
    Case {
        name: "parameter_added_required",
        old: &[],
        new: &[(
            "        - {name: workspace_id,",
            "        - {name: team, in: query, required: true, schema: {type: string}}\n        - {name: workspace_id,",
        )],
        expect: &[("parameter-added-required", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_added_optional",
        old: &[],
        new: &[(
            "        - {name: workspace_id,",
            "        - {name: team, in: query, schema: {type: string}}\n        - {name: workspace_id,",
        )],
        expect: &[("parameter-added-optional", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "parameter_removed",
        old: &[],
        new: &[(
            "        - {name: sort, in: query, schema: {type: string, enum: [asc, desc]}}\n",
            "",
        )],
        expect: &[("parameter-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_became_required",
        old: &[],
        new: &[("{name: per_page, in: query,", "{name: per_page, in: query, required: true,")],
        expect: &[("parameter-became-required", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_became_optional",
        old: &[],
        new: &[(
            "{name: workspace_id, in: query, required: true,",
            "{name: workspace_id, in: query,",
        )],
        // Calls compile unchanged; the builder loses the type parameter that tracked it.
        expect: &[("parameter-became-optional", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_type_changed",
        old: &[],
        new: &[(
            "required: true, schema: {type: integer}}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {type: array",
            "required: true, schema: {type: string}}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {type: array",
        )],
        expect: &[("parameter-type-changed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_type_widened",
        old: &[("schema: {type: integer, minimum: 1", "schema: {type: integer, format: int32, minimum: 1")],
        new: &[],
        expect: &[("parameter-type-changed", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "parameter_default_changed",
        old: &[],
        new: &[("default: 20}", "default: 50}")],
        expect: &[("parameter-default-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "parameter_constraints_tightened",
        old: &[],
        new: &[("maximum: 100,", "maximum: 50,")],
        expect: &[("parameter-constraints-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "parameter_constraints_loosened",
        old: &[],
        new: &[("maximum: 100,", "maximum: 500,")],
        expect: &[("parameter-constraints-changed", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "parameter_enum_value_added",
        old: &[],
        new: &[("enum: [asc, desc]", "enum: [asc, desc, random]")],
        expect: &[("parameter-enum-value-added", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "parameter_enum_value_removed",
        old: &[],
        new: &[("enum: [asc, desc]", "enum: [asc]")],
        expect: &[("parameter-enum-value-removed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_deprecated",
        old: &[],
        new: &[("{name: sort, in: query,", "{name: sort, in: query, deprecated: true,")],
        expect: &[("parameter-deprecated", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "path_parameter_renamed",
        old: &[],
        new: &[
            ("  /items/{itemId}:", "  /items/{id}:"),
            (
                "operationId: getItem\n      tags: [Items]\n      parameters:\n        - {name: itemId,",
                "operationId: getItem\n      tags: [Items]\n      parameters:\n        - {name: id,",
            ),
            (
                "operationId: deleteItem\n      tags: [Items]\n      parameters:\n        - {name: itemId,",
                "operationId: deleteItem\n      tags: [Items]\n      parameters:\n        - {name: id,",
            ),
        ],
        expect: &[("parameter-renamed", OK, BREAKS), ("parameter-renamed", OK, BREAKS)],
        semver: "major",
    },
    // ----- request bodies -----
    Case {
        name: "request_property_added_required",
        old: &[],
        new: &[
            ("      required: [name]\n", "      required: [name, color]\n"),
            ("        remark: {type: string}\n", "        remark: {type: string}\n        color: {type: string}\n"),
        ],
        expect: &[("request-property-added-required", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_added_optional",
        old: &[],
        new: &[("        remark: {type: string}\n", "        remark: {type: string}\n        color: {type: string}\n")],
        expect: &[("request-property-added-optional", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_removed",
        old: &[],
        new: &[("        remark: {type: string}\n", "")],
        expect: &[("request-property-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_became_required",
        old: &[],
        new: &[("      required: [name]\n", "      required: [name, remark]\n")],
        expect: &[("request-property-became-required", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_type_widened",
        old: &[],
        new: &[("size: {type: integer, format: int32}", "size: {type: integer, format: int64}")],
        expect: &[("request-type-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_constraints_tightened",
        old: &[],
        new: &[("maxLength: 100}", "maxLength: 50}")],
        expect: &[("request-constraints-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "request_enum_value_added",
        old: &[],
        new: &[("enum: [a, b]", "enum: [a, b, c]")],
        expect: &[("request-enum-value-added", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "request_body_became_optional",
        old: &[],
        new: &[("requestBody: {required: true,", "requestBody: {required: false,")],
        // The body has required properties: its setters give way to a whole-body `.body(..)`.
        expect: &[("request-body-became-optional", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_body_removed",
        old: &[],
        new: &[(
            "      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [label]\n              properties:\n                label: {type: string}\n",
            "",
        )],
        expect: &[("request-body-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_body_added",
        old: &[],
        new: &[(
            "operationId: deleteItem\n",
            "operationId: deleteItem\n      requestBody: {required: true, content: {application/json: {schema: {type: object, required: [reason], properties: {reason: {type: string}}}}}}\n",
        )],
        expect: &[("request-body-added", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_body_became_required",
        old: &[("requestBody: {required: true,", "requestBody: {required: false,")],
        new: &[],
        // The body loses its whole-body `.body(..)` setter for one setter per property, and
        // its required property becomes a state of the builder's type.
        expect: &[("request-body-became-required", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "request_property_format_changed",
        old: &[],
        new: &[("name: {type: string, maxLength: 100}", "name: {type: string, format: email, maxLength: 100}")],
        expect: &[("request-format-changed", BREAKS, OK)],
        semver: "patch",
    },
    // ----- responses -----
    Case {
        name: "response_property_added",
        old: &[],
        new: &[("        note: {type: string}\n", "        note: {type: string}\n        color: {type: string}\n")],
        // A struct literal of the answer's type (a test fixture) needs the new field.
        expect: &[("response-property-added", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_removed",
        old: &[],
        new: &[("        note: {type: string}\n", "")],
        expect: &[("response-property-removed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_became_optional",
        old: &[],
        new: &[("required: [id, name]", "required: [id]")],
        expect: &[("response-property-became-optional", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_became_nullable",
        old: &[],
        new: &[("        name: {type: string}\n", "        name: {type: string, nullable: true}\n")],
        expect: &[("response-property-became-nullable", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_type_widened",
        old: &[],
        new: &[("count: {type: integer, format: int32}", "count: {type: integer, format: int64}")],
        expect: &[("response-type-changed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_deprecated",
        old: &[],
        new: &[("        note: {type: string}\n", "        note: {type: string, deprecated: true}\n")],
        expect: &[("response-property-deprecated", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "response_enum_value_added",
        old: &[],
        new: &[("enum: [open, closed]", "enum: [open, closed, archived]")],
        expect: &[("response-enum-value-added", BREAKS, OK)],
        semver: "minor",
    },
    Case {
        name: "response_enum_value_removed",
        old: &[],
        new: &[("enum: [open, closed]", "enum: [open]")],
        expect: &[("response-enum-value-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_status_added",
        old: &[],
        new: &[("        '401': {description: not logged in}\n", "        '401': {description: not logged in}\n        '404': {description: no workspace}\n")],
        expect: &[("response-status-added", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "response_status_removed",
        old: &[],
        new: &[("        '401': {description: not logged in}\n", "")],
        expect: &[("response-status-removed", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "response_error_variant_removed",
        old: &[(
            "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}\n    delete:",
            "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}\n        '404': {description: no such item, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}\n    delete:",
        )],
        new: &[],
        expect: &[("response-status-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_success_status_changed",
        old: &[],
        new: &[("'201': {description: created,", "'200': {description: created,")],
        expect: &[("response-status-added", OK, OK), ("response-status-removed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "response_property_became_non_nullable",
        old: &[("        name: {type: string}\n", "        name: {type: string, nullable: true}\n")],
        new: &[],
        expect: &[("response-property-became-non-nullable", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_enum_variant_renamed",
        old: &[(
            "        count: {type: integer, format: int32}\n",
            "        count: {type: integer, format: int32}\n        priority: {type: integer, enum: [1, 2]}\n",
        )],
        new: &[(
            "        count: {type: integer, format: int32}\n",
            "        count: {type: integer, format: int32}\n        priority: {type: integer, enum: [1, 2], x-enum-varnames: [V1, High]}\n",
        )],
        expect: &[("response-enum-variant-renamed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_schema_kind_changed",
        old: &[],
        new: &[(
            "Status: {type: string, enum: [open, closed]}",
            "Status: {type: object, properties: {code: {type: string}}}",
        )],
        expect: &[("response-schema-kind-changed", BREAKS, BREAKS)],
        semver: "major",
    },
    // ----- schemas -----
    Case {
        name: "schema_added",
        old: &[],
        new: &[(
            "    Unused: {type: object, properties: {x: {type: string}}}\n",
            "    Unused: {type: object, properties: {x: {type: string}}}\n    Extra: {type: object, properties: {y: {type: string}}}\n",
        )],
        expect: &[("schema-added", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "schema_removed",
        old: &[],
        new: &[("    Unused: {type: object, properties: {x: {type: string}}}\n", "")],
        expect: &[("schema-removed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "schema_renamed",
        old: &[],
        new: &[
            ("    ItemInput:\n", "    NewItem:\n"),
            ("$ref: '#/components/schemas/ItemInput'", "$ref: '#/components/schemas/NewItem'"),
        ],
        // The inline enum of `kind` is named after its struct: it is renamed too.
        expect: &[("schema-renamed", OK, BREAKS), ("schema-renamed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "inline_schema_moved_to_components_under_its_own_name",
        old: &[],
        new: &[
            (
                "            schema:\n              type: object\n              required: [label]\n              properties:\n                label: {type: string}\n",
                "            schema: {$ref: '#/components/schemas/PutThingBody'}\n",
            ),
            (
                "  schemas:\n",
                "  schemas:\n    PutThingBody: {type: object, required: [label], properties: {label: {type: string}}}\n",
            ),
        ],
        expect: &[],
        semver: "patch",
    },
    Case {
        name: "inline_schema_moved_to_components_under_another_name",
        old: &[],
        new: &[
            (
                "            schema:\n              type: object\n              required: [label]\n              properties:\n                label: {type: string}\n",
                "            schema: {$ref: '#/components/schemas/ThingInput'}\n",
            ),
            (
                "  schemas:\n",
                "  schemas:\n    ThingInput: {type: object, required: [label], properties: {label: {type: string}}}\n",
            ),
        ],
        expect: &[("schema-renamed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "schema_deprecated",
        old: &[],
        new: &[("Unused: {type: object, properties:", "Unused: {type: object, deprecated: true, properties:")],
        expect: &[("schema-deprecated", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "additional_properties_changed",
        old: &[],
        new: &[("Unused: {type: object, properties:", "Unused: {type: object, additionalProperties: true, properties:")],
        expect: &[("additional-properties-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "paths_and_keys_reordered",
        old: &[],
        new: &[
            (
                "{name: per_page, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}",
                "{schema: {default: 20, maximum: 100, minimum: 1, type: integer}, in: query, name: per_page}",
            ),
            (
                "        id: {type: integer}\n        name: {type: string}\n",
                "        name: {type: string}\n        id: {type: integer}\n",
            ),
            // /things moves before /items.
            (
                "  /things:\n    put:\n      operationId: putThing\n      tags: [Things]\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [label]\n              properties:\n                label: {type: string}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {done: {type: boolean}}}}}}\ncomponents:\n",
                "components:\n",
            ),
            (
                "paths:\n  /items:\n",
                "paths:\n  /things:\n    put:\n      operationId: putThing\n      tags: [Things]\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [label]\n              properties:\n                label: {type: string}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {done: {type: boolean}}}}}}\n  /items:\n",
            ),
        ],
        expect: &[],
        semver: "patch",
    },
    // ----- security and servers -----
    Case {
        name: "security_scheme_changed",
        old: &[],
        new: &[(
            "bearer: {type: http, scheme: bearer}",
            "bearer: {type: apiKey, in: header, name: X-Api-Key}",
        )],
        expect: &[("security-scheme-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "security_scheme_added",
        old: &[],
        new: &[(
            "    bearer: {type: http, scheme: bearer}\n",
            "    bearer: {type: http, scheme: bearer}\n    key: {type: apiKey, in: header, name: X-Api-Key}\n",
        )],
        expect: &[("security-scheme-added", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "security_scheme_removed",
        old: &[(
            "    bearer: {type: http, scheme: bearer}\n",
            "    bearer: {type: http, scheme: bearer}\n    key: {type: apiKey, in: header, name: X-Api-Key}\n",
        )],
        new: &[],
        expect: &[("security-scheme-removed", OK, OK)],
        semver: "patch",
    },
    // ----- what the compiler decides: ids, unions, answer types -----
    Case {
        name: "parameter_style_changed",
        old: &[(
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}",
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}\n        - {name: tags, in: query, schema: {type: array, items: {type: string}}}",
        )],
        new: &[(
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}",
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}\n        - {name: tags, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}",
        )],
        expect: &[("parameter-style-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "parameter_gains_id_type",
        old: &[],
        new: &[(
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}",
            "{name: workspace_id, in: query, required: true, schema: {type: integer, x-id-type: Workspace}}",
        )],
        expect: &[("parameter-type-changed", OK, OK)],
        semver: "minor",
    },
    Case {
        name: "parameter_loses_id_type",
        old: &[(
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}",
            "{name: workspace_id, in: query, required: true, schema: {type: integer, x-id-type: Workspace}}",
        )],
        new: &[],
        expect: &[("parameter-type-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "parameter_type_int64_to_double",
        old: &[],
        new: &[(
            "{name: workspace_id, in: query, required: true, schema: {type: integer}}",
            "{name: workspace_id, in: query, required: true, schema: {type: number, format: double}}",
        )],
        expect: &[("parameter-type-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_property_gains_id_type",
        old: &[],
        new: &[("        id: {type: integer}\n", "        id: {type: integer, x-id-type: Item}\n")],
        expect: &[("response-type-changed", OK, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_union_alternative_added",
        old: &[(
            "        count: {type: integer, format: int32}\n    Status:",
            "        count: {type: integer, format: int32}\n        shape: {oneOf: [{type: string}, {type: integer}]}\n    Status:",
        )],
        new: &[(
            "        count: {type: integer, format: int32}\n    Status:",
            "        count: {type: integer, format: int32}\n        shape: {oneOf: [{type: string}, {type: integer}, {type: boolean}]}\n    Status:",
        )],
        expect: &[("response-union-alternative-added", BREAKS, OK)],
        semver: "minor",
    },
    Case {
        name: "request_union_alternative_removed",
        old: &[(
            "        size: {type: integer, format: int32}\n    Unused:",
            "        size: {type: integer, format: int32}\n        shape: {oneOf: [{type: string}, {type: integer}, {type: boolean}]}\n    Unused:",
        )],
        new: &[(
            "        size: {type: integer, format: int32}\n    Unused:",
            "        size: {type: integer, format: int32}\n        shape: {oneOf: [{type: string}, {type: integer}]}\n    Unused:",
        )],
        expect: &[("request-union-alternative-removed", BREAKS, BREAKS)],
        semver: "major",
    },
    Case {
        name: "response_answer_type_changed",
        old: &[],
        new: &[(
            "'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}\n    delete:",
            "'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ItemInput'}}}}\n    delete:",
        )],
        expect: &[("response-type-changed", BREAKS, BREAKS)],
        semver: "major",
    },
    // ----- response headers -----
    Case {
        name: "response_header_added",
        old: &[],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string}}}}",
        )],
        expect: &[("response-header-added", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_removed",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string}}}}",
        )],
        new: &[],
        expect: &[("response-header-removed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_retyped",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: integer}}}}",
        )],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string, format: uuid}}}}",
        )],
        expect: &[("response-header-type-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_narrowed",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Left: {schema: {type: integer, format: int64}}, X-Mode: {schema: {type: string, enum: [a, b]}}}}",
        )],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Left: {schema: {type: integer, format: int32}}, X-Mode: {schema: {type: string, enum: [a]}}}}",
        )],
        // Every value the answer may carry now was valid before.
        expect: &[
            ("response-header-type-changed", OK, OK),
            ("response-header-type-changed", OK, OK),
        ],
        semver: "patch",
    },
    Case {
        name: "response_header_enum_value_added",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Mode: {schema: {type: string, enum: [a]}}}}",
        )],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Mode: {schema: {type: string, enum: [a, b]}}}}",
        )],
        expect: &[("response-header-type-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_became_optional",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {required: true, schema: {type: string}}}}",
        )],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string}}}}",
        )],
        expect: &[("response-header-became-optional", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_became_required",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string}}}}",
        )],
        new: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {required: true, schema: {type: string}}}}",
        )],
        expect: &[("response-header-became-required", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "response_header_through_components_and_renamed_in_case",
        old: &[(
            "'204': {description: gone}",
            "'204': {description: gone, headers: {X-Request-Id: {schema: {type: string}}}}",
        )],
        new: &[
            (
                "'204': {description: gone}",
                "'204': {$ref: '#/components/responses/Gone'}",
            ),
            (
                "components:\n",
                "components:\n  responses:\n    Gone: {description: gone, headers: {x-request-id: {$ref: '#/components/headers/RequestId'}}}\n  headers:\n    RequestId: {schema: {type: string}}\n",
            ),
        ],
        // Header names are case-insensitive, and `$ref`s are followed: nothing changed.
        expect: &[],
        semver: "patch",
    },
    Case {
        name: "operation_security_relaxed",
        old: &[],
        new: &[("operationId: getItem\n", "operationId: getItem\n      security: []\n")],
        expect: &[("operation-security-changed", OK, OK)],
        semver: "patch",
    },
    Case {
        name: "operation_security_tightened",
        old: &[("operationId: getItem\n", "operationId: getItem\n      security: []\n")],
        new: &[],
        expect: &[("operation-security-changed", BREAKS, OK)],
        semver: "patch",
    },
    Case {
        name: "server_changed",
        old: &[],
        new: &[("https://api.example.com/v2", "https://api2.example.com/v2")],
        expect: &[
            ("server-added", OK, OK),
            ("server-removed", BREAKS, OK),
            ("server-default-changed", OK, OK),
        ],
        semver: "patch",
    },
];

fn apply(name: &str, edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (find, replace) in edits {
        assert_eq!(
            text.matches(find).count(),
            1,
            "case {name}: `{find}` must occur exactly once in the base spec"
        );
        text = text.replacen(find, replace, 1);
    }
    text
}

/// The case's old and new sides.
fn sides(case: &Case) -> (Side, Side) {
    let side = |label: &str, edits| {
        let text = apply(case.name, edits);
        Side::from_text(label, Path::new(label), &text, None)
            .unwrap_or_else(|e| panic!("case {}: {label} does not load: {e}\n{text}", case.name))
    };
    (side("old.yaml", case.old), side("new.yaml", case.new))
}

fn report(case: &Case) -> Report {
    let (old, new) = sides(case);
    diff::diff(&old, &new).unwrap_or_else(|e| panic!("case {}: {e}", case.name))
}

#[test]
fn the_catalogue_exercises_every_kind_of_change() {
    let expected: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|c| c.expect.iter().map(|(kind, _, _)| *kind))
        .collect();
    let missing: Vec<&str> = ChangeKind::ALL
        .iter()
        .filter(|kind| !kind.ids().iter().any(|id| expected.contains(id.as_str())))
        .map(|kind| kind.as_str())
        .collect();
    assert!(missing.is_empty(), "no catalogue case reports {missing:?}");
    let known: BTreeSet<String> = ChangeKind::ALL.iter().flat_map(|k| k.ids()).collect();
    let unknown: Vec<&&str> = expected.iter().filter(|id| !known.contains(**id)).collect();
    assert!(unknown.is_empty(), "no ChangeKind has the ids {unknown:?}");
}

#[test]
fn every_case_reports_its_kinds_verdicts_and_semver() {
    let mut failures = Vec::new();
    for case in CASES {
        let report = report(case);
        let got: Vec<(&str, bool, bool)> = report
            .changes
            .iter()
            .map(|c| (c.kind.as_str(), c.wire_breaking, c.crate_breaking))
            .collect();
        let mut want = case.expect.to_vec();
        let mut got_sorted = got.clone();
        want.sort_unstable();
        got_sorted.sort_unstable();
        if got_sorted != want || report.semver.as_str() != case.semver {
            failures.push(format!(
                "{}: expected {:?} semver {}, got {:?} semver {}\n{}",
                case.name,
                case.expect,
                case.semver,
                got,
                report.semver,
                report.render(Format::Text)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `spec-diff --verify` over the whole catalogue: for every case, the usage probe of the old
/// crate compiles against the new crate exactly when the table says code using the previous
/// crate keeps compiling. One workspace (under the target folder) for all cases, so the
/// dependencies build once.
#[test]
fn the_compiler_confirms_every_crate_verdict() {
    let sides: Vec<(Side, Side)> = CASES.iter().map(sides).collect();
    let pairs: Vec<verify::Pair<'_>> = CASES
        .iter()
        .zip(&sides)
        .map(|(case, (old, new))| verify::Pair {
            name: case.name.to_string(),
            old,
            new,
        })
        .collect();
    let root = common::root();
    let base = root.join("target/spec-diff-verify");
    let started = std::time::Instant::now();
    let verdicts = verify::verify(
        &pairs,
        &base.join("catalogue"),
        &base.join("target"),
        Some(&root.join("Cargo.lock")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut disagreements = Vec::new();
    for ((case, verdict), (old, new)) in CASES.iter().zip(verdicts).zip(&sides) {
        let report = diff::diff(old, new).unwrap_or_else(|e| panic!("case {}: {e}", case.name));
        let verification = verify::Verification::new(&report, verdict);
        if !verification.agrees() {
            disagreements.push(verification.render());
        }
    }
    println!(
        "verified {} catalogue cases in {:.1} s",
        CASES.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        disagreements.is_empty(),
        "{} of {} cases: the compiler disagrees with the table:\n{}",
        disagreements.len(),
        CASES.len(),
        disagreements.join("\n")
    );
}

#[test]
fn refactors_report_nothing_breaking() {
    for name in [
        "inline_schema_moved_to_components_under_its_own_name",
        "paths_and_keys_reordered",
    ] {
        let case = CASES.iter().find(|c| c.name == name).expect("case exists");
        let report = report(case);
        assert!(!report.is_breaking(), "{name}: {:?}", report.changes);
        assert!(report.generated.items_removed.is_empty(), "{name}");
        assert!(
            report.generated.items_changed.is_empty(),
            "{name}: {:?}",
            report.generated.items_changed
        );
    }
}

#[test]
fn the_generated_crate_summary_names_files_and_public_items() {
    let case = CASES
        .iter()
        .find(|c| c.name == "operation_added")
        .expect("case exists");
    let generated = report(case).generated;
    assert!(generated.files_added.is_empty());
    assert!(
        generated
            .files_changed
            .contains(&"src/operations/items.rs".to_string()),
        "{:?}",
        generated.files_changed
    );
    assert!(
        generated
            .items_added
            .contains(&"fn operations::items::Client::get_other".to_string()),
        "{:?}",
        generated.items_added
    );
    assert!(generated.items_removed.is_empty());
}

#[test]
fn snapshots_of_representative_reports() {
    for name in [
        "operation_removed",
        "parameter_became_required",
        "request_property_added_optional",
        "response_enum_value_added",
        "schema_renamed",
        "inline_schema_moved_to_components_under_its_own_name",
        "response_header_retyped",
        "server_changed",
    ] {
        let case = CASES.iter().find(|c| c.name == name).expect("case exists");
        let report = api_only(report(case));
        insta::assert_snapshot!(format!("diff_{name}__text"), report.render(Format::Text));
        insta::assert_snapshot!(format!("diff_{name}__json"), report.render(Format::Json));
    }
    let case = CASES
        .iter()
        .find(|c| c.name == "parameter_became_required")
        .expect("case exists");
    insta::assert_snapshot!(
        "diff_parameter_became_required__markdown",
        api_only(report(case)).render(Format::Markdown)
    );
}

/// The report without the generated-crate summary, which follows every change of the emitters
/// (tested on its own above), so that the snapshots only change when the diff does.
fn api_only(mut report: Report) -> Report {
    report.generated = Default::default();
    report
}

#[test]
fn bad_input_is_a_located_error() {
    let broken = Side::from_text(
        "bad.yaml",
        Path::new("bad.yaml"),
        "openapi: 3.0.3\npaths: [",
        None,
    );
    assert!(broken.is_err());
    let missing = Side::load(Path::new("/nonexistent/spec.yaml"));
    let message = missing.expect_err("no such file").to_string();
    assert!(message.contains("cannot read the spec"), "{message}");
}
