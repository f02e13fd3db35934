//! The tag of an operation the spec leaves untagged: the resource its path names, so that a
//! description without tags (Stripe's) is still grouped into modules of a readable size.

/// The resource `path` names: its first literal segment after a version prefix (`/v1/charges/{id}`
/// -> `charges`; `/api/v2/users` -> `users`). `None` when the path has no such segment (`/`,
/// `/{id}`, `/v1`).
pub fn resource_tag(path: &str) -> Option<String> {
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .find(|segment| !is_prefix(segment))
        .filter(|segment| !segment.starts_with('{'))
        .map(str::to_string)
}

/// Whether `segment` is a version or API prefix rather than a resource: `api`, `rest`, or a
/// version (`v1`, `v2`, `v1beta2`, `v3alpha`, `2024-01-01`).
fn is_prefix(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    if lower == "api" || lower == "rest" {
        return true;
    }
    let version = lower.strip_prefix('v').is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_digit())
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
    });
    let date = !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    version || date
}

#[cfg(test)]
mod tests {
    use super::resource_tag;

    #[test]
    fn the_version_prefix_is_skipped() {
        assert_eq!(
            resource_tag("/v1/charges/{charge}").as_deref(),
            Some("charges")
        );
        assert_eq!(resource_tag("/v2/core/events").as_deref(), Some("core"));
        assert_eq!(resource_tag("/v1beta2/models").as_deref(), Some("models"));
        assert_eq!(resource_tag("/api/v3/users/{id}").as_deref(), Some("users"));
        assert_eq!(resource_tag("/2024-01-01/items").as_deref(), Some("items"));
    }

    #[test]
    fn a_path_without_prefix_names_its_first_segment() {
        assert_eq!(
            resource_tag("/repos/{owner}/{repo}").as_deref(),
            Some("repos")
        );
        assert_eq!(resource_tag("/version").as_deref(), Some("version"));
        assert_eq!(resource_tag("/vinyl").as_deref(), Some("vinyl"));
    }

    #[test]
    fn a_path_without_a_resource_has_no_tag() {
        assert_eq!(resource_tag("/"), None);
        assert_eq!(resource_tag("/v1"), None);
        assert_eq!(resource_tag("/v1/{id}"), None);
    }
}
