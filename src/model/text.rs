//! Text from files, made safe to *show*: control characters and bidirectional overrides become
//! visible `[U+XXXX]` marks (so a title cannot reorder what is drawn after it or hide a
//! right-to-left trick), and long strings are cut with a note of how much was left out. The model
//! keeps the original text; only what is drawn passes through here.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Longest title drawn on the timeline, in the list and in tooltips.
pub const TITLE_CHARS: usize = 300;
/// Longest description shown in the detail panel.
pub const DESCRIPTION_CHARS: usize = 20_000;

/// Whether `c` changes the direction of the text around it (the "Trojan Source" characters).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

fn needs_mark(c: char, multiline: bool) -> bool {
    (c.is_control() && !(multiline && (c == '\n' || c == '\t'))) || is_bidi_control(c)
}

/// `text` for display on one line, at most `max_chars` characters (plus the note of what was cut).
pub fn one_line(text: &str, max_chars: usize) -> Cow<'_, str> {
    shown(text, max_chars, false)
}

/// `text` for display over several lines (newlines and tabs kept), at most `max_chars` characters.
pub fn multi_line(text: &str, max_chars: usize) -> Cow<'_, str> {
    shown(text, max_chars, true)
}

fn shown(text: &str, max_chars: usize, multiline: bool) -> Cow<'_, str> {
    let clean = !text.chars().any(|c| needs_mark(c, multiline));
    let (short, cut) = match text.char_indices().nth(max_chars) {
        Some((end, _)) => (&text[..end], text[end..].chars().count()),
        None => (text, 0),
    };
    if clean && cut == 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(short.len() + 16);
    for c in short.chars() {
        if needs_mark(c, multiline) {
            if c == '\n' || c == '\r' || c == '\t' {
                out.push(' ');
            } else {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
        } else {
            out.push(c);
        }
    }
    if cut > 0 {
        let _ = write!(out, "… ({cut} more characters)");
    }
    Cow::Owned(out)
}

/// `n` with thousands separators: 1,204,331 (the same grouping as years in `civil`).
pub fn thousands(n: usize) -> String {
    super::civil::group_thousands_i128(i128::try_from(n).unwrap_or(i128::MAX))
}

/// A count and its noun, singular for one: "1 event", "2 events", "1,204 files". `noun` is the
/// singular; the plural adds "s" (every noun Annals counts does).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n))
    }
}

/// How a file is named to a person: its name, or the whole path where it has none (`/`, `..`).
pub fn file_name_of(path: impl AsRef<std::path::Path>) -> String {
    let path = path.as_ref();
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `bytes` in binary units, as everywhere in Annals: "812 KiB", "9.5 MiB", "143 MiB", "4 GiB"
/// (one decimal under ten, none where it would be ".0").
pub fn size_label(bytes: u64) -> String {
    let b = bytes as f64;
    let (value, unit) = [(1u64 << 30, "GiB"), (1 << 20, "MiB")]
        .into_iter()
        .find(|&(size, _)| b >= size as f64)
        .map_or(((b / 1024.0).max(1.0), "KiB"), |(size, unit)| {
            (b / size as f64, unit)
        });
    let text = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    format!("{} {unit}", text.strip_suffix(".0").unwrap_or(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "event"), "1 event");
        assert_eq!(count(0, "file"), "0 files");
        assert_eq!(count(2, "problem"), "2 problems");
        assert_eq!(count(12_345, "event"), "12,345 events");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_204_331), "1,204,331");
    }

    #[test]
    fn ordinary_text_is_untouched_and_not_copied() {
        assert!(matches!(
            one_line("Belnet DDoS, 4–5 May 2021", 300),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn controls_and_bidi_overrides_become_visible_marks() {
        assert_eq!(
            one_line("invoice\u{202e}fdp.exe\u{0}", 300),
            "invoice[U+202E]fdp.exe[U+0000]"
        );
        assert_eq!(one_line("two\nlines\ttab", 300), "two lines tab");
        assert_eq!(
            multi_line("two\nlines\ttab\u{7}", 300),
            "two\nlines\ttab[U+0007]"
        );
        assert_eq!(one_line("\u{2066}x\u{2069}", 300), "[U+2066]x[U+2069]");
    }

    #[test]
    fn long_text_is_cut_with_a_count_of_what_was_left_out() {
        let title = "é".repeat(1_000);
        let shown = one_line(&title, TITLE_CHARS);
        assert!(shown.starts_with(&"é".repeat(300)));
        assert!(shown.ends_with("… (700 more characters)"), "{shown}");
        assert_eq!(one_line("short", 5), "short");
    }
}
