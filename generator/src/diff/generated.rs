//! What changes in the generated crate: files, and public items found by parsing each Rust file
//! with `syn` (functions and methods by signature, types by their fields or variants).

use std::collections::BTreeMap;

use quote::ToTokens;

use crate::write::GeneratedFile;

/// Files and public items added, removed and changed in the generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrateSummary {
    /// Files only the new crate has.
    pub files_added: Vec<String>,
    /// Files only the old crate has.
    pub files_removed: Vec<String>,
    /// Files whose contents differ.
    pub files_changed: Vec<String>,
    /// Public items only the new crate has (`fn operations::expenses::Client::get_expenses`).
    pub items_added: Vec<String>,
    /// Public items only the old crate has.
    pub items_removed: Vec<String>,
    /// Public items whose signature, fields or variants differ.
    pub items_changed: Vec<String>,
}

impl CrateSummary {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.files_added.is_empty()
            && self.files_removed.is_empty()
            && self.files_changed.is_empty()
    }
}

/// Compares the files of two generated crates.
pub fn summarize(old: &[GeneratedFile], new: &[GeneratedFile]) -> CrateSummary {
    let files = |files: &[GeneratedFile]| {
        files
            .iter()
            .map(|f| (f.path.clone(), f.contents.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let (old, new) = (files(old), files(new));
    let mut summary = CrateSummary::default();
    for (path, contents) in &old {
        match new.get(path) {
            None => summary.files_removed.push(path.clone()),
            Some(other) if other != contents => summary.files_changed.push(path.clone()),
            Some(_) => {}
        }
    }
    summary.files_added = new
        .keys()
        .filter(|p| !old.contains_key(*p))
        .cloned()
        .collect();
    let items = |files: &BTreeMap<String, String>| {
        let mut items = BTreeMap::new();
        for (path, contents) in files {
            public_items(path, contents, &mut items);
        }
        items
    };
    let (old_items, new_items) = (items(&old), items(&new));
    for (name, signature) in &old_items {
        match new_items.get(name) {
            None => summary.items_removed.push(name.clone()),
            Some(other) if other != signature => summary.items_changed.push(name.clone()),
            Some(_) => {}
        }
    }
    summary.items_added = new_items
        .keys()
        .filter(|n| !old_items.contains_key(*n))
        .cloned()
        .collect();
    summary
}

/// The module path of a source file: `src/operations/expenses.rs` -> `operations::expenses`.
fn module_of(path: &str) -> Option<String> {
    let rest = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    if rest == "lib" {
        return Some(String::new());
    }
    Some(rest.strip_suffix("/mod").unwrap_or(rest).replace('/', "::"))
}

fn tokens(item: &impl ToTokens) -> String {
    item.to_token_stream().to_string()
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// Adds the public items of one file to `out`, as `kind path` -> signature.
fn public_items(path: &str, contents: &str, out: &mut BTreeMap<String, String>) {
    let Some(module) = module_of(path) else {
        return;
    };
    let Ok(file) = syn::parse_file(contents) else {
        out.insert(format!("file {path}"), contents.to_string());
        return;
    };
    let qualify = |name: &str| {
        if module.is_empty() {
            name.to_string()
        } else {
            format!("{module}::{name}")
        }
    };
    for item in &file.items {
        for (kind, name, shape) in item_entries(item) {
            out.insert(format!("{kind} {}", qualify(&name)), shape);
        }
    }
}

/// One public thing: what kind of item it is (`fn`, `struct`, `impl Display for`, ...), its
/// name in its module, and its shape, whose change is a changed item.
type Entry = (String, String, String);

/// What one item adds to the public surface.
fn item_entries(item: &syn::Item) -> Vec<Entry> {
    let one =
        |kind: &str, ident: &syn::Ident, shape| vec![(kind.to_string(), ident.to_string(), shape)];
    match item {
        syn::Item::Fn(f) if is_pub(&f.vis) => one("fn", &f.sig.ident, tokens(&f.sig)),
        syn::Item::Struct(s) if is_pub(&s.vis) => one("struct", &s.ident, struct_shape(s)),
        syn::Item::Enum(e) if is_pub(&e.vis) => one("enum", &e.ident, enum_shape(e)),
        syn::Item::Type(t) if is_pub(&t.vis) => one("type", &t.ident, tokens(&t.ty)),
        syn::Item::Const(c) if is_pub(&c.vis) => one("const", &c.ident, tokens(&c.ty)),
        syn::Item::Trait(t) if is_pub(&t.vis) => one("trait", &t.ident, String::new()),
        syn::Item::Mod(m) if is_pub(&m.vis) => one("mod", &m.ident, String::new()),
        syn::Item::Use(u) if is_pub(&u.vis) => {
            vec![(
                "use".into(),
                tokens(&u.tree).replace(' ', ""),
                String::new(),
            )]
        }
        syn::Item::Impl(i) => impl_entries(i),
        _ => Vec::new(),
    }
}

/// A struct's generics and public fields (sorted: field order does not matter to struct
/// literals or field access).
fn struct_shape(s: &syn::ItemStruct) -> String {
    let mut fields: Vec<String> = s
        .fields
        .iter()
        .filter(|f| is_pub(&f.vis))
        .map(|f| {
            let name = f
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("{name}: {}", tokens(&f.ty))
        })
        .collect();
    fields.sort();
    format!("{} {}", tokens(&s.generics), fields.join(", "))
}

/// An enum's variants with their fields, sorted.
fn enum_shape(e: &syn::ItemEnum) -> String {
    let mut variants: Vec<String> = e
        .variants
        .iter()
        .map(|v| {
            let fields: Vec<String> = v.fields.iter().map(|f| tokens(&f.ty)).collect();
            format!("{}({})", v.ident, fields.join(", "))
        })
        .collect();
    variants.sort();
    variants.join(", ")
}

/// A trait impl, or the public methods of an inherent impl. A method is named by its type
/// without generic arguments (a builder's `send` is the same method whatever states track its
/// required parameters); the impl's generics are part of its shape, so a change to them shows
/// as a changed method, not a removed one and an added one.
fn impl_entries(i: &syn::ItemImpl) -> Vec<Entry> {
    let self_ty = tokens(&i.self_ty).replace(' ', "");
    if let Some((_, trait_path, _)) = &i.trait_ {
        let trait_name = tokens(trait_path).replace(' ', "");
        return vec![(format!("impl {trait_name} for"), self_ty, String::new())];
    }
    let type_name = self_ty.split('<').next().unwrap_or(&self_ty).to_string();
    i.items
        .iter()
        .filter_map(|member| match member {
            syn::ImplItem::Fn(f) if is_pub(&f.vis) => Some((
                "fn".to_string(),
                format!("{type_name}::{}", f.sig.ident),
                format!("{} {}", self_ty, tokens(&f.sig)),
            )),
            _ => None,
        })
        .collect()
}
