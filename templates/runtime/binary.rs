use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Raw bytes, for the spec's `format: binary`: a file in a `multipart/form-data` body, the
/// whole body of an upload (`application/octet-stream`, an image) or of a download.
///
/// An upload may carry a file name and a media type, which a multipart part or the request's
/// `Content-Type` then uses; a download carries the answer's `Content-Type`.
///
/// ```
/// let report = webwork_client::Binary::new(b"a,b\n1,2\n".to_vec())
///     .with_file_name("report.csv")
///     .with_content_type("text/csv");
/// assert_eq!(report.len(), 8);
/// assert_eq!(report.file_name(), Some("report.csv"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Binary {
    bytes: Vec<u8>,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl Binary {
    /// The bytes, with no file name or media type.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Binary {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// The file name a multipart part announces (`filename="report.csv"`).
    #[must_use]
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The media type sent with the bytes, instead of the one the spec names.
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, taken out.
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The number of bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are no bytes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The file name, when one was set.
    #[must_use]
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The media type: the one set on an upload, or the `Content-Type` of a download.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }
}

impl fmt::Debug for Binary {
    // A file's contents would flood a log line: show their size.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Binary")
            .field("len", &self.bytes.len())
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Binary::new(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Binary::new(bytes)
    }
}

impl<const N: usize> From<&[u8; N]> for Binary {
    fn from(bytes: &[u8; N]) -> Self {
        Binary::new(bytes.as_slice())
    }
}

impl From<String> for Binary {
    fn from(text: String) -> Self {
        Binary::new(text.into_bytes())
    }
}

impl From<&str> for Binary {
    fn from(text: &str) -> Self {
        Binary::new(text.as_bytes())
    }
}

impl From<Binary> for Vec<u8> {
    fn from(binary: Binary) -> Self {
        binary.bytes
    }
}

/// JSON has no bytes: where a JSON document holds `format: binary`, it is a string, whose
/// UTF-8 bytes these are (invalid UTF-8 is written with replacement characters).
impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from_utf8_lossy(&self.bytes))
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Binary::from)
    }
}

/// What a `format: binary` property of a multipart body holds: one file, none, or several.
#[allow(dead_code)] // For emitted code; see mod.rs.
pub(crate) trait FileParts {
    /// The files, in order.
    fn into_files(self) -> Vec<Binary>;
}

impl FileParts for Binary {
    fn into_files(self) -> Vec<Binary> {
        vec![self]
    }
}

impl FileParts for Vec<Binary> {
    fn into_files(self) -> Vec<Binary> {
        self
    }
}

impl<T: FileParts> FileParts for Option<T> {
    fn into_files(self) -> Vec<Binary> {
        self.map(FileParts::into_files).unwrap_or_default()
    }
}

impl<T: FileParts> FileParts for Box<T> {
    fn into_files(self) -> Vec<Binary> {
        (*self).into_files()
    }
}
