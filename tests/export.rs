//! Exports drawn headless from the same Scene as the window: PNG and SVG of the Belgium dataset.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::export::{self, ExportOptions, Theme};
use annals::model::{Dataset, Filter};
use annals::palette;
use annals::timeline::{TimeView, lanes};
use resvg::tiny_skia::Pixmap;

fn belgium() -> Dataset {
    Dataset::from_parts(vec![annals::io::load_embedded().unwrap().part])
}

fn options(width_px: u32, height_px: u32, dataset: &Dataset, theme: Theme) -> ExportOptions {
    let (min, max) = dataset.extent_secs().unwrap();
    ExportOptions {
        extras: annals::timeline::scene::SceneExtras::default(),
        width_px,
        height_px,
        view: TimeView::fitting(min, max, 0.03),
        theme,
        title: Some("Belgium".into()),
        footer: true,
        legend: false,
    }
}

fn distance(a: [u8; 3], b: [u8; 3]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (i32::from(*x) - i32::from(y)).abs())
        .sum()
}

#[test]
fn belgium_png_has_the_asked_size_content_and_belnet_in_its_colour() {
    let dataset = belgium();
    let layout = lanes::by_category(&dataset, &Filter::default());
    for (width, height, theme) in [(1920, 1080, Theme::Light), (3840, 2160, Theme::Dark)] {
        let rendered =
            export::render_svg(&dataset, &layout, &options(width, height, &dataset, theme));
        let png = export::render_png(&rendered.svg).unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (width, height));
        let distinct: std::collections::HashSet<_> = pixmap
            .pixels()
            .iter()
            .map(|p| (p.red(), p.green(), p.blue()))
            .collect();
        assert!(distinct.len() > 50, "not blank: {} colours", distinct.len());
        // The Belnet DDoS mark is drawn in the incident colour (paler: its hour is circa).
        let idx = dataset
            .events
            .iter()
            .position(|e| e.id() == "belnet-ddos")
            .unwrap();
        let mark = rendered
            .scene
            .mark_of(annals::model::EventIdx(idx as u32))
            .expect("Belnet is drawn on its own");
        // On the ring of the marker (a circa date is drawn as a ring around a hole).
        let x = ((rendered.origin.0 + mark.x0 + 4.0) * rendered.scale) as u32;
        let y = ((rendered.origin.1 + mark.y) * rendered.scale) as u32;
        let p = pixmap.pixel(x, y).unwrap();
        let pixel = [p.red(), p.green(), p.blue()];
        let incident = palette::category_rgb(&dataset, mark.category);
        assert_eq!(incident, [0xd5, 0x5e, 0x00]);
        let nearest = dataset
            .categories
            .iter()
            .enumerate()
            .min_by_key(|(i, _)| distance(pixel, palette::category_rgb(&dataset, Some(*i))))
            .map(|(_, c)| c.id.as_str());
        assert_eq!(nearest, Some("incident"), "pixel {pixel:?} at ({x}, {y})");
        assert!(
            distance(pixel, incident) < 40,
            "pixel {pixel:?} is the incident colour"
        );
    }
}

#[test]
fn svg_parses_and_names_the_seed_events_and_the_axis() {
    let dataset = belgium();
    let layout = lanes::by_category(&dataset, &Filter::default());
    let rendered = export::render_svg(
        &dataset,
        &layout,
        &options(1920, 1080, &dataset, Theme::Light),
    );
    assert!(resvg::usvg::Tree::from_str(&rendered.svg, &resvg::usvg::Options::default()).is_ok());
    for text in [
        "First national Cyber Security Strategy",
        "c. DDoS attack on Belnet",
        "Cyber Strategy 2.0 approved",
        ">2012<",
        ">2021<",
        ">UTC<",
    ] {
        assert!(rendered.svg.contains(text), "SVG lacks {text:?}");
    }
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let dataset = belgium();
    let layout = lanes::by_category(&dataset, &Filter::default());
    let options = options(1280, 720, &dataset, Theme::Light);
    let first = export::render_png(&export::render_svg(&dataset, &layout, &options).svg).unwrap();
    let second = export::render_png(&export::render_svg(&dataset, &layout, &options).svg).unwrap();
    assert_eq!(first, second);
}

#[test]
fn render_on_the_command_line_writes_a_png_of_the_asked_range() {
    let output = std::env::temp_dir().join(format!("annals-render-{}.png", std::process::id()));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args([
            "render", "--from", "2021-05", "--to", "2021-05", "--size", "800x450", "-o",
        ])
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pixmap = Pixmap::decode_png(&std::fs::read(&output).unwrap()).unwrap();
    std::fs::remove_file(&output).ok();
    assert_eq!((pixmap.width(), pixmap.height()), (800, 450));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["render", "--size", "0x10", "-o", "/tmp/x.png"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--size \"0x10\""));
}
