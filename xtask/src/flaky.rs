//! `cargo xtask flaky`: runs the workspace's test binaries many times and reports every test
//! that failed even once, with its count, so a flaky test is found before CI finds it.
//!
//! The binaries are built once (`cargo test --workspace --no-run`) and then run directly, each
//! from its package's folder as `cargo test` runs it, with libtest's default parallelism.
//! Doctests are not included: they run through rustdoc and are compile checks here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The options of `cargo xtask flaky`.
pub struct FlakyArgs {
    runs: u32,
    /// Test names passed to every binary as `--skip NAME`.
    skip: Vec<String>,
}

impl FlakyArgs {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = FlakyArgs {
            runs: 20,
            skip: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--skip" => options
                    .skip
                    .push(args.next().ok_or("--skip needs a test name")?.clone()),
                number => {
                    options.runs = number
                        .parse()
                        .ok()
                        .filter(|runs| *runs > 0)
                        .ok_or_else(|| format!("`{number}` is not a number of runs"))?;
                }
            }
        }
        Ok(options)
    }
}

/// One test binary: what cargo calls it, where it is, and the folder it runs in.
struct TestBinary {
    name: String,
    executable: PathBuf,
    package_dir: PathBuf,
}

/// What the runs of one binary gave.
#[derive(Default)]
struct Tally {
    /// Runs in which every test passed.
    clean_runs: u32,
    /// Tests per run (the largest seen).
    tests: usize,
    /// Failures per test name.
    failures: BTreeMap<String, u32>,
    /// Runs in which the binary failed without naming a failed test (a crash, a timeout).
    crashes: u32,
}

pub fn run(options: &FlakyArgs, root: &Path) -> ExitCode {
    let binaries = match build(root) {
        Ok(binaries) => binaries,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for round in 1..=options.runs {
        let mut failed_now = 0;
        for binary in &binaries {
            let tally = tallies.entry(binary.name.clone()).or_default();
            failed_now += run_once(binary, &options.skip, tally);
        }
        println!("run {round}/{}: {failed_now} failed", options.runs);
    }
    report(&tallies, options.runs)
}

/// Builds every test binary of the workspace and lists them.
fn build(root: &Path) -> Result<Vec<TestBinary>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args(["test", "--workspace", "--no-run", "--message-format=json"])
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("could not run cargo: {error}"))?;
    if !output.status.success() {
        return Err("the tests do not build".into());
    }
    let mut binaries = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(executable), Some(target), Some(manifest)) = (
            message["executable"].as_str(),
            message["target"]["name"].as_str(),
            message["manifest_path"].as_str(),
        ) else {
            continue;
        };
        if !message["profile"]["test"].as_bool().unwrap_or(false) {
            continue;
        }
        let package_dir = Path::new(manifest)
            .parent()
            .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
        let package = package_dir
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        binaries.push(TestBinary {
            name: format!("{package}/{target}"),
            executable: PathBuf::from(executable),
            package_dir,
        });
    }
    binaries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(binaries)
}

/// Runs `binary` once and adds what it gave to `tally`; gives the number of failed tests.
fn run_once(binary: &TestBinary, skip: &[String], tally: &mut Tally) -> usize {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(&binary.executable);
    command
        .current_dir(&binary.package_dir)
        .env("CARGO", cargo)
        .env("CARGO_MANIFEST_DIR", &binary.package_dir);
    for name in skip {
        command.args(["--skip", name]);
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(error) => {
            eprintln!("{}: could not run: {error}", binary.name);
            tally.crashes += 1;
            return 1;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let (tests, failed) = read_results(&stdout);
    tally.tests = tally.tests.max(tests);
    for name in &failed {
        println!("    FAILED {}: {name}", binary.name);
        *tally.failures.entry(name.clone()).or_default() += 1;
    }
    if output.status.success() {
        tally.clean_runs += 1;
    } else if failed.is_empty() {
        tally.crashes += 1;
        eprintln!(
            "{}: failed without a failed test:\n{}",
            binary.name,
            String::from_utf8_lossy(&output.stderr)
        );
        return 1;
    }
    failed.len()
}

/// The number of tests libtest ran and the names of those that failed, from its output
/// (`test name ... ok`, `test name ... FAILED`).
fn read_results(stdout: &str) -> (usize, Vec<String>) {
    let mut tests = 0;
    let mut failed = Vec::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, outcome)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        match outcome.trim() {
            "ok" => tests += 1,
            "FAILED" => {
                tests += 1;
                failed.push(name.to_string());
            }
            _ => {}
        }
    }
    (tests, failed)
}

/// Prints, per binary, its tests and clean runs, and every test that failed with its count;
/// fails when any did.
fn report(tallies: &BTreeMap<String, Tally>, runs: u32) -> ExitCode {
    println!(
        "\n{:<48} {:>6} {:>11}",
        "test binary", "tests", "clean runs"
    );
    let mut flaky = false;
    for (name, tally) in tallies {
        println!(
            "{name:<48} {:>6} {:>6}/{runs}",
            tally.tests, tally.clean_runs
        );
        for (test, count) in &tally.failures {
            flaky = true;
            println!("    FAILED {count}/{runs}: {test}");
        }
        if tally.crashes > 0 {
            flaky = true;
            println!(
                "    failed without a failed test in {}/{runs} runs",
                tally.crashes
            );
        }
    }
    if flaky {
        println!("\nsome tests failed at least once");
        ExitCode::FAILURE
    } else {
        println!("\nevery test passed in every run");
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_count_tests_and_name_the_failed_ones() {
        let stdout = "\nrunning 3 tests\ntest a::one ... ok\ntest two ... FAILED\n\
                      test three ... ignored\ntest four ... ok\n\nfailures:\n\
                      test result: FAILED. 2 passed; 1 failed\n";
        assert_eq!(read_results(stdout), (3, vec!["two".to_string()]));
    }

    #[test]
    fn arguments_give_runs_and_skips() {
        let args: Vec<String> = ["5", "--skip", "slow"].map(String::from).to_vec();
        let options = FlakyArgs::parse(&args).expect("valid");
        assert_eq!(options.runs, 5);
        assert_eq!(options.skip, ["slow"]);
        assert!(FlakyArgs::parse(&["0".to_string()]).is_err());
        assert!(FlakyArgs::parse(&["--skip".to_string()]).is_err());
    }
}
