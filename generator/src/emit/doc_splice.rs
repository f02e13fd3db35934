//! Doc comments spliced in after formatting, instead of going through `syn` and prettyplease.
//!
//! A large description's files are mostly doc text (GitHub's: every operation, field and
//! variant documented), and every line of it as a `#[doc = "..."]` token is copied into syn's
//! token buffer, parsed as an attribute, unescaped and printed again, only to come out as
//! `/// line`. While a file is emitted inside [`collecting`], [`doc_lines`](super::rust) writes
//! one placeholder attribute per doc comment and keeps its lines here; [`splice`] then puts the
//! lines where prettyplease printed the placeholder, at its indentation, exactly as
//! prettyplease would have printed them. A file whose placeholders do not all come out as
//! comment lines (a doc comment inside a macro's tokens) is made again without placeholders.

use std::cell::RefCell;

use proc_macro2::TokenStream;
use quote::quote;

/// Starts every placeholder's text: a control character no spec's prose holds, so that a
/// placeholder is never mistaken for doc text (and if one were, [`splice`] would refuse).
const MARKER: &str = "\u{1}doc";

thread_local! {
    /// The doc comments of the file being emitted on this thread, while [`collecting`].
    static COLLECTED: RefCell<Option<Vec<Comment>>> = const { RefCell::new(None) };
}

/// One doc comment: its lines as `#[doc]` values, and whether it is inner (`//!`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    lines: Vec<String>,
    inner: bool,
}

/// Runs `emit` with doc comments collected rather than written out; gives its result and the
/// comments its placeholders stand for.
pub(crate) fn collecting<R>(emit: impl FnOnce() -> R) -> (R, Vec<Comment>) {
    /// Puts back what was collected before, even when `emit` panics (the caller catches a
    /// panic and goes on with the thread's next file).
    struct Restore(Option<Option<Vec<Comment>>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(outer) = self.0.take() {
                COLLECTED.with(|collected| collected.replace(outer));
            }
        }
    }
    let mut restore = Restore(Some(
        COLLECTED.with(|collected| collected.replace(Some(Vec::new()))),
    ));
    let result = emit();
    let outer = restore.0.take().unwrap_or_default();
    let comments = COLLECTED
        .with(|collected| collected.replace(outer))
        .unwrap_or_default();
    (result, comments)
}

/// The placeholder attribute of a doc comment of `lines`, when comments are being collected.
pub(crate) fn placeholder(lines: &[String], inner: bool) -> Option<TokenStream> {
    COLLECTED.with(|collected| {
        let mut collected = collected.borrow_mut();
        let comments = collected.as_mut()?;
        let text = format!("{MARKER}{}", comments.len());
        comments.push(Comment {
            lines: lines.to_vec(),
            inner,
        });
        Some(if inner {
            quote!(#![doc = #text])
        } else {
            quote!(#[doc = #text])
        })
    })
}

/// `formatted` with each placeholder line replaced by its comment's lines; `None` when a
/// placeholder is not found, exactly once, on a line of its own.
pub(crate) fn splice(formatted: &str, comments: &[Comment]) -> Option<String> {
    if comments.is_empty() {
        return Some(formatted.to_string());
    }
    let mut seen = vec![false; comments.len()];
    let mut out = String::with_capacity(formatted.len() + comments.len() * 80);
    for line in formatted.split_inclusive('\n') {
        let Some((indent, index, inner)) = placeholder_line(line) else {
            if line.contains(MARKER) {
                return None;
            }
            out.push_str(line);
            continue;
        };
        let comment = comments.get(index)?;
        if comment.inner != inner || std::mem::replace(&mut seen[index], true) {
            return None;
        }
        let slashes = if inner { "//!" } else { "///" };
        for text in &comment.lines {
            // As prettyplease writes a `#[doc]` line: its text after the slashes, trailing
            // spaces trimmed.
            out.push_str(indent);
            out.push_str(slashes);
            out.push_str(text.trim_end_matches(' '));
            out.push('\n');
        }
    }
    seen.iter().all(|&seen| seen).then_some(out)
}

/// A placeholder's line (`    ///\u{1}doc12`): its indentation, the comment's index, whether
/// it is inner.
fn placeholder_line(line: &str) -> Option<(&str, usize, bool)> {
    let body = line.trim_end_matches('\n');
    let text = body.trim_start_matches(' ');
    let indent = &body[..body.len() - text.len()];
    let (rest, inner) = match (text.strip_prefix("///"), text.strip_prefix("//!")) {
        (Some(rest), _) => (rest, false),
        (None, Some(rest)) => (rest, true),
        (None, None) => return None,
    };
    let index = rest.strip_prefix(MARKER)?.parse().ok()?;
    Some((indent, index, inner))
}

/// Whether every line of a doc comment comes out of prettyplease as a `///` or `//!` line,
/// which is what [`splice`] writes: outer lines starting with `/` are printed otherwise.
pub(crate) fn splices_as_lines(lines: &[String], inner: bool) -> bool {
    inner || lines.iter().all(|line| !line.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Outcome = Result<(), Box<dyn std::error::Error>>;

    fn format(tokens: TokenStream) -> Result<String, syn::Error> {
        Ok(prettyplease::unparse(&syn::parse2(tokens)?))
    }

    #[test]
    fn spliced_comments_are_what_prettyplease_prints() -> Outcome {
        let lines = vec![
            " First line.".to_string(),
            String::new(),
            " Indented  ".to_string(),
        ];
        let outer = lines.iter().map(|line| quote!(#[doc = #line]));
        let direct = quote!(#(#outer)*);
        let inner = vec![" The module.".to_string()];
        let direct_inner = inner.iter().map(|line| quote!(#![doc = #line]));
        let expected = format(quote! {
            #(#direct_inner)*
            mod m {
                #direct
                pub struct S {
                    #direct
                    pub field: u8,
                }
            }
        })?;
        let (tokens, comments) = collecting(|| {
            let module = placeholder(&inner, true);
            let item = placeholder(&lines, false);
            let field = placeholder(&lines, false);
            quote! {
                #module
                mod m {
                    #item
                    pub struct S {
                        #field
                        pub field: u8,
                    }
                }
            }
        });
        assert_eq!(comments.len(), 3);
        assert_eq!(splice(&format(tokens)?, &comments), Some(expected));
        Ok(())
    }

    #[test]
    fn outside_collecting_there_is_no_placeholder() {
        assert!(placeholder(&[" x".to_string()], false).is_none());
    }

    #[test]
    fn a_panic_while_collecting_leaves_nothing_collecting() {
        let panicked = std::panic::catch_unwind(|| {
            collecting(|| {
                let _ = placeholder(&[" x".to_string()], false);
                std::panic::resume_unwind(Box::new("a bug"));
            })
        });
        assert!(panicked.is_err());
        assert!(placeholder(&[" x".to_string()], false).is_none());
    }

    #[test]
    fn a_placeholder_not_on_a_line_of_its_own_is_refused() -> Outcome {
        let (tokens, comments) = collecting(|| {
            let doc = placeholder(&[" In a macro.".to_string()], false);
            quote!(
                macro_rules! m { () => { #doc struct S; }; }
            )
        });
        assert_eq!(comments.len(), 1);
        assert_eq!(splice(&format(tokens)?, &comments), None);
        Ok(())
    }
}
