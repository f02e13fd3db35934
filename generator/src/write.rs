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

/// What writing the crate changed on disk.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Files created or rewritten because their bytes differ, `/`-separated.
    pub written: Vec<String>,
    /// Files removed because the generator no longer makes them.
    pub removed: Vec<String>,
}

impl Written {
    /// How many files were written or removed.
    pub fn count(&self) -> usize {
        self.written.len() + self.removed.len()
    }
}

/// Makes `out` hold exactly `files` (and keeps its `target/`), touching only what differs: a
/// file whose bytes are already right keeps its modification time, so cargo rebuilds nothing
/// for a regeneration that changed nothing.
///
/// All or nothing: every new content is written into a staging folder beside `out` first, so
/// a failure to write leaves `out` as it was; then the staged files and the removals are moved
/// into place, and if one of those moves fails the ones made so far are undone.
pub fn write_atomic(out: &Path, files: &[GeneratedFile]) -> Result<Written, Diagnostic> {
    let fail =
        |what: &str, error: std::io::Error| Diagnostic::file(out, format!("{what}: {error}"));
    let plan = compare(out, files)?;
    let written: Vec<String> = plan
        .missing
        .iter()
        .chain(plan.changed.iter().map(|(path, _)| path))
        .cloned()
        .collect();
    if written.is_empty() && plan.extra.is_empty() {
        return Ok(Written::default());
    }
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| fail("cannot create the parent folder", e))?;
    let staging = tempfile::Builder::new()
        .prefix(".regenerate-")
        .tempdir_in(&parent)
        .map_err(|e| fail("cannot create a staging folder", e))?;
    let contents: BTreeMap<&str, &str> = files
        .iter()
        .map(|file| (file.path.as_str(), file.contents.as_str()))
        .collect();
    for path in &written {
        let staged = staging.path().join("new").join(path);
        create_parent(&staged).map_err(|e| fail("cannot create a folder", e))?;
        std::fs::write(&staged, contents[path.as_str()])
            .map_err(|e| fail("cannot write a file", e))?;
    }
    let mut moves = Moves::new(staging.path().join("old"));
    let applied = written
        .iter()
        .try_for_each(|path| moves.replace(&staging.path().join("new").join(path), out, path))
        .and_then(|()| {
            plan.extra
                .iter()
                .try_for_each(|path| moves.remove(out, path))
        });
    if let Err(error) = applied {
        moves.undo(out);
        return Err(fail("cannot move the new files into place", error));
    }
    remove_empty_folders(out, &plan.extra);
    Ok(Written {
        written,
        removed: plan.extra,
    })
}

/// The moves made into the crate folder, with the old files kept aside to undo them.
struct Moves {
    /// Where replaced and removed files are kept until the write succeeds.
    aside: PathBuf,
    /// Each move: the file's path in the crate, and whether an old file was set aside.
    done: Vec<(String, bool)>,
}

impl Moves {
    fn new(aside: PathBuf) -> Self {
        Moves {
            aside,
            done: Vec::new(),
        }
    }

    /// Moves `staged` to `path` in `out`, setting aside the file it replaces.
    fn replace(&mut self, staged: &Path, out: &Path, path: &str) -> std::io::Result<()> {
        let target = out.join(path);
        let had_old = target.exists();
        if had_old {
            self.set_aside(&target, path)?;
        }
        self.done.push((path.to_string(), had_old));
        create_parent(&target)?;
        std::fs::rename(staged, &target)
    }

    /// Removes `path` from `out`, setting it aside.
    fn remove(&mut self, out: &Path, path: &str) -> std::io::Result<()> {
        self.set_aside(&out.join(path), path)?;
        self.done.push((path.to_string(), true));
        Ok(())
    }

    fn set_aside(&self, file: &Path, path: &str) -> std::io::Result<()> {
        let kept = self.aside.join(path);
        create_parent(&kept)?;
        std::fs::rename(file, kept)
    }

    /// Puts every file back as it was, newest move first (best effort: this runs after a
    /// failure and has no better way to report one of its own).
    fn undo(&self, out: &Path) {
        for (path, had_old) in self.done.iter().rev() {
            let target = out.join(path);
            let _ = std::fs::remove_file(&target);
            if *had_old {
                let _ = std::fs::rename(self.aside.join(path), &target);
            }
        }
    }
}

fn create_parent(file: &Path) -> std::io::Result<()> {
    match file.parent() {
        Some(dir) => std::fs::create_dir_all(dir),
        None => Ok(()),
    }
}

/// Removes the folders of `removed` files that are now empty (never `out` itself).
fn remove_empty_folders(out: &Path, removed: &[String]) {
    for path in removed {
        let mut dir = out.join(path);
        while dir.pop() && dir != out {
            // Fails, and stops, at the first folder that still holds something.
            if std::fs::remove_dir(&dir).is_err() {
                break;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    type Outcome = Result<(), Box<dyn std::error::Error>>;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    #[test]
    fn undo_puts_back_every_replaced_and_removed_file() -> Outcome {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("crate");
        write_atomic(&out, &[file("a.rs", "old a"), file("src/b.rs", "old b")])?;
        let staged = dir.path().join("staged");
        std::fs::create_dir_all(&staged)?;
        std::fs::write(staged.join("a.rs"), "new a")?;
        std::fs::write(staged.join("c.rs"), "new c")?;

        let mut moves = Moves::new(dir.path().join("aside"));
        moves.replace(&staged.join("a.rs"), &out, "a.rs")?;
        moves.replace(&staged.join("c.rs"), &out, "c.rs")?;
        moves.remove(&out, "src/b.rs")?;
        assert_eq!(std::fs::read_to_string(out.join("a.rs"))?, "new a");
        moves.undo(&out);

        assert_eq!(std::fs::read_to_string(out.join("a.rs"))?, "old a");
        assert_eq!(std::fs::read_to_string(out.join("src/b.rs"))?, "old b");
        assert!(!out.join("c.rs").exists());
        Ok(())
    }

    #[test]
    fn a_write_reports_what_it_wrote_and_removed() -> Outcome {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("crate");
        let first = write_atomic(&out, &[file("a.rs", "a"), file("x/b.rs", "b")])?;
        assert_eq!(first.written, ["a.rs", "x/b.rs"]);
        let second = write_atomic(&out, &[file("a.rs", "a2")])?;
        assert_eq!(second.written, ["a.rs"]);
        assert_eq!(second.removed, ["x/b.rs"]);
        assert_eq!(second.count(), 2);
        assert!(!out.join("x").exists(), "the emptied folder is removed");
        assert_eq!(write_atomic(&out, &[file("a.rs", "a2")])?.count(), 0);
        Ok(())
    }
}
