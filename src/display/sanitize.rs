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
            '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Sanitises `text` like [`sanitize`] and maps `marks` (byte ranges of
/// `text` on character boundaries, sorted by start) to ranges of the
/// sanitised string. Overlapping marks are cut at the earlier one's end.
pub fn sanitize_marked(text: &str, marks: &[Mark]) -> (String, Vec<Mark>) {
    let mut out = String::with_capacity(text.len());
    let mut mapped = Vec::with_capacity(marks.len());
    let mut pos = 0;
    for m in marks {
        let (start, end) = (m.range.start.clamp(pos, text.len()), m.range.end.clamp(pos, text.len()));
        out.push_str(&sanitize(&text[pos..start]));
        let from = out.len();
        out.push_str(&sanitize(&text[start..end]));
        mapped.push(Mark { range: from..out.len(), strong: m.strong });
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
        let marks = [Mark { range: 2..11, strong: true }, Mark { range: 11..12, strong: false }];
        let (out, marks) = sanitize_marked(text, &marks);
        assert_eq!(&out[marks[0].range.clone()], "Vovchansk");
        assert_eq!(&out[marks[1].range.clone()], "\u{fffd}");
        assert!(out.starts_with("a Vovchansk"));
    }

    #[test]
    fn runs_of_whitespace_become_one_space() {
        assert_eq!(sanitize("a\tb\r\nc"), "a b c");
        assert_eq!(sanitize("money and\n    take  it\u{a0}now"), "money and take it\u{a0}now");
    }
}
