//! Text that tandem writes to a file or prints as a document (exports,
//! `tandem text`): no C0 or C1 control character other than line feed and
//! tab, so an article's escape sequences or a note's stray bytes never reach
//! a terminal or a spreadsheet; bidirectional overrides, which can make a
//! text read in a misleading order, are dropped.

/// Replaces every control character except `\n` and `\t` with U+FFFD
/// (a carriage return before a line feed is simply dropped) and removes
/// bidirectional overrides and isolates.
pub fn controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
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
    fn only_line_feed_and_tab_survive() {
        let dirty = "a\x1b[2Jb\x1b]0;t\x07c\u{9b}d\r\ne\rf\u{202e}g\th\u{85}\0";
        let clean = controls(dirty);
        assert_eq!(
            clean,
            "a\u{fffd}[2Jb\u{fffd}]0;t\u{fffd}c\u{fffd}d\ne\u{fffd}fg\th\u{fffd}\u{fffd}"
        );
        assert!(
            clean
                .chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
        );
    }
}
