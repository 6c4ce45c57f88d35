//! Sentence alignment of two versions of an article.
//!
//! The method (after `research/anchors-alignment.md` §6a, with an exact
//! sparse search in place of the banded DP):
//! 1. [`features`]: TF-IDF cosine over word stems and character trigrams.
//! 2. [`candidates`]: an inverted index proposes the pairs worth scoring, so
//!    cost grows with the input, not with its square.
//! 3. Blocks: each candidate pair above a threshold, and runs of up to
//!    [`Params::max_merge`] consecutive sentences on one side matched to one
//!    sentence on the other (splits and merges) when every part relates to
//!    that sentence and the whole matches better.
//! 4. [`chain`]: the heaviest chain of blocks in reading order is the
//!    backbone: what kept its place.
//! 5. Moves: the same search over the sentences still unaligned, with a
//!    stricter threshold, links passages that moved; a link that crosses the
//!    backbone is marked moved.

mod candidates;
mod chain;
mod features;

use std::ops::Range;

use crate::core::document::Document;
use chain::Block;
pub use features::Features;

/// Thresholds of the aligner. The defaults were chosen on the development
/// set and the sample pair; see the README for the measured effect.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Minimum similarity of a link that keeps the reading order.
    pub tau: f32,
    /// Minimum similarity of each part of a split or merge with the sentence
    /// opposite.
    pub tau_part: f32,
    /// Minimum similarity of a link that breaks the reading order.
    pub tau_move: f32,
    /// Most sentences on the long side of a split or merge.
    pub max_merge: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { tau: 0.25, tau_part: 0.1, tau_move: 0.35, max_merge: 4 }
    }
}

/// Sentences of the left article linked to sentences of the right one.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Consecutive sentence indices of the left document.
    pub left: Range<usize>,
    /// Consecutive sentence indices of the right document.
    pub right: Range<usize>,
    /// Similarity of the two sides, in [0, 1].
    pub score: f32,
    /// The link breaks the reading order: the passage moved.
    pub moved: bool,
}

/// The alignment of two documents: links in left order. Sentences in no link
/// are unique to their side.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub links: Vec<Link>,
}

impl Alignment {
    /// For each sentence of `side`, the index of its link, if any.
    pub fn link_of(&self, left_side: bool, sentences: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; sentences];
        for (k, link) in self.links.iter().enumerate() {
            let range = if left_side { link.left.clone() } else { link.right.clone() };
            for i in range {
                out[i] = Some(k);
            }
        }
        out
    }
}

/// Aligns `left` with `right` using the default parameters.
pub fn align(left: &Document, right: &Document) -> Alignment {
    align_with(left, right, Params::default())
}

pub fn align_with(left: &Document, right: &Document, params: Params) -> Alignment {
    let features = Features::new(left, right);
    let (n, m) = (left.sentences.len(), right.sentences.len());
    let pairs: Vec<(usize, usize, f32)> =
        candidates::candidates(&features).into_iter().map(|(i, j)| (i, j, features.sim(i, j))).collect();

    let mut free_left = vec![true; n];
    let mut free_right = vec![true; m];
    let mut links: Vec<Link> = Vec::new();
    // Pass 0 builds the backbone; later passes find moved passages among what is left.
    for (pass, tau) in [params.tau, params.tau_move, params.tau_move].into_iter().enumerate() {
        let blocks = blocks(&features, &pairs, &free_left, &free_right, Params { tau, ..params });
        let chain = chain::best_chain(&blocks, m);
        if chain.is_empty() {
            break;
        }
        for b in chain {
            let block = &blocks[b];
            let link = Link {
                left: block.left.0..block.left.1 + 1,
                right: block.right.0..block.right.1 + 1,
                score: block.sim,
                moved: pass > 0,
            };
            link.left.clone().for_each(|i| free_left[i] = false);
            link.right.clone().for_each(|j| free_right[j] = false);
            links.push(link);
        }
    }
    let backbone_len = links.iter().take_while(|l| !l.moved).count();
    let (backbone, moved) = links.split_at(backbone_len);
    let moved: Vec<Link> = moved.iter().map(|l| Link { moved: crosses(backbone, l), ..l.clone() }).collect();
    let mut links: Vec<Link> = backbone.iter().cloned().chain(moved).collect();
    links.sort_by_key(|l| (l.left.start, l.right.start));
    Alignment { links }
}

/// Does `link` break the order of the (monotone, sorted) `backbone`?
fn crosses(backbone: &[Link], link: &Link) -> bool {
    // The backbone links before `link` on the left must also be before it on the right.
    let at = backbone.partition_point(|b| b.left.start < link.left.start);
    let before_ok = at == 0 || backbone[at - 1].right.end <= link.right.start;
    let after_ok = at == backbone.len() || backbone[at].right.start >= link.right.end;
    !(before_ok && after_ok)
}

/// Scored blocks over free sentences: 1:1 pairs and 1:k / k:1 merges.
fn blocks(features: &Features, pairs: &[(usize, usize, f32)], free_left: &[bool], free_right: &[bool], p: Params) -> Vec<Block> {
    let mut out = Vec::new();
    for &(i, j, sim) in pairs {
        if !free_left[i] || !free_right[j] {
            continue;
        }
        if sim > p.tau {
            out.push(Block { left: (i, i), right: (j, j), gain: f64::from(sim - p.tau), sim });
        }
        if sim < p.tau_part {
            continue;
        }
        // Several left sentences starting at i against right sentence j ...
        let mut end = i;
        while end + 1 < free_left.len() && end + 1 - i < p.max_merge && free_left[end + 1] && features.sim(end + 1, j) >= p.tau_part {
            end += 1;
            push_merge(features, &mut out, (i, end), (j, j), p);
        }
        // ... and one left sentence against several right sentences from j.
        let mut end = j;
        while end + 1 < free_right.len() && end + 1 - j < p.max_merge && free_right[end + 1] && features.sim(i, end + 1) >= p.tau_part {
            end += 1;
            push_merge(features, &mut out, (i, i), (j, end), p);
        }
    }
    out
}

fn push_merge(features: &Features, out: &mut Vec<Block>, left: (usize, usize), right: (usize, usize), p: Params) {
    let sim = features.block_sim(left.0..left.1 + 1, right.0..right.1 + 1);
    if sim <= p.tau {
        return;
    }
    let size = (left.1 - left.0 + 1 + right.1 - right.0 + 1) as f64;
    let gain = f64::from(sim - p.tau) * size / 2.0 - 0.02 * (size - 2.0);
    if gain > 0.0 {
        out.push(Block { left, right, gain, sim });
    }
}

#[cfg(test)]
mod tests;
