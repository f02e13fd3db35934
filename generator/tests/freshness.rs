//! The committed client must be exactly what the spec produces (as `cargo xtask regenerate --check`).

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
