//! The wrapped text of every passage at one pane width, computed when the
//! width changes and never while drawing: a frame only looks up the rows it
//! shows.

use std::ops::Range;

use rayon::prelude::*;

use super::mode::Side;
use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::Unit;
use crate::core::document::Document;
use crate::display::{Line, Mark, link_marks, sanitize, sanitize_span, wrap_marked};

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
        Passage {
            look: Look::Placeholder,
            lines: wrap_marked(text, &[], width),
        }
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
        Stack {
            tops,
            heights,
            total: row.saturating_sub(1),
        }
    }

    /// The item shown at `row` (the one above, for a separator row). Items
    /// folded away share their fold line's top: the line's item is shown.
    pub fn item_at(&self, row: usize) -> Option<usize> {
        let last = self
            .tops
            .partition_point(|&t| t <= row)
            .checked_sub(1)
            .or((!self.tops.is_empty()).then_some(0))?;
        Some(self.tops.partition_point(|&t| t < self.tops[last]))
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

/// The reading view of one article: its passages in its own order. A
/// passage is the unit's side in the aligned view, wrapped at the same
/// width, so it is not wrapped again: [`Pane::passage`] reads it there.
#[derive(Debug, Clone)]
pub struct Pane {
    /// The unit each passage belongs to.
    pub units: Vec<usize>,
    pub stack: Stack,
    /// For each unit, its passage in this pane, if it has one.
    pub passage_of: Vec<Option<usize>>,
}

impl Pane {
    /// The `item`-th passage of this pane, the reading view of `side`.
    pub fn passage<'a>(&self, aligned: &'a Aligned, side: Side, item: usize) -> &'a Passage {
        &aligned.sides[self.units[item]][side.index()]
    }
}

/// The text of a run of sentences, with `marks` (file byte spans) emphasised.
fn passage(
    doc: &Document,
    sentences: &Range<usize>,
    marks: Vec<Mark>,
    look: Look,
    width: usize,
) -> Passage {
    Passage {
        look,
        lines: marked_lines(doc, sentences, marks, width),
    }
}

/// The wrapped lines of a run of sentences, with `marks` (file byte spans)
/// carried through sanitising and wrapping. Where the lines break depends
/// on the text only, so lines wrapped with other marks line up with these.
pub fn marked_lines(
    doc: &Document,
    sentences: &Range<usize>,
    marks: Vec<Mark>,
    width: usize,
) -> Vec<Line> {
    let (text, marks) = sanitize_span(&doc.text, doc.span(sentences), &marks);
    wrap_marked(&text, &marks, width)
}

fn doc(cmp: &Comparison, side: Side) -> &Document {
    match side {
        Side::Left => &cmp.left,
        Side::Right => &cmp.right,
    }
}

/// The sentences a unit shows as text on a side (a moved passage's
/// placeholder shows none).
fn text_of(cmp: &Comparison, unit: &Unit, side: Side) -> Option<Range<usize>> {
    match (unit, side) {
        (Unit::Link(k), Side::Left) => Some(cmp.links[*k].link.left.clone()),
        (Unit::Link(k), Side::Right) => Some(cmp.links[*k].link.right.clone()),
        (Unit::LeftOnly(r), Side::Left) | (Unit::RightOnly(r), Side::Right) => Some(r.clone()),
        _ => None,
    }
}

/// Builds a side of `unit`; `None` when the unit has no text on that side.
fn side_of(cmp: &Comparison, unit: &Unit, side: Side, width: usize) -> Option<Passage> {
    let sentences = text_of(cmp, unit, side)?;
    let (marks, look) = match unit {
        Unit::Link(k) => (
            link_marks(&cmp.links[*k], side),
            Look::Linked(cmp.links[*k].kind),
        ),
        _ => (Vec::new(), Look::Unique),
    };
    Some(passage(doc(cmp, side), &sentences, marks, look, width))
}

/// The aligned view at text width `width`; `moved_hint` says which key
/// goes from a moved passage's old place to it.
pub fn aligned(cmp: &Comparison, units: &[Unit], width: usize, moved_hint: &str) -> Aligned {
    // Units wrap independently: on all cores, in order.
    let sides: Vec<[Passage; 2]> = units
        .par_iter()
        .map(|unit| {
            let mut pair = Side::BOTH.map(|side| side_of(cmp, unit, side, width));
            if let Unit::MovedHere(k) = unit {
                let l = &cmp.links[*k].link;
                let first = cmp.right.span(&(l.right.start..l.right.start + 1));
                let preview: String = sanitize(&cmp.right.text[first]).chars().take(48).collect();
                let note = format!("↕ moved from here: “{preview}…” ({moved_hint})");
                pair[1] = Some(Passage::placeholder(&note, width));
            }
            pair.map(|p| p.unwrap_or_else(|| Passage::placeholder("(not in this version)", width)))
        })
        .collect();
    let stack = Stack::new(
        sides
            .iter()
            .map(|[l, r]| l.lines.len().max(r.lines.len()))
            .collect(),
    );
    Aligned { sides, stack }
}

/// The reading view of one side: the units with text there, in the order
/// of that text; their passages are those of `aligned`.
pub fn pane(cmp: &Comparison, units: &[Unit], aligned: &Aligned, side: Side) -> Pane {
    let mut order: Vec<(usize, usize)> = units
        .iter()
        .enumerate()
        .filter_map(|(u, unit)| text_of(cmp, unit, side).map(|r| (r.start, u)))
        .collect();
    order.sort_unstable();
    let mut passage_of = vec![None; units.len()];
    let pane_units: Vec<usize> = order.iter().map(|&(_, u)| u).collect();
    for (i, &u) in pane_units.iter().enumerate() {
        passage_of[u] = Some(i);
    }
    let stack = Stack::new(
        pane_units
            .iter()
            .map(|&u| aligned.sides[u][side.index()].lines.len())
            .collect(),
    );
    Pane {
        units: pane_units,
        stack,
        passage_of,
    }
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
