//! The command line and ClickHouse: `annals import FILE… --to clickhouse://…`, and `check` on
//! a table (counted by the server, never read whole).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{error_line, issue_line};
use crate::i18n::{Arg, Lang};
use crate::io::clickhouse::{self as ch, Client, Target};
use crate::io::{self, IssueLevel, LoadError, LoadedFile};
use crate::model::TimePoint;

/// A table's summary as `check` uses it: its header as a loaded file with no events, beside
/// the server's count and range.
pub(super) struct Summed {
    pub(super) header: LoadedFile,
    events: u64,
    first: Option<TimePoint>,
    last: Option<TimePoint>,
}

/// What the tables `check` was given add to its totals.
#[derive(Default)]
pub(super) struct Remote {
    tables: Vec<(String, usize, Option<TimePoint>, Option<TimePoint>)>,
}

impl Remote {
    pub(super) fn add(&mut self, summed: &Summed) {
        self.tables.push((
            summed.header.part.info.path.clone(),
            usize::try_from(summed.events).unwrap_or(usize::MAX),
            summed.first,
            summed.last,
        ));
    }

    /// Events in every table.
    pub(super) fn events(&self) -> usize {
        self.tables.iter().map(|t| t.1).sum()
    }

    /// Events in the table at `address` (0 for a file).
    pub(super) fn events_of(&self, address: &str) -> usize {
        self.tables
            .iter()
            .filter(|t| t.0 == address)
            .map(|t| t.1)
            .sum()
    }

    /// The tables' first dates, with their seconds.
    pub(super) fn firsts(&self) -> impl Iterator<Item = (f64, TimePoint)> + '_ {
        self.tables
            .iter()
            .filter_map(|t| t.2)
            .map(|t| (t.start_secs(), t))
    }

    /// The tables' last dates, with their seconds.
    pub(super) fn lasts(&self) -> impl Iterator<Item = (f64, TimePoint)> + '_ {
        self.tables
            .iter()
            .filter_map(|t| t.3)
            .map(|t| (t.end_secs(), t))
    }
}

/// Asks the table at `address` for its count, range, title, categories and periods.
pub(super) fn summary(address: &str) -> Result<Summed, LoadError> {
    let target = Target::parse(address).map_err(|e| e.into_load_error(&ch::redacted(address)))?;
    let shown = target.address();
    let summary = ch::summary(&Client::new(target)).map_err(|e| e.into_load_error(&shown))?;
    let mut part = summary.header;
    part.info.path = shown;
    part.info.format = crate::model::Format::ClickHouse;
    Ok(Summed {
        header: LoadedFile {
            part,
            issues: Vec::new(),
        },
        events: summary.events,
        first: summary.first,
        last: summary.last,
    })
}

/// `annals import`: each file read and sent; exit 0 all sent cleanly, 1 records or files
/// skipped but something sent, 2 nothing sent (or the table refused).
pub(super) fn import(
    paths: &[PathBuf],
    to: &str,
    batch: usize,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let target = match Target::parse(to) {
        Ok(target) => target,
        Err(e) => {
            error_line(err, lang, &e.said().in_lang(lang));
            return ExitCode::from(2);
        }
    };
    let table = target.address();
    let client = Client::new(target);
    if let Err(e) = ch::create_table(&client) {
        error_line(err, lang, &e.said().in_lang(lang));
        return ExitCode::from(2);
    }
    let mut code = ExitCode::SUCCESS;
    let mut sent_any = false;
    for path in paths {
        let file = match io::load_source(path) {
            Ok(file) => file,
            Err(e) => {
                error_line(err, lang, &e.text_in(lang));
                code = ExitCode::from(1);
                continue;
            }
        };
        for issue in &file.issues {
            writeln!(err, "{}", issue_line(&file.part.info.path, issue, lang)).ok();
        }
        if file.issues.iter().any(|i| i.level == IssueLevel::Skipped) {
            code = ExitCode::from(1);
        }
        let name = path.display().to_string();
        let started = std::time::Instant::now();
        let mut last_said = std::time::Instant::now();
        let sent = ch::import_part(&client, &file.part, batch, &mut |progress| {
            if last_said.elapsed().as_secs_f64() >= 1.0 && progress.sent < progress.total {
                last_said = std::time::Instant::now();
                let line = lang.text(
                    "cli-import-progress",
                    &[
                        ("file", Arg::Text(&name)),
                        ("sent", Arg::Text(&lang.number(progress.sent))),
                        ("total", Arg::Text(&lang.number(progress.total))),
                        ("count", Arg::Count(progress.total)),
                    ],
                );
                writeln!(err, "{line}").ok();
            }
        });
        match sent {
            Ok(sent) => {
                sent_any = true;
                let seconds = started.elapsed().as_secs_f64();
                let rate = (sent as f64 / seconds.max(1e-9)).round() as usize;
                let line = lang.text(
                    "cli-imported",
                    &[
                        ("file", Arg::Text(&name)),
                        ("count", Arg::Count(sent)),
                        ("table", Arg::Text(&table)),
                        ("seconds", Arg::Text(&format!("{seconds:.2}"))),
                        ("rate", Arg::Text(&lang.number(rate))),
                    ],
                );
                writeln!(out, "{line}").ok();
            }
            Err(e) => {
                error_line(err, lang, &e.said().in_lang(lang));
                return ExitCode::from(2);
            }
        }
    }
    if sent_any { code } else { ExitCode::from(2) }
}
