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
//!
//! The table's parts, one file each: [`Usage`] and [`Scope`] (how the old API uses a type),
//! [`Finding`] (what `compare` found), [`ChangeKind`] (the kinds and their ids), [`When`] (the
//! conditions a verdict holds under) and `rules` (the table itself, one row per kind).

mod finding;
mod kind;
mod rules;
mod usage;
mod when;

pub use finding::Finding;
pub use kind::ChangeKind;
pub use rules::{Area, Rule};
pub use usage::{Scope, Usage};
pub use when::When;

use super::{Bump, Change};

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
