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

/// One line of the problems panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// How bad.
    pub level: ProblemLevel,
    /// The file.
    pub path: String,
    /// Where in it, if known.
    pub location: Option<Location>,
    /// What is wrong, to be said in the window's language.
    pub said: crate::i18n::Said,
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
    pub fn problems(&self) -> Vec<Problem> {
        let failed = self.failed.iter().map(|(path, said, location)| Problem {
            level: ProblemLevel::Error,
            path: path.clone(),
            location: *location,
            said: said.clone(),
        });
        let issues = self.files.iter().flat_map(|file| {
            file.loaded.issues.iter().map(|issue| Problem {
                level: match issue.level {
                    io::IssueLevel::Skipped => ProblemLevel::Skipped,
                    io::IssueLevel::Warning => ProblemLevel::Warning,
                },
                path: file.loaded.part.info.path.clone(),
                location: Some(issue.location),
                said: issue.said.clone(),
            })
        });
        failed.chain(issues).collect()
    }

    pub(super) fn record_failure(&mut self, path: &str, err: &LoadError) {
        self.failed.retain(|(p, _, _)| p != path);
        self.failed
            .push((path.to_owned(), err.said(), err.location()));
        self.problems_open = true;
    }
}
