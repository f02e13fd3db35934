//! Facts of HTTP the rest of the runtime shares: the `User-Agent`, and the waits a server asks
//! for (`Retry-After`, the rate-limit headers). A leaf: it uses nothing else of the runtime.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// The `User-Agent` every request carries: the crate's name and version.
pub(crate) const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// `X-RateLimit-Limit`: requests allowed per window. The spec documents it
/// (`components/headers`) as **unconfirmed**: the API's public docs state the limit (60 requests
/// a minute) and say it is reported in headers, but name none; these are the conventional
/// names, read only when present.
pub(crate) const RATE_LIMIT_LIMIT: &str = "x-ratelimit-limit";
/// `X-RateLimit-Remaining`: requests left in the current window. **Unconfirmed**, like
/// [`RATE_LIMIT_LIMIT`].
pub(crate) const RATE_LIMIT_REMAINING: &str = "x-ratelimit-remaining";
/// `X-RateLimit-Reset`: when the window resets, as Unix seconds or as seconds from now.
/// **Unconfirmed**, like [`RATE_LIMIT_LIMIT`].
pub(crate) const RATE_LIMIT_RESET: &str = "x-ratelimit-reset";

/// Values of `X-RateLimit-Reset` above this are Unix timestamps, below it seconds from now.
const UNIX_TIMESTAMP_FLOOR: i64 = 1_000_000_000;

/// The wait the server asked for: `Retry-After` (seconds, or an HTTP date), else
/// `X-RateLimit-Reset` when `X-RateLimit-Remaining` is absent or `0` (unconfirmed header names).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    if let Some(value) = headers.get(RETRY_AFTER) {
        return parse_retry_after(value.to_str().ok()?.trim());
    }
    if rate_limit_remaining(headers).is_some_and(|remaining| remaining > 0) {
        return None;
    }
    rate_limit_reset(headers)
}

/// `X-RateLimit-Limit`, when present and a number.
pub(crate) fn rate_limit_limit(headers: &HeaderMap) -> Option<u32> {
    number(headers, RATE_LIMIT_LIMIT)
}

/// `X-RateLimit-Remaining`, when present and a number.
pub(crate) fn rate_limit_remaining(headers: &HeaderMap) -> Option<u64> {
    number(headers, RATE_LIMIT_REMAINING)
}

/// The time until `X-RateLimit-Reset`, when present: Unix seconds, or seconds from now.
pub(crate) fn rate_limit_reset(headers: &HeaderMap) -> Option<Duration> {
    let reset: i64 = number(headers, RATE_LIMIT_RESET)?;
    if reset >= UNIX_TIMESTAMP_FLOOR {
        let when = chrono::DateTime::from_timestamp(reset, 0)?;
        return Some(until(when));
    }
    Some(Duration::from_secs(reset.max(0).unsigned_abs()))
}

/// The header `name` as a number, when present and one.
fn number<N: std::str::FromStr>(headers: &HeaderMap, name: &str) -> Option<N> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The wait a `Retry-After` header alone asks for (a 503 may send one).
pub(crate) fn retry_after_header(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get(RETRY_AFTER)?.to_str().ok()?.trim())
}

fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    Some(until(when.with_timezone(&chrono::Utc)))
}

/// The time from now until `when`, zero when it has passed.
fn until(when: chrono::DateTime<chrono::Utc>) -> Duration {
    when.signed_duration_since(chrono::Utc::now())
        .to_std()
        .unwrap_or_default()
}
