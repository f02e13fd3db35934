//! Running what is timed outside criterion: `cargo xtask regenerate`, the build of
//! `webwork-client`, and other generators on the same spec.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// How often `cargo xtask regenerate` is timed (after one warm-up run).
pub const REGENERATE_RUNS: usize = 5;

pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command`, failing with its name when it fails; gives its wall time.
pub fn timed(mut command: Command, what: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|error| format!("cannot run {what}: {error}"))?;
    let elapsed = started.elapsed();
    if !status.success() {
        return Err(format!("{what} failed ({status})"));
    }
    Ok(elapsed)
}

/// The wall time of `cargo xtask regenerate` (median of several runs, into a scratch folder),
/// and the generator's own share as the command reports it.
pub struct Regenerate {
    pub wall: Duration,
    pub generator: Duration,
}

/// How the generator runs for [`time_regenerate`].
pub enum Build {
    /// `cargo xtask regenerate`: cargo's freshness check, then the debug build.
    CargoXtask,
    /// The release build of xtask, run directly (what `--compare` sets beside other
    /// generators, which are release binaries).
    Release(PathBuf),
}

pub fn time_regenerate(root: &Path, target: &Path, build: &Build) -> Result<Regenerate, String> {
    let (mut command, what, out) = match build {
        Build::CargoXtask => {
            let mut command = cargo();
            command.args(["xtask", "regenerate", "--out"]);
            (command, "cargo xtask regenerate", "bench-regenerate")
        }
        Build::Release(binary) => {
            let mut command = Command::new(binary);
            command.args(["regenerate", "--out"]);
            (
                command,
                "xtask regenerate (release)",
                "bench-regenerate-release",
            )
        }
    };
    command
        .current_dir(root)
        .arg(target.join(out).join("generated-client"))
        .stderr(Stdio::inherit());
    let mut run = || -> Result<(Duration, Duration), String> {
        let started = Instant::now();
        let output = command
            .output()
            .map_err(|error| format!("cannot run {what}: {error}"))?;
        let wall = started.elapsed();
        if !output.status.success() {
            return Err(format!("{what} failed"));
        }
        let own = generator_time(&String::from_utf8_lossy(&output.stdout))
            .ok_or_else(|| format!("{what} did not say how long it took"))?;
        Ok((wall, own))
    };
    run()?;
    let mut runs = (0..REGENERATE_RUNS)
        .map(|_| run())
        .collect::<Result<Vec<_>, _>>()?;
    runs.sort();
    let (wall, generator) = runs[runs.len() / 2];
    Ok(Regenerate { wall, generator })
}

/// The generator's own time, from the last line `regenerate` prints:
/// "N of M files changed in DIR (T ms)".
fn generator_time(stdout: &str) -> Option<Duration> {
    let last = stdout.lines().last()?;
    let ms = last.rsplit_once('(')?.1.strip_suffix(" ms)")?;
    ms.parse().ok().map(Duration::from_millis)
}

/// Builds xtask in release (`cargo build --release -p xtask`) and times its `regenerate`.
pub fn time_regenerate_release(root: &Path, target: &Path) -> Result<Regenerate, String> {
    let binary = build_release_xtask(root, target)?;
    eprintln!("== xtask regenerate, release build ({REGENERATE_RUNS} runs)");
    time_regenerate(root, target, &Build::Release(binary))
}

/// Builds xtask in release (`cargo build --release -p xtask`): the binary.
pub fn build_release_xtask(root: &Path, target: &Path) -> Result<PathBuf, String> {
    eprintln!("== cargo build --release -p xtask");
    let mut command = cargo();
    command
        .current_dir(root)
        .args(["build", "--quiet", "--release", "-p", "xtask"]);
    timed(command, "cargo build --release -p xtask")?;
    Ok(target
        .join("release")
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX)))
}

pub struct Compile {
    /// The first build in the separate target folder, dependencies included (only when it
    /// had to be made).
    pub cold: Option<Duration>,
    /// `webwork-client` alone after `cargo clean -p webwork-client`.
    pub clean: Duration,
    /// After touching one generated file.
    pub touched: Duration,
}

pub fn time_compile(root: &Path, target: &Path) -> Result<Compile, String> {
    let dir = target.join("bench-build");
    let build = || {
        let mut command = cargo();
        command
            .current_dir(root)
            .args(["build", "--quiet", "-p", "webwork-client", "--target-dir"])
            .arg(&dir);
        timed(command, "cargo build -p webwork-client")
    };
    let cold = if dir.exists() { None } else { Some(build()?) };
    let mut clean = cargo();
    clean
        .current_dir(root)
        .args(["clean", "--quiet", "-p", "webwork-client", "--target-dir"])
        .arg(&dir);
    timed(clean, "cargo clean -p webwork-client")?;
    let clean = build()?;
    let touched_file = root.join("generated-client/src/operations/expenses.rs");
    std::fs::File::options()
        .append(true)
        .open(&touched_file)
        .and_then(|file| file.set_modified(SystemTime::now()))
        .map_err(|error| format!("cannot touch {}: {error}", touched_file.display()))?;
    let touched = build()?;
    Ok(Compile {
        cold,
        clean,
        touched,
    })
}

/// How often each other generator is timed (after one run that also checks it accepts the spec).
const OTHER_RUNS: usize = 3;

/// Another generator run on the same spec by `--compare`.
pub struct Other {
    /// The tool in the row's name: `comparison: {tool} {version}{how} vs ours`.
    pub tool: &'static str,
    pub how: &'static str,
    /// The tool's version, when it tells.
    pub version: Option<String>,
    pub outcome: Outcome,
}

pub enum Outcome {
    /// Median wall time.
    Timed(Duration),
    /// The tool ran and failed on the spec: the reason it gave.
    Refused(String),
}

/// Times openapi-generator and progenitor on the spec, each when installed (on `PATH`, or
/// under `target/tools/` as the README's install commands put them).
pub fn compare_others(root: &Path, target: &Path) -> Vec<Other> {
    let spec = root.join("spec/webwork-v2.yaml");
    let mut others = Vec::new();

    eprintln!("== openapi-generator-cli generate -g rust on the same spec");
    match find_tool(root, target, "openapi-generator-cli") {
        Some(tool) => {
            let out = target.join("bench-openapi-generator");
            let generate = || {
                let mut command = Command::new(&tool);
                command
                    .current_dir(root)
                    .args(["generate", "-g", "rust", "--skip-validate-spec", "-i"])
                    .arg(&spec)
                    .arg("-o")
                    .arg(&out);
                command
            };
            let version = || {
                let mut command = Command::new(&tool);
                command.arg("version");
                first_line(command)
            };
            let outcome = time_other(generate);
            others.push(Other {
                tool: "openapi-generator",
                how: " -g rust",
                version: version(),
                outcome,
            });
        }
        None => eprintln!(
            "skipped: openapi-generator-cli not found (pip install openapi-generator-cli; needs java)"
        ),
    }

    eprintln!("== cargo progenitor on the same spec");
    match find_tool(root, target, "cargo-progenitor") {
        Some(tool) => {
            let out = target.join("bench-progenitor");
            let generate = || {
                let mut command = Command::new(&tool);
                command
                    .current_dir(root)
                    .env("RUST_BACKTRACE", "0")
                    .args(["progenitor", "-i"])
                    .arg(&spec)
                    .arg("-o")
                    .arg(&out)
                    .args(["-n", "webwork", "-v", "0.1.0"]);
                command
            };
            // cargo-progenitor has no version flag; the crate it writes names its runtime,
            // which shares its version.
            let outcome = time_other(generate);
            others.push(Other {
                tool: "progenitor",
                how: "",
                version: progenitor_version(&out.join("Cargo.toml")),
                outcome,
            });
        }
        None => eprintln!(
            "skipped: cargo-progenitor not found (cargo install cargo-progenitor --locked \
             --root target/tools)"
        ),
    }
    others
}

/// `name` on `PATH`, else in `target/tools/bin` or `target/tools/venv/bin` (both under the
/// target folder in use and under the workspace's own `target`).
pub(super) fn find_tool(root: &Path, target: &Path, name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let tools = [target.to_path_buf(), root.join("target")]
        .into_iter()
        .flat_map(|dir| [dir.join("tools/bin"), dir.join("tools/venv/bin")]);
    on_path
        .into_iter()
        .chain(tools)
        .map(|dir| dir.join(name))
        .find(|file| file.is_file())
}

/// Runs `generate` once (a refusal ends there), then [`OTHER_RUNS`] times for the median.
fn time_other(generate: impl Fn() -> Command) -> Outcome {
    let run = || -> Result<Duration, String> {
        let mut command = generate();
        command.stdin(Stdio::null());
        let started = Instant::now();
        let output = command
            .output()
            .map_err(|error| format!("cannot run it: {error}"))?;
        let elapsed = started.elapsed();
        if output.status.success() {
            return Ok(elapsed);
        }
        let reason = failure_reason(
            &String::from_utf8_lossy(&output.stderr),
            &String::from_utf8_lossy(&output.stdout),
        );
        Err(reason.unwrap_or_else(|| format!("exit status {}", output.status)))
    };
    if let Err(reason) = run() {
        eprintln!("refused: {reason}");
        return Outcome::Refused(reason);
    }
    let mut runs = Vec::with_capacity(OTHER_RUNS);
    for _ in 0..OTHER_RUNS {
        match run() {
            Ok(wall) => runs.push(wall),
            Err(reason) => return Outcome::Refused(reason),
        }
    }
    runs.sort();
    Outcome::Timed(runs[runs.len() / 2])
}

/// The line that says why a tool failed: a panic's message, else the first line that says
/// it failed (progenitor's `gen fail: …`), else the first naming an error or exception, else
/// the last line on stderr. At most [`REASON_CHARS`] characters.
pub(super) fn failure_reason(stderr: &str, stdout: &str) -> Option<String> {
    let lines = |text: &'_ str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (stderr, stdout) = (lines(stderr), lines(stdout));
    let all: Vec<&String> = stderr.iter().chain(&stdout).collect();
    let containing = |needles: &[&str]| {
        all.iter().position(|line| {
            let lower = line.to_ascii_lowercase();
            needles.iter().any(|needle| lower.contains(needle))
        })
    };
    let reason = if let Some(at) = containing(&["panicked at"]) {
        // Since Rust 1.73 the message follows on the next line.
        format!("panic: {}", all.get(at + 1).unwrap_or(&all[at]))
    } else if let Some(at) = containing(&["fail:", "failed:"]) {
        all[at].clone()
    } else if let Some(at) = containing(&["error", "exception"]) {
        all[at].clone()
    } else {
        stderr.last()?.clone()
    };
    Some(match reason.char_indices().nth(REASON_CHARS) {
        Some((cut, _)) => format!("{}…", &reason[..cut]),
        None => reason,
    })
}

/// How much of a refusal's reason goes into the table.
const REASON_CHARS: usize = 240;

/// The first line a command prints, when it succeeds.
pub(super) fn first_line(mut command: Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    Some(stdout.lines().next()?.trim().to_string()).filter(|line| !line.is_empty())
}

/// `progenitor-client = "0.15.1"` in the Cargo.toml progenitor wrote -> `0.15.1`.
pub(super) fn progenitor_version(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let line = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("progenitor-client"))?;
    let value = line.trim_start().strip_prefix('=')?.trim();
    Some(value.trim_matches('"').to_string()).filter(|version| !version.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_time_is_read_from_the_last_line() {
        let stdout = "written: src/lib.rs\n1 of 44 files changed in /tmp/out (166 ms)\n";
        assert_eq!(generator_time(stdout), Some(Duration::from_millis(166)));
        assert_eq!(generator_time("wrote 44 files in 3 s\n"), None);
    }

    #[test]
    fn reason_of_a_panic_is_its_message() {
        let stderr = "\nthread 'main' (578) panicked at src/method.rs:1220:9:\n\
                      assertion failed: response_types.len() <= 1\n\
                      note: run with `RUST_BACKTRACE=1` environment variable\n";
        assert_eq!(
            failure_reason(stderr, "").as_deref(),
            Some("panic: assertion failed: response_types.len() <= 1")
        );
    }

    #[test]
    fn reason_prefers_the_failure_over_the_summary() {
        let stdout = "   0  struct Meta\ngen fail: UnexpectedFormat(\"unexpected content type\")\n";
        let stderr = "Error: generation experienced errors\n\nStack backtrace:\n";
        assert_eq!(
            failure_reason(stderr, stdout).as_deref(),
            Some("gen fail: UnexpectedFormat(\"unexpected content type\")")
        );
    }

    #[test]
    fn reason_falls_back_to_the_last_stderr_line_and_is_bounded() {
        assert_eq!(failure_reason("", "all fine"), None);
        assert_eq!(failure_reason("first\nlast\n", "").as_deref(), Some("last"));
        let long = failure_reason(&format!("error: {}", "x".repeat(1000)), "").unwrap_or_default();
        assert_eq!(long.chars().count(), REASON_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn progenitor_version_from_its_manifest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = dir.path().join("Cargo.toml");
        std::fs::write(
            &manifest,
            "[dependencies]\nbytes = \"1.9\"\nprogenitor-client = \"0.15.1\"\n",
        )
        .expect("write manifest");
        assert_eq!(progenitor_version(&manifest).as_deref(), Some("0.15.1"));
        assert_eq!(progenitor_version(&dir.path().join("missing")), None);
    }
}
