//! The stages run in order: [`load_model`] to the model, [`generate`] to the crate's files.

use std::path::Path;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::parallel::in_parallel;
use crate::write::GeneratedFile;
use crate::{assets, emit, load, lower, model, render, write};

/// Loads and lowers the spec at `spec`, with the `generator.toml` beside it.
pub fn load_model(spec: &Path) -> Result<model::Api, Diagnostic> {
    let config = Config::for_spec(spec)?;
    let parsed = load::load_document(spec)?;
    lower::lower(&parsed.openapi, spec, &config).map_err(|error| parsed.origins.restore(error))
}

/// Generates every file of the client crate from the spec at `spec`.
pub fn generate(spec: &Path) -> Result<Vec<GeneratedFile>, Diagnostic> {
    let config = Config::for_spec(spec)?;
    let api = load_model(spec)?;
    generate_from_model(&api, &config, spec)
}

/// Generates the crate's files from an already lowered model: the emitted Rust, the copied
/// runtime, examples and test support, the rendered `Cargo.toml` and `README.md`, sorted by
/// path.
pub fn generate_from_model(
    api: &model::Api,
    config: &Config,
    spec: &Path,
) -> Result<Vec<GeneratedFile>, Diagnostic> {
    let source = spec.file_name().map_or_else(
        || "the spec".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let header = write::generated_header(&source);
    let internal =
        |what: String| Diagnostic::file(spec, format!("internal generator error: {what}"));

    let crate_name = config.package.name.replace('-', "_");
    let emitter = emit::Emitter::new(api, &crate_name, &source);
    let mut files = Vec::new();
    for (file, formatted) in emit_and_format(&emitter, emitter.files()) {
        if let Some(formatted) = formatted.map_err(internal)? {
            files.push(write::emitted_rust(file.path, &header, &formatted));
        }
    }
    files.extend(assets::runtime(&crate_name));
    let (example_files, examples) = assets::examples(api, &crate_name);
    files.extend(example_files);
    files.extend(assets::test_support(&files, &crate_name));
    let example_names: Vec<&str> = examples.iter().map(|(name, _)| *name).collect();
    let tag_features: Vec<&str> = api
        .tags
        .iter()
        .filter_map(|t| t.feature.as_deref())
        .collect();
    let cargo = render::cargo_toml_with_examples(config, &header, &example_names, &tag_features)
        .map_err(|e| internal(e.0))?;
    files.push(GeneratedFile {
        path: "Cargo.toml".into(),
        contents: cargo,
    });
    let readme =
        render::readme_with_examples(api, config, &header, &examples).map_err(|e| internal(e.0))?;
    files.push(GeneratedFile {
        path: "README.md".into(),
        contents: readme,
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// What became of one planned Rust file: its formatted text, `None` when the crate has no such
/// file, or what went wrong.
type Formatted = Result<Option<String>, String>;

/// Makes and formats every planned Rust file, spread over the machine's cores, and returns
/// them in the order planned (so the output does not depend on the threads).
///
/// Making tokens and formatting them (`syn` parse + prettyplease) is most of the generator's
/// time, and files are independent. A `TokenStream` cannot leave its thread, so each worker
/// both makes and formats a file.
fn emit_and_format(
    emitter: &emit::Emitter<'_>,
    planned: Vec<emit::PlannedFile>,
) -> Vec<(emit::PlannedFile, Formatted)> {
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let results = in_parallel(
        &planned,
        workers,
        |file| emitter.weight(file),
        |file| emit_file(emitter, file),
        |file, panic| {
            Err(format!(
                "making or formatting {} panicked: {panic}",
                file.path
            ))
        },
    );
    planned.into_iter().zip(results).collect()
}

/// Makes and formats one planned file, its doc comments spliced in after formatting; a file
/// whose comments cannot be spliced (one inside a macro's tokens) is made again with them as
/// attributes.
fn emit_file(emitter: &emit::Emitter<'_>, file: &emit::PlannedFile) -> Formatted {
    let format = |tokens| write::format_rust(tokens, &file.path).map_err(|e| e.to_string());
    let (tokens, comments) = emit::doc_splice::collecting(|| emitter.emit(file));
    let Some(tokens) = tokens else {
        return Ok(None);
    };
    if let Some(spliced) = emit::doc_splice::splice(&format(tokens)?, &comments) {
        return Ok(Some(spliced));
    }
    emitter.emit(file).map(format).transpose()
}

/// Where the CLI crate is written, relative to the client's.
#[derive(Debug, Clone, Copy)]
pub struct CliLayout<'a> {
    /// The client crate's folder, from the CLI crate's (`../generated-client`).
    pub client_path: &'a str,
    /// The CLI crate's folder as the README's `cargo install --path` names it
    /// (`generated-cli`).
    pub folder: &'a str,
}

/// Generates every file of the command-line crate from the spec at `spec`.
pub fn generate_cli(spec: &Path, layout: CliLayout<'_>) -> Result<Vec<GeneratedFile>, Diagnostic> {
    let config = Config::for_spec(spec)?;
    let api = load_model(spec)?;
    generate_cli_from_model(&api, &config, spec, layout)
}

/// Generates the command-line crate's files from an already lowered model: `src/main.rs` and
/// `src/commands/` emitted, the CLI runtime copied, the end-to-end tests when the spec has
/// their operations, the rendered `Cargo.toml` and `README.md`; sorted by path.
pub fn generate_cli_from_model(
    api: &model::Api,
    config: &Config,
    spec: &Path,
    layout: CliLayout<'_>,
) -> Result<Vec<GeneratedFile>, Diagnostic> {
    let source = spec.file_name().map_or_else(
        || "the spec".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let header = write::generated_header(&source);
    let internal =
        |what: String| Diagnostic::file(spec, format!("internal generator error: {what}"));
    let client = config.package.name.replace('-', "_");
    let names = emit::cli::CliNames::for_client(&config.package.name);
    let mut files = Vec::new();
    let mut contract = false;
    for (path, tokens) in emit::cli::rust_files(api, &client, &names, &source) {
        let formatted = write::format_rust(tokens, &path).map_err(|e| internal(e.to_string()))?;
        contract |= path.starts_with("tests/");
        files.push(write::emitted_rust(path, &header, &formatted));
    }
    files.extend(assets::cli_runtime());
    // The dev-dependencies come with any test: the copied ones and the contract test.
    let mut tests = assets::cli_tests(api, &client);
    if contract {
        tests.extend(assets::cli_contract_support(&client));
    }
    let cli = render::CliCrate {
        names: &names,
        client_path: layout.client_path,
        folder: layout.folder,
        tests: !tests.is_empty(),
    };
    files.extend(tests);
    files.push(GeneratedFile {
        path: "Cargo.toml".into(),
        contents: render::cli_cargo_toml(api, config, &cli, &header).map_err(|e| internal(e.0))?,
    });
    files.push(GeneratedFile {
        path: "README.md".into(),
        contents: render::cli_readme(api, config, &cli, &header).map_err(|e| internal(e.0))?,
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
