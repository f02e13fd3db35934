// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! What a program that uses the client needs in scope: `use webwork_client::prelude::*;`.
//!
//! The traits that give the streams of `.pages()` and `.stream()` their methods
//! (`try_collect`, `try_next`, `take`, ...), so that a program needs no `futures` dependency
//! of its own.

pub use futures::{Stream, StreamExt, TryStreamExt};
