//! The command line's figures: `webwork --help` start-up, and a walk of 1,000 items over
//! loopback with `--all --output ndjson` against the same walk in a Rust program using the
//! client (client-tests/examples/walk_expenses.rs). Both are release builds run as processes,
//! interleaved, against one small HTTP/1.1 server on 127.0.0.1 run here.

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
    Ok(CliFigures {
        help,
        cli_walk: median(cli),
        rust_walk: median(rust),
    })
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

/// Answers the requests of one connection: `?page=N` gets page N.
fn answer(stream: TcpStream, pages: &[Vec<u8>]) {
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
