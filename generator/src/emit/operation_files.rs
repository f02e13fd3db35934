//! Which file each tag's operations go in: `src/operations/<tag>.rs` alone while they fit a
//! readable length, else parts of about [`LINES_PER_FILE`](super::chunks::LINES_PER_FILE)
//! lines (`src/operations/<tag>/part1.rs`, ...), in the crate's order of operations. The
//! mocks of a tag follow the same parts.

use super::chunks::{by_lines, doc_lines};
use crate::model::{Api, Operation};

/// For each of `api.tags`, its operations (indexes into `api.operations`) in parts.
pub fn tag_parts(api: &Api) -> Vec<Vec<Vec<usize>>> {
    let mut by_tag: Vec<Vec<(usize, usize)>> = vec![Vec::new(); api.tags.len()];
    let tag_index: std::collections::HashMap<&str, usize> = api
        .tags
        .iter()
        .enumerate()
        .map(|(i, tag)| (tag.name.as_str(), i))
        .collect();
    for (i, op) in api.operations.iter().enumerate() {
        if let Some(&tag) = tag_index.get(op.tag.as_str()) {
            by_tag[tag].push((i, estimated_lines(op)));
        }
    }
    by_tag.into_iter().map(by_lines).collect()
}

/// About how many formatted lines the method and builder of `op` take, from the generated
/// crates: the builder's members, setters, sending methods and the method's docs, which list
/// every parameter and show an example.
fn estimated_lines(op: &Operation) -> usize {
    let body_fields = op.body.as_ref().map_or(0, |body| body.fields.len() + 1);
    let docs = doc_lines(op.docs.summary.as_deref()) + doc_lines(op.docs.description.as_deref());
    let param_docs: usize = op
        .params
        .iter()
        .map(|p| doc_lines(p.docs.description.as_deref()))
        .sum();
    110 + 24 * (op.params.len() + body_fields) + 2 * docs + param_docs
}
