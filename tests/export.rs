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
        .env("LC_ALL", "C")
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
        .env("LC_ALL", "C")
        .args(["render", "--size", "0x10", "-o", "/tmp/x.png"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--size \"0x10\""));
}

fn slide_options(dataset: &Dataset) -> ExportOptions {
    let from: annals::model::TimePoint = "2019".parse().unwrap();
    let to: annals::model::TimePoint = "2022".parse().unwrap();
    ExportOptions {
        view: TimeView::from_min_max(from.start_secs(), to.end_secs()),
        title: Some(dataset.title()),
        legend: true,
        ..options(1920, 1080, dataset, Theme::Light)
    }
}

/// Pixels (out of all) whose colour differs by more than a faint anti-aliasing step.
fn differing_share(a: &Pixmap, b: &Pixmap) -> f64 {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let differing = a
        .pixels()
        .iter()
        .zip(b.pixels())
        .filter(|(p, q)| {
            let p = p.demultiply();
            let q = q.demultiply();
            distance(
                [p.red(), p.green(), p.blue()],
                [q.red(), q.green(), q.blue()],
            ) > 90
        })
        .count();
    differing as f64 / f64::from(a.width() * a.height())
}

/// Draws an SVG with `rsvg-convert` (librsvg, Debian's `librsvg2-bin`), with no font at all
/// available to it: a viewer that lacks the export font.
fn rsvg(svg: &str, name: &str) -> Pixmap {
    let folder = std::env::temp_dir().join(format!("annals-rsvg-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let fonts = folder.join("fonts.conf");
    std::fs::write(
        &fonts,
        "<?xml version=\"1.0\"?><fontconfig><cachedir>/nonexistent</cachedir></fontconfig>",
    )
    .unwrap();
    let (input, output) = (folder.join("in.svg"), folder.join("out.png"));
    std::fs::write(&input, svg).unwrap();
    let run = std::process::Command::new("rsvg-convert")
        .env("FONTCONFIG_FILE", &fonts)
        .arg("-o")
        .arg(&output)
        .arg(&input)
        .output()
        .expect("rsvg-convert runs (Debian: apt-get install librsvg2-bin; .ci/run installs it)");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pixmap = Pixmap::decode_png(&std::fs::read(&output).unwrap()).unwrap();
    std::fs::remove_dir_all(&folder).ok();
    pixmap
}

#[test]
fn an_svg_slide_looks_the_same_in_a_second_renderer_that_lacks_the_font() {
    let dataset = belgium();
    let layout = lanes::by_category(&dataset, &Filter::default());
    let rendered = export::render_svg(&dataset, &layout, &slide_options(&dataset));
    let ours = Pixmap::decode_png(&export::render_png(&rendered.svg).unwrap()).unwrap();
    let outlined = export::outline_text(&rendered.svg).unwrap();
    assert!(!outlined.contains("<text"), "every label is an outline");
    let theirs = rsvg(&outlined, "outlined");
    let share = differing_share(&ours, &theirs);
    assert!(
        share < 0.002,
        "{:.3} % of the pixels differ between resvg and librsvg",
        share * 100.0
    );
    // The same slide with live text is what a viewer without the font gets wrong: the check
    // above would see it.
    let live = rsvg(&rendered.svg, "live");
    let live_share = differing_share(&ours, &live);
    assert!(
        live_share > 10.0 * share.max(0.0005),
        "live text {:.3} %, outlines {:.3} %",
        live_share * 100.0,
        share * 100.0
    );
}

#[test]
fn a_sparse_slide_fills_the_page_with_larger_type_and_names_its_sources() {
    let dataset = belgium();
    let layout = lanes::by_category(&dataset, &Filter::default());
    let options = slide_options(&dataset);
    let page = export::page::page(&dataset, &layout, &options);
    // The timeline reaches down to within the bottom fifth of the page (before: 55 %).
    let bottom = (page.origin.1 + page.scene.size.1) * page.scale;
    assert!(
        bottom > 0.8 * 1080.0,
        "the lanes end at {bottom:.0} px of 1080"
    );
    assert!(
        page.scale > 1.0,
        "type grew to use the room: {}",
        page.scale
    );
    // No event in view lost its name to the larger type.
    let more: usize = page
        .scene
        .more
        .iter()
        .map(annals::timeline::scene::More::count)
        .sum();
    assert_eq!(more, 0);
    // The footer: the data's title, file, distinct sources counted from the file itself, zone.
    let raw: serde_json::Value =
        serde_json::from_str(include_str!("../assets/belgium.json")).unwrap();
    let urls: std::collections::BTreeSet<&str> = raw["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["sources"].as_array())
        .flatten()
        .filter_map(|s| s["url"].as_str())
        .collect();
    let footer = export::page::footer_text(&dataset, "UTC", false, annals::i18n::Lang::En);
    assert_eq!(
        footer,
        format!(
            "Belgium's cyber timeline, 2012–2025 · Data: belgium.json · Sources: {} references \
             in belgium.json · Times in UTC",
            urls.len()
        )
    );
}

#[test]
fn render_titles_and_legends_a_slide_by_default_and_not_when_asked() {
    let run = |extra: &[&str]| {
        let output = std::env::temp_dir().join(format!(
            "annals-title-{}-{}.svg",
            std::process::id(),
            extra.len()
        ));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
            .env("LC_ALL", "C")
            .args(["render", "--svg-live-text", "-o"])
            .arg(&output)
            .args(extra)
            .status()
            .unwrap();
        assert!(status.success());
        let svg = std::fs::read_to_string(&output).unwrap();
        std::fs::remove_file(&output).ok();
        svg
    };
    // A legend entry is the category's name in the legend's size (lane names are smaller).
    let legend = |svg: &str| {
        svg.matches("font-size=\"12\" fill=\"#1d2026\">Law &amp; regulation<")
            .count()
    };
    let plain = run(&[]);
    assert!(
        plain.contains("cyber timeline, 2012–2025</text>"),
        "the data's title"
    );
    assert_eq!(legend(&plain), 1, "the legend");
    let bare = run(&["--no-title", "--no-legend"]);
    // The footer still names the data: the title is there once, not twice.
    assert_eq!(plain.matches("cyber timeline, 2012–2025").count(), 2);
    assert_eq!(bare.matches("cyber timeline, 2012–2025").count(), 1);
    assert_eq!(legend(&bare), 0);
    let own = run(&["--title", "Briefing"]);
    assert!(own.contains(">Briefing<"));
}

#[test]
fn render_speaks_dutch_french_and_german_on_the_axis_and_in_the_footer() {
    let svg = |lang: &str| {
        let output =
            std::env::temp_dir().join(format!("annals-lang-{}-{lang}.svg", std::process::id()));
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
            .env("LC_ALL", "C")
            .args([
                "render",
                "--lang",
                lang,
                "--from",
                "2021-05",
                "--to",
                "2021-05",
                "--svg-live-text",
                "-o",
            ])
            .arg(&output)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = std::fs::read_to_string(&output).unwrap();
        std::fs::remove_file(&output).ok();
        text
    };
    let french = svg("fr");
    assert!(french.contains(" mai 2021</text>"), "French axis");
    assert!(french.contains("Heures en UTC"), "French footer");
    assert!(french.contains("références dans belgium.json"));
    assert!(!french.contains(" May "), "no English month left");
    let dutch = svg("nl");
    assert!(dutch.contains(" mei 2021</text>"), "Dutch axis");
    assert!(dutch.contains("Tijden in UTC"));
    let german = svg("de");
    assert!(
        german.contains(". Mai 2021</text>"),
        "German axis: day with a period"
    );
    assert!(german.contains("Zeiten in UTC"));
    let english = svg("en");
    assert!(english.contains(" May 2021</text>"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .env("LC_ALL", "C")
        .args(["render", "--lang", "es", "-o", "/tmp/x.png"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--lang \"es\" is not en, nl, fr or de"));
}
