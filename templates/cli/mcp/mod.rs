//! `<binary> mcp`: the API as tools for AI assistants, a Model Context Protocol server built
//! at run time from the command tree ([`App`]) on the official Rust SDK (rmcp). Every call is
//! a call of the [`Backend`] (the generated client: pacing, retries, typed errors), so an API
//! failure is a tool result with `isError`, never a protocol error. Standard input and output
//! by default; `--http ADDR` serves the streamable HTTP transport behind a bearer token.

pub mod dynamic;
pub mod http;
pub mod schema;
pub mod select;
pub mod server;
pub mod tools;

use clap::{Arg, ArgAction, ArgMatches, Command};
use rmcp::ServiceExt;
use tokio::sync::mpsc;

use self::select::Selection;
use self::server::Server;
use crate::runtime::exit::Failure;
use crate::runtime::run::Backend;
use crate::runtime::spec::App;

/// What `mcp`'s flags ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Which operations are offered.
    pub selection: Selection,
    /// The three dynamic tools instead of one per operation.
    pub dynamic: bool,
    /// `--http ADDR`: serve over HTTP there, not on standard input and output.
    pub http: Option<String>,
    /// `--http-token`: the bearer token HTTP clients must send (else one is made up).
    pub http_token: Option<String>,
}

/// The `mcp` subcommand and its flags.
#[must_use]
pub fn command() -> Command {
    let list = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name("NAMES")
            .value_delimiter(',')
            .action(ArgAction::Append)
            .help(help)
    };
    Command::new("mcp")
        .about("Serve the API as tools for AI assistants: an MCP server (stdio, or --http)")
        .arg(
            Arg::new("read-only")
                .long("read-only")
                .action(ArgAction::SetTrue)
                .help("Offer only the operations that read (GET, HEAD)"),
        )
        .arg(list("tags", "Offer only the operations of these groups (a,b)"))
        .arg(list("tools", "Offer only these tools (group_command, as tools/list names them)"))
        .arg(list("exclude", "Offer every tool but these"))
        .arg(
            Arg::new("dynamic")
                .long("dynamic")
                .action(ArgAction::SetTrue)
                .help("Three tools (search_operations, describe_operation, call_operation) instead of one per operation, for large APIs"),
        )
        .arg(
            Arg::new("http")
                .long("http")
                .value_name("ADDR")
                .help("Serve the streamable HTTP transport at http://ADDR/mcp (a port alone: on 127.0.0.1)"),
        )
        .arg(
            Arg::new("http-token")
                .long("http-token")
                .value_name("TOKEN")
                .requires("http")
                .help("The bearer token HTTP clients must send [default: a new one, printed on standard error]"),
        )
}

impl Options {
    /// The options `matches` (of [`command`]) give.
    #[must_use]
    pub fn from_matches(matches: &ArgMatches) -> Options {
        let names = |name: &str| -> Vec<String> {
            matches
                .get_many::<String>(name)
                .map(|names| {
                    names
                        .filter(|n| !n.trim().is_empty())
                        .map(|n| n.trim().to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        Options {
            selection: Selection {
                read_only: matches.get_flag("read-only"),
                tags: names("tags"),
                tools: names("tools"),
                exclude: names("exclude"),
            },
            dynamic: matches.get_flag("dynamic"),
            http: matches.get_one::<String>("http").cloned(),
            http_token: matches.get_one::<String>("http-token").cloned(),
        }
    }
}

/// Serves `app`'s operations chosen by `options` until the client goes (standard input
/// closes) or, over HTTP, until the process is stopped; calls go to `backend`. `secrets` (the
/// API token) appear in no answer.
///
/// # Errors
/// [`Failure::Usage`] for an unknown tag or tool or a bad address; [`Failure::Transport`] when
/// the transport fails.
pub async fn serve<B: Backend>(
    app: &App,
    options: Options,
    backend: B,
    secrets: Vec<String>,
) -> Result<(), Failure> {
    let entries = tools::selected(app, &options.selection)?;
    let (jobs, queue) = mpsc::unbounded_channel();
    let server = Server::new(app, entries, options.dynamic, jobs, secrets);
    let worker = server::work(backend, queue);
    let Some(address) = options.http else {
        let serving = async move {
            let running = server
                .serve(rmcp::transport::stdio())
                .await
                .map_err(|error| Failure::Transport(format!("MCP over stdio: {error}")))?;
            running
                .waiting()
                .await
                .map(|_| ())
                .map_err(|error| Failure::Other(format!("MCP over stdio: {error}")))
        };
        return tokio::select! {
            outcome = serving => outcome,
            () = worker => Ok(()),
        };
    };
    let address = http::address(&address)?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| Failure::Transport(format!("cannot listen on {address}: {error}")))?;
    let bound = listener
        .local_addr()
        .map_err(|error| Failure::Transport(format!("cannot listen on {address}: {error}")))?;
    let url = format!("http://{bound}{}", http::PATH);
    let token = if let Some(token) = options.http_token {
        eprintln!(
            "{} mcp: serving {url} (bearer token: the --http-token given)",
            app.name
        );
        token
    } else {
        let token = http::new_token();
        eprintln!("{} mcp: serving {url} (bearer token: {token})", app.name);
        token
    };
    tokio::select! {
        outcome = http::serve(server, listener, token) => outcome,
        () = worker => Ok(()),
    }
}
