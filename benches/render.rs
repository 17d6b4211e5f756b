//! `cargo bench --bench render`: `annals render` of 10,000 synthetic events to a 1920×1080 PNG,
//! the whole command (load, layout, SVG, rasterise, encode, write) and each phase, median and
//! p95 over 30 runs. Issue 4's target: ≤ 300 ms on the 2-core reference machine.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use annals::cli::RenderRequest;
use annals::export::{self, ExportOptions};
use annals::model::{Dataset, Filter};
use annals::palette::Theme;
use annals::synth::{SynthOptions, write_native};
use annals::timeline::{TimeView, lanes};

const RUNS: usize = 30;

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = samples[(samples.len() * 95).div_ceil(100) - 1];
    (ms(samples[samples.len() / 2]), ms(p95))
}

fn time(mut run: impl FnMut()) -> (f64, f64) {
    run(); // warm up
    stats(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let events = std::env::var("ANNALS_BENCH_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let folder = std::env::temp_dir().join(format!("annals-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let input = folder.join("synthetic.json");
    let output = folder.join("out.png");
    let mut bytes = Vec::new();
    write_native(SynthOptions { events, seed: 1 }, &mut bytes).unwrap();
    std::fs::write(&input, &bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();

    println!(
        "annals render: {events} synthetic events ({:.1} MB), 1920×1080 PNG, {RUNS} runs",
        text.len() as f64 / 1e6
    );
    println!("{:<44} {:>10} {:>10}", "phase", "median ms", "p95 ms");
    let row = |name: &str, (median, p95): (f64, f64)| {
        println!("{name:<44} {median:>10.1} {p95:>10.1}");
    };

    let loaded = || annals::io::load_text("synthetic.json", &text).unwrap();
    row(
        "load (parse + validate)",
        time(|| drop(black_box(loaded()))),
    );
    let part = loaded().part;
    row(
        "dataset + lanes",
        time(|| {
            let dataset = Dataset::from_parts(vec![part.clone()]);
            black_box(lanes::by_category(&dataset, &Filter::default()));
        }),
    );
    let dataset = Dataset::from_parts(vec![part]);
    let layout = lanes::by_category(&dataset, &Filter::default());
    let (min, max) = dataset.extent_secs().unwrap();
    let options = ExportOptions {
        extras: annals::timeline::scene::SceneExtras::default(),
        width_px: 1920,
        height_px: 1080,
        view: TimeView::fitting(min, max, 0.03),
        theme: Theme::Light,
        title: None,
        legend: false,
        footer: true,
    };
    row(
        "scene + SVG",
        time(|| drop(black_box(export::render_svg(&dataset, &layout, &options)))),
    );
    let svg = export::render_svg(&dataset, &layout, &options).svg;
    row(
        "rasterise (resvg)",
        time(|| drop(black_box(export::render_rgba(&svg, None).unwrap()))),
    );
    row(
        "rasterise + PNG encode",
        time(|| drop(black_box(export::render_png(&svg).unwrap()))),
    );
    let request = RenderRequest {
        files: vec![input.clone()],
        output: output.clone(),
        from: None,
        to: None,
        size: "1920x1080".into(),
        theme: "light".into(),
        title: None,
        no_title: true,
        legend: false,
        no_legend: true,
        zone: "UTC".into(),
        collapse_gaps: false,
        links: false,
        svg_live_text: false,
    };
    let whole = time(|| {
        let code = annals::cli::render(
            &request,
            annals::i18n::Lang::En,
            &mut std::io::sink(),
            &mut std::io::sink(),
        );
        assert_eq!(code, std::process::ExitCode::SUCCESS);
    });
    row("whole command (read file … write PNG)", whole);
    println!(
        "target ≤ 300 ms: {}",
        if whole.0 <= 300.0 { "met" } else { "MISSED" }
    );
    std::fs::remove_dir_all(&folder).ok();
}
