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
        let failed = self.failed.iter().map(|(path, said, location)| Problem {
            level: ProblemLevel::Error,
            path,
            location: *location,
            said,
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

    pub(super) fn record_failure(&mut self, path: &str, err: &LoadError) {
        self.failed.retain(|(p, _, _)| p != path);
        self.failed
            .push((path.to_owned(), err.said(), err.location()));
        self.problems_open = true;
    }
}
