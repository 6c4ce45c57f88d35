//! The wrapped text of every passage at one pane width, computed when the
//! width changes and never while drawing: a frame only looks up the rows it
//! shows.

use std::ops::Range;

use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::Unit;
use crate::core::document::Document;
use crate::core::compare::ComparedLink;
use crate::display::{Line, Mark, sanitize, sanitize_marked, wrap_marked};

/// How a passage is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Text of a link; its lines' marks are the words that differ.
    Linked(Kind),
    /// Text found only in this article.
    Unique,
    /// Not text of the article: a note such as "not in this version".
    Placeholder,
}

/// One side of a unit, wrapped.
#[derive(Debug, Clone)]
pub struct Passage {
    pub look: Look,
    pub lines: Vec<Line>,
}

impl Passage {
    fn placeholder(text: &str, width: usize) -> Self {
        Passage { look: Look::Placeholder, lines: wrap_marked(text, &[], width) }
    }
}

/// Rows stacked one after another with a blank row between them.
#[derive(Debug, Clone, Default)]
pub struct Stack {
    /// First row of each item.
    pub tops: Vec<usize>,
    pub heights: Vec<usize>,
    /// Rows in all, blank separators included.
    pub total: usize,
}

impl Stack {
    fn new(heights: Vec<usize>) -> Self {
        let mut tops = Vec::with_capacity(heights.len());
        let mut row = 0;
        for h in &heights {
            tops.push(row);
            row += h + 1;
        }
        Stack { tops, heights, total: row.saturating_sub(1) }
    }

    /// The item shown at `row` (the one above, for a separator row).
    pub fn item_at(&self, row: usize) -> Option<usize> {
        if self.tops.is_empty() {
            return None;
        }
        Some(self.tops.partition_point(|&t| t <= row).saturating_sub(1))
    }

    /// Rows of item `i`.
    pub fn rows(&self, i: usize) -> Range<usize> {
        self.tops[i]..self.tops[i] + self.heights[i]
    }
}

/// The aligned view: one row band per unit, as tall as its taller side.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub sides: Vec<[Passage; 2]>,
    pub stack: Stack,
}

/// The reading view of one article: its passages in its own order.
#[derive(Debug, Clone)]
pub struct Pane {
    /// The unit each passage belongs to.
    pub units: Vec<usize>,
    pub passages: Vec<Passage>,
    pub stack: Stack,
    /// For each unit, its passage in this pane, if it has one.
    pub passage_of: Vec<Option<usize>>,
}

fn block(doc: &Document, sentences: &Range<usize>) -> (usize, usize) {
    (doc.sentences[sentences.start].start, doc.sentences[sentences.end - 1].end)
}

/// The text of a run of sentences, with `marks` (file byte spans) emphasised.
fn passage(doc: &Document, sentences: &Range<usize>, marks: Vec<Mark>, look: Look, width: usize) -> Passage {
    let (start, end) = block(doc, sentences);
    let relative: Vec<Mark> = marks.into_iter().map(|m| Mark { range: m.range.start - start..m.range.end - start, strong: m.strong }).collect();
    let (text, marks) = sanitize_marked(&doc.text[start..end], &relative);
    Passage { look, lines: wrap_marked(&text, &marks, width) }
}

/// The words to emphasise on one side of a link (file byte spans, sorted):
/// differing facts strongly, other changed words lightly.
fn link_marks(l: &ComparedLink, left: bool) -> Vec<Mark> {
    let (tokens, differing) = if left { (&l.diff.left, &l.differing[0]) } else { (&l.diff.right, &l.differing[1]) };
    // Words of differing facts, and the words of every suggestion.
    let suggested = l.discrepancies.iter().filter_map(|d| if left { d.left } else { d.right });
    let mut strong: Vec<(usize, usize)> = differing.iter().map(|&i| (tokens[i].start, tokens[i].end)).chain(suggested).collect();
    strong.sort_unstable();
    strong.dedup();
    let mut marks: Vec<Mark> = Vec::new();
    // Changed words lightly, strong words (changed or not) strongly: cut
    // the changes around the strong spans, then merge both in order.
    let mut light: Vec<(usize, usize)> = Vec::new();
    for c in &l.diff.changes {
        let span = if left { l.diff.left_span(&c.left) } else { l.diff.right_span(&c.right) };
        let Some((s, e)) = span else { continue };
        let mut pos = s;
        for &(fs, fe) in strong.iter().filter(|&&(fs, fe)| fe > s && fs < e) {
            if pos < fs {
                light.push((pos, fs));
            }
            pos = pos.max(fe);
        }
        if pos < e {
            light.push((pos, e));
        }
    }
    // Strong spans may overlap each other: merge them.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in strong {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    marks.extend(light.into_iter().map(|(s, e)| Mark { range: s..e, strong: false }));
    marks.extend(merged.into_iter().map(|(s, e)| Mark { range: s..e, strong: true }));
    marks.sort_by_key(|m| m.range.start);
    marks
}

/// Builds a side of unit `unit` (`left` chooses the side); `None` when the
/// unit has no text on that side.
fn side(cmp: &Comparison, unit: &Unit, left: bool, width: usize) -> Option<Passage> {
    match unit {
        Unit::Link(k) => {
            let l = &cmp.links[*k];
            let look = Look::Linked(l.kind);
            Some(if left {
                passage(&cmp.left, &l.link.left, link_marks(l, true), look, width)
            } else {
                passage(&cmp.right, &l.link.right, link_marks(l, false), look, width)
            })
        }
        Unit::LeftOnly(r) if left => Some(passage(&cmp.left, r, Vec::new(), Look::Unique, width)),
        Unit::RightOnly(r) if !left => Some(passage(&cmp.right, r, Vec::new(), Look::Unique, width)),
        _ => None,
    }
}

/// The aligned view at text width `width`.
pub fn aligned(cmp: &Comparison, units: &[Unit], width: usize) -> Aligned {
    let sides: Vec<[Passage; 2]> = units
        .iter()
        .map(|unit| {
            let mut pair = [true, false].map(|left| side(cmp, unit, left, width));
            if let Unit::MovedHere(k) = unit {
                let l = &cmp.links[*k].link;
                let first = block(&cmp.right, &(l.right.start..l.right.start + 1));
                let preview: String = sanitize(&cmp.right.text[first.0..first.1]).chars().take(48).collect();
                let note = format!("↕ moved from here: “{preview}…” (m: go to it)");
                pair[1] = Some(Passage::placeholder(&note, width));
            }
            pair.map(|p| p.unwrap_or_else(|| Passage::placeholder("(not in this version)", width)))
        })
        .collect();
    let stack = Stack::new(sides.iter().map(|[l, r]| l.lines.len().max(r.lines.len())).collect());
    Aligned { sides, stack }
}

/// The reading view of one side at text width `width`.
pub fn pane(cmp: &Comparison, units: &[Unit], left: bool, width: usize) -> Pane {
    let mut order: Vec<(usize, usize)> = units
        .iter()
        .enumerate()
        .filter_map(|(u, unit)| {
            let first = match unit {
                Unit::Link(k) => Some(if left { cmp.links[*k].link.left.start } else { cmp.links[*k].link.right.start }),
                Unit::LeftOnly(r) if left => Some(r.start),
                Unit::RightOnly(r) if !left => Some(r.start),
                _ => None,
            };
            first.map(|s| (s, u))
        })
        .collect();
    order.sort_unstable();
    let mut passage_of = vec![None; units.len()];
    let mut passages = Vec::with_capacity(order.len());
    let mut pane_units = Vec::with_capacity(order.len());
    for (i, &(_, u)) in order.iter().enumerate() {
        passage_of[u] = Some(i);
        pane_units.push(u);
        passages.push(side(cmp, &units[u], left, width).expect("filtered to units with this side"));
    }
    let stack = Stack::new(passages.iter().map(|p| p.lines.len()).collect());
    Pane { units: pane_units, passages, stack, passage_of }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_rows_and_lookup() {
        let s = Stack::new(vec![2, 1, 3]);
        assert_eq!(s.tops, vec![0, 3, 5]);
        assert_eq!(s.total, 8);
        assert_eq!(s.item_at(0), Some(0));
        assert_eq!(s.item_at(2), Some(0)); // the separator belongs to the item above
        assert_eq!(s.item_at(3), Some(1));
        assert_eq!(s.item_at(100), Some(2));
        assert_eq!(s.rows(2), 5..8);
        assert_eq!(Stack::new(vec![]).item_at(0), None);
    }
}
