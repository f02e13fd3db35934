//! `cargo xtask bench`: runs the criterion benchmarks of the generator and of the client with
//! short settings, times `cargo xtask regenerate` and the build of `webwork-client`, and prints
//! one table (stage, figure, ratio), also saved as `target/criterion/webwork-bench.md`. With
//! `--compare`, also a release build of `regenerate` and, when installed, openapi-generator and
//! progenitor on the same spec.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

pub struct BenchArgs {
    full: bool,
    compare: bool,
    skip_compile: bool,
}

impl BenchArgs {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = BenchArgs {
            full: false,
            compare: false,
            skip_compile: false,
        };
        for arg in args {
            match arg.as_str() {
                "--full" => options.full = true,
                "--compare" => options.compare = true,
                "--skip-compile" => options.skip_compile = true,
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        Ok(options)
    }
}

/// Short criterion settings: the whole run takes a few minutes on two cores.
const QUICK: &[&str] = &["--warm-up-time", "1", "--measurement-time", "3"];
/// How often `cargo xtask regenerate` is timed (after one warm-up run).
const REGENERATE_RUNS: usize = 5;

pub fn run(options: &BenchArgs, root: &Path) -> ExitCode {
    match run_all(options, root) {
        Ok(table) => {
            println!("\n{table}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command`, failing with its name when it fails; gives its wall time.
fn timed(mut command: Command, what: &str) -> Result<Duration, String> {
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

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn run_all(options: &BenchArgs, root: &Path) -> Result<String, String> {
    let target = target_dir(root);
    let criterion = target.join("criterion");
    let settings: &[&str] = if options.full { &[] } else { QUICK };

    eprintln!("== generator benchmarks (generator/benches/pipeline.rs)");
    let mut command = cargo();
    command.current_dir(root).args([
        "bench",
        "-p",
        "webwork-generator",
        "--bench",
        "pipeline",
        "--",
    ]);
    command.args(settings);
    timed(command, "the generator benchmarks")?;

    eprintln!("== client benchmarks (client-tests/benches/client.rs)");
    let extra = criterion.join("webwork-client-extra.txt");
    let mut command = cargo();
    command
        .current_dir(root)
        .env("WEBWORK_BENCH_EXTRA", &extra)
        .args(["bench", "-p", "client-tests", "--bench", "client", "--"]);
    command.args(settings);
    timed(command, "the client benchmarks")?;

    eprintln!("== cargo xtask regenerate, warm build ({REGENERATE_RUNS} runs)");
    let regenerate = time_regenerate(root, &target, &Build::CargoXtask)?;

    let compile = if options.skip_compile {
        None
    } else {
        eprintln!(
            "== cargo build -p webwork-client (in {})",
            target.join("bench-build").display()
        );
        Some(time_compile(root, &target)?)
    };

    let (release, others) = if options.compare {
        (
            Some(time_regenerate_release(root, &target)?),
            compare_others(root, &target),
        )
    } else {
        (None, Vec::new())
    };

    let figures = Criterion::new(criterion);
    let table = table(
        &figures,
        &read_extra(&extra),
        &regenerate,
        compile,
        release.as_ref(),
        &others,
    )?;
    let saved = target.join("criterion/webwork-bench.md");
    std::fs::write(&saved, &table).map_err(|e| format!("cannot write {}: {e}", saved.display()))?;
    eprintln!("(table saved as {})", saved.display());
    Ok(table)
}

/// The wall time of `cargo xtask regenerate` (median of several runs, into a scratch folder),
/// and the generator's own share as the command reports it.
struct Regenerate {
    wall: Duration,
    generator: Duration,
}

/// How the generator runs for [`time_regenerate`].
enum Build {
    /// `cargo xtask regenerate`: cargo's freshness check, then the debug build.
    CargoXtask,
    /// The release build of xtask, run directly (what `--compare` sets beside other
    /// generators, which are release binaries).
    Release(PathBuf),
}

fn time_regenerate(root: &Path, target: &Path, build: &Build) -> Result<Regenerate, String> {
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
        // "wrote N files to DIR in M ms"
        let stdout = String::from_utf8_lossy(&output.stdout);
        let own = stdout
            .rsplit(" in ")
            .next()
            .and_then(|tail| tail.trim().strip_suffix("ms"))
            .and_then(|ms| ms.trim().parse::<u64>().ok())
            .map_or(Duration::ZERO, Duration::from_millis);
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

/// Builds xtask in release (`cargo build --release -p xtask`) and times its `regenerate`.
fn time_regenerate_release(root: &Path, target: &Path) -> Result<Regenerate, String> {
    eprintln!("== cargo build --release -p xtask");
    let mut command = cargo();
    command
        .current_dir(root)
        .args(["build", "--quiet", "--release", "-p", "xtask"]);
    timed(command, "cargo build --release -p xtask")?;
    let binary = target
        .join("release")
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    eprintln!("== xtask regenerate, release build ({REGENERATE_RUNS} runs)");
    time_regenerate(root, target, &Build::Release(binary))
}

struct Compile {
    /// The first build in the separate target folder, dependencies included (only when it
    /// had to be made).
    cold: Option<Duration>,
    /// `webwork-client` alone after `cargo clean -p webwork-client`.
    clean: Duration,
    /// After touching one generated file.
    touched: Duration,
}

fn time_compile(root: &Path, target: &Path) -> Result<Compile, String> {
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
struct Other {
    /// The tool in the row's name: `comparison: {tool} {version}{how} vs ours`.
    tool: &'static str,
    how: &'static str,
    /// The tool's version, when it tells.
    version: Option<String>,
    outcome: Outcome,
}

enum Outcome {
    /// Median wall time.
    Timed(Duration),
    /// The tool ran and failed on the spec: the reason it gave.
    Refused(String),
}

/// Times openapi-generator and progenitor on the spec, each when installed (on `PATH`, or
/// under `target/tools/` as the README's install commands put them).
fn compare_others(root: &Path, target: &Path) -> Vec<Other> {
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
fn find_tool(root: &Path, target: &Path, name: &str) -> Option<PathBuf> {
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
fn failure_reason(stderr: &str, stdout: &str) -> Option<String> {
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
fn first_line(mut command: Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    Some(stdout.lines().next()?.trim().to_string()).filter(|line| !line.is_empty())
}

/// `progenitor-client = "0.15.1"` in the Cargo.toml progenitor wrote -> `0.15.1`.
fn progenitor_version(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let line = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("progenitor-client"))?;
    let value = line.trim_start().strip_prefix('=')?.trim();
    Some(value.trim_matches('"').to_string()).filter(|version| !version.is_empty())
}

/// Figures from criterion's `estimates.json` files.
struct Criterion {
    dir: PathBuf,
}

impl Criterion {
    fn new(dir: PathBuf) -> Self {
        Criterion { dir }
    }

    /// The median time of benchmark `id` (`group/name[/input]`), in nanoseconds.
    fn median_ns(&self, id: &str) -> Result<f64, String> {
        let path = self.dir.join(id).join("new/estimates.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        number_after(&text, "\"median\"", "\"point_estimate\":")
            .ok_or_else(|| format!("no median in {}", path.display()))
    }

    /// The number of elements the benchmark `id` declared as its throughput.
    fn elements(&self, id: &str) -> Result<f64, String> {
        let path = self.dir.join(id).join("new/benchmark.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        number_after(&text, "\"throughput\"", "\"Elements\":")
            .ok_or_else(|| format!("no element throughput in {}", path.display()))
    }
}

/// The number after `key` that follows `section` in criterion's JSON (no parser needed).
fn number_after(text: &str, section: &str, key: &str) -> Option<f64> {
    let rest = &text[text.find(section)?..];
    let rest = rest[rest.find(key)? + key.len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// The `name value` lines the client benchmark writes.
fn read_extra(path: &Path) -> Vec<(String, f64)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let (name, value) = line.split_once(' ')?;
            Some((name.to_string(), value.trim().parse().ok()?))
        })
        .collect()
}

fn extra(values: &[(String, f64)], name: &str) -> Option<f64> {
    values.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

/// `1234567.0` ns -> `1.23 ms`.
fn duration(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn table(
    figures: &Criterion,
    extras: &[(String, f64)],
    regenerate: &Regenerate,
    compile: Option<Compile>,
    release: Option<&Regenerate>,
    others: &[Other],
) -> Result<String, String> {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut row = |stage: &str, figure: String, ratio: String| {
        rows.push((stage.to_string(), figure, ratio));
    };

    let generate = figures.median_ns("stages/generate")?;
    for (id, stage) in [
        (
            "stages/load_parse",
            "generator: load + parse (YAML -> openapiv3)",
        ),
        ("stages/lower", "generator: resolve + lower (-> model)"),
        ("stages/emit_tokens", "generator: emit tokens"),
        ("stages/format", "generator: format (prettyplease)"),
        (
            "stages/render_templates",
            "generator: render Cargo.toml + README",
        ),
        ("stages/write", "generator: write (atomic, every file new)"),
        (
            "stages/write_unchanged",
            "generator: write when nothing changed (compare only)",
        ),
    ] {
        let ns = figures.median_ns(id)?;
        row(
            stage,
            duration(ns),
            format!("{:.2} of generate", ns / generate),
        );
    }
    row(
        "generator: generate, in-process (66 operations)",
        duration(generate),
        format!("{:.2} of the 100 ms target", generate / 1e8),
    );

    let mut per_op_1x = None;
    for copies in [1, 10, 100] {
        let id = format!("growth/generate/{copies}");
        let ns = figures.median_ns(&id)?;
        let operations = figures.elements(&id)?;
        let per_op = ns / operations;
        let base = *per_op_1x.get_or_insert(per_op);
        row(
            &format!("growth: {copies}x spec ({operations} operations), time per operation"),
            duration(per_op),
            format!("{:.2} of 1x (limit 1.50)", per_op / base),
        );
    }

    let pair = |group: &str| -> Result<(f64, f64), String> {
        Ok((
            figures.median_ns(&format!("{group}/client"))?,
            figures.median_ns(&format!("{group}/reqwest_serde"))?,
        ))
    };
    let (client, raw) = pair("decode_100")?;
    row(
        "client: GET answering 100 items, client vs reqwest + serde_json",
        format!("{} vs {}", duration(client), duration(raw)),
        format!("{:.2} (target 1.10)", client / raw),
    );
    let (client_rt, raw_rt) = pair("round_trip")?;
    row(
        "client: round trip (1 item), client vs reqwest + serde_json",
        format!("{} vs {}", duration(client_rt), duration(raw_rt)),
        format!("{:.2} (target 1.05)", client_rt / raw_rt),
    );
    if let (Some(client), Some(raw)) = (
        extra(extras, "round_trip_interleaved_ns_client"),
        extra(extras, "round_trip_interleaved_ns_reqwest_serde"),
    ) {
        row(
            "client: round trip (1 item), sides interleaved per request (medians)",
            format!("{} vs {}", duration(client), duration(raw)),
            format!("{:.2} (target 1.05)", client / raw),
        );
    }
    for (name, label) in [
        ("round_trip", "client: allocations per request (1 item)"),
        ("decode_100", "client: allocations per request (100 items)"),
    ] {
        if let (Some(client), Some(raw)) = (
            extra(extras, &format!("alloc_{name}_client")),
            extra(extras, &format!("alloc_{name}_reqwest_serde")),
        ) {
            row(
                label,
                format!("{client:.0} vs {raw:.0}"),
                format!("{:.2}", client / raw),
            );
        }
    }
    let paginate = figures.median_ns("paginate/stream_50x100")?;
    let items = figures.elements("paginate/stream_50x100")?;
    row(
        "client: .stream() over 50 pages of 100 items",
        format!("{:.0} items/s", items / (paginate / 1e9)),
        format!(
            "{:.2} of one 100-item request per item",
            (paginate / items) / (client / 100.0)
        ),
    );
    if let (Some(one), Some(fifty)) = (
        extra(extras, "paginate_peak_bytes_1_page"),
        extra(extras, "paginate_peak_bytes_50_pages"),
    ) {
        row(
            "client: peak live heap, 50 pages vs 1 page",
            format!("{:.0} KiB vs {:.0} KiB", fifty / 1024.0, one / 1024.0),
            format!("{:.2} (flat = 1)", fifty / one),
        );
    }

    let wall = regenerate.wall.as_secs_f64();
    row(
        "cargo xtask regenerate, warm build (wall, debug generator)",
        format!("{:.0} ms", wall * 1e3),
        format!(
            "{:.2} in the generator",
            regenerate.generator.as_secs_f64() / wall
        ),
    );
    if let Some(compile) = compile {
        if let Some(cold) = compile.cold {
            row(
                "cargo build -p webwork-client, cold (with dependencies)",
                format!("{:.1} s", cold.as_secs_f64()),
                String::new(),
            );
        }
        row(
            "cargo build -p webwork-client, the crate alone after clean",
            format!("{:.1} s", compile.clean.as_secs_f64()),
            "1.00".into(),
        );
        row(
            "cargo build -p webwork-client, after touching one file",
            format!("{:.1} s", compile.touched.as_secs_f64()),
            format!(
                "{:.2} of clean",
                compile.touched.as_secs_f64() / compile.clean.as_secs_f64()
            ),
        );
    }
    if let Some(release) = release {
        let release_wall = release.wall.as_secs_f64();
        row(
            "xtask regenerate, release build (wall, no cargo)",
            format!("{:.0} ms", release_wall * 1e3),
            format!(
                "{:.2} in the generator; {:.2} of the debug wall",
                release.generator.as_secs_f64() / release_wall,
                release_wall / wall
            ),
        );
    }
    for other in others {
        let version = other
            .version
            .as_ref()
            .map_or_else(String::new, |version| format!(" {version}"));
        let stage = format!(
            "comparison: {}{version}{} vs ours (regenerate wall)",
            other.tool, other.how
        );
        match &other.outcome {
            Outcome::Timed(theirs) => {
                let theirs = theirs.as_secs_f64();
                let mut ratio = format!("{:.2} (theirs / ours)", theirs / wall);
                if let Some(release) = release {
                    let release = release.wall.as_secs_f64();
                    let _ = write!(ratio, "; {:.2} against ours in release", theirs / release);
                }
                row(&stage, format!("{theirs:.2} s vs {wall:.2} s"), ratio);
            }
            Outcome::Refused(reason) => row(
                &stage,
                format!("refused: {}", reason.replace('|', "\\|")),
                String::new(),
            ),
        }
    }

    let mut out = String::from("| stage | figure | ratio |\n|---|---|---|\n");
    for (stage, figure, ratio) in rows {
        let _ = writeln!(out, "| {stage} | {figure} | {ratio} |");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
