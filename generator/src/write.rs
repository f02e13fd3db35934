//! Stage 5: formatting, file headers, and putting the crate on disk atomically (or comparing
//! it with what is there, for `--check`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// A file of the generated crate, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path inside the crate, `/`-separated.
    pub path: String,
    /// The complete contents.
    pub contents: String,
}

/// Formats Rust tokens with prettyplease.
pub fn format_rust(tokens: proc_macro2::TokenStream, path: &str) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("generated {path} does not parse: {error}"),
        )
    })?;
    Ok(prettyplease::unparse(&file))
}

/// Replaces `out` with exactly `files`: everything is written into a fresh folder beside `out`
/// first, which then takes `out`'s place. A failure leaves `out` as it was.
pub fn write_atomic(out: &Path, files: &[GeneratedFile]) -> Result<(), Diagnostic> {
    let fail =
        |what: &str, error: std::io::Error| Diagnostic::file(out, format!("{what}: {error}"));
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| fail("cannot create the parent folder", e))?;
    let staging = tempfile::Builder::new()
        .prefix(".regenerate-")
        .tempdir_in(&parent)
        .map_err(|e| fail("cannot create a staging folder", e))?;
    for file in files {
        let target = staging.path().join(&file.path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail("cannot create a folder", e))?;
        }
        std::fs::write(&target, &file.contents).map_err(|e| fail("cannot write a file", e))?;
    }
    let staged = staging.keep();
    let backup = parent.join(format!(
        ".regenerate-old-{}",
        out.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    if backup.exists() {
        std::fs::remove_dir_all(&backup).map_err(|e| fail("cannot remove an old backup", e))?;
    }
    if out.exists() {
        std::fs::rename(out, &backup).map_err(|e| fail("cannot move the old output aside", e))?;
    }
    if let Err(error) = std::fs::rename(&staged, out) {
        // Put the old output back; the new one stays in the staging folder for inspection.
        let _ = std::fs::rename(&backup, out);
        return Err(fail("cannot move the new output into place", error));
    }
    if backup.exists() {
        std::fs::remove_dir_all(&backup).map_err(|e| fail("cannot remove the old output", e))?;
    }
    Ok(())
}

/// How the crate on disk differs from `files`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Files the generator would add.
    pub missing: Vec<String>,
    /// Files on disk the generator would remove.
    pub extra: Vec<String>,
    /// Files whose contents differ, with a short unified diff each.
    pub changed: Vec<(String, String)>,
}

impl Staleness {
    /// Whether the crate on disk is exactly what the generator produces.
    pub fn is_fresh(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.changed.is_empty()
    }

    /// A short report for a terminal.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for path in &self.missing {
            out.push_str(&format!("missing: {path}\n"));
        }
        for path in &self.extra {
            out.push_str(&format!("not generated: {path}\n"));
        }
        for (path, diff) in &self.changed {
            out.push_str(&format!("changed: {path}\n{diff}"));
        }
        out
    }
}

/// Compares `files` with the crate in `out` (ignoring `target/`).
pub fn compare(out: &Path, files: &[GeneratedFile]) -> Result<Staleness, Diagnostic> {
    let on_disk =
        read_tree(out).map_err(|error| Diagnostic::file(out, format!("cannot read: {error}")))?;
    let mut staleness = Staleness::default();
    let generated: BTreeMap<&str, &str> = files
        .iter()
        .map(|f| (f.path.as_str(), f.contents.as_str()))
        .collect();
    for (path, contents) in &generated {
        match on_disk.get(*path) {
            None => staleness.missing.push((*path).to_string()),
            Some(existing) if existing != contents => {
                staleness
                    .changed
                    .push(((*path).to_string(), short_diff(existing, contents)));
            }
            Some(_) => {}
        }
    }
    for path in on_disk.keys() {
        if !generated.contains_key(path.as_str()) {
            staleness.extra.push(path.clone());
        }
    }
    Ok(staleness)
}

/// The first lines of a unified diff from `old` to `new`.
fn short_diff(old: &str, new: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("committed", "generated")
        .to_string();
    let mut lines: Vec<&str> = text.lines().take(MAX_LINES + 1).collect();
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        lines.push("  ...");
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Every file below `root` (except `target/`), by `/`-separated relative path.
fn read_tree(root: &Path) -> std::io::Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    if !root.exists() {
        return Ok(files);
    }
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if entry.file_type()?.is_dir() {
                if relative != "target" {
                    pending.push(path);
                }
            } else {
                let contents = std::fs::read(&path)?;
                files.insert(relative, String::from_utf8_lossy(&contents).into_owned());
            }
        }
    }
    Ok(files)
}
