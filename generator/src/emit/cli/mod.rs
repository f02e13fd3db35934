//! The command line crate (`generated-cli/`): a `webwork` binary with one subcommand group per
//! tag and one command per operation, on top of the generated client. Made from the model,
//! like the client: [`naming`] names the tree, [`flags`] types each operation's flags,
//! [`tree`] writes the tree as data (`src/commands/`, a module per group) and [`main_rs`] plugs the client into
//! the hand-written runtime (templates/cli/, copied into `src/runtime/`); [`contract`] writes
//! the contract test that runs every command against the spec's examples.

mod contract;
mod flags;
mod main_rs;
mod naming;
mod tree;

use proc_macro2::TokenStream;

use crate::model::Api;

/// What the CLI crate is called, from the client's package name: `webwork-client` gives the
/// package `webwork-cli` and the binary `webwork`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliNames {
    /// The package (`webwork-cli`).
    pub package: String,
    /// The binary (`webwork`).
    pub binary: String,
    /// The prefix of its environment variables (`WEBWORK`: `WEBWORK_TOKEN`).
    pub env_prefix: String,
}

impl CliNames {
    /// The names of the CLI of the client package `client_package`.
    pub fn for_client(client_package: &str) -> CliNames {
        let stem = client_package
            .strip_suffix("-client")
            .filter(|s| !s.is_empty())
            .unwrap_or(client_package);
        CliNames {
            package: format!("{stem}-cli"),
            binary: stem.to_string(),
            env_prefix: stem.replace('-', "_").to_uppercase(),
        }
    }
}

/// The emitted Rust files of the CLI crate: (path, tokens), `src/commands/mod.rs`, one
/// `src/commands/<tag>.rs` per group, `src/main.rs` and the contract test (`tests/contract.rs`
/// and its modules). `client` is the client crate's library name; `spec_file` the spec's file
/// name.
pub fn rust_files(
    api: &Api,
    client: &str,
    names: &CliNames,
    spec_file: &str,
) -> Vec<(String, TokenStream)> {
    let tree_names = tree::Names {
        binary: &names.binary,
        env_prefix: names.env_prefix.clone(),
    };
    let mut files = tree::commands_files(api, &tree_names);
    files.push((
        "src/main.rs".to_string(),
        main_rs::main_rs(api, client, &names.binary),
    ));
    let config_env = format!("{}_CONFIG_DIR", names.env_prefix);
    files.extend(contract::files(
        api,
        &contract::Target {
            binary: &names.binary,
            config_env: &config_env,
            spec_file,
        },
    ));
    files
}

/// One command of the README's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandRow {
    /// The command (`approve`).
    pub name: String,
    /// Its request (`PUT /timesheets/{timesheetId}/approve`).
    pub request: String,
    /// The operation's summary.
    pub about: String,
}

/// The command tree for the README: each group with its commands.
pub fn command_table(api: &Api) -> Vec<(String, Vec<CommandRow>)> {
    naming::tree(api)
        .into_iter()
        .map(|group| {
            let commands = group
                .commands
                .into_iter()
                .map(|(op, name)| CommandRow {
                    name,
                    request: format!("{} {}", op.http_method.as_str(), op.path),
                    about: op
                        .docs
                        .summary
                        .as_deref()
                        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                        .unwrap_or_default(),
                })
                .collect();
            (group.name, commands)
        })
        .collect()
}
