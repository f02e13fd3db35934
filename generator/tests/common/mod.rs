//! Helpers shared by the generator's tests.
#![allow(dead_code)]

pub mod to_oas31;

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// A fixture spec under `generator/tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Writes `text` as a spec file (with an optional generator.toml) in a fresh temp folder.
pub fn spec_file(text: &str, config: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("api.yaml");
    std::fs::write(&path, text).expect("write spec");
    if let Some(config) = config {
        std::fs::write(dir.path().join("generator.toml"), config).expect("write config");
    }
    (dir, path)
}
