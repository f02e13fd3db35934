// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! `--dry-run`: the request a command would send, as a `curl` command line, with the token
//! replaced by a reference to the environment variable.

use super::call::{Body, Call};

/// The `curl` command that sends `call` to `base_url`; `token_env` names the variable the
/// `Authorization` header reads, when the command would send a token.
#[must_use]
pub fn render(call: &Call, base_url: &str, token_env: Option<&str>) -> String {
    let mut parts = vec!["curl".to_string()];
    if call.method != "GET" || call.body.is_some() {
        parts.push(format!("-X {}", call.method));
    }
    parts.push(quote(&url(call, base_url)));
    if let Some(env) = token_env {
        // Double quotes, so that the shell puts the token in.
        parts.push(format!("-H \"Authorization: Bearer ${env}\""));
    }
    parts.push(format!("-H {}", quote("Accept: application/json")));
    for (name, value) in &call.headers {
        parts.push(format!("-H {}", quote(&format!("{name}: {value}"))));
    }
    match &call.body {
        None => {}
        Some(Body::Json(value)) => {
            parts.push(format!("-H {}", quote("Content-Type: application/json")));
            parts.push(format!("--data {}", quote(&value.to_string())));
        }
        Some(Body::Form(value)) => {
            let content_type = "Content-Type: application/x-www-form-urlencoded";
            parts.push(format!("-H {}", quote(content_type)));
            parts.push(format!("--data {}", quote(&form(value))));
        }
        Some(Body::Raw {
            media_type, source, ..
        }) => {
            parts.push(format!(
                "-H {}",
                quote(&format!("Content-Type: {media_type}"))
            ));
            parts.push(format!("--data-binary {}", quote(&format!("@{source}"))));
        }
    }
    parts.join(" ")
}

/// A form body's text as the client writes it: nested members in brackets.
fn form(value: &serde_json::Value) -> String {
    serde_qs::to_string(value).unwrap_or_default()
}

/// The full URL: the base, the path's segments percent-encoded, the query.
fn url(call: &Call, base_url: &str) -> String {
    let (path, path_query) = call.path.split_once('?').unwrap_or((&call.path, ""));
    let Ok(mut url) = url::Url::parse(base_url) else {
        return format!("{base_url}{}", call.path);
    };
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
        segments.extend(path.split('/').filter(|s| !s.is_empty()));
    }
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(path_query.as_bytes())
        .into_owned()
        .chain(call.query.iter().cloned())
        .collect();
    if !pairs.is_empty() {
        url.query_pairs_mut().extend_pairs(pairs);
    }
    url.to_string()
}

/// `text` in single quotes for a POSIX shell.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_a_curl_line_with_the_token_as_a_variable() {
        let call = Call {
            operation: None,
            method: "POST".into(),
            path: "/expenses/a b".into(),
            query: vec![("workspace_id".into(), "1".into())],
            headers: Vec::new(),
            body: Some(Body::Json(serde_json::json!({"name": "it's"}))),
        };
        assert_eq!(
            render(&call, "https://api.example.com/v2/", Some("DEMO_TOKEN")),
            "curl -X POST 'https://api.example.com/v2/expenses/a%20b?workspace_id=1' \
             -H \"Authorization: Bearer $DEMO_TOKEN\" -H 'Accept: application/json' \
             -H 'Content-Type: application/json' --data '{\"name\":\"it'\\''s\"}'"
        );
    }

    #[test]
    fn form_and_raw_bodies_are_written_as_sent() {
        let mut call = Call {
            operation: None,
            method: "POST".into(),
            path: "/v1/customers".into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Some(Body::Form(
                // One member per level: the order of an object's members depends on
                // serde_json's `preserve_order`, which another crate may turn on.
                serde_json::json!({"metadata": {"key": "A B"}}),
            )),
        };
        assert_eq!(
            render(&call, "http://127.0.0.1:9", None),
            "curl -X POST 'http://127.0.0.1:9/v1/customers' -H 'Accept: application/json' \
             -H 'Content-Type: application/x-www-form-urlencoded' \
             --data 'metadata[key]=A+B'"
        );
        call.body = Some(Body::Raw {
            bytes: vec![1, 2],
            media_type: "image/png".into(),
            source: "logo.png".into(),
        });
        assert!(render(&call, "http://127.0.0.1:9", None)
            .ends_with("-H 'Content-Type: image/png' --data-binary '@logo.png'"),);
    }

    #[test]
    fn a_get_without_a_token_has_no_authorization() {
        let call = Call {
            operation: None,
            method: "GET".into(),
            path: "/status?verbose=1".into(),
            query: Vec::new(),
            headers: vec![("X-Trace".into(), "on".into())],
            body: None,
        };
        assert_eq!(
            render(&call, "http://127.0.0.1:9", None),
            "curl 'http://127.0.0.1:9/status?verbose=1' -H 'Accept: application/json' -H 'X-Trace: on'"
        );
    }
}
