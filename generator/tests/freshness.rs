//! The committed client and command line must be exactly what the spec produces (as `cargo xtask
//! regenerate --check`).

mod common;

#[test]
fn committed_client_matches_the_spec() {
    let root = common::root();
    let files = webwork_generator::generate(&root.join("spec/webwork-v2.yaml"))
        .expect("the spec generates");
    let staleness =
        webwork_generator::write::compare(&root.join("generated-client"), &files).expect("compare");
    assert!(
        staleness.is_fresh(),
        "generated-client/ is stale; run `cargo xtask regenerate`\n{}",
        staleness.summary()
    );
}

#[test]
fn generation_is_byte_identical_across_runs() {
    let spec = common::root().join("spec/webwork-v2.yaml");
    let first = webwork_generator::generate(&spec).expect("first run");
    let second = webwork_generator::generate(&spec).expect("second run");
    assert_eq!(first, second);
}

/// The layout `cargo xtask regenerate` writes the command line with.
const CLI_LAYOUT: webwork_generator::CliLayout<'static> = webwork_generator::CliLayout {
    client_path: "../generated-client",
    folder: "generated-cli",
};

#[test]
fn committed_cli_matches_the_spec() {
    let root = common::root();
    let files = webwork_generator::generate_cli(&root.join("spec/webwork-v2.yaml"), CLI_LAYOUT)
        .expect("the spec generates");
    let staleness =
        webwork_generator::write::compare(&root.join("generated-cli"), &files).expect("compare");
    assert!(
        staleness.is_fresh(),
        "generated-cli/ is stale; run `cargo xtask regenerate`\n{}",
        staleness.summary()
    );
}

#[test]
fn the_cli_is_byte_identical_across_runs() {
    let spec = common::root().join("spec/webwork-v2.yaml");
    let first = webwork_generator::generate_cli(&spec, CLI_LAYOUT).expect("first run");
    let second = webwork_generator::generate_cli(&spec, CLI_LAYOUT).expect("second run");
    assert_eq!(first, second);
}
