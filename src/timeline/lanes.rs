//! Lanes: which band each shown event sits in (one per category for now). Rows inside a lane are
//! packed per frame by the scene, from what is visible and how wide its label is.

use crate::model::{Dataset, EventIdx, Filter};

/// One horizontal band of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Category id (`""` for uncategorised).
    pub key: String,
    /// Name shown on the lane.
    pub label: String,
    /// Index of the category in `Dataset::categories` (for the colour), if any.
    pub category: Option<usize>,
}

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
    /// The longest duration among them.
    pub max_duration_secs: f64,
}

impl LaneIndex {
    fn push(&mut self, idx: EventIdx, start: f64, end: f64) {
        self.events.push(idx);
        self.starts.push(start);
        self.max_duration_secs = self.max_duration_secs.max(end - start);
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

    /// How many start in `[min_secs, max_secs)`.
    pub fn starting_in(&self, min_secs: f64, max_secs: f64) -> usize {
        let from = self.starts.partition_point(|&s| s < min_secs);
        let to = self.starts.partition_point(|&s| s < max_secs);
        to.saturating_sub(from)
    }
}

/// Which lane each shown event sits in. Recomputed when data or filter change, not per frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneLayout {
    /// Lanes from top to bottom.
    pub lanes: Vec<Lane>,
    /// Per lane: events up to [`LONG_SPAN_SECS`] long, and longer ones, each by start time.
    pub index: Vec<[LaneIndex; 2]>,
    /// For each event index: its lane, or `None` when filtered out.
    pub placement: Vec<Option<u32>>,
    /// Number of events shown.
    pub shown: usize,
}

impl LaneLayout {
    /// The lane of an event, if shown.
    pub fn place(&self, idx: EventIdx) -> Option<u32> {
        self.placement.get(idx.index()).copied().flatten()
    }
}

/// One lane per category that has shown events (in category order), then "Uncategorised".
pub fn by_category(dataset: &Dataset, filter: &Filter) -> LaneLayout {
    let mut lanes: Vec<Lane> = dataset
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Lane {
            key: c.id.clone(),
            label: crate::model::text::one_line(&c.label, 80).into_owned(),
            category: Some(i),
        })
        .collect();
    lanes.push(Lane {
        key: String::new(),
        label: "Uncategorised".to_owned(),
        category: None,
    });
    let index_of: std::collections::HashMap<&str, usize> = lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.key.as_str(), i))
        .collect();
    let fallback = lanes.len() - 1;
    let mut used = vec![false; lanes.len()];
    let mut placement = vec![None; dataset.events.len()];
    let mut shown = 0;
    for (slot, event) in placement.iter_mut().zip(&dataset.events) {
        if !filter.matches(event) {
            continue;
        }
        let lane = index_of
            .get(event.category.as_deref().unwrap_or(""))
            .copied()
            .unwrap_or(fallback);
        if let Some(flag) = used.get_mut(lane) {
            *flag = true;
        }
        *slot = Some(u32::try_from(lane).unwrap_or(0));
        shown += 1;
    }
    // Drop empty lanes, renumbering placements.
    let mut new_index = vec![None; lanes.len()];
    let mut kept = Vec::new();
    for (i, lane) in lanes.into_iter().enumerate() {
        if used.get(i).copied().unwrap_or(false) {
            new_index[i] = Some(u32::try_from(kept.len()).unwrap_or(0));
            kept.push(lane);
        }
    }
    for slot in &mut placement {
        *slot = slot.and_then(|lane| new_index.get(lane as usize).copied().flatten());
    }
    // The dataset is sorted by start, so pushing in order keeps each index sorted.
    let mut index: Vec<[LaneIndex; 2]> = (0..kept.len()).map(|_| Default::default()).collect();
    for (i, (slot, event)) in placement.iter().zip(&dataset.events).enumerate() {
        let (Some(lane), Ok(i)) = (slot, u32::try_from(i)) else {
            continue;
        };
        let (start, end) = (event.start_secs(), event.end_secs());
        if let Some([short, long]) = index.get_mut(*lane as usize) {
            let which = if end - start > LONG_SPAN_SECS {
                long
            } else {
                short
            };
            which.push(EventIdx(i), start, end);
        }
    }
    LaneLayout {
        lanes: kept,
        index,
        placement,
        shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, DatasetPart, Event, FileInfo, Format};

    fn dataset(events: &[(&str, &str, Option<&str>, Option<&str>)]) -> Dataset {
        let events = events
            .iter()
            .map(|(id, start, end, cat)| {
                let mut e = Event::new(*id, *id, start.parse().unwrap());
                e.end = end.map(|s| s.parse().unwrap());
                e.category = cat.map(str::to_owned);
                e
            })
            .collect();
        Dataset::from_parts(vec![DatasetPart {
            info: FileInfo {
                path: "t".into(),
                format: Format::Annals,
                title: None,
                description: None,
            },
            categories: vec![
                Category {
                    id: "strategy".into(),
                    label: "Strategy".into(),
                    color: None,
                },
                Category {
                    id: "incident".into(),
                    label: "Incident".into(),
                    color: None,
                },
                Category {
                    id: "unused".into(),
                    label: "Unused".into(),
                    color: None,
                },
            ],
            periods: vec![],
            events,
        }])
    }

    #[test]
    fn one_lane_per_used_category_in_declared_order() {
        let d = dataset(&[
            ("ddos", "2021-05-04", None, Some("incident")),
            ("s2", "2021-05-20", None, Some("strategy")),
            ("x", "2021", None, None),
        ]);
        let layout = by_category(&d, &Filter::default());
        let labels: Vec<_> = layout.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["Strategy", "Incident", "Uncategorised"]);
        let lane_of = |id: &str| {
            layout
                .place(d.find_in_file(d.events[0].file, id).unwrap())
                .unwrap()
        };
        assert_eq!(lane_of("s2"), 0);
        assert_eq!(lane_of("ddos"), 1);
        assert_eq!(lane_of("x"), 2);
        assert_eq!(layout.shown, 3);
    }

    #[test]
    fn filtered_events_have_no_place() {
        let d = dataset(&[
            ("a", "2021", None, Some("incident")),
            ("b", "2022", None, Some("strategy")),
        ]);
        let filter = Filter {
            hidden_categories: ["strategy".to_owned()].into(),
            ..Filter::default()
        };
        let layout = by_category(&d, &filter);
        assert_eq!(layout.lanes.len(), 1);
        assert_eq!(layout.shown, 1);
        assert_eq!(layout.placement.iter().filter(|p| p.is_none()).count(), 1);
    }
}
