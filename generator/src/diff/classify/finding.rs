//! What `compare` found, with the facts the verdicts depend on.

use super::ChangeKind;

/// What `compare` found, with the facts its verdicts depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// A new operation.
    OperationAdded,
    /// An operation is gone.
    OperationRemoved,
    /// The operationId changed; `rust_renamed` when the method or builder name changes with it.
    OperationIdRenamed { rust_renamed: bool },
    /// Same operationId, other method or path.
    OperationPathChanged,
    /// Another first tag; `module_changed` when the builder moves to another module.
    OperationTagChanged { module_changed: bool },
    /// Marked deprecated.
    OperationDeprecated,
    /// No longer deprecated.
    OperationUndeprecated,
    /// A new parameter.
    ParamAdded { required: bool },
    /// A parameter is gone.
    ParamRemoved,
    /// A path parameter has another name; `rust_renamed` when its setter does.
    ParamRenamed { rust_renamed: bool },
    /// The parameter must now be set.
    ParamBecameRequired,
    /// The parameter may now be left out.
    ParamBecameOptional,
    /// Marked deprecated.
    ParamDeprecated,
    /// The parameter's value is written in another style (`style`, `explode`).
    ParamStyleChanged,
    /// A new request body.
    BodyAdded {
        required: bool,
        required_fields: bool,
    },
    /// The request body is gone.
    BodyRemoved,
    /// The body must now be sent; `required_setters_changed` when the builder's required
    /// setters change with it (a whole-body `.body(..)` becomes required, or gives way to
    /// setters of required properties), and so the builder's type.
    BodyBecameRequired { required_setters_changed: bool },
    /// The body may now be left out; `setters_replaced` when its properties lose their builder
    /// setters for a whole-body `.body(..)` (an optional body with a required property).
    BodyBecameOptional { setters_replaced: bool },
    /// A new property in an object type.
    PropertyAdded { required: bool },
    /// A property is gone.
    PropertyRemoved,
    /// The property must now be present; `option_changed` when the Rust field loses its `Option`.
    PropertyBecameRequired { option_changed: bool },
    /// The property may now be absent.
    PropertyBecameOptional { option_changed: bool },
    /// The property may now be `null`.
    PropertyBecameNullable { option_changed: bool },
    /// The property may no longer be `null`.
    PropertyBecameNonNullable { option_changed: bool },
    /// Marked deprecated.
    PropertyDeprecated,
    /// The object keeps (or no longer keeps) properties it does not name.
    AdditionalPropertiesChanged,
    /// The type of a parameter, property, item or payload changed. `widened` when every old
    /// value is still valid (`int32` to `int64`), `narrowed` when every new value was valid
    /// before (`int64` to `int32`), both when the values are the same (`int64` to an
    /// `x-id-type` over it); `rust_changed` when the Rust type differs; `converts` when the new
    /// Rust type implements `From` the old one (`i32` to `i64`, `i64` to an id type over it);
    /// `in_parameter` when it is a parameter's own type (its setter takes `impl Into<T>`).
    TypeChanged {
        widened: bool,
        narrowed: bool,
        rust_changed: bool,
        converts: bool,
        in_parameter: bool,
    },
    /// The `format` changed and the Rust type did not; `tightened` when a format is added or
    /// replaced.
    FormatChanged { tightened: bool },
    /// The `default` changed.
    DefaultChanged,
    /// Constraints (minimum, maximum, length, pattern, items) changed; `tightened` when some
    /// value that was valid no longer is.
    ConstraintsChanged { tightened: bool },
    /// A new enum value.
    EnumValueAdded,
    /// An enum value is gone.
    EnumValueRemoved,
    /// An enum value's Rust variant has another name (`x-enum-varnames`).
    EnumVariantRenamed,
    /// A union (`oneOf`/`anyOf`) has a new alternative.
    UnionAlternativeAdded,
    /// An alternative of a union is gone.
    UnionAlternativeRemoved,
    /// A named type became another kind of type (struct, enum, alias).
    TypeKindChanged,
    /// A new component schema.
    SchemaAdded,
    /// A component schema is gone.
    SchemaRemoved,
    /// A schema has another name (or moved between inline and `components`); `rust_renamed`
    /// when the Rust type's name changes.
    SchemaRenamed { rust_renamed: bool },
    /// Marked deprecated.
    SchemaDeprecated,
    /// A new status code in the answers; `success` for a 2xx one.
    StatusAdded { success: bool },
    /// A status code is gone; `success` for a 2xx one, `error_variant` when it had a variant
    /// of the operation's error enum.
    StatusRemoved { success: bool, error_variant: bool },
    /// A response header newly documented on an answer both sides document.
    HeaderAdded,
    /// A response header no longer documented on an answer both sides document.
    HeaderRemoved,
    /// A response header's schema (type, format, items, enum values) changed; `narrowed` when
    /// every value it may carry now was valid before (`int64` to `int32`, an enum value fewer).
    HeaderTypeChanged { narrowed: bool },
    /// The answer now always carries the header.
    HeaderBecameRequired,
    /// The answer may now come without the header.
    HeaderBecameOptional,
    /// A new security scheme.
    SecuritySchemeAdded,
    /// A security scheme is gone.
    SecuritySchemeRemoved,
    /// A security scheme works differently.
    SecuritySchemeChanged,
    /// The credentials an operation accepts changed; `tightened` when some old credentials no
    /// longer do.
    OperationSecurityChanged { tightened: bool },
    /// A new server.
    ServerAdded,
    /// A server is gone.
    ServerRemoved,
    /// The first server, the crate's default base URL, changed.
    DefaultServerChanged,
}

impl Finding {
    /// The kind of change this finding is.
    pub fn kind(self) -> ChangeKind {
        use ChangeKind as K;
        match self {
            Finding::OperationAdded => K::OperationAdded,
            Finding::OperationRemoved => K::OperationRemoved,
            Finding::OperationIdRenamed { .. } => K::OperationIdRenamed,
            Finding::OperationPathChanged => K::OperationPathChanged,
            Finding::OperationTagChanged { .. } => K::OperationTagChanged,
            Finding::OperationDeprecated => K::OperationDeprecated,
            Finding::OperationUndeprecated => K::OperationUndeprecated,
            Finding::ParamAdded { required: true } => K::ParameterAddedRequired,
            Finding::ParamAdded { required: false } => K::ParameterAddedOptional,
            Finding::ParamRemoved => K::ParameterRemoved,
            Finding::ParamRenamed { .. } => K::ParameterRenamed,
            Finding::ParamBecameRequired => K::ParameterBecameRequired,
            Finding::ParamBecameOptional => K::ParameterBecameOptional,
            Finding::ParamDeprecated => K::ParameterDeprecated,
            Finding::ParamStyleChanged => K::ParameterStyleChanged,
            Finding::BodyAdded { .. } => K::RequestBodyAdded,
            Finding::BodyRemoved => K::RequestBodyRemoved,
            Finding::BodyBecameRequired { .. } => K::RequestBodyBecameRequired,
            Finding::BodyBecameOptional { .. } => K::RequestBodyBecameOptional,
            Finding::PropertyAdded { required: true } => K::PropertyAddedRequired,
            Finding::PropertyAdded { required: false } => K::PropertyAddedOptional,
            Finding::PropertyRemoved => K::PropertyRemoved,
            Finding::PropertyBecameRequired { .. } => K::PropertyBecameRequired,
            Finding::PropertyBecameOptional { .. } => K::PropertyBecameOptional,
            Finding::PropertyBecameNullable { .. } => K::PropertyBecameNullable,
            Finding::PropertyBecameNonNullable { .. } => K::PropertyBecameNonNullable,
            Finding::PropertyDeprecated => K::PropertyDeprecated,
            Finding::AdditionalPropertiesChanged => K::AdditionalPropertiesChanged,
            Finding::TypeChanged { .. } => K::TypeChanged,
            Finding::FormatChanged { .. } => K::FormatChanged,
            Finding::DefaultChanged => K::DefaultChanged,
            Finding::ConstraintsChanged { .. } => K::ConstraintsChanged,
            Finding::EnumValueAdded => K::EnumValueAdded,
            Finding::EnumValueRemoved => K::EnumValueRemoved,
            Finding::EnumVariantRenamed => K::EnumVariantRenamed,
            Finding::UnionAlternativeAdded => K::UnionAlternativeAdded,
            Finding::UnionAlternativeRemoved => K::UnionAlternativeRemoved,
            Finding::TypeKindChanged => K::SchemaKindChanged,
            Finding::SchemaAdded => K::SchemaAdded,
            Finding::SchemaRemoved => K::SchemaRemoved,
            Finding::SchemaRenamed { .. } => K::SchemaRenamed,
            Finding::SchemaDeprecated => K::SchemaDeprecated,
            Finding::StatusAdded { .. } => K::ResponseStatusAdded,
            Finding::StatusRemoved { .. } => K::ResponseStatusRemoved,
            Finding::HeaderAdded => K::ResponseHeaderAdded,
            Finding::HeaderRemoved => K::ResponseHeaderRemoved,
            Finding::HeaderTypeChanged { .. } => K::ResponseHeaderTypeChanged,
            Finding::HeaderBecameRequired => K::ResponseHeaderBecameRequired,
            Finding::HeaderBecameOptional => K::ResponseHeaderBecameOptional,
            Finding::SecuritySchemeAdded => K::SecuritySchemeAdded,
            Finding::SecuritySchemeRemoved => K::SecuritySchemeRemoved,
            Finding::SecuritySchemeChanged => K::SecuritySchemeChanged,
            Finding::OperationSecurityChanged { .. } => K::OperationSecurityChanged,
            Finding::ServerAdded => K::ServerAdded,
            Finding::ServerRemoved => K::ServerRemoved,
            Finding::DefaultServerChanged => K::ServerDefaultChanged,
        }
    }
}
