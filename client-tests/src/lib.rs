//! Behaviour tests of the generated `webwork-client` live in `tests/`; this crate has no code.
//!
//! The workspace README's Rust examples are compiled as doctests of this crate, so the guide
//! cannot drift from the client.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
