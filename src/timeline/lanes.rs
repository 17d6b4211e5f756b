//! Lanes: which bands each shown event sits in, by any field (category, actor, target, tag,
//! severity, file, or one lane for all). A multi-valued field puts an event in every lane it has a
//! value for. Rows inside a lane are packed per frame by the scene, from what is visible and how
//! wide its label is.

use std::collections::{BTreeSet, HashMap};

use crate::model::filter::Field;
use crate::model::{Dataset, EventIdx, Filter};

/// One horizontal band of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The field value it stands for (`""` for events without one).
    pub key: String,
    /// Name shown on the lane.
    pub label: String,
    /// Index of the category in `Dataset::categories` (for the colour), if lanes are by category.
    pub category: Option<usize>,
    /// Shown as its header only.
    pub collapsed: bool,
    /// Given as many rows as it needs (up to a limit), even if the others then must scroll.
    pub expanded: bool,
    /// Events in it.
    pub count: usize,
}
/// How the key of a lane of one file's events without a category starts (the file's path
/// follows).
pub const NO_VALUE_OF_FILE: &str = "\u{0}file:";

/// Spans longer than this go to a lane's second index, so one long span does not make every
/// query look back over the whole lane.
pub const LONG_SPAN_SECS: f64 = 7.0 * 86_400.0;

/// Some events of one lane in start order with their start times: a range query is two binary
/// searches, looking back by the longest duration among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneIndex {
    /// Events, by start.
    pub events: Vec<EventIdx>,
    /// Their start times (seconds), same order.
    pub starts: Vec<f64>,
    /// Their end times (seconds), same order.
    pub ends: Vec<f64>,
    /// The longest duration among them.
    pub max_duration_secs: f64,
    /// Every [`BLOCK`]th start: a small array (a sixty-fourth of `starts`) that stays in cache,
    /// so a search first finds its block here, then looks inside one block of `starts`.
    coarse: Vec<f64>,
    /// Starts counted in equal slices of time, for big lanes (see [`Tiles`]).
    tiles: Option<Tiles>,
}

mod tiles;
use tiles::Tiles;

/// Starts per block of [`LaneIndex::coarse`].
const BLOCK: usize = 64;

impl LaneIndex {
    /// An index of events already sorted by start.
    pub fn from_sorted(events: Vec<EventIdx>, starts: Vec<f64>, ends: Vec<f64>) -> Self {
        let max_duration_secs = starts
            .iter()
            .zip(&ends)
            .map(|(s, e)| e - s)
            .fold(0.0, f64::max);
        let mut index = Self {
            events,
            starts,
            ends,
            max_duration_secs,
            coarse: Vec::new(),
            tiles: None,
        };
        index.finish();
        index
    }

    /// Builds the block summary once the starts are final.
    fn finish(&mut self) {
        self.coarse = self.starts.iter().step_by(BLOCK).copied().collect();
        self.tiles = Tiles::build(&self.starts);
    }

    fn push(&mut self, idx: EventIdx, start: f64, end: f64) {
        self.events.push(idx);
        self.starts.push(start);
        self.ends.push(end);
        self.max_duration_secs = self.max_duration_secs.max(end - start);
    }

    fn sort(&mut self) {
        let mut rows: Vec<(f64, EventIdx, f64)> = self
            .starts
            .iter()
            .zip(&self.events)
            .zip(&self.ends)
            .map(|((&s, &i), &e)| (s, i, e))
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        self.starts = rows.iter().map(|r| r.0).collect();
        self.events = rows.iter().map(|r| r.1).collect();
        self.ends = rows.iter().map(|r| r.2).collect();
    }

    /// How many of the candidates really overlap `[min_secs, max_secs)`, counting no further
    /// than `cap` (a long span that ended before the view is a candidate but not in view).
    pub fn overlapping(&self, min_secs: f64, max_secs: f64, cap: usize) -> usize {
        let range = self.candidates(min_secs, max_secs);
        self.ends
            .get(range)
            .unwrap_or_default()
            .iter()
            .filter(|&&end| end > min_secs)
            .take(cap)
            .count()
    }

    /// Positions (in `events`) of every event that can overlap `[min_secs, max_secs)`: those
    /// starting before `max_secs` and at most the longest duration before `min_secs`.
    pub fn candidates(&self, min_secs: f64, max_secs: f64) -> std::ops::Range<usize> {
        let from = self
            .starts
            .partition_point(|&s| s < min_secs - self.max_duration_secs);
        let to = self.starts.partition_point(|&s| s < max_secs);
        from..to.max(from)
    }

    /// [`Self::first_not_before`] for an edge that may move by up to `slack` seconds: where the
    /// lane's time tiles are that fine, the edge is taken at the start of its tile, found in the
    /// few-kilobyte tile table alone (never touching the starts). Edges taken this way never go
    /// back as the edge grows, so bins between them still count every event once.
    pub fn first_not_before_near(&self, from: usize, edge: f64, slack: f64) -> usize {
        if let Some(tiles) = &self.tiles
            && !edge.is_nan()
            && tiles.scale * slack >= 1.0
        {
            if self.starts.last().is_some_and(|&last| edge > last) {
                return self.starts.len(); // past the last tile
            }
            let count = tiles.first.len() - 1;
            let t = tiles.tile_of(edge, count);
            let at = tiles
                .first
                .get(t)
                .map_or(self.starts.len(), |&p| p as usize);
            return at.max(from).min(self.starts.len());
        }
        self.first_not_before(from, edge)
    }

    /// The first position at or after `from` whose start is not before `edge`: a galloping search
    /// (1, 2, 4, … steps, then a binary search), so walking a lane's bins left to right costs
    /// the log of each bin's count and stays in cache, instead of a search of the whole lane per
    /// bin.
    pub fn first_not_before(&self, from: usize, edge: f64) -> usize {
        let starts = &self.starts;
        let len = starts.len();
        if from >= len || starts.get(from).is_none_or(|&s| s >= edge) {
            return from.min(len);
        }
        if let Some(tiles) = &self.tiles
            && !edge.is_nan()
        {
            return tiles.position(starts, edge).max(from);
        }
        // The last block whose first start is before `edge`, galloping over the block summary
        // from the block of `from` (bins move a little at a time, and the summary is in cache).
        let coarse = &self.coarse;
        let mut block = from / BLOCK;
        let mut step = 1;
        while coarse.get(block + step).is_some_and(|&s| s < edge) {
            block += step;
            step *= 2;
        }
        let upper = (block + step).min(coarse.len());
        block += coarse
            .get(block + 1..upper)
            .map_or(0, |w| w.partition_point(|&s| s < edge));
        // The answer is after that block's first start and at most at the next block's.
        let low = (block * BLOCK).max(from);
        let high = ((block + 1) * BLOCK).min(len);
        low + starts
            .get(low..high)
            .map_or(0, |w| w.partition_point(|&s| s < edge))
    }

    /// How many start in `[min_secs, max_secs)`.
    pub fn starting_in(&self, min_secs: f64, max_secs: f64) -> usize {
        let from = self.starts.partition_point(|&s| s < min_secs);
        let to = self.starts.partition_point(|&s| s < max_secs);
        to.saturating_sub(from)
    }
}

/// Which date places an event on the axis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeBasis {
    /// When it happened (start to end).
    #[default]
    Happened,
    /// When it became known: its `disclosed` date where it has one, else when it happened.
    Known,
}

impl TimeBasis {
    /// The seconds an event covers on the axis under this basis.
    pub fn span(self, event: crate::model::EventRef<'_>) -> (f64, f64) {
        match (self, event.disclosed()) {
            (Self::Known, Some(disclosed)) => (disclosed.start_secs(), disclosed.end_secs()),
            _ => (event.start_secs(), event.end_secs()),
        }
    }

    /// The middle of an event's second date under this basis, if it has one: when it became
    /// known (placed by when it happened), or when it happened (placed by when it became known).
    pub fn second_secs(self, event: crate::model::EventRef<'_>) -> Option<f64> {
        let disclosed = event.disclosed()?;
        Some(match self {
            Self::Happened => f64::midpoint(disclosed.start_secs(), disclosed.end_secs()),
            Self::Known => f64::midpoint(event.start_secs(), event.end_secs()),
        })
    }
}

/// How the user wants lanes made: by which field, in which order, which ones folded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LaneSpec {
    /// The field; `None` puts every event in one lane.
    pub by: Option<Field>,
    /// Lane keys the user moved, in the order wanted; other lanes follow in their usual order.
    pub order: Vec<String>,
    /// Keys of lanes shown as their header only.
    pub collapsed: BTreeSet<String>,
    /// Keys of lanes given all the rows they need.
    pub expanded: BTreeSet<String>,
    /// Which date places events.
    pub basis: TimeBasis,
    /// The language lanes are named in ("No actor", "Geen actor"); set by the window, not kept
    /// in sessions.
    #[serde(skip)]
    pub lang: crate::i18n::Lang,
    /// Lanes a source counted instead of sending their events (a ClickHouse table): `(key,
    /// events)`. Set by the window from the last answer, not kept in sessions.
    #[serde(skip)]
    pub counted: Vec<(String, usize)>,
}

impl Default for LaneSpec {
    fn default() -> Self {
        Self {
            by: Some(Field::Category),
            order: Vec::new(),
            collapsed: BTreeSet::new(),
            expanded: BTreeSet::new(),
            basis: TimeBasis::Happened,
            lang: crate::i18n::Lang::En,
            counted: Vec::new(),
        }
    }
}

/// `LaneLayout::placement` of an event that is not shown.
pub const NOT_SHOWN: u32 = u32::MAX;

/// Which lanes each shown event sits in. Recomputed when data, filter or lanes change, not per
/// frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneLayout {
    /// The field lanes are made by.
    pub by: Option<Field>,
    /// Which date places events.
    pub basis: TimeBasis,
    /// Lanes from top to bottom.
    pub lanes: Vec<Lane>,
    /// Per lane: events up to [`LONG_SPAN_SECS`] long, and longer ones, each by start time.
    pub index: Vec<[LaneIndex; 2]>,
    /// Per lane: the events with a second date (disclosed, or placed by their disclosure) as
    /// (that date's middle in seconds, event), sorted, so a second date in view is drawn even
    /// when its event is not.
    pub seconds: Vec<Vec<(f64, EventIdx)>>,
    /// For each event index: its first lane, or `None` when filtered out.
    /// (`u32::MAX` when not shown: four bytes per event, not eight).
    pub placement: Vec<u32>,
    /// For each event index, how many lanes it sits in (empty when lanes are by a field with one
    /// value per event).
    pub copies: Vec<u8>,
    /// Number of events shown (each counted once, whatever its lanes).
    pub shown: usize,
}

impl LaneLayout {
    /// The (first) lane of an event, if shown.
    pub fn place(&self, idx: EventIdx) -> Option<u32> {
        self.placement
            .get(idx.index())
            .copied()
            .filter(|&p| p != NOT_SHOWN)
    }

    /// The seconds an event covers on the axis.
    pub fn span(&self, event: crate::model::EventRef<'_>) -> (f64, f64) {
        self.basis.span(event)
    }

    /// How many lanes an event is drawn in.
    pub fn copies_of(&self, idx: EventIdx) -> usize {
        match self.copies.get(idx.index()) {
            Some(&n) => usize::from(n),
            None => usize::from(self.place(idx).is_some()),
        }
    }
}

/// Lanes by category (the default).
pub fn by_category(dataset: &Dataset, filter: &Filter) -> LaneLayout {
    build(dataset, filter, &LaneSpec::default())
}

/// The lanes of the events `filter` shows, made as `spec` says. Lanes are ordered by the user's
/// order first; then categories in declared order, other fields by event count (most first),
/// then name; events without a value last. Empty lanes are dropped.
pub fn build(dataset: &Dataset, filter: &Filter, spec: &LaneSpec) -> LaneLayout {
    build_with_counted(dataset, filter, spec, &spec.counted)
}

/// [`build`], with lanes a source counted instead of sending their events (`(key, events)`):
/// each is a lane (in its usual place) even with no event here, and its count includes them.
pub fn build_with_counted(
    dataset: &Dataset,
    filter: &Filter,
    spec: &LaneSpec,
    counted: &[(String, usize)],
) -> LaneLayout {
    // Lanes by category with several files open: each file's uncategorised events get a lane of
    // their own (two TimelineJS files are two stories, not one grey lane).
    let per_file_none: Vec<String> = if spec.by == Some(Field::Category) && dataset.files.len() > 1
    {
        dataset
            .files
            .iter()
            .map(|f| format!("{NO_VALUE_OF_FILE}{}", f.path))
            .collect()
    } else {
        Vec::new()
    };
    let mut keys: Vec<String> = counted.iter().map(|(key, _)| key.clone()).collect();
    let mut key_index: rustc_hash::FxHashMap<&str, usize> = counted
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); counted.len()];
    let mut placement: Vec<u32> = vec![NOT_SHOWN; dataset.events.len()];
    let multi = spec.by.is_some_and(Field::is_multi_valued);
    let mut copies: Vec<u8> = if multi {
        vec![0; dataset.events.len()]
    } else {
        Vec::new()
    };
    let mut shown = 0;
    // Once per build, not per event: whether anything is filtered, and the search words.
    let everything = filter.is_empty();
    let words = filter.search_words();
    let mut values: Vec<&str> = Vec::with_capacity(8);
    for (i, event) in dataset.events.iter().enumerate() {
        if !everything && !filter.matches_with(dataset, event, &words) {
            continue;
        }
        let Ok(i32) = u32::try_from(i) else { break };
        values.clear();
        match spec.by {
            None => values.push(""),
            Some(Field::Category) if !per_file_none.is_empty() => {
                match event.category().filter(|c| !c.is_empty()) {
                    Some(category) => values.push(category),
                    None => values.push(
                        per_file_none
                            .get(event.file().0 as usize)
                            .map_or("", String::as_str),
                    ),
                }
            }
            Some(field) => field.for_each_value(dataset, event, |v| values.push(v)),
        }
        if values.len() > 1 {
            values.sort_unstable();
            values.dedup();
        }
        for value in &values {
            let lane = if let Some(&lane) = key_index.get(value) {
                lane
            } else {
                keys.push((*value).to_owned());
                members.push(Vec::new());
                key_index.insert(value, keys.len() - 1);
                keys.len() - 1
            };
            if let Some(list) = members.get_mut(lane) {
                list.push(i32);
            }
        }
        if let Some(slot) = copies.get_mut(i) {
            *slot = u8::try_from(values.len()).unwrap_or(u8::MAX);
        }
        shown += 1;
    }
    drop(key_index);
    // Usual order, then the user's moves on top.
    let category_position: HashMap<&str, usize> = dataset
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let usual = |lane: usize| {
        let key = keys.get(lane).map_or("", String::as_str);
        let count = members.get(lane).map_or(0, Vec::len);
        let rank = match spec.by {
            // One uncategorised lane per file: in the order the files were opened.
            Some(Field::Category) if key.starts_with(NO_VALUE_OF_FILE) => per_file_none
                .iter()
                .position(|k| k == key)
                .unwrap_or(usize::MAX),
            Some(Field::Category) => category_position.get(key).copied().unwrap_or(usize::MAX),
            Some(Field::Severity) => usize::MAX - severity_rank(key),
            Some(Field::File) => dataset
                .files
                .iter()
                .position(|f| f.path == key)
                .unwrap_or(usize::MAX),
            _ => usize::MAX - count,
        };
        (
            key.is_empty() || key.starts_with(NO_VALUE_OF_FILE),
            rank,
            key.to_owned(),
        )
    };
    order.sort_by_cached_key(|&lane| {
        let key = keys.get(lane).map_or("", String::as_str);
        let moved = spec
            .order
            .iter()
            .position(|k| k == key)
            .unwrap_or(usize::MAX);
        (moved, usual(lane))
    });
    let mut new_position = vec![0u32; keys.len()];
    for (position, &lane) in order.iter().enumerate() {
        if let Some(slot) = new_position.get_mut(lane) {
            *slot = u32::try_from(position).unwrap_or(u32::MAX);
        }
    }
    let mut lanes = Vec::with_capacity(order.len());
    let mut index: Vec<[LaneIndex; 2]> = Vec::with_capacity(order.len());
    let mut seconds = Vec::with_capacity(order.len());
    for &lane in &order {
        let key = keys.get(lane).cloned().unwrap_or_default();
        let list = members.get(lane).map_or(&[][..], Vec::as_slice);
        let category = match spec.by {
            Some(Field::Category) => category_position.get(key.as_str()).copied(),
            _ => None,
        };
        let label = lane_label(dataset, spec, &key, category);
        // Events are sorted by start, so pushing in order keeps each index sorted (by when they
        // became known, they are sorted after).
        let mut pair: [LaneIndex; 2] = Default::default();
        let mut lane_seconds = Vec::new();
        for &i in list {
            let Some(event) = dataset.events.get(i as usize) else {
                continue;
            };
            if let Some(secs) = spec.basis.second_secs(event) {
                lane_seconds.push((secs, EventIdx(i)));
            }
            let (start, end) = spec.basis.span(event);
            let [short, long] = &mut pair;
            let which = if end - start > LONG_SPAN_SECS {
                long
            } else {
                short
            };
            which.push(EventIdx(i), start, end);
            if let Some(slot) = placement.get_mut(i as usize)
                && let Some(&n) = new_position.get(lane)
                && n < *slot
            {
                *slot = n;
            }
        }
        for index in &mut pair {
            if spec.basis == TimeBasis::Known {
                index.sort();
            }
            index.finish();
        }
        lane_seconds.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        seconds.push(lane_seconds);
        let elsewhere: usize = counted
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, n)| n)
            .sum();
        lanes.push(Lane {
            collapsed: spec.collapsed.contains(&key),
            expanded: spec.expanded.contains(&key),
            count: list.len() + elsewhere,
            key,
            label,
            category,
        });
        index.push(pair);
    }
    LaneLayout {
        by: spec.by,
        basis: spec.basis,
        lanes,
        seconds,
        index,
        placement,
        copies,
        shown,
    }
}

fn severity_rank(name: &str) -> usize {
    ["low", "medium", "high", "critical"]
        .iter()
        .position(|&s| s == name)
        .map_or(0, |i| i + 1)
}

fn lane_label(dataset: &Dataset, spec: &LaneSpec, key: &str, category: Option<usize>) -> String {
    use crate::model::text::one_line;
    let lang = spec.lang;
    let Some(field) = spec.by else {
        return lang.word("lane-all-events");
    };
    if key.is_empty() {
        return field.none_label_in(lang);
    }
    if let Some(path) = key.strip_prefix(NO_VALUE_OF_FILE) {
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        return format!("{} · {}", field.none_label_in(lang), one_line(name, 60));
    }
    let text = match (field, category.and_then(|i| dataset.categories.get(i))) {
        (Field::Category, Some(c)) => c.label_in(lang),
        (Field::File, _) => std::path::Path::new(key)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(key),
        _ => key,
    };
    let severity;
    let text = match field {
        Field::Severity if matches!(key, "low" | "medium" | "high" | "critical") => {
            severity = lang.word(&format!("severity-{key}"));
            one_line(&severity, 80)
        }
        _ => one_line(text, 80),
    };
    match field {
        Field::Severity => {
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => text.into_owned(),
    }
}

#[cfg(test)]
mod tests;
