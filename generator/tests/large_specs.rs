//! The two largest public descriptions, GitHub's REST API and Stripe's, unmodified
//! (`tests/large-specs/SOURCES`): each generates without a refusal, no generated file of
//! `src/` is longer than a reader can follow in a diff, and one small tag of each compiles alone
//! (`--no-default-features --features <tag>`, `-D warnings`). The whole crates (`full,mock`)
//! compile in the `--ignored` test `whole_crates_compile` (minutes on two cores):
//! `cargo test -p webwork-generator --test large_specs -- --ignored`.
//!
//! Each description is decompressed, with its settings (`<file>.toml` beside it) as
//! `generator.toml`, under `target/large-specs/<name>/`, and its crate written there; the
//! crates share `target/large-specs/target`, so their dependencies stay built between runs.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The most lines a generated Rust file of the crate may have.
const MAX_LINES: usize = 3_500;

/// One description: its compressed file, the crate's folder name and the small tag checked
/// alone.
struct LargeSpec {
    file: &'static str,
    name: &'static str,
    tag: &'static str,
}

const SPECS: &[LargeSpec] = &[
    LargeSpec {
        file: "api.github.com.json",
        name: "github",
        tag: "emojis",
    },
    LargeSpec {
        file: "stripe-spec3.json",
        name: "stripe",
        tag: "balance",
    },
];

fn base() -> PathBuf {
    common::root().join("target/large-specs")
}

/// Decompresses `spec` with its settings into its folder; the path of the description.
fn unpack(spec: &LargeSpec) -> PathBuf {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/large-specs");
    let dir = base().join(spec.name).join("spec");
    std::fs::create_dir_all(&dir).expect("spec folder");
    let compressed = std::fs::File::open(sources.join(format!("{}.gz", spec.file)))
        .expect("the compressed description");
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(compressed)
        .read_to_end(&mut text)
        .expect("decompress");
    let path = dir.join(spec.file);
    write_if_changed(&path, &text);
    let stem = spec.file.trim_end_matches(".json");
    let config = std::fs::read(sources.join(format!("{stem}.toml"))).expect("the settings");
    write_if_changed(&dir.join("generator.toml"), &config);
    path
}

/// Writes `bytes` unless the file already holds them, so cargo's fingerprints stay fresh.
fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
}

/// Generates the crate of `spec` into its folder (stale files removed) and checks the length
/// of its Rust files; the crate's folder.
fn generate(spec: &LargeSpec) -> PathBuf {
    let path = unpack(spec);
    let started = Instant::now();
    let files = webwork_generator::generate(&path).unwrap_or_else(|error| panic!("{error}"));
    println!("{}: generated in {:.0?}", spec.name, started.elapsed());
    let long: Vec<String> = files
        .iter()
        .filter(|file| file.path.starts_with("src/") && !file.path.starts_with("src/runtime/"))
        .filter(|file| file.contents.lines().count() > MAX_LINES)
        .map(|file| format!("{} ({} lines)", file.path, file.contents.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "{}: files over {MAX_LINES} lines: {long:?}",
        spec.name
    );
    let out = base().join(spec.name).join("crate");
    let written = webwork_generator::write::write_atomic(&out, &files)
        .unwrap_or_else(|error| panic!("{error}"));
    println!("{}: {} files changed", spec.name, written.count());
    out
}

/// `cargo check` of the crate in `dir` with `args`, warnings denied; panics with the
/// compiler's messages when it fails.
fn check(dir: &Path, args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let started = Instant::now();
    let output = Command::new(cargo)
        .arg("check")
        .args(args)
        .args(["--quiet", "--message-format=short"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", base().join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_MAKEFLAGS")
        .output()
        .expect("run cargo check");
    assert!(
        output.status.success(),
        "{} does not compile with {args:?}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "cargo check {args:?} of {}: {:.0?}",
        dir.display(),
        started.elapsed()
    );
}

/// The generated crates are not members of this workspace: `target/large-specs` is a
/// workspace of its own, with the project's lock file, so the dependency versions are the
/// client's.
fn workspace() {
    let members: Vec<String> = SPECS
        .iter()
        .map(|spec| format!("\"{}/crate\"", spec.name))
        .collect();
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    write_if_changed(&base().join("Cargo.toml"), manifest.as_bytes());
    if !base().join("Cargo.lock").exists() {
        std::fs::copy(common::root().join("Cargo.lock"), base().join("Cargo.lock")).expect("lock");
    }
}

/// Every crate generated, in the workspace of `target/large-specs`; their folders.
fn generate_all() -> Vec<PathBuf> {
    let dirs = SPECS.iter().map(generate).collect();
    workspace();
    dirs
}

/// The library and its tests (whose modules are behind the tags' features too).
#[test]
fn one_tag_of_each_compiles_alone() {
    for (spec, dir) in SPECS.iter().zip(generate_all()) {
        check(
            &dir,
            &[
                "--tests",
                "--no-default-features",
                "--features",
                &format!("rustls-tls,{}", spec.tag),
            ],
        );
    }
}

#[test]
#[ignore = "compiles the whole GitHub and Stripe crates: minutes; see the README"]
fn whole_crates_compile() {
    for dir in generate_all() {
        check(&dir, &["--features", "full,mock", "--all-targets"]);
    }
}
