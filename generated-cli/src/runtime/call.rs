// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! One HTTP call as the command line describes it: the operation's flags (or `webwork api`'s
//! arguments) turned into method, path, query, headers and body.

use std::io::Read;

use clap::ArgMatches;
use serde_json::{Map, Value};

use super::exit::Failure;
use super::spec::{BodyEncoding, Kind, Location, Operation, Param};
use super::values;

/// A request to send (or, with `--dry-run`, to print).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The spec's operationId, which the client's trace names (`None` for `api`).
    pub operation: Option<&'static str>,
    /// The HTTP method (`GET`).
    pub method: String,
    /// The path after the base URL, parameters filled in (not percent-encoded).
    pub path: String,
    /// Query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Extra request headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Option<Body>,
}

/// A request body, as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// JSON.
    Json(Value),
    /// `application/x-www-form-urlencoded`, nested members in brackets.
    Form(Value),
    /// Bytes as they are.
    Raw {
        /// The bytes.
        bytes: Vec<u8>,
        /// Their media type.
        media_type: String,
        /// Where they were read: a file, or `-` for standard input (for `--dry-run`).
        source: String,
    },
}

impl Call {
    /// The same call for page `page` of a list (the query's page number replaced).
    #[must_use]
    pub fn page(&self, parameter: &str, page: i64) -> Call {
        let mut call = self.clone();
        call.query.retain(|(name, _)| name != parameter);
        call.query.push((parameter.to_string(), page.to_string()));
        call
    }
}

/// The parts of a call as its parameters are placed: the path filled in, query pairs,
/// headers, cookies and the body's members. Shared by the command line's flags and the MCP
/// server's arguments.
struct Parts {
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    cookies: Vec<String>,
    fields: Map<String, Value>,
}

impl Parts {
    fn new(operation: &Operation) -> Parts {
        Parts {
            path: operation.path.to_string(),
            query: Vec::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            fields: Map::new(),
        }
    }

    /// Places the checked values `given` (one, or several of a repeated parameter) of `param`
    /// where the spec puts them.
    fn place(&mut self, param: &Param, given: &[&str]) {
        let Some(first) = given.first() else {
            return;
        };
        match param.location {
            Location::Path => {
                self.path = self.path.replace(&format!("{{{}}}", param.wire), first);
            }
            Location::Query => {
                self.query.extend(
                    given
                        .iter()
                        .map(|v| (param.wire.to_string(), (*v).to_string())),
                );
            }
            Location::JoinedQuery(separator) => {
                self.query
                    .push((param.wire.to_string(), given.join(separator)));
            }
            Location::Header => {
                self.headers.push((param.wire.to_string(), given.join(",")));
            }
            Location::Cookie => {
                self.cookies
                    .push(format!("{}={}", param.wire, given.join(",")));
            }
            Location::Body => {
                let value = if param.repeated {
                    Value::Array(
                        given
                            .iter()
                            .map(|v| values::to_json(param.kind, v))
                            .collect(),
                    )
                } else {
                    values::to_json(param.kind, first)
                };
                self.fields.insert(param.wire.to_string(), value);
            }
        }
    }

    /// The call, with `body` (the body file's, or the arguments', with the fields set over it).
    fn finish(
        mut self,
        operation: &Operation,
        read_body: impl FnOnce(BodyEncoding, Map<String, Value>) -> Result<Option<Body>, Failure>,
    ) -> Result<Call, Failure> {
        if !self.cookies.is_empty() {
            self.headers
                .push(("Cookie".to_string(), self.cookies.join("; ")));
        }
        let body = match operation.body.map(|body| body.encoding) {
            None => None,
            Some(encoding) => read_body(encoding, self.fields)?,
        };
        Ok(Call {
            operation: Some(operation.id),
            method: operation.method.to_string(),
            path: self.path,
            query: self.query,
            headers: self.headers,
            body,
        })
    }
}

/// The call of `operation` with the flags of `matches`.
///
/// # Errors
/// [`Failure::Usage`] when the body file cannot be read or is not JSON.
pub fn from_operation(operation: &Operation, matches: &ArgMatches) -> Result<Call, Failure> {
    let mut parts = Parts::new(operation);
    for param in operation.params {
        let Some(given) = matches.get_many::<String>(param.flag) else {
            continue;
        };
        let given: Vec<&str> = given.map(String::as_str).collect();
        parts.place(param, &given);
    }
    parts.finish(operation, |encoding, fields| match encoding {
        BodyEncoding::Json => Ok(merge(read_json(matches)?, fields)?.map(Body::Json)),
        BodyEncoding::Form => Ok(merge(read_json(matches)?, fields)?.map(Body::Form)),
        BodyEncoding::Raw(media_type) => read_raw(matches, media_type),
    })
}

/// The call of `operation` with the arguments of an MCP tool call: each parameter under its
/// [`Operation::argument_names`] name, as a JSON value (a list for a repeated one), checked as
/// its flag is; a body taken whole ([`Operation::whole_body`]) from `body` (a raw one as its
/// text).
///
/// # Errors
/// [`Failure::Usage`] naming the argument that is missing, unknown, or not of its type.
pub fn from_arguments(
    operation: &Operation,
    arguments: &Map<String, Value>,
) -> Result<Call, Failure> {
    let names = operation.argument_names();
    let whole_body = operation.whole_body();
    for key in arguments.keys() {
        let known = names.iter().any(|name| name == key)
            || (operation.paging.is_some() && (key == "all_pages" || key == "max_items"))
            || (whole_body && key == "body");
        if !known {
            return Err(Failure::Usage(format!(
                "`{}` takes no argument `{key}`",
                operation.id
            )));
        }
    }
    let body_required = operation.body.is_some_and(|body| body.required);
    let mut parts = Parts::new(operation);
    for (param, name) in operation.params.iter().zip(&names) {
        let given = match arguments.get(name) {
            None | Some(Value::Null) => {
                let needed = param.required && (param.location != Location::Body || body_required);
                if needed {
                    return Err(Failure::Usage(format!("the argument `{name}` is required")));
                }
                continue;
            }
            Some(Value::Array(items)) if param.repeated => items.iter().collect(),
            Some(value) => vec![value],
        };
        let texts = given
            .into_iter()
            .map(|value| argument_text(param, name, value))
            .collect::<Result<Vec<_>, _>>()?;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        parts.place(param, &texts);
    }
    parts.finish(operation, |encoding, fields| {
        let whole = arguments.get("body").filter(|body| !body.is_null());
        // A required body is sent, if empty, as the server will say what it lacks.
        let object = |body: Option<Value>| match body {
            None if body_required => Some(Value::Object(Map::new())),
            body => body,
        };
        Ok(match encoding {
            BodyEncoding::Json => object(merge(whole.cloned(), fields)?).map(Body::Json),
            BodyEncoding::Form => object(merge(whole.cloned(), fields)?).map(Body::Form),
            BodyEncoding::Raw(media_type) => whole.map(|body| Body::Raw {
                bytes: match body {
                    Value::String(text) => text.clone().into_bytes(),
                    other => other.to_string().into_bytes(),
                },
                media_type: media_type.to_string(),
                source: "the argument `body`".to_string(),
            }),
        })
    })
}

/// The text of one value of an argument, checked as the flag's value is.
fn argument_text(param: &Param, name: &str, value: &Value) -> Result<String, Failure> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        other => other.to_string(),
    };
    let checked = match param.kind {
        Kind::Text => Ok(text),
        Kind::Integer => values::integer(&text),
        Kind::Number => values::number(&text),
        Kind::Boolean if text == "true" || text == "false" => Ok(text),
        Kind::Boolean => Err(format!("`{text}` is not true or false")),
        Kind::Date => values::date(&text),
        Kind::DateTime => values::date_time(&text),
        Kind::Uuid => values::uuid(&text),
        Kind::Enum(names) if names.contains(&text.as_str()) => Ok(text),
        Kind::Enum(names) => Err(format!("`{text}` is not one of {}", names.join(", "))),
        Kind::Json => values::json(&text),
    };
    checked.map_err(|message| Failure::Usage(format!("the argument `{name}`: {message}")))
}

/// The call of `api METHOD PATH [-F key=value]... [--query key=value]... [--body FILE]`.
///
/// # Errors
/// [`Failure::Usage`] when the body file cannot be read or is not JSON.
pub fn from_api(matches: &ArgMatches) -> Result<Call, Failure> {
    let pairs = |name: &str| -> Vec<(String, String)> {
        matches
            .get_many::<(String, String)>(name)
            .map(|pairs| pairs.cloned().collect())
            .unwrap_or_default()
    };
    let fields: Map<String, Value> = pairs("field")
        .into_iter()
        .map(|(key, value)| (key, values::loose_json(&value)))
        .collect();
    Ok(Call {
        operation: None,
        method: matches
            .get_one::<String>("method")
            .cloned()
            .unwrap_or_default(),
        path: matches
            .get_one::<String>("path")
            .cloned()
            .unwrap_or_default(),
        query: pairs("query"),
        headers: Vec::new(),
        body: merge(read_json(matches)?, fields)?.map(Body::Json),
    })
}

/// The bytes of `--body FILE` or `--body -` (standard input), when given, and where from.
fn read_bytes(matches: &ArgMatches) -> Result<Option<(Vec<u8>, &String)>, Failure> {
    let Some(source) = matches.get_one::<String>("body") else {
        return Ok(None);
    };
    let bytes = if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|error| {
            Failure::Usage(format!("cannot read the body from standard input: {error}"))
        })?;
        bytes
    } else {
        std::fs::read(source).map_err(|error| {
            Failure::Usage(format!("cannot read the body file {source}: {error}"))
        })?
    };
    Ok(Some((bytes, source)))
}

/// The JSON of `--body FILE` or `--body -`, when given.
fn read_json(matches: &ArgMatches) -> Result<Option<Value>, Failure> {
    let Some((bytes, source)) = read_bytes(matches)? else {
        return Ok(None);
    };
    let where_from = if source == "-" {
        "standard input"
    } else {
        source.as_str()
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|error| Failure::Usage(format!("the body in {where_from} is not JSON: {error}")))
}

/// The bytes of `--body FILE` or `--body -` as a body of `media_type`, when given.
fn read_raw(matches: &ArgMatches, media_type: &str) -> Result<Option<Body>, Failure> {
    Ok(read_bytes(matches)?.map(|(bytes, source)| Body::Raw {
        bytes,
        media_type: media_type.to_string(),
        source: source.clone(),
    }))
}

/// The body: the file's JSON with the flags' members set over it.
fn merge(file: Option<Value>, fields: Map<String, Value>) -> Result<Option<Value>, Failure> {
    match (file, fields.is_empty()) {
        (file, true) => Ok(file),
        (None, false) => Ok(Some(Value::Object(fields))),
        (Some(Value::Object(mut object)), false) => {
            object.extend(fields);
            Ok(Some(Value::Object(object)))
        }
        (Some(_), false) => Err(Failure::Usage(
            "property flags need the --body to be a JSON object".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::command;
    use crate::runtime::spec::{BodyInput, Kind, Param};

    const UPDATE: Operation = Operation {
        name: "update",
        id: "updateExpense",
        about: "Update an expense",
        long_about: None,
        method: "PUT",
        path: "/expenses/{expenseId}",
        params: &[
            Param {
                flag: "expense-id",
                wire: "expenseId",
                location: Location::Path,
                kind: Kind::Integer,
                required: true,
                repeated: false,
                help: "",
            },
            Param {
                flag: "amount",
                wire: "amount",
                location: Location::Body,
                kind: Kind::Number,
                required: false,
                repeated: false,
                help: "",
            },
            Param {
                flag: "tag",
                wire: "tags",
                location: Location::Body,
                kind: Kind::Text,
                required: false,
                repeated: true,
                help: "",
            },
        ],
        body: Some(BodyInput {
            required: false,
            encoding: BodyEncoding::Json,
        }),
        paging: None,
        columns: &[],
    };

    fn call(args: &[&str]) -> Call {
        let matches = command::operation_command(&UPDATE)
            .try_get_matches_from(args)
            .unwrap();
        from_operation(&UPDATE, &matches).unwrap()
    }

    #[test]
    fn flags_fill_the_path_and_the_body() {
        let call = call(&[
            "update",
            "--expense-id",
            "7",
            "--amount",
            "12.5",
            "--tag",
            "a",
            "--tag",
            "b",
        ]);
        assert_eq!(call.method, "PUT");
        assert_eq!(call.path, "/expenses/7");
        assert_eq!(
            call.body,
            Some(Body::Json(
                serde_json::json!({"amount": 12.5, "tags": ["a", "b"]})
            ))
        );
    }

    #[test]
    fn a_body_file_is_read_and_flags_override_its_members() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("body.json");
        std::fs::write(&file, r#"{"amount": 1, "note": "x"}"#).unwrap();
        let file = file.to_str().unwrap();
        let call = call(&[
            "update",
            "--expense-id",
            "7",
            "--body",
            file,
            "--amount",
            "2",
        ]);
        assert_eq!(
            call.body,
            Some(Body::Json(serde_json::json!({"amount": 2, "note": "x"})))
        );
    }

    const UPLOAD: Operation = Operation {
        name: "upload",
        id: "uploadLogo",
        about: "Upload a logo",
        long_about: None,
        method: "PUT",
        path: "/logo",
        params: &[
            Param {
                flag: "ids",
                wire: "ids",
                location: Location::JoinedQuery("|"),
                kind: Kind::Integer,
                required: false,
                repeated: true,
                help: "",
            },
            Param {
                flag: "session",
                wire: "session",
                location: Location::Cookie,
                kind: Kind::Text,
                required: false,
                repeated: false,
                help: "",
            },
            Param {
                flag: "theme",
                wire: "theme",
                location: Location::Cookie,
                kind: Kind::Text,
                required: false,
                repeated: false,
                help: "",
            },
        ],
        body: Some(BodyInput {
            required: true,
            encoding: BodyEncoding::Raw("image/png"),
        }),
        paging: None,
        columns: &[],
    };

    #[test]
    fn joined_lists_cookies_and_raw_bodies_are_written_as_the_spec_says() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("logo.png");
        std::fs::write(&file, [0x89, b'P', b'N', b'G', 0xff]).unwrap();
        let file = file.to_str().unwrap();
        let args = [
            "upload",
            "--ids",
            "1",
            "--ids",
            "2",
            "--session",
            "s1",
            "--theme",
            "dark",
            "--body",
            file,
        ];
        let matches = command::operation_command(&UPLOAD)
            .try_get_matches_from(args)
            .unwrap();
        let call = from_operation(&UPLOAD, &matches).unwrap();
        assert_eq!(call.query, [("ids".to_string(), "1|2".to_string())]);
        assert_eq!(
            call.headers,
            [("Cookie".to_string(), "session=s1; theme=dark".to_string())]
        );
        assert_eq!(
            call.body,
            Some(Body::Raw {
                bytes: vec![0x89, b'P', b'N', b'G', 0xff],
                media_type: "image/png".into(),
                source: file.into(),
            })
        );
    }

    #[test]
    fn a_form_body_takes_its_members_from_flags() {
        let form = Operation {
            body: Some(BodyInput {
                required: false,
                encoding: BodyEncoding::Form,
            }),
            ..UPDATE
        };
        let matches = command::operation_command(&form)
            .try_get_matches_from(["update", "--expense-id", "7", "--amount", "3"])
            .unwrap();
        let call = from_operation(&form, &matches).unwrap();
        assert_eq!(
            call.body,
            Some(Body::Form(serde_json::json!({"amount": 3})))
        );
    }

    #[test]
    fn tool_arguments_make_the_same_call_as_flags() {
        let arguments = serde_json::json!({"expenseId": 7, "amount": 12.5, "tags": ["a", "b"]});
        let from_tool = from_arguments(&UPDATE, arguments.as_object().unwrap()).unwrap();
        assert_eq!(
            from_tool,
            call(&[
                "update",
                "--expense-id",
                "7",
                "--amount",
                "12.5",
                "--tag",
                "a",
                "--tag",
                "b"
            ])
        );
        let refused = |arguments: serde_json::Value| match from_arguments(
            &UPDATE,
            arguments.as_object().unwrap(),
        ) {
            Err(Failure::Usage(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(refused(serde_json::json!({"amount": 1})).contains("`expenseId` is required"));
        assert!(refused(serde_json::json!({"expenseId": "x"})).contains("not a whole number"));
        assert!(refused(serde_json::json!({"expenseId": 1, "nope": 1})).contains("`nope`"));
    }

    #[test]
    fn a_body_without_properties_is_taken_whole() {
        let bulk = Operation {
            params: &[],
            body: Some(BodyInput {
                required: true,
                encoding: BodyEncoding::Json,
            }),
            ..UPDATE
        };
        assert!(bulk.whole_body() && !UPDATE.whole_body() && UPLOAD.whole_body());
        let arguments = serde_json::json!({"body": [1, 2]});
        let call = from_arguments(&bulk, arguments.as_object().unwrap()).unwrap();
        assert_eq!(call.body, Some(Body::Json(serde_json::json!([1, 2]))));
        let empty = from_arguments(&bulk, &Map::new()).unwrap();
        assert_eq!(empty.body, Some(Body::Json(serde_json::json!({}))));
        let arguments = serde_json::json!({"body": "PNG"});
        let upload = from_arguments(&UPLOAD, arguments.as_object().unwrap()).unwrap();
        assert_eq!(
            upload.body,
            Some(Body::Raw {
                bytes: b"PNG".to_vec(),
                media_type: "image/png".into(),
                source: "the argument `body`".into(),
            })
        );
    }

    #[test]
    fn a_page_replaces_the_page_number() {
        let call = Call {
            operation: None,
            method: "GET".into(),
            path: "/x".into(),
            query: vec![("page".into(), "1".into()), ("a".into(), "b".into())],
            headers: Vec::new(),
            body: None,
        };
        assert_eq!(
            call.page("page", 3).query,
            [
                ("a".to_string(), "b".to_string()),
                ("page".into(), "3".into())
            ]
        );
    }
}
