//! The merged, sorted, indexed set of events, periods and categories from every open file.

use super::event::{Category, Event, EventIdx, EventKey, FileId, Period};

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
    pub events: Vec<Event>,
}

/// Everything on screen: events sorted by start, categories and periods merged across files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// The files, indexed by [`FileId`].
    pub files: Vec<FileInfo>,
    /// Events sorted by start instant, then end, then file order.
    pub events: Vec<Event>,
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
    /// Per event: the index of its category in `categories`, looked up once.
    pub category_of: Vec<Option<u32>>,
    /// Events by a hash of (file, id): the first event with that hash, and any others with the
    /// same hash (collisions are checked on lookup, so a clash can never find the wrong event).
    /// No id is copied: a million ids would cost a million allocations.
    by_key: rustc_hash::FxHashMap<u64, u32>,
    same_hash: rustc_hash::FxHashMap<u64, Vec<u32>>,
}

impl Dataset {
    /// Merges parts in order; part `i` becomes [`FileId`]`(i)` on every event and period.
    pub fn from_parts(parts: Vec<DatasetPart>) -> Self {
        let mut dataset = Self::default();
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
            let mut events = part.events;
            for event in &mut events {
                event.file = file;
            }
            if dataset.events.is_empty() {
                dataset.events = events; // one file: no copy at all
            } else {
                dataset.events.append(&mut events);
            }
            dataset.files.push(part.info);
        }
        // Categories only used (not declared) are added in order of first use.
        let mut known: rustc_hash::FxHashSet<String> =
            dataset.categories.iter().map(|c| c.id.clone()).collect();
        let mut last: Option<&str> = None;
        for event in &dataset.events {
            if let Some(id) = event.category.as_deref()
                && last != Some(id)
            {
                last = Some(id);
                if !known.contains(id) {
                    known.insert(id.to_owned());
                    dataset.categories.push(Category {
                        id: id.to_owned(),
                        label: id.to_owned(),
                        color: None,
                    });
                }
            }
        }
        // Sort keys computed once (a date's seconds take calendar maths), then the events are
        // put in that order in place, each moved once along its cycle of the permutation (no
        // second vector of events: they are large, and there may be millions).
        let mut order: Vec<(f64, f64, usize)> = dataset
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.start_secs(), e.end_secs(), i))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        dataset.max_duration_secs = order.iter().map(|o| o.1 - o.0).fold(0.0, f64::max);
        let mut source: Vec<usize> = order.iter().map(|o| o.2).collect();
        drop(order);
        permute_in_place(&mut dataset.events, &mut source);
        dataset.periods.sort_by_key(|p| p.start);
        for (i, event) in dataset.events.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let hash = key_hash(event.file, &event.id);
            if let Some(&first) = dataset.by_key.get(&hash) {
                if first != i {
                    dataset.same_hash.entry(hash).or_default().push(i);
                }
            } else {
                dataset.by_key.insert(hash, i);
            }
        }
        let position: rustc_hash::FxHashMap<&str, usize> = dataset
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut category_counts = vec![0; dataset.categories.len()];
        let mut file_counts = vec![0; dataset.files.len()];
        let mut category_of = Vec::with_capacity(dataset.events.len());
        for event in &dataset.events {
            let category = event.category.as_deref().and_then(|c| position.get(c));
            category_of.push(category.and_then(|&i| u32::try_from(i).ok()));
            if let Some(count) = category.and_then(|&i| category_counts.get_mut(i)) {
                *count += 1;
            }
            if let Some(count) = file_counts.get_mut(event.file.0 as usize) {
                *count += 1;
            }
        }
        dataset.category_counts = category_counts;
        dataset.file_counts = file_counts;
        dataset.category_of = category_of;
        dataset.extent = dataset.compute_extent();
        let mut linked_from: rustc_hash::FxHashMap<EventIdx, Vec<EventIdx>> =
            rustc_hash::FxHashMap::default();
        for (i, event) in dataset.events.iter().enumerate() {
            for link in &event.links {
                if let (Some(target), Ok(i)) = (
                    dataset.find_in_file(event.file, &link.target),
                    u32::try_from(i),
                ) {
                    linked_from.entry(target).or_default().push(EventIdx(i));
                }
            }
        }
        dataset.linked_from = linked_from;
        dataset
    }

    /// The event at `idx`, if any.
    pub fn event(&self, idx: EventIdx) -> Option<&Event> {
        self.events.get(idx.index())
    }

    /// Finds an event by its stable key.
    pub fn find(&self, key: &EventKey) -> Option<EventIdx> {
        let hash = key_hash(key.file, &key.id);
        let matches = |&i: &u32| {
            self.events
                .get(i as usize)
                .is_some_and(|e| e.file == key.file && e.id == key.id)
        };
        let first = self.by_key.get(&hash).filter(|i| matches(i));
        first
            .or_else(|| self.same_hash.get(&hash)?.iter().find(|i| matches(i)))
            .map(|&i| EventIdx(i))
    }

    /// Finds an event of `file` by id.
    pub fn find_in_file(&self, file: FileId, id: &str) -> Option<EventIdx> {
        self.find(&EventKey {
            file,
            id: id.to_owned(),
        })
    }

    /// The stable key of the event at `idx`.
    pub fn key(&self, idx: EventIdx) -> Option<EventKey> {
        self.event(idx).map(|e| EventKey {
            file: e.file,
            id: e.id.clone(),
        })
    }

    /// The index in `categories` of an event's category.
    pub fn category_index(&self, idx: EventIdx) -> Option<usize> {
        self.category_of
            .get(idx.index())
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The file an event or period came from.
    pub fn file(&self, file: FileId) -> Option<&FileInfo> {
        self.files.get(file.0 as usize)
    }

    /// `(first start, last end)` over events and periods, or `None` when empty. Computed when
    /// the dataset is built: the window asks every frame.
    pub fn extent_secs(&self) -> Option<(f64, f64)> {
        self.extent
    }

    fn compute_extent(&self) -> Option<(f64, f64)> {
        let events = self.events.iter().map(|e| (e.start_secs(), e.end_secs()));
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
        let from = self
            .events
            .partition_point(|e| e.start_secs() < min_secs - self.max_duration_secs);
        let to = self.events.partition_point(|e| e.start_secs() < max_secs);
        self.events
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.end_secs() > min_secs)
            .map(move |(i, _)| EventIdx(u32::try_from(from + i).unwrap_or(u32::MAX)))
    }
}

/// The hash `by_key` files an event under.
fn key_hash(file: FileId, id: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    hasher.write_u32(file.0);
    hasher.write(id.as_bytes());
    hasher.finish()
}

/// Reorders `items` so that `items[k]` becomes the old `items[source[k]]`, moving each item
/// once by following the permutation's cycles (swaps). `source` is used up.
fn permute_in_place<T>(items: &mut [T], source: &mut [usize]) {
    for start in 0..source.len() {
        let mut k = start;
        // Walk the cycle through `start`, marking visited slots by pointing them at themselves.
        while let Some(&from) = source.get(k) {
            if from == start || from == k {
                if let Some(slot) = source.get_mut(k) {
                    *slot = k;
                }
                break;
            }
            items.swap(k, from);
            if let Some(slot) = source.get_mut(k) {
                *slot = k;
            }
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(events: Vec<Event>) -> DatasetPart {
        DatasetPart {
            info: FileInfo {
                path: "t.json".into(),
                format: Format::Annals,
                title: None,
                description: None,
            },
            categories: vec![],
            periods: vec![],
            events,
        }
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
        let ids: Vec<_> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["early", "mid", "late"]);
        assert_eq!(d.events[1].file, FileId(1));
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
            .map(|i| d.events[i.index()].id.as_str())
            .collect();
        let scan: Vec<_> = d
            .events
            .iter()
            .filter(|e| e.end_secs() > lo && e.start_secs() < hi)
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(found, scan);
        assert_eq!(found, ["long", "b"]);
    }

    type TimePointSecs = f64;

    #[test]
    fn permuting_in_place_matches_building_a_new_vector() {
        use proptest::prelude::*;
        proptest!(|(n in 0usize..200, seed in any::<u64>())| {
            let mut order: Vec<usize> = (0..n).collect();
            // A deterministic shuffle.
            let mut x = seed | 1;
            for i in (1..n).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                order.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let items: Vec<String> = (0..n).map(|i| format!("item{i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            let mut permuted = items;
            let mut source = order;
            permute_in_place(&mut permuted, &mut source);
            prop_assert_eq!(permuted, expected);
        });
    }

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
