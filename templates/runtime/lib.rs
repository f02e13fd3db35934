//! The runtime as a crate of its own, so that its unit tests run without generating a client.
//!
//! A generated crate holds the runtime as its `runtime` module and gives it two things (see
//! "What the runtime takes from its crate" in `mod.rs`): the `envelope` module its answers are
//! wrapped in, and `DEFAULT_BASE_URL`. This root is laid out the same way, with a small
//! envelope of its own in their place. It is not copied into generated crates.

#![deny(missing_docs)]

#[path = "mod.rs"]
mod runtime;

pub use runtime::*;

/// The base URL of [`Client::new`]; a generated crate's is the first server of its spec.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1";

/// An envelope `{success, data, message, meta}` like the one a generated crate emits from its
/// spec, with the page numbers in `meta`.
pub mod envelope {
    use serde::Deserialize;

    use crate::runtime::{EnvelopeParts, PageInfo};

    /// The answer's metadata: here, only the page numbers.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
    #[non_exhaustive]
    pub struct Meta {
        /// The page the answer holds.
        pub current_page: Option<i64>,
        /// The last page there is.
        pub last_page: Option<i64>,
    }

    #[derive(Deserialize)]
    pub(crate) struct Envelope<T> {
        success: Option<bool>,
        data: Option<T>,
        message: Option<String>,
        meta: Option<Meta>,
    }

    impl<T> Envelope<T> {
        pub(crate) fn into_parts(self) -> EnvelopeParts<T> {
            EnvelopeParts {
                success: self.success,
                data: self.data,
                message: self.message,
                meta: self.meta,
            }
        }
    }

    impl PageInfo for Meta {
        fn pages(&self) -> Option<(i64, i64)> {
            Some((self.current_page?, self.last_page?))
        }
    }

    /// A successful answer holding `data` (and `meta`), as the server writes it.
    #[cfg(feature = "mock")]
    pub(crate) fn mock_body(
        data: serde_json::Value,
        meta: Option<serde_json::Value>,
    ) -> serde_json::Value {
        serde_json::json!({"success": true, "data": data, "meta": meta})
    }

    /// The metadata of page `page` of `last`.
    #[cfg(feature = "mock")]
    pub(crate) fn mock_page_meta(page: i64, last: i64) -> serde_json::Value {
        serde_json::json!({"current_page": page, "last_page": last})
    }
}
