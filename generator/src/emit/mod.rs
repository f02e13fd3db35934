//! Stage 4: the model becomes the files of the client crate. One module per kind of output;
//! this one decides which files there are.

mod example_tests;
mod examples;
mod operations;
mod rust;
mod support;
mod types;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::model::Api;
use crate::names::Scope;
use rust::Paths;

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
    let formats = format_modules(api);
    let type_names: Vec<String> = api.types.iter().map(|t| t.name.clone()).collect();
    let in_types = Paths::in_types(&type_names, formats.clone());
    let outside = Paths::outside_types(formats.clone());
    let in_tests = Paths::in_tests(formats.clone(), crate_name);

    let mut files = vec![
        RustFile {
            path: "src/lib.rs".into(),
            tokens: support::lib_rs(api),
        },
        RustFile {
            path: "src/types.rs".into(),
            tokens: types::types_module(api, &in_types),
        },
        RustFile {
            path: "src/envelope.rs".into(),
            tokens: support::envelope_rs(api, &outside),
        },
        RustFile {
            path: "src/formats.rs".into(),
            tokens: support::formats_rs(&formats),
        },
        RustFile {
            path: "src/operations/mod.rs".into(),
            tokens: support::operations_mod(api),
        },
    ];
    for tag in &api.tags {
        files.push(RustFile {
            path: format!("src/operations/{}.rs", tag.module),
            tokens: operations::tag_module(api, tag, &outside, crate_name),
        });
    }
    if let Some(tokens) = example_tests::examples_test(api, &in_tests, crate_name) {
        files.push(RustFile {
            path: "tests/examples.rs".into(),
            tokens,
        });
    }
    if let Some(tokens) = example_tests::contract_test(api, &in_tests, crate_name, spec_file) {
        files.push(RustFile {
            path: "tests/contract.rs".into(),
            tokens,
        });
    }
    files
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
