//! The one table `cargo xtask bench` prints: stage, figure, ratio.

use std::fmt::Write as _;

use super::criterion::{Extras, Figures};
use super::ids::{client, extra, growth, stages};
use super::large::{Compile as LargeCompile, Generation, ONE_TAG};
use super::measure::{Compile, Other, Outcome, Regenerate};
use super::peers::{PeerOutcome, PeerRun};

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

/// The rows of the table: stage, figure, ratio.
#[derive(Default)]
struct Rows(Vec<[String; 3]>);

impl Rows {
    fn push(&mut self, stage: &str, figure: String, ratio: String) {
        self.0.push([stage.to_string(), figure, ratio]);
    }

    fn markdown(&self) -> String {
        let mut out = String::from("| stage | figure | ratio |\n|---|---|---|\n");
        for [stage, figure, ratio] in &self.0 {
            let _ = writeln!(out, "| {stage} | {figure} | {ratio} |");
        }
        out
    }
}

/// The table of every figure, in markdown.
pub fn table(
    figures: &Figures,
    extras: &Extras,
    regenerate: &Regenerate,
    compile: Option<Compile>,
    release: Option<&Regenerate>,
    others: &[Other],
    large: Option<&(Vec<Generation>, Option<LargeCompile>)>,
) -> Result<String, String> {
    let mut rows = Rows::default();
    generator_rows(&mut rows, figures)?;
    client_rows(&mut rows, figures, extras)?;
    build_rows(&mut rows, regenerate, compile, release);
    comparison_rows(&mut rows, regenerate, release, others);
    if let Some((generation, compile)) = large {
        large_rows(&mut rows, generation, compile.as_ref());
    }
    Ok(rows.markdown())
}

/// GitHub's and Stripe's descriptions: generation in release, lines, and GitHub's crate's
/// check and build times.
fn large_rows(rows: &mut Rows, generation: &[Generation], compile: Option<&LargeCompile>) {
    let mut row = |stage: &str, figure: String, ratio: String| rows.push(stage, figure, ratio);
    for spec in generation {
        let peak = spec.peak_kib.map_or_else(
            || "peak memory unknown".to_string(),
            |kib| format!("peak {:.0} MB", kib as f64 / 1024.0),
        );
        row(
            &format!("large: generate {} (release, wall)", spec.name),
            duration(spec.wall.as_secs_f64() * 1e9),
            format!("{peak}; {:.2} of the 1 s goal", spec.wall.as_secs_f64()),
        );
        row(
            &format!("large: lines of generated Rust, {}", spec.name),
            format!("{} lines", spec.lines),
            format!("{} files, the runtime left out", spec.files),
        );
    }
    if let Some(compile) = compile {
        let full = compile.full.as_secs_f64();
        row(
            "large: cargo check of GitHub's crate, whole (full)",
            format!("{full:.1} s"),
            "1.00".into(),
        );
        row(
            &format!("large: cargo check of GitHub's crate, one tag ({ONE_TAG})"),
            format!("{:.1} s", compile.one_tag.as_secs_f64()),
            format!(
                "{:.2} of full (goal 0.20)",
                compile.one_tag.as_secs_f64() / full
            ),
        );
        row(
            "large: cargo build of GitHub's crate, cold (with dependencies)",
            format!("{:.1} s", compile.cold.as_secs_f64()),
            String::new(),
        );
        row(
            "large: cargo build of GitHub's crate, after touching one file",
            format!("{:.1} s", compile.warm.as_secs_f64()),
            format!(
                "{:.2} of cold",
                compile.warm.as_secs_f64() / compile.cold.as_secs_f64()
            ),
        );
    }
}

/// The large descriptions' table: each tool's wall time and peak memory, against ours.
pub fn large_table(runs: &[PeerRun]) -> String {
    let mut rows = Rows::default();
    let mut ours = None;
    for run in runs {
        let stage = format!("large: {}, {}", run.spec, run.tool);
        let (figure, ratio) = match &run.outcome {
            PeerOutcome::Generated { wall, peak_kib } => {
                let wall = wall.as_secs_f64();
                let figure = match peak_kib {
                    Some(kib) => format!("{wall:.2} s, {:.0} MiB peak", *kib as f64 / 1024.0),
                    None => format!("{wall:.2} s"),
                };
                let ratio = if run.tool.starts_with("ours") {
                    ours = Some((wall, *peak_kib));
                    "1.00".to_string()
                } else {
                    match ours {
                        Some((our_wall, our_peak)) => {
                            let memory = match (peak_kib, our_peak) {
                                (Some(theirs), Some(ours)) if ours > 0 => {
                                    format!(", {:.1} x its memory", *theirs as f64 / ours as f64)
                                }
                                _ => String::new(),
                            };
                            format!("{:.1} x ours' time{memory}", wall / our_wall)
                        }
                        None => "ours failed on it: no ratio".to_string(),
                    }
                };
                (figure, ratio)
            }
            PeerOutcome::Failed(reason) => {
                if run.tool.starts_with("ours") {
                    ours = None;
                }
                (
                    format!("failed: {}", reason.replace('|', "\\|")),
                    String::new(),
                )
            }
        };
        rows.push(&stage, figure, ratio);
    }
    rows.markdown()
}

/// The generator's stages, its whole run, and its growth with the spec's size.
fn generator_rows(rows: &mut Rows, figures: &Figures) -> Result<(), String> {
    let mut row = |stage: &str, figure: String, ratio: String| rows.push(stage, figure, ratio);
    let stage_id = |function: &str| format!("{}/{function}", stages::GROUP);
    let generate = figures.median_ns(&stage_id(stages::GENERATE))?;
    for (function, stage) in [
        (
            stages::LOAD_PARSE,
            "generator: load + parse (YAML -> openapiv3)",
        ),
        (stages::LOWER, "generator: resolve + lower (-> model)"),
        (stages::EMIT_TOKENS, "generator: emit tokens"),
        (stages::FORMAT, "generator: format (prettyplease)"),
        (
            stages::RENDER_TEMPLATES,
            "generator: render Cargo.toml + README",
        ),
        (stages::WRITE, "generator: write (atomic, every file new)"),
        (
            stages::WRITE_UNCHANGED,
            "generator: write when nothing changed (compare only)",
        ),
    ] {
        let ns = figures.median_ns(&stage_id(function))?;
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
    for copies in growth::COPIES {
        let id = format!("{}/{}/{copies}", growth::GROUP, growth::GENERATE);
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
    Ok(())
}

/// The client against bare reqwest + serde_json: time, allocations, paging, memory.
fn client_rows(rows: &mut Rows, figures: &Figures, extras: &Extras) -> Result<(), String> {
    let mut row = |stage: &str, figure: String, ratio: String| rows.push(stage, figure, ratio);
    let pair = |group: &str| -> Result<(f64, f64), String> {
        Ok((
            figures.median_ns(&format!("{group}/{}", client::CLIENT))?,
            figures.median_ns(&format!("{group}/{}", client::BASELINE))?,
        ))
    };
    let (client, raw) = pair(client::DECODE_100)?;
    row(
        "client: GET answering 100 items, client vs reqwest + serde_json",
        format!("{} vs {}", duration(client), duration(raw)),
        format!("{:.2} (target 1.10)", client / raw),
    );
    let (client_rt, raw_rt) = pair(client::ROUND_TRIP)?;
    row(
        "client: round trip (1 item), client vs reqwest + serde_json",
        format!("{} vs {}", duration(client_rt), duration(raw_rt)),
        format!("{:.2} (target 1.05)", client_rt / raw_rt),
    );
    if let Some((client, raw)) = extras.pair(extra::ROUND_TRIP_INTERLEAVED_NS) {
        row(
            "client: round trip (1 item), sides interleaved per request (medians)",
            format!("{} vs {}", duration(client), duration(raw)),
            format!("{:.2} (target 1.05)", client / raw),
        );
    }
    if let Some((client, raw)) = extras.pair(extra::ROUND_TRIP_PACED_INTERLEAVED_NS) {
        row(
            "client: round trip (1 item), rate_limit on but not binding, interleaved (medians)",
            format!("{} vs {}", duration(client), duration(raw)),
            format!("{:.2} (target 1.05)", client / raw),
        );
    }
    for (names, label) in [
        (
            extra::ALLOC_ROUND_TRIP,
            "client: allocations per request (1 item)",
        ),
        (
            extra::ALLOC_DECODE_100,
            "client: allocations per request (100 items)",
        ),
    ] {
        if let Some((client, raw)) = extras.pair(names) {
            row(
                label,
                format!("{client:.0} vs {raw:.0}"),
                format!("{:.2}", client / raw),
            );
        }
    }
    let paginate_id = format!("{}/{}", client::PAGINATE, client::STREAM_50X100);
    let paginate = figures.median_ns(&paginate_id)?;
    let items = figures.elements(&paginate_id)?;
    row(
        "client: .stream() over 50 pages of 100 items",
        format!("{:.0} items/s", items / (paginate / 1e9)),
        format!(
            "{:.2} of one 100-item request per item",
            (paginate / items) / (client / 100.0)
        ),
    );
    if let Some((one, fifty)) = extras.pair(extra::PAGINATE_PEAK_BYTES) {
        row(
            "client: peak live heap, 50 pages vs 1 page",
            format!("{:.0} KiB vs {:.0} KiB", fifty / 1024.0, one / 1024.0),
            format!("{:.2} (flat = 1)", fifty / one),
        );
    }
    Ok(())
}

/// `cargo xtask regenerate`, the client's build, and the release build of regenerate.
fn build_rows(
    rows: &mut Rows,
    regenerate: &Regenerate,
    compile: Option<Compile>,
    release: Option<&Regenerate>,
) {
    let mut row = |stage: &str, figure: String, ratio: String| rows.push(stage, figure, ratio);
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
}

/// Other generators on the same spec, against our regenerate.
fn comparison_rows(
    rows: &mut Rows,
    regenerate: &Regenerate,
    release: Option<&Regenerate>,
    others: &[Other],
) {
    let mut row = |stage: &str, figure: String, ratio: String| rows.push(stage, figure, ratio);
    let wall = regenerate.wall.as_secs_f64();
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
}
