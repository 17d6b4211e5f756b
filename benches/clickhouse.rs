//! `cargo bench --bench clickhouse`: a timeline over a ClickHouse table (issue 20). Starts its
//! own `clickhouse-server` (loopback, temporary folder), has the server make
//! `ANNALS_BENCH_CH_EVENTS` events (default 100,000,000: one every 3 s from 2017, 8 lanes) and
//! measures, as the window does it (the state's own questions, run as its threads run them):
//! - first picture after connect: count, range and header, then the fitted view's question
//!   (three times; the first after the server started is cold);
//! - pan or zoom to a new range: 40 moves (zooms in at random places down to a day, pans a
//!   whole view width, zooms out), the answer to each move that needs one, median and p95;
//! - window frames while questions run: CPU time of a real window frame (`run_ui` and
//!   `tessellate`) panning over the table while another thread asks the server without pause;
//! - import: the whole `annals import FILE --to …` process for a synthetic native file of
//!   `ANNALS_BENCH_IMPORT_EVENTS` events (default 10,000,000), events per second.
//!
//! Targets: first picture ≤ 1 s, answer p95 ≤ 300 ms, frame p95 ≤ 4 ms, import ≥ 500k events/s.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark"
)]

use std::time::{Duration, Instant};

use annals::app::{AppState, Effect, FilesCommand, FilterCommand, ViewCommand};
use annals::io::clickhouse::{self as ch, local::LocalServer};
use annals::synth::{SynthOptions, write_native};
use annals::timeline::TimeView;
use annals::ui::Window;

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 900.0);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    if samples.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let p95 = samples[(samples.len() * 95).div_ceil(100) - 1];
    (ms(samples[samples.len() / 2]), ms(p95))
}

/// Carries out the table's effects as the shell's threads would, one after the other.
fn answer_all(state: &mut AppState, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let reply = match effect {
            Effect::Connect(connect) => connect.run(),
            Effect::AskTable(ask) => ask.run(),
            _ => continue,
        };
        queue.extend(state.receive(reply));
    }
}

/// A tiny deterministic generator for the moves.
struct Moves(u64);

impl Moves {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let Some(binary) = ch::local::server_binary() else {
        println!(
            "clickhouse-server is not installed (apt-get install clickhouse-server): nothing measured"
        );
        return;
    };
    let import_events = env_number("ANNALS_BENCH_IMPORT_EVENTS", 10_000_000);
    let servers = LocalServer::start(&binary, 1).unwrap();
    let server = &servers[0];
    // A table of one's own (made by `annals import`), or one the server makes here.
    let (address, events) = if let Ok(address) = std::env::var("ANNALS_BENCH_CH_ADDRESS") {
        let target = ch::Target::parse(&address).unwrap();
        let events = ch::summary(&ch::Client::new(target)).unwrap().events;
        println!("{address}: {events} events");
        (address, events)
    } else {
        let events = env_number("ANNALS_BENCH_CH_EVENTS", 100_000_000);
        let address = server.address("bench", "events");
        ch::create_table(&server.client("bench", "events")).unwrap();
        let lanes = [
            "strategy",
            "incident",
            "response",
            "attribution",
            "institution",
            "law",
            "sector",
            "exercise",
        ];
        let start = Instant::now();
        server.generate("bench.events", events, 3, &lanes).unwrap();
        println!(
            "server made {events} events in {:.1} s (`INSERT … SELECT` on the server; not the import figure)",
            start.elapsed().as_secs_f64()
        );
        (address, events)
    };

    // First picture after connect.
    let mut firsts = Vec::new();
    let mut state = AppState::default();
    for _ in 0..3 {
        state = AppState::default();
        let start = Instant::now();
        let effects = state.apply(FilesCommand::OpenFiles(vec![address.clone().into()]));
        answer_all(&mut state, effects);
        firsts.push(start.elapsed().as_secs_f64());
        assert_eq!(state.total_events() as u64, events);
        assert_eq!(state.busy(), None);
    }

    // Pan and zoom.
    let (lo, hi) = state.data_extent().unwrap();
    let mut moves = Moves(7);
    let mut answers = Vec::new();
    let mut asked = 0;
    for step in 0..40 {
        let view = state.view;
        let next = match step % 4 {
            0 | 1 => {
                let centre = lo + moves.next() * (hi - lo);
                let span = (view.span_secs / 8.0).max(86_400.0);
                TimeView::from_min_max(centre - span / 2.0, centre + span / 2.0)
            }
            2 => TimeView::from_min_max(
                view.min_secs + view.span_secs,
                view.max_secs() + view.span_secs,
            ),
            _ => {
                let centre = view.min_secs + view.span_secs / 2.0;
                let span = view.span_secs * 16.0;
                TimeView::from_min_max(centre - span / 2.0, centre + span / 2.0)
            }
        };
        let effects = state.apply(ViewCommand::SetView(next));
        let start = Instant::now();
        let had_question = effects.iter().any(|e| matches!(e, Effect::AskTable(_)));
        answer_all(&mut state, effects);
        if had_question {
            asked += 1;
            answers.push(start.elapsed());
        }
    }
    let (answer_median, answer_p95) = stats(answers);

    // The same kind of moves with a filter applied: a hidden lane (answered from the hourly
    // counts still), then a search that hides (every row in range is read).
    let mut filtered = Vec::new();
    for (name, commands) in [
        (
            "a lane hidden",
            vec![FilterCommand::ToggleCategory("law".into())],
        ),
        (
            "a search that hides (`event 4`)",
            vec![
                FilterCommand::ToggleCategory("law".into()),
                FilterCommand::SetQuery("event 4".into()),
                FilterCommand::SetOnlyMatches(true),
            ],
        ),
    ] {
        let _ = state.apply(ViewCommand::FitAll);
        for command in commands {
            let effects = state.apply(command);
            answer_all(&mut state, effects);
        }
        let mut times = Vec::new();
        for step in 0..12 {
            let view = state.view;
            let next = if step % 3 == 2 {
                TimeView::from_min_max(
                    view.min_secs + view.span_secs,
                    view.max_secs() + view.span_secs,
                )
            } else {
                let centre = lo + moves.next() * (hi - lo);
                let span = (view.span_secs / 6.0).max(86_400.0);
                TimeView::from_min_max(centre - span / 2.0, centre + span / 2.0)
            };
            let effects = state.apply(ViewCommand::SetView(next));
            let start = Instant::now();
            if effects.iter().any(|e| matches!(e, Effect::AskTable(_))) {
                answer_all(&mut state, effects);
                times.push(start.elapsed());
            }
        }
        filtered.push((name, times.len(), stats(times)));
    }
    let _ = state.apply(FilterCommand::ClearFilters);

    // Frames while questions run.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // The other thread connects first, then asks without pause until the frames are done.
    let ready = std::sync::Arc::new(std::sync::Barrier::new(2));
    let hammer = {
        let stop = std::sync::Arc::clone(&stop);
        let ready = std::sync::Arc::clone(&ready);
        let address = address.clone();
        std::thread::Builder::new()
            .name("questions".into())
            .spawn(move || {
                let mut state = AppState::default();
                let effects = state.apply(FilesCommand::OpenFiles(vec![address.into()]));
                answer_all(&mut state, effects);
                ready.wait();
                let mut queries = 0u64;
                // Views of a week to a year at places never seen before: each is a question to
                // the server (kept answers would otherwise serve a zoom back and forth).
                let (lo, hi) = state.data_extent().unwrap();
                let mut places = Moves(11);
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let centre = lo + places.next() * (hi - lo);
                    let span = 7.0 * 86_400.0 * (1.0 + 51.0 * places.next());
                    let effects = state.apply(ViewCommand::SetView(TimeView::from_min_max(
                        centre - span / 2.0,
                        centre + span / 2.0,
                    )));
                    if effects.iter().any(|e| matches!(e, Effect::AskTable(_))) {
                        queries += 1;
                    }
                    answer_all(&mut state, effects);
                }
                queries
            })
            .unwrap()
    };
    ready.wait();
    let _ = state.apply(ViewCommand::FitAll);
    let mut window = Window::new(state);
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        ..Default::default()
    };
    let base = window.state.view;
    let mut frame_times = Vec::new();
    let frames_start = Instant::now();
    let mut frame = 0u32;
    // At least 240 frames and 3 seconds, so the other thread's questions run all along.
    while frame < 240 || frames_start.elapsed() < Duration::from_secs(3) {
        frame += 1;
        let shift = base.span_secs / 800.0 * f64::from(frame % 50);
        let _ = window
            .state
            .apply(ViewCommand::SetView(TimeView::from_min_max(
                base.min_secs + shift,
                base.max_secs() + shift,
            )));
        window.effects.clear(); // the questions are the other thread's work here
        let start = Instant::now();
        let output = ctx.run_ui(input(), |ui| window.ui(ui));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        if frame >= 20 {
            frame_times.push(start.elapsed());
        }
    }
    let frames_secs = frames_start.elapsed().as_secs_f64();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let queries = hammer.join().unwrap();
    let (frame_median, frame_p95) = stats(frame_times);

    // Import.
    let import = (import_events > 0).then(|| {
        let folder = std::env::temp_dir().join(format!("annals-bench-ch-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join(format!("synthetic-{import_events}.json"));
        {
            let out = std::fs::File::create(&file).unwrap();
            let mut writer = std::io::BufWriter::new(out);
            write_native(
                SynthOptions {
                    events: import_events,
                    seed: 1,
                },
                &mut writer,
            )
            .unwrap();
        }
        let start = Instant::now();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
            .args(["import"])
            .arg(&file)
            .args(["--to", &server.address("bench", "imported")])
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        let import_secs = start.elapsed().as_secs_f64();
        assert!(status.success());
        let imported: u64 = server
            .query("SELECT count() FROM bench.imported")
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(imported, import_events);
        std::fs::remove_dir_all(&folder).ok();
        import_secs
    });
    println!();
    println!("| measure | target | measured |");
    println!("|---|---|---|");
    println!(
        "| {events} events in one local ClickHouse: first picture after connect | ≤ 1 s | {} s (first after the server started, then twice more) |",
        firsts
            .iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(" / ")
    );
    println!(
        "| pan or zoom to a new range: answer drawn ({asked} of 40 moves needed one) | ≤ 300 ms p95 | median {answer_median:.0} ms, p95 {answer_p95:.0} ms |"
    );
    println!(
        "| window frame time while queries run ({queries} questions answered during {frames_secs:.1} s of frames) | ≤ 4 ms p95 | median {frame_median:.2} ms, p95 {frame_p95:.2} ms |"
    );
    for (name, asked, (median, p95)) in &filtered {
        println!(
            "| the same moves with {name} ({asked} answers) | (no target) | median {median:.0} ms, p95 {p95:.0} ms |"
        );
    }
    if let Some(import_secs) = import {
        println!(
            "| import of {import_events} native events (whole `annals import` process, file read included) | ≥ 500k events/s | {:.0}k events/s ({import_secs:.1} s) |",
            import_events as f64 / import_secs / 1e3
        );
    }
}
