//! `--dynamic`: three tools instead of one per operation, for APIs too large to list —
//! `search_operations` (words → matching tools and their summaries), `describe_operation`
//! (a tool → its schemas) and `call_operation` (a tool and its arguments).

use std::sync::Arc;

use rmcp::model::{CallToolResult, Tool, ToolAnnotations};
use rmcp::ErrorData;
use serde_json::{json, Map, Value};

use super::schema;
use super::server::Server;
use super::tools::{self, Entry};
use crate::runtime::exit::Failure;

/// The tool that finds operations.
pub const SEARCH: &str = "search_operations";
/// The tool that gives an operation's schemas.
pub const DESCRIBE: &str = "describe_operation";
/// The tool that calls an operation.
pub const CALL: &str = "call_operation";

/// How many operations a search gives without `limit`.
const DEFAULT_LIMIT: usize = 10;

/// The three tools.
#[must_use]
pub fn tools() -> Vec<Tool> {
    let object = |value: Value| match value {
        Value::Object(map) => Arc::new(map),
        _ => Arc::new(Map::new()),
    };
    let search = Tool::new(
        SEARCH,
        "Find the API's operations by words (a resource, an action): their tool names and summaries, best first.",
        object(json!({
            "type": "object",
            "properties": {
                "query": {"type": "string", "description": "Words to look for, such as `list expenses`"},
                "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": DEFAULT_LIMIT},
            },
            "required": ["query"],
            "additionalProperties": false,
        })),
    )
    .with_raw_output_schema(object(json!({
        "type": "object",
        "properties": {"operations": {"type": "array", "items": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "summary": {"type": "string"}},
            "required": ["name", "summary"],
        }}},
        "required": ["operations"],
    })))
    .with_annotations(ToolAnnotations::with_title("Search operations").read_only(true).open_world(false));
    let describe = Tool::new(
        DESCRIBE,
        "An operation's description, its arguments (input_schema) and answer (output_schema), before calling it.",
        object(json!({
            "type": "object",
            "properties": {"name": {"type": "string", "description": "The operation's tool name, from search_operations"}},
            "required": ["name"],
            "additionalProperties": false,
        })),
    )
    .with_raw_output_schema(object(json!({
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "description": {"type": "string"},
            "method": {"type": "string"},
            "input_schema": {"type": "object"},
            "output_schema": {"type": "object"},
        },
        "required": ["name", "description", "input_schema", "output_schema"],
    })))
    .with_annotations(ToolAnnotations::with_title("Describe an operation").read_only(true).open_world(false));
    let call = Tool::new(
        CALL,
        "Call an operation with its arguments (as describe_operation gives them); the answer's data in `data`.",
        object(json!({
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "The operation's tool name"},
                "arguments": {"type": "object", "description": "Its arguments", "default": {}},
            },
            "required": ["name"],
            "additionalProperties": false,
        })),
    )
    .with_raw_output_schema(object(json!({"type": "object"})))
    .with_annotations(ToolAnnotations::with_title("Call an operation").open_world(true));
    vec![search, describe, call]
}

/// The words of `text`, lower case, a plural's `s` dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_ascii_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 => stem.to_string(),
                _ => w,
            }
        })
        .collect()
}

/// How well `word` matches one of `field`: 2 the same word, 1 one starting the other
/// (`repo`, `repository`), 0 not at all.
fn closeness(word: &str, field: &[String]) -> i64 {
    let prefix = |a: &str, b: &str| a.len() >= 4 && b.starts_with(a);
    field
        .iter()
        .map(|f| {
            if f == word {
                2
            } else {
                i64::from(prefix(f, word) || prefix(word, f))
            }
        })
        .max()
        .unwrap_or(0)
}

/// The score of `entry` for the query's `wanted` words: each word's best match, weighted by
/// where it is found (the tool's name 4, its summary 3, its path and operationId 2, its
/// description 1), less 3 for each word of the name the query does not have (so that
/// `pulls_list` comes before `pulls_list_review_comments`); `None` when nothing matches.
fn score(entry: &Entry, wanted: &[String]) -> Option<i64> {
    let operation = entry.operation;
    let name = words(&entry.name);
    let fields = [
        (&name, 4),
        (&words(operation.about), 3),
        (&words(operation.path), 2),
        (&words(operation.id), 2),
        (&words(operation.long_about.unwrap_or_default()), 1),
    ];
    let found: i64 = wanted
        .iter()
        .map(|word| {
            fields
                .iter()
                .map(|(field, weight)| weight * closeness(word, field))
                .max()
                .unwrap_or(0)
        })
        .sum();
    let extra = name.iter().filter(|n| closeness(n, wanted) == 0).count();
    (found > 0).then(|| found - 3 * i64::try_from(extra).unwrap_or(i64::MAX / 4))
}

/// The entries matching `query`'s words (of three letters or more), best first (ties: the
/// shorter name first), at most `limit`; the first `limit` without any word.
#[must_use]
pub fn search<'a>(entries: &'a [Entry], query: &str, limit: usize) -> Vec<&'a Entry> {
    let wanted: Vec<String> = words(query).into_iter().filter(|w| w.len() >= 3).collect();
    if wanted.is_empty() {
        return entries.iter().take(limit).collect();
    }
    let mut scored: Vec<(i64, &Entry)> = entries
        .iter()
        .filter_map(|entry| Some((score(entry, &wanted)?, entry)))
        .collect();
    // A stable sort: among equals, the shorter name, then the tree's order.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.len().cmp(&b.1.name.len())));
    scored.into_iter().take(limit).map(|(_, e)| e).collect()
}

/// What `describe_operation` gives of `entry`.
#[must_use]
pub fn describe(entry: &Entry) -> Value {
    json!({
        "name": entry.name,
        "description": tools::description(entry.operation),
        "method": entry.operation.method,
        "input_schema": schema::input(entry.operation),
        "output_schema": schema::output(entry.operation),
    })
}

/// Runs the dynamic tool `name` with `arguments` on `server`'s operations.
///
/// # Errors
/// A protocol error for a tool there is not; everything else is a result.
pub async fn call(
    server: &Server,
    name: &str,
    arguments: &Map<String, Value>,
) -> Result<CallToolResult, ErrorData> {
    let text = |key: &str| arguments.get(key).and_then(Value::as_str);
    let unknown = |operation: &str| {
        server.failed(Failure::Usage(format!(
            "no operation `{operation}`: find one with `{SEARCH}`"
        )))
    };
    match name {
        SEARCH => {
            let limit = arguments
                .get("limit")
                .and_then(Value::as_u64)
                .map_or(DEFAULT_LIMIT, |n| {
                    usize::try_from(n.clamp(1, 50)).unwrap_or(50)
                });
            let found: Vec<Value> =
                search(server.entries(), text("query").unwrap_or_default(), limit)
                    .into_iter()
                    .map(|e| json!({"name": e.name, "summary": e.operation.about}))
                    .collect();
            Ok(CallToolResult::structured(json!({"operations": found})))
        }
        DESCRIBE => {
            let operation = text("name").unwrap_or_default();
            Ok(server.entry(operation).map_or_else(
                || unknown(operation),
                |e| CallToolResult::structured(describe(e)),
            ))
        }
        CALL => {
            let operation = text("name").unwrap_or_default();
            let Some(entry) = server.entry(operation) else {
                return Ok(unknown(operation));
            };
            let empty = Map::new();
            let given = match arguments.get("arguments") {
                None | Some(Value::Null) => &empty,
                Some(Value::Object(given)) => given,
                Some(_) => {
                    return Ok(server.failed(Failure::Usage(
                        "`arguments` is an object of the operation's arguments".into(),
                    )))
                }
            };
            Ok(server.run(entry, given).await)
        }
        _ => Err(ErrorData::invalid_params(format!("no tool `{name}`"), None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::spec::{App, Group, Operation};

    const fn operation(name: &'static str, about: &'static str, path: &'static str) -> Operation {
        Operation {
            name,
            id: name,
            about,
            long_about: None,
            method: "GET",
            path,
            params: &[],
            body: None,
            paging: None,
            columns: &[],
        }
    }

    const APP: App = App {
        name: "demo",
        version: "1",
        about: "",
        default_base_url: "",
        token_env: "DEMO_TOKEN",
        config_env: "DEMO_CONFIG_DIR",
        groups: &[
            Group {
                name: "expenses",
                about: "",
                commands: &[
                    operation("list", "Get All Expenses", "/expenses"),
                    operation(
                        "categories",
                        "Get Expense Categories",
                        "/expenses/categories",
                    ),
                ],
            },
            Group {
                name: "timesheets",
                about: "",
                commands: &[operation(
                    "approve",
                    "Approve Timesheet",
                    "/timesheets/{id}/approve",
                )],
            },
        ],
    };

    #[test]
    fn a_search_ranks_by_the_words_found() {
        let entries = tools::all(&APP);
        let names = |query: &str| -> Vec<String> {
            search(&entries, query, 10)
                .into_iter()
                .map(|e| e.name.clone())
                .collect()
        };
        assert_eq!(names("approve timesheets"), ["timesheets_approve"]);
        assert_eq!(names("expense categories")[0], "expenses_categories");
        assert!(names("nothing like it").is_empty());
        assert_eq!(names("categories of expenses")[0], "expenses_categories");
        assert_eq!(names("list expenses")[0], "expenses_list");
        assert_eq!(search(&entries, "", 2).len(), 2);
    }

    #[test]
    fn the_three_tools_are_small_and_valid_objects() {
        let tools = tools();
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        assert_eq!(names, [SEARCH, DESCRIBE, CALL]);
        let size = serde_json::to_string(&tools).unwrap().len();
        assert!(size < 4_000, "{size} bytes");
        assert!(tools.iter().all(|t| t.input_schema["type"] == "object"));
    }

    #[test]
    fn a_description_has_both_schemas() {
        let entries = tools::all(&APP);
        let described = describe(&entries[0]);
        assert_eq!(described["name"], "expenses_list");
        assert_eq!(described["input_schema"]["type"], "object");
        assert_eq!(described["output_schema"]["required"], json!(["data"]));
    }
}
