//! The review's part of the state: the comparison and what is derived from
//! it once, when it is made (the units on screen, the differences to visit,
//! the titles, which unit shows each sentence). Nothing here changes until
//! the articles are read again.

use std::ops::Range;

use crate::core::Side;
use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;
use crate::display::sanitize;

pub struct Review {
    pub cmp: Comparison,
    pub units: Vec<Unit>,
    /// Units a reviewer must look at: divergent, unique or moved.
    pub differences: Vec<usize>,
    /// Per pane: the full title, and a compact one for narrow panes.
    pub titles: [[String; 2]; 2],
    /// For each sentence of each side, its unit.
    pub unit_of_sentence: [Vec<Option<usize>>; 2],
}

impl Review {
    pub fn new(cmp: Comparison) -> Self {
        let units = units(&cmp);
        let differences = units
            .iter()
            .enumerate()
            .filter(|(_, u)| match u {
                Unit::Link(k) => cmp.links[*k].kind == Kind::Divergent || cmp.links[*k].link.moved,
                Unit::LeftOnly(_) | Unit::RightOnly(_) => true,
                Unit::MovedHere(_) => false,
            })
            .map(|(i, _)| i)
            .collect();
        let titles = titles(&cmp, &units);
        let unit_of_sentence = unit_of_sentence(&cmp, &units);
        Review {
            cmp,
            units,
            differences,
            titles,
            unit_of_sentence,
        }
    }

    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::Left => &self.cmp.left,
            Side::Right => &self.cmp.right,
        }
    }

    /// The unit showing the byte `at` of a side's article.
    pub fn unit_at(&self, side: Side, at: usize) -> Option<usize> {
        let sentence = self.doc(side).sentences.partition_point(|s| s.end <= at);
        self.unit_of_sentence[side.index()]
            .get(sentence)
            .copied()
            .flatten()
    }

    /// The sentences `unit` shows on a side, if it has text there (a moved
    /// passage's placeholder counts as its link).
    pub fn sentences(&self, unit: usize, side: Side) -> Option<Range<usize>> {
        sentences(&self.cmp, self.units.get(unit)?, side)
    }

    /// Byte spans of the words of a unit's side: runs of characters between
    /// whitespace, as Unicode defines it (so a no-break space, VT, FF or NEL
    /// separates words too). Selecting, highlighting and anchoring all count
    /// words with this one function.
    pub fn words(&self, unit: usize, side: Side) -> Vec<Range<usize>> {
        let Some(r) = self.sentences(unit, side) else {
            return Vec::new();
        };
        let doc = self.doc(side);
        let span = doc.span(&r);
        let mut out = Vec::new();
        let mut word_start = None;
        for (i, c) in doc.text[span.clone()].char_indices() {
            match (c.is_whitespace(), word_start) {
                (true, Some(s)) => {
                    out.push(span.start + s..span.start + i);
                    word_start = None;
                }
                (false, None) => word_start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = word_start {
            out.push(span.start + s..span.end);
        }
        out
    }

    /// Whether `unit` is a run of aligned text, which folding may hide.
    pub fn plain(&self, unit: usize) -> bool {
        matches!(self.units[unit], Unit::Link(k) if self.cmp.links[k].kind == Kind::Aligned && !self.cmp.links[k].link.moved)
    }
}

/// The sentences of a unit on a side, if it has text there.
fn sentences(cmp: &Comparison, unit: &Unit, side: Side) -> Option<Range<usize>> {
    match (unit, side) {
        (Unit::Link(k) | Unit::MovedHere(k), Side::Left) => Some(cmp.links[*k].link.left.clone()),
        (Unit::Link(k) | Unit::MovedHere(k), Side::Right) => Some(cmp.links[*k].link.right.clone()),
        (Unit::LeftOnly(r), Side::Left) | (Unit::RightOnly(r), Side::Right) => Some(r.clone()),
        _ => None,
    }
}

/// The unit each sentence of each side is shown in.
fn unit_of_sentence(cmp: &Comparison, units: &[Unit]) -> [Vec<Option<usize>>; 2] {
    let mut out = [
        vec![None; cmp.left.sentences.len()],
        vec![None; cmp.right.sentences.len()],
    ];
    // A moved passage's placeholder shows no sentence: its link does.
    for (u, unit) in units
        .iter()
        .enumerate()
        .filter(|(_, u)| !matches!(u, Unit::MovedHere(_)))
    {
        for side in Side::BOTH {
            for i in sentences(cmp, unit, side).into_iter().flatten() {
                out[side.index()][i] = Some(u);
            }
        }
    }
    out
}

/// "name — 2 aligned · 18 divergent · 9 unique" for each pane, and the
/// compact "name  =2 ≠18 <9".
fn titles(cmp: &Comparison, units: &[Unit]) -> [[String; 2]; 2] {
    let aligned = cmp.links.iter().filter(|l| l.kind == Kind::Aligned).count();
    let divergent = cmp.links.len() - aligned;
    let unique_left = units
        .iter()
        .filter(|u| matches!(u, Unit::LeftOnly(_)))
        .count();
    let unique_right = units
        .iter()
        .filter(|u| matches!(u, Unit::RightOnly(_)))
        .count();
    [
        (&cmp.left.name, unique_left, '<'),
        (&cmp.right.name, unique_right, '>'),
    ]
    .map(|(name, unique, mark)| {
        let name = if name == "-" {
            "(standard input)".to_string()
        } else {
            sanitize(name)
        };
        [
            format!("{name} — {aligned} aligned · {divergent} divergent · {unique} unique"),
            format!("{name}  ={aligned} ≠{divergent} {mark}{unique}"),
        ]
    })
}
