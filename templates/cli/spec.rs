//! The command tree as data: what the generator writes for each operation of the spec, and
//! what the runtime turns into clap commands and HTTP calls.

/// The whole command line: its name, texts, and one group per tag.
#[derive(Debug, Clone, Copy)]
pub struct App {
    /// The binary's name (`webwork`).
    pub name: &'static str,
    /// The version printed by `--version`.
    pub version: &'static str,
    /// One line about the API.
    pub about: &'static str,
    /// The server used without `--base-url`.
    pub default_base_url: &'static str,
    /// The environment variable holding a token (`WEBWORK_TOKEN`).
    pub token_env: &'static str,
    /// The environment variable naming the config folder (`WEBWORK_CONFIG_DIR`), for tests and
    /// for keeping several configurations.
    pub config_env: &'static str,
    /// The subcommand groups, one per tag of the spec.
    pub groups: &'static [Group],
}

/// The commands of one tag.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// The subcommand (`timesheets`).
    pub name: &'static str,
    /// The tag's description.
    pub about: &'static str,
    /// Its operations.
    pub commands: &'static [Operation],
}

/// One operation of the spec as a command.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The subcommand (`list`, `approve`).
    pub name: &'static str,
    /// The spec's operationId.
    pub id: &'static str,
    /// The summary, shown in the group's list of commands.
    pub about: &'static str,
    /// The description, shown by `--help`.
    pub long_about: Option<&'static str>,
    /// The HTTP method (`GET`).
    pub method: &'static str,
    /// The path template (`/timesheets/{timesheetId}/approve`).
    pub path: &'static str,
    /// Its flags: parameters and top-level body properties.
    pub params: &'static [Param],
    /// Whether it takes a body (`--body FILE|-`, besides the per-property flags of a JSON or
    /// form body).
    pub body: Option<BodyInput>,
    /// How `--all` walks the pages, when the operation answers with one page of a list.
    pub paging: Option<Paging>,
    /// The documented fields of one item (or of the object) of `data`: the columns of a table
    /// and of CSV. Empty: the keys of the first item.
    pub columns: &'static [&'static str],
}

/// Where a flag's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A `{name}` of the path.
    Path,
    /// The query string.
    Query,
    /// The query string, a list's values in one pair joined by the separator (`ids=1,2,3`:
    /// a parameter with `explode: false`).
    JoinedQuery(&'static str),
    /// A request header.
    Header,
    /// A cookie, in the request's one `Cookie` header.
    Cookie,
    /// A property of the body (JSON or form).
    Body,
}

/// What a flag's value must look like; checked when the command line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text.
    Text,
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A date and time, RFC 3339.
    DateTime,
    /// A UUID.
    Uuid,
    /// One of the listed values.
    Enum(&'static [&'static str]),
    /// A JSON value (an object, an array, a union).
    Json,
}

/// One flag of an operation.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The flag without its dashes (`workspace-id`).
    pub flag: &'static str,
    /// The name on the wire (`workspace_id`).
    pub wire: &'static str,
    /// Where the value goes.
    pub location: Location,
    /// Its type.
    pub kind: Kind,
    /// Whether the command needs it.
    pub required: bool,
    /// Whether it takes several values (an array): the flag is repeated.
    pub repeated: bool,
    /// Its help text.
    pub help: &'static str,
}

/// A body's input.
#[derive(Debug, Clone, Copy)]
pub struct BodyInput {
    /// Whether the operation needs a body.
    pub required: bool,
    /// How it is written on the wire.
    pub encoding: BodyEncoding,
}

/// How a body is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// JSON; `--body` is a JSON file, the property flags set its members.
    Json,
    /// `application/x-www-form-urlencoded`, nested members in brackets (`metadata[key]=v`);
    /// `--body` is a JSON file, the property flags set its members.
    Form,
    /// The bytes of `--body` as they are, of this media type (`image/png`).
    Raw(&'static str),
}

/// How an operation's pages are numbered.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// The query parameter of the page number (`page`).
    pub page: &'static str,
}

/// Names a tool's arguments may not take from a parameter: the runtime's own (a list's walk,
/// a raw body).
pub const RESERVED_ARGUMENTS: &[&str] = &["all_pages", "max_items", "body"];

impl Operation {
    /// Whether a tool takes the whole body as one argument (`body`): a raw body, or a JSON or
    /// form body without top-level properties to set one by one (an array, a union).
    #[must_use]
    pub fn whole_body(&self) -> bool {
        match self.body.map(|body| body.encoding) {
            None => false,
            Some(BodyEncoding::Raw(_)) => true,
            Some(BodyEncoding::Json | BodyEncoding::Form) => {
                !self.params.iter().any(|p| p.location == Location::Body)
            }
        }
    }

    /// The name of each of [`Operation::params`] as an argument of a tool (the MCP server's):
    /// its wire name (`workspace_id`); when an earlier one (or the runtime) took that name, its
    /// flag's, `-` as `_` (`body_workspace_id`), as the command line settles its flags; then
    /// numbered. A wire name that is not 1 to 64 of `[a-zA-Z0-9_.-]` (`page[size]`), which
    /// some clients refuse as a property's name, is its flag's too (`page_size`).
    #[must_use]
    pub fn argument_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::with_capacity(self.params.len());
        for param in self.params {
            let taken = |name: &str, names: &[String]| {
                RESERVED_ARGUMENTS.contains(&name) || names.iter().any(|n| n == name)
            };
            let plain = (1..=64).contains(&param.wire.len())
                && param
                    .wire
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
            let mut name = param.wire.to_string();
            if !plain || taken(&name, &names) {
                name = param
                    .flag
                    .chars()
                    .map(|c| if c == '-' { '_' } else { c })
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .take(56)
                    .collect();
                if name.is_empty() {
                    name = "param".into();
                }
            }
            let base = name.clone();
            let mut number = 2;
            while taken(&name, &names) {
                name = format!("{base}_{number}");
                number += 1;
            }
            names.push(name);
        }
        names
    }
}

impl App {
    /// The operation `group command`, when there is one.
    #[must_use]
    pub fn operation(&self, group: &str, command: &str) -> Option<&'static Operation> {
        self.groups
            .iter()
            .find(|g| g.name == group)?
            .commands
            .iter()
            .find(|c| c.name == command)
    }
}
