//! What the model does not carry, read from the spec document (as JSON): constraints, defaults,
//! formats and deprecation of schemas and parameters, status codes, response headers, security
//! and its schemes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

/// The JSON at a pointer (`#/components/schemas/Expense`), following local `$ref`s.
pub fn at<'v>(raw: &'v Value, pointer: &str) -> Option<&'v Value> {
    resolve(
        raw,
        raw.pointer(pointer.strip_prefix('#').unwrap_or(pointer))?,
    )
}

/// `value`, or what its local `$ref` points to.
pub fn resolve<'v>(raw: &'v Value, mut value: &'v Value) -> Option<&'v Value> {
    for _ in 0..32 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => value = raw.pointer(reference.strip_prefix('#')?)?,
            None => return Some(value),
        }
    }
    None
}

/// Whether `value` is a `$ref`.
pub fn is_ref(value: &Value) -> bool {
    value.get("$ref").is_some()
}

/// What the model leaves out of a schema (or a parameter's): format, default, deprecation and
/// constraints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SchemaDetails {
    /// `format`, or `x-date-format`.
    pub format: Option<String>,
    /// `default`.
    pub default: Option<Value>,
    /// `deprecated`.
    pub deprecated: bool,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: bool,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: bool,
    /// `minLength`.
    pub min_length: Option<f64>,
    /// `maxLength`.
    pub max_length: Option<f64>,
    /// `minItems`.
    pub min_items: Option<f64>,
    /// `maxItems`.
    pub max_items: Option<f64>,
    /// `pattern`.
    pub pattern: Option<String>,
}

impl SchemaDetails {
    /// The details of `schema`.
    pub fn of(schema: &Value) -> SchemaDetails {
        let number = |key: &str| schema.get(key).and_then(Value::as_f64);
        let text = |key: &str| schema.get(key).and_then(Value::as_str).map(str::to_string);
        let flag = |key: &str| schema.get(key).and_then(Value::as_bool).unwrap_or(false);
        SchemaDetails {
            format: text("format").or_else(|| text("x-date-format")),
            default: schema.get("default").cloned(),
            deprecated: flag("deprecated"),
            minimum: number("minimum"),
            maximum: number("maximum"),
            exclusive_minimum: flag("exclusiveMinimum"),
            exclusive_maximum: flag("exclusiveMaximum"),
            min_length: number("minLength"),
            max_length: number("maxLength"),
            min_items: number("minItems"),
            max_items: number("maxItems"),
            pattern: text("pattern"),
        }
    }

    /// The constraints in words (`minimum 1, maxLength 255`).
    pub fn constraints(&self) -> String {
        let mut words = Vec::new();
        let mut num = |name: &str, value: Option<f64>| {
            if let Some(value) = value {
                words.push(format!("{name} {value}"));
            }
        };
        num("minimum", self.minimum);
        num("maximum", self.maximum);
        num("minLength", self.min_length);
        num("maxLength", self.max_length);
        num("minItems", self.min_items);
        num("maxItems", self.max_items);
        if self.exclusive_minimum {
            words.push("exclusiveMinimum".into());
        }
        if self.exclusive_maximum {
            words.push("exclusiveMaximum".into());
        }
        if let Some(pattern) = &self.pattern {
            words.push(format!("pattern `{pattern}`"));
        }
        if words.is_empty() {
            "none".to_string()
        } else {
            words.join(", ")
        }
    }

    /// What two details' constraints are compared by.
    fn constraint_key(&self) -> String {
        self.constraints()
    }

    /// Whether some value valid under `old` is not under `self`.
    pub fn tightens(&self, old: &SchemaDetails) -> bool {
        let lower = |new: Option<f64>, old: Option<f64>| match (new, old) {
            (Some(n), Some(o)) => n > o,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let upper = |new: Option<f64>, old: Option<f64>| match (new, old) {
            (Some(n), Some(o)) => n < o,
            (Some(_), None) => true,
            (None, _) => false,
        };
        lower(self.minimum, old.minimum)
            || upper(self.maximum, old.maximum)
            || lower(self.min_length, old.min_length)
            || upper(self.max_length, old.max_length)
            || lower(self.min_items, old.min_items)
            || upper(self.max_items, old.max_items)
            || (self.exclusive_minimum && !old.exclusive_minimum)
            || (self.exclusive_maximum && !old.exclusive_maximum)
            || (self.pattern.is_some() && self.pattern != old.pattern)
    }
}

/// What changed between two schemas' details.
#[derive(Debug, Clone, PartialEq)]
pub enum DetailChange {
    /// The default, old and new.
    Default(Option<Value>, Option<Value>),
    /// The constraints in words, old and new; `tightened` when some old value no longer passes.
    Constraints {
        old: String,
        new: String,
        tightened: bool,
    },
    /// The format, old and new.
    Format(Option<String>, Option<String>),
    /// Newly marked deprecated.
    Deprecated,
}

/// The changes from `old` to `new`. `format` only counts when `compare_format` (the model
/// already reports formats that change the Rust type).
pub fn detail_changes(
    old: &SchemaDetails,
    new: &SchemaDetails,
    compare_format: bool,
) -> Vec<DetailChange> {
    let mut out = Vec::new();
    if old.default != new.default {
        out.push(DetailChange::Default(
            old.default.clone(),
            new.default.clone(),
        ));
    }
    if old.constraint_key() != new.constraint_key() {
        out.push(DetailChange::Constraints {
            old: old.constraints(),
            new: new.constraints(),
            tightened: new.tightens(old),
        });
    }
    if compare_format && old.format != new.format {
        out.push(DetailChange::Format(old.format.clone(), new.format.clone()));
    }
    if new.deprecated && !old.deprecated {
        out.push(DetailChange::Deprecated);
    }
    out
}

/// The operation object for `method` (`get`) on `path`.
fn operation<'v>(raw: &'v Value, path: &str, method: &str) -> Option<&'v Value> {
    resolve(raw, raw.get("paths")?.get(path)?)?.get(method)
}

/// The parameter `name` in `location` (`query`) of an operation, with path-level ones.
pub fn parameter<'v>(
    raw: &'v Value,
    path: &str,
    method: &str,
    location: &str,
    name: &str,
) -> Option<&'v Value> {
    let item = resolve(raw, raw.get("paths")?.get(path)?)?;
    let lists = [
        item.get(method).and_then(|op| op.get("parameters")),
        item.get("parameters"),
    ];
    lists
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|p| resolve(raw, p))
        .find(|p| {
            p.get("name").and_then(Value::as_str) == Some(name)
                && p.get("in").and_then(Value::as_str) == Some(location)
        })
}

/// The details of a parameter: its schema's, plus the parameter's own `deprecated`.
pub fn parameter_details(raw: &Value, parameter: &Value) -> SchemaDetails {
    let mut details = parameter
        .get("schema")
        .and_then(|s| resolve(raw, s))
        .map(SchemaDetails::of)
        .unwrap_or_default();
    details.deprecated = details.deprecated
        || parameter
            .get("deprecated")
            .and_then(Value::as_bool)
            .unwrap_or(false);
    details
}

/// The documented status codes of an operation (`200`, `404`, `default`).
pub fn statuses(raw: &Value, path: &str, method: &str) -> BTreeSet<String> {
    operation(raw, path, method)
        .and_then(|op| op.get("responses"))
        .and_then(Value::as_object)
        .map(|responses| responses.keys().cloned().collect())
        .unwrap_or_default()
}

/// A response header as an answer documents it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderDoc {
    /// The name as the spec writes it (`Retry-After`).
    pub name: String,
    /// Whether the answer always carries it.
    pub required: bool,
    /// What its schema says it carries.
    pub ty: HeaderType,
}

/// What a header's schema says its value is: type, format, items and enum values, the parts a
/// client parsing the value depends on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderType {
    /// `type` (`integer`); `None` when the schema names none.
    pub ty: Option<String>,
    /// `format` (`int32`).
    pub format: Option<String>,
    /// The items' type, for an array.
    pub items: Option<Box<HeaderType>>,
    /// The `enum` values, when the schema lists them.
    pub values: Option<Vec<Value>>,
}

impl HeaderType {
    /// The type of the schema `schema`, following local `$ref`s.
    fn of(raw: &Value, schema: &Value) -> HeaderType {
        let Some(schema) = resolve(raw, schema) else {
            return HeaderType::default();
        };
        let text = |key: &str| schema.get(key).and_then(Value::as_str).map(str::to_string);
        HeaderType {
            ty: text("type"),
            format: text("format"),
            items: schema
                .get("items")
                .map(|items| Box::new(HeaderType::of(raw, items))),
            values: schema.get("enum").and_then(Value::as_array).cloned(),
        }
    }

    /// Whether every value `self` allows was allowed by `old`: a smaller number type
    /// (`int64` to `int32`, `number` to `integer`) or fewer enum values, nothing else changed.
    pub fn narrows(&self, old: &HeaderType) -> bool {
        let values_kept = match (&self.values, &old.values) {
            (_, None) => true,
            (Some(new), Some(old)) => new.iter().all(|value| old.contains(value)),
            (None, Some(_)) => false,
        };
        let same_scalar = self.ty == old.ty && self.format == old.format;
        let smaller_number = matches!(
            (self.number_rank(), old.number_rank()),
            (Some(new), Some(old)) if new < old
        );
        values_kept && self.items == old.items && (same_scalar || smaller_number)
    }

    /// Where a number type ranks by the values it holds (`int32` lowest, `double` highest);
    /// `None` for other types.
    fn number_rank(&self) -> Option<u8> {
        match (self.ty.as_deref()?, self.format.as_deref()) {
            ("integer", Some("int32")) => Some(0),
            ("integer", _) | ("number", Some("float")) => Some(1),
            ("number", _) => Some(2),
            _ => None,
        }
    }
}

impl fmt::Display for HeaderType {
    /// `integer (int32)`, `array of string`, `string, one of "a", "b"`, `any`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.ty, &self.items) {
            (Some(ty), Some(items)) if ty == "array" => write!(f, "array of {items}")?,
            (Some(ty), _) => f.write_str(ty)?,
            (None, _) => f.write_str("any")?,
        }
        if let Some(format) = &self.format {
            write!(f, " ({format})")?;
        }
        if let Some(values) = &self.values {
            let values: Vec<String> = values.iter().map(ToString::to_string).collect();
            write!(f, ", one of {}", values.join(", "))?;
        }
        Ok(())
    }
}

/// The response headers an operation documents: for each answer (`200`, `4XX`, `default`), its
/// headers by lowercased name (HTTP header names are case-insensitive).
pub fn response_headers(
    raw: &Value,
    path: &str,
    method: &str,
) -> BTreeMap<String, BTreeMap<String, HeaderDoc>> {
    let Some(responses) = operation(raw, path, method)
        .and_then(|op| op.get("responses"))
        .and_then(Value::as_object)
    else {
        return BTreeMap::new();
    };
    responses
        .iter()
        .map(|(code, response)| {
            let headers = resolve(raw, response)
                .and_then(|response| response.get("headers"))
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter_map(|(name, header)| {
                    let header = resolve(raw, header)?;
                    let doc = HeaderDoc {
                        name: name.clone(),
                        required: header
                            .get("required")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                        ty: header
                            .get("schema")
                            .map(|schema| HeaderType::of(raw, schema))
                            .unwrap_or_default(),
                    };
                    Some((name.to_ascii_lowercase(), doc))
                })
                .collect();
            (code.clone(), headers)
        })
        .collect()
}

/// One way to authenticate: scheme names with their scopes.
pub type Requirement = BTreeMap<String, BTreeSet<String>>;

/// The requirements of a `security` list.
fn requirements(value: &Value) -> Vec<Requirement> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|requirement| {
            requirement
                .iter()
                .map(|(scheme, scopes)| {
                    let scopes = scopes
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect();
                    (scheme.clone(), scopes)
                })
                .collect()
        })
        .collect()
}

/// The security an operation needs: its own, else the document's. Empty: none.
pub fn security(raw: &Value, path: &str, method: &str) -> Vec<Requirement> {
    match operation(raw, path, method).and_then(|op| op.get("security")) {
        Some(own) if !own.is_null() => requirements(own),
        _ => raw.get("security").map(requirements).unwrap_or_default(),
    }
}

/// Whether a client that satisfied one of `old` may fail every one of `new`.
pub fn security_tightened(old: &[Requirement], new: &[Requirement]) -> bool {
    if new.is_empty() || new.iter().any(BTreeMap::is_empty) {
        return false;
    }
    let satisfies = |have: &Requirement, need: &Requirement| {
        need.iter().all(|(scheme, scopes)| {
            have.get(scheme)
                .is_some_and(|had| scopes.iter().all(|s| had.contains(s)))
        })
    };
    if old.is_empty() {
        return true;
    }
    old.iter().any(|o| !new.iter().any(|n| satisfies(o, n)))
}

/// Security requirements in words: `bearerAuth or (apiKey and oauth[read])`.
pub fn show_security(requirements: &[Requirement]) -> String {
    if requirements.is_empty() {
        return "none".to_string();
    }
    requirements
        .iter()
        .map(|requirement| {
            if requirement.is_empty() {
                return "anonymous".to_string();
            }
            let parts: Vec<String> = requirement
                .iter()
                .map(|(scheme, scopes)| {
                    if scopes.is_empty() {
                        scheme.clone()
                    } else {
                        let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
                        format!("{scheme}[{}]", scopes.join(", "))
                    }
                })
                .collect();
            if parts.len() > 1 {
                format!("({})", parts.join(" and "))
            } else {
                parts.join("")
            }
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The document's security schemes by name.
pub fn security_schemes(raw: &Value) -> BTreeMap<String, Value> {
    raw.pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .map(|schemes| {
            schemes
                .iter()
                .map(|(name, scheme)| {
                    let scheme = resolve(raw, scheme).unwrap_or(scheme);
                    (name.clone(), without_docs(scheme))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A scheme without its description, which changes nothing.
fn without_docs(scheme: &Value) -> Value {
    match scheme {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, _)| key.as_str() != "description")
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A JSON value in a report (`50`, `"asc"`, `none`).
pub fn show(value: &Option<Value>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_string(), ToString::to_string)
}
