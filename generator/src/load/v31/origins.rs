//! Where the rewritten document's places were in the 3.1 document: the front end moves a few
//! subtrees (a `$ref` with siblings goes into an `allOf`, a `null` alternative leaves its
//! `anyOf`, `webhooks` becomes an extension), and every error found later names the place the
//! author wrote.

use crate::diagnostics::{Diagnostic, Location, Pointer};

/// Moves from the original document to the rewritten one, as pointer prefixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    /// `(rewritten, original)`: what is at or below `rewritten` was at or below `original`.
    moves: Vec<(String, String)>,
}

impl Origins {
    /// Records that the subtree now at `rewritten` was written at `original`.
    pub fn moved(&mut self, rewritten: &Pointer, original: &Pointer) {
        let (rewritten, original) = (rewritten.to_string(), original.to_string());
        if rewritten != original {
            self.moves.push((rewritten, original));
        }
    }

    /// Whether nothing moved.
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
    }

    /// The original place of `pointer` (a `#/...` pointer of the rewritten document): the
    /// longest recorded prefix decides.
    pub fn original(&self, pointer: &str) -> String {
        let best = self
            .moves
            .iter()
            .filter(|(rewritten, _)| {
                pointer == rewritten
                    || pointer
                        .strip_prefix(rewritten.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .max_by_key(|(rewritten, _)| rewritten.len());
        match best {
            Some((rewritten, original)) => format!("{original}{}", &pointer[rewritten.len()..]),
            None => pointer.to_string(),
        }
    }

    /// `diagnostic`, located in the original document.
    pub fn restore(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        if let Location::Pointer(pointer) = &diagnostic.location {
            diagnostic.location = Location::Pointer(self.original(pointer));
        }
        diagnostic
    }
}

#[cfg(test)]
mod tests {
    use super::Origins;
    use crate::diagnostics::Pointer;

    #[test]
    fn the_longest_move_decides() {
        let root = Pointer::root();
        let schema = root.join("components").join("schemas").join("A");
        let mut origins = Origins::default();
        origins.moved(&schema.join("allOf").join(0), &schema);
        origins.moved(&root.join("x-oas31-webhooks"), &root.join("webhooks"));
        assert_eq!(
            origins.original("#/components/schemas/A/allOf/0/$ref"),
            "#/components/schemas/A/$ref"
        );
        assert_eq!(
            origins.original("#/components/schemas/A/allOf/01"),
            "#/components/schemas/A/allOf/01"
        );
        assert_eq!(
            origins.original("#/x-oas31-webhooks/newPet/post"),
            "#/webhooks/newPet/post"
        );
        assert_eq!(origins.original("#/paths"), "#/paths");
    }
}
