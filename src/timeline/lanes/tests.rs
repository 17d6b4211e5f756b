//! Unit tests of `timeline::lanes`.

use super::*;
use crate::model::{Category, DatasetPart, Event, FileInfo, Format};

fn dataset(events: &[(&str, &str, Option<&str>, Option<&str>)]) -> Dataset {
    let events: Vec<Event> = events
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
            translations: Vec::new(),
        },
        categories: vec![
            Category {
                id: "strategy".into(),
                label: "Strategy".into(),
                color: None,
                translations: Vec::new(),
            },
            Category {
                id: "incident".into(),
                label: "Incident".into(),
                color: None,
                translations: Vec::new(),
            },
            Category {
                id: "unused".into(),
                label: "Unused".into(),
                color: None,
                translations: Vec::new(),
            },
        ],
        periods: vec![],
        events: events.into(),
    }])
}

/// The same dataset with its events edited.
fn edited(d: &Dataset, edit: impl Fn(&mut [Event])) -> Dataset {
    let mut events = d.events.to_vec();
    edit(&mut events);
    Dataset::from_parts(vec![DatasetPart {
        info: d.files[0].clone(),
        categories: d.categories.clone(),
        periods: d.periods.clone(),
        events: events.into(),
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
            .place(d.find_in_file(d.events.owned(0).unwrap().file, id).unwrap())
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
    assert_eq!(
        layout.placement.iter().filter(|&&p| p == NOT_SHOWN).count(),
        1
    );
}

#[test]
fn lanes_by_a_multi_valued_field_hold_each_event_in_each_of_its_lanes() {
    let d = dataset(&[
        ("a", "2021", None, Some("incident")),
        ("b", "2022", None, Some("incident")),
        ("c", "2023", None, None),
    ]);
    let d = edited(&d, |e| {
        e[0].actors = vec!["CCB".into(), "Belnet".into()];
        e[1].actors = vec!["CCB".into()];
    });
    let spec = LaneSpec {
        by: Some(Field::Actor),
        ..LaneSpec::default()
    };
    let layout = build(&d, &Filter::default(), &spec);
    let keys: Vec<_> = layout.lanes.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["CCB", "Belnet", ""], "most events first, none last");
    assert_eq!(layout.lanes[2].label, "No actor");
    assert_eq!(layout.copies_of(EventIdx(0)), 2);
    assert_eq!(layout.copies_of(EventIdx(1)), 1);
    assert_eq!(layout.shown, 3);
    let in_lane = |lane: usize| -> Vec<EventIdx> {
        layout.index[lane]
            .iter()
            .flat_map(|i| i.events.clone())
            .collect()
    };
    assert_eq!(in_lane(0), [EventIdx(0), EventIdx(1)]);
    assert_eq!(in_lane(1), [EventIdx(0)]);
    // The user's order wins; folded lanes say so.
    let moved = LaneSpec {
        order: vec![String::new(), "Belnet".into()],
        collapsed: ["CCB".to_owned()].into(),
        ..spec
    };
    let layout = build(&d, &Filter::default(), &moved);
    let keys: Vec<_> = layout.lanes.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["", "Belnet", "CCB"]);
    assert!(layout.lanes[2].collapsed && !layout.lanes[0].collapsed);
    assert_eq!(layout.place(EventIdx(0)), Some(1), "first lane it is in");
}

#[test]
fn placed_by_disclosure_the_index_is_sorted_by_it() {
    let d = dataset(&[
        ("early", "2019", None, Some("incident")),
        ("late", "2021", None, Some("incident")),
    ]);
    let d = edited(&d, |e| e[0].disclosed = Some("2022-06".parse().unwrap()));
    let spec = LaneSpec {
        basis: TimeBasis::Known,
        ..LaneSpec::default()
    };
    let layout = build(&d, &Filter::default(), &spec);
    let index = &layout.index[0][1]; // year-long events: the long-span index
    assert_eq!(index.events, [EventIdx(1), EventIdx(0)]);
    assert!(index.starts.windows(2).all(|w| w[0] <= w[1]));
    let one = LaneSpec {
        by: None,
        ..LaneSpec::default()
    };
    let layout = build(&d, &Filter::default(), &one);
    assert_eq!(layout.lanes.len(), 1);
    assert_eq!(layout.lanes[0].label, "All events");
}

#[test]
fn galloping_finds_what_a_binary_search_finds() {
    use proptest::prelude::*;
    proptest!(|(mut starts in proptest::collection::vec(-1e3f64..1e3, 0..700), from in 0usize..720, edge in -1.1e3f64..1.1e3)| {
        starts.sort_by(f64::total_cmp);
        let index = LaneIndex::from_sorted(vec![EventIdx(0); starts.len()], starts.clone(), starts.clone());
        let expected = starts.partition_point(|&s| s < edge).max(from.min(starts.len()));
        prop_assert_eq!(index.first_not_before(from, edge), expected);
    });
    // Many equal starts (bursts), and edges exactly on them.
    proptest!(|(starts in proptest::collection::vec(-50i32..50, 0..700), from in 0usize..720, edge in -52i32..52)| {
        let mut starts: Vec<f64> = starts.into_iter().map(f64::from).collect();
        starts.sort_by(f64::total_cmp);
        let edge = f64::from(edge);
        let index = LaneIndex::from_sorted(vec![EventIdx(0); starts.len()], starts.clone(), starts.clone());
        let expected = starts.partition_point(|&s| s < edge).max(from.min(starts.len()));
        prop_assert_eq!(index.first_not_before(from, edge), expected);
    });
    // Lanes big enough to be tiled: bursts of equal starts, a long empty stretch, edges on
    // starts, between them, before and after all of them.
    proptest!(ProptestConfig::with_cases(24), |(
        bursts in proptest::collection::vec((-1_000_000i64..1_000_000, 1usize..900), 6..40),
        edges in proptest::collection::vec(-1_100_000i64..1_100_000, 50),
        from in 0usize..100,
    )| {
        let mut starts: Vec<f64> = bursts
            .iter()
            .flat_map(|&(at, n)| (0..n).map(move |k| (at + i64::try_from(k % 7).unwrap()) as f64))
            .collect();
        starts.sort_by(f64::total_cmp);
        let index = LaneIndex::from_sorted(vec![EventIdx(0); starts.len()], starts.clone(), starts.clone());
        let on_starts = starts.iter().step_by(97).copied();
        for edge in edges.iter().map(|&e| e as f64).chain(on_starts).chain([f64::INFINITY, f64::NEG_INFINITY]) {
            let expected = starts.partition_point(|&s| s < edge).max(from.min(starts.len()));
            prop_assert_eq!(index.first_not_before(from, edge), expected, "edge {}", edge);
            // With slack, the edge may move back by no more than the slack, never forward.
            for slack in [10.0, 1000.0, 100_000.0] {
                let near = index.first_not_before_near(from, edge, slack);
                let earliest = starts.partition_point(|&s| s < edge - slack).max(from.min(starts.len()));
                prop_assert!(near <= expected && near >= earliest, "edge {} slack {}: {} not in {}..={}", edge, slack, near, earliest, expected);
            }
        }
        // Edges that only grow give positions that only grow.
        let mut sorted_edges: Vec<f64> = edges.iter().map(|&e| e as f64).collect();
        sorted_edges.sort_by(f64::total_cmp);
        let positions: Vec<usize> = sorted_edges.iter().map(|&e| index.first_not_before_near(0, e, 50_000.0)).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] <= w[1]));
    });
}

#[test]
fn each_merged_file_keeps_its_uncategorised_events_in_a_lane_of_its_own() {
    let part = |path: &str, ids: &[&str]| DatasetPart {
        info: FileInfo {
            path: path.into(),
            format: Format::TimelineJs,
            title: None,
            description: None,
            translations: Vec::new(),
        },
        categories: vec![],
        periods: vec![],
        events: ids
            .iter()
            .map(|id| Event::new(*id, *id, "2020".parse().unwrap()))
            .collect::<Vec<_>>()
            .into(),
    };
    let two = Dataset::from_parts(vec![
        part("/data/women.json", &["a", "b"]),
        part("/data/eras.json", &["c"]),
    ]);
    let layout = by_category(&two, &Filter::default());
    let lanes: Vec<(&str, usize)> = layout
        .lanes
        .iter()
        .map(|l| (l.label.as_str(), l.count))
        .collect();
    assert_eq!(
        lanes,
        [
            ("Uncategorised · women.json", 2),
            ("Uncategorised · eras.json", 1)
        ]
    );
    // One file: one lane, as before.
    let one = Dataset::from_parts(vec![part("/data/women.json", &["a", "b"])]);
    let layout = by_category(&one, &Filter::default());
    assert_eq!(layout.lanes.len(), 1);
    assert_eq!(layout.lanes[0].label, "Uncategorised");
}
