//! Finding the discrepancies a fact-checker looks for, inside each link:
//! names, titles, numbers, dates, places, attribution, certainty and
//! contradiction; and, across the pair, what one article names that the
//! other never mentions. Rule-based and offline; the word lists are data in
//! `assets/lexicon/`.
//!
//! The detectors compare *cues* (words of a category) between the two sides
//! of a link. Rewording alone changes no cue, so a paraphrase raises
//! nothing; a cue on one side that the other side does not state is a
//! suggestion, with the phrase around it on each side.

mod attribution;
mod certainty;
mod contradiction;
mod discrepancy;
mod figures;
mod listed;
mod names;
mod omissions;
mod titles;
mod words;

use crate::core::compare::changes::WordDiff;
use crate::core::document::Document;
use crate::core::{Category, Side};
use listed::List;
use words::{Words, cue_category, cues, unmatched};

pub use discrepancy::Discrepancy;
pub use listed::Listed;
pub use omissions::{Omission, omissions};

/// The detectors, run on the words of one link.
pub fn detect(
    diff: &WordDiff,
    left_doc: &Document,
    right_doc: &Document,
    listed: &Listed,
) -> Vec<Discrepancy> {
    let left = Words::new(Side::Left, diff, left_doc, listed);
    let right = Words::new(Side::Right, diff, right_doc, listed);
    let mut out = Vec::new();
    names::names_spelled(&left, &right, &mut out);
    titles::titles(&left, &right, &mut out);
    figures::numbers(&left, &right, &mut out);
    figures::dates(&left, &right, &mut out);
    places(&left, &right, &mut out);
    attribution::attribution(&left, &right, &mut out);
    names::names_replaced(&left, &right, &diff.changes, &mut out);
    contradiction::opposites(&left, &right, &diff.changes, &mut out);
    certainty::certainty(&left, &right, &mut out);
    contradiction::contradiction(&left, &right, &mut out);
    out
}

/// `place`: a place named on one side that the other does not state.
fn places(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let is_place = |s: &Words, i: usize| s.is(i, List::Place);
    let (lp, rp) = (
        cues(left, |i| is_place(left, i)),
        cues(right, |i| is_place(right, i)),
    );
    cue_category(
        Category::Place,
        left,
        right,
        unmatched(left, &lp, right),
        unmatched(right, &rp, left),
        &is_place,
        out,
    );
}

#[cfg(test)]
mod tests;
