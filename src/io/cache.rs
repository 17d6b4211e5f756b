//! The reopen cache: a big native file, once read, is kept as its built store in the user's
//! cache folder (never beside or inside the data), so opening it again reads columns instead
//! of parsing JSON.
//!
//! A cache file names the file it was made from (path, size, modification time, and a hash of
//! its first and last 64 KiB): if any of these differ it is stale and silently replaced. Its
//! own bytes end in a checksum, and every column is checked against the others as it is read
//! (`EventStore::decode`); a cache that fails any check (damaged, cut short, written by
//! another version) is never used, and the caller is told why. Only files read without a
//! single problem are kept (their problems would otherwise have to be said again), in time
//! order (so the dataset need not sort them again).

use std::hash::Hasher as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;

use super::{LoadedFile, native, native_writer};
use crate::model::{DatasetPart, EventStore, Format};

/// What a cache file begins with.
const MAGIC: &[u8; 13] = b"ANNALS-STORE\n";
/// The layout of a cache file; with the crate's version it makes a cache "foreign". 4: labels
/// are kept by text number, as texts are (a layout-3 file's labels are in event order).
const LAYOUT: u32 = 4;
/// Bytes hashed at each end of the source file.
const ENDS_BYTES: u64 = 64 << 10;
/// Files smaller than this are not kept: they read in a blink anyway.
pub const DEFAULT_MIN_BYTES: u64 = 8 << 20;
/// The folder is kept under this many bytes, the least recently written caches going first.
const MAX_TOTAL_BYTES: u64 = 16 << 30;

/// Where caches are kept, and from which size files are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    min_bytes: u64,
}

/// What opening a file through the cache found.
#[derive(Debug)]
pub enum Reopened {
    /// The file as it was read last time.
    Hit(Box<LoadedFile>),
    /// No cache for it, or one for an older version of the file (replaced once it is read).
    Miss,
    /// A cache that cannot be trusted was there and was not used: why, as the key of a
    /// message (`problem-cache-damaged`, `problem-cache-foreign`).
    Ignored(&'static str),
}

impl Cache {
    /// The platform's cache folder for Annals (`$XDG_CACHE_HOME/annals`, `~/.cache/annals`,
    /// `~/Library/Caches/annals`, `%LOCALAPPDATA%\annals`), if there is one.
    pub fn platform() -> Option<Self> {
        dirs::cache_dir().map(|dir| Self::in_dir(dir.join("annals"), DEFAULT_MIN_BYTES))
    }

    /// Caches in `dir`, for files of at least `min_bytes`.
    pub fn in_dir(dir: PathBuf, min_bytes: u64) -> Self {
        Self { dir, min_bytes }
    }

    /// The cache file for `source` (by a hash of its absolute path).
    pub fn file_for(&self, source: &Path) -> PathBuf {
        let absolute = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
        let mut hasher = FxHasher::default();
        hasher.write(absolute.as_os_str().as_encoded_bytes());
        self.dir
            .join(format!("{:016x}.annals-store", hasher.finish()))
    }

    /// Opens `source` (shown as `name`) from its cache, if a trustworthy one is there.
    pub fn open(&self, source: &Path, name: &str) -> Reopened {
        let Ok(key) = SourceKey::of(source) else {
            return Reopened::Miss;
        };
        if key.size < self.min_bytes {
            return Reopened::Miss;
        }
        let Ok(file) = std::fs::File::open(self.file_for(source)) else {
            return Reopened::Miss;
        };
        let limit = file.metadata().map_or(0, |m| m.len());
        let mut input = Hashing::new(std::io::BufReader::with_capacity(1 << 20, file));
        match read_cache(&mut input, (&self.file_for(source), limit), &key, name) {
            Ok(loaded) => Reopened::Hit(Box::new(loaded)),
            Err(Trouble::Stale) => Reopened::Miss,
            Err(Trouble::Foreign) => Reopened::Ignored("problem-cache-foreign"),
            Err(Trouble::Damaged) => Reopened::Ignored("problem-cache-damaged"),
        }
    }

    /// Keeps `loaded` (just read from `source`) for next time, if it is big enough and was read
    /// without a problem; its events are put in time order first (the dataset would sort them
    /// anyway). Errors are the disk's; the cache is written atomically, so a failure leaves
    /// no half-written cache behind.
    pub fn keep(&self, source: &Path, loaded: &mut LoadedFile) -> std::io::Result<bool> {
        match self.prepare(source, loaded)? {
            Some(pending) => {
                let events = &loaded.part.events;
                self.write(&pending, events, events.key_order())
                    .map(|()| true)
            }
            None => Ok(false),
        }
    }

    /// [`Self::keep`] up to the writing: whether `loaded` is to be kept and, if so, its events
    /// put in time order and what the cache will say about the source (taken now, before the
    /// file can change). The events are written later by [`Self::write`], from wherever they
    /// are by then (the window shows the file first).
    pub fn prepare(
        &self,
        source: &Path,
        loaded: &mut LoadedFile,
    ) -> std::io::Result<Option<Pending>> {
        let key = SourceKey::of(source)?;
        if key.size < self.min_bytes
            || !loaded.issues.is_empty()
            || loaded.part.info.format != Format::Annals
        {
            return Ok(None);
        }
        loaded.part.events = std::mem::take(&mut loaded.part.events).into_time_order();
        // The key index (made by the load, else here): the cache keeps it, and the dataset
        // built from this file takes it from the store rather than building it again.
        let order = loaded.part.events.take_key_order();
        loaded.part.events.set_key_order(order);
        Ok(Some(Pending {
            target: self.file_for(source),
            key,
            header: loaded.part.header(),
        }))
    }

    /// Writes the cache [`Self::prepare`] made ready, with `events`, the file's events as they
    /// were prepared (the dataset of that one file holds exactly these), and their key order
    /// (which the dataset takes from the store).
    pub fn write(
        &self,
        pending: &Pending,
        events: &EventStore,
        key_order: &[u32],
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        // Not waited onto the disk: a cache cut short by a crash fails its checksum.
        native_writer::write_atomically_synced(&pending.target, false, |file| {
            let mut out = Hashing::new(std::io::BufWriter::with_capacity(1 << 20, file));
            write_cache(&mut out, &pending.key, &pending.header, (events, key_order))?;
            let sum = out.finish();
            out.inner.write_all(&sum.to_le_bytes())?;
            out.inner.flush()
        })?;
        self.trim();
        Ok(())
    }

    /// Removes the oldest caches while the folder holds more than [`MAX_TOTAL_BYTES`].
    fn trim(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let entries: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
        // A cache still being written when Annals was closed leaves its temporary file
        // (`.NAME.PID.tmp`, up to a gigabyte): removed once it is an hour old.
        let hour_ago = std::time::SystemTime::now()
            .checked_sub(std::time::Duration::from_secs(3600))
            .unwrap_or(std::time::UNIX_EPOCH);
        for entry in &entries {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.')
                && name.contains(".annals-store.")
                && name.ends_with(".tmp")
                && entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t < hour_ago)
            {
                std::fs::remove_file(entry.path()).ok();
            }
        }
        let mut caches: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
            .into_iter()
            .filter(|e| e.path().extension().is_some_and(|x| x == "annals-store"))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
        caches.sort();
        let mut total: u64 = caches.iter().map(|c| c.1).sum();
        for (_, size, path) in caches {
            if total <= MAX_TOTAL_BYTES {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= size;
            }
        }
    }
}

/// A file to be kept in the cache, its events aside (see [`Cache::prepare`]).
#[derive(Debug)]
pub struct Pending {
    target: PathBuf,
    key: SourceKey,
    /// The file without its events.
    header: DatasetPart,
}

/// What names the version of a source file a cache was made from.
#[derive(Debug, PartialEq, Eq)]
struct SourceKey {
    path: Vec<u8>,
    size: u64,
    modified_nanos: u128,
    ends_hash: u64,
}

impl SourceKey {
    fn of(source: &Path) -> std::io::Result<Self> {
        use std::io::Seek as _;
        let mut file = std::fs::File::open(source)?;
        let meta = file.metadata()?;
        let modified_nanos = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let size = meta.len();
        let mut hasher = FxHasher::default();
        let mut head = Vec::new();
        (&mut file).take(ENDS_BYTES).read_to_end(&mut head)?;
        hasher.write(&head);
        if size > ENDS_BYTES {
            file.seek(std::io::SeekFrom::Start(size.saturating_sub(ENDS_BYTES)))?;
            let mut tail = Vec::new();
            file.take(ENDS_BYTES).read_to_end(&mut tail)?;
            hasher.write(&tail);
        }
        let absolute = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
        Ok(Self {
            path: absolute.as_os_str().as_encoded_bytes().to_vec(),
            size,
            modified_nanos,
            ends_hash: hasher.finish(),
        })
    }

    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(&(self.path.len() as u64).to_le_bytes())?;
        out.write_all(&self.path)?;
        out.write_all(&self.size.to_le_bytes())?;
        out.write_all(&self.modified_nanos.to_le_bytes())?;
        out.write_all(&self.ends_hash.to_le_bytes())
    }

    fn read(input: &mut dyn Read) -> Option<Self> {
        let mut word = [0; 8];
        input.read_exact(&mut word).ok()?;
        let len = u64::from_le_bytes(word);
        if len > 1 << 16 {
            return None;
        }
        let mut path = vec![0; usize::try_from(len).ok()?];
        input.read_exact(&mut path).ok()?;
        input.read_exact(&mut word).ok()?;
        let size = u64::from_le_bytes(word);
        let mut wide = [0; 16];
        input.read_exact(&mut wide).ok()?;
        input.read_exact(&mut word).ok()?;
        Some(Self {
            path,
            size,
            modified_nanos: u128::from_le_bytes(wide),
            ends_hash: u64::from_le_bytes(word),
        })
    }
}

/// Why a cache was not used.
enum Trouble {
    /// Made from another version of the file (or another file).
    Stale,
    /// Made by another version of Annals.
    Foreign,
    /// Not what Annals writes: cut short, changed, or not a cache at all.
    Damaged,
}

/// A reader or writer that hashes every byte going through it (the cache's checksum). Bytes
/// are hashed in blocks of [`HASH_BLOCK`] whatever sizes they are read or written in (a
/// hasher's answer depends on how its input is cut).
struct Hashing<T> {
    inner: T,
    hasher: FxHasher,
    pending: Vec<u8>,
    /// Bytes read or written through it.
    count: u64,
}

/// Bytes hashed at a time.
const HASH_BLOCK: usize = 64 << 10;

impl<T> Hashing<T> {
    fn new(inner: T) -> Self {
        Self {
            inner,
            hasher: FxHasher::default(),
            pending: Vec::with_capacity(HASH_BLOCK),
            count: 0,
        }
    }

    /// The checksum [`Hashing`] gives `bytes` alone.
    fn sum_of(bytes: &[u8]) -> u64 {
        let mut hashing = Hashing::new(());
        hashing.hash(bytes);
        hashing.finish()
    }

    fn hash(&mut self, mut bytes: &[u8]) {
        self.count += bytes.len() as u64;
        while !bytes.is_empty() {
            if self.pending.is_empty() && bytes.len() >= HASH_BLOCK {
                // At a block boundary: whole blocks are hashed where they are, not copied.
                let (block, later) = bytes.split_at(HASH_BLOCK);
                self.hasher.write(block);
                bytes = later;
                continue;
            }
            let room = HASH_BLOCK - self.pending.len();
            let (now, later) = bytes.split_at(room.min(bytes.len()));
            self.pending.extend_from_slice(now);
            if self.pending.len() == HASH_BLOCK {
                self.hasher.write(&self.pending);
                self.pending.clear();
            }
            bytes = later;
        }
    }

    /// The hash of every byte so far.
    fn finish(&self) -> u64 {
        let mut hasher = self.hasher.clone();
        hasher.write(&self.pending);
        hasher.finish()
    }
}

impl<T: Read> Read for Hashing<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

impl<T: Write> Write for Hashing<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The file's layout: magic, layout and crate version, the source's key, the file's own
/// details and the extras' values as a native document, the store's text (its length, then
/// the bytes, which are left out of the running hash and hashed on their own: a reopen reads
/// them on a second thread), the other columns, the key order, the text's hash; then (outside
/// the hash) the hash of all but the text.
fn write_cache(
    out: &mut Hashing<impl Write>,
    key: &SourceKey,
    header: &DatasetPart,
    (events, order): (&EventStore, &[u32]),
) -> std::io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&LAYOUT.to_le_bytes())?;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    out.write_all(&(version.len() as u64).to_le_bytes())?;
    out.write_all(version)?;
    key.write(out)?;
    // The events with extras (descriptions, sources, links…) go as native records, read back
    // by the native reader; the store keeps which events they belong to.
    let mut with_extras = EventStore::default();
    with_extras.copy_from(events, events.extra_indices(), None);
    let document = native_writer::to_json(&DatasetPart {
        events: with_extras,
        ..header.header()
    });
    out.write_all(&(document.len() as u64).to_le_bytes())?;
    out.write_all(document.as_bytes())?;
    let text = events.text_bytes();
    out.write_all(&(text.len() as u64).to_le_bytes())?;
    out.inner.write_all(text)?;
    events.encode_columns(out)?;
    out.write_all(&(order.len() as u64).to_le_bytes())?;
    let mut bytes = Vec::with_capacity(order.len() * 4);
    for i in order {
        bytes.extend_from_slice(&i.to_le_bytes());
    }
    out.write_all(&bytes)?;
    out.write_all(&Hashing::<()>::sum_of(text).to_le_bytes())
}

/// The text of a cache file (`len` bytes at `at`), read through a handle of its own, its
/// hash, and whether it is UTF-8.
/// What follows the text in a cache file (the text skipped), up to and including the checksum,
/// which is checked: the columns, the key order and the text's hash.
fn read_columns(
    input: &mut Hashing<std::io::BufReader<std::fs::File>>,
    text_len: u64,
    limit: u64,
) -> Result<(EventStore, Vec<u32>, u64), Trouble> {
    let skip = i64::try_from(text_len).map_err(|_| Trouble::Damaged)?;
    input
        .inner
        .seek_relative(skip)
        .map_err(|_| Trouble::Damaged)?;
    let events = EventStore::decode_columns(input, limit).ok_or(Trouble::Damaged)?;
    let mut len = [0; 8];
    input.read_exact(&mut len).map_err(|_| Trouble::Damaged)?;
    if u64::from_le_bytes(len) != events.len() as u64 {
        return Err(Trouble::Damaged);
    }
    let mut bytes = vec![0; events.len() * 4];
    input.read_exact(&mut bytes).map_err(|_| Trouble::Damaged)?;
    let order = bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    input.read_exact(&mut len).map_err(|_| Trouble::Damaged)?;
    let text_sum = u64::from_le_bytes(len);
    // The checksum: the hash of everything before it but the text, then nothing after it.
    let sum = input.finish();
    let mut stored = [0; 8];
    input
        .inner
        .read_exact(&mut stored)
        .map_err(|_| Trouble::Damaged)?;
    let mut more = [0; 1];
    if u64::from_le_bytes(stored) != sum || input.inner.read(&mut more).map_or(true, |n| n != 0) {
        return Err(Trouble::Damaged);
    }
    Ok((events, order, text_sum))
}

fn read_text(path: &Path, at: u64, len: usize) -> Option<(String, u64)> {
    use std::io::Seek as _;
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(std::io::SeekFrom::Start(at)).ok()?;
    let mut bytes = vec![0; len];
    file.read_exact(&mut bytes).ok()?;
    let sum = Hashing::<()>::sum_of(&bytes);
    Some((String::from_utf8(bytes).ok()?, sum))
}

fn read_cache(
    input: &mut Hashing<std::io::BufReader<std::fs::File>>,
    (path, limit): (&Path, u64),
    key: &SourceKey,
    name: &str,
) -> Result<LoadedFile, Trouble> {
    let mut magic = [0; MAGIC.len()];
    input.read_exact(&mut magic).map_err(|_| Trouble::Damaged)?;
    if &magic != MAGIC {
        return Err(Trouble::Damaged);
    }
    let mut word = [0; 4];
    input.read_exact(&mut word).map_err(|_| Trouble::Damaged)?;
    let mut len = [0; 8];
    input.read_exact(&mut len).map_err(|_| Trouble::Damaged)?;
    let version_len = u64::from_le_bytes(len);
    if version_len > 64 {
        return Err(Trouble::Damaged);
    }
    let mut version = vec![0; usize::try_from(version_len).map_err(|_| Trouble::Damaged)?];
    input
        .read_exact(&mut version)
        .map_err(|_| Trouble::Damaged)?;
    if u32::from_le_bytes(word) != LAYOUT || version != env!("CARGO_PKG_VERSION").as_bytes() {
        return Err(Trouble::Foreign);
    }
    if SourceKey::read(input).ok_or(Trouble::Damaged)? != *key {
        return Err(Trouble::Stale);
    }
    input.read_exact(&mut len).map_err(|_| Trouble::Damaged)?;
    let document_len = u64::from_le_bytes(len);
    if document_len > limit {
        return Err(Trouble::Damaged);
    }
    let mut document = vec![0; usize::try_from(document_len).map_err(|_| Trouble::Damaged)?];
    input
        .read_exact(&mut document)
        .map_err(|_| Trouble::Damaged)?;
    input.read_exact(&mut len).map_err(|_| Trouble::Damaged)?;
    let text_len = u64::from_le_bytes(len);
    let text_at = input.count;
    let rest = limit
        .checked_sub(text_at)
        .and_then(|rest| rest.checked_sub(text_len))
        .ok_or(Trouble::Damaged)?;
    let text_bytes = usize::try_from(text_len).map_err(|_| Trouble::Damaged)?;
    // The text (the biggest column) is read on a second thread while this one reads the rest:
    // both cores fill fresh memory, which is most of a reopen's time.
    let (columns, text) = std::thread::scope(|scope| {
        let job = std::thread::Builder::new()
            .name("cache text".to_owned())
            .spawn_scoped(scope, || read_text(path, text_at, text_bytes));
        let columns = read_columns(input, text_len, rest);
        let text = job.ok().and_then(|job| job.join().ok().flatten());
        (columns, text)
    });
    let (events, order, text_sum) = columns?;
    let (text, sum) = text.ok_or(Trouble::Damaged)?;
    if sum != text_sum {
        return Err(Trouble::Damaged);
    }
    let mut events = events.with_text(text).ok_or(Trouble::Damaged)?;
    let document = String::from_utf8(document).map_err(|_| Trouble::Damaged)?;
    let mut kept = native::parse(name, &document).map_err(|_| Trouble::Damaged)?;
    if !kept.issues.is_empty() {
        return Err(Trouble::Damaged);
    }
    let extras = kept.part.events.take_extras();
    if !events.set_extras(extras) {
        return Err(Trouble::Damaged);
    }
    name.clone_into(&mut kept.part.info.path);
    if !events.set_key_order(order) {
        return Err(Trouble::Damaged);
    }
    kept.part.events = events;
    Ok(kept)
}

#[cfg(test)]
mod tests;
