//! The flags of one operation's command: one per parameter and per top-level property of a
//! JSON body, typed as the builder's setter is (integers, numbers, dates, UUIDs, enums with
//! their values; ids as their wire type; objects, unions and maps as JSON).

use heck::ToKebabCase;

use crate::model::{
    Api, BodyEncoding, Docs, Operation, Param, ParamLocation, ParamStyle, Primitive, TypeKind,
    TypeRef,
};
use crate::names::Scope;

/// Flags every command has, or that the runtime adds to an operation's.
const RESERVED: &[&str] = &[
    "output",
    "token",
    "base-url",
    "rate-limit",
    "dry-run",
    "verbose",
    "help",
    "version",
    "body",
    "all",
];

/// What a flag's value must look like (the runtime's `Kind`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Uuid,
    Enum(Vec<String>),
    Json,
}

/// Where a flag's value goes (the runtime's `Location`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Location {
    Path,
    Query,
    /// A list in one query pair, joined by the separator (`explode: false`).
    JoinedQuery(&'static str),
    Header,
    Cookie,
    Body,
}

/// How the command takes its body (the runtime's `BodyEncoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding<'a> {
    /// JSON: `--body` and a flag per top-level property.
    Json,
    /// A form: `--body` (as JSON) and a flag per top-level property.
    Form,
    /// Bytes of this media type: `--body` only.
    Raw(&'a str),
}

/// One flag of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Flag {
    pub flag: String,
    pub wire: String,
    pub location: Location,
    pub kind: Kind,
    pub required: bool,
    pub repeated: bool,
    pub help: String,
}

/// How the operation's command takes its body; `None` without one, or for a multipart body
/// (which the command line cannot send yet).
pub(super) fn body_encoding(operation: &Operation) -> Option<Encoding<'_>> {
    let body = operation.body.as_ref()?;
    match body.encoding {
        BodyEncoding::Json => Some(Encoding::Json),
        BodyEncoding::Form => Some(Encoding::Form),
        BodyEncoding::Raw => Some(Encoding::Raw(&body.media_type)),
        BodyEncoding::Multipart => None,
    }
}

/// Where a query parameter's values go: a list of `explode: false` in one pair.
fn query_location(param: &Param, repeated: bool) -> Location {
    if !repeated || param.explode {
        return Location::Query;
    }
    match param.style {
        ParamStyle::Form => Location::JoinedQuery(","),
        ParamStyle::PipeDelimited => Location::JoinedQuery("|"),
        ParamStyle::SpaceDelimited => Location::JoinedQuery(" "),
        _ => Location::Query,
    }
}

/// The flags of `operation`: its parameters in order, then the top-level properties of its
/// JSON or form body. A flag whose name is taken (by the runtime, or by a parameter
/// before it) is prefixed with where it goes (`--body-name`), then numbered.
pub(super) fn flags(api: &Api, operation: &Operation) -> Vec<Flag> {
    let mut scope = Scope::with_reserved(RESERVED.iter().copied());
    let mut flags = Vec::new();
    let mut claim = |wire: &str, location: &str| {
        let wanted = flag_name(wire);
        if scope.contains(&wanted) {
            scope.claim(&format!("{location}-{wanted}"))
        } else {
            scope.claim(&wanted)
        }
    };
    for param in &operation.params {
        let (kind, repeated) = kind_of(api, &param.ty);
        let location = match param.location {
            ParamLocation::Path => Location::Path,
            ParamLocation::Query => query_location(param, repeated),
            ParamLocation::Header => Location::Header,
            ParamLocation::Cookie => Location::Cookie,
        };
        let mut help = help_text(&param.docs);
        if let Some(default) = &param.default {
            help.push_str(&format!(" [server default: {default}]"));
        }
        flags.push(Flag {
            flag: claim(&param.wire_name, param.location.as_str()),
            wire: param.wire_name.clone(),
            location,
            kind,
            required: param.required || location == Location::Path,
            repeated,
            help: help.trim().to_string(),
        });
    }
    let properties = matches!(
        body_encoding(operation),
        Some(Encoding::Json | Encoding::Form)
    );
    if let Some(body) = operation.body.as_ref().filter(|_| properties) {
        for field in &body.fields {
            let (kind, repeated) = kind_of(api, &field.field.ty);
            flags.push(Flag {
                flag: claim(&field.field.wire_name, "body"),
                wire: field.field.wire_name.clone(),
                location: Location::Body,
                kind,
                required: !field.field.is_optional(),
                repeated,
                help: help_text(&field.field.docs),
            });
        }
    }
    flags
}

/// A wire name as a flag: kebab-cased, or `param` when nothing of it is left.
fn flag_name(wire: &str) -> String {
    let kebab = wire.to_kebab_case();
    if kebab.starts_with(|c: char| c.is_ascii_alphabetic()) {
        kebab
    } else {
        format!("param-{}", kebab.trim_start_matches('-'))
            .trim_end_matches('-')
            .to_string()
    }
}

/// The first paragraph of the docs, on one line.
pub(super) fn help_text(docs: &Docs) -> String {
    let text = docs
        .summary
        .as_deref()
        .or(docs.description.as_deref())
        .unwrap_or_default();
    let first = text.split("\n\n").next().unwrap_or_default();
    first.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kind of a value of `ty`, and whether it is a list (the flag repeated).
pub(super) fn kind_of(api: &Api, ty: &TypeRef) -> (Kind, bool) {
    match ty {
        TypeRef::Array(inner) => match kind_of(api, inner) {
            (kind, false) => (kind, true),
            (_, true) => (Kind::Json, false),
        },
        TypeRef::Map(_) => (Kind::Json, false),
        TypeRef::FormattedDate { .. } => (Kind::Text, false),
        TypeRef::Primitive(primitive) => (primitive_kind(*primitive), false),
        TypeRef::Named(name) => named_kind(api, name, 0),
    }
}

fn named_kind(api: &Api, name: &str, depth: usize) -> (Kind, bool) {
    let Some(def) = api.types.iter().find(|t| t.name == name) else {
        return (Kind::Json, false);
    };
    match &def.kind {
        TypeKind::StringEnum { variants, .. } => (
            Kind::Enum(variants.iter().map(|v| v.value.clone()).collect()),
            false,
        ),
        TypeKind::IntegerEnum { variants, .. } => (
            Kind::Enum(variants.iter().map(|v| v.value.to_string()).collect()),
            false,
        ),
        TypeKind::Id { wire, .. } => (primitive_kind(*wire), false),
        // An alias of an alias of ...: stop at a depth no sane spec reaches.
        TypeKind::Alias(TypeRef::Named(inner)) if depth < 16 => named_kind(api, inner, depth + 1),
        TypeKind::Alias(TypeRef::Named(_)) => (Kind::Json, false),
        TypeKind::Alias(other) => kind_of(api, other),
        TypeKind::Struct { .. } | TypeKind::Union { .. } | TypeKind::External(_) => {
            (Kind::Json, false)
        }
    }
}

fn primitive_kind(primitive: Primitive) -> Kind {
    match primitive {
        Primitive::Bool => Kind::Boolean,
        Primitive::I32 | Primitive::I64 => Kind::Integer,
        Primitive::F32 | Primitive::F64 => Kind::Number,
        Primitive::Date => Kind::Date,
        Primitive::DateTime => Kind::DateTime,
        Primitive::Uuid => Kind::Uuid,
        Primitive::Json => Kind::Json,
        Primitive::String | Primitive::Bytes | Primitive::Unit => Kind::Text,
    }
}

/// The documented scalar fields of the objects `ty` holds (one item of a list, or the object):
/// the columns of a table.
pub(super) fn columns(api: &Api, ty: &TypeRef) -> Vec<String> {
    let name = match ty {
        TypeRef::Array(inner) => match &**inner {
            TypeRef::Named(name) => name,
            _ => return Vec::new(),
        },
        TypeRef::Named(name) => name,
        _ => return Vec::new(),
    };
    let Some(def) = api.types.iter().find(|t| &t.name == name) else {
        return Vec::new();
    };
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields
            .iter()
            .filter(|field| matches!(kind_of(api, &field.ty), (kind, false) if kind != Kind::Json))
            .map(|field| field.wire_name.clone())
            .collect(),
        TypeKind::Alias(inner) if !matches!(inner, TypeRef::Named(n) if n == name) => {
            columns(api, inner)
        }
        _ => Vec::new(),
    }
}
