//! The command line's figures: `webwork --help` start-up, and a walk of 1,000 items over
//! loopback with `--all --output ndjson` against the same walk in a Rust program using the
//! client (client-tests/examples/walk_expenses.rs). Both are release builds run as processes,
//! interleaved, against one small HTTP/1.1 server on 127.0.0.1 run here. And the MCP server's
//! (`webwork mcp`, spoken to as raw JSON-RPC on its standard input and output): `tools/list`'s
//! time and size, with and without `--dynamic`, and one page's call against the same request
//! as a `webwork expenses list` process.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::measure::{cargo, timed};

/// Runs of each side (after one warm-up run).
const RUNS: usize = 15;
/// Pages of the walk, and items per page: 1,000 items.
const PAGES: usize = 10;
const PER_PAGE: usize = 100;

/// The medians measured.
pub struct CliFigures {
    /// `webwork --help`.
    pub help: Duration,
    /// `webwork expenses list ... --all --output ndjson`.
    pub cli_walk: Duration,
    /// The Rust program's walk.
    pub rust_walk: Duration,
    /// `tools/list` of `webwork mcp` and its answer's size in bytes.
    pub mcp_list: (Duration, usize),
    /// The same with `--dynamic`.
    pub mcp_dynamic_list: (Duration, usize),
    /// One page (100 items) as an `expenses_list` tool call of `webwork mcp`...
    pub mcp_call: Duration,
    /// ... and as a `webwork expenses list --output json` process.
    pub cli_call: Duration,
}

pub fn time_cli(root: &Path, target: &Path) -> Result<CliFigures, String> {
    let mut build = cargo();
    build.current_dir(root).args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "webwork-cli",
        "-p",
        "client-tests",
        "--example",
        "walk_expenses",
        "--bin",
        "webwork",
    ]);
    timed(build, "the release build of webwork and walk_expenses")?;
    let webwork = target.join("release/webwork");
    let walk = target.join("release/examples/walk_expenses");
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot listen: {e}"))?;
    let base_url = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let pages: Vec<Vec<u8>> = (1..=PAGES).map(page_body).collect();
    std::thread::spawn(move || serve(&listener, &pages));

    let help = median(
        (0..=RUNS)
            .map(|_| run(Command::new(&webwork).arg("--help")))
            .collect::<Result<_, _>>()?,
    );
    let mut cli_command = Command::new(&webwork);
    cli_command.args([
        "--base-url",
        &base_url,
        "--token",
        "bench-token",
        "--rate-limit",
        "0",
        "expenses",
        "list",
        "--workspace-id",
        "1",
        "--per-page",
        "100",
        "--all",
        "--output",
        "ndjson",
    ]);
    let mut rust_command = Command::new(&walk);
    rust_command.arg(&base_url);
    let (mut cli, mut rust) = (Vec::new(), Vec::new());
    for round in 0..=RUNS {
        let (a, b) = (run(&mut cli_command)?, run(&mut rust_command)?);
        // The first round warms the caches.
        if round > 0 {
            cli.push(a);
            rust.push(b);
        }
    }
    let mcp_list = Mcp::start(&webwork, &base_url, &[])?.list()?;
    let mcp_dynamic_list = Mcp::start(&webwork, &base_url, &["--dynamic"])?.list()?;
    let mut mcp = Mcp::start(&webwork, &base_url, &[])?;
    let mut one_page = Command::new(&webwork);
    one_page.args([
        "--base-url",
        &base_url,
        "--token",
        "bench-token",
        "--rate-limit",
        "0",
        "expenses",
        "list",
        "--workspace-id",
        "1",
        "--per-page",
        "100",
        "--output",
        "json",
    ]);
    let (mut mcp_calls, mut cli_calls) = (Vec::new(), Vec::new());
    for round in 0..=RUNS {
        let (a, b) = (mcp.call()?, run(&mut one_page)?);
        if round > 0 {
            mcp_calls.push(a);
            cli_calls.push(b);
        }
    }
    Ok(CliFigures {
        help,
        cli_walk: median(cli),
        rust_walk: median(rust),
        mcp_list,
        mcp_dynamic_list,
        mcp_call: median(mcp_calls),
        cli_call: median(cli_calls),
    })
}

/// `webwork mcp` spoken to as raw JSON-RPC (one message a line) on its standard input and
/// output, after the `initialize` handshake.
struct Mcp {
    child: std::process::Child,
    input: std::process::ChildStdin,
    output: BufReader<std::process::ChildStdout>,
    id: u64,
}

impl Mcp {
    fn start(webwork: &Path, base_url: &str, flags: &[&str]) -> Result<Mcp, String> {
        let mut child = Command::new(webwork)
            .args([
                "--base-url",
                base_url,
                "--token",
                "bench-token",
                "--rate-limit",
                "0",
            ])
            .arg("mcp")
            .args(flags)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run webwork mcp: {e}"))?;
        let input = child.stdin.take().ok_or("no standard input")?;
        let output = BufReader::new(child.stdout.take().ok_or("no standard output")?);
        let mut mcp = Mcp {
            child,
            input,
            output,
            id: 0,
        };
        mcp.request(
            "initialize",
            &serde_json::json!({
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "xtask-bench", "version": "1"}
            }),
        )?;
        mcp.send(&serde_json::json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))?;
        Ok(mcp)
    }

    fn send(&mut self, message: &serde_json::Value) -> Result<(), String> {
        writeln!(self.input, "{message}")
            .and_then(|()| self.input.flush())
            .map_err(|e| format!("cannot write to webwork mcp: {e}"))
    }

    /// The answer's line to request `method`.
    fn request(&mut self, method: &str, params: &serde_json::Value) -> Result<String, String> {
        self.id += 1;
        let id = self.id;
        self.send(
            &serde_json::json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        )?;
        let mut line = String::new();
        self.output
            .read_line(&mut line)
            .map_err(|e| format!("cannot read webwork mcp: {e}"))?;
        if line.contains("\"error\"") || line.contains("\"isError\":true") {
            return Err(format!(
                "webwork mcp answered {}",
                &line[..line.len().min(300)]
            ));
        }
        Ok(line)
    }

    /// The median time of `tools/list`, and its answer's size.
    fn list(mut self) -> Result<(Duration, usize), String> {
        let mut times = Vec::new();
        let mut size = 0;
        for round in 0..=RUNS {
            let started = Instant::now();
            let line = self.request("tools/list", &serde_json::json!({}))?;
            if round > 0 {
                times.push(started.elapsed());
            }
            size = line.trim_end().len();
        }
        Ok((median(times), size))
    }

    /// The time of one `expenses_list` call of a page of 100.
    fn call(&mut self) -> Result<Duration, String> {
        let started = Instant::now();
        self.request(
            "tools/call",
            &serde_json::json!({"name": "expenses_list", "arguments": {"workspace_id": 1, "per_page": 100}}),
        )?;
        Ok(started.elapsed())
    }
}

impl Drop for Mcp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The wall time of one run, its output thrown away.
fn run(command: &mut Command) -> Result<Duration, String> {
    let started = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    let elapsed = started.elapsed();
    if !status.success() {
        return Err(format!("{command:?} failed ({status})"));
    }
    Ok(elapsed)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Page `page` of the expenses, in the envelope.
fn page_body(page: usize) -> Vec<u8> {
    let data: Vec<serde_json::Value> = (0..PER_PAGE)
        .map(|i| {
            let n = (page - 1) * PER_PAGE + i;
            serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{n:012}"),
                "member": "Jane Doe",
                "expense_name": format!("Taxi {n}"),
                "project": "Website",
                "category": "Travel",
                "amount": 12.5,
                "note": "From the airport"
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "success": true,
        "data": data,
        "message": "Expenses retrieved",
        "meta": {
            "api_version": "2.0",
            "timestamp": "2024-01-01T00:00:00Z",
            "pagination": {"current_page": page, "last_page": PAGES, "per_page": PER_PAGE, "total": PAGES * PER_PAGE}
        }
    }))
    .unwrap_or_default()
}

/// Answers every connection, one thread each, keeping it alive.
fn serve(listener: &TcpListener, pages: &[Vec<u8>]) {
    std::thread::scope(|scope| {
        for stream in listener.incoming().flatten() {
            scope.spawn(move || answer(stream, pages));
        }
    });
}

/// Answers the requests of one connection: `?page=N` gets page N. Without Nagle's algorithm:
/// the body's write would wait for the ACK of the head's, which the client delays up to 40 ms
/// on a connection kept alive (a walk's second page on; every call of `webwork mcp`).
fn answer(stream: TcpStream, pages: &[Vec<u8>]) {
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(clone) => clone,
        Err(_) => return,
    });
    let mut writer = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        // The headers, up to the blank line (the requests are GETs without a body).
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" || line == "\n" {
                break;
            }
        }
        let page = request_line
            .split(['?', '&', ' '])
            .find_map(|part| part.strip_prefix("page="))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1);
        let body = pages
            .get(page.saturating_sub(1))
            .map_or(&[][..], Vec::as_slice);
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(body))
            .is_err()
        {
            return;
        }
    }
}
