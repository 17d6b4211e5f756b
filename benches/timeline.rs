//! `cargo bench --bench timeline`: for synthetic files of N events (default 10k, 100k and 1M;
//! set `ANNALS_BENCH_SIZES=10000,100000,1000000,10000000` for 10M, which needs minutes and
//! ~3 GB), measures each size in a process of its own:
//! - the whole `annals check FILE` process (release binary): wall seconds (median of three
//!   runs) and peak resident memory against the file's size (through GNU `/usr/bin/time -f
//!   %M`), the file synced to disk first;
//! - load: reading and parsing the file in this process (`io::load_file`), and the resident
//!   bytes the loaded window state adds, against the file's size;
//! - reopen: the same file opened again through its reopen cache (`io::cache`), to a dataset;
//! - frames: CPU time of one real window frame (`egui::Context::run_ui` with the real `Window`,
//!   then `tessellate`) at three zooms (everything, one year, one day), median and p95 of 60,
//!   both still (the same view every frame: an idle repaint, the pointer moving) and panning
//!   (the view moves every frame, so the lanes are laid out anew), and all-in-view panning with
//!   one category hidden;
//! - for 10k and 100k, the same frame with a naive `egui_plot` baseline that hands egui one point per
//!   event, and the ratio.
//!
//! Targets (issue 15, 2-core machine): `annals check` of 1M ≤ 0.6 s (10M ≤ 6 s), peak ≤ 1.25×
//! the file; frame p95 ≤ 2 ms at any zoom at 1M, ≤ 3 ms at 10M, also with a filter.
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

/// Opening `path` again once its reopen cache is written (`io::cache`): reading the cache and
/// building the dataset from it, in seconds (the cache is written by a first open, not timed).
fn reopen_secs(path: &std::path::Path, folder: &std::path::Path) -> f64 {
    let cache = annals::io::cache::Cache::in_dir(folder.join("cache"), 0);
    let progress = annals::io::LoadProgress::default();
    drop(annals::io::load_file_cached(path, None, &progress, &cache).unwrap());
    let start = Instant::now();
    let file = annals::io::load_file_cached(path, None, &progress, &cache).unwrap();
    assert!(file.issues.is_empty(), "read from the cache");
    let dataset = annals::model::Dataset::from_parts(vec![file.part]);
    let secs = start.elapsed().as_secs_f64();
    drop(dataset);
    std::fs::remove_dir_all(folder.join("cache")).ok();
    secs
}

/// The whole `annals check FILE` process, as a user runs it: wall seconds and peak resident
/// bytes (GNU time's `%M`; 0 where `/usr/bin/time` is missing).
fn check_process(path: &std::path::Path) -> (f64, u64) {
    let start = Instant::now();
    let output = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_annals"))
        .arg("check")
        .arg(path)
        .output();
    let secs = start.elapsed().as_secs_f64();
    let peak_kib = output
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<u64>().ok())
        })
        .unwrap_or(0);
    (secs, peak_kib * 1024)
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
            "| events | file MB | `annals check` s | check peak RSS / file | load s (in process) | reopen s (cached, to a dataset) | resident MB | resident / file | frame all, still (median / p95 ms) | all, panning | all, panning, one category hidden | 1 year, still | 1 year, panning | 1 day, still | 1 day, panning | naive egui_plot all | naive p95 ÷ ours (panning) |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
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
            // On the disk before anything is timed: a user's file was written long before it
            // is opened, and 1.5 GB still being written back slowed the 10M load by a third.
            writer.into_inner().unwrap().sync_all().unwrap();
        }
        let file_bytes = std::fs::metadata(&path).unwrap().len();
        // The whole process first, while this one holds nothing (the window state below is as
        // big as the file), as the median of three runs.
        let mut checks: Vec<(f64, u64)> = (0..3).map(|_| check_process(&path)).collect();
        checks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (check_secs, _) = checks[1];
        let check_peak = checks.iter().map(|c| c.1).max().unwrap_or(0);
        let before = resident_bytes();
        let start = Instant::now();
        let loaded = annals::io::load_file(&path).unwrap();
        let load = start.elapsed().as_secs_f64();
        let state = AppState::with_loaded(vec![(path.clone(), Ok(loaded))], Settings::default());
        let resident = resident_bytes().saturating_sub(before);
        let reopen = reopen_secs(&path, &folder);
        let mut window = Window::new(state);

        let ctx = egui::Context::default();
        let (lo, hi) = window.state.dataset.extent_secs().unwrap();
        let middle = f64::midpoint(lo, hi);
        // A still view (every frame the same: an idle repaint, the pointer moving) and a
        // panning one (every frame moves the view by a couple of points, so it is laid out anew).
        let zoom = |window: &mut Window, view: Option<TimeView>, pan: bool| {
            match view {
                None => window.state.apply(ViewCommand::FitAll),
                Some(view) => window.state.apply(ViewCommand::SetView(view)),
            };
            let base = window.state.view;
            let mut frame = 0_u32;
            frames(&ctx, |ui| {
                if pan {
                    frame += 1;
                    let step = base.span_secs / 800.0 * f64::from(frame % 50);
                    let _ = window
                        .state
                        .apply(ViewCommand::SetView(TimeView::from_min_max(
                            base.min_secs + step,
                            base.max_secs() + step,
                        )));
                }
                window.ui(ui);
            })
        };
        let year_view = TimeView::from_min_max(middle, middle + 365.25 * 86_400.0);
        let day_view = TimeView::from_min_max(middle, middle + 86_400.0);
        let all = zoom(&mut window, None, false);
        let all_pan = zoom(&mut window, None, true);
        let year = zoom(&mut window, Some(year_view), false);
        let year_pan = zoom(&mut window, Some(year_view), true);
        let day = zoom(&mut window, Some(day_view), false);
        let day_pan = zoom(&mut window, Some(day_view), true);
        // The same all-in-view frames with a filter applied: one category hidden.
        window.state.background_events = Some(usize::MAX);
        let hidden = window
            .state
            .dataset
            .categories
            .first()
            .map(|c| c.id.clone());
        if let Some(id) = hidden {
            let _ = window
                .state
                .apply(annals::app::FilterCommand::ToggleCategory(id));
        }
        let filtered_pan = zoom(&mut window, None, true);
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
                format!("{:.1}", naive.1 / all_pan.1.max(1e-3)),
            )
        } else {
            ("–".to_owned(), "–".to_owned())
        };
        let ms = |(median, p95): (f64, f64)| format!("{median:.2} / {p95:.2}");
        println!(
            "| {events} | {:.1} | {check_secs:.2} | {:.2} | {load:.2} | {reopen:.2} | {:.0} | {:.2} | {} | {} | {} | {} | {} | {} | {} | {naive} | {ratio} |",
            file_bytes as f64 / 1e6,
            check_peak as f64 / file_bytes as f64,
            resident as f64 / 1e6,
            resident as f64 / file_bytes as f64,
            ms(all),
            ms(all_pan),
            ms(filtered_pan),
            ms(year),
            ms(year_pan),
            ms(day),
            ms(day_pan),
        );
        drop(window);
        std::fs::remove_file(&path).ok();
    }
    std::fs::remove_dir_all(&folder).ok();
}
