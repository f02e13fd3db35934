//! The one place where names from the spec become Rust names.
//!
//! Every identifier the emitters write comes from a function here, so that keywords, leading
//! digits, punctuation and collisions are handled the same way everywhere.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be identifiers as they are; a trailing `_` makes them usable.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A field, parameter, method or module name: `snake_case`, never a keyword.
pub fn snake(raw: &str) -> String {
    let name = clean(raw).to_snake_case();
    let name = if name.is_empty() {
        "value".to_string()
    } else {
        name
    };
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{name}")
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The field that keeps a struct's unnamed properties (`additionalProperties`): `extra`, or
/// `additional_properties` when a property already has that name, or the first free
/// `extra_2`, `extra_3`, ...
pub fn extra_field(field_names: &[&str]) -> String {
    ["extra".to_string(), "additional_properties".to_string()]
        .into_iter()
        .chain((2..).map(|n| format!("extra_{n}")))
        .find(|name| !field_names.contains(&name.as_str()))
        .unwrap_or_default()
}

/// A type or variant name: `UpperCamelCase`, never a keyword, never starting with a digit.
pub fn camel(raw: &str) -> String {
    let name = clean(raw).to_upper_camel_case();
    if name.is_empty() {
        return "Empty".to_string();
    }
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}Type")
    } else {
        name
    }
}

/// Whether `name` can be used as it is for a type: ASCII letters and digits, starting with an
/// upper-case letter, not a keyword. Names given in the configuration must pass this.
pub fn is_type_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Whether `name` can be used as it is for a field: lower-case ASCII letters, digits and `_`,
/// not starting with a digit, not a keyword, not `_` alone.
pub fn is_field_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name != "_"
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Keeps letters and digits, turning everything else into word breaks, so that `non-billable`,
/// `Project viewer` and `per.page` all split into words heck understands.
fn clean(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// Hands out names that are unique within one scope (a module, a struct, an enum), resolving
/// collisions deterministically by appending the smallest free number.
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` are already taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Scope {
            taken: reserved.into_iter().map(str::to_string).collect(),
        }
    }

    /// `wanted`, or `wanted2`, `wanted3`, ... whichever is free first; the result is taken.
    pub fn claim(&mut self, wanted: &str) -> String {
        let name = if self.taken.contains(wanted) {
            // `v1` -> `v1_2`; `self_` -> `self_2` (never a double underscore).
            let separator = if wanted.ends_with(|c: char| c.is_ascii_digit()) {
                "_"
            } else {
                ""
            };
            (2..)
                .map(|n| format!("{wanted}{separator}{n}"))
                .find(|candidate| !self.taken.contains(candidate))
                .unwrap_or_default()
        } else {
            wanted.to_string()
        };
        self.taken.insert(name.clone());
        name
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_handles_keywords_digits_and_punctuation() {
        assert_eq!(snake("workspace_id"), "workspace_id");
        assert_eq!(snake("expenseId"), "expense_id");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("async"), "async_");
        assert_eq!(snake("2fa"), "n2fa");
        assert_eq!(snake("per.page"), "per_page");
        assert_eq!(snake(""), "value");
    }

    #[test]
    fn camel_handles_enum_values() {
        assert_eq!(camel("non-billable"), "NonBillable");
        assert_eq!(camel("Project viewer"), "ProjectViewer");
        assert_eq!(camel("video_full_silent"), "VideoFullSilent");
        assert_eq!(camel("10"), "V10");
        assert_eq!(camel(""), "Empty");
        assert_eq!(camel("self"), "SelfType");
    }

    #[test]
    fn rust_keywords_never_come_out_as_they_are() {
        for keyword in [
            "type", "ref", "self", "match", "async", "fn", "crate", "super",
        ] {
            let field = snake(keyword);
            assert!(is_field_identifier(&field), "{keyword} -> {field}");
            let ty = camel(keyword);
            assert!(is_type_identifier(&ty), "{keyword} -> {ty}");
        }
        assert_eq!(camel("Self"), "SelfType");
        assert_eq!(snake("Self"), "self_");
    }

    #[test]
    fn identifiers_are_checked() {
        assert!(is_type_identifier("HTTPResponse"));
        assert!(!is_type_identifier("Self"));
        assert!(!is_type_identifier("2Fa"));
        assert!(!is_type_identifier("lower"));
        assert!(!is_type_identifier("Has-Dash"));
        assert!(is_field_identifier("kind_"));
        assert!(!is_field_identifier("type"));
        assert!(!is_field_identifier("_"));
        assert!(!is_field_identifier("Upper"));
    }

    #[test]
    fn names_that_collide_after_conversion_are_numbered() {
        let mut scope = Scope::default();
        let a = scope.claim(&camel("pet_owner"));
        let b = scope.claim(&camel("PetOwner"));
        let c = scope.claim(&camel("pet-owner"));
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("PetOwner", "PetOwner2", "PetOwner3")
        );
    }

    #[test]
    fn scope_resolves_collisions_in_order() {
        let mut scope = Scope::with_reserved(["client"]);
        assert_eq!(scope.claim("client"), "client2");
        assert_eq!(scope.claim("name"), "name");
        assert_eq!(scope.claim("name"), "name2");
        assert_eq!(scope.claim("name"), "name3");
        assert_eq!(scope.claim("v1"), "v1");
        assert_eq!(scope.claim("v1"), "v1_2");
        assert_eq!(scope.claim("self_"), "self_");
        assert_eq!(scope.claim("self_"), "self_2");
    }

    #[test]
    fn the_field_of_unnamed_properties_avoids_the_named_ones() {
        assert_eq!(extra_field(&["name"]), "extra");
        assert_eq!(extra_field(&["extra"]), "additional_properties");
        assert_eq!(
            extra_field(&["extra", "additional_properties", "extra_2"]),
            "extra_3"
        );
    }
}
