//! Unit tests of `timeline::scene`.

use super::*;
use crate::model::{Event, Filter, TimePoint};
use crate::timeline::lanes;

fn measure(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

fn dataset(events: Vec<Event>) -> Dataset {
    Dataset::of_events("t", events)
}

fn secs(s: &str) -> f64 {
    s.parse::<TimePoint>().unwrap().start_secs()
}

fn scene_with(
    d: &Dataset,
    spec: &lanes::LaneSpec,
    extras: &SceneExtras,
    range: (&str, &str),
) -> Scene {
    let layout = lanes::build(d, &Filter::default(), spec);
    build(&SceneInput {
        dataset: d,
        layout: &layout,
        view: TimeView::from_min_max(secs(range.0), secs(range.1)),
        size: (1000.0, 400.0),
        style: SceneStyle::default(),
        measure: &measure,
        extras,
    })
}

#[test]
fn links_become_arrows_between_the_marks_only_when_asked() {
    let mut cause = Event::new("cause", "Cause", "2021-05-04".parse().unwrap());
    cause.links.push(crate::model::Link {
        kind: LinkKind::Caused,
        target: "effect".into(),
    });
    let effect = Event::new("effect", "Effect", "2021-06-20".parse().unwrap());
    let d = dataset(vec![cause, effect]);
    let spec = lanes::LaneSpec::default();
    let off = scene_with(&d, &spec, &SceneExtras::default(), ("2021-01", "2021-12"));
    assert!(off.arrows.is_empty());
    let on = SceneExtras {
        links: true,
        ..SceneExtras::default()
    };
    let scene = scene_with(&d, &spec, &on, ("2021-01", "2021-12"));
    assert_eq!(scene.arrows.len(), 1);
    let arrow = &scene.arrows[0];
    let (from, to) = (
        scene.mark_of(arrow.from).unwrap(),
        scene.mark_of(arrow.to).unwrap(),
    );
    assert_eq!(d.events.owned(arrow.from.index()).unwrap().id, "cause");
    assert_eq!(arrow.kind, LinkKind::Caused);
    assert!((arrow.start.0 - from.x1).abs() < 1e-9 && (arrow.end.0 - to.x0).abs() < 1e-9);
    // The target out of view: no arrow to nowhere.
    let narrow = scene_with(&d, &spec, &on, ("2021-04", "2021-05-30"));
    assert!(narrow.arrows.is_empty());
}

#[test]
fn a_disclosed_date_is_joined_to_its_mark_and_its_label_keeps_clear() {
    let mut hidden = Event::new("fps", "FPS Interior", "2019-04".parse().unwrap());
    hidden.end = Some("2021-03".parse().unwrap());
    hidden.disclosed = Some("2021-05-25".parse().unwrap());
    let d = dataset(vec![hidden]);
    let spec = lanes::LaneSpec::default();
    let scene = scene_with(&d, &spec, &SceneExtras::default(), ("2019-01", "2022-01"));
    let mark = &scene.marks[0];
    let link = &scene.date_links[0];
    assert!(link.disclosure);
    assert!((link.x_mark - mark.x1).abs() < 1e-9);
    assert!(link.x_other > mark.x1 + 3.0);
    let label = scene
        .labels
        .iter()
        .find(|l| l.event == Some(mark.event))
        .unwrap();
    assert!(
        label.on_solid_bar || label.x > link.x_other,
        "the label is inside the bar or after the diamond: {label:?} {link:?}"
    );
    // Placed by when it became known, the mark moves to the disclosure and the second date
    // is when it happened.
    let known = lanes::LaneSpec {
        basis: lanes::TimeBasis::Known,
        ..lanes::LaneSpec::default()
    };
    let scene = scene_with(&d, &known, &SceneExtras::default(), ("2019-01", "2022-01"));
    let axis = TimeAxis::new(scene.view, 0.0, 1000.0);
    let mark = &scene.marks[0];
    assert!((mark.x0 - axis.x_from_secs(secs("2021-05-25") + 43_200.0)).abs() < 1.0);
    assert!(!scene.date_links[0].disclosure);
    assert!(scene.date_links[0].x_other < mark.x0);
}

#[test]
fn ticks_fall_on_local_midnights_of_the_display_zone() {
    let brussels = crate::timeline::zone::DisplayZone::parse("Europe/Brussels").unwrap();
    let axis = TimeAxis::new(
        TimeView::from_min_max(secs("2021-01-10"), secs("2021-12-20")),
        0.0,
        1200.0,
    );
    let ticks = axis_ticks(&axis, brussels, crate::i18n::Lang::En, &measure);
    assert!(ticks.len() >= 6, "{ticks:?}");
    let mut offsets = std::collections::BTreeSet::new();
    for tick in &ticks {
        let offset = brussels.offset_secs(tick.tick.secs);
        offsets.insert(offset as i64);
        assert_eq!(
            (tick.tick.secs + offset).rem_euclid(86_400.0),
            0.0,
            "{tick:?} is not a local midnight"
        );
    }
    assert_eq!(offsets.len(), 2, "winter and summer time both seen");
    let utc = axis_ticks(
        &axis,
        crate::timeline::zone::DisplayZone::Utc,
        crate::i18n::Lang::En,
        &measure,
    );
    assert!(utc.iter().all(|t| t.tick.secs.rem_euclid(86_400.0) == 0.0));
}

#[test]
fn collapsed_gaps_are_marked_and_no_tick_falls_inside_one() {
    let d = dataset(vec![
        Event::new("a", "A", "2012".parse().unwrap()),
        Event::new("b", "B", "2013-06".parse().unwrap()),
        Event::new("c", "C", "2019-05".parse().unwrap()),
        Event::new("d", "D", "2020-01".parse().unwrap()),
    ]);
    let layout = lanes::by_category(&d, &Filter::default());
    let breaks = crate::timeline::AxisBreaks::find(&d, &layout);
    assert_eq!(breaks.gaps().len(), 1, "{breaks:?}");
    let gap = breaks.gaps()[0];
    assert!(gap.from_secs > secs("2013-07") && gap.to_secs < secs("2019-05"));
    let extras = SceneExtras {
        breaks,
        ..SceneExtras::default()
    };
    let scene = scene_with(
        &d,
        &lanes::LaneSpec::default(),
        &extras,
        ("2011-06", "2022-06"),
    );
    assert_eq!(scene.breaks.len(), 1);
    assert_eq!(scene.breaks[0].label, "6 years");
    let mark = scene.breaks[0].clone();
    assert!(mark.x1 - mark.x0 < 60.0, "drawn short: {mark:?}");
    for tick in &scene.ticks {
        assert!(
            tick.tick.secs <= gap.from_secs || tick.tick.secs >= gap.to_secs,
            "{tick:?} inside the gap"
        );
    }
    assert!(scene.ticks.windows(2).all(|w| w[0].x < w[1].x));
    // Every event still drawn, in time order left to right.
    let mut xs: Vec<(f64, f64)> = scene
        .marks
        .iter()
        .map(|m| (d.events.owned(m.event.index()).unwrap().start_secs(), m.x0))
        .collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(xs.len(), 4);
    assert!(xs.windows(2).all(|w| w[0].1 < w[1].1));
}

fn scene_of(d: &Dataset, from: &str, to: &str, width: f64) -> Scene {
    let layout = lanes::by_category(d, &Filter::default());
    build(&SceneInput {
        dataset: d,
        layout: &layout,
        view: TimeView::from_min_max(secs(from), secs(to)),
        size: (width, 400.0),
        style: SceneStyle::default(),
        measure: &measure,
        extras: &SceneExtras::default(),
    })
}

#[test]
fn only_events_in_view_are_laid_out() {
    let events = (0..1000).map(|i| {
        Event::new(
            format!("e{i}"),
            format!("E{i}"),
            TimePoint::from_unix_secs(i * 86_400).unwrap(),
        )
    });
    let d = dataset(events.collect());
    let scene = scene_of(&d, "1970-02-01", "1970-03-01", 1000.0);
    assert_eq!(scene.visible_events, 28);
    assert_eq!(
        scene.marks.len() + scene.clusters.iter().map(|c| c.count).sum::<usize>(),
        28
    );
}

#[test]
fn crowded_points_become_clusters_with_exact_counts() {
    // 500 events within one day, seen over a whole year: they cannot be drawn apart.
    let base = secs("2021-05-04") as i64;
    let events = (0..500).map(|i| {
        Event::new(
            format!("e{i}"),
            "x",
            TimePoint::from_unix_secs(base + i * 60).unwrap(),
        )
    });
    let d = dataset(events.collect());
    let scene = scene_of(&d, "2021", "2022", 1000.0);
    assert!(scene.marks.is_empty());
    assert_eq!(scene.clusters.len(), 1);
    assert_eq!(scene.clusters[0].count, 500);
    assert_eq!(scene.visible_events, 500);
    assert_eq!(scene.labels[0].text, "500 events");
}

#[test]
fn partial_dates_are_drawn_as_their_whole_period_and_labels_never_overlap() {
    let mut events = vec![Event::new(
        "y",
        "Year-only strategy",
        "2012".parse().unwrap(),
    )];
    for (i, day) in ["2012-03-01", "2012-03-03", "2012-03-05", "2012-09-01"]
        .iter()
        .enumerate()
    {
        events.push(Event::new(
            format!("d{i}"),
            format!("A rather long event title number {i}"),
            day.parse().unwrap(),
        ));
    }
    let d = dataset(events);
    let scene = scene_of(&d, "2011-07", "2013-07", 800.0);
    let year = scene
        .marks
        .iter()
        .find(|m| d.events.owned(m.event.index()).unwrap().id == "y")
        .unwrap();
    assert_eq!(year.shape, MarkShape::Partial);
    let expected_width = 800.0 * (366.0 * 86_400.0) / (secs("2013-07") - secs("2011-07"));
    assert!((year.x1 - year.x0 - expected_width).abs() < 1e-6);
    // Three points two days apart merge into one cluster; with room for rows, every mark
    // and cluster gets its label.
    assert_eq!(scene.clusters.len(), 1);
    assert_eq!(scene.clusters[0].count, 3);
    assert_eq!(
        scene.labels.len(),
        scene.marks.len() + scene.clusters.len(),
        "{:?}",
        scene.labels
    );
    // Labels in the same row never overlap.
    for a in &scene.labels {
        for b in &scene.labels {
            if a != b && (a.y - b.y).abs() < 1.0 {
                assert!(
                    a.x + a.width <= b.x || b.x + b.width <= a.x,
                    "{a:?} overlaps {b:?}"
                );
            }
        }
    }
}

#[test]
fn in_a_crowded_lane_no_mark_or_cluster_covers_a_label() {
    // 1,500 synthetic events in a 1600 × 900 view: rows run out, marks must share rows.
    let mut bytes = Vec::new();
    crate::synth::write_native(
        crate::synth::SynthOptions {
            events: 1_500,
            seed: 3,
        },
        &mut bytes,
    )
    .unwrap();
    let part = crate::io::load_text("s.json", std::str::from_utf8(&bytes).unwrap())
        .unwrap()
        .part;
    let d = Dataset::from_parts(vec![part]);
    let layout = lanes::by_category(&d, &Filter::default());
    let scene = build(&SceneInput {
        dataset: &d,
        layout: &layout,
        view: TimeView::from_min_max(secs("2000"), secs("2025")),
        size: (1600.0, 900.0),
        style: SceneStyle::default(),
        measure: &measure,
        extras: &SceneExtras::default(),
    });
    assert!(
        scene.labels.len() > 10 && scene.clusters.len() > 10,
        "{} labels, {} clusters, {} marks",
        scene.labels.len(),
        scene.clusters.len(),
        scene.marks.len()
    );
    let radius = SceneStyle::default().marker_radius;
    let shapes = scene
        .marks
        .iter()
        .map(|m| (m.x0 - radius, m.x1 + radius, m.y, Some(m.event)))
        .chain(
            scene
                .clusters
                .iter()
                .map(|c| (c.x0 - radius, c.x1 + radius, c.y, None)),
        );
    for (x0, x1, y, event) in shapes {
        for label in scene.labels.iter().filter(|l| (l.y - y).abs() < 0.5) {
            if label.on_solid_bar || (event.is_some() && label.event == event) {
                continue; // a label inside its own bar, or its own mark
            }
            let covered = x0 < label.x + label.width && label.x < x1;
            assert!(
                !covered,
                "{:?} at {:.1}+{:.1} covered by a shape at {x0:.1}..{x1:.1} ({event:?}, {:?})",
                label.text,
                label.x,
                label.width,
                scene.marks.iter().find(|m| Some(m.event) == event)
            );
        }
    }
}

fn synthetic(events: u64, seed: u64) -> Dataset {
    let mut bytes = Vec::new();
    crate::synth::write_native(crate::synth::SynthOptions { events, seed }, &mut bytes).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    Dataset::from_parts(vec![crate::io::load_text("s.json", text).unwrap().part])
}

#[test]
fn the_lane_index_answers_range_queries_like_a_scan_of_everything() {
    let d = synthetic(20_000, 11);
    let layout = lanes::by_category(&d, &Filter::default());
    let mut rng = crate::synth::Rng::new(99);
    let (lo, hi) = d.extent_secs().unwrap();
    for _ in 0..200 {
        let a = lo + rng.unit() * (hi - lo);
        let span = (hi - lo) * rng.unit().powi(4);
        let (min, max) = (a, a + span.max(1.0));
        for (lane, indexes) in layout.index.iter().enumerate() {
            let mut from_index: Vec<EventIdx> = indexes
                .iter()
                .flat_map(|index| index.events[index.candidates(min, max)].iter().copied())
                .filter(|&i| {
                    let e = d.event(i).unwrap();
                    e.end_secs() >= min && e.start_secs() < max
                })
                .collect();
            from_index.sort();
            let brute: Vec<EventIdx> = (0..d.events.len())
                .map(|i| EventIdx(u32::try_from(i).unwrap()))
                .filter(|&i| layout.place(i) == Some(u32::try_from(lane).unwrap()))
                .filter(|&i| {
                    let e = d.event(i).unwrap();
                    e.end_secs() >= min && e.start_secs() < max
                })
                .collect();
            assert_eq!(from_index, brute, "lane {lane}, {min}..{max}");
            let starting: usize = indexes.iter().map(|i| i.starting_in(min, max)).sum();
            let brute_starting = brute
                .iter()
                .filter(|&&i| d.event(i).unwrap().start_secs() >= min)
                .count();
            assert_eq!(starting, brute_starting);
        }
    }
}

#[test]
fn counts_are_exact_whether_lanes_show_events_clusters_or_density() {
    let d = synthetic(60_000, 12);
    let layout = lanes::by_category(&d, &Filter::default());
    let (lo, hi) = d.extent_secs().unwrap();
    let mut saw_density = false;
    let mut saw_detail = false;
    for (min, max) in [
        (lo, hi),
        (lo + (hi - lo) * 0.4, lo + (hi - lo) * 0.41),
        (lo, lo + 86_400.0 * 30.0),
    ] {
        let scene = build(&SceneInput {
            dataset: &d,
            layout: &layout,
            view: TimeView::from_min_max(min, max),
            size: (1500.0, 800.0),
            style: SceneStyle::default(),
            measure: &measure,
            extras: &SceneExtras::default(),
        });
        let view = scene.view;
        let (min, max) = (view.min_secs, view.max_secs());
        // Detail lanes count events overlapping the view; dense lanes count those starting in it.
        let mut expected = 0;
        let dense: Vec<Option<usize>> = scene.densities.iter().map(|x| x.category).collect();
        for e in &d.events {
            let category = e
                .category()
                .and_then(|c| d.categories.iter().position(|k| k.id == c));
            let overlaps = e.end_secs() >= min && e.start_secs() < max;
            let starts = e.start_secs() >= min && e.start_secs() < max;
            if dense.contains(&category) {
                expected += usize::from(starts);
            } else {
                expected += usize::from(overlaps);
            }
        }
        let drawn = scene.marks.len()
            + scene.clusters.iter().map(|c| c.count).sum::<usize>()
            + scene.more.iter().map(|m| m.left_out.len()).sum::<usize>()
            + scene
                .densities
                .iter()
                .map(|x| x.counts.iter().map(|&c| c as usize).sum::<usize>())
                .sum::<usize>();
        assert_eq!(drawn, expected);
        assert_eq!(scene.visible_events, expected);
        for density in &scene.densities {
            assert_eq!(
                density.total,
                density.counts.iter().map(|&c| c as usize).sum::<usize>()
            );
        }
        saw_density |= !scene.densities.is_empty();
        saw_detail |= !scene.marks.is_empty();
    }
    assert!(saw_density && saw_detail, "both paths were exercised");
}

#[test]
fn hit_testing_finds_the_event_under_the_pointer() {
    let d = dataset(vec![Event::new("a", "A", "2021-05-04".parse().unwrap())]);
    let scene = scene_of(&d, "2021-05", "2021-06", 1000.0);
    let mark = &scene.marks[0];
    assert_eq!(
        scene.hit(mark.x0 + 1.0, mark.y, 8.0),
        Some(Hit::Event(mark.event))
    );
    assert_eq!(scene.hit(mark.x0 + 200.0, mark.y + 100.0, 8.0), None);
}
