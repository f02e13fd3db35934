//! What the generator emits for small fixture specs, one per mapping rule. Review changes with
//! `cargo insta review`.

mod common;

/// Snapshots every generated Rust file of a fixture except the copied runtime.
fn snapshot_fixture(name: &str) {
    let spec = common::fixture(name).join("api.yaml");
    let files = webwork_generator::generate(&spec).unwrap_or_else(|error| panic!("{error}"));
    for file in files
        .iter()
        .filter(|f| f.path.ends_with(".rs") && !f.path.starts_with("src/runtime/"))
    {
        let snapshot = format!(
            "{name}__{}",
            file.path
                .trim_start_matches("src/")
                .replace('/', "__")
                .trim_end_matches(".rs")
        );
        insta::assert_snapshot!(snapshot, file.contents);
    }
}

/// Snapshots only `src/types.rs` of a fixture: the fixtures of schema constructs.
fn snapshot_types(name: &str) {
    let spec = common::fixture(name).join("api.yaml");
    let files = webwork_generator::generate(&spec).unwrap_or_else(|error| panic!("{error}"));
    let types = files
        .iter()
        .find(|f| f.path == "src/types.rs")
        .unwrap_or_else(|| panic!("{name} has no src/types.rs"));
    insta::assert_snapshot!(format!("{name}__types"), types.contents);
}

/// Snapshots the emitted files of a fixture's command line (`src/main.rs`, `src/commands/`).
fn snapshot_cli(name: &str) {
    let spec = common::fixture(name).join("api.yaml");
    let layout = webwork_generator::CliLayout {
        client_path: "../generated-client",
        folder: "generated-cli",
    };
    let files =
        webwork_generator::generate_cli(&spec, layout).unwrap_or_else(|error| panic!("{error}"));
    let emitted: Vec<_> = files
        .iter()
        .filter(|f| f.path == "src/main.rs" || f.path.starts_with("src/commands/"))
        .collect();
    assert!(
        emitted.iter().any(|f| f.path == "src/commands/mod.rs"),
        "the CLI of {name} has no src/commands/mod.rs"
    );
    for file in emitted {
        let stem = file
            .path
            .trim_start_matches("src/")
            .trim_end_matches(".rs")
            .replace('/', "__");
        insta::assert_snapshot!(format!("{name}__cli__{stem}"), file.contents);
    }
}

#[test]
fn builders_cli() {
    snapshot_cli("builders");
}

#[test]
fn types_and_formats() {
    snapshot_fixture("types_and_formats");
}

#[test]
fn enums() {
    snapshot_fixture("enums");
}

#[test]
fn optional_required() {
    snapshot_fixture("optional_required");
}

#[test]
fn envelope() {
    snapshot_fixture("envelope");
}

#[test]
fn builders() {
    snapshot_fixture("builders");
}

#[test]
fn recursive() {
    snapshot_fixture("recursive");
}

#[test]
fn composition() {
    snapshot_fixture("composition");
}

#[test]
fn schema_details() {
    snapshot_types("schema_details");
}

#[test]
fn names() {
    snapshot_fixture("names");
}

#[test]
fn media() {
    snapshot_fixture("media");
}

#[test]
fn errors() {
    snapshot_fixture("errors");
}

#[test]
fn parameters() {
    snapshot_fixture("parameters");
}
