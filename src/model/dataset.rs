//! The merged, sorted, indexed set of events, periods and categories from every open file.

use super::event::{Category, EventIdx, EventKey, FileId, Period};
use super::store::{EventRef, EventStore};

/// Which reader produced a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The project's own JSON format.
    Annals,
    /// `TimelineJS` 3 (or the older `TimelineJS` 2 shape).
    TimelineJs,
    /// A STIX 2.0 or 2.1 bundle (MITRE ATT&CK included).
    Stix,
    /// VERIS incidents (VCDB).
    Veris,
    /// MISP events.
    Misp,
    /// Timesketch / Plaso JSONL or CSV.
    Timesketch,
    /// Generic CSV with a header row.
    Csv,
    /// A spreadsheet (`.xlsx`, `.xls`, `.ods`), each sheet read by the CSV column rules.
    Spreadsheet,
    /// A Plaso / log2timeline super-timeline (`psort -o l2tcsv`).
    Plaso,
    /// A ClickHouse table (`clickhouse://…`).
    ClickHouse,
}

impl Format {
    /// Lowercase name as printed by `annals check`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Annals => "annals",
            Self::TimelineJs => "timelinejs",
            Self::Stix => "stix",
            Self::Veris => "veris",
            Self::Misp => "misp",
            Self::Timesketch => "timesketch",
            Self::Csv => "csv",
            Self::Spreadsheet => "spreadsheet",
            Self::Plaso => "plaso",
            Self::ClickHouse => "clickhouse",
        }
    }
}

/// Where a part of the dataset came from.
#[derive(Clone, Debug, PartialEq)]
pub struct FileInfo {
    /// Path as given (or `<embedded>` for the built-in dataset).
    pub path: String,
    /// Format it was read as.
    pub format: Format,
    /// Title declared in the file.
    pub title: Option<String>,
    /// Description declared in the file.
    pub description: Option<String>,
    /// Title and description in other languages, as the file gives them.
    pub translations: Vec<crate::model::event::Translation>,
}

impl FileInfo {
    /// A file read as `format` at `path`, with no title yet.
    pub fn new(path: impl Into<String>, format: Format) -> Self {
        Self {
            path: path.into(),
            format,
            title: None,
            description: None,
            translations: Vec::new(),
        }
    }

    /// The file's title in `lang` where it translated it.
    pub fn title_in(&self, lang: crate::i18n::Lang) -> Option<&str> {
        let title = self.title.as_deref()?;
        Some(crate::model::event::title_in(
            title,
            &self.translations,
            lang,
        ))
    }
}

/// What one file contributes, before merging.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetPart {
    /// Where it came from.
    pub info: FileInfo,
    /// Categories declared in the file.
    pub categories: Vec<Category>,
    /// Periods (eras).
    pub periods: Vec<Period>,
    /// Events, in file order.
    pub events: EventStore,
}

impl DatasetPart {
    /// A copy of the part without its events.
    #[must_use]
    pub fn header(&self) -> Self {
        Self {
            info: self.info.clone(),
            categories: self.categories.clone(),
            periods: self.periods.clone(),
            events: EventStore::default(),
        }
    }

    /// The part with its events moved out (this one keeps its title, categories and periods,
    /// and no events): how a dataset takes files' events without copying them.
    #[must_use]
    pub fn take_events(&mut self) -> Self {
        Self {
            events: std::mem::take(&mut self.events),
            ..self.header()
        }
    }
}

/// Everything on screen: events sorted by start, categories and periods merged across files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// The files, indexed by [`FileId`].
    pub files: Vec<FileInfo>,
    /// Events sorted by start instant, then end, then file order.
    pub events: EventStore,
    /// Categories, declared ones first (first file wins on conflicts), then ones only used.
    pub categories: Vec<Category>,
    /// Periods sorted by start.
    pub periods: Vec<Period>,
    /// The longest event duration, so range queries can look back far enough for spans.
    pub max_duration_secs: f64,
    /// For each event that others link to, the events linking to it (resolved once).
    pub linked_from: rustc_hash::FxHashMap<EventIdx, Vec<EventIdx>>,
    /// `(first start, last end)` over events and periods, computed once.
    extent: Option<(f64, f64)>,
    /// Events per category (same order as `categories`), counted once.
    pub category_counts: Vec<usize>,
    /// Events per file (same order as `files`), counted once.
    pub file_counts: Vec<usize>,
    /// Per interned name of the event store: its index in `categories` (`u32::MAX` if it is not
    /// a category), so an event's category is two array reads.
    category_of_symbol: Vec<u32>,
    /// Event indices ordered by a hash of (file, id): a lookup is a binary search that hashes
    /// the ids it passes, then compares ids (a clash can never find the wrong event). Four bytes
    /// per event, no id copied.
    by_key: Vec<u32>,
}

#[cfg(test)]
impl DatasetPart {
    /// A native file at `path` holding `events` and nothing else (tests).
    pub(crate) fn of_events(path: &str, events: Vec<crate::model::Event>) -> Self {
        Self {
            info: FileInfo {
                path: path.into(),
                format: crate::model::Format::Annals,
                title: None,
                description: None,
                translations: Vec::new(),
            },
            categories: vec![],
            periods: vec![],
            events: events.into(),
        }
    }
}

#[cfg(test)]
impl Dataset {
    /// The dataset of one native file at `path` holding `events` (tests).
    pub(crate) fn of_events(path: &str, events: Vec<crate::model::Event>) -> Self {
        Self::from_parts(vec![DatasetPart::of_events(path, events)])
    }
}

impl Dataset {
    /// Merges parts in order; part `i` becomes [`FileId`]`(i)` on every event and period.
    pub fn from_parts(parts: Vec<DatasetPart>) -> Self {
        let mut dataset = Self::default();
        let mut stores = Vec::with_capacity(parts.len());
        for (i, part) in parts.into_iter().enumerate() {
            let file = FileId(u32::try_from(i).unwrap_or(u32::MAX));
            for category in part.categories {
                if !dataset.categories.iter().any(|c| c.id == category.id) {
                    dataset.categories.push(category);
                }
            }
            dataset
                .periods
                .extend(part.periods.into_iter().map(|p| Period { file, ..p }));
            stores.push(part.events);
            dataset.files.push(part.info);
        }
        // All files' events end to end (column by column), then put in time order by one
        // gather per column. Sort keys are the stored seconds.
        let all = if stores.len() == 1 {
            let mut store = stores.pop().unwrap_or_default();
            store.set_file(FileId(0));
            store
        } else {
            let mut all = EventStore::default();
            for (f, store) in stores.into_iter().enumerate() {
                all.append(&store, Some(FileId(u32::try_from(f).unwrap_or(u32::MAX))));
            }
            all
        };
        dataset.max_duration_secs = all
            .start_secs()
            .iter()
            .zip(all.end_secs())
            .map(|(s, e)| e - s)
            .fold(0.0, f64::max);
        // Already in order (a sorted file, or one that was loaded before): no copy at all.
        let mut all = all.into_time_order();
        all.shrink_to_fit();
        dataset.events = all;
        dataset.periods.sort_by_key(|p| p.start);
        // Categories only used (not declared) are added in order of first use.
        let mut known: rustc_hash::FxHashSet<String> =
            dataset.categories.iter().map(|c| c.id.clone()).collect();
        let mut used = vec![false; dataset.events.symbol_count()];
        for event in &dataset.events {
            if let Some(slot) = event
                .category_symbol()
                .and_then(|s| used.get_mut(s as usize))
                && !*slot
            {
                *slot = true;
                let id = event.category().unwrap_or_default();
                if known.insert(id.to_owned()) {
                    dataset.categories.push(Category {
                        id: id.to_owned(),
                        label: id.to_owned(),
                        color: None,
                        translations: Vec::new(),
                    });
                }
            }
        }
        dataset.category_of_symbol = (0..dataset.events.symbol_count())
            .map(|sym| {
                let name = dataset.events.name(u32::try_from(sym).unwrap_or(u32::MAX));
                dataset
                    .categories
                    .iter()
                    .position(|c| c.id == name)
                    .and_then(|p| u32::try_from(p).ok())
                    .unwrap_or(u32::MAX)
            })
            .collect();
        // Carried by a store read back from the reopen cache (one file, already in time order),
        // else built here.
        dataset.by_key = dataset.events.take_key_order();
        let mut category_counts = vec![0; dataset.categories.len()];
        let mut file_counts = vec![0; dataset.files.len()];
        for event in &dataset.events {
            if let Some(count) = dataset
                .category_index(EventIdx(u32::try_from(event.index()).unwrap_or(u32::MAX)))
                .and_then(|i| category_counts.get_mut(i))
            {
                *count += 1;
            }
            if let Some(count) = file_counts.get_mut(event.file().0 as usize) {
                *count += 1;
            }
        }
        dataset.category_counts = category_counts;
        dataset.file_counts = file_counts;
        dataset.extent = dataset.compute_extent();
        let mut linked_from: rustc_hash::FxHashMap<EventIdx, Vec<EventIdx>> =
            rustc_hash::FxHashMap::default();
        for event in &dataset.events {
            for link in event.links() {
                if let (Some(target), Ok(i)) = (
                    dataset.find_in_file(event.file(), &link.target),
                    u32::try_from(event.index()),
                ) {
                    linked_from.entry(target).or_default().push(EventIdx(i));
                }
            }
        }
        dataset.linked_from = linked_from;
        dataset
    }

    /// Splits the events back into one store per file (in time order within each), so files
    /// can be added or dropped and the dataset built again.
    pub fn into_file_stores(self) -> Vec<EventStore> {
        if self.files.len() == 1 {
            return vec![self.events]; // no copy
        }
        self.split_by_file()
    }

    /// Copies of the events of each file (in time order within each); the dataset stays as
    /// it is.
    pub fn file_stores(&self) -> Vec<EventStore> {
        if self.files.len() == 1 {
            return vec![self.events.clone()];
        }
        self.split_by_file()
    }

    fn split_by_file(&self) -> Vec<EventStore> {
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); self.files.len()];
        for event in &self.events {
            if let Some(list) = members.get_mut(event.file().0 as usize) {
                list.push(u32::try_from(event.index()).unwrap_or(u32::MAX));
            }
        }
        members
            .into_iter()
            .enumerate()
            .map(|(f, list)| {
                let mut store = self.events.permuted(&list);
                store.set_file(FileId(u32::try_from(f).unwrap_or(u32::MAX)));
                store
            })
            .collect()
    }

    /// The event at `idx`, if any.
    pub fn event(&self, idx: EventIdx) -> Option<EventRef<'_>> {
        self.events.get(idx.index())
    }

    /// Finds an event by its stable key.
    pub fn find(&self, key: &EventKey) -> Option<EventIdx> {
        self.find_in_file(key.file, &key.id)
    }

    /// The events in key order ([`EventStore::key_hash`] of their ids), as the reopen cache
    /// keeps them.
    pub fn key_order(&self) -> &[u32] {
        &self.by_key
    }

    /// Finds an event of `file` by id.
    pub fn find_in_file(&self, file: FileId, id: &str) -> Option<EventIdx> {
        let hash = EventStore::key_hash(id);
        let hash_of = |i: u32| {
            self.events
                .get(i as usize)
                .map_or(u64::MAX, |e| EventStore::key_hash(e.id()))
        };
        let from = self.by_key.partition_point(|&i| hash_of(i) < hash);
        self.by_key
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&i| hash_of(i) == hash)
            .find(|&&i| {
                self.events
                    .get(i as usize)
                    .is_some_and(|e| e.file() == file && e.id() == id)
            })
            .map(|&i| EventIdx(i))
    }

    /// The stable key of the event at `idx`.
    pub fn key(&self, idx: EventIdx) -> Option<EventKey> {
        self.event(idx).map(|e| EventKey {
            file: e.file(),
            id: e.id().to_owned(),
        })
    }

    /// The index in `categories` of an event's category.
    pub fn category_index(&self, idx: EventIdx) -> Option<usize> {
        let sym = self.event(idx)?.category_symbol()?;
        self.category_of_symbol
            .get(sym as usize)
            .filter(|&&c| c != u32::MAX)
            .map(|&c| c as usize)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The file an event or period came from.
    pub fn file(&self, file: FileId) -> Option<&FileInfo> {
        self.files.get(file.0 as usize)
    }

    /// The data's own title: the titles its files give ("A", "A · B", "A and 3 more"; "" when
    /// none has one).
    pub fn title(&self) -> String {
        self.title_in(crate::i18n::Lang::En)
    }

    /// [`Dataset::title`] in `lang` (each file's title as it translates it, if it does).
    pub fn title_in(&self, lang: crate::i18n::Lang) -> String {
        let titles: Vec<&str> = self
            .files
            .iter()
            .filter_map(|f| f.title_in(lang))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        match titles.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [a, b] => format!("{a} · {b}"),
            [first, rest @ ..] => lang.text(
                "title-and-more",
                &[
                    ("title", crate::i18n::Arg::Text(first)),
                    ("count", crate::i18n::Arg::Count(rest.len())),
                ],
            ),
        }
    }

    /// Per file (by index in `files`), how many distinct sources its events cite (by URL, or by
    /// title where there is no URL).
    pub fn distinct_sources(&self) -> Vec<(usize, usize)> {
        let mut seen: Vec<std::collections::HashSet<&str>> =
            vec![std::collections::HashSet::new(); self.files.len()];
        for event in &self.events {
            let Some(set) = seen.get_mut(event.file().0 as usize) else {
                continue;
            };
            for source in event.sources() {
                let key = source.url.as_deref().unwrap_or(&source.title).trim();
                if !key.is_empty() {
                    set.insert(key);
                }
            }
        }
        seen.iter()
            .map(std::collections::HashSet::len)
            .enumerate()
            .collect()
    }

    /// `(first start, last end)` over events and periods, or `None` when empty. Computed when
    /// the dataset is built: the window asks every frame.
    pub fn extent_secs(&self) -> Option<(f64, f64)> {
        self.extent
    }

    fn compute_extent(&self) -> Option<(f64, f64)> {
        let events = self
            .events
            .start_secs()
            .iter()
            .zip(self.events.end_secs())
            .map(|(&s, &e)| (s, e));
        let periods = self
            .periods
            .iter()
            .map(|p| (p.start.start_secs(), p.end.end_secs()));
        events.chain(periods).fold(None, |acc, (s, e)| match acc {
            None => Some((s, e)),
            Some((lo, hi)) => Some((f64::min(lo, s), f64::max(hi, e))),
        })
    }

    /// Indices of events that overlap `[min_secs, max_secs)`, in start order: a binary search
    /// on the sorted starts, looking back by the longest duration so spans that began earlier count.
    pub fn overlapping(&self, min_secs: f64, max_secs: f64) -> impl Iterator<Item = EventIdx> + '_ {
        let starts = self.events.start_secs();
        let from = starts.partition_point(|&s| s < min_secs - self.max_duration_secs);
        let to = starts.partition_point(|&s| s < max_secs).max(from);
        self.events
            .end_secs()
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .filter(move |&(_, &end)| end > min_secs)
            .map(move |(i, _)| EventIdx(u32::try_from(from + i).unwrap_or(u32::MAX)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;

    fn part(events: Vec<Event>) -> DatasetPart {
        DatasetPart::of_events("t.json", events)
    }

    fn ev(id: &str, start: &str, end: Option<&str>) -> Event {
        let mut e = Event::new(id, id, start.parse().unwrap());
        e.end = end.map(|s| s.parse().unwrap());
        e
    }

    #[test]
    fn merging_sorts_and_keeps_files() {
        let a = part(vec![ev("late", "2021", None), ev("early", "2012", None)]);
        let b = part(vec![ev("mid", "2015-06", None)]);
        let d = Dataset::from_parts(vec![a, b]);
        let ids: Vec<_> = d
            .events
            .iter()
            .map(super::super::store::EventRef::id)
            .collect();
        assert_eq!(ids, ["early", "mid", "late"]);
        assert_eq!(d.events.get(1).unwrap().file(), FileId(1));
        assert_eq!(d.find_in_file(FileId(0), "late"), Some(EventIdx(2)));
        assert_eq!(d.find_in_file(FileId(1), "late"), None);
    }

    #[test]
    fn overlap_query_matches_a_scan_and_finds_long_spans() {
        let events = vec![
            ev("long", "2000", Some("2020")),
            ev("a", "2010-01-01", None),
            ev("b", "2015-03", None),
            ev("c", "2019-12-31", None),
            ev("d", "2021", None),
        ];
        let d = Dataset::from_parts(vec![part(events)]);
        let lo: TimePointSecs = "2015"
            .parse::<crate::model::TimePoint>()
            .unwrap()
            .start_secs();
        let hi = "2016"
            .parse::<crate::model::TimePoint>()
            .unwrap()
            .start_secs();
        let found: Vec<_> = d
            .overlapping(lo, hi)
            .map(|i| d.event(i).unwrap().id())
            .collect();
        let scan: Vec<_> = d
            .events
            .iter()
            .filter(|e| e.end_secs() > lo && e.start_secs() < hi)
            .map(super::super::store::EventRef::id)
            .collect();
        assert_eq!(found, scan);
        assert_eq!(found, ["long", "b"]);
    }

    type TimePointSecs = f64;

    #[test]
    fn lookup_by_key_checks_the_id_not_just_its_hash() {
        let d = Dataset::from_parts(vec![part(vec![
            ev("a", "2020", None),
            ev("b", "2021", None),
        ])]);
        let key = |id: &str| EventKey {
            file: FileId(0),
            id: id.into(),
        };
        assert_eq!(d.find(&key("a")), Some(EventIdx(0)));
        assert_eq!(d.find(&key("b")), Some(EventIdx(1)));
        assert_eq!(d.find(&key("c")), None);
        assert_eq!(
            d.find(&EventKey {
                file: FileId(1),
                id: "a".into()
            }),
            None
        );
    }
}
