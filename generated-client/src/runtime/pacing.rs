// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! Client-side pacing to a rate limit ([`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit)):
//! a budget of `requests` sends per `per`, shared by every clone of a client, that also learns
//! from the server's answers (the wait of a `429` or a `503`, the rate-limit headers).
//!
//! # How it counts
//! The budget is `requests` slots. A send takes a slot and holds it until its answer has come
//! back; the slot is free again `per` after that. So the server, which saw the request before
//! it answered, never sees more than `requests` requests in any window of length `per`, however
//! its window is placed and whatever the network's delays: a window that a send of the slot's
//! next use falls in cannot also hold the slot's previous request. What this costs against a
//! bucket that only counts send times is one round trip per slot and window.
//!
//! Slots are handed out in the order senders ask (each waits for the slot that frees first),
//! and a sender that gives up while waiting (a dropped future) hands its slot back untouched:
//! free when it would have been, for the next sender.
//!
//! # Why not `governor`
//! `governor` (GCRA) is the well-kept crate for this, but it does not fit here: its waits run on
//! its own clock and timer (`quanta`, `futures-timer`), which tokio's paused test clock does not
//! move, and it has no way to stop every sender until a time the server names. This module uses
//! `tokio::time`, as the retry waits do, and the standard library's mutex and nothing else.

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::http;

/// A budget of sends per window, shared by every clone of one client.
pub(crate) struct RateLimiter {
    /// The window.
    per: Duration,
    /// The budget set with `rate_limit`; the server's `X-RateLimit-Limit` may lower it, never
    /// raise it.
    configured: u32,
    state: Mutex<State>,
    /// Woken when a slot comes back, for a sender that found every slot in flight.
    returned: Notify,
}

struct State {
    /// Slots free now.
    ready: u32,
    /// Slots that become free at these times, earliest first (each was handed back at a later
    /// time than the one before it, and the window is the same for all).
    cooling: VecDeque<Instant>,
    /// Slots taken by sends that have not had their answer.
    in_flight: u32,
    /// How many slots there are: `configured`, or fewer when the server says so.
    capacity: u32,
    /// No send starts before this (the `Retry-After` of a `429` or `503`, or no requests
    /// remaining).
    paused_until: Option<Instant>,
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("requests", &self.configured)
            .field("per", &self.per)
            .finish_non_exhaustive()
    }
}

/// A slot of the budget, held by one send until its answer is in; dropping it starts the
/// slot's window.
#[must_use]
pub(crate) struct Permit<'a> {
    limiter: &'a RateLimiter,
    /// While the sender still waits to start: when the slot was free. A sender dropped then
    /// sent nothing, so the slot goes back as it was instead of starting a new window.
    unused_since: Option<Instant>,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        match self.unused_since {
            Some(free_at) => self.limiter.hand_back_unused(free_at),
            None => self.limiter.give_back(),
        }
    }
}

impl RateLimiter {
    /// A budget of `requests` sends (at least 1) per `per`, all of them free now.
    pub(crate) fn new(requests: u32, per: Duration) -> Self {
        let requests = requests.max(1);
        RateLimiter {
            per,
            configured: requests,
            state: Mutex::new(State {
                ready: requests,
                cooling: VecDeque::new(),
                in_flight: 0,
                capacity: requests,
                paused_until: None,
            }),
            returned: Notify::new(),
        }
    }

    /// Waits until a send may start within the budget, and takes a slot for it.
    pub(crate) async fn acquire(&self) -> Permit<'_> {
        let (free_at, mut start) = loop {
            // Asked for before looking, so that a slot handed back in between still wakes us.
            let returned = self.returned.notified();
            {
                let mut state = self.lock();
                let now = Instant::now();
                state.free_cooled(now);
                let slot_free_at = if state.ready > 0 {
                    state.ready -= 1;
                    Some(now)
                } else {
                    state.cooling.pop_front()
                };
                if let Some(free_at) = slot_free_at {
                    state.in_flight += 1;
                    let start = state
                        .paused_until
                        .map_or(free_at, |until| until.max(free_at));
                    break (free_at, start);
                }
            }
            // Every slot is in flight: wait for one to come back.
            returned.await;
        };
        let mut permit = Permit {
            limiter: self,
            unused_since: Some(free_at),
        };
        // A pause may be set (or lengthened) while this sender waits for its slot.
        while start > Instant::now() {
            tracing::debug!(
                wait_ms = millis(start.saturating_duration_since(Instant::now())),
                "waiting for the rate limit"
            );
            tokio::time::sleep_until(start).await;
            start = self
                .lock()
                .paused_until
                .map_or(start, |until| until.max(start));
        }
        permit.unused_since = None;
        permit
    }

    /// Learns from an answer: a `429` with a wait (`Retry-After`, or the reset time when no
    /// requests remain) or a `503` with a `Retry-After` pauses every sender that long;
    /// `X-RateLimit-Remaining: 0` with a reset time pauses them until it; `X-RateLimit-Limit`
    /// below the budget lowers it.
    pub(crate) fn learn(&self, status: StatusCode, headers: &HeaderMap) {
        let limit = http::rate_limit_limit(headers);
        let wait = if status == StatusCode::TOO_MANY_REQUESTS {
            http::retry_after(headers)
        } else if status == StatusCode::SERVICE_UNAVAILABLE {
            // An overloaded server names a time to come back; the reset headers are about the
            // rate limit, which a 503 does not say was reached.
            http::retry_after_header(headers)
        } else if http::rate_limit_remaining(headers) == Some(0) {
            http::rate_limit_reset(headers)
        } else {
            None
        };
        if limit.is_none() && wait.is_none() {
            return;
        }
        let mut state = self.lock();
        if let Some(limit) = limit {
            state.set_capacity(limit.clamp(1, self.configured));
        }
        if let Some(wait) = wait {
            let until = Instant::now() + wait;
            if state.paused_until.is_none_or(|paused| paused < until) {
                tracing::debug!(
                    wait_ms = millis(wait),
                    %status,
                    "the server asked to wait: pausing every sender"
                );
                state.paused_until = Some(until);
            }
        }
    }

    /// A send's slot comes back: it is free again one window from now.
    fn give_back(&self) {
        let mut state = self.lock();
        state.in_flight -= 1;
        let slots = state.ready + state.in_flight + cooling_len(&state.cooling);
        if slots < state.capacity {
            state.cooling.push_back(Instant::now() + self.per);
            drop(state);
            self.returned.notify_one();
        }
    }

    /// A slot taken by a sender that was dropped before it sent: free again at `free_at`, the
    /// time it was free before, which the next sender may have instead.
    fn hand_back_unused(&self, free_at: Instant) {
        let mut state = self.lock();
        state.in_flight -= 1;
        let slots = state.ready + state.in_flight + cooling_len(&state.cooling);
        if slots < state.capacity {
            // `cooling` stays in the order slots free up.
            let place = state.cooling.partition_point(|at| *at <= free_at);
            state.cooling.insert(place, free_at);
            drop(state);
            self.returned.notify_one();
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The state is consistent between statements: a panic elsewhere leaves it usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    /// Moves the slots whose window has passed to `ready`.
    fn free_cooled(&mut self, now: Instant) {
        while self.cooling.front().is_some_and(|free_at| *free_at <= now) {
            self.cooling.pop_front();
            self.ready += 1;
        }
    }

    /// Makes the budget `capacity` slots: new ones are free now; removed ones are taken from
    /// the free slots first, then from those cooling last, and the rest as their sends end.
    fn set_capacity(&mut self, capacity: u32) {
        let slots = self.ready + self.in_flight + cooling_len(&self.cooling);
        if capacity > self.capacity && capacity > slots {
            self.ready += capacity - slots;
        }
        let mut excess = slots.saturating_sub(capacity);
        while excess > 0 && self.ready > 0 {
            self.ready -= 1;
            excess -= 1;
        }
        while excess > 0 && self.cooling.pop_back().is_some() {
            excess -= 1;
        }
        self.capacity = capacity;
    }
}

/// A duration in whole milliseconds, for logs.
fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The number of cooling slots; never more than the budget, which is a `u32`.
fn cooling_len(cooling: &VecDeque<Instant>) -> u32 {
    u32::try_from(cooling.len()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    const SECOND: Duration = Duration::from_secs(1);

    #[tokio::test(start_paused = true)]
    async fn a_full_budget_goes_at_once_then_a_slot_per_window_after_its_answer() {
        let limiter = RateLimiter::new(2, SECOND);
        let started = Instant::now();
        drop(limiter.acquire().await);
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), Duration::ZERO);
        tokio::time::sleep(Duration::from_millis(300)).await;
        // The third send waits for the first slot, free one window after it came back.
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_is_held_until_the_answer_is_in() {
        let limiter = std::sync::Arc::new(RateLimiter::new(1, SECOND));
        let started = Instant::now();
        let held = limiter.acquire().await;
        let waiting = {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                drop(limiter.acquire().await);
                Instant::now()
            })
        };
        // A slow answer: the slot comes back after 5 s, and is free a window later.
        tokio::time::sleep(5 * SECOND).await;
        drop(held);
        let second_started = waiting.await.expect("task");
        assert_eq!(second_started - started, 6 * SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_with_retry_after_pauses_every_sender() {
        let limiter = RateLimiter::new(100, SECOND);
        let started = Instant::now();
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("7"));
        limiter.learn(StatusCode::TOO_MANY_REQUESTS, &headers);
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 7 * SECOND);
        // A 200 carries no wait: the next send goes at once.
        limiter.learn(StatusCode::OK, &HeaderMap::new());
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 7 * SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn a_503_with_retry_after_pauses_every_sender_and_one_without_does_not() {
        let limiter = RateLimiter::new(100, SECOND);
        let started = Instant::now();
        limiter.learn(StatusCode::SERVICE_UNAVAILABLE, &HeaderMap::new());
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), Duration::ZERO);
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("4"));
        limiter.learn(StatusCode::SERVICE_UNAVAILABLE, &headers);
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 4 * SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn a_sender_dropped_while_it_waits_hands_its_slot_back_untouched() {
        let limiter = std::sync::Arc::new(RateLimiter::new(1, SECOND));
        let started = Instant::now();
        // The only slot is used and cools until 1 s.
        drop(limiter.acquire().await);
        let given_up = {
            let limiter = limiter.clone();
            tokio::spawn(async move { drop(limiter.acquire().await) })
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        given_up.abort();
        assert!(given_up.await.expect_err("aborted").is_cancelled());
        // The slot is free at 1 s as before, not a window after the sender was dropped.
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn a_sender_dropped_during_a_pause_leaves_the_slot_free_for_the_next() {
        let window = 10 * SECOND;
        let limiter = std::sync::Arc::new(RateLimiter::new(1, window));
        let started = Instant::now();
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("3"));
        limiter.learn(StatusCode::TOO_MANY_REQUESTS, &headers);
        let given_up = {
            let limiter = limiter.clone();
            tokio::spawn(async move { drop(limiter.acquire().await) })
        };
        tokio::time::sleep(SECOND).await;
        given_up.abort();
        assert!(given_up.await.expect_err("aborted").is_cancelled());
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 3 * SECOND);
        // The slot was never sent on: it cools from this send, not from the dropped one's.
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 3 * SECOND + window);
    }

    #[tokio::test(start_paused = true)]
    async fn no_requests_remaining_pauses_until_the_reset() {
        let limiter = RateLimiter::new(100, SECOND);
        let started = Instant::now();
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("12"));
        limiter.learn(StatusCode::OK, &headers);
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), 12 * SECOND);
    }

    #[tokio::test(start_paused = true)]
    async fn the_servers_limit_lowers_the_budget_but_never_raises_it() {
        let limiter = RateLimiter::new(3, SECOND);
        let started = Instant::now();
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("1"));
        limiter.learn(StatusCode::OK, &headers);
        drop(limiter.acquire().await);
        drop(limiter.acquire().await);
        assert_eq!(started.elapsed(), SECOND);
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("1000"));
        limiter.learn(StatusCode::OK, &headers);
        let second = Instant::now();
        for _ in 0..3 {
            drop(limiter.acquire().await);
        }
        // Back to the configured 3: two free now, the third a window after the last came back.
        assert_eq!(second.elapsed(), SECOND);
    }
}
