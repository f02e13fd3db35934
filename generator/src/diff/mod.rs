//! `cargo xtask spec-diff`: what a spec change does to HTTP clients and to users of the
//! generated crate.
//!
//! The diff reads two lowered models ([`crate::model::Api`]), not two YAML trees, so that
//! refactors the generator does not see (moving an inline schema into `components`, reordering
//! keys or paths) report nothing. What the model does not carry (constraints, defaults, formats,
//! status codes, security) is read from the spec document beside it.
//!
//! `pairing` finds which old operation, parameter and type is which new one, `compare` walks the
//! pairs and finds the changes (one file per concern), `classify` is the one table of verdicts
//! (wire, crate, semver) keyed by [`ChangeKind`], `raw` reads what the model does not carry,
//! `generated` summarizes the generated crate's files and public items, and `report` writes
//! text, markdown or JSON.

mod classify;
mod compare;
mod generated;
mod pairing;
mod raw;
mod report;
pub mod verify;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::Api;

pub use classify::{ChangeKind, Finding, Rule, Scope, Usage, When};
pub use generated::CrateSummary;
pub use report::Format;

/// One side of a diff: a spec, its settings, and the model lowered from them.
#[derive(Debug, Clone)]
pub struct Side {
    /// What the reports call this side (`HEAD:spec/webwork-v2.yaml`).
    pub label: String,
    /// The file the spec came from (for messages and the generated files' headers).
    pub path: PathBuf,
    /// The generator settings.
    pub config: Config,
    /// The spec document as JSON, for what the model does not carry.
    pub raw: serde_json::Value,
    /// The lowered model.
    pub api: Api,
}

impl Side {
    /// Loads the spec at `path` with the `generator.toml` beside it.
    pub fn load(path: &Path) -> Result<Side, Diagnostic> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| Diagnostic::file(path, format!("cannot read the spec: {error}")))?;
        let config = Config::for_spec(path)?;
        Side::build(path.display().to_string(), path, &text, config)
    }

    /// A side from spec text and optional `generator.toml` text (read from git, say); `path`
    /// only names the spec in messages.
    pub fn from_text(
        label: impl Into<String>,
        path: &Path,
        spec: &str,
        config: Option<&str>,
    ) -> Result<Side, Diagnostic> {
        let config = match config {
            Some(text) => toml::from_str(text).map_err(|error| {
                let file = path.with_file_name(Config::FILE_NAME);
                Diagnostic::file(&file, error.message().to_string())
            })?,
            None => Config::default(),
        };
        Side::build(label.into(), path, spec, config)
    }

    /// Parses and lowers `text`, and keeps it as JSON.
    fn build(label: String, path: &Path, text: &str, config: Config) -> Result<Side, Diagnostic> {
        let parsed = crate::load::parse_document(path, text)?;
        let api = crate::lower::lower(&parsed.openapi, path, &config)
            .map_err(|error| parsed.origins.restore(error))?;
        // A 3.1 spec is compared in the 3.0 shape it was read in, so the same API written in
        // either version compares equal.
        let yaml: serde_yaml::Value = match parsed.rewritten {
            Some(rewritten) => rewritten,
            None => serde_yaml::from_str(text)
                .map_err(|error| Diagnostic::file(path, format!("invalid YAML: {error}")))?,
        };
        let raw = serde_json::to_value(&yaml).map_err(|error| {
            Diagnostic::file(path, format!("the YAML is not JSON-compatible: {error}"))
        })?;
        Ok(Side {
            label,
            path: path.to_path_buf(),
            config,
            raw,
            api,
        })
    }
}

/// The semver bump a change needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bump {
    /// Nothing users can see, or behaviour only.
    Patch,
    /// New API, nothing broken.
    Minor,
    /// Code written against the previous crate breaks.
    Major,
}

impl Bump {
    /// `major`, `minor` or `patch`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    /// `major`, `minor` or `patch`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the report groups changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Something new.
    Added,
    /// Something gone.
    Removed,
    /// Something different.
    Changed,
    /// Something marked `deprecated`.
    Deprecated,
}

impl Group {
    /// The heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Added => "Added",
            Group::Removed => "Removed",
            Group::Changed => "Changed",
            Group::Deprecated => "Deprecated",
        }
    }
}

/// What part of the API a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Concern {
    /// Operations as a whole.
    Operations,
    /// Path, query and header parameters.
    Parameters,
    /// Request bodies and their properties.
    RequestBodies,
    /// Answers, their status codes and properties.
    Responses,
    /// Named schemas, and types used by requests and answers alike.
    Schemas,
    /// Security schemes and requirements.
    Security,
    /// Servers.
    Servers,
}

impl Concern {
    /// The name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::Operations => "operation",
            Concern::Parameters => "parameter",
            Concern::RequestBodies => "request body",
            Concern::Responses => "response",
            Concern::Schemas => "schema",
            Concern::Security => "security",
            Concern::Servers => "server",
        }
    }
}

/// One change between the two specs, with its verdicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What happened (`parameter-became-required`).
    pub kind: String,
    /// Added, removed, changed or deprecated.
    pub group: Group,
    /// What part of the API.
    pub concern: Concern,
    /// Where (`GET /expenses query per_page`, `Expense.amount`).
    pub location: String,
    /// What exactly, in words.
    pub detail: String,
    /// Whether an existing HTTP client breaks.
    pub wire_breaking: bool,
    /// Whether code using the previous crate stops compiling or fails at run time.
    pub crate_breaking: bool,
    /// The semver bump this change alone needs.
    pub semver: Bump,
}

impl Change {
    /// Whether the change breaks anyone.
    pub fn is_breaking(&self) -> bool {
        self.wire_breaking || self.crate_breaking
    }
}

/// The whole answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The old side's label.
    pub old: String,
    /// The new side's label.
    pub new: String,
    /// The changes, grouped and sorted.
    pub changes: Vec<Change>,
    /// What changes in the generated crate.
    pub generated: CrateSummary,
    /// The bump the crate needs.
    pub semver: Bump,
}

impl Report {
    /// Whether any change breaks HTTP clients or crate users.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// Whether any change breaks code using the previous crate: the table's crate verdict.
    pub fn breaks_crate(&self) -> bool {
        self.changes.iter().any(|change| change.crate_breaking)
    }

    /// Writes the report in `format`.
    pub fn render(&self, format: Format) -> String {
        report::render(self, format)
    }
}

/// Compares two sides: the changes, their verdicts, and the generated crate's differences.
pub fn diff(old: &Side, new: &Side) -> Result<Report, Diagnostic> {
    let mut changes = compare::compare(old, new);
    changes.sort_by(|a, b| {
        (a.group, a.concern, &a.location, &a.kind).cmp(&(b.group, b.concern, &b.location, &b.kind))
    });
    changes.dedup();
    // Both crates are generated as if from the same file, so headers do not differ.
    let old_files = crate::pipeline::generate_from_model(&old.api, &old.config, &new.path)?;
    let new_files = crate::pipeline::generate_from_model(&new.api, &new.config, &new.path)?;
    let generated = generated::summarize(&old_files, &new_files);
    let mut semver = changes
        .iter()
        .map(|c| c.semver)
        .max()
        .unwrap_or(Bump::Patch);
    if !generated.items_removed.is_empty() {
        // A public item went away without a change that explains it: be safe.
        semver = Bump::Major;
    } else if !generated.items_added.is_empty() {
        semver = semver.max(Bump::Minor);
    }
    Ok(Report {
        old: old.label.clone(),
        new: new.label.clone(),
        changes,
        generated,
        semver,
    })
}

/// Loads both files and compares them.
pub fn diff_files(old: &Path, new: &Path) -> Result<Report, Diagnostic> {
    diff(&Side::load(old)?, &Side::load(new)?)
}
