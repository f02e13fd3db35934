// Hand-written test support, copied from templates/cli-crate/tests/ by `cargo xtask regenerate`. Do not edit here.

//! Support of the command line's contract test (`tests/contract.rs`): runs the built binary
//! with a command's example arguments, one output format at a time, and checks that it
//! succeeds and that what it printed parses in that format.

// The contract test uses what its spec needs of this module.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod prism;

pub use prism::Prism;

/// One command of the generated command line, with its arguments made from the spec's
/// examples.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    /// The spec's operationId.
    pub operation: &'static str,
    /// The group, the command and its required flags with their example values.
    pub args: &'static [&'static str],
    /// The request example, given as `--body FILE`.
    pub body: Option<&'static str>,
    /// Whether its answer is a list (run as CSV and a table too).
    pub list: bool,
    /// Whether its documented answer has no data.
    pub no_data: bool,
}

/// The built binary, pointed at one server.
pub struct Cli {
    binary: &'static str,
    config_env: &'static str,
    base_url: String,
    /// A config folder of its own, so no stored token or setting of the machine is read, and
    /// the body files.
    folder: tempfile::TempDir,
}

/// What one run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None`: ended by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Cli {
    /// The binary `binary` against `base_url`; `config_env` names its config folder's
    /// environment variable.
    pub fn new(binary: &'static str, config_env: &'static str, base_url: &str) -> Cli {
        Cli {
            binary,
            config_env,
            base_url: base_url.to_string(),
            folder: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// Runs `command` with `--output format`.
    pub fn run(&self, command: &Command, format: &str) -> Run {
        let mut process = std::process::Command::new(self.binary);
        process
            .args(["--base-url", &self.base_url, "--token", "contract-token"])
            .args(["--output", format])
            .args(command.args)
            .env(self.config_env, self.folder.path())
            .stdin(std::process::Stdio::null());
        if let Some(body) = command.body {
            let file = self
                .folder
                .path()
                .join(format!("{}.json", command.operation));
            std::fs::write(&file, body).expect("write the body file");
            process.arg("--body").arg(&file);
        }
        let output = process
            .output()
            .unwrap_or_else(|error| panic!("cannot run {}: {error}", self.binary));
        Run::from(output)
    }

    /// Runs each of `commands` in each of `formats` and gives what went wrong, one line each.
    pub fn failures<'a>(
        &self,
        commands: impl IntoIterator<Item = &'a Command>,
        formats: &[&str],
    ) -> Vec<String> {
        let mut failures = Vec::new();
        for command in commands {
            for format in formats {
                let run = self.run(command, format);
                if let Err(problem) = check(&run, format) {
                    failures.push(format!(
                        "{} ({} --output {format}): {problem}",
                        command.operation,
                        command.args.join(" ")
                    ));
                }
            }
        }
        failures
    }

    /// The folder of the runs' config and body files.
    pub fn folder(&self) -> &Path {
        self.folder.path()
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Whether `run` succeeded and printed output that parses as `format`.
pub fn check(run: &Run, format: &str) -> Result<(), String> {
    if run.code != Some(0) {
        return Err(format!(
            "exit {:?}, stderr: {}",
            run.code,
            run.stderr.trim()
        ));
    }
    parses(&run.stdout, format)
}

/// Whether `stdout` is output of `format`: one JSON value, JSON lines, CSV rows of one width;
/// a table is text of any shape.
pub fn parses(stdout: &str, format: &str) -> Result<(), String> {
    let problem = |what: &str, error: &dyn std::fmt::Display| {
        Err(format!("{what}: {error}; stdout: {}", snippet(stdout)))
    };
    match format {
        "json" => match serde_json::from_str::<Value>(stdout) {
            Ok(_) => Ok(()),
            Err(error) => problem("not one JSON value", &error),
        },
        "ndjson" => {
            for line in stdout.lines() {
                if let Err(error) = serde_json::from_str::<Value>(line) {
                    return problem("a line is not JSON", &error);
                }
            }
            Ok(())
        }
        "csv" => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(stdout.as_bytes());
            for record in reader.records() {
                if let Err(error) = record {
                    return problem("not CSV of one width", &error);
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The first 400 characters of `text`.
fn snippet(text: &str) -> String {
    text.chars().take(400).collect()
}
