//! Servers, and the first one: the crate's default base URL.

use super::Comparison;
use crate::diff::classify::{Finding, Usage};

impl Comparison<'_, '_> {
    /// Servers added or removed, and a new default base URL.
    pub(super) fn servers(&mut self) {
        let (old, new) = (&self.old.api.servers, &self.new.api.servers);
        for url in old.iter().filter(|url| !new.contains(url)) {
            self.record(
                Finding::ServerRemoved,
                Usage::default(),
                format!("server {url}"),
                "removed",
            );
        }
        for url in new.iter().filter(|url| !old.contains(url)) {
            self.record(
                Finding::ServerAdded,
                Usage::default(),
                format!("server {url}"),
                "added",
            );
        }
        let (old_base, new_base) = (&self.old.api.base_url, &self.new.api.base_url);
        if old_base != new_base {
            self.record(
                Finding::DefaultServerChanged,
                Usage::default(),
                "servers[0]",
                format!("the client's default base URL `{old_base}` -> `{new_base}`"),
            );
        }
    }
}
