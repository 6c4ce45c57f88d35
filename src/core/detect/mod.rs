//! Finding the discrepancies a fact-checker looks for, inside each link:
//! names, titles, numbers, dates, places, attribution, certainty and
//! contradiction; and, across the pair, what one article names that the
//! other never mentions. Rule-based and offline; the word lists are data in
//! `assets/lexicon/`.
//!
//! Facts are read once per sentence, before any link is compared
//! ([`Facts`]: figures with what they count, dates in figures, datelines).
//! Inside a link, figures are paired by value and by what they count,
//! never by position; the other detectors compare *cues* (words of a
//! category) between the two sides. Rewording alone changes no fact and
//! no cue, so a paraphrase raises nothing; a fact or cue on one side that
//! the other side does not state is a suggestion, with the phrase around
//! it on each side. See `docs/adding-a-detector.md`.
//!
//! This floor stands below the comparison: it reads a link's words and
//! changes ([`LinkText`]) and knows nothing of how they were found.

mod attribution;
mod certainty;
mod contradiction;
mod discrepancy;
mod facts;
mod figures;
mod link;
mod listed;
mod name_family;
mod names;
mod omissions;
mod quantities;
mod titles;
mod words;

use crate::core::document::Document;
use crate::core::{Category, Side};
use listed::List;
use words::{Words, cue_category, cues, unmatched};

pub use discrepancy::Discrepancy;
pub use facts::Facts;
pub use link::{Change, LinkText, Op};
pub use listed::Listed;
pub use name_family::{Names, names, same_name_family};
pub use omissions::{Omission, omissions};

/// What the detectors read of the pair as a whole, found once before any
/// link: the word lists each distinct word is in, and each sentence's facts.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub docs: [&'a Document; 2],
    pub listed: &'a Listed,
    pub facts: &'a Facts,
}

/// The detectors, run on the words of one link.
pub fn detect(link: &LinkText, pair: &Pair) -> Vec<Discrepancy> {
    let left = Words::new(Side::Left, link, pair);
    let right = Words::new(Side::Right, link, pair);
    let mut out = Vec::new();
    names::names_spelled(&left, &right, &mut out);
    titles::titles(&left, &right, &mut out);
    figures::numbers(&left, &right, &mut out);
    figures::dates(&left, &right, &mut out);
    places(&left, &right, &mut out);
    attribution::attribution(&left, &right, &mut out);
    names::names_replaced(&left, &right, link.changes, &mut out);
    contradiction::opposites(&left, &right, link.changes, &mut out);
    certainty::certainty(&left, &right, &mut out);
    contradiction::contradiction(&left, &right, &mut out);
    out
}

/// `place`: the two sides place something differently ("the border town"
/// / "the eastern towns"). A direction only one side gives is detail, not a
/// change, and a kind of place ("town", "região", "Stadt") is no place:
/// it only extends the phrase around one.
fn places(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let is_place = |s: &Words, i: usize| s.is(i, List::Place);
    let in_phrase = |s: &Words, i: usize| is_place(s, i) || s.is(i, List::PlaceNoun);
    let (lp, rp) = (
        cues(left, |i| is_place(left, i)),
        cues(right, |i| is_place(right, i)),
    );
    let (lu, ru) = (unmatched(left, &lp, right), unmatched(right, &rp, left));
    if lu.is_empty() || ru.is_empty() {
        return;
    }
    cue_category(Category::Place, left, right, lu, ru, &in_phrase, out);
}

#[cfg(test)]
mod tests;
