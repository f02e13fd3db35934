// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! One tool per operation of the command tree: its name (`<group>_<command>`, `-` as `_`),
//! description, input and output schemas, and annotations from the method.

use std::borrow::Cow;
use std::sync::Arc;

use rmcp::model::{Tool, ToolAnnotations};

use super::schema;
use super::select::{reads, Selection};
use crate::runtime::exit::Failure;
use crate::runtime::spec::{App, Group, Operation};

/// The longest tool name MCP clients take.
pub const MAX_NAME: usize = 64;

/// How long a tool's description may get (the summary, and the description's first paragraph
/// cut at a sentence).
const MAX_DESCRIPTION: usize = 400;

/// One operation offered as a tool.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The tool's name (`expenses_list`).
    pub name: String,
    /// The operation's group.
    pub group: &'static Group,
    /// The operation.
    pub operation: &'static Operation,
}

impl Entry {
    /// The tool as `tools/list` gives it.
    #[must_use]
    pub fn tool(&self) -> Tool {
        let operation = self.operation;
        let title = title(self.group, operation);
        let annotations = ToolAnnotations::with_title(title.clone())
            .read_only(reads(operation.method))
            .destructive(operation.method.eq_ignore_ascii_case("DELETE"))
            .idempotent(
                ["GET", "HEAD", "PUT", "DELETE"]
                    .iter()
                    .any(|m| operation.method.eq_ignore_ascii_case(m)),
            )
            .open_world(true);
        Tool::new(
            self.name.clone(),
            description(operation),
            Arc::new(schema::input(operation)),
        )
        .with_title(title)
        .with_raw_output_schema(Arc::new(schema::output(operation)))
        .with_annotations(annotations)
    }
}

/// The tool name of the command `group command`: `-` as `_`, anything but `[a-zA-Z0-9_-]`
/// dropped, at most [`MAX_NAME`] characters.
#[must_use]
pub fn tool_name(group: &str, command: &str) -> String {
    let name: String = format!("{group}_{command}")
        .chars()
        .map(|c| if c == '-' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    name.chars().take(MAX_NAME).collect()
}

/// Every operation of `app` as a tool, in the tree's order, each name unique (a clash, after
/// shortening, numbered).
#[must_use]
pub fn all(app: &App) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for group in app.groups {
        for operation in group.commands {
            let base = tool_name(group.name, operation.name);
            let mut name = base.clone();
            let mut number = 2;
            while entries.iter().any(|e| e.name == name) {
                let suffix = format!("_{number}");
                let keep = MAX_NAME.saturating_sub(suffix.len());
                name = format!("{}{suffix}", &base[..base.len().min(keep)]);
                number += 1;
            }
            entries.push(Entry {
                name,
                group,
                operation,
            });
        }
    }
    entries
}

/// The tools `selection` keeps.
///
/// # Errors
/// [`Failure::Usage`] when it names a tag or tool there is not.
pub fn selected(app: &App, selection: &Selection) -> Result<Vec<Entry>, Failure> {
    let entries = all(app);
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    selection.check(app.groups, &names)?;
    Ok(entries
        .into_iter()
        .filter(|e| selection.keeps(e.group, e.operation, &e.name))
        .collect())
}

/// The tool's title: the operation's summary, else `group command`.
fn title(group: &Group, operation: &Operation) -> String {
    if operation.about.trim().is_empty() {
        format!("{} {}", group.name, operation.name)
    } else {
        operation.about.trim().to_string()
    }
}

/// What helps an agent choose the tool: the summary, the description's first paragraph (cut
/// after a sentence when long), and the method and path.
#[must_use]
pub fn description(operation: &Operation) -> Cow<'static, str> {
    let request = format!("{} {}", operation.method, operation.path);
    // Without a summary the command's about is the request itself, said at the end anyway.
    let about = Some(one_line(operation.about))
        .filter(|about| *about != request)
        .unwrap_or_default();
    let first = operation
        .long_about
        .unwrap_or_default()
        .split("\n\n")
        .map(one_line)
        .find(|p| !p.is_empty() && *p != about && *p != request)
        .unwrap_or_default();
    let mut text = match (about.is_empty(), first.is_empty()) {
        (true, _) => first,
        (false, true) => about,
        (false, false) if about.ends_with(['.', '!', '?']) => format!("{about} {first}"),
        (false, false) => format!("{about}. {first}"),
    };
    if text.chars().count() > MAX_DESCRIPTION {
        let cut: String = text.chars().take(MAX_DESCRIPTION).collect();
        text = match cut.rfind(". ") {
            Some(end) if end > MAX_DESCRIPTION / 2 => cut[..=end].to_string(),
            _ => format!("{}…", cut.trim_end()),
        };
    }
    if text.trim().is_empty() {
        return Cow::Owned(request);
    }
    Cow::Owned(format!("{} ({request})", text.trim()))
}

/// `text` on one line, its runs of white space as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn operation(name: &'static str, method: &'static str) -> Operation {
        Operation {
            name,
            id: name,
            about: "Get All Expenses",
            long_about: Some("Get All Expenses\n\nRetrieve all expenses in your workspace.\nResults are paginated.\n\nGET /expenses"),
            method,
            path: "/expenses",
            params: &[],
            body: None,
            paging: None,
            columns: &[],
        }
    }

    const LONG: &str = "a-very-long-group-name-that-goes-on-and-on-and-on";
    const APP: App = App {
        name: "demo",
        version: "1",
        about: "",
        default_base_url: "",
        token_env: "DEMO_TOKEN",
        config_env: "DEMO_CONFIG_DIR",
        groups: &[
            Group {
                name: "time-requests",
                about: "",
                commands: &[operation("list", "GET"), operation("delete", "DELETE")],
            },
            Group {
                name: LONG,
                about: "",
                commands: &[
                    operation("and-a-command-name-as-long-1", "PUT"),
                    operation("and-a-command-name-as-long-2", "POST"),
                ],
            },
        ],
    };

    #[test]
    fn names_are_group_and_command_with_underscores_short_and_unique() {
        let names: Vec<String> = all(&APP).into_iter().map(|e| e.name).collect();
        assert_eq!(names[0], "time_requests_list");
        assert_eq!(names[1], "time_requests_delete");
        assert!(names.iter().all(|n| n.len() <= MAX_NAME
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')));
        assert_eq!(names[2].len(), MAX_NAME);
        assert_ne!(names[2], names[3]);
        assert!(names[3].ends_with("_2"));
    }

    #[test]
    fn annotations_follow_the_method() {
        let entries = all(&APP);
        let list = entries[0].tool();
        let hints = list.annotations.clone().unwrap();
        assert_eq!(hints.read_only_hint, Some(true));
        assert_eq!(hints.idempotent_hint, Some(true));
        assert_eq!(hints.destructive_hint, Some(false));
        assert_eq!(list.title.as_deref(), Some("Get All Expenses"));
        let delete = entries[1].tool().annotations.unwrap();
        assert_eq!(delete.destructive_hint, Some(true));
        assert_eq!(delete.read_only_hint, Some(false));
        let post = entries[3].tool().annotations.unwrap();
        assert_eq!(post.idempotent_hint, Some(false));
    }

    #[test]
    fn the_description_is_the_summary_and_the_first_paragraph() {
        assert_eq!(
            description(&operation("list", "GET")),
            "Get All Expenses. Retrieve all expenses in your workspace. Results are paginated. (GET /expenses)"
        );
        let long = "Word. ".repeat(200);
        let text = description(&Operation {
            long_about: Some(Box::leak(long.into_boxed_str())),
            ..operation("list", "GET")
        });
        assert!(text.chars().count() < MAX_DESCRIPTION + 30, "{text}");
        let bare = Operation {
            about: "GET /expenses",
            long_about: Some("GET /expenses"),
            ..operation("list", "GET")
        };
        assert_eq!(description(&bare), "GET /expenses");
    }
}
