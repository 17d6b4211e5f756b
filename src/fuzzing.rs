//! The promises every reader and the date grammar make about *any* input, as checks that panic
//! when broken. The fuzz targets (`fuzz/`) and the property tests (`tests/properties.rs`) both
//! call these, so the two hold the code to the same rules:
//!
//! - a reader returns the records it could read, or an error that names a line and column;
//! - every issue it reports has a position inside the text;
//! - a date that parses prints (ISO) back to the same date, covers a finite, ordered interval and
//!   has a label;
//! - any text goes through format detection, the reader, the dataset, lanes, a scene and the SVG
//!   export without a panic.

use crate::io::{LoadError, LoadedFile};
use crate::model::{Dataset, Filter, TimePoint};
use crate::timeline::{TimeView, lanes};

/// Checks a reader's answer (see the module docs).
///
/// # Panics
/// When the answer breaks a promise: that is what the fuzzers look for.
pub fn check(result: Result<LoadedFile, LoadError>) {
    match result {
        Ok(file) => {
            for issue in &file.issues {
                assert!(
                    issue.location.line >= 1 && issue.location.column >= 1,
                    "an issue without a position: {issue}"
                );
            }
            for event in &file.part.events {
                assert!(
                    event.start_secs() <= event.end_secs(),
                    "an event ends before it starts: {}",
                    event.id()
                );
            }
        }
        Err(err) => assert!(
            err.location().is_some(),
            "an error on text that does not say where: {err}"
        ),
    }
}

/// Checks the date grammar on `text` (see the module docs).
///
/// # Panics
/// When a parsed date does not round-trip or covers a broken interval.
pub fn check_date(text: &str) {
    let Ok(point) = text.parse::<TimePoint>() else {
        return;
    };
    let iso = point.iso();
    let again: TimePoint = iso
        .parse()
        .unwrap_or_else(|e| panic!("{text:?} printed as {iso:?}, which does not parse: {e}"));
    assert_eq!(again, point, "{text:?} → {iso:?} → a different date");
    let (start, end) = (point.start_secs(), point.end_secs());
    assert!(
        start.is_finite() && end.is_finite() && start <= end,
        "{text:?} covers {start}..{end}"
    );
    assert!(!point.label().is_empty(), "{text:?} has no label");
}

/// Runs `text` through the whole headless pipeline (see the module docs).
///
/// # Panics
/// When a reader breaks its promise, or any later step panics.
pub fn check_pipeline(text: &str) {
    let result = crate::io::load_text("fuzz", text);
    let Ok(file) = result else {
        check(result);
        return;
    };
    let dataset = Dataset::from_parts(vec![file.part]);
    let layout = lanes::by_category(&dataset, &Filter::default());
    let view = dataset
        .extent_secs()
        .map_or_else(TimeView::default, |(min, max)| {
            TimeView::fitting(min, max, 0.03)
        });
    let options = crate::export::ExportOptions {
        extras: crate::timeline::scene::SceneExtras::default(),
        width_px: 640,
        height_px: 360,
        view,
        theme: crate::palette::Theme::Light,
        title: dataset.files.first().and_then(|f| f.title.clone()),
        legend: true,
        footer: true,
    };
    let rendered = crate::export::render_svg(&dataset, &layout, &options);
    assert!(rendered.svg.ends_with("</svg>\n"));
}

/// Checks that a record the native reader's plain fast path takes (one with no escapes,
/// fractions or nesting) is JSON that the serde path reads the same. Records are tried whole
/// and line by line (a file Annals writes has one record per line).
///
/// # Panics
/// When the plain reader takes text that is not JSON, or reads it otherwise than serde.
pub fn check_native_records(text: &str) {
    crate::io::native_fast::check_plain(text);
    for line in text.lines() {
        let line = line.trim();
        crate::io::native_fast::check_plain(line.strip_suffix(',').unwrap_or(line));
    }
}

/// Checks that reading `bytes` as a native file streams in gives what reading it whole gives:
/// the same events, file, problems and places, or the same error (see `io::native::stream`).
/// The stream's reads and batches are cut at sizes taken from the input, so cuts fall
/// everywhere, and half the inputs are read on worker threads.
///
/// # Panics
/// When the two readers disagree, or the answer breaks a promise of [`check`].
pub fn check_native_stream(bytes: &[u8]) {
    let chunk = 1 + bytes.first().map_or(0, |&b| usize::from(b) % 61);
    let batch = 1 + bytes.last().map_or(0, |&b| usize::from(b) % 97);
    let threaded = bytes.len() % 2 == 1;
    let streamed = crate::io::native::stream::read_cut("fuzz", bytes, (chunk, batch, threaded));
    let whole = std::str::from_utf8(bytes).map(|text| crate::io::native::parse("fuzz", text));
    match (whole, streamed) {
        (_, Ok(None)) => {}
        (Ok(Ok(whole)), Ok(Some(streamed))) => {
            assert_eq!(streamed.part, whole.part, "the readers read different data");
            assert_eq!(
                streamed.issues, whole.issues,
                "the readers found different problems"
            );
            check(Ok(streamed));
        }
        (Ok(Err(whole)), Err(streamed)) => {
            assert_eq!(streamed.to_string(), whole.to_string());
            assert_eq!(streamed.location(), whole.location());
            check(Err(streamed));
        }
        (Err(_), streamed) => panic!("the stream read bytes that are not UTF-8: {streamed:?}"),
        (Ok(whole), streamed) => panic!(
            "the readers disagree: whole {:?}, streamed {:?}",
            whole.err(),
            streamed.err()
        ),
    }
}
