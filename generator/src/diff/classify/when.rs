//! The conditions under which a verdict (wire or crate breaking) holds.

use super::{Finding, Usage};

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
    /// The status had a variant of the operation's error enum, which is gone with it.
    ErrorVariantGone,
    /// A header's type changed so that it may carry a value that was not valid before.
    NotNarrowed,
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
            When::SuccessStatus => matches!(finding, F::StatusRemoved { success: true, .. }),
            When::ErrorVariantGone => matches!(
                finding,
                F::StatusRemoved {
                    error_variant: true,
                    ..
                }
            ),
            When::NotNarrowed => finding == F::HeaderTypeChanged { narrowed: false },
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
