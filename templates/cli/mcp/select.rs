//! Which operations the server offers: `--read-only` (GET and HEAD only), `--tags a,b` (only
//! those groups), `--tools x,y` (only those tools), `--exclude x,y` (all but those).

use crate::runtime::exit::Failure;
use crate::runtime::spec::{Group, Operation};

/// The choice made by the flags; the default keeps every operation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only operations that read (GET, HEAD).
    pub read_only: bool,
    /// Only the operations of these groups (tags), when not empty.
    pub tags: Vec<String>,
    /// Only these tools, when not empty.
    pub tools: Vec<String>,
    /// Not these tools.
    pub exclude: Vec<String>,
}

/// Whether `method` only reads.
#[must_use]
pub fn reads(method: &str) -> bool {
    method.eq_ignore_ascii_case("GET") || method.eq_ignore_ascii_case("HEAD")
}

/// A tag or tool name as compared: lower case, `-` and spaces as `_`.
fn normal(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

impl Selection {
    /// Whether the tool `name` of `operation` in `group` is offered.
    #[must_use]
    pub fn keeps(&self, group: &Group, operation: &Operation, name: &str) -> bool {
        let name = normal(name);
        let listed = |names: &[String]| names.iter().any(|n| normal(n) == name);
        (!self.read_only || reads(operation.method))
            && (self.tags.is_empty() || self.tags.iter().any(|t| normal(t) == normal(group.name)))
            && (self.tools.is_empty() || listed(&self.tools))
            && !listed(&self.exclude)
    }

    /// Checks that every tag names a group and every tool (`--tools`, `--exclude`) one of
    /// `names`, so that a typo does not silently offer nothing (or everything).
    ///
    /// # Errors
    /// [`Failure::Usage`] naming the unknown ones.
    pub fn check(&self, groups: &[Group], names: &[String]) -> Result<(), Failure> {
        let groups: Vec<String> = groups.iter().map(|g| normal(g.name)).collect();
        let names: Vec<String> = names.iter().map(|n| normal(n)).collect();
        let unknown_tags: Vec<&str> = self
            .tags
            .iter()
            .filter(|t| !groups.contains(&normal(t)))
            .map(String::as_str)
            .collect();
        if !unknown_tags.is_empty() {
            return Err(Failure::Usage(format!(
                "no tag {} (the tags: {})",
                unknown_tags.join(", "),
                groups.join(", ")
            )));
        }
        let unknown_tools: Vec<&str> = self
            .tools
            .iter()
            .chain(&self.exclude)
            .filter(|t| !names.contains(&normal(t)))
            .map(String::as_str)
            .collect();
        if !unknown_tools.is_empty() {
            return Err(Failure::Usage(format!(
                "no tool {} (see `tools/list`, or `search_operations` with --dynamic)",
                unknown_tools.join(", ")
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn operation(name: &'static str, method: &'static str) -> Operation {
        Operation {
            name,
            id: name,
            about: "",
            long_about: None,
            method,
            path: "/x",
            params: &[],
            body: None,
            paging: None,
            columns: &[],
        }
    }

    const EXPENSES: Group = Group {
        name: "expenses",
        about: "",
        commands: &[operation("list", "GET"), operation("create", "POST")],
    };
    const TIME: Group = Group {
        name: "time-tracking",
        about: "",
        commands: &[operation("stop", "POST")],
    };

    fn kept(selection: &Selection) -> Vec<String> {
        [EXPENSES, TIME]
            .iter()
            .flat_map(|g| g.commands.iter().map(move |o| (g, o)))
            .map(|(g, o)| (g, o, format!("{}_{}", g.name, o.name).replace('-', "_")))
            .filter(|(g, o, name)| selection.keeps(g, o, name))
            .map(|(_, _, name)| name)
            .collect()
    }

    #[test]
    fn each_flag_narrows_the_tools() {
        assert_eq!(kept(&Selection::default()).len(), 3);
        let read_only = Selection {
            read_only: true,
            ..Selection::default()
        };
        assert_eq!(kept(&read_only), ["expenses_list"]);
        let tags = Selection {
            tags: vec!["Time Tracking".into()],
            ..Selection::default()
        };
        assert_eq!(kept(&tags), ["time_tracking_stop"]);
        let tools = Selection {
            tools: vec!["expenses_create".into(), "time-tracking_stop".into()],
            exclude: vec!["time_tracking_stop".into()],
            ..Selection::default()
        };
        assert_eq!(kept(&tools), ["expenses_create"]);
    }

    #[test]
    fn unknown_names_are_refused() {
        let names = vec!["expenses_list".to_string()];
        let typo = Selection {
            tools: vec!["expense_list".into()],
            ..Selection::default()
        };
        assert!(
            matches!(typo.check(&[EXPENSES], &names), Err(Failure::Usage(m)) if m.contains("expense_list"))
        );
        let tag = Selection {
            tags: vec!["nope".into()],
            ..Selection::default()
        };
        assert!(tag.check(&[EXPENSES], &names).is_err());
        let fine = Selection {
            tags: vec!["Expenses".into()],
            exclude: vec!["expenses-list".into()],
            ..Selection::default()
        };
        assert_eq!(fine.check(&[EXPENSES], &names), Ok(()));
    }
}
