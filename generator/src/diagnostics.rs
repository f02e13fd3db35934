//! The generator's one error type. Every problem found in a spec is reported as a value that
//! names the file and where in it the problem is; nothing in the pipeline panics on bad input.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A JSON pointer into the document, e.g. `#/paths/~1expenses/get/parameters/2`.
    Pointer(String),
    /// A line and column (1-based), for problems found before the document has a structure.
    LineColumn { line: usize, column: usize },
    /// The whole file.
    File,
}

/// A problem with the input (or with writing the output), ready to show to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a JSON pointer of `file`.
    pub fn at(file: &Path, pointer: &Pointer, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            location: Location::Pointer(pointer.to_string()),
            message: message.into(),
        }
    }

    /// A problem with `file` as a whole.
    pub fn file(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            location: Location::File,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match &self.location {
            Location::Pointer(pointer) => write!(f, "{file}: at {pointer}: {}", self.message),
            Location::LineColumn { line, column } => {
                write!(f, "{file}:{line}:{column}: {}", self.message)
            }
            Location::File => write!(f, "{file}: {}", self.message),
        }
    }
}

impl std::error::Error for Diagnostic {}

/// A JSON pointer under construction (RFC 6901), built segment by segment as the pipeline walks
/// the document, so that any problem can say exactly where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the document root, `#`.
    pub fn root() -> Self {
        Pointer(String::new())
    }

    /// Parses the fragment of a local `$ref` (`#/components/schemas/Expense`).
    pub fn from_ref(reference: &str) -> Option<Self> {
        reference
            .strip_prefix('#')
            .filter(|rest| rest.is_empty() || rest.starts_with('/'))
            .map(|rest| Pointer(rest.to_string()))
    }

    /// This pointer extended by one segment (escaped as RFC 6901 requires).
    pub fn join(&self, segment: impl fmt::Display) -> Self {
        let escaped = segment.to_string().replace('~', "~0").replace('/', "~1");
        Pointer(format!("{}/{escaped}", self.0))
    }

    /// The unescaped segments of the pointer.
    pub fn segments(&self) -> Vec<String> {
        self.0
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect()
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
