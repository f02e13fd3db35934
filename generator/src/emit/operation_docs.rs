//! The rustdoc prose of operations: plain strings from the model, kept apart from the code
//! emit writes so each can be read (and tested) alone.

use super::rust::doc_text;
use crate::model::{Api, Operation, Param, Tag};

/// The module doc of a tag.
pub(super) fn tag_doc(tag: &Tag) -> String {
    match &tag.description {
        Some(description) => format!("{}: {}", tag.name, description.trim()),
        None => format!("Operations tagged {}.", tag.name),
    }
}

/// The rustdoc of `client.get_expenses()`: the spec's words, the request line, the parameters,
/// what it returns, its errors and an example.
pub(super) fn method_doc(op: &Operation, api: &Api, crate_name: &str) -> String {
    let mut text = doc_text(&op.docs, &op.id);
    text.push_str(&format!(
        "\n\n`{} {}` (operation `{}`). Set the parameters on the returned [`{}`], then call [`.send()`]({}::send){}.",
        op.http_method.as_str(),
        op.path,
        op.id,
        op.builder_name,
        op.builder_name,
        if op.paging.is_some() {
            format!(
                ", or page through the list with [`.pages()`]({b}::pages) or [`.stream()`]({b}::stream)",
                b = op.builder_name
            )
        } else {
            String::new()
        }
    ));
    let mut params: Vec<String> = op
        .params
        .iter()
        .map(|p| {
            param_line(
                &p.rust_name,
                p.location.as_str(),
                p.required,
                &p.docs,
                &p.constraints,
                p.default.as_deref(),
            )
        })
        .collect();
    if let Some(body) = &op.body {
        if body.fields.is_empty() {
            params.push(format!(
                "- `body` ({} body, {}): {}.",
                body.media_type,
                if body.required {
                    "required"
                } else {
                    "optional"
                },
                super::examples::data_doc(&body.ty)
            ));
        } else {
            for field in &body.fields {
                let default = field.field.default.as_ref().map(ToString::to_string);
                params.push(param_line(
                    &field.setter,
                    "body",
                    !field.field.is_optional(),
                    &field.field.docs,
                    &[],
                    default.as_deref(),
                ));
            }
        }
    }
    if !params.is_empty() {
        text.push_str("\n\n# Parameters\n\n");
        text.push_str(&params.join("\n"));
    }
    let returned = match &op.success.per_status {
        Some(answers) => format!("a [`{}`], one variant per success status", answers.name),
        None => super::examples::data_doc(&op.success.data),
    };
    text.push_str(&format!(
        "\n\n# Returns\n\nA [`Response`] whose `data` is {returned}."
    ));
    text.push_str(&format!("\n\n# Errors\n\n{}", errors_doc(op)));
    let (example, placeholders) = super::examples::doc_example(op, api, crate_name);
    text.push_str(&format!("\n\n# Example\n\n{example}"));
    if placeholders {
        text.push_str(
            "\n\nThe spec gives no example for some required values; the ones above are placeholders.",
        );
    }
    text
}

pub(super) fn param_doc(param: &Param) -> String {
    let mut text = doc_text(
        &param.docs,
        &format!("The `{}` parameter.", param.wire_name),
    );
    let place = param.location.as_str();
    let mut facts = vec![format!(
        "{} `{}` in the {place}",
        if param.required {
            "Required"
        } else {
            "Optional"
        },
        param.wire_name
    )];
    facts.extend(param.constraints.iter().cloned());
    if let Some(default) = &param.default {
        facts.push(format!("default `{default}`"));
    }
    if let Some(example) = &param.example {
        facts.push(format!("example `{example}`"));
    }
    text.push_str(&format!("\n\n{}.", facts.join("; ")));
    text
}

/// One line of a method's parameter list: name, place, whether required, the spec's words,
/// constraints and default.
pub(super) fn param_line(
    name: &str,
    place: &str,
    required: bool,
    docs: &crate::model::Docs,
    constraints: &[String],
    default: Option<&str>,
) -> String {
    let words = docs
        .description
        .as_deref()
        .or(docs.summary.as_deref())
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let mut line = format!(
        "- `{name}` ({place}, {})",
        if required { "required" } else { "optional" }
    );
    if !words.is_empty() {
        line.push_str(": ");
        line.push_str(words.trim_end_matches('.'));
    }
    let mut facts: Vec<String> = constraints.to_vec();
    if let Some(default) = default {
        facts.push(format!("default `{default}`"));
    }
    if !facts.is_empty() {
        line.push_str(&format!(" ({})", facts.join("; ")));
    }
    line.push('.');
    line
}

/// The errors of an operation: which statuses the spec documents, as [`Error`] variants.
pub(super) fn errors_doc(op: &Operation) -> String {
    let mut lines = vec![String::from(
        "Sending gives an [`Error`] when the request fails or the server refuses it:",
    )];
    for status in &op.error_statuses {
        let variant = match status {
            401 => "[`Error::Unauthorized`]",
            403 => "[`Error::Forbidden`]",
            404 => "[`Error::NotFound`]",
            422 => "[`Error::Validation`] (see `field_errors()`)",
            429 => "[`Error::RateLimited`] (retried as the retry policy allows)",
            _ => "[`Error::Api`]",
        };
        lines.push(format!("- {variant} on `{status}`;"));
    }
    if !op.error_statuses.contains(&429) {
        lines.push(
            "- [`Error::RateLimited`] on `429` (after the retries the retry policy allows);".into(),
        );
    }
    lines.push("- [`Error::Transport`] or [`Error::Decode`] when no usable answer arrives.".into());
    lines.join("\n")
}

pub(super) fn send_doc(op: &Operation) -> String {
    let mut text = String::from("Sends the request and decodes the answer.");
    let required: Vec<String> = op
        .required_setters()
        .iter()
        .map(|setter| format!("`{setter}`"))
        .collect();
    match required.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            " It compiles once {one} is set: a missing one is a compile error that names it."
        )),
        several => text.push_str(&format!(
            " It compiles once {} are set: each missing one is a compile error that names it.",
            several.join(", ")
        )),
    }
    text.push_str("\n\n# Errors\n\n");
    let statuses: Vec<String> = op.error_statuses.iter().map(u16::to_string).collect();
    if statuses.is_empty() {
        text.push_str("An [`Error`] when the request fails or the server refuses it.");
    } else {
        text.push_str(&format!(
            "An [`Error`] when the request fails or the server refuses it (the spec documents {}).",
            statuses.join(", ")
        ));
    }
    if let Some(errors) = &op.errors {
        let variants: Vec<String> = errors
            .variants
            .iter()
            .map(|variant| format!("`{}` ({})", variant.name, variant.status.key()))
            .collect();
        text.push_str(&format!(
            " Typed: `error.typed::<{name}>()` gives a [`{name}`]: {}.",
            variants.join(", "),
            name = errors.name
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::model::Docs;

    #[test]
    fn a_parameter_line_gives_place_need_words_and_facts() {
        let docs = Docs {
            description: Some("Page   number\nfor pagination.".into()),
            ..Docs::default()
        };
        let line = param_line(
            "page",
            "query",
            false,
            &docs,
            &["at least 1".into()],
            Some("1"),
        );
        assert_eq!(
            line,
            "- `page` (query, optional): Page number for pagination (at least 1; default `1`)."
        );
        assert_eq!(
            param_line("id", "path", true, &Docs::default(), &[], None),
            "- `id` (path, required)."
        );
    }

    #[test]
    fn send_docs_name_every_required_setter() -> Result<(), Diagnostic> {
        let spec = r"
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a/{id}:
    get:
      operationId: one
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses: {'204': {description: ok}}
    post:
      operationId: two
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        - {name: q, in: query, required: true, schema: {type: string}}
      responses: {'204': {description: ok}, '404': {description: no}}
  /b:
    get:
      operationId: none
      responses: {'204': {description: ok}}
";
        let path = Path::new("api.yaml");
        let api = crate::lower::lower(
            &crate::load::parse(path, spec)?,
            path,
            &crate::Config::default(),
        )?;
        let doc = |id: &str| {
            api.operations
                .iter()
                .find(|op| op.id == id)
                .map(send_doc)
                .unwrap_or_default()
        };
        assert!(doc("one").contains("It compiles once `id` is set"));
        assert!(doc("two").contains("It compiles once `id`, `q` are set"));
        assert!(doc("two").contains("(the spec documents 404)"));
        assert!(!doc("none").contains("compiles once"));
        assert!(!doc("one").contains("MissingParameter"));
        Ok(())
    }
}
