//! Unit tests of `timeline::paint`.

use super::*;
use crate::model::Filter;
use crate::timeline::scene::{self, SceneExtras, SceneInput};
use crate::timeline::{TimeView, lanes};

fn belgium() -> Dataset {
    Dataset::from_parts(vec![crate::io::load_embedded().unwrap().part])
}

fn scene_of(dataset: &Dataset) -> Scene {
    let layout = lanes::by_category(dataset, &Filter::default());
    let (min, max) = dataset.extent_secs().unwrap();
    scene::build(&SceneInput {
        dataset,
        layout: &layout,
        view: TimeView::fitting(min, max, 0.03),
        size: (1200.0, 600.0),
        style: SceneStyle::default(),
        measure: &|text: &str| text.chars().count() as f64 * 7.0,
        extras: &SceneExtras::default(),
    })
}

#[test]
fn every_label_and_lane_name_of_the_scene_is_drawn_as_often_as_placed() {
    let dataset = belgium();
    let scene = scene_of(&dataset);
    let prims = timeline(
        &scene,
        &Look::new(Theme::Light, &dataset),
        &Emphasis::default(),
    );
    let texts: Vec<&str> = prims
        .iter()
        .filter_map(|p| match p {
            Prim::Text(Text { text, .. }) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for label in &scene.labels {
        let placed = scene.labels.iter().filter(|l| l.text == label.text).count();
        assert_eq!(
            texts.iter().filter(|t| **t == label.text).count(),
            placed,
            "{}",
            label.text
        );
    }
    for lane in &scene.lanes {
        assert!(texts.contains(&lane.label.as_str()), "{}", lane.label);
    }
    // A circa point is a ring: a disc of the lane's colour inside the category's.
    let circles = prims
        .iter()
        .filter(|p| matches!(p, Prim::Circle(Circle { .. })))
        .count();
    let points = scene
        .marks
        .iter()
        .filter(|m| m.shape == MarkShape::Point)
        .count();
    let circa = scene
        .marks
        .iter()
        .filter(|m| m.shape == MarkShape::Point && m.circa)
        .count();
    assert!(circa > 0);
    assert_eq!(circles, 2 * points + circa);
}

#[test]
fn searching_dims_what_does_not_match_and_outlines_what_does() {
    let dataset = belgium();
    let scene = scene_of(&dataset);
    let look = Look::new(Theme::Light, &dataset);
    let hit = scene.marks[0].event;
    let hits = [hit];
    let prims = timeline(
        &scene,
        &look,
        &Emphasis {
            search_hits: Some(&hits),
            ..Emphasis::default()
        },
    );
    let dimmed = prims
        .iter()
        .filter(|p| match p {
            Prim::Rect(Rect { fill: Some(f), .. }) | Prim::Circle(Circle { fill: Some(f), .. }) => {
                f.alpha == alpha::DIMMED_MARK
            }
            _ => false,
        })
        .count();
    assert!(dimmed >= scene.marks.len() - 1, "{dimmed}");
    let outlines = prims
        .iter()
        .filter(|p| {
            matches!(
                p,
                Prim::Rect(Rect {
                    fill: None,
                    stroke: Some(_),
                    ..
                }) | Prim::Circle(Circle {
                    fill: None,
                    stroke: Some(_),
                    ..
                })
            )
        })
        .count();
    assert_eq!(outlines, 1);
    // A search that matches nothing shown dims nothing: drawn as with no search at all.
    let nothing_found = timeline(
        &scene,
        &look,
        &Emphasis {
            search_hits: Some(&[]),
            ..Emphasis::default()
        },
    );
    assert_eq!(nothing_found, timeline(&scene, &look, &Emphasis::default()));
}

#[test]
fn density_shade_grows_with_the_count_and_keeps_single_events_visible() {
    assert_eq!(density_alpha(0, 10), 30);
    assert!(density_alpha(1, 100) > 30);
    assert_eq!(density_alpha(100, 100), 255);
    assert!(density_alpha(25, 100) < density_alpha(50, 100));
    assert_eq!(
        density_alpha(3, 0),
        255,
        "a zero maximum does not divide by zero"
    );
}

#[test]
fn translating_moves_every_point() {
    let prim = Prim::Curve(Curve {
        from: (0.0, 0.0),
        control: (1.0, 2.0),
        to: (3.0, 4.0),
        stroke: Stroke {
            width: 1.0,
            color: Rgba::opaque([0; 3]),
        },
    });
    let Prim::Curve(Curve {
        from, control, to, ..
    }) = prim.translated((10.0, 20.0))
    else {
        panic!("a curve stays a curve");
    };
    assert_eq!(
        (from, control, to),
        ((10.0, 20.0), (11.0, 22.0), (13.0, 24.0))
    );
}

#[test]
fn pale_bars_stand_out_from_the_lanes_in_every_theme() {
    // Year-precise spans (the first strategy) are pale bars: their outline carries them.
    let dataset = belgium();
    let scene = scene_of(&dataset);
    assert!(scene.marks.iter().any(|m| m.shape == MarkShape::Partial));
    for theme in Theme::ALL {
        let look = Look::new(theme, &dataset);
        let lanes = [look.colors.lane_even, look.colors.lane_odd];
        let prims = timeline(&scene, &look, &Emphasis::default());
        let outlines: Vec<[u8; 3]> = prims
            .iter()
            .filter_map(|p| match p {
                Prim::Rect(Rect {
                    fill: Some(fill),
                    stroke: Some(stroke),
                    ..
                }) if fill.alpha == look.colors.partial_alpha => Some(stroke.color.rgb),
                _ => None,
            })
            .collect();
        assert!(!outlines.is_empty(), "{theme:?}");
        for rgb in outlines {
            for lane in lanes {
                let ratio = crate::palette::contrast(rgb, lane);
                // Light themes keep the file's own colours (Okabe–Ito sky blue is 2.2:1 on
                // white, as everywhere it is used); the dark theme lightens them to 3:1.
                if theme == Theme::Dark {
                    assert!(ratio >= 3.0, "{rgb:?} on {lane:?}: {ratio:.2}");
                }
            }
        }
    }
}
