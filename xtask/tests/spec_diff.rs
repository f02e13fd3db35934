//! `cargo xtask spec-diff` as a user runs it: formats and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../generator/tests/diff/base.yaml")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// The base spec with `per_page` required: a breaking change.
fn breaking_spec(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(base()).expect("base spec");
    let edited = text.replacen(
        "{name: per_page, in: query,",
        "{name: per_page, in: query, required: true,",
        1,
    );
    assert_ne!(text, edited);
    let path = dir.join("new.yaml");
    std::fs::write(&path, edited).expect("write spec");
    path
}

#[test]
fn identical_specs_report_no_change_and_exit_zero() {
    let out = xtask(&[
        "spec-diff",
        "--old",
        arg(&base()),
        "--new",
        arg(&base()),
        "--fail-on-breaking",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("No changes to the API."));
}

#[test]
fn a_breaking_change_fails_only_with_fail_on_breaking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let new = breaking_spec(dir.path());
    let plain = xtask(&["spec-diff", "--old", arg(&base()), "--new", arg(&new)]);
    assert_eq!(plain.status.code(), Some(0));
    let text = String::from_utf8_lossy(&plain.stdout);
    assert!(text.contains("parameter-became-required"), "{text}");

    let failing = xtask(&[
        "spec-diff",
        "--old",
        arg(&base()),
        "--new",
        arg(&new),
        "--format",
        "json",
        "--fail-on-breaking",
    ]);
    assert_eq!(failing.status.code(), Some(1));
    let json = String::from_utf8_lossy(&failing.stdout);
    assert!(json.contains("\"semver\": \"major\""), "{json}");
    assert!(json.contains("\"crate_breaking\": true"), "{json}");

    let markdown = xtask(&[
        "spec-diff",
        "--old",
        arg(&base()),
        "--new",
        arg(&new),
        "--format",
        "markdown",
    ]);
    assert!(String::from_utf8_lossy(&markdown.stdout).contains("| `parameter-became-required` |"));
}

#[test]
fn bad_input_exits_two_with_a_message() {
    let missing = xtask(&[
        "spec-diff",
        "--old",
        "/nonexistent/spec.yaml",
        "--new",
        arg(&base()),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read the spec"));

    let revision = xtask(&[
        "spec-diff",
        "--base",
        "no-such-revision-anywhere",
        "--new",
        arg(&base()),
    ]);
    assert_eq!(revision.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&revision.stderr).contains("unknown git revision"));

    let dir = tempfile::tempdir().expect("temp dir");
    let invalid = dir.path().join("invalid.yaml");
    std::fs::write(
        &invalid,
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: 12\n",
    )
    .expect("write");
    let out = xtask(&["spec-diff", "--old", arg(&base()), "--new", arg(&invalid)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the new spec"));

    let format = xtask(&["spec-diff", "--format", "yaml"]);
    assert_eq!(format.status.code(), Some(2));
}

#[test]
fn verify_reports_that_the_compiler_agrees_and_exits_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let new = breaking_spec(dir.path());
    let out = xtask(&[
        "spec-diff",
        "--old",
        arg(&base()),
        "--new",
        arg(&new),
        "--verify",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "the table says breaks code using the previous crate; the compiler says breaks code using the previous crate: they agree"
        ),
        "{stderr}"
    );
}
