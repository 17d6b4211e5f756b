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
        let mut file = match io::load_source(path) {
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
        // Sent in time order: the table is sorted by time, so the server's sort of each batch
        // is then nearly free (and a view of a time range reads few parts).
        file.part.events = std::mem::take(&mut file.part.events).into_time_order();
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

/// A table for `render`: read whole when small enough, else asked for the view.
pub(super) enum Picture {
    /// Read whole (at most [`ch::FETCH_LIMIT`] events), as a file.
    Whole(Box<LoadedFile>),
    /// Too big: counted by the server for the view.
    Big(Box<BigTable>),
}

/// What a big table answers for a view: its header and the events of its quiet lanes, and the
/// crowded lanes' counts per bin.
pub(super) type Asked = (crate::model::DatasetPart, Vec<(String, Vec<u32>)>);

/// A table too big to read whole.
pub(super) struct BigTable {
    client: Client,
    summary: ch::Summary,
}

impl BigTable {
    /// The earliest start and latest end, in seconds.
    pub(super) fn extent_secs(&self) -> Option<(f64, f64)> {
        Some((
            self.summary.first?.start_secs(),
            self.summary.last?.end_secs(),
        ))
    }

    /// The events of the lanes with few enough in `[min_secs, max_secs)` (header included),
    /// and the others' counts per bin.
    pub(super) fn ask(&self, min_secs: f64, max_secs: f64) -> Result<Asked, LoadError> {
        let question = ch::window::Question {
            min_secs,
            max_secs,
            limit: *crate::timeline::scene::DETAIL_LIMIT.end() as u64,
            rollup: self.summary.rollup,
            condition: None,
            whole: None,
            lanes_by: Some(crate::model::filter::Field::Category),
        };
        let address = self.client.target().address();
        let answer = ch::window::ask(&self.client, &self.summary.header, question)
            .map_err(|e| e.into_load_error(&address))?;
        let mut part = answer.events.part;
        part.info.path = address;
        let counted = answer
            .counted
            .into_iter()
            .map(|(key, _, bins)| (key, bins))
            .collect();
        Ok((part, counted))
    }
}

/// Adds a table's lane counts to those already gathered (the same bins: one range).
pub(super) fn add_counts(all: &mut crate::timeline::CountedLanes, lanes: Vec<(String, Vec<u32>)>) {
    for (key, counts) in lanes {
        match all.lanes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, sum)) => {
                for (s, c) in sum.iter_mut().zip(counts) {
                    *s = s.saturating_add(c);
                }
            }
            None => all.lanes.push((key, counts)),
        }
    }
}

/// `None` for a file; for a `clickhouse://` address, the table read whole or summed up.
pub(super) fn open_for_picture(path: &std::path::Path) -> Option<Result<Picture, LoadError>> {
    let address = path.to_str().filter(|p| ch::is_address(p))?;
    Some((|| {
        let target =
            Target::parse(address).map_err(|e| e.into_load_error(&ch::redacted(address)))?;
        let shown = target.address();
        let client = Client::new(target);
        let summary = ch::summary(&client).map_err(|e| e.into_load_error(&shown))?;
        if summary.events <= ch::FETCH_LIMIT {
            let mut file = ch::fetch_all(&client).map_err(|e| e.into_load_error(&shown))?;
            file.part.info.path = shown;
            Ok(Picture::Whole(Box::new(file)))
        } else {
            Ok(Picture::Big(Box::new(BigTable { client, summary })))
        }
    })())
}
