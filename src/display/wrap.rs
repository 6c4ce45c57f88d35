use unicode_width::UnicodeWidthStr;

/// Display width in terminal cells (wide CJK and emoji count 2, combining
/// marks 0).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps already-sanitised `text` into lines of at most `max` cells, breaking
/// at spaces; a word longer than a line is broken between characters. Never
/// drops text: the lines joined with spaces give back the words in order.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = width(word);
        if line_width > 0 && line_width + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            line_width += 1 + w;
            continue;
        }
        if line_width > 0 {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if w <= max {
            line.push_str(word);
            line_width = w;
            continue;
        }
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if line_width + cw > max && line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += cw;
        }
    }
    if line_width > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_keeps_every_word() {
        let lines = wrap("the quick brown fox jumps over", 10);
        assert_eq!(lines, vec!["the quick", "brown fox", "jumps over"]);
    }

    #[test]
    fn long_words_and_wide_characters() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        let lines = wrap("東京都 渋谷区", 6);
        assert_eq!(lines, vec!["東京都", "渋谷区"]);
        assert!(lines.iter().all(|l| width(l) <= 6));
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 5), vec![String::new()]);
    }
}
