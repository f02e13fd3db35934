//! `src/commands.rs` of the CLI crate: the command tree as data, one constant per group.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::flags::{self, Flag, Kind, Location};
use super::naming;
use crate::model::{Api, Operation};

/// The names the binary is known by.
pub(super) struct Names<'a> {
    /// The binary (`webwork`).
    pub binary: &'a str,
    /// The environment variables' prefix (`WEBWORK`).
    pub env_prefix: String,
}

/// The tokens of `src/commands.rs`.
pub(super) fn commands_rs(api: &Api, names: &Names<'_>) -> TokenStream {
    let tree = naming::tree(api);
    let group_consts = tree.iter().map(|group| {
        let (tag, name, operations) = (group.tag, &group.name, &group.commands);
        let ident = group_ident(&tag.module);
        let about = tag
            .description
            .as_deref()
            .map(|d| {
                flags::help_text(&crate::model::Docs {
                    summary: None,
                    description: Some(d.to_string()),
                    notes: Vec::new(),
                })
            })
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| tag.name.clone());
        let doc = format!(
            " `{} {name}`: the operations tagged {}.",
            names.binary, tag.name
        );
        let commands = operations
            .iter()
            .map(|(op, command)| operation(api, op, command));
        quote! {
            #[doc = #doc]
            const #ident: Group = Group {
                name: #name,
                about: #about,
                commands: &[#(#commands),*],
            };
        }
    });
    let groups = tree.iter().map(|group| group_ident(&group.tag.module));
    let binary = names.binary;
    let version = &api.version;
    let about = format!("A command line for {}", api.title);
    let base_url = &api.base_url;
    let token_env = format!("{}_TOKEN", names.env_prefix);
    let config_env = format!("{}_CONFIG_DIR", names.env_prefix);
    let module_doc = format!(
        " The command tree of `{binary}`: one group per tag of the spec, one command per operation (see the README for the naming rule)."
    );
    let used = uses(api);
    quote! {
        #![doc = #module_doc]
        use crate::runtime::spec::{#(#used),*};

        /// The command line.
        pub const APP: App = App {
            name: #binary,
            version: #version,
            about: #about,
            default_base_url: #base_url,
            token_env: #token_env,
            config_env: #config_env,
            groups: &[#(#groups),*],
        };

        #(#group_consts)*
    }
}

/// The runtime's names `commands.rs` uses (an unused import would be a warning).
fn uses(api: &Api) -> Vec<proc_macro2::Ident> {
    let mut names = vec!["App"];
    if !api.operations.is_empty() {
        names.extend(["Group", "Operation"]);
    }
    let all_flags: Vec<Flag> = api
        .operations
        .iter()
        .flat_map(|op| flags::flags(api, op))
        .collect();
    if !all_flags.is_empty() {
        names.extend(["Kind", "Location", "Param"]);
    }
    if api.operations.iter().any(flags::json_body) {
        names.push("BodyInput");
    }
    if api
        .operations
        .iter()
        .any(|op| op.paging.is_some() && page_parameter(op).is_some())
    {
        names.push("Paging");
    }
    names.sort_unstable();
    names.into_iter().map(|n| format_ident!("{n}")).collect()
}

/// The page number's query parameter of a paginated operation.
pub(super) fn page_parameter(operation: &Operation) -> Option<&str> {
    let paging = operation.paging.as_ref()?;
    operation
        .params
        .iter()
        .find(|p| p.rust_name == paging.page_setter)
        .map(|p| p.wire_name.as_str())
}

fn operation(api: &Api, op: &Operation, command: &str) -> TokenStream {
    let about = op
        .docs
        .summary
        .clone()
        .map(|s| {
            flags::help_text(&crate::model::Docs {
                summary: Some(s),
                description: None,
                notes: Vec::new(),
            })
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{} {}", op.http_method.as_str(), op.path));
    let mut long = Vec::new();
    if let Some(summary) = &op.docs.summary {
        long.push(summary.trim().to_string());
    }
    if let Some(description) = &op.docs.description {
        long.push(description.trim().to_string());
    }
    if op.deprecated {
        long.push("Deprecated.".to_string());
    }
    long.push(format!("{} {}", op.http_method.as_str(), op.path));
    let long = long.join("\n\n");
    let operation_id = &op.id;
    let method = op.http_method.as_str();
    let path = &op.path;
    let params = flags::flags(api, op).into_iter().map(|flag| param(&flag));
    let body = if flags::json_body(op) {
        let required = op.body.as_ref().is_some_and(|b| b.required);
        quote!(Some(BodyInput { required: #required }))
    } else {
        quote!(None)
    };
    let paging = match page_parameter(op) {
        Some(page) => quote!(Some(Paging { page: #page })),
        None => quote!(None),
    };
    let data = op.paging.as_ref().map_or(&op.success.data, |p| &p.item);
    let columns = flags::columns(api, data);
    quote! {
        Operation {
            name: #command,
            id: #operation_id,
            about: #about,
            long_about: Some(#long),
            method: #method,
            path: #path,
            params: &[#(#params),*],
            body: #body,
            paging: #paging,
            columns: &[#(#columns),*],
        }
    }
}

fn param(flag: &Flag) -> TokenStream {
    let Flag {
        flag: name,
        wire,
        required,
        repeated,
        help,
        ..
    } = flag;
    let location = match flag.location {
        Location::Path => quote!(Location::Path),
        Location::Query => quote!(Location::Query),
        Location::Header => quote!(Location::Header),
        Location::Body => quote!(Location::Body),
    };
    let kind = match &flag.kind {
        Kind::Text => quote!(Kind::Text),
        Kind::Integer => quote!(Kind::Integer),
        Kind::Number => quote!(Kind::Number),
        Kind::Boolean => quote!(Kind::Boolean),
        Kind::Date => quote!(Kind::Date),
        Kind::DateTime => quote!(Kind::DateTime),
        Kind::Uuid => quote!(Kind::Uuid),
        Kind::Enum(values) => quote!(Kind::Enum(&[#(#values),*])),
        Kind::Json => quote!(Kind::Json),
    };
    quote! {
        Param {
            flag: #name,
            wire: #wire,
            location: #location,
            kind: #kind,
            required: #required,
            repeated: #repeated,
            help: #help,
        }
    }
}

/// The constant of a group: its tag module's name in capitals.
fn group_ident(module: &str) -> proc_macro2::Ident {
    format_ident!("{}", module.trim_start_matches("r#").to_uppercase())
}
