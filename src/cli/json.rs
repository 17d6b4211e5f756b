//! `annals check --json`: one JSON object with the counts, the range, every file's problems
//! (in English, for scripts) and every unusable file.

use std::io::Write;

use crate::io::{self, LoadedFile};

#[derive(serde::Serialize)]
struct IssueJson {
    line: usize,
    column: usize,
    message: String,
}

#[derive(serde::Serialize)]
struct FileJson {
    path: String,
    format: &'static str,
    events: usize,
    issues: Vec<IssueJson>,
}

#[derive(serde::Serialize)]
struct ErrorJson {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

#[derive(serde::Serialize)]
struct CheckJson {
    events: usize,
    periods: usize,
    first: Option<String>,
    last: Option<String>,
    files: Vec<FileJson>,
    errors: Vec<ErrorJson>,
}

/// Writes the `--json` report.
pub(super) fn print_json(
    (events, periods): (usize, usize),
    loaded: &[LoadedFile],
    event_counts: &[usize],
    errors: &[io::LoadError],
    (first, last): (Option<String>, Option<String>),
    out: &mut dyn Write,
    err: &mut dyn Write,
) {
    let report = CheckJson {
        events,
        periods,
        first,
        last,
        files: loaded
            .iter()
            .zip(event_counts)
            .map(|(f, &events)| FileJson {
                path: f.part.info.path.clone(),
                format: f.part.info.format.name(),
                events,
                issues: f
                    .issues
                    .iter()
                    .map(|i| IssueJson {
                        line: i.location.line,
                        column: i.location.column,
                        message: i.message.clone(),
                    })
                    .collect(),
            })
            .collect(),
        errors: errors
            .iter()
            .map(|e| ErrorJson {
                path: e.path().to_owned(),
                line: e.location().map(|l| l.line),
                column: e.location().map(|l| l.column),
                message: io::report::error_chain(e),
            })
            .collect(),
    };
    match serde_json::to_string_pretty(&report) {
        Ok(text) => writeln!(out, "{text}").ok(),
        Err(e) => writeln!(err, "error: could not write the report: {e}").ok(),
    };
}
