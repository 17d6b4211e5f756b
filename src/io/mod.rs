//! Files to model and back. Readers are pure functions of text; only [`load_file`] touches the disk.

pub mod cache;
pub mod clickhouse;
pub mod csv;
pub mod detect;
mod epoch;
pub mod folder;
mod json;
pub mod misp;
pub mod native;
pub(crate) mod native_fast;
pub mod native_writer;
pub mod report;
pub mod sheet;
pub mod stix;
mod table;
mod text;
pub mod timelinejs;
pub mod timesketch;
pub mod veris;

use std::path::Path;

pub(crate) use json::strip_position;
pub use report::{Issue, IssueLevel, LoadError, LoadedFile, Location};

use crate::model::Format;

/// Files larger than this are refused (the window asks before loading them once that exists).
pub const DEFAULT_SIZE_LIMIT_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// The embedded default dataset: Belgium's cyber timeline.
pub const EMBEDDED_BELGIUM: &str = include_str!("../../assets/belgium.json");

/// Name under which the embedded dataset appears in the legend and messages.
pub const EMBEDDED_NAME: &str = "<embedded> belgium.json";
/// How [`EMBEDDED_NAME`] starts: what a slide's footer leaves out.
pub const EMBEDDED_PREFIX: &str = "<embedded> ";

/// Reads the embedded dataset.
pub fn load_embedded() -> Result<LoadedFile, LoadError> {
    load_text(EMBEDDED_NAME, EMBEDDED_BELGIUM)
}

/// At most this many problems are kept per file; the rest are counted in one last line (a file of a
/// million broken records must not cost a million lines of memory and UI).
pub const MAX_ISSUES_PER_FILE: usize = 10_000;

/// Reads `text`, finding its format from the content. `path` names it in messages.
pub fn load_text(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    load_text_uncapped(path, text).map(cap_issues)
}

/// Keeps the first [`MAX_ISSUES_PER_FILE`] problems of a file and counts the rest in one line.
fn cap_issues(mut file: LoadedFile) -> LoadedFile {
    if file.issues.len() > MAX_ISSUES_PER_FILE {
        let dropped = file.issues.split_off(MAX_ISSUES_PER_FILE);
        let skipped = dropped
            .iter()
            .filter(|i| i.level == IssueLevel::Skipped)
            .count();
        let first = dropped.first().map(|i| i.location);
        file.issues.push(Issue::new(
            if skipped > 0 {
                IssueLevel::Skipped
            } else {
                IssueLevel::Warning
            },
            first.unwrap_or_default(),
            None,
            format!(
                "and {} more problems from here on ({skipped} records skipped, {} warnings); \
                 only the first {MAX_ISSUES_PER_FILE} are listed",
                dropped.len(),
                dropped.len() - skipped
            ),
        ));
    }
    file
}

fn load_text_uncapped(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    load_text_stoppable(path, text, &std::sync::atomic::AtomicBool::new(false))
}

/// [`load_text`] that stops with [`LoadError::Cancelled`] once `cancel` is set: the readers of
/// files that can hold millions of rows (CSV, l2tcsv) look at it between batches.
fn load_text_stoppable(
    path: &str,
    text: &str,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<LoadedFile, LoadError> {
    match detect::detect(path, text)? {
        Format::Annals => native::parse(path, text),
        Format::TimelineJs => timelinejs::parse(path, text),
        Format::Stix => stix::parse(path, text),
        Format::Veris => veris::parse(path, text),
        Format::Misp => misp::parse(path, text),
        Format::Timesketch => {
            let jsonl = text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{');
            timesketch::parse(path, text, jsonl)
        }
        // CSV's header says which column rules (generic, TimelineJS template, l2tcsv) apply.
        Format::Csv | Format::Plaso => csv::parse_stoppable(path, text, cancel),
        // Spreadsheets are bytes, read before any text (see `load_bytes`); detection never
        // says ClickHouse (a table is named by its address, not found in a file's text).
        Format::Spreadsheet | Format::ClickHouse => Err(LoadError::Shape {
            path: path.to_owned(),
            location: Location { line: 1, column: 1 },
            message: "not a text format".to_owned(),
        }),
    }
}

/// [`load_file`], or a whole ClickHouse table where `path` is a `clickhouse://` address.
pub fn load_source(path: &Path) -> Result<LoadedFile, LoadError> {
    match path.to_str() {
        Some(address) if clickhouse::is_address(address) => clickhouse::load(address),
        _ => load_file(path),
    }
}

/// Reads a file from disk (size-limited, UTF-8 checked) and parses it.
pub fn load_file(path: &Path) -> Result<LoadedFile, LoadError> {
    load_file_with(
        path,
        Some(DEFAULT_SIZE_LIMIT_BYTES),
        &LoadProgress::default(),
    )
}

/// How far a background load has got, and whether it should stop. Shared between the loading
/// thread (which writes it) and the window (which shows it and may cancel).
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Bytes read so far, over all files of the load.
    pub read_bytes: std::sync::atomic::AtomicU64,
    /// Set to stop: reading stops at the next chunk, and the result is thrown away.
    pub cancel: std::sync::atomic::AtomicBool,
}

impl LoadProgress {
    /// Whether the load was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// [`load_file`] with a size limit (`None`: none) that reads in chunks, counting into `progress`
/// and stopping with [`LoadError::Cancelled`] once `progress.cancel` is set.
pub fn load_file_with(
    path: &Path,
    limit_bytes: Option<u64>,
    progress: &LoadProgress,
) -> Result<LoadedFile, LoadError> {
    use std::io::Read as _;
    use std::sync::atomic::Ordering;
    let name = path.display().to_string();
    let read_error = |source| LoadError::Read {
        path: name.clone(),
        source,
    };
    let size_bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if let Some(limit_bytes) = limit_bytes
        && size_bytes > limit_bytes
    {
        return Err(LoadError::TooLarge {
            path: name,
            size_bytes,
            limit_bytes,
        });
    }
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    // A file Annals wrote is read as it streams in; anything else (or one the stream gives up
    // on) is read whole from the start.
    let counted = progress.read_bytes.load(Ordering::Relaxed);
    if let Some(loaded) = native::stream::read(&name, &mut file, Some(size_bytes), progress)? {
        return Ok(cap_issues(loaded));
    }
    progress.read_bytes.store(counted, Ordering::Relaxed);
    {
        use std::io::Seek as _;
        file.rewind().map_err(read_error)?;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size_bytes).unwrap_or(0));
    let mut chunk = vec![0; 4 << 20];
    loop {
        if progress.cancelled() {
            return Err(LoadError::Cancelled { path: name });
        }
        let n = file.read(&mut chunk).map_err(read_error)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
        progress.read_bytes.fetch_add(n as u64, Ordering::Relaxed);
    }
    let loaded = load_bytes_stoppable(&name, bytes, &progress.cancel)?;
    if progress.cancelled() {
        return Err(LoadError::Cancelled { path: name });
    }
    Ok(loaded)
}

/// [`load_file_with`] through the reopen cache: a big native file read before and unchanged
/// since comes from its cache; one read now is kept there for next time. A cache that could
/// not be trusted is said as a warning of the file (and replaced).
pub fn load_file_cached(
    path: &Path,
    limit_bytes: Option<u64>,
    progress: &LoadProgress,
    cache: &cache::Cache,
) -> Result<LoadedFile, LoadError> {
    let (file, pending) = load_file_caching_later(path, limit_bytes, progress, cache)?;
    if let Some(pending) = pending {
        // A cache that cannot be written (a full disk, no folder) costs nothing but the next
        // reopen's speed.
        let events = &file.part.events;
        let _ = cache.write(&pending, events, events.key_order());
    }
    Ok(file)
}

/// [`load_file_cached`] that leaves the writing of the cache to the caller ([`cache::Cache::
/// write`] with the file's events, which are in time order, and their key order): the window shows a big file
/// first and keeps it afterwards (at 10M events, writing the cache took 4 s of the first
/// open).
pub fn load_file_caching_later(
    path: &Path,
    limit_bytes: Option<u64>,
    progress: &LoadProgress,
    cache: &cache::Cache,
) -> Result<(LoadedFile, Option<cache::Pending>), LoadError> {
    use std::sync::atomic::Ordering;
    let name = path.display().to_string();
    let size_bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let within_limit = limit_bytes.is_none_or(|limit| size_bytes <= limit);
    let ignored = match cache.open(path, &name) {
        cache::Reopened::Hit(file) if within_limit => {
            progress.read_bytes.fetch_add(size_bytes, Ordering::Relaxed);
            return Ok((*file, None));
        }
        cache::Reopened::Hit(_) | cache::Reopened::Miss => None,
        cache::Reopened::Ignored(key) => Some(key),
    };
    let mut file = load_file_with(path, limit_bytes, progress)?;
    let pending = cache.prepare(path, &mut file).ok().flatten();
    if let Some(key) = ignored {
        file.issues.insert(
            0,
            Issue::new(
                IssueLevel::Warning,
                Location { line: 1, column: 1 },
                None,
                crate::i18n::Said::new(key),
            ),
        );
    }
    Ok((file, pending))
}

/// Reads the bytes of a file called `name`: UTF-16 and invalid UTF-8 are located errors, the rest
/// is [`load_text`].
pub fn load_bytes(name: &str, bytes: Vec<u8>) -> Result<LoadedFile, LoadError> {
    load_bytes_stoppable(name, bytes, &std::sync::atomic::AtomicBool::new(false))
}

/// [`load_bytes`] that stops once `cancel` is set (see [`load_text_stoppable`]).
fn load_bytes_stoppable(
    name: &str,
    bytes: Vec<u8>,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<LoadedFile, LoadError> {
    let name = name.to_owned();
    if sheet::looks_spreadsheet(&bytes) {
        return sheet::parse(&name, bytes).map(cap_issues);
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(LoadError::Shape {
            path: name,
            location: Location { line: 1, column: 1 },
            message: "the file is UTF-16 text; Annals reads UTF-8 (save it as UTF-8)".to_owned(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = std::str::from_utf8(bytes.get(..valid_up_to).unwrap_or(&[])).unwrap_or("");
            let location = report::LineIndex::new(prefix).location(prefix.len());
            return Err(LoadError::NotUtf8 {
                path: name,
                location,
            });
        }
    };
    load_text_stoppable(&name, &text, cancel).map(cap_issues)
}
