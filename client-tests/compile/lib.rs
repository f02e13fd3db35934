//! The generated crate's README, compiled with only `webwork-client` and tokio as dependencies.

#[cfg(doctest)]
#[doc = include_str!("../../generated-client/README.md")]
pub struct GeneratedReadme;
