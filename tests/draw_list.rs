//! The window and the exports draw from one draw list: both back-ends receive the same primitives.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::timeline::paint::Prim;
use annals::ui::paint::shape;
use egui::{Pos2, Shape};

use annals::export::ExportOptions;
use annals::export::page::page;
use annals::model::{Dataset, Filter};
use annals::palette::Theme;
use annals::timeline::paint::{Emphasis, Look, timeline};
use annals::timeline::{TimeView, lanes};

/// The window and the export draw one scene from the same primitives: the page holds exactly
/// what `paint::timeline` gives for its scene, and each back-end makes one shape or one SVG
/// element of each primitive, with the same text.
#[test]
fn both_back_ends_receive_the_same_primitives_for_one_scene() {
    let dataset = Dataset::from_parts(vec![annals::io::load_embedded().unwrap().part]);
    let layout = lanes::by_category(&dataset, &Filter::default());
    let (min, max) = dataset.extent_secs().unwrap();
    let options = ExportOptions {
        width_px: 1600,
        height_px: 900,
        view: TimeView::fitting(min, max, 0.03),
        theme: Theme::Dark,
        title: None,
        legend: false,
        footer: false,
        extras: annals::timeline::scene::SceneExtras::default(),
    };
    let page = page(&dataset, &layout, &options);
    let look = Look::new(Theme::Dark, &dataset);
    let window: Vec<Prim> = timeline(&page.scene, &look, &Emphasis::default())
        .into_iter()
        .map(|p| p.translated(page.origin))
        .collect();
    assert!(window.len() > 100);
    let start = page
        .prims
        .windows(window.len())
        .position(|w| w == window.as_slice());
    assert!(
        start.is_some(),
        "the page draws the window's primitives, in order"
    );

    let ctx = egui::Context::default();
    ctx.set_fonts(egui::FontDefinitions::default());
    // One frame, so the fonts are ready; its texture upload is not needed here.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let shapes: Vec<Shape> =
        ctx.fonts_mut(|fonts| window.iter().map(|p| shape(fonts, Pos2::ZERO, p)).collect());
    assert_eq!(shapes.len(), window.len());
    let mut svg = String::new();
    for prim in &window {
        annals::export::svg::write_prim(&mut svg, prim);
    }
    for (prim, shape) in window.iter().zip(&shapes) {
        if let (Prim::Text(t), Shape::Text(drawn)) = (prim, shape) {
            assert_eq!(drawn.galley.job.text, t.text);
            assert!(svg.contains(&format!(">{}</text>", t.text.replace('&', "&amp;"))));
        } else {
            assert!(
                !matches!(prim, Prim::Text { .. }),
                "text becomes a text shape"
            );
        }
    }
    let elements = svg.lines().count();
    let quads: usize = window
        .iter()
        .map(|p| match p {
            Prim::Quads(q) => q.len(),
            _ => 1,
        })
        .sum();
    assert_eq!(elements, quads, "one SVG element a primitive (a quad each)");
}
