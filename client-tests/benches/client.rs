//! What the generated client costs over bare `reqwest` + `serde_json`, against a tiny HTTP/1.1
//! server on 127.0.0.1 that answers from prepared bytes (so the server adds as little as it can).
//!
//! Both sides send the same request: the bare side's `reqwest::Client` is configured as the
//! generated client configures its own (a `User-Agent` and a 30 s total timeout; the bearer
//! token with `.bearer_auth`), reads the body with `.bytes()` and checks the status and the
//! envelope's `success`. The server answers every connection from one thread: with a thread per
//! connection, the client's and the bare side's connections were served by different threads,
//! and how the scheduler placed those two threads moved the round trip by up to 25% between two
//! identical `reqwest` clients.
//!
//! `cargo bench -p client-tests --bench client` (or `cargo xtask bench`, which prints one table).
//!
//! - `decode_100/{client,reqwest_serde}`: `GET /expenses` answering 100 expenses, through the
//!   client (envelope handling, typed errors) vs `reqwest` + `serde_json::from_slice` of the same
//!   envelope into the same `Vec<Expense>`.
//! - `round_trip/{client,reqwest_serde}`: the same with a one-workspace answer: per-request cost.
//! - `paginate/stream_50x100`: `.stream()` over 50 pages of 100 expenses; the throughput is items.
//!
//! The interleaved round trip is also timed for a client with `rate_limit` on at a budget it
//! never reaches (pacing's cost when it does not bind) against bare reqwest.
//!
//! Outside criterion, a counting allocator measures allocations per request (client vs
//! reqwest) and the peak of live heap while streaming 50 pages vs 1 page (flat memory: one page
//! is held at a time), and the 1-item round trip is timed again with the two sides interleaved
//! request by request (median per request), so that load on a shared machine falls on both
//! alike; criterion times one side, then the other. They are printed, and written to the file
//! `$WEBWORK_BENCH_EXTRA` if set.

use std::alloc::{GlobalAlloc, Layout, System};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures::StreamExt;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use webwork_client::types::{Expense, Workspace};
use webwork_client::{Client, Meta};

// The benchmarks' names, shared with `cargo xtask bench`, which reads their figures.
#[path = "../../xtask/src/bench/ids.rs"]
mod ids;
use ids::{client, extra};

/// Counts allocations and live bytes, and keeps the peak of live bytes.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let new = unsafe { System.realloc(pointer, layout, new_size) };
        if !new.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            let live = if new_size >= layout.size() {
                LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size()
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed) - (layout.size() - new_size)
            };
            PEAK.fetch_max(live, Relaxed);
        }
        new
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const ITEMS_PER_PAGE: usize = 100;
const PAGES: i64 = 50;

fn expense(n: usize) -> String {
    format!(
        r#"{{"id":"6f1c2a52-2d7e-4c1a-9a55-{n:012}","member":"Member {n}","expense_date":"Jan 15, 2024","expense_name":"Taxi to the client {n}","project":"Project {p}","category":"Travel","amount":{amount}.5,"note":"Receipt attached","type":"billable","added_dte":"Jan 16, 2024"}}"#,
        p = n % 7,
        amount = 10 + n
    )
}

fn meta(current: i64, last: i64) -> String {
    format!(
        r#"{{"api_version":"2.0.0","timestamp":"2024-01-15T10:30:00Z","pagination":{{"total":{total},"per_page":{ITEMS_PER_PAGE},"current_page":{current},"last_page":{last},"from":1,"to":{ITEMS_PER_PAGE}}}}}"#,
        total = last * ITEMS_PER_PAGE as i64
    )
}

fn expenses_body(current: i64, last: i64) -> String {
    let items: Vec<String> = (0..ITEMS_PER_PAGE).map(expense).collect();
    format!(
        r#"{{"success":true,"message":"OK","data":[{}],"meta":{}}}"#,
        items.join(","),
        meta(current, last)
    )
}

fn workspace_body() -> String {
    format!(
        r#"{{"success":true,"data":[{{"id":1,"owner_id":2,"user_id":3,"workspace_name":"Acme","created_at":"2024-01-15T10:30:00Z"}}],"meta":{}}}"#,
        meta(1, 1)
    )
}

fn http_answer(body: &str) -> Arc<[u8]> {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
    .into()
}

/// The prepared answers: `/workspaces`, and `/expenses` where `workspace_id` is the number of
/// pages (1 or 50) and `page` the page.
struct Answers {
    workspaces: Arc<[u8]>,
    /// `[last page][page]`, for last page 1 and 50.
    single_page: Arc<[u8]>,
    pages: Vec<Arc<[u8]>>,
}

impl Answers {
    fn new() -> Self {
        Answers {
            workspaces: http_answer(&workspace_body()),
            single_page: http_answer(&expenses_body(1, 1)),
            pages: (1..=PAGES)
                .map(|page| http_answer(&expenses_body(page, PAGES)))
                .collect(),
        }
    }

    fn for_target(&self, target: &[u8]) -> &Arc<[u8]> {
        if target.starts_with(b"/workspaces") {
            return &self.workspaces;
        }
        if query_number(target, b"workspace_id") == Some(1) {
            return &self.single_page;
        }
        let page = query_number(target, b"page").unwrap_or(1).clamp(1, PAGES);
        &self.pages[page as usize - 1]
    }
}

/// The number after `name=` in the query of `target`, without allocating.
fn query_number(target: &[u8], name: &[u8]) -> Option<i64> {
    let query = target.split(|&b| b == b'?').nth(1)?;
    let pair = query.split(|&b| b == b'&').find(|pair| {
        pair.len() > name.len() && pair.starts_with(name) && pair[name.len()] == b'='
    })?;
    std::str::from_utf8(&pair[name.len() + 1..])
        .ok()?
        .parse()
        .ok()
}

/// Starts the server on a free port of 127.0.0.1: one thread (a current-thread tokio runtime)
/// serves every connection; keep-alive, GET only.
fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener
        .set_nonblocking(true)
        .expect("non-blocking listener");
    let address = listener.local_addr().expect("address");
    let answers = Arc::new(Answers::new());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                tokio::spawn(serve(stream, Arc::clone(&answers)));
            }
        });
    });
    format!("http://{address}")
}

/// Answers the requests of one connection until it closes.
async fn serve(mut stream: tokio::net::TcpStream, answers: Arc<Answers>) {
    let _ = stream.set_nodelay(true);
    let mut buffer = vec![0u8; 16 * 1024];
    let mut filled = 0;
    loop {
        match stream.read(&mut buffer[filled..]).await {
            Ok(0) | Err(_) => return,
            Ok(n) => filled += n,
        }
        let Some(end) = buffer[..filled].windows(4).position(|w| w == b"\r\n\r\n") else {
            if filled == buffer.len() {
                return;
            }
            continue;
        };
        let target = buffer[..end]
            .split(|&b| b == b' ')
            .nth(1)
            .unwrap_or_default();
        let answer = Arc::clone(answers.for_target(target));
        if stream.write_all(&answer).await.is_err() {
            return;
        }
        buffer.copy_within(end + 4..filled, 0);
        filled -= end + 4;
    }
}

/// The envelope as a hand-written client would read it.
#[derive(Deserialize)]
#[allow(dead_code)]
struct RawEnvelope<T> {
    success: bool,
    data: T,
    message: Option<String>,
    meta: Option<Meta>,
}

struct Setup {
    runtime: tokio::runtime::Runtime,
    base: String,
    client: Client,
    /// The same client with `rate_limit` on at a budget no run comes near (a million a
    /// second): what pacing costs when it does not bind.
    paced: Client,
    http: reqwest::Client,
}

/// Which side of a round trip to time.
#[derive(Clone, Copy)]
enum Side {
    Client,
    Paced,
    Raw,
}

impl Setup {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let base = start_server();
        let client = Client::builder(base.clone())
            .bearer_token("token")
            .build()
            .expect("client");
        let paced = Client::builder(base.clone())
            .bearer_token("token")
            .rate_limit(1_000_000, Duration::from_secs(1))
            .build()
            .expect("paced client");
        // As the generated client builds its own: its `User-Agent` and its default timeout.
        let http = reqwest::Client::builder()
            .user_agent(concat!("webwork-client/", env!("CARGO_PKG_VERSION")))
            .timeout(Duration::from_secs(30))
            .build()
            .expect("reqwest client");
        Setup {
            runtime,
            base,
            client,
            paced,
            http,
        }
    }

    async fn client_expenses(&self) -> Vec<Expense> {
        let answer = self.client.get_expenses().workspace_id(1).per_page(100);
        answer.send().await.expect("client answer").data
    }

    async fn raw_expenses(&self) -> Vec<Expense> {
        let url = format!("{}/expenses?workspace_id=1&per_page=100", self.base);
        self.raw::<Vec<Expense>>(&url).await
    }

    async fn client_workspaces(&self) -> Vec<Workspace> {
        let answer = self.client.get_workspaces().send().await;
        answer.expect("client answer").data
    }

    async fn paced_workspaces(&self) -> Vec<Workspace> {
        let answer = self.paced.get_workspaces().send().await;
        answer.expect("paced client answer").data
    }

    async fn raw_workspaces(&self) -> Vec<Workspace> {
        self.raw::<Vec<Workspace>>(&format!("{}/workspaces", self.base))
            .await
    }

    async fn raw<T: serde::de::DeserializeOwned>(&self, url: &str) -> T {
        let answer = self
            .http
            .get(url)
            .bearer_auth("token")
            .send()
            .await
            .expect("raw answer");
        assert!(answer.status().is_success());
        let body = answer.bytes().await.expect("raw body");
        let envelope: RawEnvelope<T> = serde_json::from_slice(&body).expect("raw decode");
        assert!(envelope.success);
        envelope.data
    }

    async fn stream_items(&self, pages: i64) -> usize {
        let stream = self
            .client
            .get_expenses()
            .workspace_id(pages)
            .per_page(ITEMS_PER_PAGE as i64)
            .stream();
        stream
            .fold(0, |count, item| async move {
                std::hint::black_box(item.expect("item"));
                count + 1
            })
            .await
    }
}

fn decode_and_round_trip(c: &mut Criterion) {
    let setup = Setup::new();
    let rt = &setup.runtime;
    assert_eq!(
        rt.block_on(setup.client_expenses()),
        rt.block_on(setup.raw_expenses())
    );
    assert_eq!(
        rt.block_on(setup.client_workspaces()),
        rt.block_on(setup.raw_workspaces())
    );

    let mut group = c.benchmark_group(client::DECODE_100);
    group.throughput(Throughput::Elements(ITEMS_PER_PAGE as u64));
    group.bench_function(client::CLIENT, |b| {
        b.to_async(rt).iter(|| setup.client_expenses())
    });
    group.bench_function(client::BASELINE, |b| {
        b.to_async(rt).iter(|| setup.raw_expenses())
    });
    group.finish();

    let mut group = c.benchmark_group(client::ROUND_TRIP);
    group.bench_function(client::CLIENT, |b| {
        b.to_async(rt).iter(|| setup.client_workspaces())
    });
    group.bench_function(client::BASELINE, |b| {
        b.to_async(rt).iter(|| setup.raw_workspaces())
    });
    group.finish();

    let mut group = c.benchmark_group(client::PAGINATE);
    group.sample_size(10);
    group.throughput(Throughput::Elements(PAGES as u64 * ITEMS_PER_PAGE as u64));
    group.bench_function(client::STREAM_50X100, |b| {
        b.to_async(rt).iter(|| setup.stream_items(PAGES))
    });
    group.finish();

    memory(&setup);
}

/// The 1-item round trip of two sides, alternating them request by request: the median
/// nanoseconds per request of each (`ours`, then `theirs`).
fn interleaved_round_trip(setup: &Setup, ours: Side, theirs: Side) -> (u128, u128) {
    const ROUNDS: usize = 4000;
    let rt = &setup.runtime;
    let time = |side: Side| {
        let started = Instant::now();
        match side {
            Side::Client => std::hint::black_box(rt.block_on(setup.client_workspaces())),
            Side::Paced => std::hint::black_box(rt.block_on(setup.paced_workspaces())),
            Side::Raw => std::hint::black_box(rt.block_on(setup.raw_workspaces())),
        };
        started.elapsed().as_nanos()
    };
    let mut our_times = Vec::with_capacity(ROUNDS);
    let mut their_times = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        // Either side first in turn.
        if round % 2 == 0 {
            our_times.push(time(ours));
            their_times.push(time(theirs));
        } else {
            their_times.push(time(theirs));
            our_times.push(time(ours));
        }
    }
    our_times.sort_unstable();
    their_times.sort_unstable();
    (our_times[ROUNDS / 2], their_times[ROUNDS / 2])
}

/// Allocations per request, peak live heap while paginating and the interleaved round trip,
/// printed as `name value` lines and saved to `$WEBWORK_BENCH_EXTRA`.
fn memory(setup: &Setup) {
    let rt = &setup.runtime;
    const REQUESTS: usize = 200;
    let allocations_per_request = |run: &dyn Fn()| {
        run(); // warm: connection and pools
        let before = ALLOCATIONS.load(Relaxed);
        for _ in 0..REQUESTS {
            run();
        }
        (ALLOCATIONS.load(Relaxed) - before) as f64 / REQUESTS as f64
    };
    let client_small = allocations_per_request(&|| {
        rt.block_on(setup.client_workspaces());
    });
    let raw_small = allocations_per_request(&|| {
        rt.block_on(setup.raw_workspaces());
    });
    let client_100 = allocations_per_request(&|| {
        rt.block_on(setup.client_expenses());
    });
    let raw_100 = allocations_per_request(&|| {
        rt.block_on(setup.raw_expenses());
    });
    let peak_while = |pages: i64| {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let items = rt.block_on(setup.stream_items(pages));
        assert_eq!(items, pages as usize * ITEMS_PER_PAGE);
        PEAK.load(Relaxed).saturating_sub(base)
    };
    peak_while(1);
    let peak_1 = peak_while(1);
    let peak_50 = peak_while(PAGES);
    let (client_ns, raw_ns) = interleaved_round_trip(setup, Side::Client, Side::Raw);
    let (paced_ns, paced_raw_ns) = interleaved_round_trip(setup, Side::Paced, Side::Raw);
    // `name value` lines, which `cargo xtask bench` reads.
    let lines = [
        (
            extra::ALLOC_ROUND_TRIP,
            [client_small.to_string(), raw_small.to_string()],
        ),
        (
            extra::ALLOC_DECODE_100,
            [client_100.to_string(), raw_100.to_string()],
        ),
        (
            extra::PAGINATE_PEAK_BYTES,
            [peak_1.to_string(), peak_50.to_string()],
        ),
        (
            extra::ROUND_TRIP_INTERLEAVED_NS,
            [client_ns.to_string(), raw_ns.to_string()],
        ),
        (
            extra::ROUND_TRIP_PACED_INTERLEAVED_NS,
            [paced_ns.to_string(), paced_raw_ns.to_string()],
        ),
    ];
    let report: String = lines
        .iter()
        .flat_map(|(names, values)| names.iter().zip(values))
        .map(|(name, value)| format!("{name} {value}\n"))
        .collect();
    println!("allocations per request, peak live heap, interleaved round trip:\n{report}");
    if let Some(path) = std::env::var_os("WEBWORK_BENCH_EXTRA") {
        std::fs::write(&path, report).expect("write WEBWORK_BENCH_EXTRA");
    }
}

criterion_group!(benches, decode_and_round_trip);
criterion_main!(benches);
