//! The hand-written files copied into every generated crate: the runtime (`src/runtime/`), the
//! examples (`examples/`) and the generated tests' support (`tests/support/`), each with a
//! header that says where it comes from. Their doc examples are written for the WebWork crate
//! and name it `webwork_client`; a copy names the crate it is in.

use crate::model::Api;
use crate::write::GeneratedFile;

/// The runtime's modules, copied verbatim into `src/runtime/` (the runtime crate's own root,
/// `lib.rs`, is not: the generated crate's `lib.rs` takes its place).
pub const RUNTIME: &[(&str, &str)] = &[
    (
        "binary.rs",
        include_str!("../../templates/runtime/binary.rs"),
    ),
    (
        "client.rs",
        include_str!("../../templates/runtime/client.rs"),
    ),
    (
        "custom.rs",
        include_str!("../../templates/runtime/custom.rs"),
    ),
    ("dates.rs", include_str!("../../templates/runtime/dates.rs")),
    (
        "enum_value.rs",
        include_str!("../../templates/runtime/enum_value.rs"),
    ),
    ("error.rs", include_str!("../../templates/runtime/error.rs")),
    ("http.rs", include_str!("../../templates/runtime/http.rs")),
    (
        "id_type.rs",
        include_str!("../../templates/runtime/id_type.rs"),
    ),
    ("mock.rs", include_str!("../../templates/runtime/mock.rs")),
    ("mod.rs", include_str!("../../templates/runtime/mod.rs")),
    (
        "multipart.rs",
        include_str!("../../templates/runtime/multipart.rs"),
    ),
    ("oauth.rs", include_str!("../../templates/runtime/oauth.rs")),
    (
        "pacing.rs",
        include_str!("../../templates/runtime/pacing.rs"),
    ),
    (
        "paginate.rs",
        include_str!("../../templates/runtime/paginate.rs"),
    ),
    (
        "param_style.rs",
        include_str!("../../templates/runtime/param_style.rs"),
    ),
    (
        "path_pattern.rs",
        include_str!("../../templates/runtime/path_pattern.rs"),
    ),
    (
        "prelude.rs",
        include_str!("../../templates/runtime/prelude.rs"),
    ),
    ("raw.rs", include_str!("../../templates/runtime/raw.rs")),
    (
        "request.rs",
        include_str!("../../templates/runtime/request.rs"),
    ),
    (
        "required.rs",
        include_str!("../../templates/runtime/required.rs"),
    ),
    (
        "response.rs",
        include_str!("../../templates/runtime/response.rs"),
    ),
    ("retry.rs", include_str!("../../templates/runtime/retry.rs")),
    ("token.rs", include_str!("../../templates/runtime/token.rs")),
    (
        "typed_error.rs",
        include_str!("../../templates/runtime/typed_error.rs"),
    ),
    (
        "webhooks.rs",
        include_str!("../../templates/runtime/webhooks.rs"),
    ),
];

/// Hand-written examples, copied into `examples/`: (file, what the spec must have for it to
/// compile — operation ids and type names —, what it shows, its text). They are written for the
/// WebWork API; a spec without what one needs (another API) gets no copy of it.
pub const EXAMPLES: &[(&str, &[&str], &str, &str)] = &[
    (
        "list_expenses.rs",
        &["getExpenses"],
        "List a workspace's expenses: one page, then `.pages()` and `.stream()`",
        include_str!("../../templates/examples/list_expenses.rs"),
    ),
    (
        "manage_expense.rs",
        &["createExpense", "updateExpense", "deleteExpense"],
        "Create, update and delete an expense; validation errors by field",
        include_str!("../../templates/examples/manage_expense.rs"),
    ),
    (
        "time_tracking.rs",
        &[
            "startTimeTracking",
            "stopTimeTracking",
            "getCurrentTrackerData",
        ],
        "Start time tracking, read the tracker, stop it; per-request retry and timeout",
        include_str!("../../templates/examples/time_tracking.rs"),
    ),
    (
        "oauth2.rs",
        &["getWorkspaces"],
        "The OAuth2 authorization code round trip with PKCE, with a redirect to 127.0.0.1 (feature `oauth2`)",
        include_str!("../../templates/examples/oauth2.rs"),
    ),
    (
        "webhook_receiver.rs",
        &["createWebhook", "WebhookEvent"],
        "Register a webhook and receive deliveries: typed events, token check",
        include_str!("../../templates/examples/webhook_receiver.rs"),
    ),
];

/// Support code of the generated tests, copied into `tests/support/mod.rs`.
const TEST_SUPPORT: &str = include_str!("../../templates/tests/support.rs");

/// The Prism mock that the client's and the command line's contract tests start, copied into
/// `tests/support/prism.rs` of each.
const PRISM: &str = include_str!("../../templates/tests/prism.rs");

/// Support code of the command line's contract test, copied into `tests/support/mod.rs` of
/// the CLI crate.
const CLI_CONTRACT_SUPPORT: &str = include_str!("../../templates/cli-crate/tests/support.rs");

/// A hand-written file under `path`, from `folder` of the templates, named for `crate_name`.
fn copied(path: String, folder: &str, what: &str, text: &str, crate_name: &str) -> GeneratedFile {
    GeneratedFile {
        path,
        contents: format!(
            "// Hand-written {what}, copied from templates/{folder}/ by `cargo xtask regenerate`. Do not edit here.\n\n{}",
            text.replace("webwork_client", crate_name)
        ),
    }
}

/// The runtime's files.
pub(crate) fn runtime(crate_name: &str) -> Vec<GeneratedFile> {
    RUNTIME
        .iter()
        .map(|(name, text)| {
            let path = format!("src/runtime/{name}");
            copied(path, "runtime", "runtime", text, crate_name)
        })
        .collect()
}

/// One example the crate gets: its name (the file's stem) and what it shows.
pub(crate) type Example = (&'static str, &'static str);

/// The examples whose operations and types `api` has, and their list for the README.
pub(crate) fn examples(api: &Api, crate_name: &str) -> (Vec<GeneratedFile>, Vec<Example>) {
    let available = |needs: &[&str]| {
        needs.iter().all(|need| {
            api.operations.iter().any(|op| op.id == *need)
                || api.types.iter().any(|ty| ty.name == *need)
        })
    };
    EXAMPLES
        .iter()
        .filter(|(_, needs, _, _)| available(needs))
        .map(|(name, _, about, text)| {
            let file = copied(
                format!("examples/{name}"),
                "examples",
                "example",
                text,
                crate_name,
            );
            (file, (name.trim_end_matches(".rs"), *about))
        })
        .unzip()
}

/// The support module of the generated tests (`tests/support/`), when the crate has tests.
pub(crate) fn test_support(files: &[GeneratedFile], crate_name: &str) -> Vec<GeneratedFile> {
    // Both spec-driven tests (`examples.rs`, `contract.rs`) share it.
    if !files.iter().any(|f| f.path.starts_with("tests/")) {
        return Vec::new();
    }
    support_files("tests", TEST_SUPPORT, crate_name)
}

/// `tests/support/mod.rs` of `text` (from `folder` of the templates) and
/// `tests/support/prism.rs`, which it declares.
fn support_files(folder: &str, text: &str, crate_name: &str) -> Vec<GeneratedFile> {
    vec![
        copied(
            "tests/support/mod.rs".to_string(),
            folder,
            "test support",
            text,
            crate_name,
        ),
        copied(
            "tests/support/prism.rs".to_string(),
            "tests",
            "test support",
            PRISM,
            crate_name,
        ),
    ]
}

/// The support module of the command line's contract test (`tests/support/`).
pub(crate) fn cli_contract_support(crate_name: &str) -> Vec<GeneratedFile> {
    support_files("cli-crate/tests", CLI_CONTRACT_SUPPORT, crate_name)
}

/// The command line's runtime modules (templates/cli/), copied verbatim into `src/runtime/`
/// of the CLI crate (its `lib.rs` is not: the CLI's `main.rs` declares `mod runtime`).
pub const CLI_RUNTIME: &[(&str, &str)] = &[
    ("auth.rs", include_str!("../../templates/cli/auth.rs")),
    ("call.rs", include_str!("../../templates/cli/call.rs")),
    ("command.rs", include_str!("../../templates/cli/command.rs")),
    ("config.rs", include_str!("../../templates/cli/config.rs")),
    ("curl.rs", include_str!("../../templates/cli/curl.rs")),
    ("exit.rs", include_str!("../../templates/cli/exit.rs")),
    (
        "mcp/dynamic.rs",
        include_str!("../../templates/cli/mcp/dynamic.rs"),
    ),
    (
        "mcp/http.rs",
        include_str!("../../templates/cli/mcp/http.rs"),
    ),
    ("mcp/mod.rs", include_str!("../../templates/cli/mcp/mod.rs")),
    (
        "mcp/schema.rs",
        include_str!("../../templates/cli/mcp/schema.rs"),
    ),
    (
        "mcp/select.rs",
        include_str!("../../templates/cli/mcp/select.rs"),
    ),
    (
        "mcp/server.rs",
        include_str!("../../templates/cli/mcp/server.rs"),
    ),
    (
        "mcp/tools.rs",
        include_str!("../../templates/cli/mcp/tools.rs"),
    ),
    ("mod.rs", include_str!("../../templates/cli/mod.rs")),
    ("output.rs", include_str!("../../templates/cli/output.rs")),
    (
        "progress.rs",
        include_str!("../../templates/cli/progress.rs"),
    ),
    ("run.rs", include_str!("../../templates/cli/run.rs")),
    ("spec.rs", include_str!("../../templates/cli/spec.rs")),
    ("values.rs", include_str!("../../templates/cli/values.rs")),
    ("verbose.rs", include_str!("../../templates/cli/verbose.rs")),
];

/// The end-to-end tests of the WebWork command line, copied into `tests/` of the CLI crate
/// when the spec has the operations they run: (file, operation ids, text).
pub const CLI_TESTS: &[(&str, &[&str], &str)] = &[
    (
        "cli.rs",
        &["getExpenses", "createExpense", "approveTimesheet"],
        include_str!("../../templates/cli-crate/tests/cli.rs"),
    ),
    (
        "help.rs",
        &["createExpense", "approveTimesheet"],
        include_str!("../../templates/cli-crate/tests/help.rs"),
    ),
    (
        "mcp.rs",
        &[
            "getExpenses",
            "createExpense",
            "deleteExpense",
            "getWorkspaces",
            "approveTimesheet",
        ],
        include_str!("../../templates/cli-crate/tests/mcp.rs"),
    ),
    // The MCP client mcp.rs runs (the Python SDK's).
    (
        "mcp_client.py",
        &[
            "getExpenses",
            "createExpense",
            "deleteExpense",
            "getWorkspaces",
            "approveTimesheet",
        ],
        include_str!("../../templates/cli-crate/tests/mcp_client.py"),
    ),
];

/// The CLI crate's runtime files.
pub(crate) fn cli_runtime() -> Vec<GeneratedFile> {
    CLI_RUNTIME
        .iter()
        .map(|(name, text)| GeneratedFile {
            path: format!("src/runtime/{name}"),
            contents: format!(
                "// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.\n\n{text}"
            ),
        })
        .collect()
}

/// The CLI crate's end-to-end tests, those whose operations `api` has.
pub(crate) fn cli_tests(api: &Api, crate_name: &str) -> Vec<GeneratedFile> {
    CLI_TESTS
        .iter()
        .filter(|(_, needs, _)| {
            needs
                .iter()
                .all(|need| api.operations.iter().any(|op| op.id == *need))
        })
        .map(|(name, _, text)| {
            let mut file = copied(
                format!("tests/{name}"),
                "cli-crate/tests",
                "end-to-end test",
                text,
                crate_name,
            );
            if name.ends_with(".py") {
                // A Python comment for the header.
                file.contents = format!("#{}", &file.contents[2..]);
            }
            file
        })
        .collect()
}
