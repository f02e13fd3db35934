//! The command line's driver: reads the arguments, resolves the token, and runs the command
//! through a [`Backend`] (the generated client, plugged in by the generated `main.rs`).

use std::ffi::OsString;
use std::future::Future;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ArgMatches;
use futures::stream::{BoxStream, StreamExt};

use super::auth::{self, Token};
use super::call::{self, Call};
use super::command;
use super::config::Config;
use super::curl;
use super::exit::Failure;
use super::mcp;
use super::output::{Data, Format, Printer};
use super::progress::Progress;
use super::spec::App;
use super::verbose;

/// How to reach the server: what the backend's client is built from.
#[derive(Debug, Clone, Copy)]
pub struct Connection<'a> {
    /// The base URL (`--base-url`).
    pub base_url: &'a str,
    /// The bearer token, when there is one.
    pub token: Option<&'a str>,
    /// Requests per minute at most (`--rate-limit`); 0: no limit.
    pub rate_limit: u32,
}

/// A successful answer: its `data`, the envelope's message, and which page of how many.
#[derive(Debug)]
pub struct Answer {
    /// The answer's `data`.
    pub data: Data,
    /// The envelope's `message`, printed on standard error.
    pub message: Option<String>,
    /// `(current page, last page)`, when the answer says.
    pub pages: Option<(i64, i64)>,
}

/// What sends calls: the generated client, in the generated `main.rs`.
pub trait Backend: Sized {
    /// The tracing target of the client's spans and events (its crate's name), which
    /// `--verbose` shows.
    const TRACE_TARGET: &'static str;

    /// A backend for `connection`.
    ///
    /// # Errors
    /// A [`Failure`] when the client cannot be built (a bad base URL).
    fn connect(connection: &Connection<'_>) -> Result<Self, Failure>;

    /// Sends `call` and reads the answer's data: as the server's text when `raw`, else parsed.
    fn send(&self, call: &Call, raw: bool) -> impl Future<Output = Result<Answer, Failure>>;

    /// Every page of the list `call` fetches, numbered by its query parameter `page` from the
    /// page `call` names (or 1): the client's own page stream, each page's items as
    /// [`Data::Items`], ending after the last page or the first failure.
    ///
    /// # Errors
    /// A [`Failure`] when `call` cannot be made into a request (a bad method).
    fn pages(
        &self,
        call: &Call,
        page: &str,
    ) -> Result<BoxStream<'static, Result<Answer, Failure>>, Failure>;
}

/// Runs the command line `args` (the program's name first) and gives its exit code.
pub async fn run<B: Backend>(app: &App, args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let matches = match command::build(app).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let flag = matches.get_one::<String>("token").cloned();
    match execute::<B>(app, &matches).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let failure = failure.redacted(flag.as_deref());
            let failure = match std::env::var(app.token_env) {
                Ok(secret) => failure.redacted(Some(&secret)),
                Err(_) => failure,
            };
            eprintln!("{failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

async fn execute<B: Backend>(app: &App, matches: &ArgMatches) -> Result<(), Failure> {
    let config = Config::locate(app.name, app.config_env)?;
    let token = auth::resolve(
        matches.get_one::<String>("token").map(String::as_str),
        app.token_env,
        &config,
    )?;
    let secrets: Vec<&str> = token.iter().map(|token| token.secret.as_str()).collect();
    verbose::install(matches.get_count("verbose"), B::TRACE_TARGET, &secrets);
    let (group, sub) = matches
        .subcommand()
        .ok_or_else(|| Failure::Usage("no command given".into()))?;
    match group {
        "completion" => {
            let shell = *sub
                .get_one::<clap_complete::Shell>("shell")
                .ok_or_else(|| Failure::Usage("no shell given".into()))?;
            clap_complete::generate(
                shell,
                &mut command::build(app),
                app.name,
                &mut std::io::stdout(),
            );
            Ok(())
        }
        "auth" => auth_command(app, sub, &config, token.as_ref()),
        "mcp" => {
            let backend = B::connect(&Connection {
                base_url: base_url(app, matches)?,
                token: token.as_ref().map(|t| t.secret.as_str()),
                rate_limit: matches.get_one::<u32>("rate-limit").copied().unwrap_or(60),
            })?;
            let mut secrets: Vec<String> = secrets.iter().map(|s| (*s).to_string()).collect();
            secrets.extend(std::env::var(app.token_env).ok());
            mcp::serve(app, mcp::Options::from_matches(sub), backend, secrets).await
        }
        "api" => {
            let call = call::from_api(sub)?;
            send::<B>(app, matches, token.as_ref(), &call, &[], None).await
        }
        _ => {
            let (name, command_matches) = sub
                .subcommand()
                .ok_or_else(|| Failure::Usage(format!("`{group}` needs a command")))?;
            let operation = app
                .operation(group, name)
                .ok_or_else(|| Failure::Usage(format!("no command `{group} {name}`")))?;
            let call = call::from_operation(operation, command_matches)?;
            let walk = command_matches.try_get_one::<bool>("all").ok().flatten() == Some(&true);
            let paging = if walk {
                operation.paging.map(|p| p.page)
            } else {
                None
            };
            send::<B>(
                app,
                matches,
                token.as_ref(),
                &call,
                operation.columns,
                paging,
            )
            .await
        }
    }
}

fn auth_command(
    app: &App,
    matches: &ArgMatches,
    config: &Config,
    token: Option<&Token>,
) -> Result<(), Failure> {
    match matches.subcommand_name() {
        Some("login") => {
            let secret = match matches.get_one::<String>("token") {
                Some(secret) => secret.clone(),
                None => read_token()?,
            };
            if secret.is_empty() {
                return Err(Failure::Usage("no token given".into()));
            }
            let path = config.store_token(&secret)?;
            println!("Token stored in {}.", path.display());
            Ok(())
        }
        Some("logout") => {
            let removed = config.remove_token()?;
            let path = config.token_path();
            if removed {
                println!("Token removed from {}.", path.display());
            } else {
                println!("No token stored in {}.", path.display());
            }
            Ok(())
        }
        _ => {
            println!("{}", auth::status(token, app.name, app.token_env));
            Ok(())
        }
    }
}

/// The token typed at the terminal, not shown as it is typed; or the first line piped on
/// standard input.
fn read_token() -> Result<String, Failure> {
    let unreadable =
        |error: std::io::Error| Failure::Usage(format!("cannot read the token: {error}"));
    if std::io::stdin().is_terminal() {
        // Asked and read on the terminal itself, so no output or echo carries it.
        let secret = rpassword::prompt_password("Paste your token (it is not shown): ")
            .map_err(unreadable)?;
        return Ok(secret.trim().to_string());
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(unreadable)?;
    Ok(line.trim().to_string())
}

/// The server to talk to: `--base-url`, else the spec's.
fn base_url<'a>(app: &'a App, matches: &'a ArgMatches) -> Result<&'a str, Failure> {
    let base_url = matches
        .get_one::<String>("base-url")
        .map_or(app.default_base_url, String::as_str);
    if base_url.is_empty() {
        return Err(Failure::Usage(
            "the spec names no server: give one with --base-url".into(),
        ));
    }
    Ok(base_url)
}

/// Sends `call` (every page of it with `paging`, the page number's query parameter) and
/// prints the data; with `--dry-run` prints the curl command instead.
async fn send<B: Backend>(
    app: &App,
    matches: &ArgMatches,
    token: Option<&Token>,
    call: &Call,
    columns: &[&str],
    paging: Option<&str>,
) -> Result<(), Failure> {
    let base_url = base_url(app, matches)?;
    if matches.get_flag("dry-run") {
        // The first request of a walk: the page the command names, or the first.
        let first = match paging {
            Some(page) if !call.query.iter().any(|(name, _)| name == page) => call.page(page, 1),
            _ => call.clone(),
        };
        println!(
            "{}",
            curl::render(&first, base_url, token.map(|_| app.token_env))
        );
        return Ok(());
    }
    let backend = B::connect(&Connection {
        base_url,
        token: token.map(|t| t.secret.as_str()),
        rate_limit: matches.get_one::<u32>("rate-limit").copied().unwrap_or(60),
    })?;
    let stdout = std::io::stdout();
    let format = Format::choose(
        matches.get_one::<String>("output").map(String::as_str),
        stdout.is_terminal(),
    );
    let mut printer = Printer::new(format, columns, paging.is_some(), stdout.lock());
    let written = match paging {
        None => {
            let answer = backend.send(call, format.wants_raw()).await?;
            if let Some(message) = &answer.message {
                eprintln!("{message}");
            }
            printer.page(&answer.data)
        }
        Some(parameter) => walk(&backend, call, parameter, &mut printer).await?,
    };
    match written.and_then(|()| printer.finish().map(|_| ())) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::Other(format!("cannot write the output: {error}"))),
        Ok(()) => Ok(()),
    }
}

/// Prints page after page of the client's page stream into `printer`, with the progress
/// on standard error; stops at the first failure or failed write.
async fn walk<B: Backend, W: Write>(
    backend: &B,
    call: &Call,
    parameter: &str,
    printer: &mut Printer<W>,
) -> Result<std::io::Result<()>, Failure> {
    let mut pages = backend.pages(call, parameter)?;
    let progress = Progress::on_stderr();
    let mut fetched = 0;
    let outcome = loop {
        let Some(answer) = pages.next().await else {
            break Ok(Ok(()));
        };
        let answer = match answer {
            Ok(answer) => answer,
            Err(failure) => break Err(failure),
        };
        fetched += 1;
        if let Err(error) = printer.page(&answer.data) {
            break Ok(Err(error));
        }
        let (page, last) = match answer.pages {
            Some((current, last)) => (current, Some(last)),
            None => (fetched, None),
        };
        progress.page(page, last, printer.count());
    };
    progress.finish();
    outcome
}
