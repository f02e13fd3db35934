//! `src/commands/` of the CLI crate: the command tree as data, one module and constant per
//! group.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::flags::{self, Encoding, Flag, Kind, Location};
use super::naming;
use crate::model::{Api, Operation};

/// The names the binary is known by.
pub(super) struct Names<'a> {
    /// The binary (`webwork`).
    pub binary: &'a str,
    /// The environment variables' prefix (`WEBWORK`).
    pub env_prefix: String,
}

/// The files of `src/commands/`: `mod.rs` with [`APP`](the command line) and the list of
/// groups, then one module per group (its tag's module name), in the tree's order.
pub(super) fn commands_files(api: &Api, names: &Names<'_>) -> Vec<(String, TokenStream)> {
    let tree = naming::tree(api);
    let mut files = vec![("src/commands/mod.rs".to_string(), mod_rs(api, &tree, names))];
    for group in &tree {
        files.push((
            format!("src/commands/{}.rs", group.tag.file_stem()),
            group_rs(api, group, names),
        ));
    }
    files
}

/// The tokens of `src/commands/mod.rs`: the groups' modules and `APP`.
fn mod_rs(api: &Api, tree: &[naming::NamedGroup<'_>], names: &Names<'_>) -> TokenStream {
    let modules: Vec<proc_macro2::Ident> = tree
        .iter()
        .map(|group| format_ident!("{}", group.tag.module))
        .collect();
    let groups = tree.iter().zip(&modules).map(|(group, module)| {
        let ident = group_ident(&group.tag.module);
        quote!(#module::#ident)
    });
    let binary = names.binary;
    let version = &api.version;
    let about = format!("A command line for {}", api.title);
    let base_url = &api.base_url;
    let token_env = format!("{}_TOKEN", names.env_prefix);
    let config_env = format!("{}_CONFIG_DIR", names.env_prefix);
    let module_doc = format!(
        " The command tree of `{binary}`: one group per tag of the spec, one command per operation (see the README for the naming rule); each group in its own module."
    );
    quote! {
        #![doc = #module_doc]
        use crate::runtime::spec::App;

        #(mod #modules;)*

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
    }
}

/// The tokens of one group's module: its constant.
fn group_rs(api: &Api, group: &naming::NamedGroup<'_>, names: &Names<'_>) -> TokenStream {
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
    let module_doc = format!(" The group `{} {name}` of the command tree.", names.binary);
    let ops: Vec<&Operation> = operations.iter().map(|(op, _)| *op).collect();
    let used = uses(api, &ops);
    let commands = operations
        .iter()
        .map(|(op, command)| operation(api, op, command));
    quote! {
        #![doc = #module_doc]
        use crate::runtime::spec::{#(#used),*};

        #[doc = #doc]
        pub(super) const #ident: Group = Group {
            name: #name,
            about: #about,
            commands: &[#(#commands),*],
        };
    }
}

/// The runtime's names one group's module uses (an unused import would be a warning).
fn uses(api: &Api, operations: &[&Operation]) -> Vec<proc_macro2::Ident> {
    let mut names = vec!["Group", "Operation"];
    let any_flag = operations
        .iter()
        .any(|op| !flags::flags(api, op).is_empty());
    if any_flag {
        names.extend(["Kind", "Location", "Param"]);
    }
    if operations
        .iter()
        .any(|op| flags::body_encoding(op).is_some())
    {
        names.extend(["BodyEncoding", "BodyInput"]);
    }
    if operations
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
    let body = match flags::body_encoding(op) {
        Some(input) => {
            let required = op.body.as_ref().is_some_and(|b| b.required);
            let encoding = match input {
                Encoding::Json => quote!(BodyEncoding::Json),
                Encoding::Form => quote!(BodyEncoding::Form),
                Encoding::Raw(media_type) => quote!(BodyEncoding::Raw(#media_type)),
            };
            quote!(Some(BodyInput { required: #required, encoding: #encoding }))
        }
        None => quote!(None),
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
        Location::JoinedQuery(separator) => quote!(Location::JoinedQuery(#separator)),
        Location::Header => quote!(Location::Header),
        Location::Cookie => quote!(Location::Cookie),
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
    format_ident!("{}", crate::model::module_file_stem(module).to_uppercase())
}
