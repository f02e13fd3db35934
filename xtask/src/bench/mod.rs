//! `cargo xtask bench`: runs the criterion benchmarks of the generator and of the client with
//! short settings, times `cargo xtask regenerate` and the build of `webwork-client`, and prints
//! one table (stage, figure, ratio), also saved as `target/criterion/webwork-bench.md`. With
//! `--compare`, also a release build of `regenerate` and, when installed, openapi-generator and
//! progenitor on the same spec.
//!
//! [`measure`] runs what is timed outside criterion, [`criterion`] reads the figures back,
//! [`table`] lays them out; the benchmarks' names are in [`ids`], shared with the benches.

mod cli;
mod criterion;
pub mod ids;
mod measure;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use criterion::{Extras, Figures};
use measure::{cargo, timed, Build, REGENERATE_RUNS};

pub struct BenchArgs {
    full: bool,
    compare: bool,
    skip_compile: bool,
    cli_only: bool,
}

impl BenchArgs {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = BenchArgs {
            full: false,
            compare: false,
            skip_compile: false,
            cli_only: false,
        };
        for arg in args {
            match arg.as_str() {
                "--full" => options.full = true,
                "--compare" => options.compare = true,
                "--skip-compile" => options.skip_compile = true,
                "--cli-only" => options.cli_only = true,
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        Ok(options)
    }
}

/// Short criterion settings: the whole run takes a few minutes on two cores.
const QUICK: &[&str] = &["--warm-up-time", "1", "--measurement-time", "3"];

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

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn run_all(options: &BenchArgs, root: &Path) -> Result<String, String> {
    let target = target_dir(root);
    let criterion = target.join("criterion");
    let settings: &[&str] = if options.full { &[] } else { QUICK };
    if options.cli_only {
        eprintln!("== the command line (release builds)");
        let cli = cli::time_cli(root, &target)?;
        return Ok(format!(
            "| stage | figure | ratio |\n|---|---|---|\n{}",
            cli_rows(&cli)
        ));
    }

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
    let regenerate = measure::time_regenerate(root, &target, &Build::CargoXtask)?;

    let compile = if options.skip_compile {
        None
    } else {
        eprintln!(
            "== cargo build -p webwork-client (in {})",
            target.join("bench-build").display()
        );
        Some(measure::time_compile(root, &target)?)
    };

    let (release, others) = if options.compare {
        (
            Some(measure::time_regenerate_release(root, &target)?),
            measure::compare_others(root, &target),
        )
    } else {
        (None, Vec::new())
    };

    eprintln!("== the command line: webwork --help, and --all over 1,000 items (release builds)");
    let cli = cli::time_cli(root, &target)?;

    let figures = Figures::new(criterion);
    let table = table::table(
        &figures,
        &Extras::read(&extra),
        &regenerate,
        compile,
        release.as_ref(),
        &others,
    )?;
    let table = table + &cli_rows(&cli);
    let saved = target.join("criterion/webwork-bench.md");
    std::fs::write(&saved, &table).map_err(|e| format!("cannot write {}: {e}", saved.display()))?;
    eprintln!("(table saved as {})", saved.display());
    Ok(table)
}

/// The command line's rows, in the table's markdown.
fn cli_rows(cli: &cli::CliFigures) -> String {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    let ratio = ms(cli.cli_walk) / ms(cli.rust_walk);
    format!(
        "| cli: `webwork --help` start-up (release) | {:.1} ms | |\n\
         | cli: `--all --output ndjson`, 1,000 items in 10 pages over loopback, vs a Rust program using the client's `.stream()` (release, processes, medians) | {:.1} ms vs {:.1} ms | {ratio:.2} (goal 1.20) |\n",
        ms(cli.help),
        ms(cli.cli_walk),
        ms(cli.rust_walk),
    )
}
