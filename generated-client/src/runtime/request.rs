// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use reqwest::Method;
use serde::Serialize;

use super::multipart::Multipart;
use super::param_style::{self, Style};
use super::{Binary, Error, RetryPolicy};

/// One HTTP request as a generated operation describes it: the parts the runtime needs to
/// send it, log it and retry it.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(crate) method: Method,
    /// The spec's operationId, for tracing.
    pub(crate) operation_id: &'static str,
    /// The path template from the spec (`/expenses/{expenseId}`), or the path of a request
    /// made with [`Client::request`](crate::Client::request), for tracing.
    pub(crate) path_template: Cow<'static, str>,
    /// Path segments after the base URL, not yet percent-encoded (literals are not copied).
    pub(crate) segments: Vec<Cow<'static, str>>,
    /// Query pairs, not yet percent-encoded (a deepObject parameter's names are made here).
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    /// The body, already serialized.
    pub(crate) body: Option<Vec<u8>>,
    /// The body's media type.
    pub(crate) content_type: Cow<'static, str>,
    /// What the caller set on the builder for this one request.
    pub(crate) options: RequestOptions,
}

impl Request {
    pub(crate) fn new(
        method: Method,
        operation_id: &'static str,
        path_template: impl Into<Cow<'static, str>>,
    ) -> Self {
        Request {
            method,
            operation_id,
            path_template: path_template.into(),
            segments: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            content_type: Cow::Borrowed("application/json"),
            options: RequestOptions::default(),
        }
    }

    /// Replaces the per-request options.
    pub(crate) fn options(&mut self, options: RequestOptions) {
        self.options = options;
    }

    /// Appends one path segment (a literal or a parameter's value).
    pub(crate) fn segment(&mut self, segment: impl Into<Cow<'static, str>>) {
        self.segments.push(segment.into());
    }

    /// Joins the last `count` segments into one: the parts of a segment that holds both text and
    /// parameters (`{event_id}:undelete`), appended one by one. The URL encodes the joined
    /// segment as a whole, so a `/` in a value never makes a segment of its own.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn join_segments(&mut self, count: usize) {
        let first = self.segments.len().saturating_sub(count);
        let joined: String = self.segments.drain(first..).collect();
        self.segments.push(Cow::Owned(joined));
    }

    /// Appends a path parameter's segment, written in `style` (`Simple`, `Label`, `Matrix`,
    /// `Json`) for a value that is not plain text.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn segment_value<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> Result<(), Error> {
        let text = param_style::text(name, value, style, explode)?;
        self.segments.push(Cow::Owned(text));
        Ok(())
    }

    /// Adds a query parameter whose value is already text.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn query(&mut self, name: &'static str, value: impl Into<String>) {
        self.query.push((Cow::Borrowed(name), value.into()));
    }

    /// Adds a query parameter written in `style`: one pair or several (an exploded array or
    /// object, a deepObject).
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn query_value<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> Result<(), Error> {
        let pairs = param_style::query_pairs(name, value, style, explode)?;
        self.query.extend(pairs);
        Ok(())
    }

    /// Adds a header parameter whose value is already text.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn header(&mut self, name: &'static str, value: impl Into<String>) {
        self.headers.push((name, value.into()));
    }

    /// Adds a header parameter written in `style` (`Simple` or `Json`).
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn header_value<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> Result<(), Error> {
        let text = param_style::text(name, value, style, explode)?;
        self.headers.push((name, text));
        Ok(())
    }

    /// Adds a cookie parameter written in `style` (`Form` or `Json`) to the request's one
    /// `Cookie` header: `name=value; name2=value2`.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn cookie_value<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> Result<(), Error> {
        let pairs = param_style::cookie_pairs(name, value, style, explode)?;
        let cookies = pairs
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        match self
            .headers
            .iter_mut()
            .find(|(header, _)| header.eq_ignore_ascii_case("cookie"))
        {
            Some((_, existing)) => {
                existing.push_str("; ");
                existing.push_str(&cookies);
            }
            None => self.headers.push(("Cookie", cookies)),
        }
        Ok(())
    }

    /// Serializes `body` as the JSON request body.
    pub(crate) fn json(&mut self, body: &impl Serialize) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|source| Error::Encode { source })?;
        self.body = Some(bytes);
        self.content_type = Cow::Borrowed("application/json");
        Ok(())
    }

    /// Serializes `body` as an `application/x-www-form-urlencoded` request body. Nested
    /// objects and lists are written with brackets (`metadata[key]=value`,
    /// `items[0][price]=...`), which is how servers that take nested forms read them; a flat
    /// body is written as any form encoder writes it.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn form(&mut self, body: &impl Serialize) -> Result<(), Error> {
        let text = serde_qs::to_string(body).map_err(|error| Error::Encode {
            source: <serde_json::Error as serde::ser::Error>::custom(error),
        })?;
        self.body = Some(text.into_bytes());
        self.content_type = Cow::Borrowed("application/x-www-form-urlencoded");
        Ok(())
    }

    /// Sets a `multipart/form-data` request body.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn multipart(&mut self, form: Multipart) {
        let (body, content_type) = form.encode();
        self.body = Some(body);
        self.content_type = Cow::Owned(content_type);
    }

    /// Merges the body fields set with `.body_field` into the JSON body (a new JSON object when
    /// there is no body); a field replaces a property of the same name.
    pub(crate) fn merge_body_fields(&mut self) -> Result<(), Error> {
        if self.options.body_fields.is_empty() {
            return Ok(());
        }
        let mut object = match &self.body {
            None => serde_json::Map::new(),
            Some(_) if !is_json(&self.content_type) => {
                return Err(Error::Config(format!(
                    "`.body_field` needs a JSON body, and this request's body is `{}`",
                    self.content_type
                )));
            }
            Some(body) => match serde_json::from_slice(body) {
                Ok(serde_json::Value::Object(object)) => object,
                _ => {
                    return Err(Error::Config(
                        "`.body_field` needs a JSON object body, and this request's body is not one"
                            .into(),
                    ));
                }
            },
        };
        for (name, value) in std::mem::take(&mut self.options.body_fields) {
            object.insert(name, value);
        }
        self.json(&object)
    }

    /// Sets a raw request body of the spec's `media_type`, unless the bytes name their own.
    #[allow(dead_code)] // For emitted code; see mod.rs.
    pub(crate) fn raw(&mut self, body: Binary, media_type: &'static str) {
        self.content_type = match body.content_type() {
            Some(own) => Cow::Owned(own.to_string()),
            None => Cow::Borrowed(media_type),
        };
        self.body = Some(body.into_bytes());
    }
}

/// Whether `media_type` is JSON (`application/json`, `application/problem+json`, …).
fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
}

/// Settings for one request that override or add to the client's: timeout, retry policy,
/// extra headers, and query parameters and body fields the spec does not document.
///
/// Every operation builder has `.timeout(…)`, `.retry(…)`, `.header(…, …)`, `.query(…, …)`
/// and `.body_field(…, …)`, which set these.
///
/// ```
/// use std::time::Duration;
/// let options = webwork_client::RequestOptions::new()
///     .timeout(Duration::from_secs(5))
///     .retry(webwork_client::RetryPolicy::none())
///     .header("X-Request-Id", "42")
///     .query("include", "archived");
/// # let _ = options;
/// ```
#[derive(Clone, Default)]
#[must_use]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body_fields: Vec<(String, serde_json::Value)>,
}

impl RequestOptions {
    /// No overrides: the client's settings apply.
    pub fn new() -> Self {
        Self::default()
    }

    /// How long each send of this request may take, from connecting to the last byte of the
    /// answer (instead of the client's timeout).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How this request is retried (instead of the client's policy).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Adds a header to this request; it replaces a header of the same name the client would
    /// send (`User-Agent`, `Authorization`, a header parameter). An invalid name or value is
    /// reported as [`Error::Config`] when the request is sent. Values never show in `Debug`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds a query parameter the spec does not document, sent as `name=value` after the
    /// documented ones (a name may repeat).
    pub fn query(mut self, name: impl Into<String>, value: impl fmt::Display) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Adds a property to the JSON body that the spec does not document, or replaces one: a
    /// field of the same name as a typed body property replaces it. A request without a body
    /// gets a JSON object body. On a body that is not JSON (a form, multipart, raw bytes),
    /// sending fails with [`Error::Config`].
    pub fn body_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.body_fields.push((name.into(), value));
        self
    }

    /// The timeout set for this request, if any.
    #[must_use]
    pub fn get_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// The retry policy set for this request, if any.
    #[must_use]
    pub fn get_retry(&self) -> Option<&RetryPolicy> {
        self.retry.as_ref()
    }

    /// The names of the extra headers set for this request.
    pub fn header_names(&self) -> impl Iterator<Item = &str> {
        self.headers.iter().map(|(name, _)| name.as_str())
    }
}

/// Gives a request builder the per-request option methods every builder has (`timeout`,
/// `retry`, `header`, `query`, `body_field`, `options`). They are the same for every builder,
/// so they are written once here and each builder, which has an `options: RequestOptions`
/// field, names itself once, with the type parameters that track its required parameters if
/// it has any: `crate::runtime::request_options!(RequestBuilder);`,
/// `crate::runtime::request_options!(GetMembers<WorkspaceIdState>);`.
macro_rules! request_options {
    ($builder:ident $(< $($state:ident),+ >)?) => {
        impl<$($($state),+)?> $builder<$($($state),+)?> {
            /// Overrides the client's timeout for this request.
            pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
                self.options = self.options.timeout(timeout);
                self
            }

            /// Overrides the client's retry policy for this request.
            pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
                self.options = self.options.retry(policy);
                self
            }

            /// Adds a header to this request.
            pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.options = self.options.header(name, value);
                self
            }

            /// Adds a query parameter the spec does not document, sent as `name=value` after
            /// the documented ones.
            pub fn query(mut self, name: impl Into<String>, value: impl std::fmt::Display) -> Self {
                self.options = self.options.query(name, value);
                self
            }

            /// Adds a property to the JSON body that the spec does not document; a field of
            /// the same name as a typed body property replaces it. On a body that is not JSON,
            /// sending fails with [`Error::Config`]($crate::Error::Config).
            pub fn body_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
                self.options = self.options.body_field(name, value);
                self
            }

            /// Replaces every per-request option at once (and the query parameters and body
            /// fields added before).
            pub fn options(mut self, options: $crate::RequestOptions) -> Self {
                self.options = options;
                self
            }
        }
    };
}
pub(crate) use request_options;

/// The methods every operation builder has besides its own setters and `send`: the
/// per-request options of [`request_options!`], and the escape hatches that send the same
/// request but read its answer differently. The builder has `fn into_request(self) ->
/// Result<(Client, Request), Error>`; generated builders name themselves, each type parameter
/// that tracks a required parameter with that parameter's marker (the escape hatches, like
/// `send`, compile once all are [`Set`](super::required::Set)), and the decoder that reads
/// their answers' JSON once:
/// `crate::runtime::operation_builder!(GetMembers<WorkspaceIdState: params::workspace_id>,
/// decode_enveloped);`.
#[allow(unused_macros)] // For emitted code; see mod.rs.
macro_rules! operation_builder {
    ($builder:ident $(< $($state:ident : $param:path),+ >)?, $decode:ident) => {
        $crate::runtime::request_options!($builder $(< $($state),+ >)?);

        impl<$($($state),+)?> $builder<$($($state),+)?> {
            /// Sends the request like `send`, with the same authentication, retries and
            /// errors, but decodes the answer's `data` into a type of your choice (your own
            /// struct, or `serde_json::Value`) instead of the spec's.
            ///
            /// # Errors
            ///
            /// As for `send`; [`Error::Decode`]($crate::Error::Decode) when `data` does not
            /// fit `T`.
            pub async fn send_as<T: serde::de::DeserializeOwned>(
                self,
            ) -> Result<$crate::Response<T>, $crate::Error>
            where
                $($($state: $crate::runtime::required::IsSet<$param>,)+)?
            {
                let (client, request) = self.into_request()?;
                client.execute(request, $crate::runtime::$decode::<T>).await
            }

            /// Sends the request like `send`, with the same authentication and retries, and
            /// hands out the answer as it came, whatever its status and body.
            ///
            /// # Errors
            ///
            /// Only when no answer arrives (a transport failure, a body over the size limit,
            /// a token that cannot be had).
            pub async fn send_raw(self) -> Result<$crate::RawResponse, $crate::Error>
            where
                $($($state: $crate::runtime::required::IsSet<$param>,)+)?
            {
                let (client, request) = self.into_request()?;
                client.execute_raw(request).await
            }
        }
    };
}
pub(crate) use operation_builder;

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Extra headers, query parameters and body fields may carry secrets (an API key, a
        // session): show their names only.
        fn names<T>(pairs: &[(String, T)]) -> Vec<(&str, &str)> {
            pairs
                .iter()
                .map(|(name, _)| (name.as_str(), "<redacted>"))
                .collect()
        }
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("headers", &names(&self.headers))
            .field("query", &names(&self.query))
            .field("body_fields", &names(&self.body_fields))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Serialize)]
    struct Item {
        price: String,
        quantity: u32,
    }

    #[derive(Serialize)]
    struct Checkout {
        mode: &'static str,
        items: Vec<Item>,
        metadata: BTreeMap<String, String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        coupon: Option<String>,
    }

    fn form_text(body: &impl Serialize) -> String {
        let mut request = Request::new(Method::POST, "test", "/test");
        assert!(request.form(body).is_ok());
        assert_eq!(request.content_type, "application/x-www-form-urlencoded");
        String::from_utf8(request.body.unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn a_nested_form_body_is_written_with_brackets() {
        let body = Checkout {
            mode: "pay ment",
            items: vec![
                Item {
                    price: "price_1".into(),
                    quantity: 2,
                },
                Item {
                    price: "price_2".into(),
                    quantity: 1,
                },
            ],
            metadata: BTreeMap::from([("order".to_string(), "6735".to_string())]),
            coupon: None,
        };
        assert_eq!(
            form_text(&body),
            "mode=pay+ment&items[0][price]=price_1&items[0][quantity]=2\
             &items[1][price]=price_2&items[1][quantity]=1&metadata[order]=6735"
        );
    }

    #[test]
    fn a_flat_form_body_is_a_plain_form() {
        let body = BTreeMap::from([("name", "a&b"), ("note", "x=y")]);
        assert_eq!(form_text(&body), "name=a%26b&note=x%3Dy");
    }
}
