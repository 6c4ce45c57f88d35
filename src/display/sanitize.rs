/// Spaces a tab expands to. Articles are prose: alignment to tab stops means
/// nothing in a wrapped pane, so a fixed width keeps measuring simple.
const TAB_WIDTH: usize = 4;

/// Makes article text safe for a terminal: escape sequences and other control
/// characters (C0, DEL, C1) become U+FFFD or spaces, tabs become spaces, and
/// bidirectional overrides, which can make text display in a misleading
/// order, are removed. Line breaks become spaces: callers wrap text themselves.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
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
    fn tabs_and_newlines_become_spaces() {
        assert_eq!(sanitize("a\tb\r\nc"), "a    b  c");
    }
}
