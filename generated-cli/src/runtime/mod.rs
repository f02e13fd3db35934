// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! The hand-written runtime of the command line: the command tree built from data, flag
//! checks, calls, output formats, the config file and token, `--dry-run`'s curl line, the
//! progress of `--all`, exit codes, and the MCP server (`mcp`). It names nothing generated: the generated `main.rs`
//! gives it the [`spec::App`] and a [`run::Backend`] on the client.

// Each spec's command line uses a part of it (one without header parameters never makes a
// `Location::Header`, ...).
#![allow(dead_code)]

pub mod auth;
pub mod call;
pub mod command;
pub mod config;
pub mod curl;
pub mod exit;
pub mod mcp;
pub mod output;
pub mod progress;
pub mod run;
pub mod spec;
pub mod values;
pub mod verbose;
