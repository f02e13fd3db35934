//! The report in three formats: `text` for a terminal, `markdown` for a pull-request comment
//! (short first, the long tables folded),
//! `json` for machines (`{"changes": [{"kind", "location", "detail", "wire_breaking",
//! "crate_breaking", ...}], "semver": ..., ...}`).

use std::fmt::Write as _;

use serde_json::json;

use super::{Change, CrateSummary, Group, Report};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Grouped and concise, for a terminal.
    Text,
    /// Tables, for a pull-request comment.
    Markdown,
    /// For machines.
    Json,
}

impl Format {
    /// `text`, `markdown` or `json`.
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// How many public items the text report lists before it stops.
const TEXT_ITEMS: usize = 40;

const GROUPS: [Group; 4] = [
    Group::Added,
    Group::Removed,
    Group::Changed,
    Group::Deprecated,
];

/// Writes `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
    }
}

/// What a change breaks, for the text report's first column: `wire+crate`, `wire`, `crate`, `ok`.
fn breaks(change: &Change) -> &'static str {
    match (change.wire_breaking, change.crate_breaking) {
        (true, true) => "wire+crate",
        (true, false) => "wire",
        (false, true) => "crate",
        (false, false) => "ok",
    }
}

/// How many changes, and how many break clients and crate users, in words.
fn counts(report: &Report) -> String {
    let wire = report.changes.iter().filter(|c| c.wire_breaking).count();
    let crate_breaking = report.changes.iter().filter(|c| c.crate_breaking).count();
    let n = report.changes.len();
    format!(
        "{n} change{}; {wire} break{} HTTP clients, {crate_breaking} break{} code using the previous crate",
        if n == 1 { "" } else { "s" },
        if wire == 1 { "s" } else { "" },
        if crate_breaking == 1 { "s" } else { "" },
    )
}

/// The text report: grouped changes, one a line, then the generated crate.
fn text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "spec diff: {} -> {}", report.old, report.new);
    let _ = writeln!(out, "semver: {} ({})", report.semver, counts(report));
    if report.changes.is_empty() {
        let _ = writeln!(out, "\nNo changes to the API.");
    }
    let width = report
        .changes
        .iter()
        .map(|c| c.kind.len())
        .max()
        .unwrap_or(0);
    for group in GROUPS {
        let changes: Vec<&Change> = report.changes.iter().filter(|c| c.group == group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", group.title(), changes.len());
        for c in changes {
            let _ = writeln!(
                out,
                "  {:<10}  {:<width$}  {}: {}",
                breaks(c),
                c.kind,
                c.location,
                c.detail
            );
        }
    }
    if report.is_breaking() {
        let _ = writeln!(
            out,
            "\n(first column: what breaks; wire = existing HTTP clients, crate = code using the previous crate)"
        );
    }
    text_generated(&mut out, &report.generated);
    out
}

/// The text report's summary of the generated crate: files, then the first public items.
fn text_generated(out: &mut String, summary: &CrateSummary) {
    let _ = writeln!(out, "\ngenerated crate:");
    if summary.is_empty() {
        let _ = writeln!(out, "  no file changes");
        return;
    }
    let files = |label: &str, files: &[String]| -> String {
        if files.is_empty() {
            String::new()
        } else {
            format!("  files {label}: {}\n", files.join(", "))
        }
    };
    out.push_str(&files("added", &summary.files_added));
    out.push_str(&files("removed", &summary.files_removed));
    out.push_str(&files("changed", &summary.files_changed));
    let _ = writeln!(
        out,
        "  public items: {} added, {} removed, {} changed",
        summary.items_added.len(),
        summary.items_removed.len(),
        summary.items_changed.len()
    );
    let listed = summary
        .items_added
        .iter()
        .map(|i| ('+', i))
        .chain(summary.items_removed.iter().map(|i| ('-', i)))
        .chain(summary.items_changed.iter().map(|i| ('~', i)));
    let total =
        summary.items_added.len() + summary.items_removed.len() + summary.items_changed.len();
    for (mark, item) in listed.take(TEXT_ITEMS) {
        let _ = writeln!(out, "    {mark} {item}");
    }
    if total > TEXT_ITEMS {
        let _ = writeln!(
            out,
            "    ... and {} more (--format markdown or json lists them all)",
            total - TEXT_ITEMS
        );
    }
}

/// `text` made safe for a markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The markdown report, for a pull-request comment, which a review page shows best short:
/// the verdict, a count per group, the breaking changes; then each group's full table and the
/// generated crate folded in a `<details>` block.
fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Spec diff: `{}` → `{}`\n", report.old, report.new);
    let _ = writeln!(out, "**Semver: {}** · {}\n", report.semver, counts(report));
    if report.changes.is_empty() {
        let _ = writeln!(out, "No changes to the API.\n");
    } else {
        markdown_counts(&mut out, report);
    }
    let breaking: Vec<&Change> = report.changes.iter().filter(|c| c.is_breaking()).collect();
    if !breaking.is_empty() {
        let _ = writeln!(out, "#### Breaking changes ({})\n", breaking.len());
        markdown_table(&mut out, &breaking);
    }
    for group in GROUPS {
        let changes: Vec<&Change> = report.changes.iter().filter(|c| c.group == group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details><summary>{} ({})</summary>\n",
            group.title(),
            changes.len()
        );
        markdown_table(&mut out, &changes);
        let _ = writeln!(out, "</details>\n");
    }
    let summary = &report.generated;
    let _ = writeln!(
        out,
        "<details><summary>Generated crate: {} files added, {} removed, {} changed; {} public items added, {} removed, {} changed</summary>\n",
        summary.files_added.len(),
        summary.files_removed.len(),
        summary.files_changed.len(),
        summary.items_added.len(),
        summary.items_removed.len(),
        summary.items_changed.len()
    );
    let list = |out: &mut String, title: &str, items: &[String]| {
        if !items.is_empty() {
            let _ = writeln!(out, "{title}:\n");
            for item in items {
                let _ = writeln!(out, "- `{item}`");
            }
            out.push('\n');
        }
    };
    list(&mut out, "Files added", &summary.files_added);
    list(&mut out, "Files removed", &summary.files_removed);
    list(&mut out, "Files changed", &summary.files_changed);
    list(&mut out, "Items added", &summary.items_added);
    list(&mut out, "Items removed", &summary.items_removed);
    list(&mut out, "Items changed", &summary.items_changed);
    let _ = writeln!(out, "</details>");
    out
}

/// One row per group: how many changes, and how many break HTTP clients and crate users.
fn markdown_counts(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "| Group | Changes | Break HTTP clients | Break crate users |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for group in GROUPS {
        let changes: Vec<&Change> = report.changes.iter().filter(|c| c.group == group).collect();
        if changes.is_empty() {
            continue;
        }
        let wire = changes.iter().filter(|c| c.wire_breaking).count();
        let crate_breaking = changes.iter().filter(|c| c.crate_breaking).count();
        let _ = writeln!(
            out,
            "| {} | {} | {wire} | {crate_breaking} |",
            group.title(),
            changes.len()
        );
    }
    out.push('\n');
}

/// A table of `changes`, one a row.
fn markdown_table(out: &mut String, changes: &[&Change]) {
    let verdict = |b: bool| if b { "**breaking**" } else { "ok" };
    let _ = writeln!(out, "| Change | Where | What | Wire | Crate |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for c in changes {
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {} | {} |",
            c.kind,
            cell(&c.location),
            cell(&c.detail),
            verdict(c.wire_breaking),
            verdict(c.crate_breaking)
        );
    }
    out.push('\n');
}

/// The JSON report, pretty-printed.
fn json(report: &Report) -> String {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            json!({
                "kind": c.kind,
                "location": c.location,
                "detail": c.detail,
                "wire_breaking": c.wire_breaking,
                "crate_breaking": c.crate_breaking,
                "group": c.group.title().to_lowercase(),
                "concern": c.concern.as_str(),
                "semver": c.semver.as_str(),
            })
        })
        .collect();
    let summary = &report.generated;
    let value = json!({
        "changes": changes,
        "semver": report.semver.as_str(),
        "breaking": report.is_breaking(),
        "old": report.old,
        "new": report.new,
        "generated": {
            "files_added": summary.files_added,
            "files_removed": summary.files_removed,
            "files_changed": summary.files_changed,
            "items_added": summary.items_added,
            "items_removed": summary.items_removed,
            "items_changed": summary.items_changed,
        },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
