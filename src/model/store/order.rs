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
            id_len: gather(&self.id_len, order),
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
        out.labels_at.reserve(order.len());
        for (k, &i) in order.iter().enumerate() {
            let i = i as usize;
            out.text.push_str(self.text_span(i));
            out.push_text_end();
            let from = cell(&self.labels_at, i) as usize;
            let to = cell(&self.labels_at, i + 1) as usize;
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
    /// rather than two stores (a million events: ~100 MB less at the end of a load).
    #[must_use]
    pub fn into_permuted(mut self, order: &[u32]) -> Self {
        fn gather<T: Copy + Default>(column: &mut Vec<T>, order: &[u32]) {
            let gathered = order.iter().map(|&i| cell(column, i as usize)).collect();
            *column = gathered;
        }
        if order.len() != self.len() {
            return self.permuted(order);
        }
        self.key_order = Vec::new();
        // The texts (the biggest column) on a second core while this one does the rest.
        let order_text = order;
        let (text, text_at, text_wraps) = (&self.text, &self.text_at, &self.text_wraps);
        let permute_text = move || {
            let offset = |k: usize| {
                let wraps = text_wraps.partition_point(|&w| w as usize <= k) as u64;
                usize::try_from(u64::from(cell(text_at, k)) + (wraps << 32)).unwrap_or(usize::MAX)
            };
            let mut new_text = String::with_capacity(text.len());
            let mut new_at = Vec::with_capacity(order_text.len() + 1);
            let mut new_wraps = Vec::new();
            new_at.push(0);
            // In chunks: first every span of the chunk (reads that do not wait on each other,
            // so the memory system serves many at once), then the copies.
            let mut spans = Vec::with_capacity(4096);
            for (c, chunk) in order_text.chunks(4096).enumerate() {
                spans.clear();
                spans.extend(
                    chunk
                        .iter()
                        .map(|&i| (offset(i as usize), offset(i as usize + 1))),
                );
                for (j, &(from, to)) in spans.iter().enumerate() {
                    new_text.push_str(text.get(from..to.max(from)).unwrap_or(""));
                    let end = new_text.len() as u64;
                    while (new_wraps.len() as u64) < end >> 32 {
                        new_wraps.push(index_u32(c * 4096 + j + 1));
                    }
                    #[allow(clippy::cast_possible_truncation)] // the high bits are in `new_wraps`
                    new_at.push(end as u32);
                }
            }
            (new_text, new_at, new_wraps)
        };
        let (texts, ()) = std::thread::scope(|scope| {
            let job = std::thread::Builder::new()
                .name("permute".to_owned())
                .spawn_scoped(scope, permute_text);
            {
                let mut labels = Vec::with_capacity(self.labels.len());
                let mut labels_at = Vec::with_capacity(order.len() + 1);
                labels_at.push(0);
                for &i in order {
                    let from = cell(&self.labels_at, i as usize) as usize;
                    let to = cell(&self.labels_at, i as usize + 1) as usize;
                    labels.extend_from_slice(self.labels.get(from..to).unwrap_or(&[]));
                    labels_at.push(index_u32(labels.len()));
                }
                self.labels = labels;
                self.labels_at = labels_at;
                // The sparse tables: their keys are old indices, made new (values move, never copied).
                let mut new_index = vec![NONE; order.len()];
                for (k, &i) in order.iter().enumerate() {
                    if let Some(slot) = new_index.get_mut(i as usize) {
                        *slot = index_u32(k);
                    }
                }
                let renumber = |keys: &mut Vec<u32>| -> Vec<usize> {
                    // Positions of the table's rows in their new order.
                    let mut rows: Vec<(u32, usize)> = keys
                        .iter()
                        .enumerate()
                        .map(|(at, &key)| (cell_or(&new_index, key as usize, NONE), at))
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
                    .map(|(i, t)| (cell_or(&new_index, i as usize, NONE), t))
                    .collect();
                wide.sort_unstable_by_key(|w| w.0);
                self.wide_starts = wide;
                drop(new_index);
                gather(&mut self.id_len, order);
                gather(&mut self.start, order);
                gather(&mut self.start_secs, order);
                gather(&mut self.end_secs, order);
                gather(&mut self.flags, order);
                gather(&mut self.file, order);
                gather(&mut self.line, order);
                let category = order
                    .iter()
                    .map(|&i| cell_or(&self.category, i as usize, NONE))
                    .collect();
                self.category = category;
            }
            let texts = match job {
                Ok(job) => job.join().ok(),
                Err(_) => None,
            };
            (texts, ())
        });
        let (text, text_at, text_wraps) = texts.unwrap_or_else(permute_text);
        self.text = text;
        self.text_at = text_at;
        self.text_wraps = text_wraps;
        self
    }
}
