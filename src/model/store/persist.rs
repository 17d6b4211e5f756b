//! A store as bytes and back, for the reopen cache (`io::cache`): every column end to end in
//! little-endian order. Decoding trusts nothing: every length, offset, symbol, key and flag is
//! checked against the others, so bytes that did not come from [`EventStore::encode`] give
//! `None`, never a store that breaks its own rules. The extras' values are not here (the cache
//! keeps them as native JSON records, read back by the native reader); their keys are.

use std::io::{Read, Write};

use super::{EventStore, HAS_END, HAS_EXTRA, Interner, KIND_SHIFT, NONE, SYM_MASK, WIDE};
use crate::model::time::TimePoint;

/// Writes parts to a stream (a cache file being written, through a checksum).
struct Out<'a>(&'a mut dyn Write);

impl Out<'_> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.0.write_all(bytes)
    }
    fn len(&mut self, n: usize) -> std::io::Result<()> {
        self.put(&(n as u64).to_le_bytes())
    }
    fn bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.len(bytes.len())?;
        self.put(bytes)
    }
    fn words<const W: usize, T: Copy>(
        &mut self,
        values: &[T],
        to: fn(T) -> [u8; W],
    ) -> std::io::Result<()> {
        self.len(values.len())?;
        for chunk in values.chunks(8192) {
            let bytes: Vec<u8> = chunk.iter().flat_map(|&v| to(v)).collect();
            self.put(&bytes)?;
        }
        Ok(())
    }
    fn u32s(&mut self, values: &[u32]) -> std::io::Result<()> {
        self.words(values, u32::to_le_bytes)
    }
    fn u64s(&mut self, values: &[u64]) -> std::io::Result<()> {
        self.words(values, u64::to_le_bytes)
    }
    fn f64s(&mut self, values: &[f64]) -> std::io::Result<()> {
        self.words(values, |v| v.to_bits().to_le_bytes())
    }
    fn time(&mut self, time: &TimePoint) -> std::io::Result<()> {
        if let Some(bits) = time.pack() {
            self.put(&[0])?;
            self.put(&bits.to_le_bytes())
        } else {
            self.put(&[1])?;
            self.bytes(time.iso().as_bytes())
        }
    }
}

/// Reads parts back from a stream, `None` at the first that is not there. `left` bounds every
/// length, so a damaged length cannot ask for more memory than the file has bytes.
struct In<'a> {
    r: &'a mut dyn Read,
    left: u64,
    /// Bytes of a column being read, reused from column to column.
    scratch: Vec<u8>,
}

impl In<'_> {
    fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        let n64 = u64::try_from(n).ok()?;
        if n64 > self.left {
            return None;
        }
        let mut bytes = vec![0; n];
        self.r.read_exact(&mut bytes).ok()?;
        self.left -= n64;
        Some(bytes)
    }
    /// Reads `n` bytes into the scratch buffer.
    fn fill(&mut self, n: usize) -> Option<&[u8]> {
        let n64 = u64::try_from(n).ok()?;
        if n64 > self.left {
            return None;
        }
        self.scratch.resize(n, 0);
        self.r.read_exact(&mut self.scratch).ok()?;
        self.left -= n64;
        Some(&self.scratch)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }
    fn len(&mut self, each: u64) -> Option<usize> {
        let n = self.u64()?;
        (n.checked_mul(each)? <= self.left).then_some(usize::try_from(n).ok()?)
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.len(1)?;
        self.take(n)
    }
    fn words<const W: usize, T>(&mut self, from: fn([u8; W]) -> T) -> Option<Vec<T>> {
        let n = self.len(W as u64)?;
        let mut out = Vec::with_capacity(n);
        let mut left = n;
        while left > 0 {
            let now = left.min(1 << 16);
            let raw = self.fill(now * W)?;
            out.extend(
                raw.chunks_exact(W)
                    .map(|c| from(<[u8; W]>::try_from(c).unwrap_or([0; W]))),
            );
            left -= now;
        }
        Some(out)
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        self.words(u32::from_le_bytes)
    }
    fn u64s(&mut self) -> Option<Vec<u64>> {
        self.words(u64::from_le_bytes)
    }
    fn f64s(&mut self) -> Option<Vec<f64>> {
        self.words(|b| f64::from_bits(u64::from_le_bytes(b)))
    }
    fn time(&mut self) -> Option<TimePoint> {
        match self.take(1)?.first()? {
            0 => {
                let bits = self.u64()?;
                let time = TimePoint::unpack(bits);
                // Only what `pack` makes: the fields back in their places.
                (time.pack() == Some(bits)).then_some(time)
            }
            1 => String::from_utf8(self.bytes()?).ok()?.parse().ok(),
            _ => None,
        }
    }
}

impl EventStore {
    /// Writes the store (without the extras' values) for [`EventStore::decode`].
    pub fn encode(&self, out: &mut dyn Write) -> std::io::Result<()> {
        Out(out).bytes(self.text.as_bytes())?;
        self.encode_columns(out)
    }

    /// The ids and titles, end to end: [`EventStore::encode`] writes them first, as a length
    /// and the bytes, then [`EventStore::encode_columns`] (a reader may read them apart).
    pub fn text_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// What [`EventStore::encode`] writes after the text.
    pub fn encode_columns(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut o = Out(out);
        o.u32s(&self.text_at)?;
        o.u32s(&self.text_wraps)?;
        o.u32s(&self.id_len)?;
        o.u32s(&self.text_slot)?;
        o.u64s(&self.start)?;
        o.len(self.wide_starts.len())?;
        for (i, time) in &self.wide_starts {
            o.put(&i.to_le_bytes())?;
            o.time(time)?;
        }
        o.f64s(&self.start_secs)?;
        o.f64s(&self.end_secs)?;
        o.u32s(&self.end_keys)?;
        o.len(self.ends.len())?;
        for time in &self.ends {
            o.time(time)?;
        }
        o.u32s(&self.category)?;
        o.bytes(&self.flags)?;
        o.u32s(&self.file)?;
        o.u32s(&self.line)?;
        o.u32s(&self.labels_at)?;
        o.u32s(&self.labels)?;
        o.u32s(&self.extra_keys)?;
        o.len(self.names.names.len())?;
        for name in &self.names.names {
            o.bytes(name.as_bytes())?;
        }
        Ok(())
    }

    /// A store from [`EventStore::encode`]'s bytes, reading no more than `limit` of them;
    /// `None` unless every column agrees with the others. Its extras are empty until
    /// [`EventStore::set_extras`] gives them.
    pub fn decode(input: &mut dyn Read, limit: u64) -> Option<Self> {
        let text = String::from_utf8(
            In {
                r: input,
                left: limit,
                scratch: Vec::new(),
            }
            .bytes()?,
        )
        .ok()?;
        let limit = limit.checked_sub(8 + text.len() as u64)?;
        Self::decode_columns(input, limit)?.with_text(text)
    }

    /// The columns [`EventStore::encode_columns`] wrote, not yet checked: give it its text
    /// with [`EventStore::with_text`].
    pub fn decode_columns(input: &mut dyn Read, limit: u64) -> Option<Self> {
        let mut r = In {
            r: input,
            left: limit,
            scratch: Vec::new(),
        };
        let text = String::new();
        let text_at = r.u32s()?;
        let text_wraps = r.u32s()?;
        let id_len = r.u32s()?;
        let text_slot = r.u32s()?;
        let start = r.u64s()?;
        let n_wide = r.len(5)?;
        let mut wide_starts = Vec::with_capacity(n_wide);
        for _ in 0..n_wide {
            let i = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
            wide_starts.push((i, r.time()?));
        }
        let start_secs = r.f64s()?;
        let end_secs = r.f64s()?;
        let end_keys = r.u32s()?;
        let n_ends = r.len(2)?;
        let mut ends = Vec::with_capacity(n_ends);
        for _ in 0..n_ends {
            ends.push(r.time()?);
        }
        let category = r.u32s()?;
        let flags = r.bytes()?;
        let file = r.u32s()?;
        let line = r.u32s()?;
        let labels_at = r.u32s()?;
        let labels = r.u32s()?;
        let extra_keys = r.u32s()?;
        let n_names = r.len(8)?;
        let mut names = Interner::default();
        for k in 0..n_names {
            let name = String::from_utf8(r.bytes()?).ok()?;
            // Each name once, numbered in order.
            if names.intern(&name)? as usize != k {
                return None;
            }
        }
        Some(Self {
            text,
            text_at,
            text_wraps,
            id_len,
            text_slot,
            start,
            wide_starts,
            start_secs,
            end_secs,
            end_keys,
            ends,
            category,
            flags,
            file,
            line,
            labels_at,
            labels,
            extra_keys,
            extras: Vec::new(),
            names,
            key_order: Vec::new(),
        })
    }

    /// The store of [`EventStore::decode_columns`] with its text; `None` unless every column
    /// agrees with the others.
    pub fn with_text(mut self, text: String) -> Option<Self> {
        self.text = text;
        self.is_whole().then_some(self)
    }

    /// Gives a decoded store its extras, one per key, in key order; `false` (nothing done)
    /// when their number is not the number of keys.
    pub fn set_extras(&mut self, extras: Vec<super::Extra>) -> bool {
        if extras.len() != self.extra_keys.len() || extras.iter().any(super::Extra::is_empty) {
            return false;
        }
        self.extras = extras;
        true
    }

    /// Takes the extras out of the store, in the order of their events (the events keep their
    /// flags: for a store about to be dropped, see `io::cache`).
    pub fn take_extras(&mut self) -> Vec<super::Extra> {
        std::mem::take(&mut self.extras)
    }

    /// The indices of the events with extras, ascending.
    pub fn extra_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.extra_keys.iter().map(|&k| k as usize)
    }

    /// Whether every column agrees with the others (see [`EventStore::decode`]).
    fn is_whole(&self) -> bool {
        let n = self.start.len();
        let Ok(n32) = u32::try_from(n) else {
            return false;
        };
        let rows_agree = [
            self.start.len(),
            self.start_secs.len(),
            self.end_secs.len(),
            self.category.len(),
            self.flags.len(),
            self.file.len(),
            self.line.len(),
        ]
        .iter()
        .all(|&len| len == n)
            && self.id_len.len() == n
            && (self.text_slot.is_empty() || self.text_slot.len() == n)
            && self.text_slot.iter().all(|&k| k < n32)
            && self.text_at.len() == n + 1
            && self.labels_at.len() == n + 1
            && n32 < NONE;
        if !rows_agree {
            return false;
        }
        // Texts: offsets from 0 to the text's end, never back, each on a character boundary,
        // each id inside its event's text.
        let wraps_ascending = self.text_wraps.windows(2).all(|w| w[0] <= w[1])
            && self.text_wraps.iter().all(|&w| w as usize <= n);
        if !wraps_ascending || self.text_at.first() != Some(&0) {
            return false;
        }
        let mut previous = 0_u64;
        for k in 0..=n {
            let offset = self.text_offset(k);
            let Ok(at) = usize::try_from(offset) else {
                return false;
            };
            if offset < previous || !self.text.is_char_boundary(at) {
                return false;
            }
            if k > 0 {
                let id_end = previous + u64::from(self.id_len.get(k - 1).copied().unwrap_or(NONE));
                let fits = id_end <= offset
                    && usize::try_from(id_end).is_ok_and(|e| self.text.is_char_boundary(e));
                if !fits {
                    return false;
                }
            }
            previous = offset;
        }
        if previous != self.text.len() as u64 {
            return false;
        }
        // Labels: ranges from 0 to the end, never back; every symbol named, every kind known.
        let names = self.names.names.len();
        let ranges = self.labels_at.first() == Some(&0)
            && self.labels_at.windows(2).all(|w| w[0] <= w[1])
            && self.labels_at.last().map(|&l| l as usize) == Some(self.labels.len());
        let labels = self
            .labels
            .iter()
            .all(|&l| ((l & SYM_MASK) as usize) < names && l >> KIND_SHIFT <= 2);
        let categories = self
            .category
            .iter()
            .all(|&c| c == NONE || (c as usize) < names);
        // Times: finite seconds, never ending before they start.
        let seconds = self
            .start_secs
            .iter()
            .zip(&self.end_secs)
            .all(|(s, e)| s.is_finite() && e.is_finite() && s <= e);
        // Sparse tables: keys ascending, in range, exactly the events whose flag or marker says
        // they have an entry.
        let keys_exactly = |keys: &[u32], has: &dyn Fn(usize) -> bool| {
            keys.windows(2).all(|w| w[0] < w[1])
                && keys.iter().all(|&k| k < n32)
                && (0..n).filter(|&i| has(i)).count() == keys.len()
                && keys.iter().all(|&k| has(k as usize))
        };
        let flag = |bit: u8| move |i: usize| self.flags.get(i).is_some_and(|f| f & bit != 0);
        let wide_keys: Vec<u32> = self.wide_starts.iter().map(|w| w.0).collect();
        ranges
            && labels
            && categories
            && seconds
            && self.ends.len() == self.end_keys.len()
            && keys_exactly(&self.end_keys, &flag(HAS_END))
            && keys_exactly(&self.extra_keys, &flag(HAS_EXTRA))
            && keys_exactly(&wide_keys, &|i| self.start.get(i) == Some(&WIDE))
    }
}
