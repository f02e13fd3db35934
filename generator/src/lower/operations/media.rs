//! What kind of media type a request or answer uses, and its first example.

use openapiv3::ReferenceOr;

/// A media type's `example`, or the value of its first inline `examples` entry.
pub(super) fn first_example(media: &openapiv3::MediaType) -> Option<serde_json::Value> {
    media.example.clone().or_else(|| {
        media.examples.values().find_map(|example| match example {
            ReferenceOr::Item(example) => example.value.clone(),
            ReferenceOr::Reference { .. } => None,
        })
    })
}

/// Whether a media type is a URL-encoded form.
pub(super) fn is_form(media: &str) -> bool {
    media.split(';').next().unwrap_or_default().trim() == "application/x-www-form-urlencoded"
}

/// Whether a media type is a multipart form.
pub(super) fn is_multipart(media: &str) -> bool {
    media.split(';').next().unwrap_or_default().trim() == "multipart/form-data"
}

/// Whether a media type is JSON.
pub(super) fn is_json(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or_default().trim();
    media == "application/json" || media.ends_with("+json")
}
