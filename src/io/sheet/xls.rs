//! The `.xls` pre-check: what calamine cannot be handed. The compound file is opened with the
//! cfb crate and the workbook stream's BIFF records are walked as calamine walks them (from the
//! start and from each sheet's offset), so that a damaged file is refused before calamine
//! reserves memory for it.

use std::io::Cursor;

/// Why a `.xls` workbook cannot be handed to calamine, if it cannot. calamine follows sector
/// chains without looking for loops (seen: 24 GiB asked for by a 6 KiB file) and makes each
/// sheet one dense block from its first to its last cell, so a cell record naming column 65,535
/// costs gigabytes (seen: 10 GiB). The cfb crate opens the compound file first, checking its
/// structure; then the workbook stream's BIFF records are walked: `.xls` holds 256 columns (A to
/// IV), and a cell beyond them is damage.
pub(super) fn xls_cells_problem(bytes: &[u8]) -> Option<&'static str> {
    use std::io::Read as _;
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Some("its compound-file structure does not hold together");
    };
    let stream = ["/Workbook", "/Book"]
        .into_iter()
        .find_map(|name| file.open_stream(name).ok());
    let mut workbook = Vec::new();
    match stream {
        Some(mut stream) => {
            if stream.read_to_end(&mut workbook).is_err() {
                return Some("its workbook stream cannot be read");
            }
        }
        // calamine may still find one under a damaged name (seen: "Workboo", on which it took
        // 3 GiB): what cannot be walked here is not handed to it.
        None => return Some("it has no workbook stream"),
    }
    // The stream is walked from its start, and from where each sheet's BOUNDSHEET record says
    // its records begin, as calamine reads them (which need not be where the walk from the
    // start finds a record: seen, a DIMENSIONS record only calamine saw, 1 PiB reserved).
    let mut starts = vec![0];
    let mut at = 0;
    while let (Some(kind), Some(len)) = (u16_at(&workbook, at), u16_at(&workbook, at + 2)) {
        if kind == 0x0085
            && let Some(position) = u32_at(&workbook, at + 4)
        {
            if starts.len() > MAX_SHEETS {
                return Some("it names more sheets than Annals reads in an .xls");
            }
            starts.push(position);
        }
        at += 4 + len;
    }
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .find_map(|start| xls_records_problem(&workbook, start, start > 0))
}

/// At most this many sheets are walked in an `.xls` (each from its own offset).
const MAX_SHEETS: usize = 1024;

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    bytes
        .get(at..at.checked_add(2)?)
        .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    bytes
        .get(at..at.checked_add(4)?)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// The records of a workbook stream from `start` (to the end, or with `one_sheet` to the
/// sheet's EOF), checked for what calamine cannot take.
fn xls_records_problem(workbook: &[u8], start: usize, one_sheet: bool) -> Option<&'static str> {
    let mut at = start;
    let mut sheet = SheetExtent::default();
    while let (Some(kind), Some(len)) = (u16_at(workbook, at), u16_at(workbook, at + 2)) {
        let data = at + 4;
        // Cell records start with row and column; MULRK and MULBLANK end with their last column.
        let (row, columns) = match kind {
            0x0006 | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027e | 0x00fd | 0x00d6 => (
                u16_at(workbook, data),
                u16_at(workbook, data + 2).map(|c| (c, c)),
            ),
            0x00bd | 0x00be => (
                u16_at(workbook, data),
                u16_at(workbook, data + 2).zip(u16_at(workbook, (data + len).saturating_sub(2))),
            ),
            _ => (None, None),
        };
        if columns.is_some_and(|(_, last)| last > 255) {
            return Some("a cell lies beyond column IV, the last an .xls sheet has");
        }
        if let (Some(row), Some((first, last))) = (row, columns) {
            sheet.cell(row, first, last);
        }
        // DIMENSIONS: calamine reserves rows × columns cells from it (seen: 367 GiB asked for).
        if kind == 0x0200 {
            let Some(dimensions) = workbook.get(data..data + len) else {
                return Some("a sheet's dimensions record is cut short");
            };
            match reserved_by(dimensions) {
                Some((rows, columns)) if rows > 65_536 || columns > 256 => {
                    return Some("a sheet claims more rows or columns than an .xls sheet has");
                }
                Some((rows, columns)) => sheet.claimed = rows * columns,
                None => {} // calamine refuses the record itself
            }
        }
        // BOF starts a sheet, EOF ends it: the block calamine makes of it must be in keeping
        // with the cells it holds.
        if kind == 0x0809 || kind == 0x000a {
            if sheet.too_spread() {
                return Some(SPREAD_OUT);
            }
            sheet = SheetExtent::default();
            if kind == 0x000a && one_sheet {
                return None;
            }
        }
        at = data + len;
    }
    sheet.too_spread().then_some(SPREAD_OUT)
}

/// The rows and columns calamine reserves for a DIMENSIONS record, worked out as it does
/// (calamine 0.38 `parse_dimensions`, then `end - start + 1` in u32): a first row after the
/// last wraps around to four billion rows. `None` where calamine refuses the record.
fn reserved_by(record: &[u8]) -> Option<(usize, usize)> {
    let (first_row, end_row, mut first_column, end_column) = match record.len() {
        10 => (
            u16_at(record, 0)?,
            u16_at(record, 2)?,
            u16_at(record, 4)?,
            u16_at(record, 6)?,
        ),
        14 | 16 => (
            u32_at(record, 0)?,
            u32_at(record, 4)?,
            u16_at(record, 8)?,
            u16_at(record, 10)?,
        ),
        _ => return None,
    };
    if first_column > 0xff || end_column < first_column {
        first_column = 0;
    }
    let (last_row, last_column) = if end_row >= 1 && end_column >= 1 {
        (end_row - 1, end_column - 1)
    } else {
        (first_row, first_column)
    };
    // The values came from 16- and 32-bit fields: they fit in u32.
    let span = |first: usize, last: usize| -> Option<usize> {
        let (first, last) = (u32::try_from(first).ok()?, u32::try_from(last).ok()?);
        Some(last.wrapping_sub(first).wrapping_add(1) as usize)
    };
    Some((span(first_row, last_row)?, span(first_column, last_column)?))
}

/// Why a sheet whose few cells span a huge block is refused.
const SPREAD_OUT: &str = "a sheet's few cells lie spread over a block of more than a million \
                          cells, far more than they fill; save it as .xlsx or .csv";

/// A `.xls` sheet's cells as its BIFF records give them: how many, the block they span, and the
/// block its DIMENSIONS record claims. calamine makes each sheet one dense block (32 bytes a
/// cell), so a 6 KiB file with a cell in A1 and one in IV65536 costs half a gigabyte.
#[derive(Debug, Default)]
struct SheetExtent {
    cells: usize,
    rows: Option<(usize, usize)>,
    columns: Option<(usize, usize)>,
    claimed: usize,
}

impl SheetExtent {
    /// Cells a sheet may span however few it fills.
    const FREE: usize = 1 << 20;

    fn cell(&mut self, row: usize, first: usize, last: usize) {
        // A damaged MULRK or MULBLANK may end before it starts.
        let (first, last) = (first.min(last), first.max(last));
        self.cells += last - first + 1;
        let grow = |span: Option<(usize, usize)>, lo: usize, hi: usize| {
            Some(span.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        };
        self.rows = grow(self.rows, row, row);
        self.columns = grow(self.columns, first, last);
    }

    fn too_spread(&self) -> bool {
        let spanned = match (self.rows, self.columns) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1) * (c1 - c0 + 1),
            _ => 0,
        };
        spanned.max(self.claimed) > Self::FREE.max(self.cells.saturating_mul(8))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
    use super::*;

    #[test]
    fn a_sheet_extent_counts_cells_and_takes_a_backwards_run_as_it_spans() {
        let mut sheet = SheetExtent::default();
        sheet.cell(3, 10, 2); // a damaged MULRK: columns 10 down to 2
        sheet.cell(5, 0, 0);
        assert_eq!(sheet.cells, 10);
        assert_eq!((sheet.rows, sheet.columns), (Some((3, 5)), Some((0, 10))));
        assert!(!sheet.too_spread());
        sheet.cell(65_535, 255, 255); // one cell far away: the block is 16.7 million cells
        assert!(sheet.too_spread());
    }

    #[test]
    fn dimensions_are_read_as_calamine_reserves_them() {
        let biff8 = |first_row: u32, end_row: u32, first_column: u16, end_column: u16| {
            let mut record = Vec::new();
            record.extend_from_slice(&first_row.to_le_bytes());
            record.extend_from_slice(&end_row.to_le_bytes());
            record.extend_from_slice(&first_column.to_le_bytes());
            record.extend_from_slice(&end_column.to_le_bytes());
            record.extend_from_slice(&[0, 0]);
            record
        };
        assert_eq!(reserved_by(&biff8(0, 10, 0, 3)), Some((10, 3)));
        // A first row after the last wraps around, as calamine's u32 arithmetic does.
        let (rows, _) = reserved_by(&biff8(7, 3, 0, 3)).unwrap();
        assert!(rows > 65_536, "{rows}");
        // A first column past IV is taken as A, as calamine does.
        assert_eq!(reserved_by(&biff8(0, 1, 300, 2)), Some((1, 2)));
        assert_eq!(
            reserved_by(&[0; 12]),
            None,
            "calamine refuses other lengths"
        );
    }
}
