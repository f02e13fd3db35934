//! Tests of the generated crate that come from the spec's examples (the files they take are
//! [`test_files`](super::test_files)'s choice):
//! - `tests/examples.rs`: every documented answer, served from 127.0.0.1, decodes through the
//!   client and says the same when written back;
//! - `tests/contract.rs`: every operation, called with its documented arguments, passes a
//!   Stoplight Prism mock started from the spec in its validating mode, and decodes the random
//!   answers of Prism's dynamic mode (20 seeded rounds; display-format fields counted apart).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust::{inner_doc_lines, Paths};
use super::test_files::{callable, TestModule};
use crate::model::{Api, Operation, TypeKind};

/// `tests/examples.rs`: the modules of `modules`, or `None` when there are none.
pub fn examples_root(modules: &[TestModule]) -> Option<TokenStream> {
    if modules.is_empty() {
        return None;
    }
    let docs = inner_doc_lines(
        "Every documented answer decodes through the client (served from 127.0.0.1), and the\ndecoded data, written back as JSON, says what the example says. One module per tag.",
    );
    let declarations = declarations(modules);
    Some(quote! {
        #docs

        mod support;

        #declarations
    })
}

/// The example tests of `module` (a module of `tests/examples.rs`).
pub fn examples_module(
    api: &Api,
    module: &TestModule,
    paths: &Paths,
    crate_name: &str,
) -> TokenStream {
    let krate = format_ident!("{}", crate_name);
    let tests = operations(api, module).filter_map(|op| {
        let example = op.response_example.as_ref()?;
        // What the client should hand out: the envelope's data, or the whole body.
        let expected = match (&api.envelope, op.success.enveloped()) {
            (Some(envelope), true) => example.get(&envelope.data).cloned().unwrap_or_default(),
            _ => example.clone(),
        };
        let (example, expected) = (example.to_string(), expected.to_string());
        let call = call(op, paths, quote!(support::client(&server)))?;
        let name = format_ident!("{}", op.method_name);
        let status = op.success.status;
        Some(quote! {
            #[tokio::test]
            async fn #name() {
                let server = support::serve(#status, #example).await;
                support::check(#call, #expected);
            }
        })
    });
    let docs = inner_doc_lines(&format!(
        "The documented answers of the operations tagged {} (see `tests/examples.rs`).",
        module.tag
    ));
    quote! {
        #docs

        #[allow(unused_imports)]
        use #krate::types;

        use super::support;

        #(#tests)*
    }
}

/// `tests/contract.rs`: two tests that call every operation (each module's) against Prism, or
/// `None` when there are no modules (the spec documents no answer, which Prism would need).
pub fn contract_root(
    api: &Api,
    modules: &[TestModule],
    crate_name: &str,
    spec_file: &str,
) -> Option<TokenStream> {
    if modules.is_empty() {
        return None;
    }
    let krate = format_ident!("{}", crate_name);
    let declarations = declarations(modules);
    let (cfgs, idents): (Vec<_>, Vec<_>) = modules
        .iter()
        .map(|m| (feature_cfg(m), format_ident!("{}", m.ident)))
        .unzip();
    let format_fields = format_fields(api);
    let docs = inner_doc_lines(&format!(
        "Contract tests against a Stoplight Prism mock of `{spec_file}`:\n- validating mode: every operation, called with the spec's example arguments, is accepted\n  and its (example) answer decodes;\n- dynamic mode (`prism mock -d`, random answers from the schemas): every operation, called\n  with the example arguments in {DYNAMIC_ROUNDS} rounds (one Prism per round, seeded\n  `{DYNAMIC_SEED}-<round>` so the answers repeat from run to run), gets answers that decode.\n  Only answers whose `Error::Decode` points at a field read in a display format\n  (`x-date-format`), which the random generator does not fill in that format, are counted\n  apart as format-breaking; any other failure fails the test. The counts are printed.\n\nThe calls are in one module per tag. Prism is installed with npm into `target/prism` when\n`PRISM_BIN` does not name one."
    ));
    let rounds = DYNAMIC_ROUNDS;
    let seed = DYNAMIC_SEED;
    let spec_path = format!("/../spec/{spec_file}");
    Some(quote! {
        #docs

        mod support;

        #declarations

        /// Calls every operation once with the spec's example arguments, a module at a time,
        /// handing each answer to `record`.
        async fn call_every_operation(client: &#krate::Client, record: &mut impl support::Record) {
            #(#cfgs #idents::call_operations(client, record).await;)*
        }

        /// How many operations each module calls.
        const OPERATIONS: &[usize] = &[#(#cfgs #idents::OPERATIONS),*];

        #[tokio::test]
        async fn every_operation_passes_the_prism_mock() {
            let spec = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), #spec_path));
            let prism = support::Prism::start(&spec);
            let mut failures = support::Failures::default();
            call_every_operation(&prism.client(), &mut failures).await;
            let failures = failures.0;
            let count: usize = OPERATIONS.iter().sum();
            assert!(failures.is_empty(), "{} of {} operations failed against Prism:\n{}", failures.len(), count, failures.join("\n"));
        }

        /// Wire names of the fields the client reads in a display format (`x-date-format`):
        /// random strings from Prism's dynamic mode break that format by construction.
        const FORMAT_FIELDS: &[&str] = &[#(#format_fields),*];

        #[tokio::test]
        async fn every_operation_decodes_prism_dynamic_answers() {
            let spec = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), #spec_path));
            let count: usize = OPERATIONS.iter().sum();
            let mut tally = support::Tally::new(FORMAT_FIELDS);
            for round in 0..#rounds {
                let prism = support::Prism::start_dynamic(&spec, &format!("{}-{round}", #seed));
                call_every_operation(&prism.client(), &mut tally).await;
            }
            println!("{}", tally.summary(count, #rounds));
            assert!(tally.failures.is_empty(), "Prism dynamic mode: {}", tally.summary(count, #rounds));
        }
    })
}

/// The contract calls of `module` (a module of `tests/contract.rs`).
pub fn contract_module(
    api: &Api,
    module: &TestModule,
    paths: &Paths,
    crate_name: &str,
) -> TokenStream {
    let krate = format_ident!("{}", crate_name);
    let calls: Vec<TokenStream> = operations(api, module)
        .filter_map(|op| {
            let call = call(op, paths, quote!(client))?;
            let id = &op.id;
            Some(quote!(record.record(#id, #call);))
        })
        .collect();
    let count = proc_macro2::Literal::usize_unsuffixed(calls.len());
    let docs = inner_doc_lines(&format!(
        "The contract calls of the operations tagged {} (see `tests/contract.rs`).",
        module.tag
    ));
    quote! {
        #docs

        #[allow(unused_imports)]
        use #krate::types;

        use super::support;

        /// How many operations [`call_operations`] calls.
        pub const OPERATIONS: usize = #count;

        /// Calls each of these operations once with the spec's example arguments, handing each
        /// answer to `record`; the spec's deprecated operations too.
        #[allow(deprecated)]
        pub async fn call_operations(client: &#krate::Client, record: &mut impl support::Record) {
            #(#calls)*
        }
    }
}

/// The operations of `module`.
fn operations<'a>(api: &'a Api, module: &'a TestModule) -> impl Iterator<Item = &'a Operation> {
    module
        .operations
        .iter()
        .filter_map(|&i| api.operations.get(i))
}

/// `mod <tag>;` for each module, from its file, behind its feature.
fn declarations(modules: &[TestModule]) -> TokenStream {
    let declarations = modules.iter().map(|module| {
        let cfg = feature_cfg(module);
        let ident = format_ident!("{}", module.ident);
        let file = &module.file;
        quote! {
            #cfg
            #[path = #file]
            mod #ident;
        }
    });
    quote!(#(#declarations)*)
}

/// `#[cfg(feature = "<tag>")]` when `module`'s tag has a feature.
fn feature_cfg(module: &TestModule) -> Option<TokenStream> {
    let feature = module.feature.as_ref()?;
    Some(quote!(#[cfg(feature = #feature)]))
}

/// Rounds of the dynamic-mode contract test: each operation is called once per round.
const DYNAMIC_ROUNDS: u32 = 20;
/// The seed prefix of the dynamic-mode Prism of each round (`webwork-<round>`).
const DYNAMIC_SEED: &str = "webwork";

/// The wire names of struct fields read in an `x-date-format` display format, sorted.
fn format_fields(api: &Api) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for def in &api.types {
        if let TypeKind::Struct { fields, .. } = &def.kind {
            for field in fields {
                let mut formats = std::collections::BTreeSet::new();
                field.ty.collect_date_formats(&mut formats);
                if !formats.is_empty() {
                    names.insert(field.wire_name.clone());
                }
            }
        }
    }
    names.into_iter().collect()
}

/// `client.op().required(example)... .body(example).send().await`, or `None` when the
/// operation's arguments cannot be made from its examples.
fn call(op: &Operation, paths: &Paths, client: TokenStream) -> Option<TokenStream> {
    if !callable(op) {
        return None;
    }
    let method = format_ident!("{}", op.method_name);
    let mut setters = Vec::new();
    for param in op.params.iter().filter(|p| p.required) {
        let setter = format_ident!("{}", param.rust_name);
        let ty = paths.ty(&param.ty);
        let value = super::examples::param_value(param);
        setters.push(quote!(.#setter(support::value::<#ty>(#value))));
    }
    if let (Some(body), Some(request)) = (&op.body, &op.request_example) {
        let ty = paths.ty(&body.ty);
        let request = request.to_string();
        setters.push(quote!(.body(support::value::<#ty>(#request))));
    }
    Some(quote!(#client.#method() #(#setters)* .send().await))
}
