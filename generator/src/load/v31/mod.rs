//! The OpenAPI 3.1 front end: a 3.1 document becomes the 3.0 document that means the same to
//! the generator, before openapiv3 (a 3.0 reader) sees it, or a located refusal.
//!
//! Only the shape changes; nothing the generator uses is lost. Every 3.1 construct is either
//! rewritten into its 3.0 form (type lists, `const`, `examples`, numeric exclusive bounds,
//! `$ref` beside other keywords, `contentEncoding`, `patternProperties`, ...), kept where the
//! pipeline reads it (`webhooks`, `components/pathItems`), or refused with the JSON pointer of
//! the construct and a sentence that says why (`prefixItems`, `if`, `$defs`, `$id`, ...). The
//! few subtrees that move are recorded in [`Origins`], so an error found by a later stage
//! still names the place of the 3.1 document. README's "OpenAPI 3.1" table lists each
//! construct and what it becomes.

mod document;
mod keywords;
mod origins;
mod schema;

use std::path::Path;

use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, Location, Pointer};

pub use document::{PATH_ITEMS_EXTENSION, WEBHOOKS_EXTENSION};
pub use origins::Origins;

/// Whether `version` (the document's `openapi`) is one this front end reads.
pub fn reads(version: &str) -> bool {
    version.starts_with("3.1.")
}

/// Rewrites the 3.1 document `document`, read from `path`, into the 3.0 shape, with where its
/// moved parts came from.
pub fn downgrade(path: &Path, mut document: Value) -> Result<(Value, Origins), Diagnostic> {
    let mut rewriter = Rewriter {
        path,
        origins: Origins::default(),
        mutual_tls: Vec::new(),
    };
    document::rewrite(&mut rewriter, &mut document)?;
    Ok((document, rewriter.origins))
}

/// The state of one rewrite: the file (for messages) and the moves so far.
struct Rewriter<'p> {
    path: &'p Path,
    origins: Origins,
    /// The document's `mutualTLS` security schemes, left out of its security requirements.
    mutual_tls: Vec<String>,
}

impl Rewriter<'_> {
    /// The error `message` at `at`, a place of the rewritten document, located in the
    /// original one.
    fn error(&self, at: &Pointer, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.path.to_path_buf(),
            location: Location::Pointer(self.origins.original(&at.to_string())),
            message: message.into(),
        }
    }
}

/// Whether a schema dialect (`jsonSchemaDialect`, a schema's `$schema`) is one whose keywords
/// the front end reads as they are meant: OpenAPI 3.1's own, JSON Schema 2020-12 that it
/// extends, and the earlier JSON Schema drafts (4 to 2019-09), whose keywords that the
/// generator uses mean the same (draft 4's boolean `exclusiveMinimum` is 3.0's).
fn known_dialect(dialect: &Value) -> bool {
    dialect.as_str().is_some_and(|d| {
        let d = d
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        d.starts_with("spec.openapis.org/oas/3.1/dialect/")
            || d.starts_with("json-schema.org/draft")
    })
}

#[cfg(test)]
mod tests;
