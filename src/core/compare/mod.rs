//! Comparing the two sides of a link: word-level changes and the link's kind.

pub mod changes;
pub mod classify;
pub mod units;

use std::sync::Arc;

use rayon::prelude::*;

use crate::core::align::{self, Alignment, Link};
use crate::core::detect::{self, Discrepancy, Facts, Listed, Omission, Pair};
use crate::core::document::Document;
use crate::core::tokens::{PairTokens, WordToken};
use changes::WordDiff;
use classify::Kind;

/// Below this similarity a link is too weak to compare fact by fact (the
/// judged example of two unrelated sentences linked scored 0.08). Until
/// the aligner tells weak links apart itself, this is the one place that
/// decides.
pub const WEAK_LINK: f32 = 0.12;

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

/// What comparing needs of the pair as a whole, found once: the word
/// lists each distinct word is in (names are collected in a pass over both
/// articles) and each sentence's facts, for all the detectors; and the
/// omissions.
struct Whole {
    listed: Listed,
    facts: Facts,
    omissions: Vec<Omission>,
}

impl Whole {
    fn new(left: &Document, right: &Document, tokens: &PairTokens) -> Self {
        let names = detect::names(left, right, tokens);
        let (listed, (facts, omissions)) = rayon::join(
            || {
                Listed::new(
                    &tokens.vocabulary,
                    [left.language.lexicon(), right.language.lexicon()],
                    &names,
                )
            },
            || {
                let facts = Facts::new(
                    left,
                    right,
                    [&tokens.left, &tokens.right],
                    &tokens.vocabulary,
                );
                let omissions = detect::omissions(left, right, tokens, &names, &facts);
                (facts, omissions)
            },
        );
        Whole {
            listed,
            facts,
            omissions,
        }
    }
}

/// The kind of a link whose detectors found `discrepancies`: divergent
/// exactly when there is one.
fn kind(discrepancies: &[Discrepancy]) -> Kind {
    if discrepancies.is_empty() {
        Kind::Aligned
    } else {
        Kind::Divergent
    }
}

/// Per side, the indices of `tokens` that a discrepancy points at: the
/// words the screen shows as a changed fact.
fn differing(tokens: [&[WordToken]; 2], discrepancies: &[Discrepancy]) -> [Vec<usize>; 2] {
    [0, 1].map(|side| {
        let spans: Vec<(usize, usize)> = discrepancies
            .iter()
            .filter_map(|d| if side == 0 { d.left } else { d.right })
            .collect();
        // Tokens are in text order and never overlap, so those inside a
        // span are one run, found by a binary search: testing every token
        // against every span grew with the square of a long link.
        let tokens = tokens[side];
        let mut inside: Vec<usize> = spans
            .iter()
            .flat_map(|&(s, e)| {
                let first = tokens.partition_point(|t| t.span().0 < s);
                (first..tokens.len()).take_while(move |&i| tokens[i].span().1 <= e)
            })
            .collect();
        inside.sort_unstable();
        inside.dedup();
        inside
    })
}

impl Comparison {
    /// Aligns the documents and compares every link.
    pub fn new(left: Document, right: Document) -> Self {
        Self::build(left, right, |_| {})
    }

    /// [`Comparison::new`], calling `aligned` with the alignment before the
    /// links are compared (a front end reports progress with it). What the
    /// comparison needs of the pair as a whole, and the omissions, which
    /// need no alignment, are found while the aligner runs: they fill the
    /// cores the aligner's sequential steps leave idle.
    pub fn build(left: Document, right: Document, aligned: impl FnOnce(&Alignment)) -> Self {
        let tokens = PairTokens::new(&left, &right);
        let (alignment, whole) = rayon::join(
            || align::align(&left, &right, &tokens),
            || Whole::new(&left, &right, &tokens),
        );
        aligned(&alignment);
        Self::compare(left, right, tokens, alignment, whole)
    }

    /// Compares the links of `alignment`; `tokens` are the documents'
    /// words, as the aligner read them.
    pub fn from_alignment(
        left: Document,
        right: Document,
        tokens: PairTokens,
        alignment: Alignment,
    ) -> Self {
        let whole = Whole::new(&left, &right, &tokens);
        Self::compare(left, right, tokens, alignment, whole)
    }

    fn compare(
        left: Document,
        right: Document,
        tokens: PairTokens,
        alignment: Alignment,
        whole: Whole,
    ) -> Self {
        let Whole {
            listed,
            facts,
            omissions,
        } = whole;
        let tokens = Arc::new(tokens);
        // Links are compared independently, on all cores; the results keep
        // their order.
        let compare_link = |link: Link| {
            let diff = WordDiff::new(&tokens, link.left.clone(), link.right.clone());
            let pair = Pair {
                docs: [&left, &right],
                listed: &listed,
                facts: &facts,
            };
            // A link whose sides share too little to be one passage carries
            // no finding: every difference between unrelated sentences would
            // be one.
            let discrepancies = if link.score < WEAK_LINK {
                Vec::new()
            } else {
                detect::detect(&diff.text([&link.left, &link.right]), &pair)
            };
            // Divergent exactly when a detector says why.
            let kind = kind(&discrepancies);
            let differing = differing([diff.left(), diff.right()], &discrepancies);
            ComparedLink {
                link,
                kind,
                diff,
                differing,
                discrepancies,
            }
        };
        let links = alignment
            .links
            .into_par_iter()
            .with_max_len(64)
            .map(compare_link)
            .collect();
        Comparison {
            left,
            right,
            links,
            omissions,
        }
    }

    /// Counts: (aligned links, divergent links, unique left sentences, unique right sentences).
    pub fn summary(&self) -> Summary {
        let aligned = self
            .links
            .iter()
            .filter(|l| l.kind == Kind::Aligned)
            .count();
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
