//! The plainest records, read byte by byte: an object whose keys and strings have no escapes,
//! whose numbers are whole years and whose lists are lists of strings, as `annals gen` and most
//! writers produce. This is the shape of nearly every record of a big file, and reading it
//! here costs a third of going through serde's visitors.
//!
//! Everything this reader accepts is valid JSON: it follows the grammar for that subset byte
//! by byte (white space, quotes, control bytes, commas, the end of the text). Anything else, an
//! escape, a fraction, a nested object, a key it does not know, gives up, and the record is read
//! by the serde path (which gives up in turn to the general reader). A property test and the
//! fuzz target check that whatever is read here is valid JSON that the serde path reads the
//! same.

use super::{Draft, LabelKind, TimePoint, field_bit, severity};

/// Reads `text` into `draft` (cleared first); `false`: not the plain shape (the draft may be
/// half filled).
pub(super) fn read<'t>(text: &'t str, draft: &mut Draft<'t>) -> bool {
    draft.clear();
    let mut cursor = Cursor {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    cursor.record(draft).is_some()
}

/// Not the plain shape (for a value that may also be `null`).
struct GiveUp;

struct Cursor<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

impl<'t> Cursor<'t> {
    /// The next byte after white space (not taken).
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// Takes `byte` after white space.
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Takes `word` (a literal) after white space, if it is next.
    fn word(&mut self, word: &[u8]) -> bool {
        self.peek();
        let next = self
            .bytes
            .get(self.at..)
            .is_some_and(|r| r.starts_with(word));
        if next {
            self.at += word.len();
        }
        next
    }

    /// A string without escapes (JSON forbids control bytes in it; the text is UTF-8 already).
    fn string(&mut self) -> Option<&'t str> {
        self.eat(b'"')?;
        let from = self.at;
        let rest = self.bytes.get(from..)?;
        let len = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest.get(len) != Some(&b'"') {
            return None; // an escape or a control byte: the serde path decides
        }
        self.at = from + len + 1;
        self.text.get(from..from + len)
    }

    /// A string, or `null`.
    fn optional_string(&mut self) -> Result<Option<&'t str>, GiveUp> {
        if self.word(b"null") {
            return Ok(None);
        }
        self.string().map(Some).ok_or(GiveUp)
    }

    /// A date: a string at its precision, or a whole year written as digits (no sign, no
    /// leading zero, no fraction or exponent: those give up).
    fn time(&mut self) -> Option<TimePoint> {
        match self.peek()? {
            b'"' => self.string()?.parse().ok(),
            b'1'..=b'9' => {
                let from = self.at;
                let digits = self
                    .bytes
                    .get(from..)?
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                self.at = from + digits;
                if digits > 18 || matches!(self.bytes.get(self.at), Some(b'.' | b'e' | b'E')) {
                    return None;
                }
                let year = self.text.get(from..self.at)?.parse::<i64>().ok()?;
                TimePoint::year(year).ok()
            }
            _ => None,
        }
    }

    /// A date, or `null`.
    fn optional_time(&mut self) -> Result<Option<TimePoint>, GiveUp> {
        if self.word(b"null") {
            return Ok(None);
        }
        self.time().map(Some).ok_or(GiveUp)
    }

    /// A list of strings, appended to `draft`'s labels as `kind`.
    fn labels(&mut self, kind: LabelKind, draft: &mut Draft<'t>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            let label = self.string()?;
            draft.labels.push((kind, label.into()));
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The whole text: one object of known keys, each once, and nothing after it.
    fn record(&mut self, draft: &mut Draft<'t>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return self.end();
        }
        let mut seen = 0_u32;
        loop {
            let bit = field_bit(self.string()?)?;
            if seen & (1 << bit) != 0 {
                return None; // a repeated key is warned about by the general reader
            }
            seen |= 1 << bit;
            self.eat(b':')?;
            match bit {
                0 => draft.id = Some(self.string()?.into()),
                1 => draft.title = Some(self.string()?.into()),
                2 => draft.start = Some(self.time()?),
                3 => draft.end = self.optional_time().ok()?,
                4 => draft.extra.disclosed = self.optional_time().ok()?,
                5 => {
                    draft.category = self
                        .optional_string()
                        .ok()?
                        .filter(|c| !c.trim().is_empty())
                        .map(Into::into);
                }
                6 => self.labels(LabelKind::Tag, draft)?,
                7 => self.labels(LabelKind::Actor, draft)?,
                8 => self.labels(LabelKind::Target, draft)?,
                9 => draft.extra.description = self.optional_string().ok()?.map(str::to_owned),
                10 => draft.severity = Some(severity(self.string()?)?),
                11 => {
                    draft.circa = if self.word(b"true") {
                        true
                    } else if self.word(b"false") {
                        false
                    } else {
                        return None;
                    };
                }
                _ => draft.extra.display_date = self.optional_string().ok()?.map(str::to_owned),
            }
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return self.end();
                }
                _ => return None,
            }
        }
    }

    /// Only white space is left.
    fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }
}

#[cfg(test)]
mod tests;
