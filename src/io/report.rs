//! What loading a file can go wrong with: a [`LoadError`] (the file is unusable, nothing from it is
//! used) or an [`Issue`] (one record skipped or one value ignored; the rest loads).

use std::fmt;

use crate::i18n::Said;
use crate::model::{Category, DatasetPart, Event, FileInfo, Format};

/// A position in a text file, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The position `serde_json` reports for a syntax error (its column is 0 at the end of a line).
    pub fn of_json_error(error: &serde_json::Error) -> Self {
        Self {
            line: error.line().max(1),
            column: error.column().max(1),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Whether an issue cost a record or only a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueLevel {
    /// The record was kept; something in it was ignored or changed (unknown field, duplicate id).
    Warning,
    /// The record was skipped.
    Skipped,
}

/// One problem inside an otherwise usable file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Skipped or kept.
    pub level: IssueLevel,
    /// Where in the file.
    pub location: Location,
    /// The field at fault (`start`, `sources[1].url`), if one.
    pub field: Option<String>,
    /// What is wrong, lowercase, naming the record: `event #3 "DDoS": field `start`: …`, in
    /// English (as `annals check` and logs print it).
    pub message: String,
    /// The same, to be said in the window's language.
    pub said: Said,
}

impl Issue {
    /// An issue saying `said` (its English is the `message`).
    pub fn new(
        level: IssueLevel,
        location: Location,
        field: Option<String>,
        said: impl Into<Said>,
    ) -> Self {
        let said = said.into();
        Self {
            level,
            location,
            field,
            message: said.english(),
            said,
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            IssueLevel::Warning => "warning",
            IssueLevel::Skipped => "skipped",
        };
        write!(f, "{}: {level}: {}", self.location, self.message)
    }
}

/// Why a whole file could not be used. Nothing already loaded is touched by it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("could not read {path:?}")]
    Read {
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than the configured limit.
    #[error("{path:?} is {size_bytes} bytes, over the limit of {limit_bytes} bytes")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The user stopped the load.
    #[error("loading {path:?} was cancelled")]
    Cancelled {
        /// The file.
        path: String,
    },
    /// The bytes are not UTF-8 text.
    #[error("{path:?} is not UTF-8 text at line {}, column {}", location.line, location.column)]
    NotUtf8 {
        /// The file.
        path: String,
        /// First bad byte.
        location: Location,
    },
    /// The text is not JSON.
    #[error("{}", json_error_text(path, *location, message, *truncated))]
    Json {
        /// The file.
        path: String,
        /// Where the parser stopped.
        location: Location,
        /// The parser's words.
        message: String,
        /// The text ended inside a value: the file looks cut off (a copy or a download that
        /// did not finish), which is said so rather than in the parser's words.
        truncated: bool,
    },
    /// A ClickHouse table could not be read (the address is the path).
    #[error("could not read {path}: {}", said.in_lang(crate::i18n::Lang::En))]
    Remote {
        /// The table's address (no password).
        path: String,
        /// What went wrong, said in any language.
        said: Said,
    },
    /// JSON, but not in a shape any reader knows.
    #[error("{path:?} at line {}, column {}: {message}", location.line, location.column)]
    Shape {
        /// The file.
        path: String,
        /// Where.
        location: Location,
        /// What was expected.
        message: String,
    },
}

impl LoadError {
    /// The text is not JSON: the parser's position and words (without its own " at line …").
    pub fn json(path: &str, error: &serde_json::Error) -> Self {
        Self::Json {
            path: path.to_owned(),
            location: Location::of_json_error(error),
            message: super::json::strip_position(&error.to_string()),
            truncated: error.classify() == serde_json::error::Category::Eof,
        }
    }

    /// What went wrong, in `lang`, with its causes (the OS's or the parser's words stay as
    /// they come).
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        self.said().in_lang(lang)
    }

    /// What went wrong, to be said in any language.
    pub fn said(&self) -> Said {
        let (line, column) = self
            .location()
            .map(|l| (l.line.to_string(), l.column.to_string()))
            .unwrap_or_default();
        let about = |key: &'static str| {
            Said::new(key)
                .text("file", format!("{:?}", self.path()))
                .text("line", line.clone())
                .text("column", column.clone())
        };
        match self {
            Self::Read { source, .. } => about("load-error-read").text("why", error_chain(source)),
            Self::Remote { path, said } => Said::new("load-error-remote")
                .text("file", path.clone())
                .said("why", said.clone()),
            Self::TooLarge {
                size_bytes,
                limit_bytes,
                ..
            } => about("load-error-too-large")
                .text("size", crate::model::text::size_label(*size_bytes))
                .text("limit", crate::model::text::size_label(*limit_bytes)),
            Self::Cancelled { .. } => about("load-error-cancelled"),
            Self::NotUtf8 { .. } => about("load-error-not-utf8"),
            Self::Json {
                truncated: true, ..
            } => about("load-error-truncated"),
            Self::Json { message, .. } => about("load-error-json").text("why", message.clone()),
            Self::Shape { message, .. } => about("load-error-shape").text("why", message.clone()),
        }
    }

    /// What went wrong without the file's name or the place (for the window, which shows
    /// both beside it): "ends unexpectedly: the file looks truncated".
    pub fn reason(&self) -> Said {
        match self {
            Self::Read { source, .. } => {
                Said::new("load-reason-read").text("why", error_chain(source))
            }
            Self::Remote { said, .. } => said.clone(),
            Self::TooLarge {
                size_bytes,
                limit_bytes,
                ..
            } => Said::new("load-reason-too-large")
                .text("size", crate::model::text::size_label(*size_bytes))
                .text("limit", crate::model::text::size_label(*limit_bytes)),
            Self::Cancelled { .. } => Said::new("load-reason-cancelled"),
            Self::NotUtf8 { .. } => Said::new("load-reason-not-utf8"),
            Self::Json {
                truncated: true, ..
            } => Said::new("load-reason-truncated"),
            Self::Json { message, .. } => {
                Said::new("load-reason-json").text("why", message.clone())
            }
            Self::Shape { message, .. } => Said::verbatim(message.clone()),
        }
    }

    /// The location the error points at, if it has one.
    pub fn location(&self) -> Option<Location> {
        match self {
            Self::Read { .. }
            | Self::TooLarge { .. }
            | Self::Cancelled { .. }
            | Self::Remote { .. } => None,
            Self::NotUtf8 { location, .. }
            | Self::Json { location, .. }
            | Self::Shape { location, .. } => Some(*location),
        }
    }

    /// The file it is about.
    pub fn path(&self) -> &str {
        match self {
            Self::Read { path, .. }
            | Self::Remote { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Cancelled { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Json { path, .. }
            | Self::Shape { path, .. } => path,
        }
    }
}

/// How a JSON error reads in English (the reference for `load-error-json` and
/// `load-error-truncated`).
fn json_error_text(path: &str, location: Location, message: &str, truncated: bool) -> String {
    let Location { line, column } = location;
    if truncated {
        format!(
            "{path:?} ends unexpectedly at line {line}, column {column}: the file looks truncated"
        )
    } else {
        format!("{path:?} is not valid JSON at line {line}, column {column}: {message}")
    }
}

/// The error and its causes joined with ": ", like anyhow's `{:#}`.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text += ": ";
        text += &cause.to_string();
        source = cause.source();
    }
    text
}

/// Maps byte offsets of a text to 1-based line and character column.
#[derive(Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// The last location found (byte offset, line, column): readers ask in file order, so the
    /// next column is counted from here rather than from the start of a possibly huge line.
    last: std::cell::Cell<(usize, usize, usize)>,
    /// Where the text stands in a bigger file it was cut from (see [`Self::shifted`]).
    shift: Option<Shift>,
}

/// From byte `at` of an indexed text on, the text continues a file at `resume`: what lay
/// between was cut out (a streamed events array) or what came before is not held (a batch of
/// records). `line` and `column` are where `at` itself falls in the text.
#[derive(Clone, Copy)]
struct Shift {
    at: usize,
    line: usize,
    column: usize,
    resume: Location,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` once; lookups are then a binary search.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self {
            text,
            line_starts,
            last: std::cell::Cell::new((0, 1, 1)),
            shift: None,
        }
    }

    /// Indexes `text` whose bytes from `at` on stand at `resume` in the file they come from
    /// (bytes before `at` at their own place): locations are said in the file's terms.
    pub fn shifted(text: &'a str, at: usize, resume: Location) -> Self {
        let mut index = Self::new(text);
        let local = index.local(at);
        index.last.set((0, 1, 1));
        index.shift = Some(Shift {
            at,
            line: local.line,
            column: local.column,
            resume,
        });
        index
    }

    /// Line and column of byte `offset` (clamped to the text).
    pub fn location(&self, offset: usize) -> Location {
        let local = self.local(offset);
        match self.shift {
            Some(shift) if offset >= shift.at => {
                if local.line == shift.line {
                    Location {
                        line: shift.resume.line,
                        column: shift.resume.column + local.column - shift.column,
                    }
                } else {
                    Location {
                        line: shift.resume.line + local.line - shift.line,
                        column: local.column,
                    }
                }
            }
            _ => local,
        }
    }

    /// [`Self::location`] in the indexed text's own terms.
    fn local(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let (last_offset, last_line, last_column) = self.last.get();
        // Readers ask in file order, mostly a line or two further: a few steps on from the
        // last line, else a binary search.
        let starts = &self.line_starts;
        let mut line = last_line;
        let near = offset >= last_offset
            && (0..4).any(|_| {
                if starts.get(line).is_some_and(|&next| next <= offset) {
                    line += 1;
                    false
                } else {
                    true
                }
            });
        if !near {
            line = starts.partition_point(|&start| start <= offset).max(1);
        }
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let (from, base) = if last_line == line && (start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (start, 1)
        };
        let column = self
            .text
            .get(from..offset)
            .map_or(offset - from, |s| s.chars().count())
            + base;
        self.last.set((offset, line, column));
        Location { line, column }
    }

    /// Only the line of a sub-slice (a binary search; no column counting, which costs the length
    /// of the line and would make a one-line file quadratic).
    pub fn line_of(&self, slice: &str) -> usize {
        let offset = slice
            .as_ptr()
            .addr()
            .saturating_sub(self.text.as_ptr().addr())
            .min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        match self.shift {
            Some(shift) if offset >= shift.at => shift.resume.line + line - shift.line,
            _ => line,
        }
    }

    /// Line and column of a sub-slice of the indexed text (by its address), e.g. a borrowed
    /// `serde_json::value::RawValue`.
    pub fn location_of(&self, slice: &str) -> Location {
        let offset = slice
            .as_ptr()
            .addr()
            .saturating_sub(self.text.as_ptr().addr());
        self.location(offset)
    }
}

/// A file read into the model plus everything that was wrong with single records.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    /// What the file contributes.
    pub part: DatasetPart,
    /// Skipped records and warnings, in file order.
    pub issues: Vec<Issue>,
}

impl LoadedFile {
    /// A file of events (no periods, no declared title) read by `format`.
    pub fn of_events(
        path: &str,
        format: Format,
        categories: Vec<Category>,
        events: Vec<Event>,
        issues: Vec<Issue>,
    ) -> Self {
        let info = FileInfo {
            path: path.to_owned(),
            format,
            title: None,
            description: None,
            translations: Vec::new(),
        };
        Self {
            part: DatasetPart {
                info,
                categories,
                periods: Vec::new(),
                events: events.into(),
            },
            issues,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_lines_and_characters() {
        let text = "ab\n\"é\": 1\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.location(0), Location { line: 1, column: 1 });
        assert_eq!(index.location(3), Location { line: 2, column: 1 });
        let colon = text.find(':').unwrap();
        assert_eq!(index.location(colon), Location { line: 2, column: 4 }); // é is one character
        assert_eq!(index.location(text.len()), Location { line: 4, column: 2 });
        assert_eq!(
            index.location_of(&text[colon..]),
            Location { line: 2, column: 4 }
        );
    }

    #[test]
    fn lookups_in_any_order_agree_with_counting_from_the_start() {
        proptest::proptest!(|(
            text in "[a\né\n\n ]{0,60}",
            offsets in proptest::collection::vec(0_usize..70, 0..30),
            sorted in proptest::bool::ANY,
        )| {
            let index = LineIndex::new(&text);
            let mut offsets: Vec<usize> = offsets
                .into_iter()
                .map(|o| o.min(text.len()))
                .filter(|&o| text.is_char_boundary(o))
                .collect();
            if sorted {
                offsets.sort_unstable();
            }
            for offset in offsets {
                let before = &text[..offset];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                proptest::prop_assert_eq!(index.location(offset), Location { line, column });
            }
        });
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_load_error_in_english_says_what_its_display_says_and_other_languages_translate_it() {
        let errors = [
            LoadError::Read {
                path: "a.json".into(),
                source: std::io::Error::other("permission denied"),
            },
            LoadError::Cancelled {
                path: "a.json".into(),
            },
            LoadError::NotUtf8 {
                path: "a.json".into(),
                location: Location { line: 3, column: 7 },
            },
            LoadError::Json {
                path: "a.json".into(),
                location: Location {
                    line: 196,
                    column: 118,
                },
                message: "EOF while parsing a string".into(),
                truncated: true,
            },
            LoadError::Json {
                path: "a.json".into(),
                location: Location { line: 2, column: 5 },
                message: "expected `,` or `}`".into(),
                truncated: false,
            },
        ];
        for error in &errors {
            assert_eq!(error.text_in(Lang::En), error_chain(error));
        }
        assert_eq!(
            errors[3].text_in(Lang::Nl),
            "\"a.json\" eindigt onverwacht op regel 196, kolom 118: het bestand lijkt afgekapt"
        );
        assert_eq!(
            errors[4].text_in(Lang::Fr),
            "\"a.json\" n’est pas du JSON valide à la ligne 2, colonne 5\u{a0}: expected `,` or `}`"
        );
        assert_eq!(
            errors[3].reason().in_lang(Lang::En),
            "ends unexpectedly: the file looks truncated"
        );
        assert_eq!(
            errors[2].text_in(Lang::De),
            "\"a.json\" ist in Zeile 3, Spalte 7 kein UTF-8-Text"
        );
    }
}
