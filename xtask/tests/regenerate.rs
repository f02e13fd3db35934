//! `cargo xtask regenerate` as a user runs it: exit codes, `--check`, and untouched output on failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../generator/tests/fixtures/envelope/api.yaml")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn regenerate_then_check_is_clean_and_an_edit_makes_it_stale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("client");
    let written = xtask(&["regenerate", "--spec", arg(&spec()), "--out", arg(&out)]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    assert!(out.join("src/lib.rs").exists());

    let check = xtask(&[
        "regenerate",
        "--check",
        "--spec",
        arg(&spec()),
        "--out",
        arg(&out),
    ]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    std::fs::write(out.join("src/types.rs"), "// edited by hand\n").expect("edit");
    let stale = xtask(&[
        "regenerate",
        "--check",
        "--spec",
        arg(&spec()),
        "--out",
        arg(&out),
    ]);
    assert!(!stale.status.success());
    let report = String::from_utf8_lossy(&stale.stderr);
    assert!(report.contains("changed: src/types.rs"), "{report}");
    assert!(
        report.contains("-// edited by hand"),
        "a unified diff: {report}"
    );
}

#[test]
fn a_broken_spec_fails_with_a_located_message_and_leaves_the_output_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("client");
    std::fs::create_dir_all(&out).expect("out");
    std::fs::write(out.join("marker.txt"), "keep me").expect("marker");
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a/{id}:\n    get:\n      responses: {'204': {description: ok}}\n").expect("spec");

    let failed = xtask(&["regenerate", "--spec", arg(&broken), "--out", arg(&out)]);
    assert_eq!(failed.status.code(), Some(1));
    let message = String::from_utf8_lossy(&failed.stderr);
    assert!(
        message.contains("broken.yaml: at #/paths/~1a~1{id}/get/parameters"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(
        std::fs::read_to_string(out.join("marker.txt")).expect("marker kept"),
        "keep me"
    );
    assert_eq!(
        std::fs::read_dir(&out).expect("out").count(),
        1,
        "nothing else written"
    );
}

#[test]
fn unknown_options_are_usage_errors() {
    let output = xtask(&["regenerate", "--frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown option `--frobnicate`"));
}

/// The modification time of every file below `dir`, by path.
fn mtimes(dir: &Path) -> std::collections::BTreeMap<PathBuf, std::time::SystemTime> {
    let mut times = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = path.metadata().and_then(|m| m.modified()).expect("mtime");
                times.insert(path, modified);
            }
        }
    }
    times
}

#[test]
fn regenerate_writes_only_the_files_whose_bytes_differ() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("client");
    let regenerate = || {
        let output = xtask(&["regenerate", "--spec", arg(&spec()), "--out", arg(&out)]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    regenerate();
    let before = mtimes(&out);

    let report = regenerate();
    assert!(report.starts_with("0 of "), "{report}");
    assert_eq!(mtimes(&out), before, "a no-op regenerate touched files");

    // One edited file and one stray file: only those change.
    std::fs::write(out.join("src/types.rs"), "// edited by hand\n").expect("edit");
    std::fs::create_dir_all(out.join("src/stray")).expect("folder");
    std::fs::write(out.join("src/stray/old.rs"), "// not generated\n").expect("stray");
    std::fs::create_dir_all(out.join("target/debug")).expect("target");
    std::fs::write(out.join("target/debug/kept"), "build output").expect("target file");
    let report = regenerate();
    assert!(report.contains("written: src/types.rs"), "{report}");
    assert!(report.contains("removed: src/stray/old.rs"), "{report}");
    assert!(
        report
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with("2 of "),
        "{report}"
    );
    assert!(!out.join("src/stray").exists());
    assert!(out.join("target/debug/kept").exists());
    let after = mtimes(&out);
    for (path, time) in &before {
        if !path.ends_with("src/types.rs") {
            assert_eq!(
                after.get(path),
                Some(time),
                "{} was touched",
                path.display()
            );
        }
    }
    let text = std::fs::read_to_string(out.join("src/types.rs")).expect("types.rs");
    assert!(!text.contains("edited by hand"));
}

/// `cargo xtask` works on the checkout it is run in (cargo sets `CARGO_MANIFEST_DIR` for `cargo
/// run`), not the one whose path was compiled into the binary: two clones may share a target
/// folder.
#[test]
fn the_workspace_is_the_one_cargo_names_at_run_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = spec().parent().expect("fixture folder").to_path_buf();
    std::fs::create_dir_all(dir.path().join("spec")).expect("spec folder");
    std::fs::create_dir_all(dir.path().join("xtask")).expect("xtask folder");
    std::fs::copy(spec(), dir.path().join("spec/webwork-v2.yaml")).expect("spec");
    std::fs::copy(
        fixture.join("generator.toml"),
        dir.path().join("spec/generator.toml"),
    )
    .expect("config");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("regenerate")
        .env("CARGO_MANIFEST_DIR", dir.path().join("xtask"))
        .output()
        .expect("xtask runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join("generated-client/src/lib.rs").exists());
}
