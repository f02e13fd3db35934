//! The names the generated crate already uses before any operation or type is added: what the
//! hand-written runtime (`templates/runtime/`) defines, and what the emitted modules import.
//! Every naming scope that could collide with them starts from these lists, so a colliding
//! operationId or parameter is numbered like any other collision. `tests/contract.rs` reads
//! the runtime's source and fails when it gains a name these lists lack.

/// Inherent methods of `Client` in the runtime, public or not (an operation's method of the
/// same name would not compile), and the trait methods users call on it (`clone`, which a
/// method of that name would shadow).
pub const CLIENT_METHODS: &[&str] = &[
    "authorization",
    "base_url",
    "builder",
    "clone",
    "execute",
    "execute_raw",
    "new",
    "request",
    "send_once",
    "send_with_retries",
    "traced",
    "transport_error",
    "url_for",
];

/// Inherent methods of the runtime's `mock::MockServer`, public or not: the generated crate
/// gives it one method per operation, named like the client's, which must not take these.
pub const MOCK_SERVER_METHODS: &[&str] = &[
    "client",
    "client_builder",
    "received_requests",
    "start",
    "uri",
    "verify",
];

/// Inherent methods of the runtime's `mock::Expectation`, public or not: the generated crate
/// gives it one matcher per parameter and body property, named like the builder's setter,
/// which must not take these.
pub const EXPECTATION_METHODS: &[&str] = &[
    "body_property",
    "fail",
    "mount",
    "mount_one",
    "new",
    "parameter",
    "respond",
    "respond_error",
    "respond_pages",
    "times",
];

/// Members every request builder has, which its parameter setters must not take: its fields
/// (`client`, `options`), the methods the runtime's `operation_builder!` and
/// `request_options!` macros add, the members emit writes (`new`, `send`, `into_request`,
/// `body`, `pages`, `stream`, and `state` and `restate` for the required parameters' states),
/// and `request`, the local `into_request` fills beside locals named after setters.
pub const BUILDER_MEMBERS: &[&str] = &[
    "body",
    "body_field",
    "client",
    "header",
    "into_request",
    "new",
    "options",
    "pages",
    "query",
    "request",
    "restate",
    "retry",
    "send",
    "send_as",
    "send_raw",
    "state",
    "stream",
    "timeout",
];

/// The names a builder's setter must not take: the builder's members, and the mock
/// expectation's methods (its matchers are named like the setters).
pub fn setter_reserved() -> impl Iterator<Item = &'static str> {
    BUILDER_MEMBERS.iter().chain(EXPECTATION_METHODS).copied()
}

/// The names a tag module of `operations` imports (`use crate::runtime::{Request,
/// RequestOptions, Response}; use crate::runtime::required::{IsSet, Set, Unset}; use
/// crate::{Client, Error}; use crate::types; use super::params;`), which its builders and answer
/// enums must not take.
pub const TAG_MODULE_IMPORTS: &[&str] = &[
    "Client",
    "Error",
    "IsSet",
    "Request",
    "RequestOptions",
    "Response",
    "Set",
    "Unset",
    "params",
    "types",
];

/// The type names a builder's code uses beside its own name and its answer enum's: what its tag
/// module imports, the standard types, `send_as`'s `T`, and the runtime's required-parameter
/// states. The type parameters that track required parameters keep clear of them.
pub const BUILDER_TYPE_NAMES: &[&str] = &[
    "Box",
    "Client",
    "Error",
    "IsSet",
    "Option",
    "Request",
    "RequestOptions",
    "Response",
    "Result",
    "Self",
    "Set",
    "String",
    "T",
    "Unset",
    "Vec",
];

/// The cargo features every generated crate has (`templates/Cargo.toml.j2`), which no tag's
/// feature may be named.
pub const CRATE_FEATURES: &[&str] = &[
    "default",
    "full",
    "mock",
    "native-tls",
    "oauth2",
    "rustls-tls",
];

/// The modules at the crate root. A tag's module in `operations` is kept apart from these
/// names, so that `types` or `runtime` always means the crate's own.
pub const CRATE_MODULES: &[&str] = &[
    "envelope",
    "errors",
    "formats",
    "ids",
    "operations",
    "runtime",
    "types",
];
