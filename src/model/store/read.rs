//! Reading a store: [`EventRef`], one event read in place from the columns, and [`Iter`].

use super::{
    CIRCA, EventStore, Extra, HAS_END, HAS_EXTRA, KIND_SHIFT, LabelKind, NONE, SEVERITY_MASK,
    SYM_MASK, WIDE, cell, index_u32, sparse,
};
use crate::model::event::{Event, FileId, Link, Severity, Source};
use crate::model::time::TimePoint;

impl<'a> IntoIterator for &'a EventStore {
    type Item = EventRef<'a>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The events of a store in index order.
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    pub(super) store: &'a EventStore,
    pub(super) range: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = EventRef<'a>;
    fn next(&mut self) -> Option<EventRef<'a>> {
        let i = self.range.next()?;
        Some(EventRef {
            store: self.store,
            i,
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        Some(EventRef {
            store: self.store,
            i,
        })
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// One event of a store, read in place.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    pub(super) store: &'a EventStore,
    pub(super) i: usize,
}

impl std::fmt::Debug for EventRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_event().fmt(f)
    }
}

impl PartialEq for EventRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.to_event() == other.to_event()
    }
}

/// The names of one kind of label of an event.
fn names_of<'a>(
    store: &'a EventStore,
    entries: &'a [u32],
    kind: LabelKind,
) -> impl Iterator<Item = &'a str> + Clone + 'a {
    entries
        .iter()
        .filter(move |&&l| l >> KIND_SHIFT == kind as u32)
        .map(move |&l| store.names.name(l & SYM_MASK))
}

impl<'a> EventRef<'a> {
    /// Its index in the store.
    pub fn index(self) -> usize {
        self.i
    }

    pub(super) fn id_title(self) -> (&'a str, &'a str) {
        let (text, id_len) = self.store.text_span(self.i);
        (
            text.get(..id_len).unwrap_or(""),
            text.get(id_len..).unwrap_or(""),
        )
    }

    fn flags(self) -> u8 {
        cell(&self.store.flags, self.i)
    }

    /// Id inside its file.
    pub fn id(self) -> &'a str {
        self.id_title().0
    }

    /// Short title.
    pub fn title(self) -> &'a str {
        self.id_title().1
    }

    /// When it started, at the source's precision.
    pub fn start(self) -> TimePoint {
        let s = self.store;
        match s.start.get(self.i).copied() {
            Some(WIDE) => {
                let wide = s
                    .wide_starts
                    .binary_search_by_key(&index_u32(self.i), |w| w.0)
                    .ok()
                    .and_then(|at| s.wide_starts.get(at));
                debug_assert!(
                    wide.is_some(),
                    "event {} is marked wide but has no date",
                    self.i
                );
                wide.map_or_else(TimePoint::epoch, |w| w.1)
            }
            Some(bits) => TimePoint::unpack(bits),
            None => {
                debug_assert!(
                    self.i < s.start.len(),
                    "event {} is not in the store",
                    self.i
                );
                TimePoint::epoch()
            }
        }
    }

    /// When it ended, if it lasted.
    pub fn end(self) -> Option<TimePoint> {
        if self.flags() & HAS_END == 0 {
            return None;
        }
        sparse(&self.store.end_keys, &self.store.ends, self.i).copied()
    }

    /// First instant covered (seconds).
    pub fn start_secs(self) -> f64 {
        cell(&self.store.start_secs, self.i)
    }

    /// First instant after the event (seconds).
    pub fn end_secs(self) -> f64 {
        cell(&self.store.end_secs, self.i)
    }

    /// Whether it has an explicit end.
    pub fn is_span(self) -> bool {
        self.flags() & HAS_END != 0
    }

    /// Category id.
    pub fn category(self) -> Option<&'a str> {
        self.category_symbol().map(|s| self.store.names.name(s))
    }

    /// The category's interned number in its store.
    pub fn category_symbol(self) -> Option<u32> {
        self.store
            .category
            .get(self.i)
            .copied()
            .filter(|&c| c != NONE)
    }

    pub(super) fn label_entries(self) -> &'a [u32] {
        let s = self.store;
        let k = s.text_number(self.i);
        let from = cell(&s.labels_at, k) as usize;
        let to = cell(&s.labels_at, k + 1) as usize;
        s.labels.get(from..to).unwrap_or(&[])
    }

    /// Labels of one kind.
    pub fn labels(self, kind: LabelKind) -> impl Iterator<Item = &'a str> + Clone + 'a {
        names_of(self.store, self.label_entries(), kind)
    }

    /// Free tags.
    pub fn tags(self) -> impl Iterator<Item = &'a str> + Clone + 'a {
        self.labels(LabelKind::Tag)
    }

    /// Who acted.
    pub fn actors(self) -> impl Iterator<Item = &'a str> + Clone + 'a {
        self.labels(LabelKind::Actor)
    }

    /// Who or what was targeted.
    pub fn targets(self) -> impl Iterator<Item = &'a str> + Clone + 'a {
        self.labels(LabelKind::Target)
    }

    /// Severity.
    pub fn severity(self) -> Option<Severity> {
        match cell(&self.store.flags, self.i) & SEVERITY_MASK {
            1 => Some(Severity::Low),
            2 => Some(Severity::Medium),
            3 => Some(Severity::High),
            4 => Some(Severity::Critical),
            _ => None,
        }
    }

    /// The date is uncertain.
    pub fn circa(self) -> bool {
        self.store.flags.get(self.i).is_some_and(|f| f & CIRCA != 0)
    }

    /// File it came from.
    pub fn file(self) -> FileId {
        FileId(cell(&self.store.file, self.i))
    }

    /// 1-based line of its record (0 when unknown).
    pub fn line(self) -> u32 {
        cell(&self.store.line, self.i)
    }

    pub(super) fn extra(self) -> Option<&'a Extra> {
        if self.flags() & HAS_EXTRA == 0 {
            return None;
        }
        sparse(&self.store.extra_keys, &self.store.extras, self.i)
    }

    /// Longer plain text.
    pub fn description(self) -> Option<&'a str> {
        self.extra()?.description.as_deref()
    }

    /// Title and description in other languages, as the file gives them.
    pub fn translations(self) -> &'a [crate::model::event::Translation] {
        self.extra().map_or(&[], |x| &x.translations)
    }

    /// The title in `lang` where the file translated it, else as the file wrote it.
    pub fn title_in(self, lang: crate::i18n::Lang) -> &'a str {
        crate::model::event::title_in(self.title(), self.translations(), lang)
    }

    /// The description in `lang` where the file translated it, else as the file wrote it.
    pub fn description_in(self, lang: crate::i18n::Lang) -> Option<&'a str> {
        crate::model::event::description_in(self.description(), self.translations(), lang)
    }

    /// References.
    pub fn sources(self) -> &'a [Source] {
        self.extra().map_or(&[], |x| &x.sources)
    }

    /// Typed links to other events of the same file.
    pub fn links(self) -> &'a [Link] {
        self.extra().map_or(&[], |x| &x.links)
    }

    /// When it became public.
    pub fn disclosed(self) -> Option<TimePoint> {
        self.extra()?.disclosed
    }

    /// How the source wants the date shown.
    pub fn display_date(self) -> Option<&'a str> {
        self.extra()?.display_date.as_deref()
    }

    /// The date as the source gave it (see [`Event::date_label`]).
    pub fn date_label(self) -> String {
        self.date_label_in(crate::i18n::Lang::En)
    }

    /// [`EventRef::date_label`] in `lang`.
    pub fn date_label_in(self, lang: crate::i18n::Lang) -> String {
        crate::model::event::date_label(
            self.display_date(),
            self.circa(),
            &self.start(),
            self.end().as_ref(),
            lang,
        )
    }

    /// An owned copy.
    pub fn to_event(self) -> Event {
        let extra = self.extra().cloned().unwrap_or_default();
        Event {
            id: self.id().to_owned(),
            title: self.title().to_owned(),
            start: self.start(),
            end: self.end(),
            category: self.category().map(str::to_owned),
            tags: self.tags().map(str::to_owned).collect(),
            actors: self.actors().map(str::to_owned).collect(),
            targets: self.targets().map(str::to_owned).collect(),
            description: extra.description,
            sources: extra.sources,
            disclosed: extra.disclosed,
            links: extra.links,
            severity: self.severity(),
            circa: self.circa(),
            display_date: extra.display_date,
            file: self.file(),
            line: self.line(),
            translations: extra.translations,
        }
    }
}
