//! Comparing the two sides of a link: word-level changes and the link's kind.

pub mod changes;
pub mod classify;
pub mod units;

use rayon::prelude::*;

use crate::core::align::{self, Alignment, Link};
use crate::core::detect::{self, Discrepancy, Omission};
use crate::core::document::Document;
use crate::core::tokens::Token;
use changes::WordDiff;
use classify::Kind;

/// A link with what comparing its two sides found.
#[derive(Debug, Clone)]
pub struct ComparedLink {
    pub link: Link,
    pub kind: Kind,
    pub diff: WordDiff,
    /// Per side, indices into `diff`'s words of the words a discrepancy
    /// points at: the changed facts.
    pub differing: [Vec<usize>; 2],
    /// What the discrepancy detectors suggest a reviewer look at.
    pub discrepancies: Vec<Discrepancy>,
}

/// Two documents, aligned and compared: what every front end shows.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub left: Document,
    pub right: Document,
    pub links: Vec<ComparedLink>,
    /// Names, places and figures one article mentions and the other never does.
    pub omissions: Vec<Omission>,
}

/// The kind of a link whose detectors found `discrepancies`: divergent
/// exactly when there is one.
fn kind(discrepancies: &[Discrepancy]) -> Kind {
    if discrepancies.is_empty() { Kind::Aligned } else { Kind::Divergent }
}

/// Per side, the indices of `tokens` that a discrepancy points at: the
/// words the screen shows as a changed fact.
fn differing(tokens: [&[Token]; 2], discrepancies: &[Discrepancy]) -> [Vec<usize>; 2] {
    [0, 1].map(|side| {
        let spans: Vec<(usize, usize)> = discrepancies.iter().filter_map(|d| if side == 0 { d.left } else { d.right }).collect();
        (0..tokens[side].len()).filter(|&i| spans.iter().any(|&(s, e)| tokens[side][i].start >= s && tokens[side][i].end <= e)).collect()
    })
}


impl Comparison {
    /// Aligns the documents and compares every link.
    pub fn new(left: Document, right: Document) -> Self {
        let alignment = align::align(&left, &right);
        Self::from_alignment(left, right, alignment)
    }

    pub fn from_alignment(left: Document, right: Document, alignment: Alignment) -> Self {
        // Names are collected once (a pass over both articles) for all the
        // detectors.
        let names = classify::names(&left, &right);
        // Links are compared independently, on all cores, and the omissions
        // alongside; the results keep their order.
        let compare_link = |link: Link| {
            let (l, r) = (left.span(&link.left), right.span(&link.right));
            let diff = WordDiff::new(&left.text[l.clone()], l.start, &right.text[r.clone()], r.start);
            let mut compared = ComparedLink { link, kind: Kind::Aligned, diff, differing: [Vec::new(), Vec::new()], discrepancies: Vec::new() };
            compared.discrepancies = detect::detect(&compared.diff, &left, &right, &names);
            // Divergent exactly when a detector says why.
            compared.kind = kind(&compared.discrepancies);
            compared.differing = differing([&compared.diff.left, &compared.diff.right], &compared.discrepancies);
            compared
        };
        let (links, omissions) = rayon::join(
            || alignment.links.into_par_iter().map(compare_link).collect(),
            || detect::omissions(&left, &right, &names),
        );
        Comparison { left, right, links, omissions }
    }

    /// Counts: (aligned links, divergent links, unique left sentences, unique right sentences).
    pub fn summary(&self) -> Summary {
        let aligned = self.links.iter().filter(|l| l.kind == Kind::Aligned).count();
        let linked_left: usize = self.links.iter().map(|l| l.link.left.len()).sum();
        let linked_right: usize = self.links.iter().map(|l| l.link.right.len()).sum();
        Summary {
            aligned,
            divergent: self.links.len() - aligned,
            unique_left: self.left.sentences.len() - linked_left,
            unique_right: self.right.sentences.len() - linked_right,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub aligned: usize,
    pub divergent: usize,
    pub unique_left: usize,
    pub unique_right: usize,
}
