// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! How a request builder knows, at compile time, which of its required parameters are set.
//!
//! A builder with required parameters has one type parameter per required parameter, each
//! [`Unset`] until its setter is called and [`Set`] after. `.send()` (and `send_as`,
//! `send_raw`, `pages`, `stream`) ask each of them to be [`IsSet`], so a missing parameter is a
//! compile error that names it:
//!
//! ```text
//! error[E0277]: the request needs its required parameter `workspace_id`
//!    |     client.get_members().send().await?;
//!    |                          ^^^^ `workspace_id` is not set
//!    = note: set it with `.workspace_id(..)` before sending
//! ```
//!
//! You never name these types: the client's methods start a builder with every parameter
//! unset, and each setter changes one of them.

/// A required parameter whose setter has not been called yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unset;

/// A required parameter whose setter has been called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Set;

/// Implemented by [`Set`] only: a builder's state for the required parameter `Parameter` (a
/// marker type named after its setter) is set. Its supertraits are what a builder needs of its
/// states to be cloned and sent, which `Set` has.
#[diagnostic::on_unimplemented(
    message = "the request needs its required parameter `{Parameter}`",
    label = "`{Parameter}` is not set",
    note = "set it with `.{Parameter}(..)` before sending"
)]
pub trait IsSet<Parameter>: Clone + std::fmt::Debug + Send + Sync + 'static {}

impl<Parameter> IsSet<Parameter> for Set {}
