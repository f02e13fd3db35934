//! The generator's lists of names the generated crate already uses (`contract`) against the
//! runtime's own source and the code emit writes: a name the runtime gains, or a runtime item
//! emit starts to use, fails here until the lists say so.

mod common;

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use syn::{ImplItem, Item, UseTree, Visibility};
use webwork_generator::{assets, contract};

/// Every module of the runtime the generator copies, parsed.
fn runtime() -> Vec<syn::File> {
    assets::RUNTIME
        .iter()
        .map(|(name, text)| syn::parse_file(text).unwrap_or_else(|error| panic!("{name}: {error}")))
        .collect()
}

#[test]
fn the_generator_copies_every_module_of_the_runtime_crate() {
    let dir = common::root().join("templates/runtime");
    let mut modules: Vec<String> = std::fs::read_dir(&dir)
        .expect("templates/runtime")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".rs") && name != "lib.rs")
        .collect();
    modules.sort();
    let copied: Vec<&str> = assets::RUNTIME.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        modules, copied,
        "assets::RUNTIME and templates/runtime/ differ"
    );
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(ToString::to_string).collect()
}

/// The name after each `fn` in `tokens` (a macro's body), however deep.
fn functions_in(tokens: TokenStream, names: &mut BTreeSet<String>) {
    let mut after_fn = false;
    for token in tokens {
        if let TokenTree::Group(group) = &token {
            functions_in(group.stream(), names);
        }
        match &token {
            TokenTree::Ident(ident) if after_fn => {
                names.insert(ident.to_string());
                after_fn = false;
            }
            TokenTree::Ident(ident) => after_fn = ident == "fn",
            _ => after_fn = false,
        }
    }
}

/// The last name of each path a `use` item brings in (`a::{b, c as d}` gives `b`, `d`).
fn use_names(tree: &UseTree, names: &mut BTreeSet<String>) {
    match tree {
        UseTree::Path(path) => use_names(&path.tree, names),
        UseTree::Name(name) => {
            names.insert(name.ident.to_string());
        }
        UseTree::Rename(rename) => {
            names.insert(rename.rename.to_string());
        }
        UseTree::Group(group) => group.items.iter().for_each(|tree| use_names(tree, names)),
        UseTree::Glob(_) => {}
    }
}

#[test]
fn client_methods_are_the_runtimes_inherent_methods_and_clone() {
    let mut methods = inherent_methods("Client");
    methods.insert("clone".to_string());
    assert_eq!(
        methods,
        set(contract::CLIENT_METHODS),
        "contract::CLIENT_METHODS must list every method of the runtime's `Client`"
    );
}

/// The inherent methods of the runtime type `name`, public or not.
fn inherent_methods(name: &str) -> BTreeSet<String> {
    let mut methods = BTreeSet::new();
    for file in runtime() {
        for item in &file.items {
            let Item::Impl(block) = item else { continue };
            let is_it = matches!(&*block.self_ty, syn::Type::Path(ty)
                if ty.path.segments.last().is_some_and(|s| s.ident == name));
            if !is_it || block.trait_.is_some() {
                continue;
            }
            for member in &block.items {
                if let ImplItem::Fn(function) = member {
                    methods.insert(function.sig.ident.to_string());
                }
            }
        }
    }
    methods
}

#[test]
fn the_mock_servers_and_expectations_methods_are_reserved() {
    assert_eq!(
        inherent_methods("MockServer"),
        set(contract::MOCK_SERVER_METHODS),
        "contract::MOCK_SERVER_METHODS must list every method of the runtime's `MockServer`"
    );
    assert_eq!(
        inherent_methods("Expectation"),
        set(contract::EXPECTATION_METHODS),
        "contract::EXPECTATION_METHODS must list every method of the runtime's `Expectation`"
    );
}

#[test]
fn builder_members_cover_what_the_runtime_macros_add() {
    let mut added = BTreeSet::new();
    for file in runtime() {
        for item in &file.items {
            let Item::Macro(definition) = item else {
                continue;
            };
            let name = definition.ident.as_ref().map(ToString::to_string);
            if matches!(
                name.as_deref(),
                Some("request_options" | "operation_builder")
            ) {
                functions_in(definition.mac.tokens.clone(), &mut added);
            }
        }
    }
    assert!(
        added.contains("send_as"),
        "the macros were not found: {added:?}"
    );
    let members = set(contract::BUILDER_MEMBERS);
    let missing: Vec<_> = added.difference(&members).collect();
    assert!(
        missing.is_empty(),
        "contract::BUILDER_MEMBERS lacks {missing:?}, which the runtime's builder macros add"
    );
}

/// What `templates/runtime/mod.rs` makes reachable as `crate::runtime::NAME`.
fn runtime_exports() -> BTreeSet<String> {
    let text = std::fs::read_to_string(common::root().join("templates/runtime/mod.rs"))
        .expect("runtime/mod.rs");
    let file = syn::parse_file(&text).expect("runtime/mod.rs parses");
    let mut names = BTreeSet::new();
    for item in &file.items {
        match item {
            Item::Use(item) if !matches!(item.vis, Visibility::Inherited) => {
                use_names(&item.tree, &mut names);
            }
            Item::Mod(item) if !matches!(item.vis, Visibility::Inherited) => {
                names.insert(item.ident.to_string());
            }
            _ => {}
        }
    }
    names
}

/// The generated crates of the WebWork spec, the fixture with every kind of body and answer
/// and the one with every kind of parameter: everything emit writes, outside the copied
/// runtime.
fn emitted() -> Vec<webwork_generator::GeneratedFile> {
    let specs = [
        common::root().join("spec/webwork-v2.yaml"),
        common::fixture("media").join("api.yaml"),
        common::fixture("parameters").join("api.yaml"),
    ];
    specs
        .iter()
        .flat_map(|spec| webwork_generator::generate(spec).unwrap_or_else(|e| panic!("{e}")))
        .filter(|file| file.path.ends_with(".rs") && !file.path.starts_with("src/runtime/"))
        .collect()
}

#[test]
fn emitted_code_names_only_what_the_runtime_exports() {
    let exports = runtime_exports();
    let mut used = BTreeSet::new();
    for file in emitted() {
        let mut text = file.contents.as_str();
        while let Some(at) = text.find("crate::runtime::") {
            text = &text[at + "crate::runtime::".len()..];
            if let Some(group) = text.strip_prefix('{') {
                // `use crate::runtime::{Request, RequestOptions};`, `{error_json as json}`
                let inside = group.split('}').next().unwrap_or_default();
                used.extend(inside.split(',').filter_map(|name| {
                    let name = name.split(" as ").next().unwrap_or_default().trim();
                    (!name.is_empty()).then(|| name.to_string())
                }));
            } else {
                used.insert(
                    text.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                );
            }
        }
    }
    assert!(used.contains("decode_enveloped"), "{used:?}");
    let missing: Vec<_> = used.difference(&exports).collect();
    assert!(
        missing.is_empty(),
        "emitted code names crate::runtime::{missing:?}, which templates/runtime/mod.rs does not export"
    );
}

#[test]
fn tag_modules_import_only_the_names_their_builders_avoid() {
    let mut imported = BTreeSet::new();
    for file in emitted() {
        let is_tag_module =
            file.path.starts_with("src/operations/") && file.path != "src/operations/mod.rs";
        if !is_tag_module {
            continue;
        }
        let parsed = syn::parse_file(&file.contents).expect("emitted code parses");
        for item in &parsed.items {
            if let Item::Use(item) = item {
                use_names(&item.tree, &mut imported);
            }
        }
    }
    assert!(imported.contains("Client"), "{imported:?}");
    let allowed = set(contract::TAG_MODULE_IMPORTS);
    let missing: Vec<_> = imported.difference(&allowed).collect();
    assert!(
        missing.is_empty(),
        "tag modules import {missing:?}, which contract::TAG_MODULE_IMPORTS lacks"
    );
}

#[test]
fn a_crate_of_another_name_never_names_webwork_client() {
    let spec = common::fixture("media").join("api.yaml");
    let config = webwork_generator::Config::for_spec(&spec).expect("config");
    assert_ne!(config.package.name, "webwork-client");
    let files = webwork_generator::generate(&spec).expect("generates");
    let naming: Vec<_> = files
        .iter()
        .filter(|file| file.contents.contains("webwork_client"))
        .map(|file| file.path.as_str())
        .collect();
    assert!(
        naming.is_empty(),
        "doc examples and tests there would not compile: {naming:?}"
    );
}

#[test]
fn the_runtime_modules_import_each_other_without_circles() {
    let texts: std::collections::BTreeMap<String, &str> = assets::RUNTIME
        .iter()
        .filter(|(name, _)| *name != "mod.rs")
        .map(|(name, text)| (name.trim_end_matches(".rs").to_string(), *text))
        .collect();
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    // Which sibling modules each module names as `super::module`.
    let uses: std::collections::BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|module| {
            let named = texts[module]
                .split("super::")
                .skip(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .filter(|name| modules.contains(name) && name != module)
                .collect();
            (module.clone(), named)
        })
        .collect();
    // Depth-first search from each module, failing on a module already on the path.
    fn visit<'a>(
        module: &'a str,
        uses: &'a std::collections::BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
    ) {
        if let Some(start) = path.iter().position(|m| *m == module) {
            panic!(
                "the runtime imports in a circle: {} -> {module}",
                path[start..].join(" -> ")
            );
        }
        path.push(module);
        for next in &uses[module] {
            visit(next, uses, path);
        }
        path.pop();
    }
    for module in &modules {
        visit(module, &uses, &mut Vec::new());
    }
}
