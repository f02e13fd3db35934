//! The JSON Schemas (draft 2020-12) of a tool: its `inputSchema` from the operation's
//! parameters and body properties (as typed as the command line's flags), and its
//! `outputSchema`, `{"data": ...}` with a list's page facts.

use serde_json::{json, Map, Value};

use crate::runtime::spec::{BodyEncoding, Kind, Location, Operation, Param};

/// How many items `all_pages` gathers at most without `max_items`.
pub const DEFAULT_MAX_ITEMS: u64 = 500;

/// The argument that walks every page of a list.
pub const ALL_PAGES: &str = "all_pages";

/// The argument that bounds that walk.
pub const MAX_ITEMS: &str = "max_items";

/// The `inputSchema` of `operation`'s tool: an object whose properties are its arguments
/// ([`Operation::argument_names`]), with their types, formats, enums, defaults, descriptions,
/// and which are required; `all_pages` and `max_items` for a list; `body` for a body taken
/// whole ([`Operation::whole_body`]).
#[must_use]
pub fn input(operation: &Operation) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let body_required = operation.body.is_some_and(|body| body.required);
    for (param, name) in operation.params.iter().zip(operation.argument_names()) {
        if param.required && (param.location != Location::Body || body_required) {
            required.push(Value::String(name.clone()));
        }
        properties.insert(name, Value::Object(param_schema(param)));
    }
    if let (Some(body), true) = (operation.body, operation.whole_body()) {
        let schema = match body.encoding {
            BodyEncoding::Raw(media_type) => {
                json!({"type": "string", "description": format!("The body ({media_type}), as text")})
            }
            BodyEncoding::Json | BodyEncoding::Form => json!({"description": "The body, as JSON"}),
        };
        properties.insert("body".into(), schema);
        if body_required {
            required.push(Value::String("body".into()));
        }
    }
    if operation.paging.is_some() {
        properties.insert(
            ALL_PAGES.into(),
            json!({
                "type": "boolean",
                "default": false,
                "description": format!("Fetch every page from the one asked (or the first), up to `{MAX_ITEMS}` items"),
            }),
        );
        properties.insert(
            MAX_ITEMS.into(),
            json!({
                "type": "integer",
                "minimum": 1,
                "default": DEFAULT_MAX_ITEMS,
                "description": format!("With `{ALL_PAGES}`: stop after this many items (the answer then says `truncated`)"),
            }),
        );
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    schema.insert("additionalProperties".into(), json!(false));
    schema
}

/// The `outputSchema` of `operation`'s tool: `data` (an array for a list), and for a list the
/// page facts the API gives and `truncated`.
#[must_use]
pub fn output(operation: &Operation) -> Map<String, Value> {
    let schema = if operation.paging.is_some() {
        json!({
            "type": "object",
            "properties": {
                "data": {
                    "type": ["array", "null"],
                    "description": "The items: of the page asked, or of every page walked",
                },
                "page": {"type": "integer", "description": "The (last) page fetched"},
                "last_page": {"type": "integer", "description": "The last page there is"},
                "total": {"type": "integer", "description": "How many items there are in all"},
                "truncated": {
                    "type": "boolean",
                    "description": format!("`{MAX_ITEMS}` stopped the walk before the last item"),
                },
            },
            "required": ["data"],
        })
    } else {
        json!({
            "type": "object",
            "properties": {
                "data": {"description": "The answer's data (null when it has none)"},
            },
            "required": ["data"],
        })
    };
    match schema {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The schema of one argument: its kind's, a list of them when repeated, with its help and
/// the server's default.
fn param_schema(param: &Param) -> Map<String, Value> {
    let one = kind_schema(param.kind);
    let mut schema = if param.repeated {
        let mut list = Map::new();
        list.insert("type".into(), json!("array"));
        list.insert("items".into(), Value::Object(one));
        list
    } else {
        one
    };
    let (help, default) = split_default(param.help);
    if !help.is_empty() {
        schema.insert("description".into(), json!(help));
    }
    if let (Some(default), false) = (default, param.repeated) {
        schema.insert("default".into(), default_value(param.kind, default));
    }
    schema
}

/// The schema of one value of `kind`.
#[must_use]
pub fn kind_schema(kind: Kind) -> Map<String, Value> {
    let value = match kind {
        Kind::Text => json!({"type": "string"}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Number => json!({"type": "number"}),
        Kind::Boolean => json!({"type": "boolean"}),
        Kind::Date => json!({"type": "string", "format": "date"}),
        Kind::DateTime => json!({"type": "string", "format": "date-time"}),
        Kind::Uuid => json!({"type": "string", "format": "uuid"}),
        Kind::Enum(names) => json!({"type": "string", "enum": names}),
        // An object, an array or a union: any JSON value.
        Kind::Json => json!({}),
    };
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A help text without the `[server default: X]` the generator ends it with, and `X`.
fn split_default(help: &str) -> (&str, Option<&str>) {
    const MARK: &str = "[server default: ";
    match help.rfind(MARK) {
        Some(start) if help.ends_with(']') => (
            help[..start].trim_end(),
            Some(&help[start + MARK.len()..help.len() - 1]),
        ),
        _ => (help, None),
    }
}

/// A default's text as a JSON value of `kind`.
fn default_value(kind: Kind, text: &str) -> Value {
    match kind {
        Kind::Integer | Kind::Number | Kind::Boolean | Kind::Json => {
            serde_json::from_str(text).unwrap_or_else(|_| json!(text))
        }
        _ => json!(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::spec::{BodyInput, Paging};

    const PARAMS: &[Param] = &[
        Param {
            flag: "workspace-id",
            wire: "workspace_id",
            location: Location::Query,
            kind: Kind::Integer,
            required: true,
            repeated: false,
            help: "The workspace",
        },
        Param {
            flag: "per-page",
            wire: "per_page",
            location: Location::Query,
            kind: Kind::Integer,
            required: false,
            repeated: false,
            help: "Items per page [server default: 15]",
        },
        Param {
            flag: "user-ids",
            wire: "user_ids",
            location: Location::JoinedQuery(","),
            kind: Kind::Integer,
            required: false,
            repeated: true,
            help: "",
        },
        Param {
            flag: "status",
            wire: "status",
            location: Location::Query,
            kind: Kind::Enum(&["pending", "approved"]),
            required: false,
            repeated: false,
            help: "",
        },
        Param {
            flag: "body-workspace-id",
            wire: "workspace_id",
            location: Location::Body,
            kind: Kind::Integer,
            required: true,
            repeated: false,
            help: "",
        },
        Param {
            flag: "page-size",
            wire: "page[size]",
            location: Location::Query,
            kind: Kind::Integer,
            required: false,
            repeated: false,
            help: "",
        },
        Param {
            flag: "date",
            wire: "date",
            location: Location::Body,
            kind: Kind::Date,
            required: true,
            repeated: false,
            help: "",
        },
    ];

    const LIST: Operation = Operation {
        name: "list",
        id: "getExpenses",
        about: "List expenses",
        long_about: None,
        method: "GET",
        path: "/expenses",
        params: PARAMS,
        body: Some(BodyInput {
            required: false,
            encoding: BodyEncoding::Json,
        }),
        paging: Some(Paging { page: "page" }),
        columns: &[],
    };

    #[test]
    fn arguments_are_typed_and_a_clash_is_settled_as_flags_are() {
        let schema = Value::Object(input(&LIST));
        let properties = &schema["properties"];
        assert_eq!(
            properties["workspace_id"],
            json!({"type": "integer", "description": "The workspace"})
        );
        assert_eq!(properties["body_workspace_id"]["type"], "integer");
        assert_eq!(
            properties["per_page"],
            json!({"type": "integer", "description": "Items per page", "default": 15})
        );
        assert_eq!(
            properties["user_ids"],
            json!({"type": "array", "items": {"type": "integer"}})
        );
        assert_eq!(properties["status"]["enum"], json!(["pending", "approved"]));
        assert_eq!(properties["date"]["format"], "date");
        assert_eq!(properties["page_size"]["type"], "integer");
        assert_eq!(properties[MAX_ITEMS]["default"], 500);
        assert_eq!(properties[ALL_PAGES]["type"], "boolean");
        // The body is optional: its required members are not required of the tool.
        assert_eq!(schema["required"], json!(["workspace_id"]));
        assert_eq!(schema["additionalProperties"], false);
    }

    #[test]
    fn the_output_is_an_object_with_data_and_a_list_has_page_facts() {
        let list = Value::Object(output(&LIST));
        assert_eq!(list["type"], "object");
        assert_eq!(list["required"], json!(["data"]));
        assert!(list["properties"]["truncated"].is_object());
        let one = Value::Object(output(&Operation {
            paging: None,
            ..LIST
        }));
        assert_eq!(one["properties"]["data"]["type"], Value::Null);
        assert!(one["properties"].get("page").is_none());
    }

    #[test]
    fn a_default_is_read_off_the_help() {
        assert_eq!(
            split_default("Size [server default: 15]"),
            ("Size", Some("15"))
        );
        assert_eq!(split_default("Size"), ("Size", None));
        assert_eq!(default_value(Kind::Text, "x"), json!("x"));
        assert_eq!(default_value(Kind::Boolean, "true"), json!(true));
    }
}
