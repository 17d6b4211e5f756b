//! The key index: every event's number sorted by the hash of its id, which `Dataset` searches to
//! find an event by file and id (selections, notes and links survive reloads by it). For 10M
//! events it takes 0.4 s to build (hash every id, sort on two cores), so the reopen cache keeps
//! it beside the columns and a store carries it until its events change.

use super::EventStore;

impl EventStore {
    /// The hash an event is filed under in the key index: its id's (ids are unique per file;
    /// the same id in two files shares a hash, and a lookup checks the file).
    pub fn key_hash(id: &str) -> u64 {
        use std::hash::{BuildHasher as _, Hasher as _};
        let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
        hasher.write(id.as_bytes());
        hasher.finish()
    }

    /// The events' numbers sorted by [`Self::key_hash`] (ties by number here; a lookup reads
    /// every event of a hash, so after a reordering ties may be in any order).
    pub fn compute_key_order(&self) -> Vec<u32> {
        let mut by_hash: Vec<(u64, u32)> = self
            .iter()
            .map(|e| {
                (
                    Self::key_hash(e.id()),
                    u32::try_from(e.index()).unwrap_or(u32::MAX),
                )
            })
            .collect();
        crate::model::sort::sort_on_two_cores(&mut by_hash);
        by_hash.into_iter().map(|(_, i)| i).collect()
    }

    /// The key order this store carries (see [`Self::set_key_order`]), else one computed now;
    /// the store forgets it.
    pub fn take_key_order(&mut self) -> Vec<u32> {
        let carried = std::mem::take(&mut self.key_order);
        if carried.len() == self.len() && !carried.is_empty() {
            carried
        } else {
            self.compute_key_order()
        }
    }

    /// The key order this store carries (empty: none).
    pub fn key_order(&self) -> &[u32] {
        &self.key_order
    }

    /// Gives the store its key order (computed for it, or read back from the reopen cache).
    /// Refused (`false`) unless it has one number per event, each naming an event: a damaged
    /// order must not be taken. That it is sorted by hash and names each event once is what
    /// the cache's checksum vouches for; were it not, a lookup would miss an event, never
    /// read outside the store.
    pub fn set_key_order(&mut self, order: Vec<u32>) -> bool {
        let events = self.len();
        if order.len() != events || order.iter().any(|&i| i as usize >= events) {
            return false;
        }
        self.key_order = order;
        true
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
    use crate::model::{Event, EventStore};

    fn store(ids: &[&str]) -> EventStore {
        ids.iter()
            .map(|id| Event::new(*id, *id, crate::model::TimePoint::year(2021).unwrap()))
            .collect()
    }

    #[test]
    fn an_order_is_kept_only_if_it_fits_the_events_and_is_forgotten_when_they_change() {
        let mut events = store(&["a", "b", "c"]);
        let order = events.compute_key_order();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2]);
        assert!(!events.set_key_order(vec![0, 1]));
        assert!(!events.set_key_order(vec![0, 1, 3]));
        assert!(events.set_key_order(order.clone()));
        assert_eq!(events.key_order(), order);
        events.push(Event::new(
            "d",
            "d",
            crate::model::TimePoint::year(2022).unwrap(),
        ));
        assert!(events.key_order().is_empty(), "a new event: forgotten");
        assert_eq!(events.take_key_order().len(), 4, "computed again");
    }
}
