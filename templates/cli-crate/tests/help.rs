//! Snapshots of `webwork --help` for the top level, one group and one command, taken from the
//! built binary. They are kept with the generator's snapshots (generator/tests/snapshots/),
//! since this crate is regenerated whole; review changes with `cargo insta review`.

/// The help `webwork ARGS... --help` prints, laid out for 100 columns.
fn help(args: &[&str]) -> String {
    let output = assert_cmd::Command::cargo_bin("webwork")
        .expect("the binary is built")
        .args(args)
        .arg("--help")
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).expect("UTF-8 help")
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../../generator/tests/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn top_level_help() {
    snapshot("cli_help__top_level", &help(&[]));
}

#[test]
fn group_help() {
    snapshot("cli_help__timesheets", &help(&["timesheets"]));
}

#[test]
fn command_help() {
    snapshot("cli_help__expenses_create", &help(&["expenses", "create"]));
}
