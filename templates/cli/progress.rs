//! The progress of `--all` on standard error: pages fetched, items, and of how many pages
//! when the answers say. Drawn only when standard error is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A spinner with a count of pages and items.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A progress indicator on standard error, hidden when it is not a terminal.
    #[must_use]
    pub fn on_stderr() -> Progress {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        Progress::to(target)
    }

    /// A progress indicator drawn to `target`.
    #[must_use]
    pub fn to(target: ProgressDrawTarget) -> Progress {
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Progress { bar }
    }

    /// Page `page` is in: `items` so far, `last` the last page when known.
    pub fn page(&self, page: i64, last: Option<i64>, items: usize) {
        self.bar.set_message(message(page, last, items));
        self.bar.tick();
    }

    /// Removes the indicator.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// `page 2 of 5, 200 items`.
fn message(page: i64, last: Option<i64>, items: usize) -> String {
    match last {
        Some(last) => format!("page {page} of {last}, {items} items"),
        None => format!("page {page}, {items} items"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_counts_pages_and_items() {
        assert_eq!(message(2, Some(5), 200), "page 2 of 5, 200 items");
        assert_eq!(message(3, None, 7), "page 3, 7 items");
        let hidden = Progress::to(ProgressDrawTarget::hidden());
        hidden.page(1, Some(1), 0);
        hidden.finish();
    }
}
