//! `cargo xtask`: the project's commands. Argument parsing only; the work is in the generator.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

mod bench;
mod flaky;

/// The generator's allocations are many and small; see `Cargo.toml`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
usage: cargo xtask regenerate [--spec PATH] [--out DIR] [--cli-out DIR] [--check]
       cargo xtask spec-diff [--base REV | --old FILE] [--new FILE] [--format text|markdown|json]
                             [--fail-on-breaking] [--verify]
       cargo xtask bench [--full] [--compare] [--skip-compile] [--large] [--large-compile]
                         [--large-only] [--cli-only]
       cargo xtask flaky [N] [--skip NAME]...

  regenerate   write the client crate and the command-line crate from the spec
    --spec PATH  the spec (default: spec/webwork-v2.yaml)
    --out DIR    the crate folder (default: generated-client)
    --cli-out DIR  the command line's crate folder (default: generated-cli beside the
                 default crate folder; with --out and without --cli-out, none is written)
    --check      write nothing; fail when the crate differs from what the spec gives

  spec-diff    what a spec change does to HTTP clients and to users of the crate
    --base REV   compare with spec/webwork-v2.yaml at this git revision (default: HEAD)
    --old FILE   compare with this spec file instead (its generator.toml beside it)
    --new FILE   the changed spec (default: the working tree's spec/webwork-v2.yaml)
    --format F   text (default), markdown (for a pull-request comment) or json
    --fail-on-breaking  exit 1 when a change breaks HTTP clients or crate users
    --verify     also compile a usage probe of the old crate against the new crate (in
                 target/spec-diff-verify) and say whether the compiler agrees with the crate
                 verdict; exit 1 when it does not
    exit status: 0 fine, 1 breaking (with --fail-on-breaking) or a verdict the compiler
                 disagrees with (with --verify), 2 bad input

  bench        run the benchmarks (short settings) and print one table: stage, figure, ratio
    --full       criterion's default measurement times instead of the short ones
    --compare    also time a release build of regenerate, and openapi-generator and progenitor
                 on the same spec when installed (on PATH or under target/tools; see the
                 README's Performance section)
    --skip-compile  leave out the compile-time figures of webwork-client
    --large      also generate GitHub's and Stripe's descriptions (generator/tests/large-specs)
                 with a release build: wall time, peak memory, lines of Rust; and with
                 openapi-generator -g rust and progenitor side by side (wall time and peak
                 memory, or the first error line of a tool that fails; the two are installed
                 under the target folder's tools/ when missing)
    --large-compile  --large, and the check time of one tag of GitHub's crate against the
                 whole crate, and its cold and warm build (many minutes; run by hand)
    --large-only the comparison with the peers alone
    --cli-only   only the command line's rows (`webwork --help`, `--all` against the client)

  flaky        build the workspace's test binaries once, run each N times (default 20) and
               report every test that failed even once, with its count (doctests not included)
    --skip NAME  pass `--skip NAME` to every test binary (e.g. generated_crates_compile)
    exit status: 0 when every test passed every time, 1 otherwise";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("regenerate") => match RegenerateArgs::parse(&args[1..]) {
            Ok(options) => regenerate(&options),
            Err(message) => usage_error(&message),
        },
        Some("spec-diff") => match SpecDiffArgs::parse(&args[1..]) {
            Ok(options) => spec_diff(&options),
            Err(message) => usage_error(&message),
        },
        Some("bench") => match bench::BenchArgs::parse(&args[1..]) {
            Ok(options) => bench::run(&options, &workspace_root()),
            Err(message) => usage_error(&message),
        },
        Some("flaky") => match flaky::FlakyArgs::parse(&args[1..]) {
            Ok(options) => flaky::run(&options, &workspace_root()),
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
    // `cargo run` (which `cargo xtask` is) sets CARGO_MANIFEST_DIR for the process, naming the
    // checkout it was run in. The path compiled into the binary names the checkout that built
    // it, which is another one when two clones share a CARGO_TARGET_DIR.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest_dir
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

struct RegenerateArgs {
    spec: PathBuf,
    out: PathBuf,
    cli_out: Option<PathBuf>,
    check: bool,
}

impl RegenerateArgs {
    fn parse(args: &[String]) -> Result<Self, String> {
        let root = workspace_root();
        let mut options = RegenerateArgs {
            spec: root.join("spec/webwork-v2.yaml"),
            out: root.join("generated-client"),
            cli_out: None,
            check: false,
        };
        let mut out_given = false;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--check" => options.check = true,
                "--spec" => options.spec = PathBuf::from(args.next().ok_or("--spec needs a path")?),
                "--out" => {
                    options.out = PathBuf::from(args.next().ok_or("--out needs a folder")?);
                    out_given = true;
                }
                "--cli-out" => {
                    let folder = args.next().ok_or("--cli-out needs a folder")?;
                    options.cli_out = Some(PathBuf::from(folder));
                }
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        if options.cli_out.is_none() && !out_given {
            options.cli_out = Some(root.join("generated-cli"));
        }
        Ok(options)
    }
}

fn regenerate(options: &RegenerateArgs) -> ExitCode {
    let started = Instant::now();
    let mut crates = match webwork_generator::generate(&options.spec) {
        Ok(files) => vec![(options.out.clone(), files)],
        Err(diagnostic) => {
            eprintln!("error: {diagnostic}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(cli_out) = &options.cli_out {
        let client_path = relative_path(cli_out, &options.out);
        let folder = cli_out.file_name().map_or_else(
            || "generated-cli".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        let layout = webwork_generator::CliLayout {
            client_path: &client_path,
            folder: &folder,
        };
        match webwork_generator::generate_cli(&options.spec, layout) {
            Ok(files) => crates.push((cli_out.clone(), files)),
            Err(diagnostic) => {
                eprintln!("error: {diagnostic}");
                return ExitCode::FAILURE;
            }
        }
    }
    if options.check {
        let mut fresh = true;
        for (out, files) in &crates {
            match webwork_generator::write::compare(out, files) {
                Ok(staleness) if staleness.is_fresh() => println!(
                    "{} is up to date with {}",
                    out.display(),
                    options.spec.display()
                ),
                Ok(staleness) => {
                    eprint!("{}", staleness.summary());
                    eprintln!(
                        "error: {} is stale; run `cargo xtask regenerate`",
                        out.display()
                    );
                    fresh = false;
                }
                Err(diagnostic) => {
                    eprintln!("error: {diagnostic}");
                    fresh = false;
                }
            }
        }
        return if fresh {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    for (out, files) in &crates {
        let written = match webwork_generator::write::write_atomic(out, files) {
            Ok(written) => written,
            Err(diagnostic) => {
                eprintln!("error: {diagnostic}");
                return ExitCode::FAILURE;
            }
        };
        for path in &written.written {
            println!("written: {path}");
        }
        for path in &written.removed {
            println!("removed: {path}");
        }
        println!(
            "{} of {} files changed in {} ({} ms)",
            written.count(),
            files.len(),
            out.display(),
            started.elapsed().as_millis()
        );
    }
    ExitCode::SUCCESS
}

/// The path of `to` from the folder `from`: `../generated-client` for two folders side by
/// side, else `to` made absolute.
fn relative_path(from: &Path, to: &Path) -> String {
    let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let (from, to) = (absolute(from), absolute(to));
    match (from.parent(), to.parent(), to.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => format!("../{}", name.to_string_lossy()),
        _ => to.display().to_string(),
    }
}

/// The spec's path inside the repository, and of its settings beside it.
const SPEC: &str = "spec/webwork-v2.yaml";
const SPEC_CONFIG: &str = "spec/generator.toml";

/// Where the old spec comes from.
enum OldSpec {
    /// `SPEC` at a git revision.
    Revision(String),
    /// A file.
    File(PathBuf),
}

struct SpecDiffArgs {
    old: OldSpec,
    new: PathBuf,
    format: webwork_generator::diff::Format,
    fail_on_breaking: bool,
    verify: bool,
}

impl SpecDiffArgs {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut base = None;
        let mut old = None;
        let mut new = None;
        let mut format = webwork_generator::diff::Format::Text;
        let mut fail_on_breaking = false;
        let mut verify = false;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--base" => base = Some(args.next().ok_or("--base needs a git revision")?.clone()),
                "--old" => old = Some(PathBuf::from(args.next().ok_or("--old needs a path")?)),
                "--new" => new = Some(PathBuf::from(args.next().ok_or("--new needs a path")?)),
                "--format" => {
                    let name = args.next().ok_or("--format needs text, markdown or json")?;
                    format = webwork_generator::diff::Format::parse(name).ok_or_else(|| {
                        format!("unknown format `{name}`; use text, markdown or json")
                    })?;
                }
                "--fail-on-breaking" => fail_on_breaking = true,
                "--verify" => verify = true,
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        let old = match (base, old) {
            (Some(_), Some(_)) => return Err("--base and --old exclude each other".into()),
            (Some(rev), None) => OldSpec::Revision(rev),
            (None, Some(path)) => OldSpec::File(path),
            (None, None) => OldSpec::Revision("HEAD".into()),
        };
        Ok(SpecDiffArgs {
            old,
            new: new.unwrap_or_else(|| workspace_root().join(SPEC)),
            format,
            fail_on_breaking,
            verify,
        })
    }
}

fn spec_diff(options: &SpecDiffArgs) -> ExitCode {
    use webwork_generator::diff::{self, Side};
    let bad_input = |message: String| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    };
    let old = match &options.old {
        OldSpec::File(path) => Side::load(path),
        OldSpec::Revision(rev) => match spec_at(rev) {
            Ok((spec, config)) => Side::from_text(
                format!("{rev}:{SPEC}"),
                Path::new(&format!("{rev}:{SPEC}")),
                &spec,
                config.as_deref(),
            ),
            Err(message) => return bad_input(message),
        },
    };
    let old = match old {
        Ok(side) => side,
        Err(diagnostic) => return bad_input(format!("the old spec: {diagnostic}")),
    };
    let mut new = match Side::load(&options.new) {
        Ok(side) => side,
        Err(diagnostic) => return bad_input(format!("the new spec: {diagnostic}")),
    };
    if options.new == workspace_root().join(SPEC) {
        new.label = SPEC.to_string();
    }
    let report = match diff::diff(&old, &new) {
        Ok(report) => report,
        Err(diagnostic) => return bad_input(diagnostic.to_string()),
    };
    print!("{}", report.render(options.format));
    if options.verify {
        match verify(&old, &new, &report) {
            Ok(verification) => {
                eprint!("{}", verification.render());
                if !verification.agrees() {
                    return ExitCode::FAILURE;
                }
            }
            Err(diagnostic) => return bad_input(format!("--verify: {diagnostic}")),
        }
    }
    if options.fail_on_breaking && report.is_breaking() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The compiler's verdict on the two sides beside the report's: the old crate's usage probe
/// compiled against the new crate, in `target/spec-diff-verify`.
fn verify(
    old: &webwork_generator::diff::Side,
    new: &webwork_generator::diff::Side,
    report: &webwork_generator::diff::Report,
) -> Result<webwork_generator::diff::verify::Verification, webwork_generator::Diagnostic> {
    use webwork_generator::diff::verify;
    let root = workspace_root();
    let base = root.join("target/spec-diff-verify");
    let pair = verify::Pair {
        name: "spec".into(),
        old,
        new,
    };
    let verdict = verify::verify(
        &[pair],
        &base.join("spec"),
        &base.join("target"),
        Some(&root.join("Cargo.lock")),
    )?
    .pop()
    .ok_or_else(|| webwork_generator::Diagnostic::file(&base, "no verdict"))?;
    Ok(verify::Verification::new(report, verdict))
}

/// The spec and its settings (when there were any) at a git revision.
fn spec_at(rev: &str) -> Result<(String, Option<String>), String> {
    let root = workspace_root();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(args)
            .output()
            .map_err(|error| format!("cannot run git: {error}"))
    };
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])?;
    if !commit.status.success() {
        return Err(format!("unknown git revision `{rev}`"));
    }
    let spec = git(&["show", &format!("{rev}:{SPEC}")])?;
    if !spec.status.success() {
        return Err(format!("{SPEC} does not exist at `{rev}`"));
    }
    let spec =
        String::from_utf8(spec.stdout).map_err(|_| format!("{SPEC} at `{rev}` is not UTF-8"))?;
    let config = git(&["show", &format!("{rev}:{SPEC_CONFIG}")])?;
    let config = if config.status.success() {
        Some(String::from_utf8_lossy(&config.stdout).into_owned())
    } else {
        None
    };
    Ok((spec, config))
}
