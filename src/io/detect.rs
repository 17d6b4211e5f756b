//! Sniffs which reader a file needs from its content, never from its name.

use super::report::{LineIndex, LoadError};
use crate::model::Format;

/// The format of `text`, or a message saying why no reader fits.
pub fn detect(path: &str, text: &str) -> Result<Format, LoadError> {
    if super::native::looks_native(text) {
        return Ok(Format::Annals);
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
