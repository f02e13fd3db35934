//! `cargo xtask bench`: runs the criterion benchmarks of the generator and of the client with
//! short settings, times `cargo xtask regenerate` and the build of `webwork-client`, and prints
//! one table (stage, figure, ratio), also saved as `target/criterion/webwork-bench.md`. With
//! `--compare`, also a release build of `regenerate` and, when installed, openapi-generator and
//! progenitor on the same spec.
//!
//! [`measure`] runs what is timed outside criterion, [`criterion`] reads the figures back,
//! [`table`] lays them out; the benchmarks' names are in [`ids`], shared with the benches.

mod criterion;
pub mod ids;
mod large;
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
    large: bool,
    large_compile: bool,
}

impl BenchArgs {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = BenchArgs {
            full: false,
            compare: false,
            skip_compile: false,
            large: false,
            large_compile: false,
        };
        for arg in args {
            match arg.as_str() {
                "--full" => options.full = true,
                "--compare" => options.compare = true,
                "--skip-compile" => options.skip_compile = true,
                "--large" => options.large = true,
                "--large-compile" => {
                    options.large = true;
                    options.large_compile = true;
                }
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

    let large = if options.large {
        let binary = measure::release_binary(root, &target)?;
        let generation = large::time_generation(root, &target, &binary)?;
        let compile = if options.large_compile {
            Some(large::time_compile(&target)?)
        } else {
            None
        };
        Some((generation, compile))
    } else {
        None
    };

    let figures = Figures::new(criterion);
    let table = table::table(
        &figures,
        &Extras::read(&extra),
        &regenerate,
        compile,
        release.as_ref(),
        &others,
        large.as_ref(),
    )?;
    let saved = target.join("criterion/webwork-bench.md");
    std::fs::write(&saved, &table).map_err(|e| format!("cannot write {}: {e}", saved.display()))?;
    eprintln!("(table saved as {})", saved.display());
    Ok(table)
}
