//! `cargo bench --bench timeline`: for synthetic files of N events (default 10k, 100k and 1M;
//! set `ANNALS_BENCH_SIZES=10000,100000,1000000,10000000` for 10M, which needs minutes and
//! ~3 GB), measures each size in a process of its own:
//! - load: reading and parsing the file (`io::load_file`), in seconds and MB/s;
//! - memory: resident bytes added by the loaded state, per event, against the file's size;
//! - frames: CPU time of one real window frame (`egui::Context::run_ui` with the real `Window`,
//!   then `tessellate`) at three zooms (everything, one year, one day), median and p95 of 60;
//! - for 10k and 100k, the same frame with a naive `egui_plot` baseline that hands egui one point per
//!   event, and the ratio.
//!
//! Targets (issue 6, 2-core machine): 1M load ≤ 1.5 s, frame p95 ≤ 4 ms at 1M (≤ 8 ms at 10M),
//! resident memory ≤ file size at 1M.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark"
)]

use annals::app::ViewCommand;
use std::time::{Duration, Instant};

use annals::app::{AppState, Settings};
use annals::synth::{SynthOptions, write_native};
use annals::timeline::TimeView;
use annals::ui::Window;

const FRAMES: usize = 60;
const SCREEN: egui::Vec2 = egui::vec2(1600.0, 900.0);

fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = samples[(samples.len() * 95).div_ceil(100) - 1];
    (ms(samples[samples.len() / 2]), ms(p95))
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        ..Default::default()
    }
}

/// Median and p95 of `FRAMES` frames of `ui`, each `run_ui` + `tessellate`.
fn frames(ctx: &egui::Context, mut ui: impl FnMut(&mut egui::Ui)) -> (f64, f64) {
    for _ in 0..5 {
        let _ = ctx.run_ui(input(), &mut ui); // warm up: fonts, layout caches
    }
    let samples = (0..FRAMES)
        .map(|_| {
            let start = Instant::now();
            let output = ctx.run_ui(input(), &mut ui);
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
            std::hint::black_box(primitives);
            start.elapsed()
        })
        .collect();
    stats(samples)
}

fn naive_plot(ctx: &egui::Context, points: &[[f64; 2]]) -> (f64, f64) {
    frames(ctx, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            egui_plot::Plot::new("naive").show(ui, |plot_ui| {
                plot_ui.points(egui_plot::Points::new("events", points.to_vec()).radius(3.0));
            });
        });
    })
}

fn main() {
    let sizes: Vec<u64> = std::env::var("ANNALS_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    // Each size is measured in a process of its own (this program again, for one size): memory
    // freed by a smaller size would otherwise stay with the allocator and count against the next.
    if std::env::var_os("ANNALS_BENCH_CHILD").is_none() {
        println!(
            "| events | file MB | load s | MB/s | resident MB | bytes/event | RSS / file | frame all (median / p95 ms) | frame 1 year | frame 1 day | naive egui_plot all (median / p95 ms) | naive p95 ÷ ours |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
        let me = std::env::current_exe().unwrap();
        for events in sizes {
            let status = std::process::Command::new(&me)
                .env("ANNALS_BENCH_CHILD", "1")
                .env("ANNALS_BENCH_SIZES", events.to_string())
                .status()
                .unwrap();
            assert!(status.success(), "the run for {events} events failed");
        }
        return;
    }
    let folder = std::env::temp_dir().join(format!("annals-bench-tl-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    for events in sizes {
        let path = folder.join(format!("synthetic-{events}.json"));
        {
            let file = std::fs::File::create(&path).unwrap();
            let mut writer = std::io::BufWriter::new(file);
            write_native(SynthOptions { events, seed: 1 }, &mut writer).unwrap();
        }
        let file_bytes = std::fs::metadata(&path).unwrap().len();
        let before = resident_bytes();
        let start = Instant::now();
        let loaded = annals::io::load_file(&path).unwrap();
        let load = start.elapsed().as_secs_f64();
        let state = AppState::with_loaded(vec![(path.clone(), Ok(loaded))], Settings::default());
        let resident = resident_bytes().saturating_sub(before);
        let mut window = Window::new(state);

        let ctx = egui::Context::default();
        let (lo, hi) = window.state.dataset.extent_secs().unwrap();
        let middle = f64::midpoint(lo, hi);
        let mut zoom = |view: Option<TimeView>| {
            match view {
                None => window.state.apply(ViewCommand::FitAll),
                Some(view) => window.state.apply(ViewCommand::SetView(view)),
            };
            frames(&ctx, |ui| window.ui(ui))
        };
        let all = zoom(None);
        let year = zoom(Some(TimeView::from_min_max(
            middle,
            middle + 365.25 * 86_400.0,
        )));
        let day = zoom(Some(TimeView::from_min_max(middle, middle + 86_400.0)));
        let (naive, ratio) = if events <= 100_000 {
            let points: Vec<[f64; 2]> = window
                .state
                .dataset
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| [e.start_secs(), (i % 8) as f64])
                .collect();
            let naive = naive_plot(&egui::Context::default(), &points);
            (
                format!("{:.2} / {:.2}", naive.0, naive.1),
                format!("{:.1}", naive.1 / all.1.max(1e-3)),
            )
        } else {
            ("–".to_owned(), "–".to_owned())
        };
        println!(
            "| {events} | {:.1} | {load:.2} | {:.0} | {:.0} | {:.0} | {:.2} | {:.2} / {:.2} | {:.2} / {:.2} | {:.2} / {:.2} | {naive} | {ratio} |",
            file_bytes as f64 / 1e6,
            file_bytes as f64 / 1e6 / load,
            resident as f64 / 1e6,
            resident as f64 / events as f64,
            resident as f64 / file_bytes as f64,
            all.0,
            all.1,
            year.0,
            year.1,
            day.0,
            day.1,
        );
        drop(window);
        std::fs::remove_file(&path).ok();
    }
    std::fs::remove_dir_all(&folder).ok();
}
