// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! `multipart/form-data` bodies (RFC 7578), encoded in memory.
//!
//! reqwest's own `multipart::Form` is a one-shot stream, so a request built with it could not
//! be sent again by the retry loop; this encoder yields bytes that can.

use serde::Serialize;
use serde_json::Value;

use super::binary::FileParts;
use super::Error;

/// How every boundary begins: the crate's name, so that a body's maker is plain to see.
const BOUNDARY_PREFIX: &str = concat!(env!("CARGO_PKG_NAME"), "-boundary-");

/// The parts of a multipart body, in the order they are added.
#[derive(Debug, Default)]
pub(crate) struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug)]
struct Part {
    name: &'static str,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

impl Multipart {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds a property that is not a file: a string, number or boolean as its text, each item
    /// of an array of those as a part of its own, an object (or an array of objects) as one
    /// JSON part. `null` and an unset property add nothing.
    pub(crate) fn value(
        &mut self,
        name: &'static str,
        value: &impl Serialize,
    ) -> Result<(), Error> {
        let value = serde_json::to_value(value).map_err(|source| Error::Encode { source })?;
        match value {
            Value::Array(items) if items.iter().all(is_scalar) => {
                for item in items {
                    self.scalar(name, item);
                }
            }
            Value::Array(_) | Value::Object(_) => self.parts.push(Part {
                name,
                file_name: None,
                content_type: Some("application/json".into()),
                bytes: value.to_string().into_bytes(),
            }),
            scalar => self.scalar(name, scalar),
        }
        Ok(())
    }

    fn scalar(&mut self, name: &'static str, value: Value) {
        let text = match value {
            Value::Null => return,
            Value::String(text) => text,
            other => other.to_string(),
        };
        self.parts.push(Part {
            name,
            file_name: None,
            content_type: None,
            bytes: text.into_bytes(),
        });
    }

    /// Adds a `format: binary` property: a part per file. `content_type` is what the spec's
    /// `encoding` names for it; a file's own media type wins over it.
    pub(crate) fn files(
        &mut self,
        name: &'static str,
        files: impl FileParts,
        content_type: Option<&'static str>,
    ) {
        for file in files.into_files() {
            let content_type = file
                .content_type()
                .or(content_type)
                .unwrap_or("application/octet-stream")
                .to_string();
            // Servers tell a file from a field by its file name: never leave it out.
            let file_name = Some(file.file_name().unwrap_or(name).to_string());
            self.parts.push(Part {
                name,
                file_name,
                content_type: Some(content_type),
                bytes: file.into_bytes(),
            });
        }
    }

    /// The encoded body and its `Content-Type` (with the boundary).
    pub(crate) fn encode(self) -> (Vec<u8>, String) {
        let boundary = self.boundary();
        let mut body = Vec::with_capacity(
            self.parts
                .iter()
                .map(|p| p.bytes.len() + 128)
                .sum::<usize>()
                + 64,
        );
        for part in self.parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!(
                "Content-Disposition: form-data; name=\"{}\"",
                quoted(part.name)
            );
            if let Some(file_name) = &part.file_name {
                disposition.push_str("; filename=\"");
                disposition.push_str(&quoted(file_name));
                disposition.push('"');
            }
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(&part.bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (body, format!("multipart/form-data; boundary={boundary}"))
    }

    /// A boundary that no part contains. Deterministic, so the same body encodes the same
    /// way every time.
    fn boundary(&self) -> String {
        let mut n = 0u64;
        loop {
            let candidate = format!("{BOUNDARY_PREFIX}{n:08x}");
            let taken = self
                .parts
                .iter()
                .any(|part| contains(&part.bytes, candidate.as_bytes()));
            // Each part can contain only so many candidates: this ends within
            // (total body size / boundary length + 1) tries.
            if !taken {
                return candidate;
            }
            n += 1;
        }
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// A name or file name inside a quoted header parameter: quotes and line breaks escaped as
/// the HTML form encoding does, so a name cannot end the header early.
fn quoted(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Binary;

    #[test]
    fn encodes_fields_and_files_with_a_boundary_no_part_contains() {
        let mut form = Multipart::new();
        form.value("title", &"Q3 \"final\"").unwrap();
        form.value("count", &3).unwrap();
        form.value("tags", &["a", "b"]).unwrap();
        form.value("missing", &Option::<i32>::None).unwrap();
        form.value("meta", &serde_json::json!({"k": 1})).unwrap();
        let file = Binary::new(format!("--{BOUNDARY_PREFIX}00000000")).with_file_name("r.csv");
        form.files("file", Some(file), Some("text/csv"));
        let (body, content_type) = form.encode();
        let body = String::from_utf8(body).unwrap();
        assert_eq!(
            content_type,
            format!("multipart/form-data; boundary={BOUNDARY_PREFIX}00000001")
        );
        let b = format!("--{BOUNDARY_PREFIX}00000001");
        let expected = format!(
            "{b}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3 \"final\"\r\n\
             {b}\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3\r\n\
             {b}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n\
             {b}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n\
             {b}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"k\":1}}\r\n\
             {b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n--{BOUNDARY_PREFIX}00000000\r\n\
             {b}--\r\n"
        );
        assert_eq!(body, expected);
    }
}
