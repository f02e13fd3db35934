//! Stage 4: the model becomes the files of the client crate. One module per kind of output;
//! this one decides which files there are.

pub mod cli;
mod example_tests;
mod examples;
mod ids;
mod mocks;
mod operation_docs;
mod operations;
mod probe;
mod rust;
mod states;
mod support;
mod types;
mod webhooks;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::model::Api;
use crate::names::Scope;
use rust::Paths;

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
    OperationsMod,
    Mocks,
    /// The module of `api.tags[index]`.
    Tag(usize),
    ExamplesTest,
    ContractTest,
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
        }
    }

    /// The Rust files the crate may have, in a fixed order. [`Emitter::emit`] decides whether
    /// the test files are there (they are only when the spec has examples).
    pub fn files(&self) -> Vec<PlannedFile> {
        let plain = |path: &str, kind| PlannedFile {
            path: path.into(),
            kind,
        };
        let mut files = vec![
            plain("src/lib.rs", FileKind::Lib),
            plain("src/types.rs", FileKind::Types),
            plain("src/envelope.rs", FileKind::Envelope),
            plain("src/formats.rs", FileKind::Formats),
            plain("src/operations/mod.rs", FileKind::OperationsMod),
            plain("src/mocks.rs", FileKind::Mocks),
        ];
        for (index, tag) in self.api.tags.iter().enumerate() {
            files.push(PlannedFile {
                path: format!("src/operations/{}.rs", tag.module),
                kind: FileKind::Tag(index),
            });
        }
        files.push(plain("tests/examples.rs", FileKind::ExamplesTest));
        files.push(plain("tests/contract.rs", FileKind::ContractTest));
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
            // Per operation: a documented method with an example, and a builder.
            FileKind::Tag(index) => api
                .tags
                .get(index)
                .map_or(0, |tag| 800 * api.operations_of(tag).count()),
            FileKind::ExamplesTest => 200 * api.operations.len(),
            FileKind::ContractTest => 70 * api.operations.len(),
            FileKind::Mocks => 60 * api.operations.len(),
            FileKind::Envelope | FileKind::Formats => 200,
            FileKind::Lib | FileKind::OperationsMod => 50,
        }
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
            FileKind::OperationsMod => Some(support::operations_mod(api)),
            FileKind::Mocks => Some(mocks::mocks_rs(api, &outside())),
            FileKind::Tag(index) => {
                let tag = api.tags.get(index)?;
                Some(operations::tag_module(
                    api,
                    tag,
                    &outside(),
                    self.crate_name,
                ))
            }
            FileKind::ExamplesTest => {
                example_tests::examples_test(api, &self.in_tests(), self.crate_name)
            }
            FileKind::ContractTest => {
                example_tests::contract_test(api, &self.in_tests(), self.crate_name, self.spec_file)
            }
        }
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
