//! ClickHouse's RowBinary format: the rows Annals sends and reads back, byte-exact (no text
//! escaping to get wrong). Strings are a LEB128 length and the bytes, integers little-endian,
//! arrays a length and their items.

/// Appends RowBinary values to a buffer.
#[derive(Default)]
pub struct Writer {
    /// The rows so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    fn varint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    /// A `String`.
    pub fn string(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// A `String` from bytes already known to be UTF-8.
    pub fn string_bytes(&mut self, text: &[u8]) {
        self.varint(text.len() as u64);
        self.bytes.extend_from_slice(text);
    }

    /// An `Int64`.
    pub fn i64(&mut self, n: i64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    /// An `Array(String)` of the items of an iterator.
    pub fn strings_of<'s>(&mut self, items: impl Iterator<Item = &'s str> + Clone) {
        self.varint(items.clone().count() as u64);
        for item in items {
            self.string(item);
        }
    }

    /// An `Array(String)`.
    #[cfg(test)]
    pub fn strings<S: AsRef<str>>(&mut self, items: &[S]) {
        self.strings_of(items.iter().map(AsRef::as_ref));
    }
}

/// Reads RowBinary values in order; every read checks the bytes are there.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| format!("the answer ends inside a value at byte {}", self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(format!("a length too long at byte {}", self.at))
    }

    /// A `String` (UTF-8 checked).
    pub fn string(&mut self) -> Result<&'a str, String> {
        let at = self.at;
        let len = usize::try_from(self.varint()?).map_err(|e| e.to_string())?;
        std::str::from_utf8(self.take(len)?)
            .map_err(|_| format!("a string at byte {at} is not UTF-8"))
    }

    /// An `Array(String)`.
    pub fn strings(&mut self) -> Result<Vec<&'a str>, String> {
        let len = usize::try_from(self.varint()?).map_err(|e| e.to_string())?;
        // Each string takes at least a byte: a length past the answer is damage.
        if len > self.bytes.len().saturating_sub(self.at) {
            return Err(format!("an array too long at byte {}", self.at));
        }
        (0..len).map(|_| self.string()).collect()
    }

    /// An `Int64`.
    pub fn i64(&mut self) -> Result<i64, String> {
        let bytes = self.take(8)?;
        let mut array = [0u8; 8];
        array.copy_from_slice(bytes);
        Ok(i64::from_le_bytes(array))
    }

    /// A `UInt64`.
    pub fn u64(&mut self) -> Result<u64, String> {
        self.i64().map(|n| n as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        let long = "x".repeat(300);
        w.string("");
        w.string(&long);
        w.string("é'\\\n");
        w.i64(-62_135_596_800);
        w.strings(&["a", "b"]);
        assert_eq!(&w.bytes[1..3], &[0xac, 0x02], "300 as LEB128");
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.string().unwrap(), "");
        assert_eq!(r.string().unwrap(), long);
        assert_eq!(r.string().unwrap(), "é'\\\n");
        assert_eq!(r.i64().unwrap(), -62_135_596_800);
        assert!(!r.done());
        assert_eq!(r.strings().unwrap(), ["a", "b"]);
        assert!(r.done());
    }

    #[test]
    fn short_or_broken_answers_are_errors() {
        assert!(Reader::new(&[5, b'a']).string().is_err());
        assert!(Reader::new(&[1, 2, 3]).i64().is_err());
        assert!(Reader::new(&[0xff; 11]).string().is_err());
        assert!(Reader::new(&[1, 0xff]).string().is_err());
        assert!(Reader::new(&[0xff, 0xff, 0x7f, 0]).strings().is_err());
    }
}
