//! The command line: `annals [FILE…]` opens the window; `annals check` runs the same readers with
//! no window and prints a summary. Exit codes: 0 clean, 1 something skipped (a record or a whole
//! file) but the rest read, 2 nothing could be read.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::{Arg, Lang};

mod clickhouse;
mod help;
mod json;
mod render;
use crate::io::{self, IssueLevel, LoadedFile};
pub use help::{command, language, language_of_args};
pub use render::{RenderRequest, render};

/// Command-line arguments.
#[derive(Debug, clap::Parser)]
#[command(
    name = "annals",
    version,
    about = "A timeline for cyber incidents and strategy"
)]
// A command's name is a command wherever it stands (`annals --lang de render …`); files given
// before it are refused in `main` rather than silently dropped.
#[command(subcommand_precedence_over_arg = true)]
pub struct Args {
    /// Files to open in the window (none: the embedded Belgium dataset).
    pub files: Vec<PathBuf>,
    /// Open a window of its own even if one is running (by default files join the running
    /// window).
    #[arg(long)]
    pub new_window: bool,
    /// The language of messages, dates and captions: `en`, `nl`, `fr` or `de` (default: the
    /// system's, from `LC_ALL`, `LC_MESSAGES` or `LANG`).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// A headless subcommand.
    #[command(subcommand)]
    pub command: Option<Subcommand>,
}

/// Subcommands that need no window.
#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Load files without a window and print what was read and what was wrong.
    Check {
        /// Files to check (none: the embedded Belgium dataset).
        files: Vec<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw the timeline to a PNG or SVG file, with no window (works over SSH and in CI).
    Render(RenderRequest),
    /// Read files in any supported format and write them, merged, in the native format.
    Convert {
        /// Files to convert.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The native file to write (written atomically: a crash leaves any old file intact).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Send files in any supported format to a ClickHouse table (created with Annals' default
    /// schema where it does not exist).
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The table: `clickhouse://HOST:PORT/DATABASE/TABLE` (a password comes from
        /// `ANNALS_CLICKHOUSE_PASSWORD`).
        #[arg(long, value_name = "URL")]
        to: String,
        /// Events sent in one INSERT.
        #[arg(long, default_value_t = io::clickhouse::DEFAULT_BATCH)]
        batch: usize,
    },
    /// Write a synthetic native file for benchmarks: bursts of incidents, spans, tags, actors,
    /// 8 categories over 25 years. The same seed gives the same bytes.
    Gen {
        /// How many events.
        #[arg(long, default_value_t = 10_000)]
        events: u64,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// `native` (Annals JSON) or `l2tcsv` (a Plaso super-timeline as `psort` writes it).
        #[arg(long, default_value = "native", value_parser = ["native", "l2tcsv"])]
        format: String,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Runs a subcommand in `lang`, writing results to `out` and diagnostics to `err`.
pub fn run(command: Subcommand, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match command {
        Subcommand::Check { files, json } => check(&files, json, lang, out, err),
        Subcommand::Convert { files, output } => convert(&files, &output, lang, out, err),
        Subcommand::Render(request) => render(&request, lang, out, err),
        Subcommand::Import { files, to, batch } => {
            clickhouse::import(&files, &to, batch, lang, out, err)
        }
        Subcommand::Gen {
            events,
            seed,
            format,
            output,
        } => generate(
            crate::synth::SynthOptions { events, seed },
            format == "l2tcsv",
            &output,
            lang,
            out,
            err,
        ),
    }
}

/// `error: …` in `lang`.
fn error_line(err: &mut dyn Write, lang: Lang, message: &str) {
    writeln!(
        err,
        "{}",
        lang.text("cli-error", &[("message", Arg::Text(message))])
    )
    .ok();
}

/// `FILE:LINE:COLUMN: warning: …` in `lang` (the English line is the issue's `Display`, so
/// editors and scripts that jump to `file:line:column` read every language the same).
fn issue_line(path: &str, issue: &io::Issue, lang: Lang) -> String {
    let level = lang.word(match issue.level {
        IssueLevel::Warning => "problem-warning",
        IssueLevel::Skipped => "problem-skipped",
    });
    format!(
        "{path}:{}: {level}: {}",
        issue.location,
        issue.said.in_lang(lang)
    )
}

/// "could not write FILE: WHY" in `lang`.
fn not_written(lang: Lang, path: &std::path::Path, why: &std::io::Error) -> String {
    lang.text(
        "cli-not-written",
        &[
            ("file", Arg::Text(&path.display().to_string())),
            ("why", Arg::Text(&why.to_string())),
        ],
    )
}

/// `annals gen`: exit 0 written, 2 not.
fn generate(
    options: crate::synth::SynthOptions,
    l2tcsv: bool,
    output: &std::path::Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let written = io::native_writer::write_atomically_with(output, |file| {
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
        if l2tcsv {
            crate::synth::write_l2tcsv(options, &mut writer)?;
        } else {
            crate::synth::write_native(options, &mut writer)?;
        }
        writer.flush()
    });
    match written {
        Ok(()) => {
            let message = lang.text(
                "cli-wrote-synthetic",
                &[
                    (
                        "count",
                        Arg::Count(usize::try_from(options.events).unwrap_or(usize::MAX)),
                    ),
                    ("seed", Arg::Text(&options.seed.to_string())),
                    ("file", Arg::Text(&output.display().to_string())),
                ],
            );
            writeln!(out, "{message}").ok();
            ExitCode::SUCCESS
        }
        Err(e) => {
            error_line(err, lang, &not_written(lang, output, &e));
            ExitCode::from(2)
        }
    }
}

/// `annals convert`: every file read (skipping bad records and unusable files, each reported on
/// `err`), what could be read merged and written. Exit 0 clean, 1 records or files skipped, 2
/// nothing could be read or the output not written.
pub fn convert(
    paths: &[PathBuf],
    output: &std::path::Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let mut parts = Vec::new();
    let mut code = ExitCode::SUCCESS;
    for path in paths {
        match io::load_source(path) {
            Ok(file) => {
                for issue in &file.issues {
                    writeln!(err, "{}", issue_line(&file.part.info.path, issue, lang)).ok();
                }
                if file.issues.iter().any(|i| i.level == IssueLevel::Skipped) {
                    code = ExitCode::from(1);
                }
                parts.push(file.part);
            }
            Err(e) => {
                error_line(err, lang, &e.text_in(lang));
                code = ExitCode::from(1);
            }
        }
    }
    if parts.is_empty() && !paths.is_empty() {
        // Nothing at all could be read: an empty file written would look like a result.
        return ExitCode::from(2);
    }
    let merged = io::native_writer::merge(parts);
    let events = merged.events.len();
    match io::native_writer::write_atomically(output, &io::native_writer::to_json(&merged)) {
        Ok(()) => {
            let message = lang.text(
                "cli-wrote-events",
                &[
                    ("count", Arg::Count(events)),
                    ("file", Arg::Text(&output.display().to_string())),
                ],
            );
            writeln!(out, "{message}").ok();
            code
        }
        Err(e) => {
            error_line(err, lang, &not_written(lang, output, &e));
            ExitCode::from(2)
        }
    }
}

/// `annals check`: loads each file (or the embedded dataset) and reports.
pub fn check(
    paths: &[PathBuf],
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let mut loaded: Vec<LoadedFile> = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        match io::load_embedded() {
            Ok(file) => loaded.push(file),
            Err(e) => errors.push(e),
        }
    }
    // A ClickHouse table is counted by its server: its header (title, categories, periods)
    // joins like a file with no events, its count and range are added below.
    let mut remote = clickhouse::Remote::default();
    for path in paths {
        if let Some(address) = path.to_str().filter(|p| io::clickhouse::is_address(p)) {
            match clickhouse::summary(address) {
                Ok(file) => {
                    remote.add(&file);
                    loaded.push(file.header);
                }
                Err(e) => errors.push(e),
            }
            continue;
        }
        match io::load_file(path) {
            Ok(file) => loaded.push(file),
            Err(e) => errors.push(e),
        }
    }
    // The events move into the dataset (a copy would double the peak memory of a big file).
    let event_counts: Vec<usize> = loaded
        .iter()
        .map(|f| f.part.events.len() + remote.events_of(&f.part.info.path))
        .collect();
    let dataset = crate::model::Dataset::from_parts(
        loaded.iter_mut().map(|f| f.part.take_events()).collect(),
    );
    // The earliest start and latest end: found in the seconds columns, and only those two
    // events' dates read (ties as before: the first earliest, the last latest, events before
    // periods).
    let events = &dataset.events;
    let first_event = events
        .start_secs()
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .and_then(|(i, &secs)| Some((secs, events.get(i)?.start())));
    let period_starts = dataset
        .periods
        .iter()
        .map(|p| (p.start.start_secs(), p.start));
    let first_point = first_event
        .into_iter()
        .chain(period_starts)
        .chain(remote.firsts())
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, t)| t);
    let last_event = events
        .end_secs()
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .and_then(|(i, &secs)| {
            let e = events.get(i)?;
            Some((secs, e.end().unwrap_or(e.start())))
        });
    let period_ends = dataset.periods.iter().map(|p| (p.end.end_secs(), p.end));
    let last_point = last_event
        .into_iter()
        .chain(period_ends)
        .chain(remote.lasts())
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, t)| t);

    let skipped = loaded
        .iter()
        .any(|f| f.issues.iter().any(|i| i.level == IssueLevel::Skipped));
    // Exit 2 only when nothing at all could be read; 1 when something was skipped (a record or a
    // whole file) but the rest was read; as `convert`.
    let code = if loaded.is_empty() && !errors.is_empty() {
        ExitCode::from(2)
    } else if skipped || !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };

    if json {
        json::print_json(
            (
                dataset.events.len() + remote.events(),
                dataset.periods.len(),
            ),
            &loaded,
            &event_counts,
            &errors,
            (first_point.map(|t| t.iso()), last_point.map(|t| t.iso())),
            out,
            err,
        );
        return code;
    }

    for (file, &events) in loaded.iter().zip(&event_counts) {
        let info = &file.part.info;
        writeln!(
            out,
            "{}: {}, {}, {}, {}",
            info.path,
            info.format.name(),
            lang.count("events", events),
            lang.count("periods", file.part.periods.len()),
            lang.count("cli-issues", file.issues.len())
        )
        .ok();
        for issue in &file.issues {
            writeln!(err, "{}", issue_line(&info.path, issue, lang)).ok();
        }
    }
    for e in &errors {
        error_line(err, lang, &e.text_in(lang));
    }
    let counts = [
        (
            "events",
            Arg::Text(&lang.count("events", dataset.events.len() + remote.events())),
        ),
        (
            "periods",
            Arg::Text(&lang.count("periods", dataset.periods.len())),
        ),
    ];
    // Years up to 1 BCE are written as ISO 8601 writes them (astronomical: 0 is 1 BCE, -0299 is
    // 300 BCE), and said as people count them beside it.
    let for_people = |t: Option<crate::model::TimePoint>| {
        t.map(|t| {
            if t.year_number() <= 0 {
                format!("{} ({})", t.iso(), t.label_in(lang))
            } else {
                t.iso()
            }
        })
    };
    let total = match (for_people(first_point), for_people(last_point)) {
        (Some(first), Some(last)) => lang.text(
            "cli-total-range",
            &[
                counts[0],
                counts[1],
                ("first", Arg::Text(&first)),
                ("last", Arg::Text(&last)),
            ],
        ),
        _ => lang.text("cli-total", &counts),
    };
    writeln!(out, "{total}").ok();
    code
}
