//! Specs no one here wrote, and the construct fixtures: each generates a crate that compiles,
//! or is refused with a located error as `public-specs/SOURCES` expects.
//!
//! `generated_crates_compile` writes every crate into one throw-away workspace under
//! `target/public-specs/` and runs a single `cargo check` over it with its own
//! `CARGO_TARGET_DIR` there, so the client's dependencies build once and stay built between
//! runs, then `cargo test --doc` over the fixtures and the first eight public specs (every doc
//! example names its own crate) and the fixtures' own tests. The `summaries` test snapshots
//! the types and operations each public spec gives, or its refusal.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use webwork_generator::config::{Config, Package};
use webwork_generator::model::{Api, TypeKind, TypeRef};

/// Valid public specs the generator refuses for now, with the place it names: known gaps
/// (SOURCES says `valid refused`). The summary snapshot holds the whole message. When one
/// starts to generate, this test fails: mark it `compiles` in SOURCES and take it out here.
const GAPS: &[(&str, &str)] = &[
    // OpenAPI 3.1 `prefixItems` (a tuple): the README's 3.1 table.
    (
        "hey-api-circular.yaml",
        "#/components/schemas/Pair/properties/nodes/prefixItems",
    ),
    (
        "hey-api-full.yaml",
        "#/components/schemas/ModelWithOneOfEnum/oneOf/4/properties/content/prefixItems",
    ),
];

/// The public specs whose crates also run their doc examples (`cargo test --doc`); the others
/// are only checked, which keeps the test's wall time in bounds.
const DOCTESTED: &[&str] = &[
    "api-with-examples.yaml",
    "callback-example.yaml",
    "link-example.yaml",
    "petstore.yaml",
    "petstore-expanded.yaml",
    "uspto.yaml",
    "kratos.json",
    "outline.yml",
];

/// One public spec as `public-specs/SOURCES` lists it.
#[derive(Debug)]
struct Entry {
    file: String,
    /// openapi-spec-validator's verdict.
    valid: bool,
    /// Whether the generator is expected to give a crate that compiles (else a located refusal).
    compiles: bool,
}

/// The entries of `public-specs/SOURCES`, in its order.
fn corpus() -> Vec<Entry> {
    let sources = std::fs::read_to_string(public_spec("SOURCES")).expect("read SOURCES");
    sources
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let [file, validity, outcome, _repository, _commit, _path, _licence] = columns[..]
            else {
                panic!("SOURCES: a line needs 7 columns: {line}");
            };
            let valid = match validity {
                "valid" => true,
                "invalid" => false,
                other => panic!("SOURCES: {file}: validity `{other}` is not valid/invalid"),
            };
            let compiles = match outcome {
                "compiles" => true,
                "refused" => false,
                other => panic!("SOURCES: {file}: outcome `{other}` is not compiles/refused"),
            };
            Entry {
                file: file.to_string(),
                valid,
                compiles,
            }
        })
        .collect()
}

/// Fixtures under `generator/tests/fixtures/` whose crates are compiled too.
const FIXTURES: &[&str] = &[
    "types_and_formats",
    "enums",
    "optional_required",
    "envelope",
    "builders",
    "recursive",
    "composition",
    "schema_details",
    "names",
    "media",
    "parameters",
    "paths",
    "errors",
];

fn public_spec(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/public-specs")
        .join(file)
}

fn crate_name(file: &str) -> String {
    let stem = file.split('.').next().unwrap_or(file);
    format!("spec-{stem}")
}

/// The model of a public spec, with a config that names its crate.
fn try_lower_public(file: &str) -> Result<(Api, Config, PathBuf), webwork_generator::Diagnostic> {
    let path = public_spec(file);
    let text = std::fs::read_to_string(&path).expect("read spec");
    let parsed = webwork_generator::load::parse_document(&path, &text)?;
    let config = Config {
        package: Package {
            name: crate_name(file),
            version: "0.1.0".into(),
            description: Some(format!("generated from {file}")),
            ..Package::default()
        },
        ..Config::default()
    };
    let api = webwork_generator::lower::lower(&parsed.openapi, &path, &config)
        .map_err(|error| parsed.origins.restore(error))?;
    Ok((api, config, path))
}

fn ty(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(p) => format!("{p:?}"),
        TypeRef::FormattedDate { format, .. } => format!("Date({format})"),
        TypeRef::Named(name) => name.clone(),
        TypeRef::Array(inner) => format!("[{}]", self::ty(inner)),
        TypeRef::Map(inner) => format!("{{{}}}", self::ty(inner)),
    }
}

/// One line per type and per operation.
fn summary(api: &Api) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} types", api.types.len());
    for def in &api.types {
        let kind = match &def.kind {
            TypeKind::Struct {
                fields,
                keeps_extra,
                ..
            } => {
                let extra = if *keeps_extra { " + extra" } else { "" };
                format!("struct, {} fields{extra}", fields.len())
            }
            TypeKind::StringEnum { variants, .. } => format!("string enum, {}", variants.len()),
            TypeKind::Id { resource, wire } => format!("id of {resource}, {wire:?}"),
            TypeKind::IntegerEnum { variants, .. } => format!("integer enum, {}", variants.len()),
            TypeKind::Union {
                variants,
                discriminator,
                ..
            } => {
                let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
                match discriminator {
                    Some(tag) => format!("union by `{tag}`: {}", names.join(", ")),
                    None => format!("untagged union: {}", names.join(", ")),
                }
            }
            TypeKind::Alias(target) => format!("= {}", ty(target)),
            TypeKind::External(path) => format!("= {path}"),
        };
        let _ = writeln!(out, "  {}: {kind}", def.name);
    }
    let _ = writeln!(out, "{} operations", api.operations.len());
    for op in &api.operations {
        let _ = writeln!(
            out,
            "  {}: {} {} -> {}",
            op.method_name,
            op.http_method.as_str(),
            op.path,
            ty(&op.success.data)
        );
    }
    if !api.webhooks.is_empty() {
        let _ = writeln!(out, "{} webhooks", api.webhooks.len());
        for webhook in &api.webhooks {
            let _ = writeln!(
                out,
                "  {}: {} {} -> {}",
                webhook.alias,
                webhook.method.as_str(),
                webhook.name,
                ty(&webhook.payload)
            );
        }
    }
    out
}

/// The whole pipeline on a public spec: its crate's files, or the refusal.
fn generate_public(
    file: &str,
) -> Result<Vec<webwork_generator::GeneratedFile>, webwork_generator::Diagnostic> {
    let (api, config, path) = try_lower_public(file)?;
    webwork_generator::generate_from_model(&api, &config, &path)
}

/// Every spec file under `public-specs/` has its line in SOURCES and every line its file; the
/// known gaps are valid specs SOURCES expects refused, and every such spec is a known gap.
#[test]
fn sources_list_every_spec() {
    let entries = corpus();
    let mut listed: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    listed.sort_unstable();
    let mut on_disk: Vec<String> = std::fs::read_dir(public_spec(""))
        .expect("read public-specs")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string()
        })
        .filter(|name| name != "SOURCES")
        .collect();
    on_disk.sort_unstable();
    assert_eq!(
        listed, on_disk,
        "SOURCES and the files under public-specs/ differ"
    );
    for entry in &entries {
        let gap = GAPS.iter().any(|(file, _)| *file == entry.file);
        assert_eq!(
            gap,
            entry.valid && !entry.compiles,
            "{}: a valid spec expected refused must be in GAPS, and only such a spec",
            entry.file
        );
    }
    for file in DOCTESTED {
        assert!(
            entries.iter().any(|e| e.file == *file && e.compiles),
            "{file} is doctested but not expected to compile"
        );
    }
}

/// Each public spec ends as SOURCES expects, never in a panic: a model (its summary is
/// snapshotted), or a refusal located by a JSON pointer (snapshotted with its message); a
/// known gap at the place GAPS names.
#[test]
fn summaries() {
    for entry in corpus() {
        let file = entry.file.as_str();
        let text = match try_lower_public(file) {
            Ok((api, _, _)) => {
                assert!(
                    entry.compiles,
                    "{file} generates now: mark it `compiles` in SOURCES (and take it out of GAPS)"
                );
                summary(&api)
            }
            Err(error) => {
                assert!(!entry.compiles, "{file} is refused: {error}");
                let webwork_generator::diagnostics::Location::Pointer(pointer) = &error.location
                else {
                    panic!("{file}: the refusal names no JSON pointer: {error}");
                };
                if let Some((_, expected)) = GAPS.iter().find(|(f, _)| *f == file) {
                    assert_eq!(pointer, expected, "{error}");
                }
                format!("refused at {pointer}: {}", error.message)
            }
        };
        insta::assert_snapshot!(format!("summary__{}", crate_name(file)), text);
    }
}

/// A spec SOURCES expects refused is refused by the whole pipeline too, with a location.
#[test]
fn refused_specs_are_refused_with_a_location() {
    for entry in corpus().into_iter().filter(|e| !e.compiles) {
        match generate_public(&entry.file) {
            Ok(_) => panic!("{} generates: mark it `compiles` in SOURCES", entry.file),
            Err(error) => assert_ne!(
                error.location,
                webwork_generator::diagnostics::Location::File,
                "{error}"
            ),
        }
    }
}

/// Writes a generated crate into `dir`, removing what an earlier run wrote and this one does not.
fn write_crate(dir: &Path, files: &[webwork_generator::GeneratedFile]) {
    for stale in files_under(dir).into_iter().filter(|path| {
        let relative = path.strip_prefix(dir).unwrap_or(path);
        files.iter().all(|file| Path::new(&file.path) != relative)
    }) {
        std::fs::remove_file(stale).expect("remove a stale file");
    }
    for file in files {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        // Leave unchanged files alone so cargo's fingerprints stay fresh.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(file.contents.as_str()) {
            std::fs::write(&path, &file.contents).expect("write");
        }
    }
}

#[test]
fn generated_crates_compile() {
    let root = common::root();
    let base = root.join("target/public-specs");
    let workspace = base.join("crates");
    let mut members = Vec::new();
    // (crate, test) of the hand-written tests beside the fixtures, run against their crates.
    let mut round_trips = Vec::new();
    let mut doctested = Vec::new();
    // The client crates, whose `mock` feature is checked.
    let mut clients = Vec::new();
    // (CLI crate, spec) of the fixtures' command lines, whose contract tests run.
    let mut cli_contracts = Vec::new();
    for (index, entry) in corpus().into_iter().filter(|e| e.compiles).enumerate() {
        let file = entry.file.as_str();
        let files = generate_public(file).unwrap_or_else(|e| panic!("{e}"));
        let name = crate_name(file);
        write_crate(&workspace.join(&name), &files);
        if DOCTESTED.contains(&file) {
            doctested.push(name.clone());
        }
        if index < CLI_CORPUS_SPECS {
            let (api, config, path) = try_lower_public(file).unwrap_or_else(|e| panic!("{e}"));
            members.push(write_cli_crate(&workspace, &api, &config, &path));
        }
        clients.push(name.clone());
        members.push(name);
    }
    for fixture in FIXTURES {
        let spec = common::fixture(fixture).join("api.yaml");
        let mut config = Config::for_spec(&spec).unwrap_or_else(|e| panic!("{e}"));
        config.package.name = format!("fixture-{}", fixture.replace('_', "-"));
        let parsed = webwork_generator::load::load(&spec).unwrap_or_else(|e| panic!("{e}"));
        let api = webwork_generator::lower::lower(&parsed, &spec, &config)
            .unwrap_or_else(|e| panic!("{fixture}: {e}"));
        let files = webwork_generator::generate_from_model(&api, &config, &spec)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut files = files;
        let name = config.package.name.clone();
        let tests = fixture_tests(fixture);
        if !tests.is_empty() {
            files.push(webwork_generator::GeneratedFile {
                path: "tests/fixture_support/mod.rs".into(),
                contents: std::fs::read_to_string(common::fixture("support.rs"))
                    .expect("read the fixtures' test support"),
            });
        }
        for test in tests {
            let file = test.file_name().expect("file name").to_string_lossy();
            files.push(webwork_generator::GeneratedFile {
                path: format!("tests/{file}"),
                contents: std::fs::read_to_string(&test).expect("read fixture test"),
            });
            let stem = test
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .to_string();
            round_trips.push((name.clone(), stem));
        }
        write_crate(&workspace.join(&name), &files);
        let cli = write_cli_crate(&workspace, &api, &config, &spec);
        let gap = CLI_CONTRACT_GAPS.iter().any(|(name, _)| name == fixture);
        if workspace.join(&cli).join("tests/contract.rs").exists() && !gap {
            cli_contracts.push((cli.clone(), spec.clone()));
        }
        members.push(cli);
        doctested.push(name.clone());
        clients.push(name.clone());
        members.push(name);
    }
    // Crates of an earlier run whose spec has gone.
    for entry in std::fs::read_dir(&workspace)
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_dir() && name != "target" && !members.contains(&name) {
            std::fs::remove_dir_all(entry.path()).expect("remove a stale crate");
        }
    }
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::fs::write(workspace.join("Cargo.toml"), manifest).expect("workspace manifest");
    if !workspace.join("Cargo.lock").exists() {
        // The project's lock file pins the same dependency versions the client uses.
        std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock")).expect("lock");
    }
    // Each client's `mock` (the command lines have no such feature).
    let mock_features = clients
        .iter()
        .map(|name| format!("{name}/mock"))
        .collect::<Vec<_>>()
        .join(",");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Each step's wall time is printed (`--nocapture`), to see where the test's time goes.
    let started = Instant::now();
    let output = Command::new(cargo)
        .args([
            "check",
            "--workspace",
            "--all-targets",
            // The typed mock server (`src/mocks.rs`) is generated from each spec too.
            "--features",
            &mock_features,
            "--quiet",
            "--message-format=short",
        ])
        .current_dir(&workspace)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_MAKEFLAGS")
        .output()
        .expect("run cargo check");
    assert!(
        output.status.success(),
        "generated crates do not compile:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The doc examples (the runtime's, the README's, each operation's) name the crate by its
    // own name and the spec's own operations: they compile for every crate, not just WebWork's.
    // Run for the fixtures and the first public specs only: the corpus is checked above.
    println!(
        "cargo check of {} crates: {:.0?}",
        members.len(),
        started.elapsed()
    );
    let started = Instant::now();
    let mut args = vec!["test".to_string(), "--doc".into(), "--quiet".into()];
    for name in &doctested {
        args.extend(["-p".to_string(), name.clone()]);
    }
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(&args)
        .current_dir(&workspace)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env_remove("CARGO_MAKEFLAGS")
        .output()
        .expect("run cargo test --doc");
    assert!(
        output.status.success(),
        "doc examples of the generated crates fail:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "doc examples of {} crates: {:.0?}",
        doctested.len(),
        started.elapsed()
    );
    let started = Instant::now();
    assert!(!round_trips.is_empty(), "no fixture has tests of its own");
    for (name, test) in &round_trips {
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            // `mock` on: a fixture's tests may use its typed mock server.
            .args([
                "test",
                "--quiet",
                "-p",
                name,
                "--features",
                "mock",
                "--test",
                test,
            ])
            .current_dir(&workspace)
            .env("CARGO_TARGET_DIR", base.join("target"))
            .env("RUSTFLAGS", "-D warnings")
            .env_remove("CARGO_MAKEFLAGS")
            .output()
            .expect("run cargo test");
        assert!(
            output.status.success(),
            "tests/{test}.rs of {name} failed:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    println!(
        "fixtures' own tests ({}): {:.0?}",
        round_trips.len(),
        started.elapsed()
    );
    let started = Instant::now();
    run_cli_contracts(&workspace, &base, &cli_contracts);
    println!(
        "fixtures' command-line contract tests ({}): {:.0?}",
        cli_contracts.len(),
        started.elapsed()
    );
}

/// Fixtures whose command line's contract test is not run, and why: known gaps of the command
/// line, each a command that cannot exit 0 against the spec's answers.
const CLI_CONTRACT_GAPS: &[(&str, &str)] = &[
    (
        "media",
        "answers of other media types than JSON (text/plain, bytes) are decoded as JSON and exit \
         9; a 101 protocol switch and an operation that documents only a 405 have no success to give",
    ),
    (
        "parameters",
        "Prism 5 itself exits on `GET /headers` (a TypeError in its simple-style deserializer of \
         the object header X-Point, absent from the request), so the commands after it meet no \
         server; the client's requests of this fixture are checked against wiremock by its own \
         tests",
    ),
];

/// Runs the contract test of each fixture's command line (`tests/contract.rs`: every command
/// against Prism, and the commands without data against answers without data), its spec named
/// by `CONTRACT_SPEC`, with the workspace's Prism when it is installed.
fn run_cli_contracts(workspace: &Path, base: &Path, crates: &[(String, PathBuf)]) {
    let prism = common::root().join("target/prism/node_modules/.bin/prism");
    let mut failures = Vec::new();
    for (name, spec) in crates {
        let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        command
            .args(["test", "--quiet", "-p", name, "--test", "contract"])
            .current_dir(workspace)
            .env("CARGO_TARGET_DIR", base.join("target"))
            .env("CONTRACT_SPEC", spec)
            .env("RUSTFLAGS", "-D warnings")
            .env_remove("CARGO_MAKEFLAGS");
        if prism.exists() {
            command.env("PRISM_BIN", &prism);
        }
        let output = command.output().expect("run cargo test");
        if !output.status.success() {
            failures.push(format!(
                "the command-line contract test of {name} failed:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// How many of the corpus's compiling specs (the first, in SOURCES order) get their command
/// line checked too, besides every fixture's: enough kinds of spec (no envelope, no pagination,
/// no auth, odd names and parameters) for a few seconds of `cargo check`.
const CLI_CORPUS_SPECS: usize = 12;

/// Writes the command-line crate of `api`'s client beside it (`<client>-cli`, depending on
/// `../<client>`) and gives its folder's name.
fn write_cli_crate(workspace: &Path, api: &Api, config: &Config, spec: &Path) -> String {
    let folder = format!("{}-cli", config.package.name);
    let client_path = format!("../{}", config.package.name);
    let layout = webwork_generator::CliLayout {
        client_path: &client_path,
        folder: &folder,
    };
    let files = webwork_generator::generate_cli_from_model(api, config, spec, layout)
        .unwrap_or_else(|e| panic!("the CLI of {}: {e}", config.package.name));
    write_crate(&workspace.join(&folder), &files);
    folder
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// The hand-written tests of a fixture's crate: `fixtures/<name>/tests/*.rs`, sorted.
fn fixture_tests(fixture: &str) -> Vec<PathBuf> {
    let dir = common::fixture(fixture).join("tests");
    let mut tests: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| Some(entry.ok()?.path()))
                .filter(|path| path.extension().is_some_and(|e| e == "rs"))
                .collect()
        })
        .unwrap_or_default();
    tests.sort();
    tests
}
