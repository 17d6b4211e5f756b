//! What went wrong, for the problems panel (unusable files, skipped records, ignored values) and
//! the toasts: kept as words to say (`i18n::Said`) and said in the window's language.

use super::{AppState, Toast};
use crate::io::{self, LoadError, Location};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemLevel {
    /// A whole file could not be used.
    Error,
    /// One record was skipped.
    Skipped,
    /// A value was ignored; the record was kept.
    Warning,
}

/// One line of the problems panel, borrowed from the state (the list is asked for every frame
/// the panel is open: nothing is copied).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem<'a> {
    /// How bad.
    pub level: ProblemLevel,
    /// The file.
    pub path: &'a str,
    /// Where in it, if known.
    pub location: Option<Location>,
    /// What is wrong, to be said in the window's language.
    pub said: &'a crate::i18n::Said,
}

/// A file that could not be used at its last attempt. A data file the user opened stays
/// listed and watched, and joins the timeline by itself once it reads (see
/// `AppState::retry_paths`).
#[derive(Clone, Debug, PartialEq)]
pub struct FailedFile {
    /// The data file on disk to try again (`None`: the embedded dataset, or a scenes
    /// sidecar, which is read with its data file).
    pub path: Option<std::path::PathBuf>,
    /// Its name as the problems panel shows it.
    pub name: String,
    /// What went wrong, without the file or the place (shown beside them).
    pub reason: crate::i18n::Said,
    /// Where in the file, if known.
    pub location: Option<Location>,
}

/// How many problems of each level there are (the status bar's summary).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProblemCounts {
    /// Unusable files.
    pub errors: usize,
    /// Skipped records.
    pub skipped: usize,
    /// Every problem, warnings included.
    pub total: usize,
}

impl AppState {
    /// The message `key` in the window's language, with `$value` given (itself words to say, or
    /// text shown as it is).
    pub(crate) fn said(&self, key: &'static str, value: impl Into<crate::i18n::Said>) -> String {
        crate::i18n::Said::new(key)
            .said("value", value.into())
            .in_lang(self.lang())
    }

    /// Shows a short message (an error in red).
    pub fn toast(&mut self, text: String, is_error: bool) {
        let serial = self.toast.as_ref().map_or(1, |t| t.serial + 1);
        self.toast = Some(Toast {
            text,
            is_error,
            serial,
        });
    }

    /// Every problem: unusable files first, then skipped records and warnings per file.
    pub fn problems(&self) -> Vec<Problem<'_>> {
        let failed = self.failed.iter().map(|failed| Problem {
            level: ProblemLevel::Error,
            path: &failed.name,
            location: failed.location,
            said: &failed.reason,
        });
        let issues = self.files.iter().flat_map(|file| {
            file.loaded.issues.iter().map(|issue| Problem {
                level: match issue.level {
                    io::IssueLevel::Skipped => ProblemLevel::Skipped,
                    io::IssueLevel::Warning => ProblemLevel::Warning,
                },
                path: &file.loaded.part.info.path,
                location: Some(issue.location),
                said: &issue.said,
            })
        });
        failed.chain(issues).collect()
    }

    /// How many problems there are, by level, without listing them.
    pub fn problem_counts(&self) -> ProblemCounts {
        let issues = self.files.iter().flat_map(|file| &file.loaded.issues);
        let skipped = issues
            .clone()
            .filter(|issue| issue.level == io::IssueLevel::Skipped)
            .count();
        let errors = self.failed.len();
        ProblemCounts {
            errors,
            skipped,
            total: errors + issues.count(),
        }
    }

    pub(super) fn record_failure(&mut self, path: Option<&std::path::Path>, err: &LoadError) {
        let name = path.map_or_else(|| err.path().to_owned(), |p| p.display().to_string());
        self.record_failed(FailedFile {
            path: path.map(std::path::Path::to_path_buf),
            name,
            reason: err.reason(),
            location: err.location(),
        });
    }

    /// Lists `failed` (in place of an earlier failure of the same file) and shows the problems.
    pub(super) fn record_failed(&mut self, failed: FailedFile) {
        match self.failed.iter_mut().find(|f| f.name == failed.name) {
            Some(earlier) => *earlier = failed,
            None => self.failed.push(failed),
        }
        self.problems_open = true;
    }

    /// The files that failed and are not open in an earlier, good version: the ones the main
    /// area and the Files list show as problems rather than as data.
    pub fn failed_unopened(&self) -> impl Iterator<Item = &FailedFile> {
        self.failed.iter().filter(|failed| {
            !self.files.iter().any(|open| {
                matches!((&open.source, &failed.path), (super::FileSource::Path(a), Some(b)) if a == b)
            })
        })
    }
}
