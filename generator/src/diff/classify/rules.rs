//! The table: one row per [`ChangeKind`], with its name, group, area, verdicts, bump and reason.

use super::{ChangeKind, When};
use crate::diff::{Bump, Concern, Group};

/// What part of the API a kind of change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Always the same concern.
    Fixed(Concern),
    /// Inside a type: the [`Scope`](super::Scope) of the type's use decides, and prefixes the name.
    InType,
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
            K::ResponseStatusRemoved => row("response-status-removed", Removed, Fixed(Responses), SuccessStatus, ErrorVariantGone, Patch,
                "clients waiting for a success status that is gone break; an error status's variant of the \
                 operation's error enum goes with it"),
            K::ResponseHeaderAdded => row("response-header-added", Added, Fixed(Responses), Never, Never, Patch,
                "clients that do not know it ignore it; the crate gives headers as they came \
                 (`Response::headers`), not as typed fields"),
            K::ResponseHeaderRemoved => row("response-header-removed", Removed, Fixed(Responses), Always, Never, Patch,
                "clients that read it find nothing; the crate gives headers as they came \
                 (`Response::headers`), not as typed fields, so no code stops compiling"),
            K::ResponseHeaderTypeChanged => row("response-header-type-changed", Changed, Fixed(Responses), NotNarrowed, Never, Patch,
                "clients that parse the old type may meet a value they cannot read (unless every new \
                 value was valid before); the crate does not parse documented headers"),
            K::ResponseHeaderBecameRequired => row("response-header-became-required", Changed, Fixed(Responses), Never, Never, Patch,
                "the answer carries it every time; nothing breaks"),
            K::ResponseHeaderBecameOptional => row("response-header-became-optional", Changed, Fixed(Responses), Always, Never, Patch,
                "clients that expect it on every answer may not find it; the crate does not read it"),
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
