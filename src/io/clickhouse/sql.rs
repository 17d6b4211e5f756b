//! SQL text built safely: names are checked, strings are quoted with every special character
//! escaped, numbers are formatted by Rust. Nothing else is ever put into a query.

/// Checks a database, table or column name: ASCII letters, digits and `_`, not starting with a
/// digit, at most 64 characters. Stricter than ClickHouse, so a name never needs escaping and
/// reads the same in every version.
pub fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit();
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{:?} is not a name Annals uses: letters, digits and _ only, not starting with a digit, at most 64",
            crate::model::text::one_line(name, 80)
        ))
    }
}

/// A name in backquotes. Names are checked by [`check_name`] before they get here; anything
/// else is escaped all the same.
pub fn ident(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('`');
    for c in name.chars() {
        match c {
            '`' => out.push_str("\\`"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

/// A string literal: single quotes, with backslash, quote and control characters escaped
/// (ClickHouse reads `\\`, `\'`, `\n`, `\t`, `\r`, `\0` and `\xHH` in every version).
pub fn string(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_name("events_2024").is_ok());
        assert!(check_name("_x").is_ok());
        for bad in ["", "1x", "a-b", "a b", "a`b", "ä", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(ident("t"), "`t`");
        assert_eq!(ident("a`b\\"), "`a\\`b\\\\`");
    }

    #[test]
    fn strings_cannot_end_early() {
        assert_eq!(string("it's"), "'it\\'s'");
        assert_eq!(string("a\\'b"), "'a\\\\\\'b'");
        assert_eq!(string("x\n\t\r\0\u{1}y"), "'x\\n\\t\\r\\0\\x01y'");
        // After the opening quote, a quote only ever appears escaped.
        for hostile in ["'; DROP TABLE t; --", "\\'", "\\\\'", "'\u{0}'", "é'ü"] {
            let quoted = string(hostile);
            let inner = &quoted[1..quoted.len() - 1];
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '\'' => panic!("an unescaped quote in {quoted}"),
                    _ => {}
                }
            }
        }
    }
}
