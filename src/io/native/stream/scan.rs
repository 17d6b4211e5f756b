//! The byte scanner of a streamed native file: follows strings, nesting and the top level's
//! keys just far enough to cut the events array into batches of records.

use super::Batch;
use crate::io::report::{LineIndex, Location};

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Phase {
    /// Before the events array: bytes are kept.
    #[default]
    Head,
    /// Inside the events array: bytes go to batches.
    Events,
    /// After it: bytes are kept.
    Tail,
}

/// Follows the JSON structure byte by byte (strings, nesting, the top level's keys) just far
/// enough to cut the events array into records; the parser proper runs on each record.
#[derive(Default)]
#[expect(clippy::struct_excessive_bools, reason = "the state of a byte scanner")]
pub(super) struct Scan {
    phase: Phase,
    /// Nesting outside the events array (the top-level object is 1).
    pub(super) depth: usize,
    /// Nesting inside one record of the events array.
    pub(super) inner: usize,
    pub(super) in_string: bool,
    pub(super) escaped: bool,
    /// At the top level, the next string is a key.
    pub(super) expect_key: bool,
    /// Where the key being read starts in `skeleton`.
    pub(super) key_start: Option<usize>,
    /// The last top-level key was `events`.
    pub(super) key_is_events: bool,
    pub(super) events_seen: bool,
    /// Something only the whole-text reader says right.
    pub(super) broken: bool,
    /// The file without its events' records.
    pub(super) skeleton: Vec<u8>,
    /// Where the records were cut out of `skeleton`, and where the file goes on after them.
    pub(super) gap: Option<(usize, Location)>,
    pub(super) batch: Vec<u8>,
    pub(super) commas: Vec<u32>,
    /// Where the batch being filled begins in the file.
    pub(super) base: Location,
    pub(super) batches: usize,
    pub(super) records: usize,
    /// Whether a BOM was looked for.
    pub(super) started: bool,
    /// A batch is sent once it holds this many bytes.
    pub(super) batch_bytes: usize,
    /// Buffers of batches read, to be filled again.
    spare: Vec<(Vec<u8>, Vec<u32>)>,
}

impl Scan {
    /// A scanner that sends a batch once it holds `batch_bytes`.
    pub(super) fn new(batch_bytes: usize) -> Self {
        Self {
            batch_bytes,
            ..Self::default()
        }
    }

    pub(super) fn feed(&mut self, mut bytes: &[u8], ship: &mut dyn FnMut(Batch) -> bool) {
        if !self.started {
            self.started = true;
            bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        }
        let mut i = 0;
        // Bytes from `from` to `i` are still to be copied to the skeleton or the batch.
        let mut from = 0;
        while i < bytes.len() && !self.broken {
            if self.phase == Phase::Events {
                i = self.events(bytes, i, &mut from, ship);
                continue;
            }
            if self.escaped {
                self.escaped = false;
                i += 1;
                continue;
            }
            if self.in_string {
                match quote_or_backslash(bytes.get(i..).unwrap_or_default()) {
                    None => i = bytes.len(),
                    Some(k) => {
                        i += k;
                        if bytes.get(i) == Some(&b'\\') {
                            self.escaped = true;
                        } else {
                            self.in_string = false;
                            self.end_string(bytes, from, i);
                        }
                        i += 1;
                    }
                }
                continue;
            }
            let byte = bytes.get(i).copied().unwrap_or_default();
            match byte {
                b'"' => {
                    self.in_string = true;
                    if self.depth == 1 && self.expect_key {
                        self.key_start = Some(self.skeleton.len() + (i - from));
                    }
                }
                b'{' => {
                    self.depth += 1;
                    self.expect_key = self.depth == 1;
                }
                b'[' if self.depth == 1
                    && self.key_is_events
                    && !self.events_seen
                    && self.phase == Phase::Head =>
                {
                    // The events array begins: what follows goes to batches.
                    self.skeleton
                        .extend_from_slice(bytes.get(from..=i).unwrap_or_default());
                    from = i + 1;
                    self.events_seen = true;
                    let Ok(kept) = std::str::from_utf8(&self.skeleton) else {
                        self.broken = true;
                        break;
                    };
                    self.base = LineIndex::new(kept).location(kept.len());
                    self.gap = Some((self.skeleton.len(), self.base));
                    self.phase = Phase::Events;
                }
                b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                b',' if self.depth == 1 => self.expect_key = true,
                _ => {}
            }
            i += 1;
        }
        let rest = bytes.get(from..).unwrap_or_default();
        if self.phase == Phase::Events {
            self.batch.extend_from_slice(rest);
        } else {
            self.skeleton.extend_from_slice(rest);
        }
    }

    /// Follows the events array from `bytes[i]` until the bytes or the array end (the `]` is
    /// then left for the skeleton, from `from`); the next byte to look at. The scanner's state
    /// is kept in locals meanwhile: this loop sees every byte of the records (as fields, it
    /// was a fifth of the whole load's work).
    fn events(
        &mut self,
        bytes: &[u8],
        mut i: usize,
        from: &mut usize,
        ship: &mut dyn FnMut(Batch) -> bool,
    ) -> usize {
        let (mut inner, mut in_string, mut escaped) = (self.inner, self.in_string, self.escaped);
        while let Some(&byte) = bytes.get(i) {
            if escaped {
                escaped = false;
                i += 1;
                continue;
            }
            if in_string {
                match quote_or_backslash(bytes.get(i..).unwrap_or_default()) {
                    None => i = bytes.len(),
                    Some(k) => {
                        i += k;
                        // A backslash: the string goes on after the escaped byte.
                        escaped = bytes.get(i) == Some(&b'\\');
                        in_string = escaped;
                        i += 1;
                    }
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => inner += 1,
                b'}' | b']' if inner > 0 => inner -= 1,
                b']' => {
                    // The end of the events array.
                    self.batch
                        .extend_from_slice(bytes.get(*from..i).unwrap_or_default());
                    *from = i;
                    self.ship(true, ship);
                    self.gap = self.gap.map(|(at, _)| (at, self.base));
                    self.phase = Phase::Tail; // the `]` itself is kept
                    i += 1;
                    break;
                }
                b',' if inner == 0 => {
                    let at = self.batch.len() + (i - *from);
                    self.commas.push(u32::try_from(at).unwrap_or(u32::MAX));
                    if at + 1 >= self.batch_bytes {
                        self.batch
                            .extend_from_slice(bytes.get(*from..=i).unwrap_or_default());
                        *from = i + 1;
                        self.ship(false, ship);
                        if self.broken {
                            i += 1;
                            break;
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        (self.inner, self.in_string, self.escaped) = (inner, in_string, escaped);
        i
    }

    /// A string outside the events array ended at `bytes[end]`: if it was a top-level key,
    /// note whether it is `events`.
    fn end_string(&mut self, bytes: &[u8], from: usize, end: usize) {
        let Some(start) = self.key_start.take() else {
            return;
        };
        self.expect_key = false;
        // The key's bytes (from its opening quote, at `start` counting the skeleton and then
        // `bytes[from..]`): partly copied to the skeleton already, partly still in `bytes`.
        let copied = self.skeleton.len();
        let mut key = self
            .skeleton
            .get(start.min(copied)..)
            .unwrap_or_default()
            .to_vec();
        key.extend_from_slice(
            bytes
                .get(from + start.saturating_sub(copied)..end)
                .unwrap_or_default(),
        );
        let key = key.get(1..).unwrap_or_default();
        if key.contains(&b'\\') {
            self.broken = true; // `ev\u0065nts` is `events` too: the whole-text reader decides
        }
        self.key_is_events = key == b"events";
        if self.key_is_events && self.events_seen {
            self.broken = true;
        }
    }

    /// Sends the batch being filled to the workers, and sets where the next one begins.
    fn ship(&mut self, last: bool, ship: &mut dyn FnMut(Batch) -> bool) {
        let (spare_bytes, spare_commas) = self.spare.pop().unwrap_or_default();
        let bytes = std::mem::replace(&mut self.batch, spare_bytes);
        let commas = std::mem::replace(&mut self.commas, spare_commas);
        let records = commas.len() + usize::from(last);
        let base = self.base;
        self.base = advance(base, &bytes);
        let batch = Batch {
            index: self.batches,
            first_record: self.records,
            base,
            bytes,
            commas,
            last,
        };
        self.batches += 1;
        self.records += records;
        if !ship(batch) {
            self.broken = true;
        }
    }

    /// Takes back the (emptied) buffers of a batch read.
    pub(super) fn recycle(&mut self, buffers: Option<(Vec<u8>, Vec<u32>)>) {
        if let Some(buffers) = buffers {
            self.spare.push(buffers);
        }
    }

    /// The source ended.
    pub(super) fn finish(&mut self) {
        if self.phase == Phase::Events || self.in_string {
            self.broken = true; // a truncated file: the whole-text reader says where
        }
    }
}

/// The first `"` or `\\` in `bytes`. Strings in records are short (a few bytes to a title), so
/// eight bytes are tested at a time in a register rather than by a call that pays off on long
/// texts only (this was a sixth of the stream's own thread at 10M events).
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `v` that is zero (and possibly in bytes above a zero byte,
    // which never matter: the lowest flagged byte is always a true zero).
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
        let found = zeros(w ^ (ONES * u64::from(b'"'))) | zeros(w ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|k| at + k)
}

/// Where the file goes on after `bytes` that began at `base`.
pub(super) fn advance(base: Location, bytes: &[u8]) -> Location {
    let chars = |b: &[u8]| b.iter().filter(|&&c| c & 0xc0 != 0x80).count();
    match memchr::memrchr(b'\n', bytes) {
        None => Location {
            line: base.line,
            column: base.column + chars(bytes),
        },
        Some(last) => Location {
            line: base.line + memchr::memchr_iter(b'\n', bytes).count(),
            column: 1 + chars(bytes.get(last + 1..).unwrap_or_default()),
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_word_search_finds_the_first_quote_or_backslash_as_a_byte_search_does() {
        proptest::proptest!(|(bytes in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::any::<u8>(),
            proptest::prelude::Just(b'"'),
            proptest::prelude::Just(b'\\'),
            proptest::prelude::Just(0_u8),
            proptest::prelude::Just(0x22 + 0x80),
        ], 0..40))| {
            let expected = bytes.iter().position(|&b| b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(super::quote_or_backslash(&bytes), expected);
        });
    }
}
