//! The one table of verdicts: for each kind of change, its name, group, and whether it breaks
//! HTTP clients (wire), code using the previous crate (crate), and which semver bump it needs.
//!
//! What the generated crate looks like decides the crate verdicts: structs have all-`pub` fields
//! and no `#[non_exhaustive]` (a new field breaks struct literals), enums are `#[non_exhaustive]`
//! with an `Other` fallback (a new value is absorbed), every parameter and body property has a
//! builder setter taking `impl Into<T>`, and a required one that is not set makes `.send()` fail
//! with `Error::MissingParameter`.

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

    /// The prefix of kind names for changes inside such a type.
    fn prefix(self) -> &'static str {
        match (self.param, self.body, self.response) {
            (true, false, false) => "parameter-",
            (_, true, false) => "request-",
            (false, false, true) => "response-",
            _ => "",
        }
    }

    /// The concern of changes inside such a type.
    fn concern(self) -> Concern {
        match (self.param, self.body, self.response) {
            (true, false, false) => Concern::Parameters,
            (_, true, false) => Concern::RequestBodies,
            (false, false, true) => Concern::Responses,
            _ => Concern::Schemas,
        }
    }
}

/// What changed, with what the verdicts depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
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
    /// A new request body.
    BodyAdded {
        required: bool,
        required_fields: bool,
    },
    /// The request body is gone.
    BodyRemoved,
    /// The body must now be sent.
    BodyBecameRequired,
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
    /// value is still valid (`int32` to `int64`), `narrowed` for the opposite; `rust_changed`
    /// when the Rust type differs.
    TypeChanged {
        widened: bool,
        narrowed: bool,
        rust_changed: bool,
        param: bool,
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

/// The verdicts of one change.
struct Verdict {
    kind: String,
    group: Group,
    concern: Concern,
    wire: bool,
    krate: bool,
    /// The bump when the crate does not break (it is major when it does).
    bump: Bump,
}

fn v(kind: &str, group: Group, concern: Concern, wire: bool, krate: bool, bump: Bump) -> Verdict {
    Verdict {
        kind: kind.to_string(),
        group,
        concern,
        wire,
        krate,
        bump,
    }
}

/// The change `fact` at `location`, inside a type used as `usage`.
pub fn change(fact: Fact, usage: Usage, location: String, detail: String) -> Change {
    let verdict = verdict(fact, usage);
    Change {
        kind: verdict.kind,
        group: verdict.group,
        concern: verdict.concern,
        location,
        detail,
        wire_breaking: verdict.wire,
        crate_breaking: verdict.krate,
        semver: if verdict.krate {
            Bump::Major
        } else {
            verdict.bump
        },
    }
}

fn verdict(fact: Fact, usage: Usage) -> Verdict {
    use Bump::{Minor, Patch};
    use Concern::{Operations, Parameters, RequestBodies, Responses, Schemas, Security, Servers};
    use Group::{Added, Changed, Deprecated, Removed};
    let prefix = usage.prefix();
    let within = usage.concern();
    // A type nobody uses yet: no wire impact, and the crate verdict of the strictest use.
    let input = usage.input() || usage.unused();
    let used = !usage.unused();
    match fact {
        Fact::OperationAdded => v("operation-added", Added, Operations, false, false, Minor),
        Fact::OperationRemoved => v("operation-removed", Removed, Operations, true, true, Minor),
        Fact::OperationIdRenamed { rust_renamed } => v(
            "operation-id-renamed",
            Changed,
            Operations,
            false,
            rust_renamed,
            Patch,
        ),
        Fact::OperationPathChanged => v(
            "operation-path-changed",
            Changed,
            Operations,
            true,
            false,
            Patch,
        ),
        Fact::OperationTagChanged { module_changed } => v(
            "operation-tag-changed",
            Changed,
            Operations,
            false,
            module_changed,
            Patch,
        ),
        Fact::OperationDeprecated => v(
            "operation-deprecated",
            Deprecated,
            Operations,
            false,
            false,
            Minor,
        ),
        Fact::OperationUndeprecated => v(
            "operation-undeprecated",
            Changed,
            Operations,
            false,
            false,
            Patch,
        ),
        // A required parameter nobody sets makes `.send()` fail at run time.
        Fact::ParamAdded { required: true } => v(
            "parameter-added-required",
            Added,
            Parameters,
            true,
            true,
            Minor,
        ),
        Fact::ParamAdded { required: false } => v(
            "parameter-added-optional",
            Added,
            Parameters,
            false,
            false,
            Minor,
        ),
        // Servers ignore parameters they do not know; the setter is gone.
        Fact::ParamRemoved => v("parameter-removed", Removed, Parameters, false, true, Minor),
        Fact::ParamRenamed { rust_renamed } => v(
            "parameter-renamed",
            Changed,
            Parameters,
            false,
            rust_renamed,
            Patch,
        ),
        Fact::ParamBecameRequired => v(
            "parameter-became-required",
            Changed,
            Parameters,
            true,
            true,
            Patch,
        ),
        // The setter stays the same: `impl Into<T>`.
        Fact::ParamBecameOptional => v(
            "parameter-became-optional",
            Changed,
            Parameters,
            false,
            false,
            Patch,
        ),
        Fact::ParamDeprecated => v(
            "parameter-deprecated",
            Deprecated,
            Parameters,
            false,
            false,
            Minor,
        ),
        Fact::BodyAdded {
            required,
            required_fields,
        } => v(
            "request-body-added",
            Added,
            RequestBodies,
            required,
            required_fields,
            Minor,
        ),
        Fact::BodyRemoved => v(
            "request-body-removed",
            Removed,
            RequestBodies,
            false,
            true,
            Minor,
        ),
        // The builder always sends the body it has.
        Fact::BodyBecameRequired => v(
            "request-body-became-required",
            Changed,
            RequestBodies,
            true,
            false,
            Patch,
        ),
        Fact::BodyBecameOptional { setters_replaced } => v(
            "request-body-became-optional",
            Changed,
            RequestBodies,
            false,
            setters_replaced,
            Patch,
        ),
        // Struct literals of types users send need the new field; answers only add data.
        Fact::PropertyAdded { required } => {
            let kind = match (prefix, required) {
                ("response-", _) => "response-property-added".to_string(),
                (p, true) => format!("{p}property-added-required"),
                (p, false) => format!("{p}property-added-optional"),
            };
            v(
                &kind,
                Added,
                within,
                used && usage.input() && required,
                input,
                Minor,
            )
        }
        Fact::PropertyRemoved => v(
            &format!("{prefix}property-removed"),
            Removed,
            within,
            used && usage.output(),
            true,
            Minor,
        ),
        Fact::PropertyBecameRequired { option_changed } => v(
            &format!("{prefix}property-became-required"),
            Changed,
            within,
            used && usage.input(),
            option_changed,
            Patch,
        ),
        Fact::PropertyBecameOptional { option_changed } => v(
            &format!("{prefix}property-became-optional"),
            Changed,
            within,
            used && usage.output(),
            option_changed,
            Patch,
        ),
        Fact::PropertyBecameNullable { option_changed } => v(
            &format!("{prefix}property-became-nullable"),
            Changed,
            within,
            used && usage.output(),
            option_changed,
            Patch,
        ),
        Fact::PropertyBecameNonNullable { option_changed } => v(
            &format!("{prefix}property-became-non-nullable"),
            Changed,
            within,
            used && usage.input(),
            option_changed,
            Patch,
        ),
        Fact::PropertyDeprecated => v(
            &format!("{prefix}property-deprecated"),
            Deprecated,
            within,
            false,
            false,
            Minor,
        ),
        Fact::AdditionalPropertiesChanged => v(
            &format!("{prefix}additional-properties-changed"),
            Changed,
            within,
            false,
            true,
            Patch,
        ),
        Fact::TypeChanged {
            widened,
            narrowed,
            rust_changed,
            param,
        } => {
            // Every old value still fits: fine for what clients send (widened) or receive
            // (narrowed).
            let wire = used
                && if widened {
                    usage.output()
                } else if narrowed {
                    usage.input()
                } else {
                    true
                };
            // Setters take `impl Into<T>`: `i32` still goes into `i64`. Struct fields do not.
            let krate = rust_changed && !(param && widened);
            v(
                &format!("{prefix}type-changed"),
                Changed,
                within,
                wire,
                krate,
                Patch,
            )
        }
        Fact::FormatChanged { tightened } => v(
            &format!("{prefix}format-changed"),
            Changed,
            within,
            used && usage.input() && tightened,
            false,
            Patch,
        ),
        // Clients that leave it out get another value.
        Fact::DefaultChanged => v(
            &format!("{prefix}default-changed"),
            Changed,
            within,
            used && usage.input(),
            false,
            Patch,
        ),
        Fact::ConstraintsChanged { tightened } => v(
            &format!("{prefix}constraints-changed"),
            Changed,
            within,
            used && usage.input() && tightened,
            false,
            Patch,
        ),
        // Enums are `#[non_exhaustive]` with an `Other` fallback; HTTP clients that match
        // exhaustively on answers meet a value they do not know.
        Fact::EnumValueAdded => v(
            &format!("{prefix}enum-value-added"),
            Added,
            within,
            used && usage.output(),
            false,
            Minor,
        ),
        Fact::EnumValueRemoved => v(
            &format!("{prefix}enum-value-removed"),
            Removed,
            within,
            used && usage.input(),
            true,
            Minor,
        ),
        Fact::EnumVariantRenamed => v(
            &format!("{prefix}enum-variant-renamed"),
            Changed,
            within,
            false,
            true,
            Patch,
        ),
        Fact::TypeKindChanged => v(
            &format!("{prefix}schema-kind-changed"),
            Changed,
            within,
            used,
            true,
            Patch,
        ),
        Fact::SchemaAdded => v("schema-added", Added, Schemas, false, false, Minor),
        Fact::SchemaRemoved => v("schema-removed", Removed, Schemas, false, true, Minor),
        Fact::SchemaRenamed { rust_renamed } => v(
            "schema-renamed",
            Changed,
            Schemas,
            false,
            rust_renamed,
            Patch,
        ),
        Fact::SchemaDeprecated => v(
            "schema-deprecated",
            Deprecated,
            Schemas,
            false,
            false,
            Minor,
        ),
        // The client accepts any 2xx and decodes errors by status class.
        Fact::StatusAdded { .. } => v(
            "response-status-added",
            Added,
            Responses,
            false,
            false,
            Patch,
        ),
        Fact::StatusRemoved { success } => v(
            "response-status-removed",
            Removed,
            Responses,
            success,
            false,
            Patch,
        ),
        // The generator does not read security: the hand-written runtime sends a bearer token.
        Fact::SecuritySchemeAdded => v(
            "security-scheme-added",
            Added,
            Security,
            false,
            false,
            Patch,
        ),
        Fact::SecuritySchemeRemoved => v(
            "security-scheme-removed",
            Removed,
            Security,
            false,
            false,
            Patch,
        ),
        Fact::SecuritySchemeChanged => v(
            "security-scheme-changed",
            Changed,
            Security,
            true,
            false,
            Patch,
        ),
        Fact::OperationSecurityChanged { tightened } => v(
            "operation-security-changed",
            Changed,
            Security,
            tightened,
            false,
            Patch,
        ),
        Fact::ServerAdded => v("server-added", Added, Servers, false, false, Patch),
        Fact::ServerRemoved => v("server-removed", Removed, Servers, true, false, Patch),
        Fact::DefaultServerChanged => v(
            "server-default-changed",
            Changed,
            Servers,
            false,
            false,
            Patch,
        ),
    }
}
