//! Splitting a text into paragraphs and headings.
//!
//! Articles reach us in three shapes: one paragraph per line (the bundled
//! sample, most copy-paste from the web), paragraphs separated by blank lines,
//! and hard-wrapped paragraphs (lines broken mid-sentence inside a block).
//! We decide per block of non-blank lines: if a line inside a run ends
//! mid-sentence, the run is hard-wrapped and forms one paragraph; otherwise
//! each line is its own paragraph. All offsets are byte offsets into the
//! original text, so CRLF line ends and a BOM need no rewriting.

/// A paragraph or heading: a byte span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
}

/// One line's content, trimmed of whitespace, CR and BOM.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Body,
    /// Starts a new paragraph even inside hard-wrapped text: list items, quotes.
    BodyStart,
    Heading,
    /// A Markdown thematic break or setext underline: not text.
    Rule,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed_front = raw.trim_start_matches(is_space);
        let start = pos + (raw.len() - trimmed_front.len());
        let content = trimmed_front.trim_end_matches(is_space);
        out.push(Line {
            start,
            end: start + content.len(),
        });
        pos += raw.len();
    }
    out
}

/// Last character that carries meaning, skipping closing quotes and brackets.
fn final_char(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_'))
}

/// Does the line end where a sentence may end?
fn ends_sentence(s: &str) -> bool {
    matches!(final_char(s), Some('.' | '!' | '?' | '…' | ':' | ';'))
}

fn markdown_heading(s: &str) -> Option<&str> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &s[hashes..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None; // "#hashtag" is text
    }
    Some(
        rest.trim_end_matches(|c: char| c == '#' || is_space(c))
            .trim_start_matches(is_space),
    )
}

/// At least three of one of `=`, `-`, `*`, `_`, spaces between them
/// allowed. Asked of every line, so a line of text is turned down at its
/// first letter, without copying it.
fn is_rule(s: &str) -> bool {
    let mut marks = s.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks.next().filter(|c| matches!(c, '=' | '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    marks.all(|c| {
        count += 1;
        c == mark
    }) && count >= 3
}

fn starts_item(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '>') => chars.next().is_none_or(char::is_whitespace),
        _ => item_number(s).is_some(),
    }
}

/// The number of an ordered list item (`12. `, `3) `), if `s` starts one.
fn item_number(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    let marked = rest.starts_with(". ") || rest.starts_with(") ");
    (marked && (1..=3).contains(&digits))
        .then(|| s[..digits].parse().ok())
        .flatten()
}

/// May the item on line `i` start a paragraph? A numbered line inside
/// running text is more often a hard-wrapped sentence that went on with a
/// figure ("…counted\n12. Then…") than a list, so, as in CommonMark, an
/// ordered item interrupts running text only when it is item 1 or the text
/// it would interrupt is itself a (wrapped) list item; after a blank line
/// or a heading any item starts one.
fn item_starts_paragraph(text: &str, lines: &[Line], kinds: &[Option<LineKind>], i: usize) -> bool {
    let Some(number) = item_number(&text[lines[i].start..lines[i].end]) else {
        return true;
    };
    // The first line of the run of text that line `i` would join.
    let mut first = i;
    while first > 0 && kinds[first - 1] == Some(LineKind::Body) {
        first -= 1;
    }
    let run_start = first
        .checked_sub(1)
        .filter(|&p| kinds[p] == Some(LineKind::BodyStart))
        .unwrap_or(first);
    match kinds
        .get(run_start)
        .copied()
        .flatten()
        .filter(|_| run_start < i)
    {
        None | Some(LineKind::Heading | LineKind::Rule) => true,
        Some(_) => number == 1 || starts_item(&text[lines[run_start].start..lines[run_start].end]),
    }
}

/// A short line without final punctuation, starting like a title: a headline
/// or section heading when text follows it. Headlines do not end on a
/// function word; a hard-wrapped line often does ("The talks began on").
fn looks_like_heading(s: &str) -> bool {
    // The length first: most lines are long, and the rest reads every word.
    if s.len() > 120 {
        return false;
    }
    let words = s.split_whitespace().count();
    let last = s.split_whitespace().last().unwrap_or("").to_lowercase();
    let first = s.chars().next();
    words <= 14
        && first.is_some_and(|c| {
            c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'')
        })
        && !matches!(
            final_char(s),
            Some('.' | ',' | ';' | ':' | '-' | '–' | '—' | '…')
        )
        && !s.ends_with(['"', '”', '’'])
        && !LINKING_WORDS.contains(&last.as_str())
}

/// Words a sentence can break after but a headline does not end on.
const LINKING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "to", "and", "or", "but", "for", "with", "at", "by",
    "from", "as", "that", "which", "into", "than", "nor", "is", "are", "was", "were", "its",
    "their", "his", "her", "has", "have", "had",
];

/// Splits `text` into paragraphs in file order.
pub fn split(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let kinds = classify_lines(text, &lines);
    let mut out = Vec::new();
    // A run of body lines between blank lines, headings and rules.
    let mut run: Vec<Line> = Vec::new();
    for (line, kind) in lines.iter().zip(&kinds) {
        match kind {
            None | Some(LineKind::Rule) => flush_run(text, &mut run, &mut out),
            Some(LineKind::Heading) => {
                flush_run(text, &mut run, &mut out);
                let content = &text[line.start..line.end];
                let (start, end) = match markdown_heading(content) {
                    Some(inner) if !inner.is_empty() => {
                        let offset = inner.as_ptr() as usize - text.as_ptr() as usize;
                        (offset, offset + inner.len())
                    }
                    _ => (line.start, line.end),
                };
                out.push(Paragraph {
                    start,
                    end,
                    heading: true,
                });
            }
            Some(LineKind::BodyStart) => {
                flush_run(text, &mut run, &mut out);
                run.push(*line);
            }
            Some(LineKind::Body) => run.push(*line),
        }
    }
    flush_run(text, &mut run, &mut out);
    out
}

/// `None` for blank lines.
fn classify_lines(text: &str, lines: &[Line]) -> Vec<Option<LineKind>> {
    let widest = widest_in_block(text, lines);
    let mut kinds: Vec<Option<LineKind>> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        let kind = if s.is_empty() {
            None
        } else if is_rule(s) {
            // A setext underline promotes the text line just above it.
            let under_text = s.starts_with(['=', '-'])
                && matches!(
                    kinds.last(),
                    Some(Some(LineKind::Body | LineKind::BodyStart))
                );
            if under_text && let Some(prev) = kinds.last_mut() {
                *prev = Some(LineKind::Heading);
            }
            Some(LineKind::Rule)
        } else if markdown_heading(s).is_some() {
            Some(LineKind::Heading)
        } else if starts_item(s) && item_starts_paragraph(text, lines, &kinds, i) {
            Some(LineKind::BodyStart)
        } else {
            let prev_ends = match i.checked_sub(1).map(|p| (&kinds[p], lines[p])) {
                None | Some((None | Some(LineKind::Heading | LineKind::Rule), _)) => true,
                Some((_, prev)) => ends_sentence(&text[prev.start..prev.end]),
            };
            let text_follows = lines[i + 1..].iter().any(|l| l.end > l.start);
            // A hard-wrapped line continues into the next one in lower case,
            // or was broken only because the next word did not fit.
            let continues = || {
                lines
                    .get(i + 1)
                    .is_some_and(|n| text[n.start..n.end].starts_with(char::is_lowercase))
                    || broken_to_fit(text, lines, i, widest[i])
            };
            if prev_ends && text_follows && looks_like_heading(s) && !continues() {
                Some(LineKind::Heading)
            } else {
                Some(LineKind::Body)
            }
        };
        kinds.push(kind);
    }
    kinds
}

/// Columns from the start of the raw line (indentation included) to the end
/// of `line`'s content.
fn columns(text: &str, line: Line) -> usize {
    let raw_start = text[..line.start].rfind('\n').map_or(0, |i| i + 1);
    text[raw_start..line.end].chars().count()
}

/// For each line, the width in columns of the widest line of its block of
/// non-blank lines (one pass over the lines).
fn widest_in_block(text: &str, lines: &[Line]) -> Vec<usize> {
    let mut widest = vec![0; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&k| lines[k].end == lines[k].start)
            .map_or(lines.len(), |k| k + 1);
        let max = lines[start..end]
            .iter()
            .map(|&l| columns(text, l))
            .max()
            .unwrap_or(0);
        widest[start..end].fill(max);
        start = end;
    }
    widest
}

/// Was line `i` broken only because the next line's first word would not
/// fit on the widest line of its block (`widest` columns)? That is a hard
/// wrap inside a paragraph ("...licensed under this" / "License."), never a
/// heading: a heading ends where the next word would still have fitted.
fn broken_to_fit(text: &str, lines: &[Line], i: usize, widest: usize) -> bool {
    let Some(next) = lines.get(i + 1).filter(|n| n.end > n.start) else {
        return false;
    };
    let next_word = text[next.start..next.end]
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    columns(text, lines[i]) + 1 + next_word > widest
}

/// Turns a run of body lines into paragraphs: one paragraph if the run is
/// hard-wrapped (some line before the last ends mid-sentence), else one per line.
fn flush_run(text: &str, run: &mut Vec<Line>, out: &mut Vec<Paragraph>) {
    if run.is_empty() {
        return;
    }
    let wrapped = run[..run.len() - 1]
        .iter()
        .any(|l| !ends_sentence(&text[l.start..l.end]));
    if wrapped {
        out.push(Paragraph {
            start: run[0].start,
            end: run[run.len() - 1].end,
            heading: false,
        });
    } else {
        out.extend(run.iter().map(|l| Paragraph {
            start: l.start,
            end: l.end,
            heading: false,
        }));
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, bool)> {
        split(text)
            .iter()
            .map(|p| (text[p.start..p.end].to_string(), p.heading))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_with_headings() {
        let t = "Critical Diplomacy\nPutin will meet Witkoff. The talks start.\nKyiv rejects it.\nFrontline Claims\nRussia claims gains.\n";
        assert_eq!(
            texts(t),
            vec![
                ("Critical Diplomacy".into(), true),
                ("Putin will meet Witkoff. The talks start.".into(), false),
                ("Kyiv rejects it.".into(), false),
                ("Frontline Claims".into(), true),
                ("Russia claims gains.".into(), false),
            ]
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_one_paragraph() {
        let t = "The talks began on\nMonday in Moscow.\n\nA second paragraph\nwraps here too.\n";
        assert_eq!(
            texts(t),
            vec![
                ("The talks began on\nMonday in Moscow.".into(), false),
                ("A second paragraph\nwraps here too.".into(), false)
            ]
        );
    }

    #[test]
    fn crlf_and_bom_keep_original_offsets() {
        let t = "\u{feff}Title Here\r\n\r\nBody text here.\r\n";
        let ps = split(t);
        assert_eq!(&t[ps[0].start..ps[0].end], "Title Here");
        assert!(ps[0].heading);
        assert_eq!(&t[ps[1].start..ps[1].end], "Body text here.");
    }

    proptest::proptest! {
        /// A rule is three or more of one mark and nothing else but spaces:
        /// checked against that definition, spelt out, on lines of marks,
        /// spaces and letters.
        #[test]
        fn rules_are_three_or_more_of_one_mark(s in "[-=*_ \ta]{0,7}") {
            let marks: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
            let want = marks.len() >= 3 && ['=', '-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m));
            proptest::prop_assert_eq!(is_rule(&s), want);
        }
    }

    #[test]
    fn markdown_headings_and_rules() {
        let t = "# The Title #\n\nText.\n\n---\n\nSub\n===\n\nMore text.\n";
        assert_eq!(
            texts(t),
            vec![
                ("The Title".into(), true),
                ("Text.".into(), false),
                ("Sub".into(), true),
                ("More text.".into(), false)
            ]
        );
    }

    #[test]
    fn last_line_and_wrapped_continuations_are_not_headings() {
        // "Monday in Moscow" is short and unpunctuated but continues a sentence.
        let t = "Talks began on\nMonday in Moscow\nand ended late.\n\nShort final line\n";
        let ps = texts(t);
        assert_eq!(ps.len(), 2);
        assert!(ps.iter().all(|(_, h)| !h));
    }

    #[test]
    fn a_line_broken_because_the_next_word_did_not_fit_is_not_a_heading() {
        let text = "  \"The Program\" refers to any copyrightable work licensed under this\nLicense.  Each licensee is addressed as \"you\".  \"Licensees\" and\n\"recipients\" may be individuals or organizations.\n";
        assert_eq!(texts(text).len(), 1, "{:?}", texts(text));
        let title = "Title\n\n  The council said the plan would cost a great deal of money and\n    take many years to finish.\n";
        assert_eq!(texts(title)[0], ("Title".to_string(), true));
    }

    #[test]
    fn list_items_are_separate_paragraphs() {
        let t = "Key points\n- first point\n- second point\n";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn a_wrapped_line_that_goes_on_with_a_figure_is_not_a_list_item() {
        // Re-wrapped prose put "12." at a line start; it is no list (the
        // layout invariant found this).
        let t = "The mayor said the count was\n12. Then the council met on Tuesday.\n";
        assert_eq!(texts(t).len(), 1);
        // A numbered list stays one paragraph per item, wrapped items too.
        let list = "Steps\n\n1. Read the first\n   version today.\n2. Then the second.\n12. And the last.\n";
        assert_eq!(texts(list).len(), 4, "{:?}", texts(list));
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(split("").is_empty());
        assert!(split("\n\n  \r\n").is_empty());
    }
}
