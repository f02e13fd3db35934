// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! The MCP server's handler (rmcp's [`ServerHandler`]): `tools/list` from the command tree,
//! `tools/call` as a call of the [`Backend`], whose futures run on a worker task of their own
//! (the handler's must be `Send`; the backend's need not be).

use std::sync::Arc;

use futures::stream::{BoxStream, FuturesUnordered, StreamExt};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{json, Map, Value};
use tokio::sync::{mpsc, oneshot};

use super::dynamic;
use super::schema::{ALL_PAGES, DEFAULT_MAX_ITEMS, MAX_ITEMS};
use super::tools::Entry;
use crate::runtime::call::{self, Call};
use crate::runtime::exit::Failure;
use crate::runtime::output::Data;
use crate::runtime::run::{Answer, Backend};
use crate::runtime::spec::{App, Operation};

/// The pages of a list, as the backend streams them.
type Pages = BoxStream<'static, Result<Answer, Failure>>;

/// A request for the backend's worker, with where its outcome goes.
pub enum Job {
    /// [`Backend::send`] the call.
    Send(Call, oneshot::Sender<Result<Answer, Failure>>),
    /// [`Backend::pages`] of the call, numbered by this query parameter.
    Pages(Call, &'static str, oneshot::Sender<Result<Pages, Failure>>),
}

/// Runs the jobs the handler sends on `backend`, several at once, until every sender is gone.
pub async fn work<B: Backend>(backend: B, mut jobs: mpsc::UnboundedReceiver<Job>) {
    let mut running = FuturesUnordered::new();
    loop {
        tokio::select! {
            job = jobs.recv() => match job {
                None => break,
                Some(Job::Send(call, reply)) => running.push(answer(&backend, call, reply)),
                Some(Job::Pages(call, page, reply)) => {
                    let _ = reply.send(backend.pages(&call, page));
                }
            },
            Some(()) = running.next(), if !running.is_empty() => {}
        }
    }
    while running.next().await.is_some() {}
}

/// Sends `call` and gives the outcome to `reply`.
async fn answer<B: Backend>(
    backend: &B,
    call: Call,
    reply: oneshot::Sender<Result<Answer, Failure>>,
) {
    let _ = reply.send(backend.send(&call, false).await);
}

/// The handler: the offered tools and the way to the backend.
#[derive(Debug, Clone)]
pub struct Server {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    name: &'static str,
    version: &'static str,
    about: &'static str,
    entries: Vec<Entry>,
    /// What `tools/list` answers: one per entry, or the three dynamic ones.
    tools: Vec<Tool>,
    dynamic: bool,
    jobs: mpsc::UnboundedSender<Job>,
    /// Every known token, blanked out of what the server says.
    secrets: Vec<String>,
}

impl Server {
    /// A server of `app`'s `entries` (one tool each, or the dynamic three), sending its calls
    /// to the worker of `jobs`; `secrets` never appear in its answers.
    #[must_use]
    pub fn new(
        app: &App,
        entries: Vec<Entry>,
        dynamic: bool,
        jobs: mpsc::UnboundedSender<Job>,
        secrets: Vec<String>,
    ) -> Server {
        let tools = if dynamic {
            dynamic::tools()
        } else {
            entries.iter().map(Entry::tool).collect()
        };
        Server {
            inner: Arc::new(Inner {
                name: app.name,
                version: app.version,
                about: app.about,
                entries,
                tools,
                dynamic,
                jobs,
                secrets: secrets.into_iter().filter(|s| !s.is_empty()).collect(),
            }),
        }
    }

    /// The tools `tools/list` answers.
    #[must_use]
    pub fn tools(&self) -> &[Tool] {
        &self.inner.tools
    }

    /// The offered operations.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.inner.entries
    }

    /// The offered operation whose tool is `name`.
    #[must_use]
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.inner.entries.iter().find(|e| e.name == name)
    }

    /// Runs the tool of `entry` with `arguments`: its data as structured content (and as JSON
    /// text), or the API's failure as an error result; the tokens blanked out of both.
    pub async fn run(&self, entry: &Entry, arguments: &Map<String, Value>) -> CallToolResult {
        match self.execute(entry.operation, arguments).await {
            Ok(mut value) => {
                self.scrub(&mut value);
                CallToolResult::structured(value)
            }
            Err(failure) => self.failed(failure),
        }
    }

    /// An error result saying `failure`, the tokens blanked out.
    #[must_use]
    pub fn failed(&self, failure: Failure) -> CallToolResult {
        let failure = self
            .inner
            .secrets
            .iter()
            .fold(failure, |failure, secret| failure.redacted(Some(secret)));
        CallToolResult::error(vec![ContentBlock::text(failure.to_string())])
    }

    /// Blanks every token out of the strings of `value`.
    fn scrub(&self, value: &mut Value) {
        match value {
            Value::String(text) => {
                for secret in &self.inner.secrets {
                    if text.contains(secret.as_str()) {
                        *text = text.replace(secret.as_str(), "[redacted]");
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.scrub(item)),
            Value::Object(members) => members.values_mut().for_each(|item| self.scrub(item)),
            _ => {}
        }
    }

    /// The structured result of `operation` with `arguments`: one answer, or with
    /// `all_pages` the pages walked up to `max_items`.
    async fn execute(
        &self,
        operation: &Operation,
        arguments: &Map<String, Value>,
    ) -> Result<Value, Failure> {
        let call = call::from_arguments(operation, arguments)?;
        let walk = match arguments.get(ALL_PAGES) {
            None | Some(Value::Null | Value::Bool(false)) => None,
            Some(Value::Bool(true)) => operation.paging,
            Some(_) => {
                return Err(Failure::Usage(format!(
                    "the argument `{ALL_PAGES}` is true or false"
                )))
            }
        };
        let max = match arguments.get(MAX_ITEMS) {
            None | Some(Value::Null) => DEFAULT_MAX_ITEMS,
            Some(value) => value.as_u64().filter(|n| *n > 0).ok_or_else(|| {
                Failure::Usage(format!(
                    "the argument `{MAX_ITEMS}` is a whole number above 0"
                ))
            })?,
        };
        let Some(paging) = walk else {
            let (reply, outcome) = oneshot::channel();
            self.submit(Job::Send(call, reply))?;
            let answer = outcome.await.map_err(|_| stopping())??;
            let mut result = Map::new();
            result.insert("data".into(), data_value(answer.data));
            if let Some((page, last)) = answer.pages {
                result.insert("page".into(), json!(page));
                result.insert("last_page".into(), json!(last));
            }
            return Ok(Value::Object(result));
        };
        let (reply, outcome) = oneshot::channel();
        self.submit(Job::Pages(call, paging.page, reply))?;
        let pages = outcome.await.map_err(|_| stopping())??;
        gather(pages, usize::try_from(max).unwrap_or(usize::MAX)).await
    }

    fn submit(&self, job: Job) -> Result<(), Failure> {
        self.inner.jobs.send(job).map_err(|_| stopping())
    }
}

fn stopping() -> Failure {
    Failure::Other("the server is stopping".into())
}

/// The items of `pages` up to `max`, with the page facts of the last page read, and
/// `truncated` when `max` stopped the walk before the end.
async fn gather(mut pages: Pages, max: usize) -> Result<Value, Failure> {
    let mut items = Vec::new();
    let mut facts = None;
    let mut truncated = false;
    while let Some(answer) = pages.next().await {
        let answer = answer?;
        if answer.pages.is_some() {
            facts = answer.pages;
        }
        let page = match data_value(answer.data) {
            Value::Array(page) => page,
            Value::Null => Vec::new(),
            other => vec![other],
        };
        let room = max - items.len();
        if page.len() > room {
            items.extend(page.into_iter().take(room));
            truncated = true;
            break;
        }
        items.extend(page);
        if items.len() == max {
            // Stopped at a page's end: early unless that page was the last.
            truncated = facts.is_none_or(|(page, last)| page < last);
            break;
        }
    }
    let mut result = Map::new();
    result.insert("data".into(), Value::Array(items));
    if let Some((page, last)) = facts {
        result.insert("page".into(), json!(page));
        result.insert("last_page".into(), json!(last));
    }
    if truncated {
        result.insert("truncated".into(), json!(true));
    }
    Ok(Value::Object(result))
}

/// An answer's data as a JSON value.
fn data_value(data: Data) -> Value {
    let parse = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
    match data {
        Data::Parsed(value) => value,
        Data::Raw(raw) => parse(raw.get()),
        Data::Items(items) => Value::Array(items.iter().map(|item| parse(item.get())).collect()),
        Data::Empty => Value::Null,
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let how = if self.inner.dynamic {
            "Find an operation with `search_operations`, read its arguments with `describe_operation`, call it with `call_operation`."
        } else {
            "One tool per operation, named `<group>_<command>`."
        };
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new(self.inner.name, self.inner.version)
                    .with_description(self.inner.about),
            )
            .with_instructions(format!(
                "{} {how} Lists take `page` and `per_page`, or `{ALL_PAGES}` to walk every page up to `{MAX_ITEMS}` items (default {DEFAULT_MAX_ITEMS}).",
                self.inner.about
            ))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.inner.tools.clone()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let arguments = request.arguments.unwrap_or_default();
        if self.inner.dynamic {
            return dynamic::call(self, &request.name, &arguments)
                .await
                .map(Into::into);
        }
        match self.entry(&request.name) {
            Some(entry) => Ok(self.run(entry, &arguments).await.into()),
            None => Err(ErrorData::invalid_params(
                format!("no tool `{}`", request.name),
                None,
            )),
        }
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.inner.tools.iter().find(|t| t.name == name).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::value::RawValue;

    /// Page `current` of `last`, two items numbered from `first`.
    fn answer(current: i64, last: i64, first: i64) -> Answer {
        let item = |n: i64| RawValue::from_string(json!({ "id": n }).to_string()).unwrap();
        Answer {
            data: Data::Items(vec![item(first), item(first + 1)]),
            message: None,
            pages: Some((current, last)),
        }
    }

    fn pages(answers: Vec<Result<Answer, Failure>>) -> Pages {
        futures::stream::iter(answers).boxed()
    }

    #[tokio::test]
    async fn a_walk_gathers_every_page_up_to_max_items() {
        let three = || {
            pages(vec![
                Ok(answer(1, 3, 1)),
                Ok(answer(2, 3, 3)),
                Ok(answer(3, 3, 5)),
            ])
        };
        let whole = gather(three(), 500).await.unwrap();
        assert_eq!(whole["data"].as_array().unwrap().len(), 6);
        assert_eq!(
            (&whole["page"], &whole["last_page"]),
            (&json!(3), &json!(3))
        );
        assert!(whole.get("truncated").is_none());
        let cut = gather(three(), 3).await.unwrap();
        assert_eq!(cut["data"], json!([{"id": 1}, {"id": 2}, {"id": 3}]));
        assert_eq!(cut["truncated"], true);
        let at_a_page_end = gather(three(), 4).await.unwrap();
        assert_eq!(at_a_page_end["truncated"], true);
        let exactly_all = gather(three(), 6).await.unwrap();
        assert!(exactly_all.get("truncated").is_none());
    }

    #[tokio::test]
    async fn a_failed_page_fails_the_walk() {
        let failing = pages(vec![
            Ok(answer(1, 2, 1)),
            Err(Failure::Server("Server Error".into())),
        ]);
        assert_eq!(
            gather(failing, 500).await.unwrap_err(),
            Failure::Server("Server Error".into())
        );
    }

    #[test]
    fn the_token_is_blanked_out_of_failures_and_data() {
        let app = App {
            name: "demo",
            version: "1",
            about: "",
            default_base_url: "",
            token_env: "DEMO_TOKEN",
            config_env: "DEMO_CONFIG_DIR",
            groups: &[],
        };
        let (jobs, _queue) = mpsc::unbounded_channel();
        let server = Server::new(
            &app,
            Vec::new(),
            false,
            jobs,
            vec!["tok-123".into(), String::new()],
        );
        let failed = server.failed(Failure::Unauthorized("bad token tok-123".into()));
        assert_eq!(failed.is_error, Some(true));
        let text = serde_json::to_string(&failed).unwrap();
        assert!(
            !text.contains("tok-123") && text.contains("[redacted]"),
            "{text}"
        );
        let mut data = json!({"echo": ["x tok-123 y"], "n": 1});
        server.scrub(&mut data);
        assert_eq!(data, json!({"echo": ["x [redacted] y"], "n": 1}));
    }

    #[test]
    fn data_without_items_is_null() {
        assert_eq!(data_value(Data::Empty), Value::Null);
        assert_eq!(data_value(Data::Parsed(json!({"a": 1}))), json!({"a": 1}));
    }
}
