//! Sniffs which reader a file needs from its content, never from its name.

use super::report::{LineIndex, LoadError};
use crate::model::Format;

/// The format of `text`, or a message saying why no reader fits.
pub fn detect(path: &str, text: &str) -> Result<Format, LoadError> {
    if super::native::looks_native(text) {
        return Ok(Format::Annals);
    }
    // Broken JSON is reported as such, with the parser's position, not as an unknown format.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
        let looks_like_json = body.trim_start().starts_with(['{', '[']);
        if looks_like_json {
            return Err(LoadError::Json {
                path: path.to_owned(),
                location: super::report::Location::of_json_error(&err),
                message: super::json::strip_position(&err.to_string()),
            });
        }
    }
    let lines = LineIndex::new(text);
    let start = text.len() - text.trim_start_matches('\u{feff}').trim_start().len();
    Err(LoadError::Shape {
        path: path.to_owned(),
        location: lines.location(start),
        message: "not a format Annals reads (expected an Annals file: an object with `events`, or an array of events)"
            .to_owned(),
    })
}
