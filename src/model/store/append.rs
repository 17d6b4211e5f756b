//! Adding one store's events to another: event by event ([`EventStore::copy_from`]) or as
//! whole columns with names, label ranges, sparse keys and text numbers renumbered
//! ([`EventStore::append`], [`EventStore::absorb`]: how a load puts its batches together).

use super::{EventStore, FileId, KIND_SHIFT, NONE, Row, SYM_MASK, cell, index_u32};

impl EventStore {
    /// How `other`'s interned names translate into this store's.
    fn translation(&mut self, other: &Self) -> Vec<u32> {
        other
            .names
            .names
            .iter()
            .map(|n| self.names.intern(n).unwrap_or(NONE))
            .collect()
    }

    /// Copies the events of `other` at `indices` (in that order) to the end of this store,
    /// with `file` as their file if given. Names are translated once per distinct name.
    pub fn copy_from(
        &mut self,
        other: &Self,
        indices: impl IntoIterator<Item = usize>,
        file: Option<FileId>,
    ) {
        let names = self.translation(other);
        let translate = |sym: u32| names.get(sym as usize).copied().unwrap_or(NONE);
        for i in indices {
            let Some(e) = other.get(i) else { continue };
            for &label in e.label_entries() {
                let sym = translate(label & SYM_MASK);
                self.push_label(label >> KIND_SHIFT, (sym != NONE).then_some(sym));
            }
            let (id, title) = e.id_title();
            let category = e.category_symbol().map_or(NONE, translate);
            self.push_row(Row {
                id,
                title,
                start: e.start(),
                start_secs: e.start_secs(),
                end_secs: e.end_secs(),
                end: e.end(),
                category,
                flags: cell(&other.flags, i),
                file: file.map_or_else(|| e.file().0, |f| f.0),
                line: e.line(),
                extra: e.extra().cloned(),
            });
        }
    }

    /// Appends every event of `other` (with `file` as their file if given).
    pub fn append(&mut self, other: &Self, file: Option<FileId>) {
        if self.append_columns(other, file) {
            self.extras.extend(other.extras.iter().cloned());
        } else {
            self.copy_from(other, 0..other.len(), file);
        }
    }

    /// [`Self::append`] of a store not needed afterwards: its extras move rather than copy.
    pub fn absorb(&mut self, mut other: Self, file: Option<FileId>) {
        if self.append_columns(&other, file) {
            self.extras.append(&mut other.extras);
        } else {
            self.copy_from(&other, 0..other.len(), file);
        }
    }

    /// Appends `other`'s columns as whole slices (all but the extras' values), renumbering
    /// names, label ranges and sparse keys; several times faster than event by event.
    /// `false` (nothing done) where a number would not fit in 32 bits or a name could not be
    /// interned: then the caller copies event by event, which drops what does not fit.
    fn append_columns(&mut self, other: &Self, file: Option<FileId>) -> bool {
        let fits = |a: usize, b: usize| a.checked_add(b).is_some_and(|n| n < NONE as usize);
        if !fits(self.len(), other.len()) || !fits(self.labels.len(), other.labels.len()) {
            return false;
        }
        self.key_order = Vec::new();
        let names = self.translation(other);
        if names.contains(&NONE) {
            return false;
        }
        let translate = |sym: u32| names.get(sym as usize).copied().unwrap_or(NONE);
        let base = index_u32(self.len());
        let texts = index_u32(self.id_len.len());
        if !self.text_slot.is_empty() || !other.text_slot.is_empty() {
            if self.text_slot.is_empty() {
                self.text_slot = (0..base).collect();
            }
            if other.text_slot.is_empty() {
                self.text_slot.extend(texts..texts + index_u32(other.len()));
            } else {
                self.text_slot
                    .extend(other.text_slot.iter().map(|&k| k + texts));
            }
        }
        let text_base = self.text.len() as u64;
        self.text.push_str(&other.text);
        for k in 1..=other.len() {
            let offset = text_base + other.text_offset(k);
            while (self.text_wraps.len() as u64) < offset >> 32 {
                self.text_wraps.push(index_u32(self.text_at.len()));
            }
            #[allow(clippy::cast_possible_truncation)] // the high bits are in `text_wraps`
            self.text_at.push(offset as u32);
        }
        self.id_len.extend_from_slice(&other.id_len);
        self.start.extend_from_slice(&other.start);
        self.wide_starts
            .extend(other.wide_starts.iter().map(|&(i, t)| (i + base, t)));
        self.start_secs.extend_from_slice(&other.start_secs);
        self.end_secs.extend_from_slice(&other.end_secs);
        self.end_keys
            .extend(other.end_keys.iter().map(|&i| i + base));
        self.ends.extend_from_slice(&other.ends);
        self.category.extend(
            other
                .category
                .iter()
                .map(|&c| if c == NONE { NONE } else { translate(c) }),
        );
        self.flags.extend_from_slice(&other.flags);
        match file {
            Some(file) => self.file.extend(std::iter::repeat_n(file.0, other.len())),
            None => self.file.extend_from_slice(&other.file),
        }
        self.line.extend_from_slice(&other.line);
        let label_base = index_u32(self.labels.len());
        self.labels_at
            .extend(other.labels_at.iter().skip(1).map(|&at| at + label_base));
        self.labels.extend(
            other
                .labels
                .iter()
                .map(|&l| (l & !SYM_MASK) | (translate(l & SYM_MASK) & SYM_MASK)),
        );
        self.extra_keys
            .extend(other.extra_keys.iter().map(|&i| i + base));
        true
    }
}
