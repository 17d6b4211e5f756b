//! The merged, sorted, indexed set of events, periods and categories from every open file.

use std::collections::HashMap;

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
    /// Events per category (same order as `categories`), counted once.
    pub category_counts: Vec<usize>,
    /// Events per file (same order as `files`), counted once.
    pub file_counts: Vec<usize>,
    /// Per event: the index of its category in `categories`, looked up once.
    pub category_of: Vec<Option<u32>>,
    by_key: HashMap<EventKey, EventIdx>,
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
            dataset
                .events
                .extend(part.events.into_iter().map(|e| Event { file, ..e }));
            dataset.files.push(part.info);
        }
        for event in &dataset.events {
            if let Some(id) = &event.category
                && !dataset.categories.iter().any(|c| &c.id == id)
            {
                dataset.categories.push(Category {
                    id: id.clone(),
                    label: id.clone(),
                    color: None,
                });
            }
        }
        // Sort keys computed once (a date's seconds take calendar maths), and events moved once:
        // an `Event` is large, and a comparison sort would move each many times.
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
        let mut slots: Vec<Option<Event>> = std::mem::take(&mut dataset.events)
            .into_iter()
            .map(Some)
            .collect();
        dataset.events = order
            .iter()
            .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
            .collect();
        dataset.periods.sort_by_key(|p| p.start);
        dataset.max_duration_secs = dataset
            .events
            .iter()
            .map(|e| e.end_secs() - e.start_secs())
            .fold(0.0, f64::max);
        dataset.by_key = dataset
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    EventKey {
                        file: e.file,
                        id: e.id.clone(),
                    },
                    EventIdx(u32::try_from(i).unwrap_or(u32::MAX)),
                )
            })
            .collect();
        let position: HashMap<&str, usize> = dataset
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
        dataset
    }

    /// The event at `idx`, if any.
    pub fn event(&self, idx: EventIdx) -> Option<&Event> {
        self.events.get(idx.index())
    }

    /// Finds an event by its stable key.
    pub fn find(&self, key: &EventKey) -> Option<EventIdx> {
        self.by_key.get(key).copied()
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

    /// `(first start, last end)` over events and periods, or `None` when empty.
    pub fn extent_secs(&self) -> Option<(f64, f64)> {
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
}
