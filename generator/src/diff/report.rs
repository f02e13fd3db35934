//! The report in three formats: `text` for a terminal, `markdown` for a pull-request comment,
//! `json` for machines (`{"changes": [{"kind", "location", "detail", "wire_breaking",
//! "crate_breaking", ...}], "semver": ..., ...}`).

use std::fmt::Write as _;

use serde_json::json;

use super::{Change, Group, Report};

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

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
    }
}

fn breaks(change: &Change) -> &'static str {
    match (change.wire_breaking, change.crate_breaking) {
        (true, true) => "wire+crate",
        (true, false) => "wire",
        (false, true) => "crate",
        (false, false) => "ok",
    }
}

fn counts(report: &Report) -> String {
    let wire = report.changes.iter().filter(|c| c.wire_breaking).count();
    let krate = report.changes.iter().filter(|c| c.crate_breaking).count();
    let n = report.changes.len();
    format!(
        "{n} change{}; {wire} break{} HTTP clients, {krate} break{} code using the previous crate",
        if n == 1 { "" } else { "s" },
        if wire == 1 { "s" } else { "" },
        if krate == 1 { "s" } else { "" },
    )
}

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
    let g = &report.generated;
    let _ = writeln!(out, "\ngenerated crate:");
    if g.is_empty() {
        let _ = writeln!(out, "  no file changes");
        return out;
    }
    let files = |label: &str, files: &[String]| -> String {
        if files.is_empty() {
            String::new()
        } else {
            format!("  files {label}: {}\n", files.join(", "))
        }
    };
    out.push_str(&files("added", &g.files_added));
    out.push_str(&files("removed", &g.files_removed));
    out.push_str(&files("changed", &g.files_changed));
    let _ = writeln!(
        out,
        "  public items: {} added, {} removed, {} changed",
        g.items_added.len(),
        g.items_removed.len(),
        g.items_changed.len()
    );
    let listed = g
        .items_added
        .iter()
        .map(|i| ('+', i))
        .chain(g.items_removed.iter().map(|i| ('-', i)))
        .chain(g.items_changed.iter().map(|i| ('~', i)));
    let total = g.items_added.len() + g.items_removed.len() + g.items_changed.len();
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
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Spec diff: `{}` → `{}`\n", report.old, report.new);
    let _ = writeln!(out, "**Semver: {}** · {}\n", report.semver, counts(report));
    if report.changes.is_empty() {
        let _ = writeln!(out, "No changes to the API.\n");
    }
    let verdict = |b: bool| if b { "**breaking**" } else { "ok" };
    for group in GROUPS {
        let changes: Vec<&Change> = report.changes.iter().filter(|c| c.group == group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#### {}\n", group.title());
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
    let g = &report.generated;
    let _ = writeln!(
        out,
        "<details><summary>Generated crate: {} files added, {} removed, {} changed; {} public items added, {} removed, {} changed</summary>\n",
        g.files_added.len(),
        g.files_removed.len(),
        g.files_changed.len(),
        g.items_added.len(),
        g.items_removed.len(),
        g.items_changed.len()
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
    list(&mut out, "Files added", &g.files_added);
    list(&mut out, "Files removed", &g.files_removed);
    list(&mut out, "Files changed", &g.files_changed);
    list(&mut out, "Items added", &g.items_added);
    list(&mut out, "Items removed", &g.items_removed);
    list(&mut out, "Items changed", &g.items_changed);
    let _ = writeln!(out, "</details>");
    out
}

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
    let g = &report.generated;
    let value = json!({
        "changes": changes,
        "semver": report.semver.as_str(),
        "breaking": report.is_breaking(),
        "old": report.old,
        "new": report.new,
        "generated": {
            "files_added": g.files_added,
            "files_removed": g.files_removed,
            "files_changed": g.files_changed,
            "items_added": g.items_added,
            "items_removed": g.items_removed,
            "items_changed": g.items_changed,
        },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
