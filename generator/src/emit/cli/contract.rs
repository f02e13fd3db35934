//! The command line's contract test (`tests/contract.rs` of the CLI crate, a module per tag in
//! `tests/contract/`): every command whose arguments the spec's examples give, run as a
//! process against a Prism mock of the spec (JSON for every command; NDJSON, CSV and a table
//! for the lists), and the commands documented without data against a loopback server that
//! answers `data: null` and one that answers 204. The support it uses is hand-written
//! (`templates/cli-crate/tests/support.rs`).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::flags::{self, Encoding, Flag, Kind};
use super::naming;
use crate::emit::rust::inner_doc_lines;
use crate::emit::test_files::{callable, test_modules, Suite, TestModule};
use crate::model::{Api, Operation, Param, Payload, Primitive, TypeRef};

/// What the contract test needs to know of the crate around it.
pub(super) struct Target<'a> {
    /// The binary (`webwork`).
    pub binary: &'a str,
    /// The environment variable of its config folder (`WEBWORK_CONFIG_DIR`).
    pub config_env: &'a str,
    /// The spec's file name, found in `../spec/` beside the crate.
    pub spec_file: &'a str,
}

/// The root and the modules of the contract test, as (path, tokens); none when no command
/// can be run from the spec's examples.
pub(super) fn files(api: &Api, target: &Target<'_>) -> Vec<(String, TokenStream)> {
    let modules = test_modules(api, Suite::Commands);
    if !api.operations.iter().any(|op| runnable(api, op)) {
        return Vec::new();
    }
    let commands = command_names(api);
    let mut files = vec![("tests/contract.rs".to_string(), root(api, &modules, target))];
    for module in &modules {
        let path = format!("tests/{}", module.file);
        files.push((path, module_file(api, module, &commands)));
    }
    files
}

/// Each operation's group and command, by operationId.
fn command_names(api: &Api) -> BTreeMap<&str, (String, String)> {
    naming::tree(api)
        .into_iter()
        .flat_map(|group| {
            let name = group.name;
            group
                .commands
                .into_iter()
                .map(move |(op, command)| (op.id.as_str(), (name.clone(), command)))
        })
        .collect()
}

fn root(api: &Api, modules: &[TestModule], target: &Target<'_>) -> TokenStream {
    let docs = inner_doc_lines(&format!(
        "The command line's contract test: every command of `{binary}` whose required arguments\nthe spec's examples give, run as a process with them:\n- against a Stoplight Prism mock of `{spec}` (answering with the spec's examples, or from\n  the schemas where there are none; it refuses requests that break the spec), each\n  must exit 0 and print JSON that parses with `--output json`; each list command, NDJSON,\n  CSV and a table too;\n- each command documented without data, against a server on 127.0.0.1 answering with no\n  data (and one answering 204), must exit 0 and print `null` as JSON, nothing otherwise.\n\nThe spec is `../spec/{spec}` beside this crate, or the file `CONTRACT_SPEC` names. Prism is\ninstalled with npm into `target/prism` when `PRISM_BIN` does not name one.",
        binary = target.binary,
        spec = target.spec_file,
    ));
    let declarations = modules.iter().map(|module| {
        let ident = format_ident!("{}", module.ident);
        let file = &module.file;
        quote!(#[path = #file] mod #ident;)
    });
    let idents = modules.iter().map(|m| format_ident!("{}", m.ident));
    let binary = format!("CARGO_BIN_EXE_{}", target.binary);
    let config_env = target.config_env;
    let spec_path = format!("/../spec/{}", target.spec_file);
    let no_data_test = api
        .operations
        .iter()
        .any(|op| runnable(api, op) && without_data(op))
        .then(|| no_data_test(api));
    quote! {
        #docs

        mod support;

        #(#declarations)*

        /// The built binary.
        const BINARY: &str = env!(#binary);

        /// The environment variable naming the binary's config folder.
        const CONFIG_ENV: &str = #config_env;

        /// Every command, a module at a time.
        fn commands() -> impl Iterator<Item = &'static support::Command> {
            [#(#idents::COMMANDS),*].into_iter().flatten()
        }

        /// The spec the Prism mock serves.
        fn spec() -> std::path::PathBuf {
            std::env::var_os("CONTRACT_SPEC").map_or_else(
                || std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), #spec_path)),
                std::path::PathBuf::from,
            )
        }

        #[test]
        fn every_command_prints_json_against_the_prism_mock() {
            let prism = support::Prism::start_checking_requests(&spec());
            let cli = support::Cli::new(BINARY, CONFIG_ENV, prism.url());
            let failures = cli.failures(commands(), &["json"]);
            assert!(
                failures.is_empty(),
                "{} of {} commands failed against Prism:\n{}",
                failures.len(),
                commands().count(),
                failures.join("\n")
            );
        }

        #[test]
        fn every_list_command_prints_ndjson_csv_and_a_table() {
            let prism = support::Prism::start_checking_requests(&spec());
            let cli = support::Cli::new(BINARY, CONFIG_ENV, prism.url());
            let lists = commands().filter(|command| command.list);
            let failures = cli.failures(lists, &["ndjson", "csv", "table"]);
            assert!(failures.is_empty(), "list commands failed against Prism:\n{}", failures.join("\n"));
        }

        #no_data_test
    }
}

/// The test of the commands documented without data, against answers that have none.
fn no_data_test(api: &Api) -> TokenStream {
    // The envelope with `data: null` and a message, or a bare JSON `null`.
    let (body, message) = match &api.envelope {
        Some(envelope) => {
            let mut body = serde_json::Map::new();
            body.insert(envelope.success.clone(), Value::Bool(true));
            body.insert(envelope.data.clone(), Value::Null);
            body.insert(envelope.message.clone(), "Done.".into());
            (Value::Object(body).to_string(), quote!(Some("Done.")))
        }
        None => ("null".to_string(), quote!(None)),
    };
    quote! {
        /// What a server answers, with status 200, for an operation documented without data.
        const NO_DATA: &str = #body;

        /// The message of [`NO_DATA`], which the command prints on standard error.
        const NO_DATA_MESSAGE: Option<&str> = #message;

        #[tokio::test(flavor = "multi_thread")]
        async fn commands_without_data_succeed_on_answers_without_data() {
            use wiremock::{matchers::any, Mock, MockServer, ResponseTemplate};
            let answers = [
                (ResponseTemplate::new(200).set_body_raw(NO_DATA, "application/json"), NO_DATA_MESSAGE),
                (ResponseTemplate::new(204), None),
            ];
            for (answer, message) in answers {
                let server = MockServer::start().await;
                Mock::given(any()).respond_with(answer).mount(&server).await;
                let cli = support::Cli::new(BINARY, CONFIG_ENV, &server.uri());
                for command in commands().filter(|command| command.no_data) {
                    for (format, expected) in [("json", "null\n"), ("ndjson", ""), ("csv", ""), ("table", "")] {
                        let run = tokio::task::block_in_place(|| cli.run(command, format));
                        let what = format!("{} --output {format}", command.operation);
                        assert_eq!(run.code, Some(0), "{what}: {}", run.stderr);
                        assert_eq!(run.stdout, expected, "{what}");
                        if let Some(message) = message {
                            assert!(run.stderr.contains(message), "{what}: no message on stderr: {}", run.stderr);
                        }
                    }
                }
            }
        }
    }
}

/// A module of the contract test: the commands of one tag's operations.
fn module_file(
    api: &Api,
    module: &TestModule,
    names: &BTreeMap<&str, (String, String)>,
) -> TokenStream {
    let docs = inner_doc_lines(&format!(
        "The commands of the operations tagged {} (see `tests/contract.rs`).",
        module.tag
    ));
    let commands = module
        .operations
        .iter()
        .filter_map(|&i| api.operations.get(i))
        .filter(|op| runnable(api, op))
        .filter_map(|op| {
            let (group, command) = names.get(op.id.as_str())?;
            Some(command_value(api, op, group, command))
        });
    quote! {
        #docs

        use super::support::Command;

        /// The commands, with the spec's example arguments.
        pub const COMMANDS: &[Command] = &[#(#commands),*];
    }
}

/// The `Command` of `op`: its group, command and required flags with example values.
fn command_value(api: &Api, op: &Operation, group: &str, command: &str) -> TokenStream {
    let mut args = vec![group.to_string(), command.to_string()];
    let flags = flags::flags(api, op);
    for (param, flag) in op.params.iter().zip(&flags) {
        if !flag.required {
            continue;
        }
        for value in flag_values(param, flag) {
            args.push(format!("--{}", flag.flag));
            args.push(value);
        }
    }
    let body = op.request_example.as_ref().and_then(|example| {
        Some(match flags::body_encoding(op)? {
            Encoding::Raw(_) => flag_text(example),
            Encoding::Json | Encoding::Form => example.to_string(),
        })
    });
    let body = match body {
        Some(body) => quote!(Some(#body)),
        None => quote!(None),
    };
    let id = &op.id;
    let list = op.paging.is_some() || op.success.data.is_array();
    let no_data = without_data(op);
    quote! {
        Command {
            operation: #id,
            args: &[#(#args),*],
            body: #body,
            list: #list,
            no_data: #no_data,
        }
    }
}

/// The values of a required flag: the parameter's example (a list's items as repeated flags),
/// or a valid value of the flag's kind.
fn flag_values(param: &Param, flag: &Flag) -> Vec<String> {
    // The example is JSON text.
    let example = param
        .example
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok());
    let values = match example {
        Some(Value::Array(items)) if flag.repeated => items.iter().map(flag_text).collect(),
        Some(example) => vec![flag_text(&example)],
        None => Vec::new(),
    };
    if values.is_empty() {
        vec![placeholder(&flag.kind)]
    } else {
        values
    }
}

/// A valid value of `kind` for a flag the spec gives no example for (never asked for
/// [`Kind::Json`], whose valid values only the schema knows: see [`runnable`]).
fn placeholder(kind: &Kind) -> String {
    match kind {
        Kind::Enum(values) => values.first().cloned().unwrap_or_default(),
        Kind::Integer => "1".into(),
        Kind::Number => "1.5".into(),
        Kind::Boolean => "true".into(),
        Kind::Date => "2024-01-15".into(),
        Kind::DateTime => "2024-01-15T10:30:00Z".into(),
        Kind::Uuid => "00000000-0000-0000-0000-000000000001".into(),
        Kind::Json => "{}".into(),
        Kind::Text => "example".into(),
    }
}

/// A JSON example as the text a flag takes: a string's content, anything else as JSON.
fn flag_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Whether the command of `op` can be run from the spec's examples: the client's contract test
/// can call it, a required body is one the command line sends (not multipart), and every
/// required flag taking JSON (an object, a union) has an example.
fn runnable(api: &Api, op: &Operation) -> bool {
    let body_sent = op
        .body
        .as_ref()
        .is_none_or(|body| !body.required || flags::body_encoding(op).is_some());
    let json_given = op
        .params
        .iter()
        .zip(flags::flags(api, op))
        .all(|(param, flag)| !flag.required || flag.kind != Kind::Json || param.example.is_some());
    callable(op) && body_sent && json_given
}

/// Whether the successful answer of `op` is documented without data.
fn without_data(op: &Operation) -> bool {
    op.success.payload == Payload::Empty || op.success.data == TypeRef::Primitive(Primitive::Unit)
}
