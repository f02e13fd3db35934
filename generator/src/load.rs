//! Stage 1: the spec file becomes an `openapiv3::OpenAPI`, or a located error.

use std::path::Path;

use std::borrow::Cow;

use openapiv3::OpenAPI;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location, Pointer};

mod callbacks;
mod v31;

pub use v31::{Origins, PATH_ITEMS_EXTENSION, WEBHOOKS_EXTENSION};

/// A parsed spec: the openapiv3 document, and for a 3.1 spec the 3.0 document it was rewritten
/// into, with where its moved parts were written.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document as openapiv3 reads it.
    pub openapi: OpenAPI,
    /// Places of the 3.1 document that the rewrite moved: [`Origins::restore`] locates an
    /// error of a later stage in the file as written. Empty for a 3.0 spec.
    pub origins: Origins,
    /// The rewritten (3.0) document of a 3.1 spec; `None` for a 3.0 spec, which is read as
    /// written.
    pub rewritten: Option<serde_yaml::Value>,
}

/// Reads and parses the spec at `path`.
pub fn load(path: &Path) -> Result<OpenAPI, Diagnostic> {
    load_document(path).map(|document| document.openapi)
}

/// Reads and parses the spec at `path`, OpenAPI 3.0 or 3.1.
pub fn load_document(path: &Path) -> Result<Document, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Diagnostic::file(path, format!("cannot read the spec: {error}")))?;
    parse_document(path, &text)
}

/// Parses spec text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<OpenAPI, Diagnostic> {
    parse_document(path, text).map(|document| document.openapi)
}

/// Parses spec text, OpenAPI 3.0 or 3.1 (rewritten into 3.0 by the [`v31`] front end);
/// `path` is only used in messages.
pub fn parse_document(path: &Path, text: &str) -> Result<Document, Diagnostic> {
    let mut yaml = read_yaml(path, text)?;
    callbacks::inline_references(&mut yaml);
    if check_version(path, &yaml)? == Version::V30 {
        // The YAML tree is deserialized directly; numeric keys (`200:`) read as status codes.
        // Tracking the path costs an allocation per key of the document, so it is only done to
        // say where a spec that failed is wrong: the text is read again for that (the tree is
        // consumed), which gives the same tree and the same first error, in document order.
        let openapi = check_and_deserialize_in_parts(path, yaml).or_else(|()| {
            let mut again = read_yaml(path, text)?;
            callbacks::inline_references(&mut again);
            check_schema_shapes(path, &again, &At::Root, 0)?;
            located_error(path, again)
        })?;
        return Ok(Document {
            openapi,
            origins: Origins::default(),
            rewritten: None,
        });
    }
    let (yaml, origins) = v31::downgrade(path, yaml)?;
    check_schema_shapes(path, &yaml, &At::Root, 0).map_err(|error| origins.restore(error))?;
    let openapi = OpenAPI::deserialize(yaml.clone())
        .or_else(|_| located_error(path, yaml.clone()))
        .map_err(|error| origins.restore(error))?;
    Ok(Document {
        openapi,
        origins,
        rewritten: Some(yaml),
    })
}

/// The schema shape check, then `OpenAPI::deserialize(yaml)`, with the two largest parts
/// (`paths` and `components.schemas`) checked and deserialized on threads of their own: a large
/// description's are hundreds of milliseconds each, on the single-threaded part of a run. Each
/// part is checked before it is deserialized, as the whole document was. Same result; on any
/// error (`Err(())`) the caller reads the text again for the first error, located.
fn check_and_deserialize_in_parts(path: &Path, mut yaml: serde_yaml::Value) -> Result<OpenAPI, ()> {
    use openapiv3::{Paths, ReferenceOr, Schema};
    type Schemas = indexmap::IndexMap<String, ReferenceOr<Schema>>;

    let paths = take_mapping(&mut yaml, &["paths"]);
    let schemas = take_mapping(&mut yaml, &["components", "schemas"]);
    std::thread::scope(|scope| {
        let paths = paths.map(|paths| {
            scope.spawn(move || {
                let at = At::Key(&At::Root, "paths");
                check_schema_shapes(path, &paths, &at, 1).map_err(drop)?;
                Paths::deserialize(paths).map_err(drop)
            })
        });
        let schemas = schemas.map(|schemas| {
            scope.spawn(move || {
                let at = At::Key(&At::Key(&At::Root, "components"), "schemas");
                check_component_schemas(path, &schemas, &at).map_err(drop)?;
                Schemas::deserialize(schemas).map_err(drop)
            })
        });
        check_schema_shapes(path, &yaml, &At::Root, 0).map_err(drop)?;
        let mut openapi = OpenAPI::deserialize(yaml).map_err(drop)?;
        if let Some(paths) = paths {
            openapi.paths = paths.join().unwrap_or_else(rethrow)?;
        }
        if let Some(schemas) = schemas {
            if let Some(components) = openapi.components.as_mut() {
                components.schemas = schemas.join().unwrap_or_else(rethrow)?;
            }
        }
        Ok(openapi)
    })
}

/// A panic of a deserializing thread, carried on in the caller as if it had deserialized.
fn rethrow<T>(panic: Box<dyn std::any::Any + Send>) -> T {
    std::panic::resume_unwind(panic)
}

/// Takes the mapping at `path` out of `yaml`, leaving an empty one in its place.
fn take_mapping(yaml: &mut serde_yaml::Value, path: &[&str]) -> Option<serde_yaml::Value> {
    let mut node = yaml;
    for key in path {
        node = node.get_mut(*key)?;
    }
    node.is_mapping()
        .then(|| std::mem::replace(node, serde_yaml::Value::Mapping(serde_yaml::Mapping::new())))
}

/// The YAML tree of `text`, or where it is not YAML.
///
/// A JSON document (most large descriptions are JSON) is read by the JSON parser into the
/// same tree, several times faster than the YAML reader, which reads it as YAML only when the
/// JSON parser gives up, for the same tree or the same located error.
fn read_yaml(path: &Path, text: &str) -> Result<serde_yaml::Value, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::file(path, "the spec is empty"));
    }
    if text.trim_start().starts_with('{') {
        if let Ok(tree) = serde_json::from_str(text) {
            return Ok(tree);
        }
    }
    serde_yaml::from_str(text).map_err(|error| {
        let location = error
            .location()
            .map_or(Location::File, |at| Location::LineColumn {
                line: at.line(),
                column: at.column(),
            });
        Diagnostic {
            file: path.to_path_buf(),
            location,
            message: format!("invalid YAML: {error}"),
        }
    })
}

/// Deserializes `yaml` again, tracking the path, for the located error of a spec that failed.
fn located_error(path: &Path, yaml: serde_yaml::Value) -> Result<OpenAPI, Diagnostic> {
    serde_path_to_error::deserialize(yaml).map_err(|error| {
        let mut pointer = Pointer::root();
        for segment in error.path().iter() {
            pointer = match segment {
                serde_path_to_error::Segment::Seq { index } => pointer.join(index),
                serde_path_to_error::Segment::Map { key } => pointer.join(key),
                serde_path_to_error::Segment::Enum { variant } => pointer.join(variant),
                serde_path_to_error::Segment::Unknown => pointer,
            };
        }
        Diagnostic::at(
            path,
            &pointer,
            format!("not valid OpenAPI 3.0: {}", error.inner()),
        )
    })
}

/// The OpenAPI versions the generator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V30,
    V31,
}

/// Accepts OpenAPI 3.0.x and 3.1.x, with a clear word for Swagger 2.0 and the rest.
fn check_version(path: &Path, yaml: &serde_yaml::Value) -> Result<Version, Diagnostic> {
    let root = Pointer::root();
    let Some(object) = yaml.as_mapping() else {
        return Err(Diagnostic::at(
            path,
            &root,
            "the spec is not a YAML mapping",
        ));
    };
    if object.contains_key("swagger") {
        return Err(Diagnostic::at(
            path,
            &root.join("swagger"),
            "Swagger 2.0 is not supported; convert the spec to OpenAPI 3.0",
        ));
    }
    match object.get("openapi").and_then(|v| v.as_str()) {
        Some(version) if version.starts_with("3.0") => Ok(Version::V30),
        Some(version) if v31::reads(version) => Ok(Version::V31),
        Some(version) => Err(Diagnostic::at(
            path,
            &root.join("openapi"),
            format!("OpenAPI {version} is not supported; only 3.0.x and 3.1.x are"),
        )),
        None => Err(Diagnostic::at(
            path,
            &root,
            "missing `openapi: 3.0.x` or `3.1.x`; is this an OpenAPI document?",
        )),
    }
}

/// How deeply the document may nest before it is refused.
const MAX_NESTING: usize = 200;

/// Where the shape check is in the document: a chain of segments on the stack, made into a
/// [`Pointer`] only for an error. The check visits every node of the document, and joining a
/// `Pointer` at each one cost an allocation per node.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    fn pointer(&self) -> Pointer {
        match self {
            At::Root => Pointer::root(),
            At::Key(parent, key) => parent.pointer().join(key),
            At::Index(parent, index) => parent.pointer().join(index),
        }
    }
}

/// Checks that every schema in the document has keywords of the right JSON types, before
/// openapiv3 reads it. openapiv3 reads schemas through untagged enums, which retry a failing
/// subtree once per alternative at every level: a wrong type deep inside a nested schema
/// costs time exponential in the depth. Caught here, it is a located error at once.
fn check_schema_shapes(
    path: &Path,
    value: &serde_yaml::Value,
    at: &At<'_>,
    depth: usize,
) -> Result<(), Diagnostic> {
    if depth > MAX_NESTING {
        return Err(Diagnostic::at(
            path,
            &at.pointer(),
            format!("the document nests deeper than {MAX_NESTING} levels"),
        ));
    }
    match value {
        serde_yaml::Value::Mapping(map) => {
            for (key, child) in map {
                let key_text = key_text_of(key);
                // Example data and extensions are free-form: a member named `schema` there is
                // data, not a schema.
                if matches!(
                    key_text.as_ref(),
                    "example" | "examples" | "default" | "enum"
                ) || key_text.starts_with("x-")
                {
                    continue;
                }
                let child_at = At::Key(at, &key_text);
                let is_schema_map =
                    key_text == "schemas" && matches!(at, At::Key(At::Root, "components"));
                if key_text == "schema" {
                    check_schema(path, child, &child_at, depth + 1)?;
                    check_schema_shapes(path, child, &child_at, depth + 1)?;
                } else if is_schema_map {
                    check_component_schemas(path, child, &child_at)?;
                } else {
                    check_schema_shapes(path, child, &child_at, depth + 1)?;
                }
            }
            Ok(())
        }
        serde_yaml::Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                check_schema_shapes(path, item, &At::Index(at, i), depth + 1)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// [`check_schema_shapes`] of `components.schemas` (at `at`): each member is a schema.
fn check_component_schemas(
    path: &Path,
    schemas: &serde_yaml::Value,
    at: &At<'_>,
) -> Result<(), Diagnostic> {
    if let serde_yaml::Value::Mapping(members) = schemas {
        for (name, schema) in members {
            let name = key_text_of(name);
            check_schema(path, schema, &At::Key(at, &name), 3)?;
        }
    }
    check_schema_shapes(path, schemas, at, 2)
}

/// A mapping key as text. Status codes (`200:`) are number keys, one per response of the spec,
/// so numbers and booleans are written directly rather than through the YAML emitter.
fn key_text_of(key: &serde_yaml::Value) -> Cow<'_, str> {
    match key {
        serde_yaml::Value::String(s) => Cow::Borrowed(s),
        serde_yaml::Value::Number(number) => Cow::Owned(number.to_string()),
        serde_yaml::Value::Bool(flag) => Cow::Owned(flag.to_string()),
        other => Cow::Owned(
            serde_yaml::to_string(other)
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        ),
    }
}

/// Keywords, the test their JSON value must pass, and how to say what they take.
type KeywordRule = (
    &'static [&'static str],
    fn(&serde_yaml::Value) -> bool,
    &'static str,
);

/// The scalar keywords of a schema: which there are, what JSON they take, and how to say it.
const SCALAR_RULES: [KeywordRule; 4] = [
    (
        &["type", "format", "pattern", "title", "description"],
        serde_yaml::Value::is_string,
        "a string",
    ),
    (
        &[
            "nullable",
            "readOnly",
            "writeOnly",
            "deprecated",
            "uniqueItems",
            "exclusiveMinimum",
            "exclusiveMaximum",
        ],
        serde_yaml::Value::is_bool,
        "true or false",
    ),
    (
        &["minimum", "maximum", "multipleOf"],
        serde_yaml::Value::is_number,
        "a number",
    ),
    (
        &[
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
        ],
        serde_yaml::Value::is_u64,
        "a non-negative integer",
    ),
];

/// One schema's mapping, where it is, and how to report a keyword of it.
struct SchemaAt<'a> {
    path: &'a Path,
    map: &'a serde_yaml::Mapping,
    keywords: Keywords<'a>,
    at: &'a At<'a>,
    depth: usize,
}

/// The keywords of one schema that the check reads, found in one pass over the schema's keys.
/// A schema has a few keys, and looking up each of the thirty-odd keywords in every schema was
/// most of the check's time.
#[derive(Default)]
struct Keywords<'a> {
    reference: Option<&'a serde_yaml::Value>,
    type_name: Option<&'a serde_yaml::Value>,
    required: Option<&'a serde_yaml::Value>,
    values: Option<&'a serde_yaml::Value>,
    properties: Option<&'a serde_yaml::Value>,
    items: Option<&'a serde_yaml::Value>,
    not: Option<&'a serde_yaml::Value>,
    additional_properties: Option<&'a serde_yaml::Value>,
    all_of: Option<&'a serde_yaml::Value>,
    one_of: Option<&'a serde_yaml::Value>,
    any_of: Option<&'a serde_yaml::Value>,
    /// Whether a scalar keyword has a value of the wrong JSON type ([`SCALAR_RULES`] say
    /// which, in their order).
    wrong_scalar: bool,
}

impl<'a> Keywords<'a> {
    fn of(map: &'a serde_yaml::Mapping) -> Self {
        let mut keywords = Keywords::default();
        for (key, value) in map {
            let Some(key) = key.as_str() else {
                continue;
            };
            let slot = match key {
                "$ref" => &mut keywords.reference,
                "required" => &mut keywords.required,
                "enum" => &mut keywords.values,
                "properties" => &mut keywords.properties,
                "items" => &mut keywords.items,
                "not" => &mut keywords.not,
                "additionalProperties" => &mut keywords.additional_properties,
                "allOf" => &mut keywords.all_of,
                "oneOf" => &mut keywords.one_of,
                "anyOf" => &mut keywords.any_of,
                _ => {
                    if key == "type" {
                        keywords.type_name = Some(value);
                    }
                    let rule = SCALAR_RULES.iter().find(|(keys, ..)| keys.contains(&key));
                    keywords.wrong_scalar |= rule.is_some_and(|(_, fits, _)| !fits(value));
                    continue;
                }
            };
            *slot = Some(value);
        }
        keywords
    }
}

impl SchemaAt<'_> {
    /// "`key` must be `expected`", located at the keyword.
    fn wrong(&self, key: &str, expected: &str) -> Diagnostic {
        Diagnostic::at(
            self.path,
            &self.at.pointer().join(key),
            format!("`{key}` must be {expected}"),
        )
    }

    /// The keywords whose values are not schemas: scalars, `required`, `enum`.
    fn check_keywords(&self) -> Result<(), Diagnostic> {
        use serde_yaml::Value;
        if self.keywords.wrong_scalar {
            for (keys, fits, expected) in SCALAR_RULES {
                if let Some(key) = keys
                    .iter()
                    .find(|key| self.map.get(key).is_some_and(|v| !fits(v)))
                {
                    return Err(self.wrong(key, expected));
                }
            }
        }
        if self.keywords.required.is_some_and(|v| {
            !v.as_sequence()
                .is_some_and(|s| s.iter().all(Value::is_string))
        }) {
            return Err(self.wrong("required", "a list of property names"));
        }
        self.check_enum()
    }

    /// `enum`: a list of values of the schema's type (or null).
    fn check_enum(&self) -> Result<(), Diagnostic> {
        use serde_yaml::Value;
        let Some(values) = self.keywords.values else {
            return Ok(());
        };
        let Some(values) = values.as_sequence() else {
            return Err(self.wrong("enum", "a list"));
        };
        let fits = |v: &Value| match self.keywords.type_name.and_then(Value::as_str) {
            _ if v.is_null() => true,
            Some("string") => v.is_string(),
            Some("integer") => v.is_i64() || v.is_u64(),
            Some("number") => v.is_number(),
            Some("boolean") => v.is_bool(),
            _ => true,
        };
        if values.iter().all(fits) {
            Ok(())
        } else {
            Err(self.wrong("enum", "a list of values of the schema's type"))
        }
    }

    /// The schemas nested in this one: properties, items, `not`, additional properties and
    /// the members of `allOf`, `oneOf`, `anyOf`.
    fn check_nested(&self) -> Result<(), Diagnostic> {
        let (path, at, depth) = (self.path, self.at, self.depth);
        if let Some(properties) = self.keywords.properties {
            let Some(properties) = properties.as_mapping() else {
                return Err(self.wrong("properties", "a mapping of schemas"));
            };
            let properties_at = At::Key(at, "properties");
            for (name, property) in properties {
                let name = key_text_of(name);
                check_schema(path, property, &At::Key(&properties_at, &name), depth + 2)?;
            }
        }
        for (key, inner) in [("items", self.keywords.items), ("not", self.keywords.not)] {
            if let Some(inner) = inner {
                check_schema(path, inner, &At::Key(at, key), depth + 1)?;
            }
        }
        if let Some(extra) = self.keywords.additional_properties {
            if !extra.is_bool() {
                check_schema(path, extra, &At::Key(at, "additionalProperties"), depth + 1)?;
            }
        }
        let compositions = [
            ("allOf", self.keywords.all_of),
            ("oneOf", self.keywords.one_of),
            ("anyOf", self.keywords.any_of),
        ];
        for (key, members) in compositions {
            if let Some(members) = members {
                let Some(members) = members.as_sequence() else {
                    return Err(self.wrong(key, "a list of schemas"));
                };
                let members_at = At::Key(at, key);
                for (i, member) in members.iter().enumerate() {
                    check_schema(path, member, &At::Index(&members_at, i), depth + 2)?;
                }
            }
        }
        Ok(())
    }
}

/// Checks one schema (or `$ref`) and the schemas nested in it.
fn check_schema(
    path: &Path,
    schema: &serde_yaml::Value,
    at: &At<'_>,
    depth: usize,
) -> Result<(), Diagnostic> {
    if depth > MAX_NESTING {
        return Err(Diagnostic::at(
            path,
            &at.pointer(),
            format!("the document nests deeper than {MAX_NESTING} levels"),
        ));
    }
    let serde_yaml::Value::Mapping(map) = schema else {
        return Err(Diagnostic::at(
            path,
            &at.pointer(),
            "a schema must be a mapping",
        ));
    };
    let schema = SchemaAt {
        path,
        map,
        keywords: Keywords::of(map),
        at,
        depth,
    };
    if let Some(reference) = schema.keywords.reference {
        return if reference.is_string() {
            Ok(())
        } else {
            Err(schema.wrong("$ref", "a string"))
        };
    }
    schema.check_keywords()?;
    schema.check_nested()
}

#[cfg(test)]
mod tests {
    use super::key_text_of;
    use serde_yaml::Value;

    #[test]
    fn keys_read_as_the_text_the_spec_wrote() -> Result<(), serde_yaml::Error> {
        let mapping: serde_yaml::Mapping =
            serde_yaml::from_str("200: a\n4XX: b\ntrue: c\n1.5: d\nname: e\n~: f\n")?;
        let keys: Vec<String> = mapping
            .keys()
            .map(|k| key_text_of(k).into_owned())
            .collect();
        assert_eq!(keys, ["200", "4XX", "true", "1.5", "name", "null"]);
        assert_eq!(key_text_of(&Value::from(-7)), "-7");
        Ok(())
    }

    #[test]
    fn json_is_read_into_the_tree_yaml_gives() -> Result<(), String> {
        let path = std::path::Path::new("api.json");
        let text = r#"{"openapi": "3.0.3", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}, "n": [1, -2, 1.5, true, null, "x"]}"#;
        let json = super::read_yaml(path, text).map_err(|e| e.to_string())?;
        let yaml: Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        assert_eq!(json, yaml);
        // Not JSON after all (a trailing YAML comment): read as YAML.
        let commented = format!("{text} # a comment");
        let read = super::read_yaml(path, &commented).map_err(|e| e.to_string())?;
        assert_eq!(read, yaml);
        Ok(())
    }
}
