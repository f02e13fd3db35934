//! The generator behind `cargo xtask regenerate`: an OpenAPI 3.0 or 3.1 spec in, a Rust client
//! crate out.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML -> openapiv3; a 3.1 document is rewritten into its 3.0 form first) ->
//! [`resolve`] (`$ref`s) -> [`lower`] (-> [`model`]) ->
//! [`emit`] (model -> Rust tokens) and [`render`] (model -> Cargo.toml, README) -> [`write`]
//! (format, headers, atomic write or `--check`), with the hand-written files of [`assets`]
//! copied beside the emitted ones; [`pipeline`] runs them in order. [`names`] is the one place
//! names are made, from scopes that start with the names [`contract`] lists; [`diagnostics`] is
//! the one error type.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod assets;
pub mod config;
pub mod contract;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod load;
pub mod lower;
pub mod model;
pub mod names;
mod parallel;
pub mod pipeline;
pub mod render;
pub mod resolve;
pub mod write;

pub use config::Config;
pub use diagnostics::Diagnostic;
pub use pipeline::{
    generate, generate_cli, generate_cli_from_model, generate_from_model, load_model, CliLayout,
};
pub use write::GeneratedFile;
