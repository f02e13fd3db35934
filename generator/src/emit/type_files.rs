//! Which file of `src/types/` each named type goes in. A crate whose types fit one readable
//! file, all always compiled, keeps `src/types.rs`. Otherwise `src/types/mod.rs` re-exports
//! modules of about [`LINES_PER_FILE`] lines each: first the types every build compiles
//! (`shared.rs`, `shared2.rs`, ...), then, for each tag with a cargo feature, the types only
//! its operations reach (`repos.rs`, `repos2.rs`, ...), behind that feature, then the types no
//! operation reaches (`unused.rs`, behind `full`). Types keep the crate's (sorted) order
//! inside each group, so the split is deterministic.

use super::chunks::{by_lines, doc_lines, LINES_PER_FILE};
use crate::model::reach::Reach;
use crate::model::{Api, TypeDef, TypeKind};
use crate::names::Scope;

/// One module of `src/types/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeFile {
    /// The module name (`shared`, `repos_2`).
    pub module: String,
    /// The cargo feature it is compiled with, `None` for always.
    pub feature: Option<String>,
    /// Indexes into `api.types`, ascending.
    pub types: Vec<usize>,
}

/// The modules of `src/types/`, or none when `src/types.rs` holds every type.
pub fn type_files(api: &Api, reach: &[Reach]) -> Vec<TypeFile> {
    // Group by reach: shared first, then by tag, in tag order, then the unused ones.
    let unused = api.tags.len() + 1;
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); api.tags.len() + 2];
    for (i, reach) in reach.iter().enumerate() {
        match reach {
            Reach::Shared => groups[0].push(i),
            Reach::Tag(tag) => groups[tag + 1].push(i),
            Reach::Unused => groups[unused].push(i),
        }
    }
    let total: usize = api.types.iter().map(estimated_lines).sum();
    let gated = groups[1..].iter().any(|group| !group.is_empty());
    if !gated && total <= LINES_PER_FILE {
        return Vec::new();
    }
    let mut scope = Scope::default();
    let mut files = Vec::new();
    for (group, types) in groups.into_iter().enumerate() {
        let (base, feature) = match group.checked_sub(1).and_then(|tag| api.tags.get(tag)) {
            Some(tag) => (tag.file_stem(), tag.feature.clone()),
            None if group == unused => ("unused", Some("full".to_string())),
            None => ("shared", None),
        };
        for chunk in chunks(&api.types, types) {
            files.push(TypeFile {
                module: scope.claim(base),
                feature: feature.clone(),
                types: chunk,
            });
        }
    }
    files
}

/// `types` cut, in order, into files of a readable length.
fn chunks(defs: &[TypeDef], types: Vec<usize>) -> Vec<Vec<usize>> {
    by_lines(types.into_iter().map(|i| (i, estimated_lines(&defs[i]))))
}

/// About how many formatted lines the item of `def` takes (its docs, derives, serde
/// attributes and impls), from the generated crates.
fn estimated_lines(def: &TypeDef) -> usize {
    let docs = |text: &Option<String>| doc_lines(text.as_deref());
    let own_docs = docs(&def.docs.summary) + docs(&def.docs.description) + 2;
    own_docs
        + match &def.kind {
            TypeKind::Struct { fields, .. } => {
                8 + fields
                    .iter()
                    .map(|f| 3 + docs(&f.docs.summary) + docs(&f.docs.description))
                    .sum::<usize>()
            }
            TypeKind::Union { variants, .. } => 30 + 4 * variants.len(),
            TypeKind::StringEnum { variants, .. } => 40 + 8 * variants.len(),
            TypeKind::IntegerEnum { variants, .. } => 40 + 8 * variants.len(),
            TypeKind::Alias(_) | TypeKind::External(_) => 2,
            TypeKind::Id { .. } => 60,
        }
}
