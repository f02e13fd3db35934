// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! The clap command tree built from the [`App`] data, and the global options.

use clap::builder::PossibleValuesParser;
use clap::{value_parser, Arg, ArgAction, Command};

use super::exit::EXIT_CODES;
use super::output::Format;
use super::spec::{App, BodyEncoding, Kind, Location, Operation, Param};
use super::values;

/// The rate limit without `--rate-limit`: the API's documented 60 requests a minute.
pub const DEFAULT_RATE_LIMIT: &str = "60";

/// The whole command line: global options, one subcommand per group, and `api`, `auth`,
/// `mcp` and `completion`.
#[must_use]
pub fn build(app: &App) -> Command {
    let mut command = Command::new(app.name)
        .version(app.version)
        .about(app.about)
        .after_help(EXIT_CODES)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .args(global_args(app));
    for group in app.groups {
        let mut sub = Command::new(group.name)
            .about(group.about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for operation in group.commands {
            sub = sub.subcommand(operation_command(operation));
        }
        command = command.subcommand(sub);
    }
    command
        .subcommand(api_command())
        .subcommand(auth_command())
        .subcommand(super::mcp::command())
        .subcommand(
            Command::new("completion")
                .about("Print shell completions")
                .arg(
                    Arg::new("shell")
                        .required(true)
                        .value_parser(value_parser!(clap_complete::Shell)),
                ),
        )
}

fn global_args(app: &App) -> Vec<Arg> {
    vec![
        Arg::new("output")
            .long("output")
            .short('o')
            .global(true)
            .value_name("FORMAT")
            .value_parser(PossibleValuesParser::new(Format::NAMES))
            .help("Output format [default: table on a terminal, json otherwise]"),
        Arg::new("token")
            .long("token")
            .global(true)
            .value_name("TOKEN")
            .help(format!(
                "The API token (else ${}, else the one `{} auth login` stored)",
                app.token_env, app.name
            )),
        Arg::new("base-url")
            .long("base-url")
            .global(true)
            .value_name("URL")
            .default_value((!app.default_base_url.is_empty()).then_some(app.default_base_url))
            .help("The server to talk to"),
        Arg::new("rate-limit")
            .long("rate-limit")
            .global(true)
            .value_name("N")
            .value_parser(value_parser!(u32))
            .default_value(DEFAULT_RATE_LIMIT)
            .help("Requests per minute at most (0: no limit)"),
        Arg::new("verbose")
            .long("verbose")
            .short('v')
            .global(true)
            .action(ArgAction::Count)
            .help(
                "Trace each request on standard error, tokens masked (-vv: the HTTP stack's too)",
            ),
        Arg::new("dry-run")
            .long("dry-run")
            .global(true)
            .action(ArgAction::SetTrue)
            .help("Print the request as a curl command instead of sending it"),
    ]
    .into_iter()
    .map(|arg| arg.help_heading("Global options"))
    .collect()
}

/// The command of one operation: a flag per parameter and body property, `--body`, `--all`.
#[must_use]
pub fn operation_command(operation: &Operation) -> Command {
    let mut command = Command::new(operation.name)
        .about(operation.about)
        .args(operation.params.iter().map(param_arg));
    if let Some(long) = operation.long_about {
        command = command.long_about(long);
    }
    if let Some(body) = operation.body {
        command = command.arg(
            Arg::new("body")
                .long("body")
                .value_name("FILE")
                .required(
                    body.required
                        && !operation
                            .params
                            .iter()
                            .any(|p| p.location == Location::Body),
                )
                .help(body_help(body.encoding)),
        );
    }
    if operation.paging.is_some() {
        command = command.arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .help("Fetch every page, printing each as it comes"),
        );
    }
    command
}

/// The help of `--body`.
fn body_help(encoding: BodyEncoding) -> String {
    match encoding {
        BodyEncoding::Json => "The JSON body from FILE, or from standard input with `-`; the property flags override its members".into(),
        BodyEncoding::Form => "The form body, as JSON, from FILE, or from standard input with `-`; the property flags override its members".into(),
        BodyEncoding::Raw(media_type) => format!("The body ({media_type}) from FILE as it is, or from standard input with `-`"),
    }
}

fn param_arg(param: &Param) -> Arg {
    let arg = Arg::new(param.flag).long(param.flag).help(param.help);
    // A required body property may come from the `--body` file instead.
    let arg = match (param.required, param.location) {
        (true, Location::Body) => arg.required_unless_present("body").help(
            format!("{} [required unless --body has it]", param.help)
                .trim_start()
                .to_string(),
        ),
        (required, _) => arg.required(required),
    };
    let arg = if param.repeated {
        arg.action(ArgAction::Append)
    } else {
        arg
    };
    match param.kind {
        Kind::Text => arg.value_name("TEXT"),
        Kind::Integer => arg.value_name("INTEGER").value_parser(values::integer),
        Kind::Number => arg.value_name("NUMBER").value_parser(values::number),
        Kind::Boolean => arg
            .value_name("BOOL")
            .value_parser(PossibleValuesParser::new(["true", "false"])),
        Kind::Date => arg.value_name("YYYY-MM-DD").value_parser(values::date),
        Kind::DateTime => arg.value_name("DATETIME").value_parser(values::date_time),
        Kind::Uuid => arg.value_name("UUID").value_parser(values::uuid),
        Kind::Enum(names) => arg
            .value_name("VALUE")
            .value_parser(PossibleValuesParser::new(names)),
        Kind::Json => arg.value_name("JSON").value_parser(values::json),
    }
}

fn api_command() -> Command {
    Command::new("api")
        .about("Send a request to any endpoint, documented or not")
        .arg(
            Arg::new("method")
                .required(true)
                .value_parser(values::method)
                .help("The HTTP method (GET, POST, ...)"),
        )
        .arg(
            Arg::new("path")
                .required(true)
                .help("The path after the base URL (`/expenses`), with a query string if you like"),
        )
        .arg(
            Arg::new("field")
                .short('F')
                .long("field")
                .value_name("KEY=VALUE")
                .action(ArgAction::Append)
                .value_parser(values::pair)
                .help("A body member (a JSON value such as 1, true or [1,2], else text)"),
        )
        .arg(
            Arg::new("query")
                .long("query")
                .value_name("KEY=VALUE")
                .action(ArgAction::Append)
                .value_parser(values::pair)
                .help("A query parameter"),
        )
        .arg(
            Arg::new("body")
                .long("body")
                .value_name("FILE")
                .help("The JSON body from FILE, or from standard input with `-`"),
        )
}

fn auth_command() -> Command {
    Command::new("auth")
        .about("Store a token, or say which one is used")
        .subcommand_required(true)
        .subcommand(Command::new("login").about(
            "Store a token (given with --token, else read from standard input) in the config file",
        ))
        .subcommand(
            Command::new("status").about("Say where the token comes from, without printing it"),
        )
        .subcommand(Command::new("logout").about("Remove the stored token"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::spec::{BodyInput, Group, Paging};

    const PARAMS: &[Param] = &[
        Param {
            flag: "workspace-id",
            wire: "workspace_id",
            location: Location::Query,
            kind: Kind::Integer,
            required: true,
            repeated: false,
            help: "The workspace",
        },
        Param {
            flag: "status",
            wire: "status",
            location: Location::Query,
            kind: Kind::Enum(&["pending", "approved"]),
            required: false,
            repeated: false,
            help: "Filter",
        },
    ];
    pub(crate) const APP: App = App {
        name: "demo",
        version: "1.0.0",
        about: "A demo",
        default_base_url: "https://api.example.com/v2",
        token_env: "DEMO_TOKEN",
        config_env: "DEMO_CONFIG_DIR",
        groups: &[Group {
            name: "expenses",
            about: "Expenses",
            commands: &[Operation {
                name: "list",
                id: "getExpenses",
                about: "List expenses",
                long_about: None,
                method: "GET",
                path: "/expenses",
                params: PARAMS,
                body: Some(BodyInput {
                    required: false,
                    encoding: BodyEncoding::Json,
                }),
                paging: Some(Paging { page: "page" }),
                columns: &["id", "name"],
            }],
        }],
    };

    #[test]
    fn the_tree_is_a_valid_clap_command() {
        build(&APP).debug_assert();
    }

    #[test]
    fn typed_flags_refuse_bad_values_and_required_ones_are_required() {
        let run = |args: &[&str]| build(&APP).try_get_matches_from(args);
        assert!(run(&["demo", "expenses", "list", "--workspace-id", "1"]).is_ok());
        let missing = run(&["demo", "expenses", "list"]).unwrap_err();
        assert_eq!(
            missing.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
        let not_a_number = run(&["demo", "expenses", "list", "--workspace-id", "x"]).unwrap_err();
        assert_eq!(not_a_number.kind(), clap::error::ErrorKind::ValueValidation);
        let not_listed = run(&[
            "demo",
            "expenses",
            "list",
            "--workspace-id",
            "1",
            "--status",
            "gone",
        ]);
        assert_eq!(
            not_listed.unwrap_err().kind(),
            clap::error::ErrorKind::InvalidValue
        );
    }
}
