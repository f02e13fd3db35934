//! `spec-diff --verify`: the table's crate verdict, checked by the compiler.
//!
//! For each pair of sides, the old and the new crate are generated, and the usage probe of the
//! old crate (`emit::usage_probe`: every operation called with every setter, every struct
//! built with a literal and read, every enum matched, every type named) is compiled twice:
//! against the old crate, where it must compile (else the probe is wrong, not the table), and
//! against the new one. It compiles against the new crate exactly when code using the previous
//! crate keeps compiling, which is what the table's crate column claims.
//!
//! All pairs go into one cargo workspace so that the dependencies build once and the crates
//! check in parallel; pairs with the same old side share its crate and probe. Files are
//! written only when their bytes change, so a second run checks only what changed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Report, Side};
use crate::diagnostics::Diagnostic;
use crate::write::{write_atomic, GeneratedFile};

/// Two sides to check, under a name that is unique among the pairs checked together.
pub struct Pair<'a> {
    /// The name (a catalogue case, `spec`); it names the pair's folder and packages.
    pub name: String,
    /// The old side, whose probe is compiled.
    pub old: &'a Side,
    /// The new side, which the probe is compiled against.
    pub new: &'a Side,
}

/// What the compiler says about one pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompilerVerdict {
    /// The pair's name.
    pub name: String,
    /// Whether the probe of the old crate fails to compile against the new crate.
    pub breaks_crate: bool,
    /// The compiler's errors in the probe against the new crate, as rustc renders them.
    pub errors: Vec<String>,
}

/// The table's crate verdict beside the compiler's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Whether the table says some change breaks code using the previous crate.
    pub table_breaks_crate: bool,
    /// What the compiler says.
    pub compiler: CompilerVerdict,
}

impl Verification {
    /// Pairs a report with the compiler's verdict on the same sides.
    pub fn new(report: &Report, compiler: CompilerVerdict) -> Self {
        Verification {
            table_breaks_crate: report.breaks_crate(),
            compiler,
        }
    }

    /// Whether the table and the compiler agree.
    pub fn agrees(&self) -> bool {
        self.table_breaks_crate == self.compiler.breaks_crate
    }

    /// A few lines for people: both verdicts, and the compiler's errors when they disagree.
    pub fn render(&self) -> String {
        let says = |breaks: bool| {
            if breaks {
                "breaks code using the previous crate"
            } else {
                "code using the previous crate keeps compiling"
            }
        };
        let mut text = format!(
            "verify ({}): the table says {}; the compiler says {}: {}.\n",
            self.compiler.name,
            says(self.table_breaks_crate),
            says(self.compiler.breaks_crate),
            if self.agrees() {
                "they agree"
            } else {
                "they DISAGREE"
            },
        );
        if !self.agrees() {
            for error in &self.compiler.errors {
                let _ = writeln!(text, "{error}");
            }
        }
        text
    }
}

/// Generates every pair's crates and probes into the workspace `dir`, checks them with cargo
/// (target folder `target`; the lock file `lock` is copied in when the workspace has none), and
/// returns the compiler's verdict for each pair, in order.
///
/// An error when a crate cannot be generated, when cargo cannot run, when a generated crate
/// does not compile, or when a probe does not compile against its own crate.
pub fn verify(
    pairs: &[Pair<'_>],
    dir: &Path,
    target: &Path,
    lock: Option<&Path>,
) -> Result<Vec<CompilerVerdict>, Diagnostic> {
    let layout = Layout::write(pairs, dir, lock)?;
    let outcome = check(dir, target)?;
    let canonical =
        |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut verdicts = Vec::with_capacity(pairs.len());
    for (pair, folders) in pairs.iter().zip(&layout.pairs) {
        for (folder, what) in [
            (&folders.old_crate, "the old crate"),
            (&folders.new_crate, "the new crate"),
            (&folders.old_probe, "the probe against the old crate"),
        ] {
            // Cargo names packages by their canonical folders.
            let folder = canonical(folder);
            if !outcome.compiled(&folder) {
                return Err(Diagnostic::file(
                    &folder,
                    format!(
                        "verify `{}`: {what} does not compile:\n{}",
                        pair.name,
                        outcome.errors(&folder).join("\n")
                    ),
                ));
            }
        }
        verdicts.push(CompilerVerdict {
            name: pair.name.clone(),
            breaks_crate: !outcome.compiled(&canonical(&folders.new_probe)),
            errors: outcome.errors(&canonical(&folders.new_probe)),
        });
    }
    Ok(verdicts)
}

/// Where one pair's packages are.
struct PairFolders {
    old_crate: PathBuf,
    old_probe: PathBuf,
    new_crate: PathBuf,
    new_probe: PathBuf,
}

/// The workspace as written.
struct Layout {
    pairs: Vec<PairFolders>,
}

impl Layout {
    /// Writes the crates, the probes and the workspace manifest.
    fn write(pairs: &[Pair<'_>], dir: &Path, lock: Option<&Path>) -> Result<Layout, Diagnostic> {
        let mut members = Vec::new();
        // Old sides by their spec and settings: pairs that share one share its folder.
        let mut olds: BTreeMap<String, (PathBuf, PathBuf)> = BTreeMap::new();
        let mut folders = Vec::with_capacity(pairs.len());
        for pair in pairs {
            let package = package_name(&pair.name);
            let key = format!("{:?}{}", pair.old.config, pair.old.raw);
            let (old_crate, old_probe) = if let Some(found) = olds.get(&key) {
                found.clone()
            } else {
                let name = format!("old-{}", olds.len() + 1);
                let folder = dir.join(&name);
                write_crate(pair.old, &folder.join("crate"), &format!("{name}-api"))?;
                write_probe(
                    pair.old,
                    &folder.join("probe"),
                    &format!("{name}-probe"),
                    &format!("{name}-api"),
                )?;
                members.push(format!("{name}/probe"));
                let found = (folder.join("crate"), folder.join("probe"));
                olds.insert(key, found.clone());
                found
            };
            let folder = dir.join(format!("pair-{package}"));
            write_crate(pair.new, &folder.join("crate"), &format!("{package}-api"))?;
            write_probe(
                pair.old,
                &folder.join("probe"),
                &format!("{package}-probe"),
                &format!("{package}-api"),
            )?;
            members.push(format!("pair-{package}/probe"));
            folders.push(PairFolders {
                old_crate,
                old_probe,
                new_crate: folder.join("crate"),
                new_probe: folder.join("probe"),
            });
        }
        let list: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
        let manifest = format!(
            "# Written by `spec-diff --verify`: the crates of each pair and the usage probes.\n[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            list.join(", ")
        );
        write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
        if let Some(lock) = lock.filter(|_| !dir.join("Cargo.lock").exists()) {
            // The project's lock file pins the dependency versions the client is built with.
            std::fs::copy(lock, dir.join("Cargo.lock"))
                .map_err(|error| Diagnostic::file(lock, format!("cannot copy: {error}")))?;
        }
        Ok(Layout { pairs: folders })
    }
}

/// A package name from a pair's name: lowercase letters, digits and `-`.
fn package_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The side's crate, under the package name `package`.
fn write_crate(side: &Side, folder: &Path, package: &str) -> Result<(), Diagnostic> {
    let mut config = side.config.clone();
    config.package.name = package.to_string();
    let files = crate::pipeline::generate_from_model(&side.api, &config, &side.path)?;
    write_atomic(folder, &files).map(|_| ())
}

/// The usage probe of `side`'s crate, reaching the crate `package` at `../crate` by the
/// probe's alias.
fn write_probe(side: &Side, folder: &Path, name: &str, package: &str) -> Result<(), Diagnostic> {
    let alias = crate::emit::PROBE_CRATE_ALIAS;
    let manifest = format!(
        "# Written by `spec-diff --verify`.\n[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{alias} = {{ path = \"../crate\", package = \"{package}\" }}\n"
    );
    let lib = crate::write::format_rust(crate::emit::usage_probe(&side.api), "probe/src/lib.rs")
        .map_err(|error| Diagnostic::file(&side.path, error.to_string()))?;
    let files = [
        GeneratedFile {
            path: "Cargo.toml".into(),
            contents: manifest,
        },
        GeneratedFile {
            path: "src/lib.rs".into(),
            contents: lib,
        },
    ];
    write_atomic(folder, &files).map(|_| ())
}

fn write_if_changed(path: &Path, contents: &str) -> Result<(), Diagnostic> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| Diagnostic::file(parent, format!("cannot create: {error}")))?;
    }
    std::fs::write(path, contents)
        .map_err(|error| Diagnostic::file(path, format!("cannot write: {error}")))
}

/// What one `cargo check` of the workspace built and what it refused, by package folder.
struct Outcome {
    /// Folders of the packages whose library was checked.
    compiled: Vec<PathBuf>,
    /// Rendered errors, by package folder.
    errors: BTreeMap<PathBuf, Vec<String>>,
}

impl Outcome {
    fn compiled(&self, folder: &Path) -> bool {
        self.compiled.iter().any(|f| f == folder)
    }

    fn errors(&self, folder: &Path) -> Vec<String> {
        self.errors.get(folder).cloned().unwrap_or_default()
    }
}

/// Runs `cargo check --keep-going` over the workspace at `dir` and reads its JSON messages.
fn check(dir: &Path, target: &Path) -> Result<Outcome, Diagnostic> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--workspace",
            "--keep-going",
            "--quiet",
            "--message-format=json",
        ])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        // Warnings (deprecated items, say) are not breaks.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_MAKEFLAGS")
        .output()
        .map_err(|error| Diagnostic::file(dir, format!("cannot run cargo: {error}")))?;
    let mut outcome = Outcome {
        compiled: Vec::new(),
        errors: BTreeMap::new(),
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(folder) = message["manifest_path"]
            .as_str()
            .and_then(|path| Path::new(path).parent())
            .map(Path::to_path_buf)
        else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") if is_lib(&message) => outcome.compiled.push(folder),
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
                outcome
                    .errors
                    .entry(folder)
                    .or_default()
                    .push(rendered.to_string());
            }
            _ => {}
        }
    }
    if !output.status.success() && outcome.errors.is_empty() {
        return Err(Diagnostic::file(
            dir,
            format!(
                "cargo check failed without a compiler error:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ),
        ));
    }
    Ok(outcome)
}

/// Whether a `compiler-artifact` message is a library's.
fn is_lib(message: &serde_json::Value) -> bool {
    message["target"]["kind"]
        .as_array()
        .is_some_and(|kinds| kinds.iter().any(|kind| kind == "lib"))
}
