// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Webhook deliveries: parsing a delivery body into a typed event, and checking the
//! verification token in constant time.
//!
//! **The delivery format is not documented by the API.** Registering a webhook gives back a
//! verification `token` (a secret), and the spec lists the events a webhook can subscribe to,
//! but neither how a delivery carries the token nor the shape of its body is published. This
//! module therefore assumes, and is tolerant about, the following (all unconfirmed):
//!
//! - the body is a JSON object that names its event in `event` (or `type`, or `event_type`);
//! - the event's payload is in `data` (or `payload`); when neither is present the whole object
//!   is the payload;
//! - the token is sent in the [`WEBHOOK_TOKEN_HEADER`] header, or as a `token` member of the
//!   body.
//!
//! Unknown members are kept in [`WebhookDelivery::extra`] and unknown events parse (into the
//! event type's `Other` variant for the generated enums), so a delivery of a newer API version
//! still parses. Check what your first real delivery looks like (log its body) before relying
//! on anything beyond `event`.
//!
//! ```
//! use webwork_client::webhooks::{parse_delivery, WebhookDelivery};
//!
//! let body = br#"{"event": "tracker.started", "data": {"user_id": 7}, "token": "whsec_1"}"#;
//! // The event type is yours to choose: the spec's event enum, a String, or serde_json::Value.
//! let delivery: WebhookDelivery<String> = parse_delivery(body)?;
//! assert_eq!(delivery.event, "tracker.started");
//! assert!(delivery.verify_token("whsec_1", None));
//! assert_eq!(delivery.data["user_id"], 7);
//! # Ok::<(), webwork_client::webhooks::WebhookError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The header assumed to carry a delivery's verification token. **Unconfirmed**: the API does
/// not document how deliveries carry the token; pass the header you actually receive to
/// [`verify_token`] if it is another one.
pub const WEBHOOK_TOKEN_HEADER: &str = "X-Webhook-Token";

/// The members that may name a delivery's event, in the order they are looked for.
const EVENT_KEYS: &[&str] = &["event", "type", "event_type"];
/// The members that may hold a delivery's payload, in the order they are looked for.
const DATA_KEYS: &[&str] = &["data", "payload"];
/// The member that may carry the verification token in the body.
const TOKEN_KEY: &str = "token";

/// One webhook delivery, parsed by [`parse_delivery`].
///
/// `E` is the event type: the spec's event enum (`types::WebhookEvent`, which keeps unknown
/// events in its `Other` variant), `String`, or anything else that deserializes from the event
/// name.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct WebhookDelivery<E> {
    /// The event, from the body's `event` (or `type`, or `event_type`) member.
    pub event: E,
    /// The event's payload: the body's `data` (or `payload`) member, or else the whole body.
    /// Its shape is not documented; read it with `serde_json::from_value` into your own type.
    pub data: Value,
    /// The token the body carries in a `token` member, if any. Never printed by `Debug`.
    pub token: Option<String>,
    /// Every other member of the body (a timestamp, a webhook or workspace id…), kept as sent.
    pub extra: BTreeMap<String, Value>,
}

impl<E: fmt::Debug> fmt::Debug for WebhookDelivery<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookDelivery")
            .field("event", &self.event)
            .field("data", &self.data)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("extra", &self.extra)
            .finish()
    }
}

impl<E> WebhookDelivery<E> {
    /// Whether the delivery carries `expected` (the `token` of the registered webhook):
    /// `header` is the value of the token header ([`WEBHOOK_TOKEN_HEADER`] is assumed) when the
    /// request had one, else the body's `token` member is checked. Compared in constant time.
    /// `false` when neither is present.
    #[must_use]
    pub fn verify_token(&self, expected: &str, header: Option<&str>) -> bool {
        match header.or(self.token.as_deref()) {
            Some(presented) => verify_token(expected, presented),
            None => false,
        }
    }
}

/// Why a delivery body could not be parsed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The body is not a JSON object.
    #[error("the webhook delivery is not a JSON object: {0}")]
    NotAnObject(String),
    /// The body names no event (none of `event`, `type`, `event_type`).
    #[error("the webhook delivery names no event (no `event`, `type` or `event_type` member)")]
    NoEvent,
    /// The event member does not deserialize into the event type.
    #[error("the webhook delivery's event is not one the event type accepts: {0}")]
    Event(serde_json::Error),
}

/// Parses a delivery body into a [`WebhookDelivery`] with events of type `E`.
///
/// Tolerant: see the [module documentation](self) for the assumed (unconfirmed) shape.
///
/// # Errors
/// [`WebhookError`] when the body is not a JSON object, names no event, or names one `E` does
/// not accept (never, for the generated event enums, which keep unknown values).
pub fn parse_delivery<E: DeserializeOwned>(
    body: &[u8],
) -> Result<WebhookDelivery<E>, WebhookError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|error| WebhookError::NotAnObject(error.to_string()))?;
    let Value::Object(mut object) = value else {
        return Err(WebhookError::NotAnObject(format!(
            "found {}",
            kind_of(&value)
        )));
    };
    let event = take_first(&mut object, EVENT_KEYS).ok_or(WebhookError::NoEvent)?;
    let event = serde_json::from_value(event).map_err(WebhookError::Event)?;
    let token = match object.remove(TOKEN_KEY) {
        Some(Value::String(token)) => Some(token),
        Some(other) => {
            // Not a token after all: keep it as sent.
            object.insert(TOKEN_KEY.to_string(), other);
            None
        }
        None => None,
    };
    let data = match take_first(&mut object, DATA_KEYS) {
        Some(data) => data,
        None => Value::Object(std::mem::take(&mut object)),
    };
    Ok(WebhookDelivery {
        event,
        data,
        token,
        extra: object.into_iter().collect(),
    })
}

/// Whether `presented` equals `expected` (the webhook's verification token), compared in
/// constant time: the time taken depends on the lengths only, not on where they differ.
#[must_use]
pub fn verify_token(expected: &str, presented: &str) -> bool {
    constant_time_eq(expected.as_bytes(), presented.as_bytes())
}

/// Compares every byte whatever the differences found; only the lengths are not secret.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a
        .iter()
        .zip(b)
        .fold(0u8, |acc, (x, y)| acc | std::hint::black_box(x ^ y));
    std::hint::black_box(difference) == 0
}

fn take_first(object: &mut Map<String, Value>, keys: &[&str]) -> Option<Value> {
    keys.iter().find_map(|key| object.remove(*key))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_assumed_shape_and_keeps_the_rest() {
        let body = br#"{"event":"tracker.stopped","data":{"a":1},"token":"t","sent_at":"x"}"#;
        let delivery: WebhookDelivery<String> = parse_delivery(body).unwrap();
        assert_eq!(delivery.event, "tracker.stopped");
        assert_eq!(delivery.data, serde_json::json!({"a": 1}));
        assert_eq!(delivery.token.as_deref(), Some("t"));
        assert_eq!(delivery.extra["sent_at"], "x");
        assert!(!format!("{delivery:?}").contains("\"t\""));
    }

    #[test]
    fn tolerates_other_names_and_a_flat_payload() {
        let delivery: WebhookDelivery<String> =
            parse_delivery(br#"{"type":"member.invited","user_id":3}"#).unwrap();
        assert_eq!(delivery.event, "member.invited");
        assert_eq!(delivery.data, serde_json::json!({"user_id": 3}));
        assert!(delivery.token.is_none());
    }

    #[test]
    fn refuses_what_is_not_a_delivery() {
        assert!(matches!(
            parse_delivery::<String>(b"[1]"),
            Err(WebhookError::NotAnObject(_))
        ));
        assert!(matches!(
            parse_delivery::<String>(b"{}"),
            Err(WebhookError::NoEvent)
        ));
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(verify_token("whsec_1", "whsec_1"));
        assert!(!verify_token("whsec_1", "whsec_2"));
        assert!(!verify_token("whsec_1", "whsec_12"));
        assert!(!verify_token("whsec_1", ""));
        let delivery: WebhookDelivery<String> =
            parse_delivery(br#"{"event":"e","token":"body"}"#).unwrap();
        assert!(delivery.verify_token("body", None));
        assert!(delivery.verify_token("head", Some("head")));
        assert!(!delivery.verify_token("body", Some("head")));
    }
}
