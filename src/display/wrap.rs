use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal cells (wide CJK and emoji count 2, combining
/// marks 0).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// A part of a text to emphasise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    /// Strong: a differing fact; otherwise a reworded word.
    pub strong: bool,
}

/// A wrapped line and the parts of it to emphasise (byte ranges relative to
/// the line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub text: String,
    pub marks: Vec<Mark>,
}

/// Wraps already-sanitised `text` into line ranges of at most `max` cells,
/// breaking at spaces; a word longer than a line is broken between
/// characters. Never drops a character other than the spaces a line breaks
/// at. Empty text gives one empty line.
///
/// A line's width is measured over everything it holds, so a run of spaces
/// inside it (an indented or hard-wrapped paragraph whose line breaks became
/// spaces) counts in full: counting it as one space made such lines wider
/// than the pane, and the pane cut their last words off.
fn wrap_ranges(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut line_width = 0;
    let mut pos = 0;
    for word in text.split(' ') {
        let start = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let end = start + word.len();
        let w = width(word);
        if let Some(current) = &mut line {
            // The spaces between the line so far and this word, all of them.
            let gap = start - current.end;
            if line_width + gap + w <= max {
                current.end = end;
                line_width += gap + w;
                continue;
            }
            lines.push(line.take().expect("checked above"));
        }
        if w <= max {
            line = Some(start..end);
            line_width = w;
            continue;
        }
        // A word wider than the line: break it between characters.
        let mut piece = start;
        line_width = 0;
        for (i, c) in word.char_indices() {
            let cw = c.width().unwrap_or(0);
            if line_width + cw > max && line_width > 0 {
                lines.push(piece..start + i);
                piece = start + i;
                line_width = 0;
            }
            line_width += cw;
        }
        line = Some(piece..end);
    }
    lines.extend(line);
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Wraps `text` into lines of at most `max` cells.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_ranges(text, max)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Wraps `text` and carries the emphasised parts `marks` (byte ranges of
/// `text`) over to each line.
pub fn wrap_marked(text: &str, marks: &[Mark], max: usize) -> Vec<Line> {
    wrap_ranges(text, max)
        .into_iter()
        .map(|r| {
            let line_marks = marks
                .iter()
                .filter(|m| m.range.start < r.end && m.range.end > r.start)
                .map(|m| Mark {
                    range: m.range.start.max(r.start) - r.start..m.range.end.min(r.end) - r.start,
                    strong: m.strong,
                })
                .filter(|m| !m.range.is_empty())
                .collect();
            Line {
                text: text[r].to_string(),
                marks: line_marks,
            }
        })
        .collect()
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
        assert_eq!(wrap("ab abcdefghij", 4), vec!["ab", "abcd", "efgh", "ij"]);
        let lines = wrap("東京都 渋谷区", 6);
        assert_eq!(lines, vec!["東京都", "渋谷区"]);
        assert!(lines.iter().all(|l| width(l) <= 6));
    }

    /// The cause of words cut off at the end of lines: a run of spaces was
    /// measured as one, so the line overflowed its column.
    #[test]
    fn runs_of_spaces_count_in_full() {
        let text = "cost a great deal of money and     take many years to finish";
        let lines = wrap(text, 34);
        assert!(lines.iter().all(|l| width(l) <= 34), "{lines:?}");
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 5), vec![String::new()]);
        assert_eq!(wrap("   ", 5), vec![String::new()]);
    }

    #[test]
    fn marks_follow_their_words_across_lines() {
        let text = "the border town of Vovchansk fell";
        let marks = [
            Mark {
                range: 4..15,
                strong: false,
            },
            Mark {
                range: 19..28,
                strong: true,
            },
        ]; // "border town", "Vovchansk"
        let lines = wrap_marked(text, &marks, 12);
        let marked: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| l.marks.iter().map(|m| &l.text[m.range.clone()]).collect())
            .collect();
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            vec!["the border", "town of", "Vovchansk", "fell"]
        );
        assert_eq!(
            marked,
            vec![vec!["border"], vec!["town"], vec!["Vovchansk"], vec![]]
        );
        assert!(lines[2].marks[0].strong && !lines[0].marks[0].strong);
    }
}
