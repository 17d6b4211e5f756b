//! Reading a native file while it streams in: the events array is cut into batches of records
//! as the bytes arrive and each batch is read on a worker thread into a store of its own, so
//! the whole file text is never held (only the batches in flight) and both cores read records
//! while the disk is still being read. What lies outside the events array (title, categories,
//! periods, translations) is kept and read by [`super::parse`] as always, located by a
//! [`LineIndex`] that knows where the array was cut out.
//!
//! Strictness is the whole-text reader's: the stream gives up ([`read`] answers `None`) on
//! anything only that reader says exactly (broken syntax, invalid UTF-8, a trailing comma, a
//! second `events`, a key written with escapes), and the caller reads the file whole. A test
//! and the fuzz target check that both readers give the same events and the same problems.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::mpsc;

use super::ids::finish_events;
use super::records::{Kept, read_event_range};
use crate::io::LoadProgress;
use crate::io::json::Reader;
use crate::io::report::{Issue, LineIndex, LoadError, LoadedFile, Location};
use crate::model::EventStore;

/// Bytes asked of the source at a time.
const CHUNK_BYTES: usize = 256 << 10;
/// A batch of records is cut once it holds this many bytes (about 3,500 events of `annals
/// gen`): small enough that both workers stay busy and little is in flight, big enough that
/// handing batches over costs nothing.
const BATCH_BYTES: usize = 512 << 10;

/// Whether `head` (the first bytes of a file) is an object whose first key is `annals` (after
/// a `$schema` for editors, if any), as Annals writes its files: such a file is read as it
/// streams in.
pub fn native_head(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some(mut rest) = trim_ws(head).strip_prefix(b"{") else {
        return false;
    };
    rest = trim_ws(rest);
    if let Some(after) = rest.strip_prefix(b"\"$schema\"") {
        let Some(value) = trim_ws(after).strip_prefix(b":") else {
            return false;
        };
        let Some(string) = trim_ws(value).strip_prefix(b"\"") else {
            return false;
        };
        // The end of the schema's string: the first quote not escaped.
        let mut escaped = false;
        let Some(end) = string.iter().position(|&b| {
            let end = b == b'"' && !escaped;
            escaped = b == b'\\' && !escaped;
            end
        }) else {
            return false;
        };
        let Some(next) = trim_ws(string.get(end + 1..).unwrap_or_default()).strip_prefix(b",")
        else {
            return false;
        };
        rest = trim_ws(next);
    }
    rest.starts_with(b"\"annals\"")
}

/// JSON's white space (all ASCII).
fn json_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn trim_ws(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !json_ws(b))
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Reads a native file from `source` as it arrives. `Ok(None)`: read it whole instead (it is
/// not a file Annals wrote, or it has a problem only the whole-text reader locates exactly).
/// Bytes read are counted into `progress`; once it is cancelled, reading and parsing stop.
/// `size_bytes`, where known, lets the store be made big enough at once.
pub fn read(
    name: &str,
    source: &mut dyn Read,
    size_bytes: Option<u64>,
    progress: &LoadProgress,
) -> Result<Option<LoadedFile>, LoadError> {
    // A file of a batch or two is read on this thread (threads cost more than they save).
    let threaded = size_bytes.is_none_or(|s| s > 2 * BATCH_BYTES as u64);
    read_with(
        name,
        source,
        size_bytes,
        progress,
        (CHUNK_BYTES, BATCH_BYTES, threaded),
    )
}

/// [`read`] of bytes in memory cut into reads of `chunk_bytes` and batches of `batch_bytes`,
/// read on worker threads or on this one (for the fuzz target, which compares it with reading
/// the text whole).
pub fn read_cut(
    name: &str,
    bytes: &[u8],
    (chunk_bytes, batch_bytes, threaded): (usize, usize, bool),
) -> Result<Option<LoadedFile>, LoadError> {
    read_with(
        name,
        &mut &bytes[..],
        Some(bytes.len() as u64),
        &LoadProgress::default(),
        (chunk_bytes, batch_bytes, threaded),
    )
}

/// [`read`] asking `chunk_bytes` of the source at a time and cutting batches at `batch_bytes`
/// (tests make both small to cut everywhere), on worker threads if `threaded`.
fn read_with(
    name: &str,
    source: &mut dyn Read,
    size_bytes: Option<u64>,
    progress: &LoadProgress,
    (chunk_bytes, batch_bytes, threaded): (usize, usize, bool),
) -> Result<Option<LoadedFile>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: name.to_owned(),
        source,
    };
    let cancelled = || LoadError::Cancelled {
        path: name.to_owned(),
    };
    // The first read is big enough to see the head whatever the chunk size.
    let chunk_bytes = chunk_bytes.max(1);
    let mut chunk = vec![0; chunk_bytes.max(4096)];
    let first = fill(source, &mut chunk).map_err(read_error)?;
    let head = chunk.get(..first).unwrap_or_default();
    if !native_head(head) {
        return Ok(None);
    }
    count(progress, first);
    let workers = if threaded {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    } else {
        0
    };
    let (scan, assembly, failed) = std::thread::scope(|scope| {
        // Each worker has a queue of its own and batches go round: a worker that stopped
        // shows as a queue that cannot be sent to (the stream then gives up).
        let (to_main, answers) = mpsc::channel::<(usize, Option<Done>)>();
        let mut queues = Vec::with_capacity(workers);
        for n in 0..workers {
            let (queue, batches) = mpsc::sync_channel::<Batch>(2);
            let to_main = to_main.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("reader {n}"))
                .spawn_scoped(scope, move || {
                    for batch in batches {
                        let index = batch.index;
                        let done = if progress.cancelled() {
                            None
                        } else {
                            read_batch(batch)
                        };
                        if to_main.send((index, done)).is_err() {
                            return;
                        }
                    }
                });
            if spawned.is_ok() {
                queues.push(queue);
            }
        }
        // Without workers, batches are read here as they are cut.
        let here = queues.is_empty().then(|| to_main.clone());
        drop(to_main);
        let mut ship = move |batch: Batch| {
            if let Some(here) = &here {
                return here.send((batch.index, read_batch(batch))).is_ok();
            }
            let Some(queue) = queues.get(batch.index % queues.len().max(1)) else {
                return false;
            };
            queue.send(batch).is_ok()
        };
        let mut scan = Scan::new(batch_bytes);
        let mut assembly = Assembly {
            size_bytes: size_bytes.and_then(|s| usize::try_from(s).ok()),
            ..Assembly::default()
        };
        let mut failed: Option<LoadError> = None;
        let mut n = first;
        loop {
            for piece in chunk.get(..n).unwrap_or_default().chunks(chunk_bytes) {
                scan.feed(piece, &mut ship);
            }
            while let Ok((index, done)) = answers.try_recv() {
                scan.recycle(assembly.take(index, done));
            }
            if scan.broken || assembly.broken {
                break;
            }
            if progress.cancelled() {
                failed = Some(cancelled());
                break;
            }
            n = match fill(source, chunk.get_mut(..chunk_bytes).unwrap_or_default()) {
                Ok(0) => {
                    scan.finish();
                    break;
                }
                Ok(n) => n,
                Err(e) => {
                    failed = Some(read_error(e));
                    break;
                }
            };
            count(progress, n);
        }
        drop(ship);
        for (index, done) in answers {
            assembly.take(index, done);
        }
        (scan, assembly, failed)
    });
    if let Some(failed) = failed {
        return Err(failed);
    }
    if progress.cancelled() {
        return Err(cancelled());
    }
    if scan.broken || assembly.broken || assembly.next != scan.batches {
        return Ok(None);
    }
    let Ok(skeleton) = String::from_utf8(scan.skeleton) else {
        return Ok(None);
    };
    let Some((at, resume)) = scan.gap else {
        // No events array was cut out: the kept text is the whole file.
        return super::parse(name, &skeleton).map(Some);
    };
    let lines = LineIndex::shifted(&skeleton, at, resume);
    let Ok(mut file) = super::parse_indexed(name, &skeleton, lines) else {
        return Ok(None);
    };
    if !file.part.events.is_empty() {
        return Ok(None); // a second events array the stream did not cut
    }
    let mut issues = assembly.issues;
    file.part.events = finish_events(&mut issues, assembly.store, &assembly.kept);
    file.issues.append(&mut issues);
    file.issues.sort_by_key(|issue| issue.location);
    Ok(Some(file))
}

fn count(progress: &LoadProgress, n: usize) {
    progress
        .read_bytes
        .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
}

/// Reads until `buffer` is full or the source ends; the bytes read.
fn fill(source: &mut dyn Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while let Some(rest) = buffer.get_mut(filled..).filter(|r| !r.is_empty()) {
        match source.read(rest) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Records of the events array, end to end as in the file, with the commas between them.
struct Batch {
    /// Position among batches (answers are put back in this order).
    index: usize,
    /// Number of the first record in the events array, from 0.
    first_record: usize,
    /// Where `bytes` begin in the file.
    base: Location,
    bytes: Vec<u8>,
    /// Offsets of the commas between records.
    commas: Vec<u32>,
    /// The array's last batch: after its last comma comes one more record (or, in an empty
    /// array, nothing).
    last: bool,
}

/// A batch read.
struct Done {
    /// The batch's size in bytes.
    bytes: usize,
    /// The batch's buffers, emptied, for the scanner to fill again (fresh memory for every
    /// batch was a third of a load's page faults).
    buffers: (Vec<u8>, Vec<u32>),
    store: EventStore,
    kept: Kept,
    issues: Vec<Issue>,
}

/// A record's text without the white space around it (trimmed as bytes; a trim by `char`s
/// was 2 % of a load).
fn trim(piece: &str) -> Option<&str> {
    let bytes = piece.as_bytes();
    let from = bytes
        .iter()
        .position(|&b| !json_ws(b))
        .unwrap_or(bytes.len());
    let to = bytes
        .iter()
        .rposition(|&b| !json_ws(b))
        .map_or(from, |k| k + 1);
    piece.get(from..to.max(from))
}

/// Reads a batch's records; `None` when only the whole-text reader can say what is wrong.
fn read_batch(batch: Batch) -> Option<Done> {
    let text = std::str::from_utf8(&batch.bytes).ok()?;
    let mut records: Vec<&str> = Vec::with_capacity(batch.commas.len() + 1);
    let mut from = 0;
    for &comma in &batch.commas {
        let piece = trim(text.get(from..comma as usize)?)?;
        if piece.is_empty() {
            return None;
        }
        records.push(piece);
        from = comma as usize + 1;
    }
    if batch.last {
        let piece = trim(text.get(from..)?)?;
        if !piece.is_empty() {
            records.push(piece);
        } else if batch.index != 0 || !batch.commas.is_empty() {
            return None; // only an empty array ends without a record after its last comma
        }
    }
    let mut r = Reader {
        lines: LineIndex::shifted(text, 0, batch.base),
        issues: Vec::new(),
    };
    let (store, kept) = read_event_range(&mut r, &records, batch.first_record)?;
    let issues = r.issues;
    drop(records);
    let (mut bytes, mut commas) = (batch.bytes, batch.commas);
    let size = bytes.len();
    bytes.clear();
    commas.clear();
    Some(Done {
        bytes: size,
        buffers: (bytes, commas),
        store,
        kept,
        issues,
    })
}

/// Batches read, put back in file order as they come.
#[derive(Default)]
struct Assembly {
    waiting: BTreeMap<usize, Done>,
    next: usize,
    store: EventStore,
    kept: Kept,
    issues: Vec<Issue>,
    broken: bool,
    /// The file's size, if known: the first batch tells how many events it will hold.
    size_bytes: Option<usize>,
}

impl Assembly {
    /// Puts a batch read in its place; its buffers, to be filled again.
    fn take(&mut self, index: usize, done: Option<Done>) -> Option<(Vec<u8>, Vec<u32>)> {
        let Some(mut done) = done else {
            self.broken = true;
            return None;
        };
        let buffers = std::mem::take(&mut done.buffers);
        self.waiting.insert(index, done);
        while let Some(mut done) = self.waiting.remove(&self.next) {
            if self.store.is_empty() {
                self.store = done.store;
                if let Some(size) = self.size_bytes.filter(|&s| s > 0) {
                    let events = (self.store.len() as u64)
                        .saturating_mul(size as u64 + size as u64 / 16)
                        / done.bytes.max(1) as u64;
                    self.store
                        .reserve_like_this(usize::try_from(events).unwrap_or(0));
                    self.kept.reserve(usize::try_from(events).unwrap_or(0));
                }
            } else {
                self.store.absorb(done.store, None);
            }
            self.kept.append(&mut done.kept);
            self.issues.append(&mut done.issues);
            self.next += 1;
        }
        Some(buffers)
    }
}

mod scan;
use scan::Scan;
#[cfg(test)]
use scan::advance;

#[cfg(test)]
mod tests;
