//! Named types and references to types.

use std::collections::BTreeSet;

/// Documentation carried from the spec to the generated code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    /// Summary or title.
    pub summary: Option<String>,
    /// The longer description.
    pub description: Option<String>,
    /// Notes from `x-unconfirmed` / `x-alternative`, shown to the reader as such.
    pub notes: Vec<String>,
}

/// A type the generated crate defines.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name, unique in the crate.
    pub name: String,
    /// Where the spec defines it (a JSON pointer), shown in the docs.
    pub origin: String,
    /// Its documentation.
    pub docs: Docs,
    /// Marked `deprecated` in the spec (`#[deprecated]`).
    pub deprecated: bool,
    /// What it is.
    pub kind: TypeKind,
}

/// The kinds of named types.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// The properties, in spec order.
        fields: Vec<Field>,
        /// Whether properties the spec does not name are kept (`additionalProperties`).
        keeps_extra: bool,
        /// The type of those properties when `additionalProperties` is a schema (any JSON
        /// value when it is `true`).
        extra_type: Option<TypeRef>,
    },
    /// `oneOf` / `anyOf`: one of several types. Unknown shapes are kept in a fallback variant.
    Union {
        /// The alternatives, in spec order.
        variants: Vec<UnionVariant>,
        /// The property that names the alternative (`discriminator.propertyName`), when the
        /// spec gives one: the enum is then tagged, else untagged.
        discriminator: Option<String>,
        /// The name of the fallback variant (`Unknown` when tagged, `Other` when untagged).
        fallback: String,
    },
    /// A type the configuration maps to a Rust path (`[types.replace]`, `x-rust-type`).
    External(String),
    /// A string enum; unknown values are kept in a fallback variant.
    StringEnum {
        /// The known values.
        variants: Vec<Variant<String>>,
        /// The name of the fallback variant.
        fallback: String,
    },
    /// An integer enum; unknown values are kept in a fallback variant.
    IntegerEnum {
        /// The known values.
        variants: Vec<Variant<i64>>,
        /// The name of the fallback variant.
        fallback: String,
    },
    /// Another name for a type.
    Alias(TypeRef),
    /// The id of one kind of resource (`x-id-type: Expense` -> `ExpenseId`): a newtype over
    /// its wire type, so that an expense id cannot go where a timesheet id belongs.
    Id {
        /// The kind of resource, as the spec names it (`Expense`).
        resource: String,
        /// The type on the wire: an integer, a UUID or a string.
        wire: Primitive,
    },
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant<V> {
    /// The value on the wire.
    pub value: V,
    /// The Rust variant name.
    pub name: String,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub name: String,
    /// The alternative's type.
    pub ty: TypeRef,
    /// The discriminator values that select it (empty when untagged).
    pub tags: Vec<String>,
    /// Whether the value is boxed (the union is recursive through it).
    pub boxed: bool,
}

/// One property of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name on the wire.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The property's type (without the `Option` that `required`/`nullable` add).
    pub ty: TypeRef,
    /// Whether the property must be present.
    pub required: bool,
    /// Whether the property may be `null`.
    pub nullable: bool,
    /// Marked `deprecated` in the spec.
    pub deprecated: bool,
    /// Whether the value is boxed because the type contains itself through this field.
    pub boxed: bool,
    /// The spec's `default`, as JSON.
    pub default: Option<serde_json::Value>,
    /// Its documentation.
    pub docs: Docs,
}

impl Field {
    /// Whether the Rust field is an `Option`.
    pub fn is_optional(&self) -> bool {
        !self.required || self.nullable
    }
}

/// Scalar types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Primitive {
    /// `bool`
    Bool,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `String`
    String,
    /// `chrono::NaiveDate` (ISO 8601 date)
    Date,
    /// `chrono::DateTime<Utc>` (RFC 3339)
    DateTime,
    /// `uuid::Uuid`
    Uuid,
    /// Raw bytes (`format: binary`): the runtime's `Binary` (a file, an upload, a download);
    /// a string in JSON.
    Bytes,
    /// Any JSON value.
    Json,
    /// No data at all (`null`).
    Unit,
}

/// Whether a formatted date carries a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// `chrono::NaiveDate`
    Date,
    /// `chrono::NaiveDateTime`
    DateTime,
}

/// A reference to a type, as a field or parameter uses it.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    /// A scalar.
    Primitive(Primitive),
    /// A date written with a strftime pattern (`x-date-format`).
    FormattedDate {
        /// The pattern.
        format: String,
        /// Date or date and time.
        kind: DateKind,
    },
    /// A named type of the crate.
    Named(String),
    /// A list.
    Array(Box<TypeRef>),
    /// A map from strings.
    Map(Box<TypeRef>),
}

impl TypeRef {
    /// Adds the `x-date-format` patterns this reference uses to `formats`.
    pub fn collect_date_formats(&self, formats: &mut BTreeSet<String>) {
        match self {
            TypeRef::FormattedDate { format, .. } => {
                formats.insert(format.clone());
            }
            TypeRef::Array(inner) | TypeRef::Map(inner) => inner.collect_date_formats(formats),
            TypeRef::Primitive(_) | TypeRef::Named(_) => {}
        }
    }

    /// The named type this reference holds by value (not inside a list or map), if any.
    pub fn named_by_value(&self) -> Option<&str> {
        match self {
            TypeRef::Named(name) => Some(name),
            _ => None,
        }
    }

    /// Whether this is a list.
    pub fn is_array(&self) -> bool {
        matches!(self, TypeRef::Array(_))
    }
}
