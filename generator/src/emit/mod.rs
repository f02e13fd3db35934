//! Stage 4: the model becomes the files of the client crate. One module per kind of output;
//! this one decides which files there are.

mod chunks;
pub mod cli;
pub(crate) mod doc_splice;
mod example_tests;
mod examples;
mod ids;
mod mocks;
mod operation_docs;
mod operation_files;
mod operations;
mod probe;
mod rust;
mod states;
mod support;
mod test_files;
mod type_files;
mod types;
mod webhooks;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::model::reach::{self, Reach};
use crate::model::Api;
use crate::names::Scope;
use rust::Paths;
use test_files::{Suite, TestModule};
use type_files::TypeFile;

pub use probe::CRATE_ALIAS as PROBE_CRATE_ALIAS;

/// The `lib.rs` of the usage probe of `api`'s crate (see `spec-diff --verify`): it uses every
/// public item, and reaches the crate as [`PROBE_CRATE_ALIAS`].
pub fn usage_probe(api: &Api) -> TokenStream {
    probe::probe_rs(api)
}

/// A Rust source file of the crate, not yet formatted.
pub struct RustFile {
    /// Path inside the crate (`src/types.rs`).
    pub path: String,
    /// Its items.
    pub tokens: TokenStream,
}

/// Every generated Rust file of the crate for `api`; `crate_name` is its library name and
/// `spec_file` the spec's file name (the contract test looks for it in `../spec/`).
pub fn rust_files(api: &Api, crate_name: &str, spec_file: &str) -> Vec<RustFile> {
    let emitter = Emitter::new(api, crate_name, spec_file);
    emitter
        .files()
        .into_iter()
        .filter_map(|file| {
            let tokens = emitter.emit(&file)?;
            Some(RustFile {
                path: file.path,
                tokens,
            })
        })
        .collect()
}

/// Which generated Rust file a [`PlannedFile`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Lib,
    Types,
    Envelope,
    Formats,
    /// `src/types/mod.rs`, when the types take several files.
    TypesIndex,
    /// The module `type_files[index]` of `src/types/`.
    TypeFile(usize),
    OperationsMod,
    Mocks,
    /// The mocks of `api.tags[index]` (all, or the index of its parts).
    TagMocks(usize),
    /// The module of `api.tags[index]` (all, or the index of its parts).
    Tag(usize),
    /// Part `.1` of the operations of `api.tags[.0]`, when they take several files.
    TagPart(usize, usize),
    /// The mocks of part `.1` of `api.tags[.0]`.
    TagMocksPart(usize, usize),
    /// `tests/examples.rs`, which declares the modules below.
    ExamplesTest,
    /// The module `example_modules[index]` of `tests/examples.rs`.
    ExamplesModule(usize),
    /// `tests/contract.rs`, which declares the modules below.
    ContractTest,
    /// The module `contract_modules[index]` of `tests/contract.rs`.
    ContractModule(usize),
}

/// A Rust file the crate may have, before its tokens are made.
///
/// Plain data (`Send`), unlike the tokens: `proc_macro2::TokenStream` is neither `Send` nor
/// `Sync`, so a thread that formats a file has to make its tokens too, from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// Path inside the crate (`src/types.rs`).
    pub path: String,
    kind: FileKind,
}

/// Makes the tokens of the crate's Rust files, one file at a time, from any thread: it holds
/// only plain data (`Sync`), and the [`Paths`] a file needs are made per file, since they
/// hold tokens.
pub struct Emitter<'a> {
    api: &'a Api,
    crate_name: &'a str,
    spec_file: &'a str,
    formats: BTreeMap<String, String>,
    type_names: Vec<String>,
    /// The modules of `src/types/`; empty when `src/types.rs` holds every type.
    type_files: Vec<TypeFile>,
    /// For each tag, its operations (indexes into `api.operations`) in files of a readable
    /// length: one part, or several.
    tag_parts: Vec<Vec<Vec<usize>>>,
    /// The modules of `tests/examples.rs` and of `tests/contract.rs`.
    example_modules: Vec<TestModule>,
    contract_modules: Vec<TestModule>,
}

impl<'a> Emitter<'a> {
    /// An emitter for `api`; `crate_name` is the crate's library name and `spec_file` the
    /// spec's file name (the contract test looks for it in `../spec/`).
    pub fn new(api: &'a Api, crate_name: &'a str, spec_file: &'a str) -> Self {
        Emitter {
            api,
            crate_name,
            spec_file,
            formats: format_modules(api),
            type_names: api.types.iter().map(|t| t.name.clone()).collect(),
            type_files: type_files::type_files(api, &type_reach(api)),
            tag_parts: operation_files::tag_parts(api),
            example_modules: test_files::test_modules(api, Suite::Examples),
            contract_modules: test_files::test_modules(api, Suite::Contract),
        }
    }

    /// The Rust files the crate may have, in a fixed order. [`Emitter::emit`] decides whether
    /// the test files are there (they are only when the spec has examples).
    pub fn files(&self) -> Vec<PlannedFile> {
        let plain = |path: &str, kind| PlannedFile {
            path: path.into(),
            kind,
        };
        let mut files = vec![plain("src/lib.rs", FileKind::Lib)];
        if self.type_files.is_empty() {
            files.push(plain("src/types.rs", FileKind::Types));
        } else {
            files.push(plain("src/types/mod.rs", FileKind::TypesIndex));
            for (index, file) in self.type_files.iter().enumerate() {
                files.push(PlannedFile {
                    path: format!("src/types/{}.rs", file.module),
                    kind: FileKind::TypeFile(index),
                });
            }
        }
        files.extend([
            plain("src/envelope.rs", FileKind::Envelope),
            plain("src/formats.rs", FileKind::Formats),
            plain("src/operations/mod.rs", FileKind::OperationsMod),
            plain("src/mocks/mod.rs", FileKind::Mocks),
        ]);
        for (index, tag) in self.api.tags.iter().enumerate() {
            files.push(PlannedFile {
                path: format!("src/operations/{}.rs", tag.file_stem()),
                kind: FileKind::Tag(index),
            });
            files.push(PlannedFile {
                path: format!("src/mocks/{}.rs", tag.file_stem()),
                kind: FileKind::TagMocks(index),
            });
            let parts = self.tag_parts.get(index).map_or(0, Vec::len);
            for part in (1..=parts).filter(|_| parts > 1) {
                files.push(PlannedFile {
                    path: format!("src/operations/{}/part{part}.rs", tag.file_stem()),
                    kind: FileKind::TagPart(index, part - 1),
                });
                files.push(PlannedFile {
                    path: format!("src/mocks/{}/part{part}.rs", tag.file_stem()),
                    kind: FileKind::TagMocksPart(index, part - 1),
                });
            }
        }
        files.push(plain("tests/examples.rs", FileKind::ExamplesTest));
        files.extend(module_files(
            &self.example_modules,
            FileKind::ExamplesModule,
        ));
        files.push(plain("tests/contract.rs", FileKind::ContractTest));
        files.extend(module_files(
            &self.contract_modules,
            FileKind::ContractModule,
        ));
        files
    }

    /// A rough measure of the work of making and formatting `file` (about microseconds in an
    /// optimized build, from timing each file of the WebWork spec), to start the largest files
    /// first when they are spread over threads. Only the order of the weights matters much.
    pub fn weight(&self, file: &PlannedFile) -> usize {
        let api = self.api;
        match file.kind {
            // Per type: the item, its docs, derives and accessors.
            FileKind::Types => 250 * api.types.len(),
            FileKind::TypeFile(index) => self
                .type_files
                .get(index)
                .map_or(0, |file| 250 * file.types.len()),
            // Per operation: a documented method with an example, and a builder.
            FileKind::Tag(index) => api
                .tags
                .get(index)
                .map_or(0, |tag| 800 * api.operations_of(tag).count()),
            FileKind::TagMocks(index) => api
                .tags
                .get(index)
                .map_or(0, |tag| 60 * api.operations_of(tag).count()),
            FileKind::TagPart(tag, part) => 800 * self.part(tag, part).len(),
            FileKind::TagMocksPart(tag, part) => 60 * self.part(tag, part).len(),
            FileKind::ExamplesModule(index) => self
                .example_modules
                .get(index)
                .map_or(0, |module| 200 * module.operations.len()),
            FileKind::ContractModule(index) => self
                .contract_modules
                .get(index)
                .map_or(0, |module| 70 * module.operations.len()),
            FileKind::ExamplesTest | FileKind::ContractTest => 50,
            FileKind::Envelope | FileKind::Formats => 200,
            FileKind::Lib | FileKind::OperationsMod | FileKind::Mocks | FileKind::TypesIndex => 50,
        }
    }

    /// How many files the operations of `api.tags[tag]` take.
    fn parts_of(&self, tag: usize) -> usize {
        self.tag_parts
            .get(tag)
            .map_or(1, |parts| parts.len().max(1))
    }

    /// The operations of part `part` of `api.tags[tag]`.
    fn part(&self, tag: usize, part: usize) -> Vec<&'a crate::model::Operation> {
        let api = self.api;
        self.tag_parts
            .get(tag)
            .and_then(|parts| parts.get(part))
            .map(|indexes| {
                indexes
                    .iter()
                    .filter_map(|&i| api.operations.get(i))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Paths for the crate's integration tests, which reach it by its name.
    fn in_tests(&self) -> Paths {
        Paths::in_tests(self.formats.clone(), self.crate_name)
    }

    /// The tokens of `file`, or `None` when the crate has no such file.
    pub fn emit(&self, file: &PlannedFile) -> Option<TokenStream> {
        let api = self.api;
        let outside = || Paths::outside_types(self.formats.clone());
        match file.kind {
            FileKind::Lib => Some(support::lib_rs(api)),
            FileKind::Types => {
                let in_types = Paths::in_types(&self.type_names, self.formats.clone());
                Some(types::types_module(api, &in_types))
            }
            FileKind::Envelope => Some(support::envelope_rs(api, &outside())),
            FileKind::Formats => Some(support::formats_rs(&self.formats)),
            FileKind::TypesIndex => Some(types::types_index(&self.type_files)),
            FileKind::TypeFile(index) => {
                let file = self.type_files.get(index)?;
                let paths = Paths::in_type_file(&self.type_names, self.formats.clone());
                Some(types::type_file(api, file, &paths))
            }
            FileKind::OperationsMod => Some(support::operations_mod(api)),
            FileKind::Mocks => Some(mocks::mocks_index(api)),
            FileKind::TagMocks(index) => {
                let tag = api.tags.get(index)?;
                Some(match self.parts_of(index) {
                    1 => mocks::tag_mocks(api, tag, &self.part(index, 0), &outside()),
                    parts => mocks::tag_mocks_index(tag, parts),
                })
            }
            FileKind::TagPart(index, part) => {
                let tag = api.tags.get(index)?;
                let operations = self.part(index, part);
                Some(operations::tag_part(
                    api,
                    tag,
                    &operations,
                    &outside(),
                    self.crate_name,
                ))
            }
            FileKind::TagMocksPart(index, part) => {
                let tag = api.tags.get(index)?;
                Some(mocks::tag_mocks(
                    api,
                    tag,
                    &self.part(index, part),
                    &outside(),
                ))
            }
            FileKind::Tag(index) => {
                let tag = api.tags.get(index)?;
                Some(match self.parts_of(index) {
                    1 => operations::tag_module(api, tag, &outside(), self.crate_name),
                    parts => operations::tag_index(tag, parts),
                })
            }
            FileKind::ExamplesTest => example_tests::examples_root(&self.example_modules),
            FileKind::ExamplesModule(index) => Some(example_tests::examples_module(
                api,
                self.example_modules.get(index)?,
                &self.in_tests(),
                self.crate_name,
            )),
            FileKind::ContractTest => example_tests::contract_root(
                api,
                &self.contract_modules,
                self.crate_name,
                self.spec_file,
            ),
            FileKind::ContractModule(index) => Some(example_tests::contract_module(
                api,
                self.contract_modules.get(index)?,
                &self.in_tests(),
                self.crate_name,
            )),
        }
    }
}

/// The files of a test root's `modules`, each planned as `kind(index)`.
fn module_files(
    modules: &[TestModule],
    kind: fn(usize) -> FileKind,
) -> impl Iterator<Item = PlannedFile> + '_ {
    modules
        .iter()
        .enumerate()
        .map(move |(index, module)| PlannedFile {
            path: format!("tests/{}", module.file),
            kind: kind(index),
        })
}

/// The reach of each of `api.types` (see [`reach`]) when its tags have cargo features; else
/// every type is always compiled.
fn type_reach(api: &Api) -> Vec<Reach> {
    if api.tags.iter().any(|tag| tag.feature.is_some()) {
        reach::reach(api)
    } else {
        vec![Reach::Shared; api.types.len()]
    }
}

/// The `crate::formats` module name of each `x-date-format` pattern: the pattern's letters
/// (`%b %d, %Y` -> `b_d_y`), unique.
fn format_modules(api: &Api) -> BTreeMap<String, String> {
    let mut scope = Scope::default();
    api.date_formats()
        .into_iter()
        .map(|format| {
            let letters: Vec<String> = format
                .split('%')
                .skip(1)
                .filter_map(|part| part.chars().next())
                .map(|c| c.to_ascii_lowercase().to_string())
                .collect();
            let module = scope.claim(&crate::names::snake(&letters.join("_")));
            (format, module)
        })
        .collect()
}
