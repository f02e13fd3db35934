//! Scalars: the one mapping from a JSON type and its `format` to a primitive, and the string
//! and integer enums.

use openapiv3::{
    AnySchema, IntegerFormat, IntegerType, NumberFormat, NumberType, Schema, StringFormat,
    StringType, VariantOrUnknownOrEmpty,
};

use super::extensions::{date_format, date_format_value, enum_names, DATE_FORMAT_EXTENSION};
use super::shapes::is_null_only;
use super::TypeSpace;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Primitive, TypeKind, TypeRef, Variant};
use crate::names::{self, Scope};

/// The primitive a scalar JSON type (`string`, `integer`, `number`, `boolean`) with the
/// `format` (empty when none) stands for; `None` for any other type. The only place a
/// `format` chooses a type.
pub fn primitive(json_type: &str, format: &str) -> Option<Primitive> {
    Some(match (json_type, format) {
        ("string", "date") => Primitive::Date,
        ("string", "date-time") => Primitive::DateTime,
        ("string", "binary") => Primitive::Bytes,
        ("string", "uuid") => Primitive::Uuid,
        // `uri`, `email`, `byte` (base64), `password` and any other format stay strings.
        ("string", _) => Primitive::String,
        ("integer", "int32") => Primitive::I32,
        ("integer", _) => Primitive::I64,
        ("number", "float") => Primitive::F32,
        ("number", _) => Primitive::F64,
        ("boolean", _) => Primitive::Bool,
        _ => return None,
    })
}

/// The `format` of a `type: string` schema as the spec spells it (openapiv3 parses the
/// formats it knows into an enum).
pub fn string_format(format: &VariantOrUnknownOrEmpty<StringFormat>) -> &str {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => match known {
            StringFormat::Date => "date",
            StringFormat::DateTime => "date-time",
            StringFormat::Password => "password",
            StringFormat::Byte => "byte",
            StringFormat::Binary => "binary",
        },
        VariantOrUnknownOrEmpty::Unknown(other) => other,
        VariantOrUnknownOrEmpty::Empty => "",
    }
}

/// The `format` of a `type: integer` schema as the spec spells it.
pub fn integer_format(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> &str {
    match format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => "int32",
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int64) => "int64",
        VariantOrUnknownOrEmpty::Unknown(other) => other,
        VariantOrUnknownOrEmpty::Empty => "",
    }
}

/// The `format` of a `type: number` schema as the spec spells it.
pub fn number_format(format: &VariantOrUnknownOrEmpty<NumberFormat>) -> &str {
    match format {
        VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => "float",
        VariantOrUnknownOrEmpty::Item(NumberFormat::Double) => "double",
        VariantOrUnknownOrEmpty::Unknown(other) => other,
        VariantOrUnknownOrEmpty::Empty => "",
    }
}

/// The type of a `type: number` schema.
pub fn number(number: &NumberType) -> TypeRef {
    TypeRef::Primitive(scalar_primitive("number", number_format(&number.format)))
}

/// [`primitive`] for a JSON type known to be a scalar.
fn scalar_primitive(json_type: &str, format: &str) -> Primitive {
    primitive(json_type, format).unwrap_or(Primitive::Json)
}

impl<'a> TypeSpace<'a> {
    /// A `type: string` schema: a string enum when it lists values, a formatted date when it
    /// has `x-date-format`, else the primitive of its `format`.
    pub(super) fn string(
        &mut self,
        schema: &'a Schema,
        string: &'a StringType,
        at: &Pointer,
        name: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let values: Vec<&String> = string.enumeration.iter().flatten().collect();
        if !values.is_empty() {
            return Ok(self.string_enum(name, at, schema, &values));
        }
        if let Some(pattern) = date_format_value(schema) {
            return date_format(pattern).ok_or_else(|| {
                self.resolver.error(
                    &at.join(DATE_FORMAT_EXTENSION),
                    "x-date-format must be a strftime pattern with a date (%Y, %m/%b, %d)",
                )
            });
        }
        let format = string_format(&string.format);
        Ok(TypeRef::Primitive(scalar_primitive("string", format)))
    }

    /// A `type: integer` schema: an integer enum when it lists values, else the primitive of
    /// its `format`.
    pub(super) fn integer(
        &mut self,
        schema: &'a Schema,
        integer: &IntegerType,
        at: &Pointer,
        name: &str,
    ) -> TypeRef {
        let values: Vec<i64> = integer.enumeration.iter().flatten().copied().collect();
        if !values.is_empty() {
            return self.integer_enum(name, at, schema, &values);
        }
        TypeRef::Primitive(scalar_primitive("integer", integer_format(&integer.format)))
    }

    /// What is left of a schema openapiv3 could not sort, once it is neither a composition,
    /// an object nor a list: the primitive of its `type` and `format`, `()` when it can only
    /// be `null`, any JSON value when it has no type.
    pub(super) fn any_scalar(
        &self,
        schema: &Schema,
        any: &AnySchema,
        at: &Pointer,
    ) -> Result<TypeRef, Diagnostic> {
        let json_type = any.typ.as_deref().unwrap_or_default();
        let format = any.format.as_deref().unwrap_or_default();
        if let Some(primitive) = primitive(json_type, format) {
            return Ok(TypeRef::Primitive(primitive));
        }
        if !json_type.is_empty() && json_type != "null" {
            let construct = format!("type `{json_type}`");
            return Err(self.unsupported(&at.join("type"), &construct));
        }
        Ok(TypeRef::Primitive(if is_null_only(schema) {
            Primitive::Unit
        } else {
            Primitive::Json
        }))
    }

    /// Defines the string enum `name` of `values` (duplicates dropped), with a fallback
    /// variant for values the spec does not list.
    pub(super) fn string_enum(
        &mut self,
        name: &str,
        at: &Pointer,
        schema: &'a Schema,
        values: &[&String],
    ) -> TypeRef {
        let mut scope = Scope::default();
        let mut variants: Vec<Variant<String>> = Vec::new();
        for value in values {
            if variants.iter().any(|v| &v.value == *value) {
                continue;
            }
            variants.push(Variant {
                value: (*value).clone(),
                name: scope.claim(&names::camel(value)),
            });
        }
        let fallback = scope.claim("Other");
        let kind = TypeKind::StringEnum { variants, fallback };
        self.insert(name, at, schema, kind);
        TypeRef::Named(name.to_string())
    }

    /// Defines the integer enum `name` of `values` (duplicates dropped), its variants named
    /// by `x-enum-varnames` when that names every value, else after the numbers.
    pub(super) fn integer_enum(
        &mut self,
        name: &str,
        at: &Pointer,
        schema: &'a Schema,
        values: &[i64],
    ) -> TypeRef {
        let given = enum_names(schema, values.len());
        let mut scope = Scope::default();
        let mut variants: Vec<Variant<i64>> = Vec::new();
        for (i, value) in values.iter().enumerate() {
            if variants.iter().any(|v| v.value == *value) {
                continue;
            }
            // Indexed by position in the spec's list, duplicates included.
            let wanted = given
                .as_ref()
                .map_or_else(|| names::camel(&value.to_string()), |g| names::camel(&g[i]));
            variants.push(Variant {
                value: *value,
                name: scope.claim(&wanted),
            });
        }
        let fallback = scope.claim("Other");
        let kind = TypeKind::IntegerEnum { variants, fallback };
        self.insert(name, at, schema, kind);
        TypeRef::Named(name.to_string())
    }
}
