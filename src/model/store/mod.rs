//! Events stored by column: no heap object per event.
//!
//! A million events kept as [`Event`] structs cost ~600 bytes each (the struct, a dozen small
//! strings and vectors). Here the texts of all events (id, title) sit end to end in one string,
//! categories, tags, actors and targets are interned once per store and referred to by number,
//! and times are kept both as dates at their precision and as seconds (the numbers layout and
//! culling use). What few events have (a description, sources, links, a disclosure date, a
//! display date) lives in a side table. [`EventRef`] reads one event; [`EventRef::to_event`]
//! makes an owned [`Event`] where one is needed (the detail panel, tests, writers).

use super::event::{Event, FileId, Link, Severity, Source};
use super::time::TimePoint;

mod append;
mod key_order;
mod order;
mod persist;
mod read;
pub use read::{EventRef, Iter};

/// No value in a numbered column.
const NONE: u32 = u32::MAX;
/// Label entries carry their kind in the top two bits; the symbol is the rest.
const KIND_SHIFT: u32 = 30;
const SYM_MASK: u32 = (1 << KIND_SHIFT) - 1;
/// Severity occupies the low three bits of `flags`; circa is the next one.
const SEVERITY_MASK: u8 = 0b111;
const CIRCA: u8 = 0b1000;

/// Which list of an event a label belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum LabelKind {
    /// A free tag.
    Tag = 0,
    /// Who acted.
    Actor = 1,
    /// Who or what was targeted.
    Target = 2,
}

/// What only some events have, kept out of the columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra {
    /// Longer plain text.
    pub description: Option<String>,
    /// References.
    pub sources: Vec<Source>,
    /// Typed links to other events of the same file.
    pub links: Vec<Link>,
    /// When it became public.
    pub disclosed: Option<TimePoint>,
    /// How the source wants the date shown.
    pub display_date: Option<String>,
    /// Title and description in other languages.
    pub translations: Vec<crate::model::event::Translation>,
}

impl Extra {
    fn is_empty(&self) -> bool {
        self.description.is_none()
            && self.sources.is_empty()
            && self.links.is_empty()
            && self.disclosed.is_none()
            && self.display_date.is_none()
            && self.translations.is_empty()
    }
}

/// The parts of an event every event has, borrowed, for [`EventStore::push_parts`].
#[derive(Clone, Copy, Debug)]
pub struct Core<'a> {
    /// Id inside its file.
    pub id: &'a str,
    /// Short title.
    pub title: &'a str,
    /// Start at its precision.
    pub start: TimePoint,
    /// End, for spans.
    pub end: Option<TimePoint>,
    /// Category id.
    pub category: Option<&'a str>,
    /// Severity.
    pub severity: Option<Severity>,
    /// The date is uncertain.
    pub circa: bool,
    /// File it came from.
    pub file: FileId,
    /// 1-based line of its record (0 when unknown).
    pub line: u32,
}

/// Strings stored once per store, referred to by number.
#[derive(Clone, Debug, Default)]
struct Interner {
    names: Vec<Box<str>>,
    index: rustc_hash::FxHashMap<Box<str>, u32>,
}

impl Interner {
    /// The number of `name`, adding it if new. Past 2^30 distinct names (far beyond what memory
    /// holds) new names are not stored and `None` comes back.
    fn intern(&mut self, name: &str) -> Option<u32> {
        if let Some(&sym) = self.index.get(name) {
            return Some(sym);
        }
        let sym = u32::try_from(self.names.len())
            .ok()
            .filter(|&s| s < SYM_MASK)?;
        self.names.push(name.into());
        self.index.insert(name.into(), sym);
        Some(sym)
    }

    fn name(&self, sym: u32) -> &str {
        self.names.get(sym as usize).map_or("", |n| n)
    }
}

/// Events by column. Indices are positions in push order.
#[derive(Clone, Debug)]
pub struct EventStore {
    /// Every event's id then title, end to end, in the order they were added (a text's number
    /// is its place in this order).
    text: String,
    /// Where each text starts in `text` (low 32 bits); one more entry than texts.
    text_at: Vec<u32>,
    /// Entries of `text_at` from which the offsets are another 4 GiB further (almost always
    /// empty): the full offset of entry `k` is `text_at[k]` plus 2^32 per wrap at or before `k`.
    text_wraps: Vec<u32>,
    /// Length of each text's id in bytes (its title is the rest of the text).
    id_len: Vec<u32>,
    /// The number of each event's text and labels (its place in the order events were added),
    /// or empty when every event's number is its own. Putting events in another order moves
    /// these numbers, never the texts or labels (the biggest columns: at 10M events, copying
    /// the texts in time order took 3 s of a 13 s load, the labels a second more).
    text_slot: Vec<u32>,
    /// Start dates packed in eight bytes ([`TimePoint::pack`]), or `WIDE` when the date is kept
    /// whole in `wide_starts` (sub-second precision, far years).
    start: Vec<u64>,
    wide_starts: Vec<(u32, TimePoint)>,
    start_secs: Vec<f64>,
    end_secs: Vec<f64>,
    /// Events with an end (`HAS_END` in their flags), ascending, and their ends.
    end_keys: Vec<u32>,
    ends: Vec<TimePoint>,
    /// Interned category, or `NONE`.
    category: Vec<u32>,
    /// Severity (0 = none, 1–4), circa, has an end, has extras.
    flags: Vec<u8>,
    file: Vec<u32>,
    line: Vec<u32>,
    /// Where the labels of each text number (see `text_slot`) start in `labels`; one more
    /// entry than events.
    labels_at: Vec<u32>,
    /// Interned tags, actors and targets, the kind in the top two bits.
    labels: Vec<u32>,
    /// Events with extras (`HAS_EXTRA`), ascending, and their extras.
    extra_keys: Vec<u32>,
    extras: Vec<Extra>,
    names: Interner,
    /// The events in key order (see `key_order.rs`) when known: a store read back from the
    /// reopen cache brings it; adding, removing or moving events forgets it.
    key_order: Vec<u32>,
}

/// A start kept whole rather than packed.
const WIDE: u64 = u64::MAX;
const HAS_END: u8 = 0b1_0000;
const HAS_EXTRA: u8 = 0b10_0000;

impl Default for EventStore {
    fn default() -> Self {
        Self {
            text: String::new(),
            text_at: vec![0],
            text_wraps: Vec::new(),
            id_len: Vec::new(),
            text_slot: Vec::new(),
            start: Vec::new(),
            wide_starts: Vec::new(),
            start_secs: Vec::new(),
            end_secs: Vec::new(),
            end_keys: Vec::new(),
            ends: Vec::new(),
            category: Vec::new(),
            flags: Vec::new(),
            file: Vec::new(),
            line: Vec::new(),
            labels_at: vec![0],
            labels: Vec::new(),
            extra_keys: Vec::new(),
            extras: Vec::new(),
            names: Interner::default(),
            key_order: Vec::new(),
        }
    }
}

impl PartialEq for EventStore {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

fn severity_code(severity: Option<Severity>) -> u8 {
    match severity {
        None => 0,
        Some(Severity::Low) => 1,
        Some(Severity::Medium) => 2,
        Some(Severity::High) => 3,
        Some(Severity::Critical) => 4,
    }
}

/// Row `i` of a column. Every column has a row per event (some one more), so a missing row is a
/// bug in the store: it fails in tests and debug builds; a release build draws a default rather
/// than stop an analyst's session.
#[track_caller]
fn cell<T: Copy + Default>(column: &[T], i: usize) -> T {
    cell_or(column, i, T::default())
}

/// [`cell`] with the value a release build falls back to.
#[track_caller]
fn cell_or<T: Copy>(column: &[T], i: usize, fallback: T) -> T {
    debug_assert!(i < column.len(), "row {i} of a column of {}", column.len());
    column.get(i).copied().unwrap_or(fallback)
}

fn index_u32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(NONE)
}

/// The value for `key` in a table of ascending keys.
fn sparse<'a, T>(keys: &[u32], values: &'a [T], key: usize) -> Option<&'a T> {
    let key = u32::try_from(key).ok()?;
    let at = keys.binary_search(&key).ok()?;
    values.get(at)
}

/// One event's columns, ready to store (names already interned in the target store).
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    start: TimePoint,
    start_secs: f64,
    end_secs: f64,
    end: Option<TimePoint>,
    category: u32,
    flags: u8,
    file: u32,
    line: u32,
    extra: Option<Extra>,
}

impl EventStore {
    /// An empty store with room for `events` events and `text_bytes` bytes of ids and titles.
    pub fn with_capacity(events: usize, text_bytes: usize) -> Self {
        let mut store = Self::default();
        store.text.reserve(text_bytes);
        store.text_at.reserve(events);
        store.id_len.reserve(events);
        store.start.reserve(events);
        store.start_secs.reserve(events);
        store.end_secs.reserve(events);
        store.category.reserve(events);
        store.flags.reserve(events);
        store.file.reserve(events);
        store.line.reserve(events);
        store.labels_at.reserve(events);
        store
    }

    /// Makes room for `events` more events of about the same size as those here (a load that
    /// knows its file's size asks once, so columns are not copied as they grow; room reserved
    /// but never used costs address space, not memory).
    pub fn reserve_like_this(&mut self, events: usize) {
        let n = self.len().max(1);
        let per = |total: usize| total.div_ceil(n).saturating_mul(events);
        self.text.reserve(per(self.text.len()));
        self.text_at.reserve(events);
        self.id_len.reserve(events);
        self.start.reserve(events);
        self.start_secs.reserve(events);
        self.end_secs.reserve(events);
        self.end_keys.reserve(per(self.end_keys.len()));
        self.ends.reserve(per(self.ends.len()));
        self.category.reserve(events);
        self.flags.reserve(events);
        self.file.reserve(events);
        self.line.reserve(events);
        self.labels_at.reserve(events);
        self.labels.reserve(per(self.labels.len()));
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.start.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }

    /// The event at `i`.
    pub fn get(&self, i: usize) -> Option<EventRef<'_>> {
        (i < self.len()).then_some(EventRef { store: self, i })
    }

    /// Every event, in index order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            store: self,
            range: 0..self.len(),
        }
    }

    /// Start instants (seconds), by index: for binary searches when events are in time order.
    pub fn start_secs(&self) -> &[f64] {
        &self.start_secs
    }

    /// First instants after each event (seconds), by index.
    pub fn end_secs(&self) -> &[f64] {
        &self.end_secs
    }

    /// An owned copy of the event at `i`.
    pub fn owned(&self, i: usize) -> Option<Event> {
        self.get(i).map(EventRef::to_event)
    }

    /// Owned copies of every event (for tests and small files).
    pub fn to_vec(&self) -> Vec<Event> {
        self.iter().map(EventRef::to_event).collect()
    }

    /// The full offset of `text_at[k]`.
    fn text_offset(&self, k: usize) -> u64 {
        let wraps = self.text_wraps.partition_point(|&w| w as usize <= k) as u64;
        u64::from(cell(&self.text_at, k)) + (wraps << 32)
    }

    /// Ends the text of the event being pushed: records where the next one starts.
    fn push_text_end(&mut self) {
        let offset = self.text.len() as u64;
        let k = index_u32(self.text_at.len());
        while (self.text_wraps.len() as u64) < offset >> 32 {
            self.text_wraps.push(k);
        }
        #[allow(clippy::cast_possible_truncation)] // the high bits are in `text_wraps`
        self.text_at.push(offset as u32);
    }

    /// Stores one event; labels are pushed by the caller right before, as raw entries.
    fn push_row(&mut self, row: Row<'_>) {
        self.key_order = Vec::new();
        let i = index_u32(self.len());
        if !self.text_slot.is_empty() {
            self.text_slot.push(index_u32(self.id_len.len()));
        }
        self.text.push_str(row.id);
        self.text.push_str(row.title);
        self.push_text_end();
        self.id_len
            .push(u32::try_from(row.id.len()).unwrap_or(NONE));
        if let Some(bits) = row.start.pack() {
            self.start.push(bits);
        } else {
            self.start.push(WIDE);
            self.wide_starts.push((i, row.start));
        }
        self.start_secs.push(row.start_secs);
        self.end_secs.push(row.end_secs);
        let mut flags = row.flags & (SEVERITY_MASK | CIRCA);
        if let Some(end) = row.end {
            flags |= HAS_END;
            self.end_keys.push(i);
            self.ends.push(end);
        }
        if let Some(extra) = row.extra.filter(|x| !x.is_empty()) {
            flags |= HAS_EXTRA;
            self.extra_keys.push(i);
            self.extras.push(extra);
        }
        self.category.push(row.category);
        self.flags.push(flags);
        self.file.push(row.file);
        self.line.push(row.line);
        self.labels_at.push(index_u32(self.labels.len()));
    }

    fn push_label(&mut self, kind: u32, sym: Option<u32>) {
        // Past u32::MAX label entries (memory would run out first) labels are dropped.
        if let Some(sym) = sym
            && self.labels.len() < NONE as usize
        {
            self.labels.push(kind << KIND_SHIFT | sym & SYM_MASK);
        }
    }

    /// Adds an event from its parts. Labels are `(kind, name)`.
    pub fn push_parts<'a>(
        &mut self,
        core: Core<'_>,
        labels: impl IntoIterator<Item = (LabelKind, &'a str)>,
        extra: Extra,
    ) {
        for (kind, name) in labels {
            let sym = self.names.intern(name);
            self.push_label(kind as u32, sym);
        }
        let end_secs = core
            .end
            .as_ref()
            .map_or_else(|| core.start.end_secs(), TimePoint::end_secs);
        let category = core
            .category
            .and_then(|c| self.names.intern(c))
            .unwrap_or(NONE);
        self.push_row(Row {
            id: core.id,
            title: core.title,
            start: core.start,
            start_secs: core.start.start_secs(),
            end_secs,
            end: core.end,
            category,
            flags: severity_code(core.severity) | if core.circa { CIRCA } else { 0 },
            file: core.file.0,
            line: core.line,
            extra: Some(extra),
        });
    }

    /// Adds an owned event.
    pub fn push(&mut self, event: Event) {
        let Event {
            id,
            title,
            start,
            end,
            category,
            tags,
            actors,
            targets,
            description,
            sources,
            disclosed,
            links,
            severity,
            circa,
            display_date,
            file,
            line,
            translations,
        } = event;
        let labels = tags
            .iter()
            .map(|t| (LabelKind::Tag, t.as_str()))
            .chain(actors.iter().map(|a| (LabelKind::Actor, a.as_str())))
            .chain(targets.iter().map(|t| (LabelKind::Target, t.as_str())));
        let core = Core {
            id: &id,
            title: &title,
            start,
            end,
            category: category.as_deref(),
            severity,
            circa,
            file,
            line,
        };
        let extra = Extra {
            description,
            sources,
            links,
            disclosed,
            display_date,
            translations,
        };
        self.push_parts(core, labels, extra);
    }

    /// The number of event `i`'s text and labels.
    fn text_number(&self, i: usize) -> usize {
        if self.text_slot.is_empty() {
            i
        } else {
            cell_or(&self.text_slot, i, NONE) as usize
        }
    }

    /// The id and title of event `i`, end to end, and the id's length.
    fn text_span(&self, i: usize) -> (&str, usize) {
        let k = self.text_number(i);
        let from = self.text_offset(k);
        let to = self.text_offset(k + 1).max(from);
        let text = usize::try_from(from)
            .ok()
            .zip(usize::try_from(to).ok())
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("");
        (text, cell(&self.id_len, k) as usize)
    }

    /// Sets the file of every event.
    pub fn set_file(&mut self, file: FileId) {
        self.file.fill(file.0);
    }

    /// A copy with the ids of some events replaced (`renames` by index; used to make duplicate
    /// ids unique, which is rare: the store is rebuilt).
    #[must_use]
    pub fn with_ids(&self, renames: &rustc_hash::FxHashMap<usize, String>) -> Self {
        let mut out = Self::with_capacity(self.len(), self.text.len());
        for e in self {
            let mut event = e.to_event();
            if let Some(id) = renames.get(&e.i) {
                event.id.clone_from(id);
            }
            out.push(event);
        }
        out
    }

    /// The name behind an interned number.
    pub fn name(&self, sym: u32) -> &str {
        self.names.name(sym)
    }

    /// How many distinct names are interned (symbols are `0..count`).
    pub fn symbol_count(&self) -> usize {
        self.names.names.len()
    }

    /// Gives back unused capacity (after a store is complete).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.text_at.shrink_to_fit();
        self.id_len.shrink_to_fit();
        self.text_slot.shrink_to_fit();
        self.start.shrink_to_fit();
        self.wide_starts.shrink_to_fit();
        self.start_secs.shrink_to_fit();
        self.end_secs.shrink_to_fit();
        self.end_keys.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.category.shrink_to_fit();
        self.flags.shrink_to_fit();
        self.file.shrink_to_fit();
        self.line.shrink_to_fit();
        self.labels_at.shrink_to_fit();
        self.labels.shrink_to_fit();
        self.extra_keys.shrink_to_fit();
        self.extras.shrink_to_fit();
    }
}

impl From<Vec<Event>> for EventStore {
    fn from(events: Vec<Event>) -> Self {
        events.into_iter().collect()
    }
}

impl FromIterator<Event> for EventStore {
    fn from_iter<I: IntoIterator<Item = Event>>(iter: I) -> Self {
        let mut store = Self::default();
        for event in iter {
            store.push(event);
        }
        store
    }
}

#[cfg(test)]
mod tests;
