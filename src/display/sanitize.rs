use std::borrow::Cow;

use super::Mark;

/// Makes article text safe for a terminal: escape sequences and other control
/// characters (C0, DEL, C1) become U+FFFD or spaces, and bidirectional
/// overrides, which can make text display in a misleading order, are
/// removed. A run of spaces, tabs and line breaks becomes one space: callers
/// wrap text themselves, and a hard-wrapped, indented paragraph reads as
/// one paragraph (articles are prose: tab stops mean nothing in a pane).
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' if out.ends_with(' ') => {}
            ' ' | '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_bidi_control(c) => {}
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// [`sanitize_marked`] on the `span` of `text`, with `marks` given as byte
/// spans of the whole `text` (a passage's words in its article).
pub fn sanitize_span(
    text: &str,
    span: std::ops::Range<usize>,
    marks: &[Mark],
) -> (String, Vec<Mark>) {
    let relative: Vec<Mark> = marks
        .iter()
        .map(|m| Mark {
            range: m.range.start - span.start..m.range.end - span.start,
            strong: m.strong,
        })
        .collect();
    sanitize_marked(&text[span], &relative)
}

/// Is `c` a bidirectional control, which can make text display in a
/// misleading order (or a byte-order mark)?
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Makes multi-line text safe for a terminal or an export file, as
/// [`sanitize`] does for one line of a pane: line breaks (`\n`, and `\r\n`
/// as `\n`) and tabs stay; every other control character (C0, DEL, C1,
/// hence every escape sequence's introducer) becomes U+FFFD and
/// bidirectional overrides are removed. Text without any comes back as it
/// is, without copying.
pub fn sanitize_text(text: &str) -> Cow<'_, str> {
    let clean = |c: char| (!c.is_control() || c == '\n' || c == '\t') && !is_bidi_control(c);
    if text.chars().all(clean) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_bidi_control(c) => {}
            c if clean(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    Cow::Owned(out)
}

/// Sanitises `text` like [`sanitize`] and maps `marks` (byte ranges of
/// `text` on character boundaries, sorted by start) to ranges of the
/// sanitised string. Overlapping marks are cut at the earlier one's end.
pub fn sanitize_marked(text: &str, marks: &[Mark]) -> (String, Vec<Mark>) {
    let mut out = String::with_capacity(text.len());
    let mut mapped = Vec::with_capacity(marks.len());
    let mut pos = 0;
    for m in marks {
        let (start, end) = (
            m.range.start.clamp(pos, text.len()),
            m.range.end.clamp(pos, text.len()),
        );
        out.push_str(&sanitize(&text[pos..start]));
        let from = out.len();
        out.push_str(&sanitize(&text[start..end]));
        mapped.push(Mark {
            range: from..out.len(),
            strong: m.strong,
        });
        pos = end;
    }
    out.push_str(&sanitize(&text[pos..]));
    (out, mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_survive() {
        let s = sanitize("red \x1b[31mtext\x1b]0;title\x07 \u{9b}2J end\u{202e}evil");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert!(!s.contains('\u{202e}'));
        assert!(s.starts_with("red \u{fffd}[31mtext"));
    }

    #[test]
    fn marks_survive_sanitising() {
        let text = "a\tVovchansk\x07 fell";
        let marks = [
            Mark {
                range: 2..11,
                strong: true,
            },
            Mark {
                range: 11..12,
                strong: false,
            },
        ];
        let (out, marks) = sanitize_marked(text, &marks);
        assert_eq!(&out[marks[0].range.clone()], "Vovchansk");
        assert_eq!(&out[marks[1].range.clone()], "\u{fffd}");
        assert!(out.starts_with("a Vovchansk"));
    }

    #[test]
    fn runs_of_whitespace_become_one_space() {
        assert_eq!(sanitize("a\tb\r\nc"), "a b c");
        assert_eq!(
            sanitize("money and\n    take  it\u{a0}now"),
            "money and take it\u{a0}now"
        );
    }

    #[test]
    fn text_keeps_its_lines_and_tabs_and_loses_every_control() {
        let s = sanitize_text(
            "title\x1b]0;pwned\x07\r\nclear\x1b[2J\tcell\u{85}\u{9b}31m\rX\u{202e}\n",
        );
        assert_eq!(
            s,
            "title\u{fffd}]0;pwned\u{fffd}\nclear\u{fffd}[2J\tcell\u{fffd}\u{fffd}31m\u{fffd}X\n"
        );
        assert!(matches!(sanitize_text("plain\ttext\n"), Cow::Borrowed(_)));
    }
}
