//! The 3.0 → 3.1 migration changes nothing: the WebWork spec and every construct fixture,
//! converted mechanically to OpenAPI 3.1 (`common::to_oas31`), generate byte-identical crates,
//! and `spec-diff` between the two versions reports no change.

mod common;

use std::path::{Path, PathBuf};

use webwork_generator::diff::{self, Side};
use webwork_generator::GeneratedFile;

/// The construct fixtures under `generator/tests/fixtures/`.
const FIXTURES: &[&str] = &[
    "builders",
    "composition",
    "enums",
    "envelope",
    "errors",
    "media",
    "names",
    "optional_required",
    "parameters",
    "paths",
    "recursive",
    "schema_details",
    "types_and_formats",
];

/// A copy of `spec` converted to 3.1, under the same file name (the generated headers name
/// it), with its `generator.toml` beside it.
fn converted_copy(spec: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(spec).expect("read spec");
    let converted = common::to_oas31::convert(&text);
    assert!(converted.contains("openapi: 3.1.0"), "{}", spec.display());
    assert!(
        !converted.contains("nullable: true"),
        "{}: nullable left",
        spec.display()
    );
    let path = dir.path().join(spec.file_name().expect("a file name"));
    std::fs::write(&path, converted).expect("write the 3.1 spec");
    let config = spec.with_file_name("generator.toml");
    if config.exists() {
        std::fs::copy(&config, dir.path().join("generator.toml")).expect("copy generator.toml");
    }
    (dir, path)
}

fn generate(spec: &Path) -> Vec<GeneratedFile> {
    webwork_generator::generate(spec).unwrap_or_else(|e| panic!("{e}"))
}

/// `spec` and its 3.1 conversion give the same files, byte for byte, and no spec-diff change.
fn migrates_without_change(spec: &Path) {
    let (_dir, converted) = converted_copy(spec);
    let before = generate(spec);
    let after = generate(&converted);
    let paths = |files: &[GeneratedFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(
        paths(&before),
        paths(&after),
        "{}: the files differ",
        spec.display()
    );
    for (old, new) in before.iter().zip(&after) {
        assert!(
            old.contents == new.contents,
            "{}: {} differs after the migration to 3.1:\n{}",
            spec.display(),
            old.path,
            first_difference(&old.contents, &new.contents)
        );
    }
    let old = Side::load(spec).unwrap_or_else(|e| panic!("{e}"));
    let new = Side::load(&converted).unwrap_or_else(|e| panic!("{e}"));
    // spec-diff reads 3.1 on either side.
    for (from, to) in [(&old, &new), (&new, &old)] {
        let report = diff::diff(from, to).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            report.changes.is_empty() && report.generated.is_empty(),
            "{}: spec-diff from {} to {} reports changes:\n{}",
            spec.display(),
            from.label,
            to.label,
            report.render(diff::Format::Text)
        );
    }
}

/// The first line where two texts differ, both ways.
fn first_difference(old: &str, new: &str) -> String {
    old.lines()
        .zip(new.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map_or_else(
            || "(one is a prefix of the other)".to_string(),
            |(i, (a, b))| format!("line {}:\n- {a}\n+ {b}", i + 1),
        )
}

#[test]
fn the_webwork_spec_in_3_1_generates_the_same_crate() {
    migrates_without_change(&common::root().join("spec/webwork-v2.yaml"));
}

#[test]
fn every_fixture_in_3_1_generates_the_same_crate() {
    for fixture in FIXTURES {
        migrates_without_change(&common::fixture(fixture).join("api.yaml"));
    }
}

/// The fixture list here is the fixtures folder's.
#[test]
fn every_fixture_is_migrated() {
    let mut on_disk: Vec<String> = std::fs::read_dir(common::fixture(""))
        .expect("read fixtures")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("api.yaml").exists())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, FIXTURES);
}
