//! The generator's settings for one spec, read from `generator.toml` next to it: what the crate
//! is called and which envelope the answers come in. Nothing WebWork-specific lives in code.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// Settings for one spec.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The generated crate's package metadata.
    #[serde(default)]
    pub package: Package,
    /// The response envelope; absent when answers are not wrapped.
    #[serde(default)]
    pub envelope: Option<EnvelopeConfig>,
    /// Naming and type overrides for the spec's schemas.
    #[serde(default)]
    pub types: TypesConfig,
    /// How list operations page; absent when they do not.
    #[serde(default)]
    pub pagination: Option<PaginationConfig>,
    /// Which cargo features the crate has beyond the fixed ones.
    #[serde(default)]
    pub features: FeaturesConfig,
}

/// The crate's cargo features per tag:
///
/// ```toml
/// [features]
/// per_tag = true
/// ```
///
/// With `per_tag`, each tag's operations module, its mocks and the types only its operations
/// reach sit behind a cargo feature named after the tag (its module name in kebab case); the
/// types two or more tags reach, and those no operation reaches, are always compiled. The
/// feature `full` enables every tag and is the default, so a user who wants fewer writes
/// `default-features = false, features = ["rustls-tls", "repos"]`. Off by default: a small
/// crate compiles quickly whole, and its users' `Cargo.toml` stays one line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeaturesConfig {
    /// A cargo feature per tag.
    #[serde(default)]
    pub per_tag: bool,
}

/// How paginated operations are recognised and walked.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaginationConfig {
    /// The query parameter that selects the page (1-based).
    pub page_parameter: String,
    /// The query parameter that sets the page size.
    pub per_page_parameter: String,
    /// The member of the envelope's metadata that describes the page.
    pub meta_field: String,
    /// The member of that description holding the current page number.
    pub current_page: String,
    /// The member holding the last page number.
    pub last_page: String,
}

/// Overrides for component schemas, by their name in `#/components/schemas`:
///
/// ```toml
/// [types.rename]          # the Rust name of a schema's type (also: `x-rust-name` on it)
/// "pet-owner" = "Owner"
/// [types.replace]         # use an existing Rust type instead of generating one
/// Timestamp = "chrono::DateTime<chrono::Utc>"   # (also: `x-rust-type` on the schema)
/// ```
///
/// A replacement must implement `Debug`, `Clone`, `PartialEq`, `Serialize` and `Deserialize`
/// and be reachable from the generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypesConfig {
    /// Schema name -> Rust type name.
    #[serde(default)]
    pub rename: std::collections::BTreeMap<String, String>,
    /// Schema name -> Rust type path.
    #[serde(default)]
    pub replace: std::collections::BTreeMap<String, String>,
}

/// Package metadata of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// The package name (`webwork-client`).
    pub name: String,
    /// The package version.
    pub version: String,
    /// A one-line description.
    #[serde(default)]
    pub description: Option<String>,
    /// The API's or the crate's home page.
    #[serde(default)]
    pub homepage: Option<String>,
    /// Where the crate's source is published.
    #[serde(default)]
    pub repository: Option<String>,
    /// crates.io keywords (at most five).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// crates.io category slugs.
    #[serde(default)]
    pub categories: Vec<String>,
}

impl Default for Package {
    fn default() -> Self {
        Package {
            name: "api-client".to_string(),
            version: "0.1.0".to_string(),
            description: None,
            homepage: None,
            repository: None,
            keywords: Vec::new(),
            categories: vec!["api-bindings".to_string()],
        }
    }
}

/// The wire names of the envelope's members.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeConfig {
    /// The success flag.
    #[serde(default = "names::success")]
    pub success: String,
    /// The payload.
    #[serde(default = "names::data")]
    pub data: String,
    /// The message.
    #[serde(default = "names::message")]
    pub message: String,
    /// The metadata.
    #[serde(default = "names::meta")]
    pub meta: String,
}

mod names {
    pub fn success() -> String {
        "success".into()
    }
    pub fn data() -> String {
        "data".into()
    }
    pub fn message() -> String {
        "message".into()
    }
    pub fn meta() -> String {
        "meta".into()
    }
}

impl Config {
    /// The name of the config file looked for next to a spec.
    pub const FILE_NAME: &'static str = "generator.toml";

    /// Reads `generator.toml` from the spec's folder; the defaults when there is none.
    pub fn for_spec(spec: &Path) -> Result<Self, Diagnostic> {
        let path = spec
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join(Self::FILE_NAME);
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|error| Diagnostic::file(&path, format!("cannot read: {error}")))?;
        toml::from_str(&text).map_err(|error| Diagnostic::file(&path, error.message().to_string()))
    }
}
