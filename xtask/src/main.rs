//! `cargo xtask`: the project's commands. Argument parsing only; the work is in the generator.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask regenerate [--spec PATH] [--out DIR] [--check]

  regenerate   write the client crate from the spec
    --spec PATH  the spec (default: spec/webwork-v2.yaml)
    --out DIR    the crate folder (default: generated-client)
    --check      write nothing; fail when the crate differs from what the spec gives";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("regenerate") => match RegenerateArgs::parse(&args[1..]) {
            Ok(options) => regenerate(&options),
            Err(message) => usage_error(&message),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command `{other}`")),
        None => usage_error("no command given"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// The workspace root (xtask lives one level below it).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

struct RegenerateArgs {
    spec: PathBuf,
    out: PathBuf,
    check: bool,
}

impl RegenerateArgs {
    fn parse(args: &[String]) -> Result<Self, String> {
        let root = workspace_root();
        let mut options = RegenerateArgs {
            spec: root.join("spec/webwork-v2.yaml"),
            out: root.join("generated-client"),
            check: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--check" => options.check = true,
                "--spec" => options.spec = PathBuf::from(args.next().ok_or("--spec needs a path")?),
                "--out" => options.out = PathBuf::from(args.next().ok_or("--out needs a folder")?),
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        Ok(options)
    }
}

fn regenerate(options: &RegenerateArgs) -> ExitCode {
    let started = Instant::now();
    let files = match webwork_generator::generate(&options.spec) {
        Ok(files) => files,
        Err(diagnostic) => {
            eprintln!("error: {diagnostic}");
            return ExitCode::FAILURE;
        }
    };
    if options.check {
        return match webwork_generator::write::compare(&options.out, &files) {
            Ok(staleness) if staleness.is_fresh() => {
                println!(
                    "{} is up to date with {}",
                    options.out.display(),
                    options.spec.display()
                );
                ExitCode::SUCCESS
            }
            Ok(staleness) => {
                eprint!("{}", staleness.summary());
                eprintln!(
                    "error: {} is stale; run `cargo xtask regenerate`",
                    options.out.display()
                );
                ExitCode::FAILURE
            }
            Err(diagnostic) => {
                eprintln!("error: {diagnostic}");
                ExitCode::FAILURE
            }
        };
    }
    if let Err(diagnostic) = webwork_generator::write::write_atomic(&options.out, &files) {
        eprintln!("error: {diagnostic}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} files to {} in {} ms",
        files.len(),
        options.out.display(),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}
