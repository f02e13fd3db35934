//! Types: references met at one place (a parameter, a body, an answer, a property), and each
//! pair of named types `pairing` found: renames, deprecation, struct properties, enum values,
//! aliases, kinds; then component schemas on one side only.

use super::details::DetailsOf;
use super::Comparison;
use crate::diff::classify::{Finding, Usage};
use crate::diff::pairing::{component, Pairing, TypePair};
use crate::diff::raw::{self, SchemaDetails};
use crate::diff::Side;
use crate::model::{DateKind, Field, Primitive, TypeDef, TypeKind, TypeRef, UnionVariant, Variant};

/// A difference between two type references at one place. Both `widened` and `narrowed`: the
/// values on the wire are the same (`i64` to an id type over `i64`).
struct RefDiff {
    /// Every old value is still valid (`i32` to `i64`).
    widened: bool,
    /// Every new value was valid before (`i64` to `i32`).
    narrowed: bool,
    /// The Rust type differs.
    rust_changed: bool,
    /// The new Rust type implements `From` the old one.
    converts: bool,
}

impl Comparison<'_, '_> {
    /// Records a `type-changed` when the references `old` and `new` at `location` differ;
    /// `in_parameter` when they are a parameter's own type.
    pub(super) fn type_ref(
        &mut self,
        old: &TypeRef,
        new: &TypeRef,
        usage: Usage,
        location: &str,
        in_parameter: bool,
    ) {
        if let Some(diff) = self.ref_diff(old, new) {
            self.record(
                Finding::TypeChanged {
                    widened: diff.widened,
                    narrowed: diff.narrowed,
                    rust_changed: diff.rust_changed,
                    converts: diff.converts,
                    in_parameter,
                },
                usage,
                location,
                format!("type `{}` -> `{}`", show(old), show(new)),
            );
        }
    }

    /// How two references differ, if they do. Named types `pairing` paired are the same type
    /// here: what changed inside them is reported on the pair.
    fn ref_diff(&self, old: &TypeRef, new: &TypeRef) -> Option<RefDiff> {
        let differ = |rust_changed: bool, widened: bool, narrowed: bool| RefDiff {
            widened,
            narrowed,
            rust_changed,
            converts: false,
        };
        match (old, new) {
            (TypeRef::Named(old), TypeRef::Named(new)) => {
                (!self.types.same_type(old, new)).then(|| differ(true, false, false))
            }
            (TypeRef::Array(old), TypeRef::Array(new)) | (TypeRef::Map(old), TypeRef::Map(new)) => {
                self.ref_diff(old, new)
            }
            (TypeRef::Primitive(old), TypeRef::Primitive(new)) => {
                if old == new {
                    return None;
                }
                let (widened, narrowed) = match (numeric_rank(*old), numeric_rank(*new)) {
                    (Some(old), Some(new)) => (new > old, new < old),
                    _ => (false, false),
                };
                Some(RefDiff {
                    converts: converts_losslessly(*old, *new),
                    ..differ(true, widened, narrowed)
                })
            }
            (
                TypeRef::FormattedDate {
                    format: old_format,
                    kind: old_kind,
                },
                TypeRef::FormattedDate {
                    format: new_format,
                    kind: new_kind,
                },
            ) => (old_format != new_format || old_kind != new_kind)
                .then(|| differ(old_kind != new_kind, false, false)),
            // An id type (`x-id-type`) is its wire type in JSON: the values are the same.
            _ if self.same_wire_scalar(old, new) => Some(RefDiff {
                // Id types convert from their wire type, not back.
                converts: matches!(old, TypeRef::Primitive(_)),
                ..differ(true, true, true)
            }),
            _ => Some(differ(true, false, false)),
        }
    }

    /// Whether the old and the new reference are the same scalar on the wire.
    fn same_wire_scalar(&self, old: &TypeRef, new: &TypeRef) -> bool {
        let old = self.wire_scalar(old, &self.types.old);
        old.is_some() && old == self.wire_scalar(new, &self.types.new)
    }

    /// The scalar a reference is on the wire: a primitive, or an id type's wire type.
    fn wire_scalar(
        &self,
        ty: &TypeRef,
        types: &std::collections::BTreeMap<&str, &TypeDef>,
    ) -> Option<Primitive> {
        match ty {
            TypeRef::Primitive(primitive) => Some(*primitive),
            TypeRef::Named(name) => match types.get(name.as_str()).map(|def| &def.kind) {
                Some(TypeKind::Id { wire, .. }) => Some(*wire),
                _ => None,
            },
            _ => None,
        }
    }

    /// One pair of named types, with every way the old API uses it.
    pub(super) fn type_pair(&mut self, pair: &TypePair) {
        let (Some(old), Some(new)) = (
            self.types.old.get(pair.old.as_str()).copied(),
            self.types.new.get(pair.new.as_str()).copied(),
        ) else {
            return;
        };
        self.schema_renamed(pair, old, new);
        let old_details = raw::at(&self.old.raw, &old.origin).map(SchemaDetails::of);
        let new_details = raw::at(&self.new.raw, &new.origin).map(SchemaDetails::of);
        if let (Some(old_details), Some(new_details)) = (&old_details, &new_details) {
            if new_details.deprecated && !old_details.deprecated {
                let deprecated = Finding::SchemaDeprecated;
                self.record(deprecated, pair.usage, &pair.label, "marked deprecated");
            }
        }
        match (&old.kind, &new.kind) {
            (
                TypeKind::Struct {
                    fields: old_fields,
                    keeps_extra: old_extra,
                    ..
                },
                TypeKind::Struct {
                    fields: new_fields,
                    keeps_extra: new_extra,
                    ..
                },
            ) => {
                self.fields(pair, (old, new), old_fields, new_fields);
                self.additional_properties(pair, *old_extra, *new_extra);
            }
            (
                TypeKind::StringEnum { variants: old, .. },
                TypeKind::StringEnum { variants: new, .. },
            ) => {
                // Values as Rust writes string literals: `"asc"`.
                let quoted = |value: &String| format!("{value:?}");
                self.variants(pair, &enum_values(old, quoted), &enum_values(new, quoted));
            }
            (
                TypeKind::IntegerEnum { variants: old, .. },
                TypeKind::IntegerEnum { variants: new, .. },
            ) => {
                let number = |value: &i64| value.to_string();
                self.variants(pair, &enum_values(old, number), &enum_values(new, number));
            }
            (TypeKind::Alias(old_target), TypeKind::Alias(new_target)) => {
                let details = old_details.as_ref().zip(new_details.as_ref());
                self.alias(pair, old_target, new_target, details);
            }
            (
                TypeKind::Union {
                    variants: old_variants,
                    discriminator: old_tag,
                    fallback: old_fallback,
                },
                TypeKind::Union {
                    variants: new_variants,
                    discriminator: new_tag,
                    fallback: new_fallback,
                },
            ) if old_tag == new_tag && old_fallback == new_fallback => {
                self.alternatives(pair, old_variants, new_variants);
            }
            (old_kind, new_kind) => self.kind_changed(pair, old_kind, new_kind),
        }
    }

    /// Whether a pair of structs keeps the properties it does not name (field `extra`).
    fn additional_properties(&mut self, pair: &TypePair, old_extra: bool, new_extra: bool) {
        if old_extra == new_extra {
            return;
        }
        let how = if new_extra {
            "now kept"
        } else {
            "no longer kept"
        };
        self.record(
            Finding::AdditionalPropertiesChanged,
            pair.usage,
            &pair.label,
            format!("unknown properties are {how} (field `extra`)"),
        );
    }

    /// A pair of aliases: their targets, and the schema details (`details`, old and new)
    /// besides deprecation, which is reported as the schema's.
    fn alias(
        &mut self,
        pair: &TypePair,
        old_target: &TypeRef,
        new_target: &TypeRef,
        details: Option<(&SchemaDetails, &SchemaDetails)>,
    ) {
        self.type_ref(old_target, new_target, pair.usage, &pair.label, false);
        if let Some((old_details, new_details)) = details {
            let mut old_details = old_details.clone();
            old_details.deprecated = true;
            let same_type = old_target == new_target;
            let (usage, label) = (pair.usage, pair.label.as_str());
            let of = DetailsOf::Schema;
            self.details(&old_details, new_details, same_type, usage, label, of);
        }
    }

    /// A pair whose names differ, or whose components differ: a rename.
    fn schema_renamed(&mut self, pair: &TypePair, old: &TypeDef, new: &TypeDef) {
        let (old_component, new_component) = (component(&old.origin), component(&new.origin));
        let components_differ =
            old_component.is_some() && new_component.is_some() && old_component != new_component;
        if pair.old == pair.new && !components_differ {
            return;
        }
        let place = |c: &Option<String>| {
            c.as_ref().map_or_else(
                || "an inline schema".to_string(),
                |c| format!("schema `{c}`"),
            )
        };
        self.record(
            Finding::SchemaRenamed {
                rust_renamed: pair.old != pair.new,
            },
            pair.usage,
            &pair.label,
            format!(
                "{} -> {}: Rust type `types::{}` -> `types::{}`",
                place(&old_component),
                place(&new_component),
                pair.old,
                pair.new
            ),
        );
    }

    /// A pair of another kind of type (struct, enum, alias), or of an unlisted kind that differs.
    fn kind_changed(&mut self, pair: &TypePair, old_kind: &TypeKind, new_kind: &TypeKind) {
        let detail = if std::mem::discriminant(old_kind) != std::mem::discriminant(new_kind) {
            format!("`types::{}` is now {}", pair.new, kind_name(new_kind))
        } else if old_kind != new_kind {
            format!("`types::{}` changed", pair.new)
        } else {
            return;
        };
        self.record(Finding::TypeKindChanged, pair.usage, &pair.label, detail);
    }

    /// The properties of a pair of structs (`defs`: the old and the new type).
    fn fields(
        &mut self,
        pair: &TypePair,
        defs: (&TypeDef, &TypeDef),
        old_fields: &[Field],
        new_fields: &[Field],
    ) {
        let usage = pair.usage;
        for old in old_fields {
            let location = format!("{}.{}", pair.label, old.wire_name);
            match new_fields.iter().find(|new| new.wire_name == old.wire_name) {
                Some(new) => self.field(defs, (old, new), usage, &location),
                None => self.record(
                    Finding::PropertyRemoved,
                    usage,
                    location,
                    format!("removed (field `{}`)", old.rust_name),
                ),
            }
        }
        for new in new_fields {
            if old_fields.iter().any(|old| old.wire_name == new.wire_name) {
                continue;
            }
            let what = if new.required { "required" } else { "optional" };
            let literal = if usage.input() || usage.unused() {
                ": struct literals need the new field"
            } else {
                ""
            };
            self.record(
                Finding::PropertyAdded {
                    required: new.required,
                },
                usage,
                format!("{}.{}", pair.label, new.wire_name),
                format!("new {what} property (field `{}`){literal}", new.rust_name),
            );
        }
    }

    /// One property on both sides: required, nullable, its type and schema details.
    fn field(
        &mut self,
        (old_def, new_def): (&TypeDef, &TypeDef),
        (old, new): (&Field, &Field),
        usage: Usage,
        location: &str,
    ) {
        let option_changed = old.is_optional() != new.is_optional();
        let option = match (option_changed, new.is_optional()) {
            (false, _) => "",
            (true, true) => ": the field becomes an `Option`",
            (true, false) => ": the field is no longer an `Option`",
        };
        let required = match (old.required, new.required) {
            (false, true) => Some((
                Finding::PropertyBecameRequired { option_changed },
                "became required",
            )),
            (true, false) => Some((
                Finding::PropertyBecameOptional { option_changed },
                "became optional",
            )),
            _ => None,
        };
        let nullable = match (old.nullable, new.nullable) {
            (false, true) => Some((
                Finding::PropertyBecameNullable { option_changed },
                "became nullable",
            )),
            (true, false) => Some((
                Finding::PropertyBecameNonNullable { option_changed },
                "no longer nullable",
            )),
            _ => None,
        };
        for (finding, what) in [required, nullable].into_iter().flatten() {
            self.record(finding, usage, location, format!("{what}{option}"));
        }
        self.type_ref(&old.ty, &new.ty, usage, location, false);
        let mut old_details = property_details(self.old, old_def, old).unwrap_or_default();
        old_details.deprecated = old_details.deprecated || old.deprecated;
        let mut new_details = property_details(self.new, new_def, new).unwrap_or_default();
        new_details.deprecated = new_details.deprecated || new.deprecated;
        let same_type = old.ty == new.ty;
        let of = DetailsOf::Schema;
        self.details(&old_details, &new_details, same_type, usage, location, of);
    }

    /// The values of a pair of enums, (value as written, Rust variant) on each side.
    fn variants(&mut self, pair: &TypePair, old: &[(String, &str)], new: &[(String, &str)]) {
        let (usage, label, type_name) = (pair.usage, pair.label.as_str(), pair.new.as_str());
        for (value, name) in old {
            match new.iter().find(|(new_value, _)| new_value == value) {
                None => self.record(
                    Finding::EnumValueRemoved,
                    usage,
                    label,
                    format!("value {value} removed (variant `{type_name}::{name}`)"),
                ),
                Some((_, new_name)) if new_name != name => self.record(
                    Finding::EnumVariantRenamed,
                    usage,
                    label,
                    format!("value {value}: variant `{name}` -> `{new_name}`"),
                ),
                Some(_) => {}
            }
        }
        for (value, name) in new {
            if !old.iter().any(|(old_value, _)| old_value == value) {
                self.record(
                    Finding::EnumValueAdded,
                    usage,
                    label,
                    format!("value {value} added (variant `{type_name}::{name}`)"),
                );
            }
        }
    }

    /// The alternatives of a pair of unions (`oneOf`/`anyOf` with the same discriminator), by
    /// variant name: added, removed, or holding another type.
    fn alternatives(&mut self, pair: &TypePair, old: &[UnionVariant], new: &[UnionVariant]) {
        let (usage, label, type_name) = (pair.usage, pair.label.as_str(), pair.new.as_str());
        for old_variant in old {
            match new
                .iter()
                .find(|new_variant| new_variant.name == old_variant.name)
            {
                Some(new_variant) => {
                    let location = format!("{label} ({})", old_variant.name);
                    self.type_ref(&old_variant.ty, &new_variant.ty, usage, &location, false);
                }
                None => self.record(
                    Finding::UnionAlternativeRemoved,
                    usage,
                    label,
                    format!("alternative `{type_name}::{}` removed", old_variant.name),
                ),
            }
        }
        for new_variant in new {
            if !old
                .iter()
                .any(|old_variant| old_variant.name == new_variant.name)
            {
                self.record(
                    Finding::UnionAlternativeAdded,
                    usage,
                    label,
                    format!(
                        "alternative `{type_name}::{}` ({}) added",
                        new_variant.name,
                        show(&new_variant.ty)
                    ),
                );
            }
        }
    }

    /// Component schemas on one side only, that no pair explains.
    pub(super) fn schemas_added_removed(&mut self, pairing: &Pairing) {
        let (paired_old, paired_new) = pairing.paired_names();
        let mut found = Vec::new();
        for (name, def) in &self.types.old {
            if let Some(key) = component(&def.origin) {
                if !paired_old.contains(name) && !self.types.new.contains_key(name) {
                    let detail = format!("schema gone: Rust type `types::{name}`");
                    found.push((Finding::SchemaRemoved, key, detail));
                }
            }
        }
        for (name, def) in &self.types.new {
            if let Some(key) = component(&def.origin) {
                if !paired_new.contains(name) && !self.types.old.contains_key(name) {
                    let detail = format!("new schema: Rust type `types::{name}`");
                    found.push((Finding::SchemaAdded, key, detail));
                }
            }
        }
        for (finding, key, detail) in found {
            self.record(finding, Usage::default(), key, detail);
        }
    }
}

/// An enum's (value as `show` writes it, Rust variant) pairs.
fn enum_values<V>(variants: &[Variant<V>], show: impl Fn(&V) -> String) -> Vec<(String, &str)> {
    variants
        .iter()
        .map(|v| (show(&v.value), v.name.as_str()))
        .collect()
}

/// The schema details of the property `field` of `def` in `side`'s document; none for a `$ref`
/// property, whose details belong to the schema it names.
fn property_details(side: &Side, def: &TypeDef, field: &Field) -> Option<SchemaDetails> {
    let pointer = format!("{}/properties/{}", def.origin, escape(&field.wire_name));
    let value = side
        .raw
        .pointer(pointer.strip_prefix('#').unwrap_or(&pointer))?;
    (!raw::is_ref(value)).then(|| SchemaDetails::of(value))
}

/// A JSON pointer segment.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Where a number type ranks by the values it holds: a higher rank holds every value of a lower
/// one. `None` for non-numbers.
/// Whether Rust's standard library converts `old` into `new` with `From` (`i32` into `i64`;
/// not `i64` into `f64`).
fn converts_losslessly(old: Primitive, new: Primitive) -> bool {
    use Primitive::{F32, F64, I32, I64};
    matches!((old, new), (I32, I64 | F64) | (F32, F64))
}

fn numeric_rank(primitive: Primitive) -> Option<u8> {
    match primitive {
        Primitive::I32 => Some(0),
        Primitive::I64 | Primitive::F32 => Some(1),
        Primitive::F64 => Some(2),
        _ => None,
    }
}

/// `a struct`, `an enum`, `an alias`.
fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct { .. } => "a struct",
        TypeKind::StringEnum { .. } | TypeKind::IntegerEnum { .. } => "an enum",
        TypeKind::Alias(_) => "an alias",
        TypeKind::Id { .. } => "an id type",
        TypeKind::Union { .. } => "a union",
        #[allow(unreachable_patterns)]
        _ => "another kind of type",
    }
}

/// A type reference as Rust writes it, roughly.
pub fn show(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(primitive) => show_primitive(*primitive).to_string(),
        TypeRef::FormattedDate { format, kind } => {
            let kind = match kind {
                DateKind::Date => "Date",
                DateKind::DateTime => "DateTime",
            };
            format!("{kind} '{format}'")
        }
        TypeRef::Named(name) => name.clone(),
        TypeRef::Array(inner) => format!("Vec<{}>", show(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", show(inner)),
    }
}

/// A primitive as Rust writes it, roughly.
fn show_primitive(primitive: Primitive) -> &'static str {
    match primitive {
        Primitive::Bool => "bool",
        Primitive::I32 => "i32",
        Primitive::I64 => "i64",
        Primitive::F32 => "f32",
        Primitive::F64 => "f64",
        Primitive::String => "String",
        Primitive::Date => "NaiveDate",
        Primitive::DateTime => "DateTime<Utc>",
        Primitive::Uuid => "Uuid",
        Primitive::Json => "serde_json::Value",
        Primitive::Unit => "()",
        Primitive::Bytes => "Bytes",
    }
}
