//! The one table of verdicts: for each [`ChangeKind`], its name in reports, its group, and when it
//! breaks HTTP clients (wire), code using the previous crate (crate), and which semver bump it
//! needs.
//!
//! What the generated crate looks like decides the crate verdicts: structs have all-`pub` fields
//! and no `#[non_exhaustive]`, answers' included (a new field breaks struct literals); enums
//! and unions are `#[non_exhaustive]` with a fallback variant (a new value or alternative is
//! absorbed); every parameter and body property has a builder setter taking `impl Into<T>`
//! (a new type absorbs the old only where it implements `From` it); and a builder tracks its
//! required setters in its type, so `.send()` compiles only once they are set.
//!
//! `cargo xtask spec-diff --verify` checks these verdicts with the compiler (`verify`), and
//! `generator/tests/diff.rs` does so for every case of its catalogue.
//!
//! `compare` reports a [`Finding`] (what happened, with the few facts a verdict depends on) and
//! the [`Usage`] of the type it happened in; [`change`] turns them into a [`Change`] through the
//! table [`ChangeKind::rule`].

use super::{Bump, Change, Concern, Group};

/// How the old API uses a type: which verdicts apply to changes inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// A parameter's type.
    pub param: bool,
    /// In a request body.
    pub body: bool,
    /// In an answer.
    pub response: bool,
}

impl Usage {
    /// A parameter's type.
    pub const PARAM: Usage = Usage {
        param: true,
        body: false,
        response: false,
    };
    /// In a request body.
    pub const BODY: Usage = Usage {
        param: false,
        body: true,
        response: false,
    };
    /// In an answer.
    pub const RESPONSE: Usage = Usage {
        param: false,
        body: false,
        response: true,
    };

    /// Whether clients send it.
    pub fn input(self) -> bool {
        self.param || self.body
    }

    /// Whether clients receive it.
    pub fn output(self) -> bool {
        self.response
    }

    /// Whether no operation uses it (a component nobody references).
    pub fn unused(self) -> bool {
        !self.input() && !self.output()
    }

    /// Both usages.
    pub fn union(self, other: Usage) -> Usage {
        Usage {
            param: self.param || other.param,
            body: self.body || other.body,
            response: self.response || other.response,
        }
    }
}

/// Where a change inside a type shows: it prefixes the kind's name in reports and decides its
/// concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only a parameter's type (`parameter-type-changed`).
    Parameter,
    /// Sent in a request body, not received (`request-type-changed`).
    Request,
    /// Only received in answers (`response-type-changed`).
    Response,
    /// Unused, or both sent and received (`type-changed`).
    Schema,
}

impl Scope {
    /// The scope of changes inside a type used as `usage`.
    pub fn of(usage: Usage) -> Scope {
        match (usage.param, usage.body, usage.response) {
            (true, false, false) => Scope::Parameter,
            (_, true, false) => Scope::Request,
            (false, false, true) => Scope::Response,
            _ => Scope::Schema,
        }
    }

    /// The prefix of kind names (`parameter-`, `request-`, `response-` or nothing).
    pub fn prefix(self) -> &'static str {
        match self {
            Scope::Parameter => "parameter-",
            Scope::Request => "request-",
            Scope::Response => "response-",
            Scope::Schema => "",
        }
    }

    /// The concern of changes in this scope.
    pub fn concern(self) -> Concern {
        match self {
            Scope::Parameter => Concern::Parameters,
            Scope::Request => Concern::RequestBodies,
            Scope::Response => Concern::Responses,
            Scope::Schema => Concern::Schemas,
        }
    }
}

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
    /// A status code is gone; `success` for a 2xx one.
    StatusRemoved { success: bool },
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

/// Every kind of change the diff reports. Kinds inside types (properties, types, formats,
/// defaults, constraints, enum values) are reported under the [`Scope`] of the type's use:
/// `parameter-type-changed`, `request-type-changed`, `response-type-changed`, `type-changed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    OperationAdded,
    OperationRemoved,
    OperationIdRenamed,
    OperationPathChanged,
    OperationTagChanged,
    OperationDeprecated,
    OperationUndeprecated,
    ParameterAddedRequired,
    ParameterAddedOptional,
    ParameterRemoved,
    ParameterRenamed,
    ParameterBecameRequired,
    ParameterBecameOptional,
    ParameterDeprecated,
    ParameterStyleChanged,
    RequestBodyAdded,
    RequestBodyRemoved,
    RequestBodyBecameRequired,
    RequestBodyBecameOptional,
    PropertyAddedRequired,
    PropertyAddedOptional,
    PropertyRemoved,
    PropertyBecameRequired,
    PropertyBecameOptional,
    PropertyBecameNullable,
    PropertyBecameNonNullable,
    PropertyDeprecated,
    AdditionalPropertiesChanged,
    TypeChanged,
    FormatChanged,
    DefaultChanged,
    ConstraintsChanged,
    EnumValueAdded,
    EnumValueRemoved,
    EnumVariantRenamed,
    UnionAlternativeAdded,
    UnionAlternativeRemoved,
    SchemaKindChanged,
    SchemaAdded,
    SchemaRemoved,
    SchemaRenamed,
    SchemaDeprecated,
    ResponseStatusAdded,
    ResponseStatusRemoved,
    SecuritySchemeAdded,
    SecuritySchemeRemoved,
    SecuritySchemeChanged,
    OperationSecurityChanged,
    ServerAdded,
    ServerRemoved,
    ServerDefaultChanged,
}

/// What part of the API a kind of change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Always the same concern.
    Fixed(Concern),
    /// Inside a type: the [`Scope`] of the type's use decides, and prefixes the name.
    InType,
}

/// When a verdict (wire or crate breaking) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Never.
    Never,
    /// Always.
    Always,
    /// Some operation uses the type.
    Used,
    /// Clients send the type (a parameter or request body).
    Sent,
    /// Clients receive the type (an answer).
    Received,
    /// The Rust name changed with it (`rust_renamed`).
    RustRenamed,
    /// The builder moved to another module.
    ModuleChanged,
    /// The new body is required.
    BodyRequired,
    /// The new body has required properties, or is required and set whole: a new required
    /// setter.
    BodyHasRequiredProperties,
    /// The builder's required setters, which its type tracks, changed.
    RequiredSettersChanged,
    /// The body's setters gave way to a whole-body `.body(..)`.
    SettersReplaced,
    /// The Rust field gains or loses its `Option`.
    OptionChanged,
    /// Some old value or credential no longer passes.
    Tightened,
    /// Clients send the type, and some old value no longer passes.
    SentAndTightened,
    /// The status is a 2xx one.
    SuccessStatus,
    /// A type change reaches the wire: every old value still fits what clients send (widened)
    /// or receive (narrowed), else it does.
    TypeChangeOnWire,
    /// A type change reaches the crate: the Rust type changed and no `impl Into<T>` setter
    /// absorbs it (`i32` still goes into a setter of `i64`, an `i64` into one of an id type
    /// over it, but an `i64` not into one of `f64`, nor an id into one of `i64`; struct fields
    /// absorb nothing).
    RustTypeChanged,
}

impl When {
    /// Whether the verdict holds for `finding` inside a type used as `usage`.
    pub fn holds(self, finding: Finding, usage: Usage) -> bool {
        let used = !usage.unused();
        let sent = used && usage.input();
        let received = used && usage.output();
        match self {
            When::Never => false,
            When::Always => true,
            When::Used => used,
            When::Sent => sent,
            When::Received => received,
            When::SentAndTightened => sent && tightened(finding),
            When::TypeChangeOnWire => match finding {
                // Both: the same values (an id type over its wire type).
                Finding::TypeChanged {
                    widened: true,
                    narrowed: true,
                    ..
                } => false,
                Finding::TypeChanged { widened: true, .. } => received,
                Finding::TypeChanged { narrowed: true, .. } => sent,
                _ => used,
            },
            flag => flag.flagged(finding),
        }
    }

    /// Whether `finding` carries the flag this condition names (`rust_renamed`,
    /// `option_changed`, `tightened`, ...); false for the conditions on the usage.
    fn flagged(self, finding: Finding) -> bool {
        use Finding as F;
        match self {
            When::RustRenamed => matches!(
                finding,
                F::OperationIdRenamed { rust_renamed: true }
                    | F::ParamRenamed { rust_renamed: true }
                    | F::SchemaRenamed { rust_renamed: true }
            ),
            When::ModuleChanged => {
                finding
                    == F::OperationTagChanged {
                        module_changed: true,
                    }
            }
            When::BodyRequired => matches!(finding, F::BodyAdded { required: true, .. }),
            When::RequiredSettersChanged => {
                finding
                    == F::BodyBecameRequired {
                        required_setters_changed: true,
                    }
            }
            When::BodyHasRequiredProperties => {
                matches!(
                    finding,
                    F::BodyAdded {
                        required_fields: true,
                        ..
                    }
                )
            }
            When::SettersReplaced => {
                finding
                    == F::BodyBecameOptional {
                        setters_replaced: true,
                    }
            }
            When::OptionChanged => matches!(
                finding,
                F::PropertyBecameRequired {
                    option_changed: true
                } | F::PropertyBecameOptional {
                    option_changed: true
                } | F::PropertyBecameNullable {
                    option_changed: true
                } | F::PropertyBecameNonNullable {
                    option_changed: true
                }
            ),
            When::Tightened => tightened(finding),
            When::SuccessStatus => finding == F::StatusRemoved { success: true },
            When::RustTypeChanged => match finding {
                F::TypeChanged {
                    in_parameter: true,
                    converts: true,
                    ..
                } => false,
                F::TypeChanged { rust_changed, .. } => rust_changed,
                _ => false,
            },
            _ => false,
        }
    }
}

/// Whether `finding` says some old value or credential no longer passes.
fn tightened(finding: Finding) -> bool {
    matches!(
        finding,
        Finding::FormatChanged { tightened: true }
            | Finding::ConstraintsChanged { tightened: true }
            | Finding::OperationSecurityChanged { tightened: true }
    )
}

/// One row of the table: a kind's name, group, area, verdicts and bump, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The name in reports (after the scope's prefix for kinds inside types).
    pub name: &'static str,
    /// Added, removed, changed or deprecated.
    pub group: Group,
    /// What part of the API.
    pub area: Area,
    /// When an existing HTTP client breaks.
    pub breaks_wire: When,
    /// When code using the previous crate breaks (the bump is then major).
    pub breaks_crate: When,
    /// The bump when the crate does not break.
    pub bump: Bump,
    /// Why the verdicts are what they are.
    pub reason: &'static str,
}

impl ChangeKind {
    /// Every kind, in table order.
    pub const ALL: [ChangeKind; 51] = {
        use ChangeKind::*;
        [
            OperationAdded,
            OperationRemoved,
            OperationIdRenamed,
            OperationPathChanged,
            OperationTagChanged,
            OperationDeprecated,
            OperationUndeprecated,
            ParameterAddedRequired,
            ParameterAddedOptional,
            ParameterRemoved,
            ParameterRenamed,
            ParameterBecameRequired,
            ParameterBecameOptional,
            ParameterDeprecated,
            ParameterStyleChanged,
            RequestBodyAdded,
            RequestBodyRemoved,
            RequestBodyBecameRequired,
            RequestBodyBecameOptional,
            PropertyAddedRequired,
            PropertyAddedOptional,
            PropertyRemoved,
            PropertyBecameRequired,
            PropertyBecameOptional,
            PropertyBecameNullable,
            PropertyBecameNonNullable,
            PropertyDeprecated,
            AdditionalPropertiesChanged,
            TypeChanged,
            FormatChanged,
            DefaultChanged,
            ConstraintsChanged,
            EnumValueAdded,
            EnumValueRemoved,
            EnumVariantRenamed,
            UnionAlternativeAdded,
            UnionAlternativeRemoved,
            SchemaKindChanged,
            SchemaAdded,
            SchemaRemoved,
            SchemaRenamed,
            SchemaDeprecated,
            ResponseStatusAdded,
            ResponseStatusRemoved,
            SecuritySchemeAdded,
            SecuritySchemeRemoved,
            SecuritySchemeChanged,
            OperationSecurityChanged,
            ServerAdded,
            ServerRemoved,
            ServerDefaultChanged,
        ]
    };

    /// The name without a scope (`property-removed`, `operation-added`).
    pub fn as_str(self) -> &'static str {
        self.rule().name
    }

    /// The id in reports for a change of this kind in `scope` (`response-property-removed`).
    /// The scope only counts for kinds inside types.
    pub fn id(self, scope: Scope) -> String {
        match (self, self.rule().area, scope) {
            // Answers only gain data: whether the property is required does not matter.
            (
                ChangeKind::PropertyAddedRequired | ChangeKind::PropertyAddedOptional,
                _,
                Scope::Response,
            ) => "response-property-added".to_string(),
            (_, Area::InType, scope) => format!("{}{}", scope.prefix(), self.as_str()),
            (_, Area::Fixed(_), _) => self.as_str().to_string(),
        }
    }

    /// Every id this kind can have in reports, one per scope it can be reported in.
    pub fn ids(self) -> Vec<String> {
        let mut ids: Vec<String> = [
            Scope::Parameter,
            Scope::Request,
            Scope::Response,
            Scope::Schema,
        ]
        .into_iter()
        .map(|scope| self.id(scope))
        .collect();
        ids.dedup();
        ids
    }

    /// The kind's row of the table.
    pub const fn rule(self) -> Rule {
        use Area::{Fixed, InType};
        use Bump::{Minor, Patch};
        use ChangeKind as K;
        use Concern::{
            Operations, Parameters, RequestBodies, Responses, Schemas, Security, Servers,
        };
        use Group::{Added, Changed, Deprecated, Removed};
        use When::*;
        /// A row, in the order of the [`Rule`] fields.
        const fn row(
            name: &'static str,
            group: Group,
            area: Area,
            breaks_wire: When,
            breaks_crate: When,
            bump: Bump,
            reason: &'static str,
        ) -> Rule {
            Rule {
                name,
                group,
                area,
                breaks_wire,
                breaks_crate,
                bump,
                reason,
            }
        }
        let ops = Fixed(Operations);
        let params = Fixed(Parameters);
        let bodies = Fixed(RequestBodies);
        #[rustfmt::skip]
        let rule = match self {
            K::OperationAdded => row("operation-added", Added, ops, Never, Never, Minor,
                "new API"),
            K::OperationRemoved => row("operation-removed", Removed, ops, Always, Always, Minor,
                "clients call an endpoint that is gone; its method is gone"),
            K::OperationIdRenamed => row("operation-id-renamed", Changed, ops, Never, RustRenamed, Patch,
                "the wire does not see operationIds; the method's name may follow"),
            K::OperationPathChanged => row("operation-path-changed", Changed, ops, Always, Never, Patch,
                "clients call the old path; the method stays"),
            K::OperationTagChanged => row("operation-tag-changed", Changed, ops, Never, ModuleChanged, Patch,
                "the builder's module follows the first tag"),
            K::OperationDeprecated => row("operation-deprecated", Deprecated, ops, Never, Never, Minor,
                "a warning, nothing breaks"),
            K::OperationUndeprecated => row("operation-undeprecated", Changed, ops, Never, Never, Patch,
                "the warning goes away"),
            K::ParameterAddedRequired => row("parameter-added-required", Added, params, Always, Always, Minor,
                "code that does not set it no longer compiles: `.send()` needs every required parameter"),
            K::ParameterAddedOptional => row("parameter-added-optional", Added, params, Never, Never, Minor,
                "a new optional setter"),
            K::ParameterRemoved => row("parameter-removed", Removed, params, Never, Always, Minor,
                "servers ignore parameters they do not know; the setter is gone"),
            K::ParameterRenamed => row("parameter-renamed", Changed, params, Never, RustRenamed, Patch,
                "a path parameter's name is not on the wire; its setter's may change"),
            K::ParameterBecameRequired => row("parameter-became-required", Changed, params, Always, Always, Patch,
                "clients that leave it out fail; code that does not set it no longer compiles"),
            K::ParameterBecameOptional => row("parameter-became-optional", Changed, params, Never, Always, Patch,
                "calls compile unchanged, but the builder loses the type parameter that tracked it, \
                 so code that names the builder's type with its states does not"),
            K::ParameterDeprecated => row("parameter-deprecated", Deprecated, params, Never, Never, Minor,
                "a warning, nothing breaks"),
            K::ParameterStyleChanged => row("parameter-style-changed", Changed, params, Always, Never, Patch,
                "servers read the value in the old style; the setter is the same"),
            K::RequestBodyAdded => row("request-body-added", Added, bodies, BodyRequired, BodyHasRequiredProperties, Minor,
                "clients must send a required body; code that does not set its required properties no longer compiles"),
            K::RequestBodyRemoved => row("request-body-removed", Removed, bodies, Never, Always, Minor,
                "servers ignore the body; its setters are gone"),
            K::RequestBodyBecameRequired => row("request-body-became-required", Changed, bodies, Always, RequiredSettersChanged, Patch,
                "the builder always sends the body it has; where its required setters change, \
                 so does its type"),
            K::RequestBodyBecameOptional => row("request-body-became-optional", Changed, bodies, Never, SettersReplaced, Patch,
                "an optional body with a required property is set whole with `.body(..)`"),
            K::PropertyAddedRequired => row("property-added-required", Added, InType, Sent, Always, Minor,
                "generated structs have public fields and no `#[non_exhaustive]`: a struct literal of the \
                 type, in a request or in a test fixture of an answer, needs the new field"),
            K::PropertyAddedOptional => row("property-added-optional", Added, InType, Never, Always, Minor,
                "generated structs have public fields and no `#[non_exhaustive]`: a struct literal of the \
                 type, in a request or in a test fixture of an answer, needs the new field"),
            K::PropertyRemoved => row("property-removed", Removed, InType, Received, Always, Minor,
                "clients that read it find nothing; the field is gone"),
            K::PropertyBecameRequired => row("property-became-required", Changed, InType, Sent, OptionChanged, Patch,
                "clients that leave it out fail; the field may lose its `Option`"),
            K::PropertyBecameOptional => row("property-became-optional", Changed, InType, Received, OptionChanged, Patch,
                "clients that expect it may not find it; the field may become an `Option`"),
            K::PropertyBecameNullable => row("property-became-nullable", Changed, InType, Received, OptionChanged, Patch,
                "clients that expect a value may read `null`; the field may become an `Option`"),
            K::PropertyBecameNonNullable => row("property-became-non-nullable", Changed, InType, Sent, OptionChanged, Patch,
                "clients that send `null` fail; the field may lose its `Option`"),
            K::PropertyDeprecated => row("property-deprecated", Deprecated, InType, Never, Never, Minor,
                "a warning, nothing breaks"),
            K::AdditionalPropertiesChanged => row("additional-properties-changed", Changed, InType, Never, Always, Patch,
                "the struct gains or loses its `extra` field"),
            K::TypeChanged => row("type-changed", Changed, InType, TypeChangeOnWire, RustTypeChanged, Patch,
                "old values may not fit; the Rust type may change"),
            K::FormatChanged => row("format-changed", Changed, InType, SentAndTightened, Never, Patch,
                "servers may reject what clients send in the old format; the Rust type is the same"),
            K::DefaultChanged => row("default-changed", Changed, InType, Sent, Never, Patch,
                "clients that leave it out get another value"),
            K::ConstraintsChanged => row("constraints-changed", Changed, InType, SentAndTightened, Never, Patch,
                "servers may reject values clients sent before; the crate does not check constraints"),
            K::EnumValueAdded => row("enum-value-added", Added, InType, Received, Never, Minor,
                "enums are `#[non_exhaustive]` with an `Other` fallback; HTTP clients that match \
                 exhaustively on answers meet a value they do not know"),
            K::EnumValueRemoved => row("enum-value-removed", Removed, InType, Sent, Always, Minor,
                "servers reject the value; its variant is gone"),
            K::EnumVariantRenamed => row("enum-variant-renamed", Changed, InType, Never, Always, Patch,
                "the value on the wire is the same; the variant's name is not"),
            K::UnionAlternativeAdded => row("union-alternative-added", Added, InType, Received, Never, Minor,
                "unions are `#[non_exhaustive]` with a fallback that keeps what the client does not know; \
                 HTTP clients that match exhaustively on answers meet an alternative they do not know"),
            K::UnionAlternativeRemoved => row("union-alternative-removed", Removed, InType, Sent, Always, Minor,
                "servers reject the alternative; its variant is gone"),
            K::SchemaKindChanged => row("schema-kind-changed", Changed, InType, Used, Always, Patch,
                "the JSON and the Rust type both change shape"),
            K::SchemaAdded => row("schema-added", Added, Fixed(Schemas), Never, Never, Minor,
                "a new type"),
            K::SchemaRemoved => row("schema-removed", Removed, Fixed(Schemas), Never, Always, Minor,
                "nothing used it on the wire; the type is gone"),
            K::SchemaRenamed => row("schema-renamed", Changed, Fixed(Schemas), Never, RustRenamed, Patch,
                "schema names are not on the wire; the Rust type's may change"),
            K::SchemaDeprecated => row("schema-deprecated", Deprecated, Fixed(Schemas), Never, Never, Minor,
                "a warning, nothing breaks"),
            K::ResponseStatusAdded => row("response-status-added", Added, Fixed(Responses), Never, Never, Patch,
                "the client accepts any 2xx and decodes errors by status class"),
            K::ResponseStatusRemoved => row("response-status-removed", Removed, Fixed(Responses), SuccessStatus, Never, Patch,
                "clients waiting for a success status that is gone break"),
            K::SecuritySchemeAdded => row("security-scheme-added", Added, Fixed(Security), Never, Never, Patch,
                "the generator does not read security: the hand-written runtime sends a bearer token"),
            K::SecuritySchemeRemoved => row("security-scheme-removed", Removed, Fixed(Security), Never, Never, Patch,
                "the generator does not read security: the hand-written runtime sends a bearer token"),
            K::SecuritySchemeChanged => row("security-scheme-changed", Changed, Fixed(Security), Always, Never, Patch,
                "clients authenticate the old way"),
            K::OperationSecurityChanged => row("operation-security-changed", Changed, Fixed(Security), Tightened, Never, Patch,
                "clients whose credentials no longer pass break"),
            K::ServerAdded => row("server-added", Added, Fixed(Servers), Never, Never, Patch,
                "another place to call"),
            K::ServerRemoved => row("server-removed", Removed, Fixed(Servers), Always, Never, Patch,
                "clients that call it break"),
            K::ServerDefaultChanged => row("server-default-changed", Changed, Fixed(Servers), Never, Never, Patch,
                "the crate calls the new default base URL"),
        };
        rule
    }
}

/// The change `finding` at `location`, inside a type used as `usage`.
pub fn change(finding: Finding, usage: Usage, location: String, detail: String) -> Change {
    let kind = finding.kind();
    let rule = kind.rule();
    let scope = Scope::of(usage);
    let crate_breaking = rule.breaks_crate.holds(finding, usage);
    Change {
        kind: kind.id(scope),
        group: rule.group,
        concern: match rule.area {
            Area::Fixed(concern) => concern,
            Area::InType => scope.concern(),
        },
        location,
        detail,
        wire_breaking: rule.breaks_wire.holds(finding, usage),
        crate_breaking,
        semver: if crate_breaking {
            Bump::Major
        } else {
            rule.bump
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_once_in_declaration_order() {
        for (index, kind) in ChangeKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, index, "{kind:?}");
        }
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ChangeKind::ALL.len());
    }
}
