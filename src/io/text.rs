//! Text from other tools' files as plain text: HTML tags removed (never interpreted), entities
//! decoded, whitespace folded.

/// `<p>Euclid's <i>Optica</i> &amp; more</p>` → `Euclid's Optica & more`. Block tags (`p`, `br`,
/// `div`, `li`) become line breaks; everything else inside `<…>` is dropped.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        out.push_str(rest.get(..start).unwrap_or(""));
        let tail = rest.get(start..).unwrap_or("");
        if tail.starts_with('<') {
            let Some(end) = tail.find('>') else {
                out.push_str(tail);
                rest = "";
                break;
            };
            let tag = tail
                .get(1..end)
                .unwrap_or("")
                .trim_start_matches('/')
                .to_ascii_lowercase();
            let name: String = tag
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if matches!(
                name.as_str(),
                "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4"
            ) {
                out.push('\n');
            }
            rest = tail.get(end + 1..).unwrap_or("");
        } else {
            let end = tail.find(';').filter(|&i| i <= 10);
            if let Some(c) = end.and_then(|i| decode_entity(tail.get(1..i).unwrap_or(""))) {
                out.push(c);
                rest = tail.get(end.unwrap_or(0) + 1..).unwrap_or("");
            } else {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    fold_whitespace(&out)
}

fn decode_entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "hellip" => Some('…'),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "rdquo" => Some('”'),
        "ldquo" => Some('“'),
        _ => None,
    };
    named.or_else(|| {
        let number = name.strip_prefix('#')?;
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')
    })
}

/// Collapses runs of spaces within lines and drops blank lines (paragraphs become single lines).
fn fold_whitespace(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn tags_are_removed_and_entities_decoded() {
        assert_eq!(plain_text("Euclid's <i>Optica</i>"), "Euclid's Optica");
        assert_eq!(
            plain_text("<p>one</p><p>two &amp; three</p>"),
            "one\ntwo & three"
        );
        assert_eq!(plain_text("a <script>alert(1)</script> b"), "a alert(1) b");
        assert_eq!(
            plain_text("Elizabeth Taylor<br/> 1932-2011"),
            "Elizabeth Taylor\n1932-2011"
        );
        assert_eq!(
            plain_text("&#233;t&#xE9; &bogus; 5 < 6"),
            "été &bogus; 5 < 6"
        );
        assert_eq!(plain_text("x &#0; y"), "x &#0; y");
        assert_eq!(plain_text("unclosed <b"), "unclosed <b");
    }
}
