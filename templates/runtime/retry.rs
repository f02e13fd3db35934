//! When and how long to wait before sending a failed request again.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::Method;

use super::error::Error;

/// How the client retries a request that failed in a way that may pass: a connection failure
/// or timeout, or an answer of 408, 429, 502, 503 or 504 (see [`Error::is_retryable`]).
///
/// The wait before retry `n` (1, 2, …) is `initial_backoff × 2ⁿ⁻¹`, capped at `max_backoff`,
/// with "equal jitter" (a random point in its upper half) unless jitter is off. When the server
/// asks for a wait (`Retry-After` on a 429 or 503, or the rate-limit reset headers on a 429),
/// the client waits exactly that long instead. It stops after `max_attempts` sends in all, or
/// when the next wait would end after `max_elapsed` from the first send; then the last error is
/// returned.
///
/// `POST` and `PATCH` are not idempotent: they are sent once unless
/// [`retry_non_idempotent`](Self::retry_non_idempotent) is set. `GET`, `HEAD`, `PUT`, `DELETE`
/// and `OPTIONS` are retried.
///
/// ```
/// use std::time::Duration;
/// let policy = webwork_client::RetryPolicy::default()
///     .max_attempts(5)
///     .initial_backoff(Duration::from_millis(200))
///     .max_elapsed(Duration::from_secs(60));
/// # let _ = policy;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    jitter: bool,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 4 sends at most, waits from 500 ms doubling up to 30 s, 2 minutes in all, with jitter;
    /// `POST` and `PATCH` are not retried.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_elapsed: Duration::from_secs(120),
            jitter: true,
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// The default policy (see [`Default`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// A policy that sends every request once.
    pub fn none() -> Self {
        Self::default().max_attempts(1)
    }

    /// How many times a request is sent at most, the first time included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry; it doubles with each retry after.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest computed wait between two sends (a wait the server asks for may be longer,
    /// up to `max_elapsed`).
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The time from the first send after which no retry starts.
    pub fn max_elapsed(mut self, total: Duration) -> Self {
        self.max_elapsed = total;
        self
    }

    /// Whether computed waits are randomized (on by default, so that many clients that failed
    /// together do not retry together).
    pub fn jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// Whether `POST` and `PATCH` requests are retried too. Only opt in when sending the
    /// request twice does no harm (the server may have acted on a request whose answer was
    /// lost).
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.retry_non_idempotent = retry;
        self
    }

    /// Whether this policy retries requests with `method` at all.
    pub(crate) fn allows(&self, method: &Method) -> bool {
        self.max_attempts > 1 && (self.retry_non_idempotent || is_idempotent(method))
    }

    /// The wait before sending again after `error`, where `sent` sends have been made and
    /// `elapsed` has passed since the first; `None` when the request is not to be retried.
    pub(crate) fn next_wait(
        &self,
        method: &Method,
        error: &Error,
        sent: u32,
        elapsed: Duration,
    ) -> Option<Duration> {
        if !self.allows(method) || !error.is_retryable() || sent >= self.max_attempts {
            return None;
        }
        let wait = match error.retry_after() {
            Some(asked) => asked,
            None => self.backoff(sent),
        };
        (elapsed.saturating_add(wait) <= self.max_elapsed).then_some(wait)
    }

    /// The computed wait before retry number `retry` (1 for the first).
    fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let base = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        if !self.jitter {
            return base;
        }
        Duration::try_from_secs_f64(base.as_secs_f64() * (0.5 + 0.5 * random_fraction()))
            .unwrap_or(base)
    }
}

fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// A random number in `[0, 1)`: SipHash with the standard library's random keys over a
/// counter. Good enough for jitter, and no dependency for it.
fn random_fraction() -> f64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    // 53 random bits over 2^53: both fit an f64's mantissa exactly, so nothing is lost.
    #[allow(clippy::cast_precision_loss)]
    let fraction = (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64;
    fraction
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let policy = RetryPolicy::default()
            .jitter(false)
            .initial_backoff(Duration::from_secs(1))
            .max_backoff(Duration::from_secs(5));
        let waits: Vec<_> = (1..=5).map(|n| policy.backoff(n).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 5, 5]);
        assert_eq!(policy.backoff(u32::MAX), Duration::from_secs(5));
    }

    #[test]
    fn jitter_stays_in_the_upper_half() {
        let policy = RetryPolicy::default().initial_backoff(Duration::from_secs(2));
        for _ in 0..1000 {
            let wait = policy.backoff(1);
            assert!(wait >= Duration::from_secs(1) && wait <= Duration::from_secs(2));
        }
    }
}
