//! Unit tests of `timeline::scene`: what dense views and small areas still say (rows shared by
//! need, "+N more", "N under way", the selection's label, scrolling, second dates out of view).

use super::*;
use crate::model::{DatasetPart, Event, FileInfo, Filter, Format, TimePoint};
use crate::timeline::lanes;

fn measure(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

fn secs(s: &str) -> f64 {
    s.parse::<TimePoint>().unwrap().start_secs()
}

fn dataset(events: Vec<Event>) -> Dataset {
    Dataset::of_events("t", events)
}

fn event(id: &str, category: &str, start: &str, end: Option<&str>) -> Event {
    let mut e = Event::new(id, format!("Event {id}"), start.parse().unwrap());
    e.end = end.map(|end| end.parse().unwrap());
    e.category = Some(category.into());
    e
}

fn layout_of(d: &Dataset) -> LaneLayout {
    lanes::by_category(d, &Filter::default())
}

fn scene(
    d: &Dataset,
    layout: &LaneLayout,
    range: (&str, &str),
    size: (f64, f64),
    extras: &SceneExtras,
) -> Scene {
    build(&SceneInput {
        dataset: d,
        layout,
        view: TimeView::from_min_max(secs(range.0), secs(range.1)),
        size,
        style: SceneStyle::default(),
        measure: &measure,
        extras,
    })
}

/// Events named by text: a label of their own, or a labelled cluster's count.
fn named(scene: &Scene) -> usize {
    scene.labels.iter().map(|l| l.names).sum()
}

#[test]
fn a_lane_with_more_rows_than_fit_says_exactly_how_many_more() {
    // Thirty spans that all overlap: each wants a row of its own; the area holds three.
    let events = (0..30)
        .map(|i| {
            event(
                &format!("{i:02}"),
                "incident",
                &format!("2021-03-{:02}", i + 1),
                Some("2021-09-01"),
            )
        })
        .collect();
    let d = dataset(events);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2021-01", "2021-12"),
        (1000.0, 18.0 + 3.0 * 18.0),
        &SceneExtras::default(),
    );
    assert_eq!(s.marks.len(), 3, "three rows, one span each");
    assert_eq!(s.more.len(), 1);
    let more = &s.more[0];
    assert_eq!(more.left_out.len(), 27);
    assert_eq!(more.unlabelled, 0);
    assert_eq!(More::text(more.count(), crate::i18n::Lang::En), "+27 more");
    assert_eq!(s.visible_events, 30);
    // The note is a hit target (a click gives the lane its rows).
    assert_eq!(s.hit(more.x + 3.0, more.y, 8.0), Some(Hit::More(0)));

    // Expanded, the lane takes the rows it needs and the lanes scroll.
    let mut spec = lanes::LaneSpec::default();
    spec.expanded.insert("incident".into());
    let expanded = lanes::build(&d, &Filter::default(), &spec);
    let s = scene(
        &d,
        &expanded,
        ("2021-01", "2021-12"),
        (1000.0, 72.0),
        &SceneExtras::default(),
    );
    assert!(s.content_height > 30.0 * 18.0, "{}", s.content_height);
    assert!(s.more.is_empty() || s.more[0].left_out.is_empty());
}

#[test]
fn every_event_in_view_is_named_by_a_label_a_count_or_the_lanes_more() {
    let mut bytes = Vec::new();
    crate::synth::write_native(
        crate::synth::SynthOptions {
            events: 3_000,
            seed: 5,
        },
        &mut bytes,
    )
    .unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let d = Dataset::from_parts(vec![crate::io::load_text("s.json", text).unwrap().part]);
    let layout = layout_of(&d);
    let (lo, hi) = d.extent_secs().unwrap();
    let mut checked = 0;
    for (from, to) in [
        (lo, hi),
        (lo + (hi - lo) * 0.5, lo + (hi - lo) * 0.52),
        (lo + (hi - lo) * 0.7, lo + (hi - lo) * 0.7 + 7.0 * 86_400.0),
        (lo + (hi - lo) * 0.3, lo + (hi - lo) * 0.3 + 86_400.0),
    ] {
        for size in [(1280.0, 520.0), (700.0, 300.0), (1600.0, 900.0)] {
            let s = build(&SceneInput {
                dataset: &d,
                layout: &layout,
                view: TimeView::from_min_max(from, to),
                size,
                style: SceneStyle::default(),
                measure: &measure,
                extras: &SceneExtras::default(),
            });
            let dense: usize = s.densities.iter().map(|x| x.total).sum();
            let more: usize = s.more.iter().map(More::count).sum();
            assert_eq!(
                named(&s) + more + dense,
                s.visible_events,
                "{from}..{to} at {size:?}"
            );
            checked += s.visible_events - dense;
        }
    }
    assert!(
        checked > 1000,
        "the views held events one by one: {checked}"
    );
}

#[test]
fn nothing_is_drawn_over_another_events_mark_in_its_row() {
    // A long span with points under it, in a lane with room for two rows.
    let mut events = vec![event("span", "incident", "2021-02", Some("2021-11"))];
    for i in 0..6 {
        events.push(event(
            &format!("p{i}"),
            "incident",
            &format!("2021-{:02}-15", i + 3),
            None,
        ));
    }
    let d = dataset(events);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2021-01", "2022-01"),
        (1000.0, 18.0 + 2.0 * 18.0),
        &SceneExtras::default(),
    );
    let radius = SceneStyle::default().marker_radius;
    for a in &s.marks {
        for b in s.marks.iter().filter(|b| b.event != a.event) {
            let same_row = (a.y - b.y).abs() < 0.5;
            let overlap = a.x0 - radius < b.x1 + radius && b.x0 - radius < a.x1 + radius;
            assert!(!(same_row && overlap), "{a:?} over {b:?}");
        }
    }
    let more: usize = s.more.iter().map(More::count).sum();
    assert_eq!(named(&s) + more, 7);
}

#[test]
fn spans_covering_the_whole_view_become_one_bar_that_says_how_many() {
    let mut events: Vec<Event> = (0..5)
        .map(|i| event(&format!("s{i}"), "incident", "2019", Some("2024")))
        .collect();
    events.push(event("p", "incident", "2021-06-10", None));
    let d = dataset(events);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2021-06-07", "2021-06-14"),
        (1000.0, 400.0),
        &SceneExtras::default(),
    );
    let under_way: Vec<&Cluster> = s
        .clusters
        .iter()
        .filter(|c| c.kind == ClusterKind::UnderWay)
        .collect();
    assert_eq!(under_way.len(), 1);
    assert_eq!(under_way[0].count, 5);
    assert!(s.labels.iter().any(|l| l.text == "5 under way"));
    assert!(s.labels.iter().any(|l| l.text == "Event p"));
    assert_eq!(s.visible_events, 6);
}

#[test]
fn the_selected_event_is_labelled_even_where_its_neighbours_crowd_it_out() {
    // Points a day apart, seen over a year: far too close for labels, but not clustered
    // (6 pt apart at 2,200 pt wide); the selection among them still gets its name.
    let events: Vec<Event> = (0..60)
        .map(|i| {
            let day = TimePoint::from_unix_secs(secs("2021-03-01") as i64 + i * 86_400).unwrap();
            let mut e = Event::new(format!("e{i:02}"), format!("Event {i:02}"), day);
            e.category = Some("incident".into());
            e
        })
        .collect();
    let d = dataset(events);
    let layout = layout_of(&d);
    let pick = d.find_in_file(crate::model::FileId(0), "e30").unwrap();
    let range = ("2021-01", "2022-01");
    let plain = scene(&d, &layout, range, (1600.0, 80.0), &SceneExtras::default());
    assert!(
        !plain.labels.iter().any(|l| l.event == Some(pick)),
        "the test needs an event that is not labelled unselected"
    );
    let extras = SceneExtras {
        pinned: Some(pick),
        ..SceneExtras::default()
    };
    let s = scene(&d, &layout, range, (1600.0, 80.0), &extras);
    assert!(s.labels.iter().any(|l| l.event == Some(pick)));
    assert!(s.mark_of(pick).is_some());
    let more: usize = s.more.iter().map(More::count).sum();
    assert_eq!(named(&s) + more, s.visible_events);
    // Labels still never overlap.
    for a in &s.labels {
        for b in s.labels.iter().filter(|b| !std::ptr::eq(*b, a)) {
            let overlap = (a.y - b.y).abs() < 0.5 && a.x < b.x + b.width && b.x < a.x + a.width;
            assert!(!overlap, "{:?} over {:?}", a.text, b.text);
        }
    }
}

#[test]
fn spare_height_goes_to_the_lane_with_more_to_show() {
    let mut events: Vec<Event> = (0..8)
        .map(|i| {
            event(
                &format!("a{i}"),
                "incident",
                &format!("2021-03-{:02}", i + 1),
                Some("2021-09-01"),
            )
        })
        .collect();
    for (i, category) in ["strategy", "law", "response", "institution"]
        .into_iter()
        .enumerate()
    {
        events.push(event(&format!("b{i}"), category, "2021-06-01", None));
    }
    let d = dataset(events);
    let layout = layout_of(&d);
    // Five lanes, room for ten rows of 18 pt: one each for the quiet lanes, six for the busy.
    let s = scene(
        &d,
        &layout,
        ("2021-01", "2022-01"),
        (1000.0, 5.0 * 18.0 + 10.0 * 18.0),
        &SceneExtras::default(),
    );
    let rows = |lane: &LaneBand| ((lane.y1 - lane.y0 - 18.0) / s.row_height).round() as usize;
    let busy = s.lanes.iter().find(|l| l.label == "incident").unwrap();
    assert_eq!(rows(busy), 6, "{:?}", s.lanes);
    for quiet in s.lanes.iter().filter(|l| l.label != "incident") {
        assert_eq!(rows(quiet), 1);
    }
    assert_eq!(s.more[0].left_out.len(), 2);
}

#[test]
fn lanes_that_do_not_fit_scroll_with_their_names_in_sight() {
    // Thirty lanes (one per actor) in an area that holds about ten.
    let events: Vec<Event> = (0..30)
        .map(|i| {
            let mut e = event(&format!("e{i}"), "incident", "2021-06-01", None);
            e.actors = vec![format!("Actor {i:02}")];
            e
        })
        .collect();
    let d = dataset(events);
    let spec = lanes::LaneSpec {
        by: Some(crate::model::filter::Field::Actor),
        ..lanes::LaneSpec::default()
    };
    let layout = lanes::build(&d, &Filter::default(), &spec);
    let range = ("2021-01", "2022-01");
    let top = scene(&d, &layout, range, (1000.0, 360.0), &SceneExtras::default());
    assert!(top.content_height > 360.0 * 2.0);
    assert!(top.marks.len() < 30 && !top.marks.is_empty());
    assert!(top.marks.iter().all(|m| m.y < 360.0));
    let extras = SceneExtras {
        scroll_y: 1e9, // past the end: kept within the content
        ..SceneExtras::default()
    };
    let bottom = scene(&d, &layout, range, (1000.0, 360.0), &extras);
    assert!((bottom.scroll_y - (bottom.content_height - 360.0)).abs() < 1e-6);
    let last = bottom.lanes.last().unwrap();
    assert!(last.y1 <= 360.0 + 1e-6 && last.y0 > 0.0);
    assert!(bottom.labels.iter().any(|l| l.text == "Event e29"));
    // Nothing drawn under a header or above the area; no arrow leaves it.
    for m in &bottom.marks {
        let lane = bottom
            .lanes
            .iter()
            .find(|l| m.y > l.y0 && m.y < l.y1)
            .unwrap();
        assert!(m.y > lane.header_y + 18.0, "{m:?} under {lane:?}");
        assert!(m.y > 0.0 && m.y < 360.0);
    }
}

#[test]
fn a_disclosure_in_view_is_drawn_even_when_its_event_is_not() {
    let mut e = event("fps", "incident", "2019-04", Some("2021-03"));
    e.title = "FPS Interior network compromised".into();
    e.disclosed = Some("2021-05-25".parse().unwrap());
    let d = dataset(vec![e]);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2021-04-15", "2021-06-01"),
        (1000.0, 300.0),
        &SceneExtras::default(),
    );
    assert_eq!(s.date_links.len(), 1);
    let link = &s.date_links[0];
    assert!(link.x_other > 0.0 && link.x_other < 1000.0);
    assert!(link.x_mark < 0.0, "the line runs from the view's edge");
    assert!(
        s.labels
            .iter()
            .any(|l| l.text == "FPS Interior network compromised")
    );
}

#[test]
fn links_are_drawn_for_the_selection_unless_all_are_asked_for() {
    let mut a = event("a", "incident", "2021-03-01", None);
    a.links.push(crate::model::Link {
        kind: crate::model::LinkKind::Caused,
        target: "b".into(),
    });
    let b = event("b", "incident", "2021-06-01", None);
    let mut c = event("c", "incident", "2021-08-01", None);
    c.links.push(crate::model::Link {
        kind: crate::model::LinkKind::Related,
        target: "b".into(),
    });
    let d = dataset(vec![a, b, c]);
    let layout = layout_of(&d);
    let range = ("2021-01", "2022-01");
    let none = scene(&d, &layout, range, (1000.0, 300.0), &SceneExtras::default());
    assert!(none.arrows.is_empty());
    let pick = d.find_in_file(crate::model::FileId(0), "a").unwrap();
    let selected = SceneExtras {
        pinned: Some(pick),
        ..SceneExtras::default()
    };
    let one = scene(&d, &layout, range, (1000.0, 300.0), &selected);
    assert_eq!(one.arrows.len(), 1);
    assert_eq!(one.arrows[0].from, pick);
    let all = SceneExtras {
        links: true,
        ..SceneExtras::default()
    };
    assert_eq!(
        scene(&d, &layout, range, (1000.0, 300.0), &all)
            .arrows
            .len(),
        2
    );
}

#[test]
fn overlapping_eras_of_merged_files_each_get_a_row_and_a_name_that_fits() {
    let period = |title: &str, start: &str, end: &str, file: u32| crate::model::Period {
        title: title.into(),
        start: start.parse().unwrap(),
        end: end.parse().unwrap(),
        category: None,
        file: crate::model::FileId(file),
        translations: Vec::new(),
    };
    let part = |path: &str, periods: Vec<crate::model::Period>| DatasetPart {
        info: FileInfo {
            path: path.into(),
            format: Format::TimelineJs,
            title: None,
            description: None,
            translations: Vec::new(),
        },
        categories: vec![],
        periods,
        events: vec![event("e", "x", "2015", None)].into(),
    };
    let d = Dataset::from_parts(vec![
        part(
            "a.json",
            vec![period("First Cyber Security Strategy", "2012", "2020", 0)],
        ),
        part(
            "b.json",
            vec![
                period("Era of the long name that cannot fit", "2016", "2017", 1),
                period("Later era", "2018", "2023", 1),
            ],
        ),
    ]);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2010", "2025"),
        (1000.0, 400.0),
        &SceneExtras::default(),
    );
    assert_eq!(s.periods.len(), 3);
    let rows: Vec<usize> = s.periods.iter().map(|p| p.row).collect();
    assert_eq!(rows, [0, 1, 1], "the second file's eras overlap the first");
    assert!((s.period_strip - 2.0 * SceneStyle::default().period_header).abs() < 1e-9);
    for p in &s.periods {
        let x = p.label_x.expect("every era is named");
        assert!(x + measure(&p.label) <= p.x1.min(1000.0), "{p:?}");
    }
    let cut = &s.periods[1].label;
    assert!(cut.starts_with("Era of") && cut.ends_with('…'), "{cut}");
    // The lanes start under both rows.
    assert!(s.lanes[0].y0 >= s.period_strip - 1e-9);
}

#[test]
fn a_bar_out_of_view_is_not_labelled_over_the_line_to_its_second_date() {
    let mut e = event("fps", "incident", "2019-04", Some("2021-03"));
    e.title = "FPS Interior network compromised".into();
    e.disclosed = Some("2021-05-25".parse().unwrap());
    let d = dataset(vec![e]);
    let layout = layout_of(&d);
    let s = scene(
        &d,
        &layout,
        ("2021-05-01", "2021-05-31"),
        (1000.0, 300.0),
        &SceneExtras::default(),
    );
    let link = &s.date_links[0];
    let label = s.labels.iter().find(|l| l.event.is_some()).unwrap();
    assert!(!label.on_solid_bar, "no bar is in view to hold it");
    assert!(
        label.x + label.width < link.x_other || label.x > link.x_other,
        "named beside its diamond, not over it: {label:?}"
    );
}
