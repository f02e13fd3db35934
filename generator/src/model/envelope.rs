//! The convention that wraps every answer's payload (`{success, data, message, meta}`).

use super::TypeRef;

/// The envelope the spec's answers come in, with the wire names of its members.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The boolean that says whether the call succeeded (`success`).
    pub success: String,
    /// The payload (`data`).
    pub data: String,
    /// The human-readable message (`message`).
    pub message: String,
    /// The metadata (`meta`).
    pub meta: String,
    /// The type of the metadata, when the spec describes it.
    pub meta_type: Option<TypeRef>,
}
