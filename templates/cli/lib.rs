//! The hand-written runtime of every generated command line, as a crate of its own so that
//! its unit tests run in the workspace. The generator copies its modules (not this file) into
//! `src/runtime/` of the generated CLI crate, where they are `crate::runtime` as here.

#[path = "mod.rs"]
pub mod runtime;

pub use runtime::*;
