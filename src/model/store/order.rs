//! Putting a store's events in another order: a copy ([`EventStore::permuted`]), in place a
//! column at a time ([`EventStore::into_permuted`]), and time order, which the dataset and the
//! reopen cache keep.

use super::{
    EventStore, Extra, HAS_END, HAS_EXTRA, NONE, TimePoint, WIDE, cell, cell_or, index_u32, sparse,
};

impl EventStore {
    /// The order that puts the events in time order (by start, then end, ties in index
    /// order), or `None` when they already are.
    pub fn time_order(&self) -> Option<Vec<u32>> {
        use crate::model::sort::{sort_on_two_cores, total_order_key};
        let (starts, ends) = (&self.start_secs, &self.end_secs);
        let key = |i: usize| {
            (
                starts.get(i).copied().unwrap_or(0.0),
                ends.get(i).copied().unwrap_or(0.0),
            )
        };
        let sorted = (1..self.len()).all(|i| {
            let (a, b) = (key(i - 1), key(i));
            a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).is_le()
        });
        if sorted {
            return None;
        }
        // Sorted as (start, end, index) rows: the keys travel with the index, so the sort
        // reads memory in order.
        let mut rows: Vec<(i64, i64, u32)> = (0..self.len())
            .map(|i| {
                let (s, e) = key(i);
                (total_order_key(s), total_order_key(e), index_u32(i))
            })
            .collect();
        sort_on_two_cores(&mut rows);
        Some(rows.into_iter().map(|r| r.2).collect())
    }

    /// The store in time order (see [`Self::time_order`]).
    #[must_use]
    pub fn into_time_order(self) -> Self {
        match self.time_order() {
            Some(order) => self.into_permuted(&order),
            None => self,
        }
    }

    /// The events at `order` (indices into this store), in that order, as a new store. Each
    /// column is gathered on its own: a gather touches one column at a time, which is several
    /// times faster than copying event by event (every event would be a cache miss per column).
    #[must_use]
    pub fn permuted(&self, order: &[u32]) -> Self {
        fn gather<T: Copy + Default>(column: &[T], order: &[u32]) -> Vec<T> {
            order.iter().map(|&i| cell(column, i as usize)).collect()
        }
        let mut out = Self {
            start: gather(&self.start, order),
            start_secs: gather(&self.start_secs, order),
            end_secs: gather(&self.end_secs, order),
            category: order
                .iter()
                .map(|&i| cell_or(&self.category, i as usize, NONE))
                .collect(),
            flags: gather(&self.flags, order),
            file: gather(&self.file, order),
            line: gather(&self.line, order),
            names: self.names.clone(),
            ..Self::default()
        };
        out.text.reserve(self.text.len());
        out.text_at.reserve(order.len());
        out.id_len.reserve(order.len());
        out.labels_at.reserve(order.len());
        for (k, &i) in order.iter().enumerate() {
            let i = i as usize;
            let (text, id_len) = self.text_span(i);
            out.text.push_str(text);
            out.push_text_end();
            out.id_len.push(index_u32(id_len));
            let slot = self.text_number(i);
            let from = cell(&self.labels_at, slot) as usize;
            let to = cell(&self.labels_at, slot + 1) as usize;
            out.labels
                .extend_from_slice(self.labels.get(from..to).unwrap_or(&[]));
            out.labels_at.push(index_u32(out.labels.len()));
            let flags = cell(&self.flags, i);
            let k32 = index_u32(k);
            if self.start.get(i) == Some(&WIDE)
                && let Some(&(_, wide)) = self
                    .wide_starts
                    .binary_search_by_key(&index_u32(i), |w| w.0)
                    .ok()
                    .and_then(|at| self.wide_starts.get(at))
            {
                out.wide_starts.push((k32, wide));
            }
            if flags & HAS_END != 0
                && let Some(&end) = sparse(&self.end_keys, &self.ends, i)
            {
                out.end_keys.push(k32);
                out.ends.push(end);
            }
            if flags & HAS_EXTRA != 0
                && let Some(extra) = sparse(&self.extra_keys, &self.extras, i)
            {
                out.extra_keys.push(k32);
                out.extras.push(extra.clone());
            }
        }
        out
    }

    /// [`Self::permuted`] of a store that is not needed afterwards, a column at a time: each
    /// old column is dropped once its new one is made, so the peak is the store and one column
    /// rather than two stores (a million events: ~100 MB less at the end of a load). The texts
    /// and labels are not copied at all (events take their text's number along), and a key order the
    /// store carries is renumbered rather than forgotten.
    #[must_use]
    pub fn into_permuted(mut self, order: &[u32]) -> Self {
        if order.len() != self.len() {
            return self.permuted(order);
        }
        // The text numbers and dates on a second core while this one does the rest. Texts
        // and labels stay where they are: each event takes its text's number along.
        let old = (
            std::mem::take(&mut self.text_slot),
            std::mem::take(&mut self.start),
            std::mem::take(&mut self.start_secs),
            std::mem::take(&mut self.end_secs),
        );
        let (old_slots, old_start, old_start_secs, old_end_secs) = &old;
        let permute_there = || {
            let slots: Vec<u32> = if old_slots.is_empty() {
                order.to_vec()
            } else {
                order
                    .iter()
                    .map(|&i| cell_or(old_slots, i as usize, NONE))
                    .collect()
            };
            let start: Vec<u64> = order.iter().map(|&i| cell(old_start, i as usize)).collect();
            let start_secs: Vec<f64> = order
                .iter()
                .map(|&i| cell(old_start_secs, i as usize))
                .collect();
            let end_secs: Vec<f64> = order
                .iter()
                .map(|&i| cell(old_end_secs, i as usize))
                .collect();
            (slots, start, start_secs, end_secs)
        };
        let moved = std::thread::scope(|scope| {
            let job = std::thread::Builder::new()
                .name("permute".to_owned())
                .spawn_scoped(scope, permute_there);
            // The sparse tables' keys and the key index are old indices, made new.
            let mut new_index = vec![NONE; order.len()];
            for (k, &i) in order.iter().enumerate() {
                if let Some(slot) = new_index.get_mut(i as usize) {
                    *slot = index_u32(k);
                }
            }
            for i in &mut self.key_order {
                *i = cell_or(&new_index, *i as usize, NONE);
            }
            // (`order.len()`: the starts, which count the events, are on the other core.)
            if self.key_order.len() != order.len() || self.key_order.contains(&NONE) {
                self.key_order = Vec::new(); // `order` is not a permutation: computed again
            }
            self.permute_rest(order, &new_index);
            match job {
                Ok(job) => job.join().ok(),
                Err(_) => None,
            }
        });
        // A thread that could not start (or stopped): done here.
        let (slots, start, start_secs, end_secs) = moved.unwrap_or_else(permute_there);
        drop(old);
        self.text_slot = slots;
        self.start = start;
        self.start_secs = start_secs;
        self.end_secs = end_secs;
        self
    }

    /// The columns [`Self::into_permuted`] moves on this core: the sparse tables (values move,
    /// never copied) and the fixed-size columns but the dates.
    fn permute_rest(&mut self, order: &[u32], new_index: &[u32]) {
        fn gather<T: Copy + Default>(column: &mut Vec<T>, order: &[u32]) {
            let gathered = order.iter().map(|&i| cell(column, i as usize)).collect();
            *column = gathered;
        }
        let renumber = |keys: &mut Vec<u32>| -> Vec<usize> {
            // Positions of the table's rows in their new order.
            let mut rows: Vec<(u32, usize)> = keys
                .iter()
                .enumerate()
                .map(|(at, &key)| (cell_or(new_index, key as usize, NONE), at))
                .collect();
            rows.sort_unstable();
            *keys = rows.iter().map(|r| r.0).collect();
            rows.into_iter().map(|r| r.1).collect()
        };
        let moves = renumber(&mut self.end_keys);
        let ends = std::mem::take(&mut self.ends);
        self.ends = moves
            .iter()
            .filter_map(|&at| ends.get(at).copied())
            .collect();
        let moves = renumber(&mut self.extra_keys);
        let mut extras: Vec<Option<Extra>> = std::mem::take(&mut self.extras)
            .into_iter()
            .map(Some)
            .collect();
        self.extras = moves
            .iter()
            .filter_map(|&at| extras.get_mut(at).and_then(Option::take))
            .collect();
        let mut wide: Vec<(u32, TimePoint)> = std::mem::take(&mut self.wide_starts)
            .into_iter()
            .map(|(i, t)| (cell_or(new_index, i as usize, NONE), t))
            .collect();
        wide.sort_unstable_by_key(|w| w.0);
        self.wide_starts = wide;
        gather(&mut self.flags, order);
        // One file (a store of a single file, the usual case): nothing to move.
        if self.file.windows(2).any(|w| w[0] != w[1]) {
            gather(&mut self.file, order);
        }
        gather(&mut self.line, order);
        let category = order
            .iter()
            .map(|&i| cell_or(&self.category, i as usize, NONE))
            .collect();
        self.category = category;
    }
}
