//! Behaviour tests of the generated `webwork-client` live in `tests/`; this crate has no code.
