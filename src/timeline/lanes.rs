//! Lanes (one per category for now) and the packing of overlapping events into rows inside a lane.

use crate::model::{Dataset, EventIdx, Filter};

/// Most rows a lane stacks into; further overlapping events share the last row.
pub const MAX_ROWS_PER_LANE: u32 = 6;

/// One horizontal band of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Category id (`""` for uncategorised).
    pub key: String,
    /// Name shown on the lane.
    pub label: String,
    /// Index of the category in `Dataset::categories` (for the colour), if any.
    pub category: Option<usize>,
    /// Rows the lane needs (≥ 1).
    pub rows: u32,
}

/// Where each shown event sits: lane and row. Recomputed when data or filter change, not per frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneLayout {
    /// Lanes from top to bottom.
    pub lanes: Vec<Lane>,
    /// For each event index: `(lane, row)`, or `None` when filtered out.
    pub placement: Vec<Option<(u32, u32)>>,
    /// Number of events shown.
    pub shown: usize,
}

impl LaneLayout {
    /// `(lane, row)` of an event, if shown.
    pub fn place(&self, idx: EventIdx) -> Option<(u32, u32)> {
        self.placement.get(idx.index()).copied().flatten()
    }
}

/// One lane per category that has shown events (in category order), then "Uncategorised".
/// Inside a lane, events are packed greedily into the first row where they do not overlap in time.
pub fn by_category(dataset: &Dataset, filter: &Filter) -> LaneLayout {
    let mut lanes: Vec<Lane> = dataset
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Lane {
            key: c.id.clone(),
            label: c.label.clone(),
            category: Some(i),
            rows: 0,
        })
        .collect();
    lanes.push(Lane {
        key: String::new(),
        label: "Uncategorised".to_owned(),
        category: None,
        rows: 0,
    });
    let lane_of = |key: &str| {
        lanes
            .iter()
            .position(|l| l.key == key)
            .unwrap_or(lanes.len() - 1)
    };

    // Per lane, the end of the last event in each row.
    let mut row_ends: Vec<Vec<f64>> = vec![Vec::new(); lanes.len()];
    let mut placement = vec![None; dataset.events.len()];
    let mut shown = 0;
    // Events are sorted by start, so greedy first-fit gives a valid interval packing.
    for (i, event) in dataset.events.iter().enumerate() {
        if !filter.matches(event) {
            continue;
        }
        let lane = lane_of(event.category.as_deref().unwrap_or(""));
        let Some(ends) = row_ends.get_mut(lane) else {
            continue;
        };
        let start = event.start_secs();
        let row = match ends.iter().position(|&end| end <= start) {
            Some(row) => row,
            None if ends.len() < MAX_ROWS_PER_LANE as usize => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            None => ends.len() - 1,
        };
        if let Some(end) = ends.get_mut(row) {
            *end = end.max(event.end_secs());
        }
        if let Some(slot) = placement.get_mut(i) {
            *slot = Some((
                u32::try_from(lane).unwrap_or(0),
                u32::try_from(row).unwrap_or(0),
            ));
        }
        shown += 1;
    }
    // Drop empty lanes, renumbering placements.
    let mut new_index = vec![None; lanes.len()];
    let mut kept = Vec::new();
    for (i, (mut lane, ends)) in lanes.into_iter().zip(&row_ends).enumerate() {
        if !ends.is_empty() {
            lane.rows = u32::try_from(ends.len()).unwrap_or(1);
            new_index[i] = Some(u32::try_from(kept.len()).unwrap_or(0));
            kept.push(lane);
        }
    }
    for slot in &mut placement {
        *slot = slot.and_then(|(lane, row)| {
            new_index
                .get(lane as usize)
                .copied()
                .flatten()
                .map(|l| (l, row))
        });
    }
    LaneLayout {
        lanes: kept,
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
                .0
        };
        assert_eq!(lane_of("s2"), 0);
        assert_eq!(lane_of("ddos"), 1);
        assert_eq!(lane_of("x"), 2);
        assert_eq!(layout.shown, 3);
    }

    #[test]
    fn overlapping_spans_stack_into_rows_and_later_ones_reuse_free_rows() {
        let d = dataset(&[
            ("fps", "2019-04", Some("2021-03"), Some("incident")),
            ("vsse", "2021", Some("2023-05"), Some("incident")),
            ("belnet", "2021-05-04", Some("2021-05-05"), Some("incident")),
            ("later", "2024", None, Some("incident")),
        ]);
        let layout = by_category(&d, &Filter::default());
        let row = |id: &str| {
            layout
                .place(d.find_in_file(d.events[0].file, id).unwrap())
                .unwrap()
                .1
        };
        assert_eq!(row("fps"), 0);
        assert_eq!(row("vsse"), 1);
        assert_eq!(row("belnet"), 0); // fps ended in March 2021
        assert_eq!(row("later"), 0);
        assert_eq!(layout.lanes[0].rows, 2);
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
