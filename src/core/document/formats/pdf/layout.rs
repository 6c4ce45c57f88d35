//! From glyphs on pages to the article's paragraphs: glyphs on one
//! baseline become lines, a page whose lines stand in two blocks side by
//! side is read column by column, and lines become paragraphs where the
//! spacing, the size of the type or a list bullet says a new one begins.
//!
//! Positions are in PDF units (1/72 inch) with y growing down the page;
//! every tolerance is a fraction of the font size, so the rules hold for
//! any size of type.

use std::collections::HashSet;

use super::super::Extracted;
use super::super::blocks::Blocks;
use super::margins;

/// One character as placed on the page.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    /// Where the glyph's advance ends.
    pub end: f64,
    /// The baseline, from the top of the page.
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// A page's glyphs in the order the PDF draws them.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// A line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// A gap wider than this (in font sizes) between glyphs on one baseline
/// is a word space.
const WORD_GAP: f64 = 0.12;
/// A gap wider than this on one baseline separates two columns (or a
/// table's cells), never words.
const COLUMN_GAP: f64 = 1.0;
/// Baselines closer than this (in font sizes) are one line.
const SAME_BASELINE: f64 = 0.3;

/// The article in the pages: paragraphs in reading order, with the
/// printer's running headers and footers left out.
pub fn article(pages: &[Page]) -> Extracted {
    let mut lines: Vec<Vec<Line>> = pages.iter().map(|p| reading_order(lines_of(p))).collect();
    margins::drop_running(&mut lines, pages);
    paragraphs(&lines)
}

/// The lines of a page. Glyphs drawn one after another along a baseline
/// form a run, in the order drawn (a font's widths are not always to be
/// trusted, the order is); runs on one baseline are then put in order
/// left to right and joined where the gap between them is not wide enough
/// to part two columns.
pub fn lines_of(page: &Page) -> Vec<Line> {
    let mut runs: Vec<Line> = Vec::new();
    let mut last: Option<&Glyph> = None;
    // A blank glyph is a space only if the next glyph starts after it: a
    // browser draws a soft hyphen as a blank that the next letter overlaps.
    let mut blank: Option<&Glyph> = None;
    for g in page.glyphs.iter().filter(|g| g.size > 0.0) {
        let is_blank = g.text.chars().all(char::is_whitespace);
        let goes_on = last.is_some_and(|p| {
            let size = p.size.max(g.size);
            (g.y - p.y).abs() <= SAME_BASELINE * size
                && g.x >= p.x - 0.5 * size
                && g.x <= p.end + COLUMN_GAP * size
        });
        match runs.last_mut() {
            Some(run) if goes_on => {
                if is_blank {
                    blank = blank.or(Some(g));
                } else {
                    let spaced = match blank.take() {
                        Some(b) => g.x >= (b.x + b.end) / 2.0,
                        None => last.is_some_and(|p| g.x - p.end > WORD_GAP * g.size),
                    };
                    if spaced {
                        push_space(&mut run.text);
                    }
                    run.text.push_str(&g.text);
                    run.size = run.size.max(g.size);
                }
                run.x1 = run.x1.max(g.end);
            }
            _ => {
                blank = None;
                runs.push(Line {
                    x0: g.x,
                    x1: g.end,
                    y: g.y,
                    size: if is_blank { 0.0 } else { g.size },
                    text: if is_blank {
                        String::new()
                    } else {
                        g.text.clone()
                    },
                });
            }
        }
        last = Some(g);
    }
    runs.retain(|r| !r.text.trim().is_empty());
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<Line>> = Vec::new();
    for run in runs {
        match rows.last_mut() {
            Some(row) if (run.y - row[0].y).abs() <= SAME_BASELINE * row[0].size.max(run.size) => {
                row.push(run)
            }
            _ => rows.push(vec![run]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut runs = row.into_iter();
        let Some(mut line) = runs.next() else {
            continue;
        };
        for run in runs {
            let gap = run.x0 - line.x1;
            if gap <= COLUMN_GAP * run.size.max(line.size) {
                if gap > WORD_GAP * run.size {
                    push_space(&mut line.text);
                }
                line.text.push_str(&run.text);
                line.x1 = line.x1.max(run.x1);
                line.size = line.size.max(run.size);
            } else {
                lines.push(std::mem::replace(&mut line, run));
            }
        }
        lines.push(line);
    }
    for l in &mut lines {
        l.text = clean(&l.text);
    }
    lines
}

fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// Ligatures spelled out, soft hyphens (invisible where the word is not
/// broken; at a break the printer draws a hyphen of its own) dropped and
/// white space made plain: the text compares with the same words typed out.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c if c.is_control() || c == '\u{ad}' => {}
            c if c.is_whitespace() && c != '\u{a0}' => push_space(&mut out),
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// A page's lines in reading order: top to bottom, except where the page
/// has two columns, which are read left then right between the lines that
/// run across both (a title, a full-width picture's caption).
pub fn reading_order(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let Some(gutter) = gutter(&lines) else {
        return lines;
    };
    let mut out = Vec::with_capacity(lines.len());
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in lines {
        if line.x1 <= gutter {
            left.push(line);
        } else if line.x0 >= gutter {
            right.push(line);
        } else {
            out.append(&mut left);
            out.append(&mut right);
            out.push(line);
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

/// Where a page splits into two columns, if it does: an x in the middle
/// third of the text that few lines cross, with several lines on each side
/// of it at the same heights.
fn gutter(lines: &[Line]) -> Option<f64> {
    let x0 = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let x1 = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    if lines.len() < 6 || x1.partial_cmp(&x0) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let crossing = |x: f64| lines.iter().filter(|l| l.x0 < x && l.x1 > x).count();
    let (best, crossed) = (0..=60)
        .map(|i| x0 + (x1 - x0) * (1.0 / 3.0 + f64::from(i) / 180.0))
        .map(|x| (x, crossing(x)))
        .min_by_key(|&(_, n)| n)?;
    let left: Vec<&Line> = lines.iter().filter(|l| l.x1 <= best).collect();
    let right: Vec<&Line> = lines.iter().filter(|l| l.x0 >= best).collect();
    // Side by side: right-hand lines sit at the heights of left-hand ones.
    let beside = right
        .iter()
        .filter(|r| left.iter().any(|l| (l.y - r.y).abs() <= l.size.max(r.size)))
        .count();
    let enough = |n: usize| n >= 3 && n * 5 >= lines.len();
    (enough(left.len())
        && enough(right.len())
        && beside * 2 >= right.len()
        && crossed * 10 <= lines.len())
    .then_some(best)
}

/// The most common font size of the text, weighted by its characters.
pub fn body_size(lines: &[Vec<Line>]) -> f64 {
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for l in lines.iter().flatten() {
        let size = (l.size * 2.0).round() / 2.0;
        match sizes.iter_mut().find(|(s, _)| *s == size) {
            Some((_, n)) => *n += l.text.len(),
            None => sizes.push((size, l.text.len())),
        }
    }
    sizes
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(10.0, |(s, _)| s)
}

/// Type this much larger than the body's is a heading.
const HEADING_SCALE: f64 = 1.15;
/// Baselines further apart than this many times the usual line pitch
/// leave a gap between paragraphs.
const PARAGRAPH_GAP: f64 = 1.3;

/// Characters that mark a list item on the page, but are not its text.
const BULLETS: &[char] = &['•', '◦', '▪', '▫', '■', '□', '●', '○', '‣', '⁃', '∙', '·'];

/// Lines joined into paragraphs, in reading order across pages.
fn paragraphs(pages: &[Vec<Line>]) -> Extracted {
    let body = body_size(pages);
    let pitch = line_pitch(pages, body);
    let mut paras: Vec<(Vec<String>, bool)> = Vec::new();
    let mut previous: Option<&Line> = None;
    for (page, lines) in pages.iter().enumerate() {
        for (i, line) in lines.iter().enumerate() {
            let heading = line.size > body * HEADING_SCALE;
            let text = line.text.trim_start_matches(BULLETS).trim_start();
            let bullet = text.len() < line.text.len();
            let same = previous.is_some_and(|p| {
                continues(p, line, pitch, i == 0 && page > 0)
                    && !bullet
                    && (p.size > body * HEADING_SCALE) == heading
            });
            match paras.last_mut() {
                Some((para, _)) if same => para.push(text.to_string()),
                _ => paras.push((vec![text.to_string()], heading)),
            }
            previous = Some(line);
        }
    }
    let compounds = vocabulary(pages);
    let mut blocks = Blocks::default();
    for (lines, heading) in paras {
        blocks.push(&join(&lines, &compounds));
        if heading {
            blocks.heading();
        }
        blocks.end();
    }
    blocks.finish(false)
}

/// Does `next` go on the paragraph `prev` is in? Across a page or column
/// break (the next line is higher up the page, or on the next page) it does
/// when the sentence is unfinished; otherwise when it follows at the usual
/// pitch (`pitch` font sizes from baseline to baseline) in type of the
/// same size.
fn continues(prev: &Line, next: &Line, pitch: f64, new_page: bool) -> bool {
    let same_size = (next.size - prev.size).abs() <= 0.1 * prev.size;
    if new_page || next.y < prev.y {
        let unfinished = !prev
            .text
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?', ':', ';']);
        return same_size && unfinished;
    }
    same_size && next.y - prev.y <= pitch * prev.size * PARAGRAPH_GAP
}

/// The usual distance between baselines of body text, in font sizes: the
/// lower quartile of the gaps between consecutive lines in the body's
/// size, below the larger gaps between paragraphs.
fn line_pitch(pages: &[Vec<Line>], body: f64) -> f64 {
    let mut gaps: Vec<f64> = pages
        .iter()
        .flat_map(|lines| lines.windows(2))
        .filter(|w| (w[0].size - body).abs() < 0.1 * body && (w[1].size - body).abs() < 0.1 * body)
        .map(|w| (w[1].y - w[0].y) / body)
        .filter(|&g| g > 0.5 && g < 3.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 4).copied().unwrap_or(1.2)
}

/// Every hyphenated word of the text, for telling a compound broken at
/// a line end (`two-thirds`, spelled so elsewhere) from a word hyphenated
/// to fit.
fn vocabulary(pages: &[Vec<Line>]) -> HashSet<String> {
    pages
        .iter()
        .flatten()
        .flat_map(|l| l.text.split_whitespace())
        .map(word)
        .filter(|w| w.contains('-'))
        .collect()
}

/// A word as the vocabulary holds it: lower case, without the punctuation
/// around it, any hyphen spelled `-`.
fn word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && !is_hyphen(c))
        .chars()
        .map(|c| if is_hyphen(c) { '-' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

/// A paragraph's lines as one text: joined by spaces, and a word broken
/// by a hyphen at a line end put back together, unless the document spells
/// it with the hyphen elsewhere.
fn join(lines: &[String], compounds: &HashSet<String>) -> String {
    let mut out = String::new();
    for line in lines {
        let Some(last) = out.chars().last() else {
            out.push_str(line);
            continue;
        };
        let head = out.rsplit(' ').next().unwrap_or_default();
        let stem = head.trim_end_matches(is_hyphen);
        let broken = is_hyphen(last)
            && stem.chars().last().is_some_and(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_lowercase);
        if broken {
            let tail = line.split_whitespace().next().unwrap_or_default();
            if !compounds.contains(&word(&format!("{stem}-{tail}"))) {
                out.pop();
            }
        } else {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text set at `x`, baseline `y`, in 10-point type about
    /// half a point per character wide.
    pub(crate) fn line(x: f64, y: f64, text: &str) -> Line {
        Line {
            x0: x,
            x1: x + 5.0 * text.chars().count() as f64,
            y,
            size: 10.0,
            text: text.into(),
        }
    }

    fn glyphs(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + 5.0 * i as f64,
                end: x + 5.0 * (i + 1) as f64,
                y,
                size: 10.0,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn glyphs_on_a_baseline_become_a_line_in_order_whatever_the_drawing_order() {
        let mut g = glyphs(100.0, 50.0, "world");
        g.extend(glyphs(40.0, 50.2, "Hello"));
        g.extend(glyphs(40.0, 62.0, "ﬁne"));
        let page = Page {
            height: 800.0,
            glyphs: g,
        };
        let texts: Vec<String> = lines_of(&page).into_iter().map(|l| l.text).collect();
        // "Hello" ends at 65, "world" begins at 100: 3.5 sizes apart, two columns' worth.
        assert_eq!(texts, ["Hello", "world", "fine"]);
        let mut g = glyphs(40.0, 50.0, "Hello");
        g.extend(glyphs(67.0, 50.0, "world"));
        let page = Page {
            glyphs: g,
            ..Page::default()
        };
        assert_eq!(lines_of(&page)[0].text, "Hello world");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_under_a_title_across_both() {
        let mut lines = vec![line(
            40.0,
            20.0,
            "A title that runs right across the two columns, wide",
        )];
        for i in 0..5 {
            let y = 40.0 + 12.0 * f64::from(i);
            lines.push(line(40.0, y, &format!("left {i} of the first column")));
            lines.push(line(220.0, y, &format!("right {i} of the second one")));
        }
        let order: Vec<String> = reading_order(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(
            order[0],
            "A title that runs right across the two columns, wide"
        );
        assert!(
            order[1..6].iter().all(|t| t.starts_with("left")),
            "{order:?}"
        );
        assert!(
            order[6..].iter().all(|t| t.starts_with("right")),
            "{order:?}"
        );
    }

    #[test]
    fn one_column_with_short_last_lines_stays_in_order() {
        let lines: Vec<Line> = (0..8)
            .map(|i| {
                let text = if i % 3 == 2 {
                    "short end."
                } else {
                    "a long line of body text running across"
                };
                line(40.0, 40.0 + 12.0 * f64::from(i), text)
            })
            .collect();
        assert_eq!(reading_order(lines.clone()), lines);
    }

    #[test]
    fn paragraphs_break_at_gaps_and_headings_and_hyphens_join() {
        let mut heading = line(40.0, 20.0, "Big News");
        heading.size = 16.0;
        let pages = vec![vec![
            heading,
            line(40.0, 40.0, "The council voted on a well-"),
            line(40.0, 52.0, "known plan to re-"),
            line(40.0, 64.0, "build the well-known bridge."),
            line(40.0, 90.0, "A second paragraph."),
            line(40.0, 102.0, "• An item"),
            line(40.0, 114.0, "• Another item"),
        ]];
        let e = paragraphs(&pages);
        let ps = e.paragraphs.expect("paragraphs are marked");
        let got: Vec<(&str, bool)> = ps
            .iter()
            .map(|p| (&e.text[p.start..p.end], p.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("Big News", true),
                (
                    "The council voted on a well-known plan to rebuild the well-known bridge.",
                    false
                ),
                ("A second paragraph.", false),
                ("An item", false),
                ("Another item", false),
            ]
        );
    }

    #[test]
    fn a_sentence_goes_on_across_a_page_break_and_a_finished_one_does_not() {
        let pages = vec![
            vec![line(40.0, 700.0, "It went on and")],
            vec![line(40.0, 60.0, "on. Done."), line(40.0, 72.0, "Next.")],
        ];
        let e = paragraphs(&pages);
        assert_eq!(e.text, "It went on and on. Done. Next.\n");
        let pages = vec![
            vec![line(40.0, 700.0, "It ended.")],
            vec![line(40.0, 60.0, "New one.")],
        ];
        assert_eq!(paragraphs(&pages).text, "It ended.\n\nNew one.\n");
    }
}
