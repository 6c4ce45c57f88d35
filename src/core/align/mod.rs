//! Sentence alignment of two versions of an article.
//!
//! The method follows `docs/research/anchors-alignment.md` §6a, with an exact
//! sparse search in place of its banded dynamic program:
//! 1. `features.rs`: TF-IDF cosine over word stems and character trigrams,
//!    with spelling variants folded together (`variants.rs`).
//! 2. `candidates.rs`: an inverted index proposes the pairs worth scoring, so
//!    cost grows with the input, not with its square. Each pair's score adds
//!    a share of its diagonal neighbours' similarity (reading-order context).
//! 3. Blocks: candidate pairs, and runs of up to [`Params::max_merge`]
//!    consecutive sentences on one side against one sentence on the other
//!    (splits and merges), grown only while each new part covers more of the
//!    sentence opposite.
//! 4. `chain.rs`: the heaviest chain of blocks in reading order is the
//!    backbone, what kept its place. Weak pairs count only inside a run of
//!    links (a continuity bonus), so isolated chance matches stay out, and
//!    a link whose sides differ much in length, relative to the two
//!    articles' lengths, needs more similarity (Gale & Church's signal).
//!    A sentence whose text occurs once on each side gains
//!    [`Params::identical`] on its pair: its counterpart is certain.
//! 5. Moves: the same search over the sentences still free, with a stricter
//!    threshold. A link that crosses the backbone is marked moved and grows
//!    over the free sentences of its paragraphs, as passages move whole, up
//!    to a split's size and not over a sentence that matches a free one
//!    elsewhere as a move.
//! 6. A lone sentence left on each side between the same two links is
//!    linked if the two share more than chance ([`Params::weakest`]).

mod candidates;
mod chain;
mod features;
mod spare;
mod variants;

use std::ops::Range;

use rayon::prelude::*;

use crate::core::Side;
use crate::core::document::Document;
use crate::core::hashing::{KeyMap, KeySet};
use crate::core::tokens::PairTokens;
use chain::Block;
use features::{Features, Growth};
use spare::Spare;

/// Thresholds of the aligner. The defaults were chosen on the fable
/// development set and the bundled news pair (README, "Alignment quality").
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Similarity above which a link that keeps the reading order gains.
    pub tau: f32,
    /// Minimum similarity of each part of a split or merge with the sentence
    /// opposite.
    pub tau_part: f32,
    /// Minimum similarity of a link that breaks the reading order.
    pub tau_move: f32,
    /// Most sentences on the long side of a split or merge.
    pub max_merge: usize,
    /// A split or merge grows by a sentence only if that sentence covers at
    /// least this much more of the sentence opposite (IDF mass of its words
    /// and trigrams): a part that adds nothing does not belong.
    pub min_contribution: f32,
    /// A moved passage grows over its paragraph while its similarity stays
    /// above this fraction of the move threshold.
    pub growth_keep: f32,
    /// Bonus for a link that directly continues the previous one.
    pub continuity: f32,
    /// Weight of a pair's diagonal neighbours in its similarity: two
    /// tellings of one story mostly keep its order, so sentences whose
    /// neighbours match are likelier to match too.
    pub context: f32,
    /// Pairs between `floor` and `tau` are links only inside a run of links.
    pub floor: f32,
    /// Weight of a link's length mismatch (Gale & Church): the two sides
    /// of a true link have proportionate lengths, so a long sentence against
    /// a short one, or a merge that leaves the single sentence far shorter
    /// than its parts, needs more similarity to be taken.
    pub length: f32,
    /// Gain added to the pair of a sentence whose text occurs once on each
    /// side: its counterpart is certain, and a look-alike must not take it.
    pub identical: f32,
    /// Similarity from which two sentences share more than chance: the
    /// second pass links a lone pair only from here. (Dropping every link
    /// below it was tried: +0.005 F1 on DEplain-web dev, none on the
    /// fables, but it unlinked a changed line amid identical ones that the
    /// continuity bonus had rightly linked.)
    pub weakest: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tau: 0.10,
            tau_part: 0.10,
            tau_move: 0.35,
            max_merge: 4,
            min_contribution: 0.03,
            growth_keep: 0.8,
            continuity: 0.04,
            context: 0.4,
            floor: 0.04,
            length: 0.05,
            identical: 1.0,
            weakest: 0.06,
        }
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
            let range = if left_side {
                link.left.clone()
            } else {
                link.right.clone()
            };
            for i in range {
                out[i] = Some(k);
            }
        }
        out
    }
}

/// Aligns `left` with `right` using the default parameters.
pub fn align(left: &Document, right: &Document, tokens: &PairTokens) -> Alignment {
    align_with(left, right, tokens, Params::default())
}

pub fn align_with(
    left: &Document,
    right: &Document,
    tokens: &PairTokens,
    params: Params,
) -> Alignment {
    let features = Features::new(left, right, tokens);
    let (n, m) = (left.sentences.len(), right.sentences.len());
    let scored = Scored::new(&features, params.context);
    let identical = identical_once(left, right);
    let partners = best_partners(&scored, m);

    let mut free_left = vec![true; n];
    let mut free_right = vec![true; m];
    let mut links: Vec<Link> = Vec::new();
    // Pass 0 builds the backbone; later passes find moved passages among what is left.
    for (pass, tau) in [params.tau, params.tau_move, params.tau_move]
        .into_iter()
        .enumerate()
    {
        let (blocks, chain) = chained_blocks(
            &features,
            &scored,
            &identical,
            &free_left,
            &free_right,
            Params { tau, ..params },
            m,
        );
        if chain.is_empty() {
            break;
        }
        for b in chain {
            let block = &blocks[b];
            let (l, r) = (block.left(), block.right());
            let link = Link {
                left: l.0 as usize..l.1 as usize + 1,
                right: r.0 as usize..r.1 as usize + 1,
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
    let moved: Vec<Link> = moved
        .iter()
        .map(|l| Link {
            moved: crosses(backbone, l),
            ..l.clone()
        })
        .collect();
    let mut moved = join_passages(moved, &features);
    for link in moved.iter_mut().filter(|l| l.moved) {
        grow_within_paragraphs(
            link,
            &features,
            &partners,
            left,
            right,
            &mut free_left,
            &mut free_right,
            params,
        );
    }
    let mut links: Vec<Link> = backbone.iter().cloned().chain(moved).collect();
    links.sort_by_key(|l| (l.left.start, l.right.start));
    let links = link_lone_pairs(links, &features, &free_left, &free_right, params);
    Alignment { links }
}

/// The pairs (left, right) of sentences whose text, spaces aside, occurs
/// exactly once on each side.
fn identical_once(left: &Document, right: &Document) -> KeySet<(usize, usize)> {
    let mut seen: KeyMap<String, [(u32, usize); 2]> = KeyMap::default();
    for (side, doc) in [left, right].into_iter().enumerate() {
        for (k, s) in doc.sentences.iter().enumerate() {
            let text = doc.text[s.start..s.end].split_whitespace();
            let entry = seen.entry(text.collect::<Vec<_>>().join(" ")).or_default();
            entry[side] = (entry[side].0 + 1, k);
        }
    }
    seen.into_values()
        .filter(|[l, r]| l.0 == 1 && r.0 == 1)
        .map(|[l, r]| (l.1, r.1))
        .collect()
}

/// For each sentence of each side, its most similar candidate on the other
/// side, as (similarity, index); (0, usize::MAX) for a sentence with none.
fn best_partners(scored: &Scored, right_len: usize) -> [Vec<(f32, usize)>; 2] {
    let none = (0.0, usize::MAX);
    let mut best = [
        vec![none; scored.rows.len().saturating_sub(1)],
        vec![none; right_len],
    ];
    for i in 0..best[0].len() {
        for p in scored.row(i) {
            let j = p.right as usize;
            if p.sim > best[0][i].0 {
                best[0][i] = (p.sim, j);
            }
            if p.sim > best[1][j].0 {
                best[1][j] = (p.sim, i);
            }
        }
    }
    best
}

/// The second pass: where a single sentence is left unique on each side
/// between two links that keep the reading order (or before the first or
/// after the last), the two are linked when they share more than chance
/// ([`Params::weakest`]), however little more: where they sit is most of
/// the evidence (a sentence whose figures were all updated). A lower bar
/// linked a photo caption to the sentence across from it and cost the
/// fables 0.005 of F1; "Is it TOM?" / "Is your name Harry?", which share
/// only "is", stay unique. Linking the most similar pairs left in a
/// longer stretch was tried: on the fables it linked what the human left
/// unique (F1 0.710 to 0.706).
fn link_lone_pairs(
    mut links: Vec<Link>,
    features: &Features,
    free_left: &[bool],
    free_right: &[bool],
    p: Params,
) -> Vec<Link> {
    let kept: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| !l.moved)
        .map(|l| (l.left.end, l.right.end))
        .collect();
    let starts = links
        .iter()
        .filter(|l| !l.moved)
        .map(|l| (l.left.start, l.right.start))
        .chain([(free_left.len(), free_right.len())]);
    let mut added = Vec::new();
    for ((l0, r0), (l1, r1)) in [(0, 0)].into_iter().chain(kept).zip(starts) {
        if l0 >= l1 || r0 >= r1 {
            continue;
        }
        let lone = |free: &[bool], range: Range<usize>| {
            let mut free = range.filter(|&k| free[k]);
            free.next().filter(|_| free.next().is_none())
        };
        let (Some(i), Some(j)) = (lone(free_left, l0..l1), lone(free_right, r0..r1)) else {
            continue;
        };
        // Scored directly: two short sentences that share a word or two
        // may be no candidate pair of the index.
        let sim = features.block_sim(i..i + 1, j..j + 1);
        if sim >= p.weakest {
            added.push(Link {
                left: i..i + 1,
                right: j..j + 1,
                score: sim,
                moved: false,
            });
        }
    }
    links.extend(added);
    links.sort_by_key(|l| (l.left.start, l.right.start));
    links
}

/// Joins moved links that follow each other on both sides into one link: a
/// passage that moved is one unit for the reviewer, and a fact it changed
/// ("denied" / "has not confirmed") may sit in any of its sentences.
fn join_passages(mut links: Vec<Link>, features: &Features) -> Vec<Link> {
    links.sort_by_key(|l| (l.left.start, l.right.start));
    let mut out: Vec<Link> = Vec::with_capacity(links.len());
    for link in links {
        match out.last_mut() {
            Some(prev)
                if prev.moved
                    && link.moved
                    && prev.left.end == link.left.start
                    && prev.right.end == link.right.start =>
            {
                prev.left.end = link.left.end;
                prev.right.end = link.right.end;
                prev.score = features.block_sim(prev.left.clone(), prev.right.clone());
            }
            _ => out.push(link),
        }
    }
    out
}

/// Extends a moved link over the free sentences next to it in the same
/// paragraphs. Rewrites move passages, not sentences: when one sentence of a
/// paragraph is found far away, its neighbours usually travelled with it,
/// even when their wording changed too much to be matched on their own
/// ("denied the reports" / "has not confirmed their fall").
#[allow(clippy::too_many_arguments)]
fn grow_within_paragraphs(
    link: &mut Link,
    features: &Features,
    partners: &[Vec<(f32, usize)>; 2],
    left: &Document,
    right: &Document,
    free_left: &mut [bool],
    free_right: &mut [bool],
    params: Params,
) {
    let same_paragraph = |doc: &Document, a: usize, b: usize| {
        doc.sentences[a].paragraph == doc.sentences[b].paragraph
    };
    loop {
        // The four ways to add one sentence: before or after, on either side.
        let mut options: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let (l, r) = (link.left.clone(), link.right.clone());
        if l.start > 0 && free_left[l.start - 1] && same_paragraph(left, l.start - 1, l.start) {
            options.push((l.start - 1..l.end, r.clone()));
        }
        if l.end < free_left.len() && free_left[l.end] && same_paragraph(left, l.end, l.end - 1) {
            options.push((l.start..l.end + 1, r.clone()));
        }
        if r.start > 0 && free_right[r.start - 1] && same_paragraph(right, r.start - 1, r.start) {
            options.push((l.clone(), r.start - 1..r.end));
        }
        if r.end < free_right.len() && free_right[r.end] && same_paragraph(right, r.end, r.end - 1)
        {
            options.push((l.clone(), r.start..r.end + 1));
        }
        // The sentence added must belong: no free sentence outside the
        // link is so like it that the two could be a moved link of their
        // own, and the passage stays within a split's size on each side.
        // Otherwise a passage found in a one-paragraph article swallowed
        // the paragraph (66 sentences against 12 in a DEplain-web text).
        let belongs = |(nl, nr): &(Range<usize>, Range<usize>)| {
            if nl.len() > params.max_merge || nr.len() > params.max_merge {
                return false;
            }
            let (side, k, opposite) = if nl.len() > l.len() {
                (
                    0,
                    if nl.start < l.start {
                        nl.start
                    } else {
                        nl.end - 1
                    },
                    r.clone(),
                )
            } else {
                (
                    1,
                    if nr.start < r.start {
                        nr.start
                    } else {
                        nr.end - 1
                    },
                    l.clone(),
                )
            };
            let own = opposite
                .clone()
                .map(|o| {
                    let (i, j) = if side == 0 { (k, o) } else { (o, k) };
                    features.block_sim(i..i + 1, j..j + 1)
                })
                .fold(0.0f32, f32::max);
            let (elsewhere, at) = partners[side][k];
            let free_partner = if side == 0 { &free_right } else { &free_left };
            !(elsewhere > own
                && elsewhere >= params.tau_move
                && !opposite.contains(&at)
                && free_partner.get(at).is_some_and(|&f| f))
        };
        let best = options
            .into_iter()
            .filter(belongs)
            .map(|(l, r)| {
                let sim = features.block_sim(l.clone(), r.clone());
                (sim, l, r)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((sim, l, r)) if sim >= params.tau_move.min(link.score) * params.growth_keep => {
                l.clone().for_each(|i| free_left[i] = false);
                r.clone().for_each(|j| free_right[j] = false);
                *link = Link {
                    left: l,
                    right: r,
                    score: sim,
                    moved: true,
                };
            }
            _ => return,
        }
    }
}

/// Does `link` break the order of the (monotone, sorted) `backbone`?
fn crosses(backbone: &[Link], link: &Link) -> bool {
    // The backbone links before `link` on the left must also be before it on the right.
    let at = backbone.partition_point(|b| b.left.start < link.left.start);
    let before_ok = at == 0 || backbone[at - 1].right.end <= link.right.start;
    let after_ok = at == backbone.len() || backbone[at].right.start >= link.right.end;
    !(before_ok && after_ok)
}

/// A candidate pair, held in its left sentence's row of [`Scored`] (12
/// bytes; there are millions at scale): the right sentence, the two
/// sentences' own similarity and the score the search uses, which adds
/// their reading-order context.
#[derive(Clone, Copy)]
struct Pair {
    right: u32,
    sim: f32,
    score: f32,
}

/// The candidate pairs, sorted by (left, right), each scored once for all
/// passes.
struct Scored {
    pairs: Vec<Pair>,
    /// `pairs[rows[i]..rows[i + 1]]` are the pairs of left sentence `i`: a
    /// lookup searches a dozen pairs, whatever the size of the articles.
    rows: Vec<usize>,
}

impl Scored {
    /// Each candidate's similarity, raised by `context` times the mean
    /// similarity of its diagonal neighbours (the sentences before and after
    /// on both sides). A neighbour pair that is no candidate shares too
    /// little to count.
    fn new(features: &Features, context: f32) -> Self {
        let candidates = candidates::candidates(features);
        // Each row is scored straight into its place: at scale there are
        // millions of pairs, and rows gathered per task, then joined, were
        // held twice (a hundred MB more at 50 MB a side).
        let mut pairs = vec![
            Pair {
                right: 0,
                sim: 0.0,
                score: 0.0
            };
            candidates.offsets.last().copied().unwrap_or(0)
        ];
        let scratch = Spare::new();
        candidates::par_rows(&mut pairs, &candidates.offsets, 128).for_each(|(left, row)| {
            let rights = candidates.get(left as u32);
            let dots = scratch.with(
                || features.scratch(),
                |scratch| features.dots_from(left, rights, scratch),
            );
            for ((pair, &right), dots) in row.iter_mut().zip(rights).zip(dots) {
                let sim = features.sim_of_dots(left, right as usize, dots);
                *pair = Pair {
                    right,
                    sim,
                    score: sim,
                };
            }
        });
        let mut scored = Scored {
            pairs,
            rows: candidates.offsets,
        };
        let raw = |i: Option<usize>, j: Option<usize>| match (i, j) {
            (Some(i), Some(j)) => scored.find(i, j).map_or(0.0, |p| p.sim),
            _ => 0.0,
        };
        let mut contexts = vec![0.0f32; scored.pairs.len()];
        candidates::par_rows(&mut contexts, &scored.rows, 512).for_each(|(i, row)| {
            for (c, p) in row.iter_mut().zip(scored.row(i)) {
                let j = p.right as usize;
                *c =
                    (raw(i.checked_sub(1), j.checked_sub(1)) + raw(Some(i + 1), Some(j + 1))) / 2.0;
            }
        });
        for (pair, c) in scored.pairs.iter_mut().zip(contexts) {
            pair.score += context * c;
        }
        scored
    }

    /// The pairs of left sentence `left` (none past the last), by right
    /// sentence.
    fn row(&self, left: usize) -> &[Pair] {
        match (self.rows.get(left), self.rows.get(left + 1)) {
            (Some(&from), Some(&to)) => &self.pairs[from..to],
            _ => &[],
        }
    }

    fn find(&self, left: usize, right: usize) -> Option<&Pair> {
        let row = self.row(left);
        row.binary_search_by_key(&right, |p| p.right as usize)
            .ok()
            .map(|k| &row[k])
    }
}

/// Scored blocks over free sentences (1:1 pairs and 1:k / k:1 merges) and
/// the indices of the best chain through them ([`chain::Sweep`]). The
/// blocks come in the order of the pairs they start from, so in order of
/// their first left sentence, as the chain needs; it breaks ties by this
/// order.
fn chained_blocks(
    features: &Features,
    scored: &Scored,
    identical: &KeySet<(usize, usize)>,
    free_left: &[bool],
    free_right: &[bool],
    p: Params,
    right_len: usize,
) -> (Vec<Block>, Vec<usize>) {
    // At scale there are millions of blocks, about one per pair: built a
    // group of rows at a time (in parallel within the group) and appended,
    // they are held once, not once in each task's part and again joined.
    // The sweep takes each group while the next one is built.
    const GROUP: usize = 2048;
    const PART: usize = 32;
    let rows = features.len(Side::Left);
    let mut sweep = chain::Sweep::new(right_len, f64::from(p.continuity));
    let mut out = Vec::new();
    let mut fed = 0;
    for group in (0..rows).step_by(GROUP) {
        let end = rows.min(group + GROUP);
        let build = || -> Vec<Vec<Block>> {
            (group..end)
                .into_par_iter()
                .step_by(PART)
                .map(|part| {
                    blocks_from(
                        part..end.min(part + PART),
                        features,
                        scored,
                        identical,
                        free_left,
                        free_right,
                        p,
                    )
                })
                .collect()
        };
        let (parts, ()) = rayon::join(build, || sweep.feed(&out[fed..]));
        fed = out.len();
        // Exactly: doubling would leave up to half the blocks' size spare
        // (tens of MB at 50 MB); growing a vector this large by a group
        // costs about as little either way.
        out.reserve_exact(parts.iter().map(Vec::len).sum());
        parts.into_iter().for_each(|part| out.extend(part));
    }
    sweep.feed(&out[fed..]);
    let chain = sweep.finish();
    (out, chain)
}

/// The blocks that start from the pairs of left sentences `rows`.
fn blocks_from(
    rows: Range<usize>,
    features: &Features,
    scored: &Scored,
    identical: &KeySet<(usize, usize)>,
    free_left: &[bool],
    free_right: &[bool],
    p: Params,
) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, pair) in rows.flat_map(|i| scored.row(i).iter().map(move |pair| (i, pair))) {
        let (j, score) = (pair.right as usize, pair.score);
        if !free_left[i] || !free_right[j] {
            continue;
        }
        // Pairs below `tau` enter with a negative gain: only a run of links
        // (the continuity bonus) can make them worth taking.
        if score > p.floor {
            // The gain uses the score with its context; the link reports
            // the pair's own similarity, which stays in [0, 1].
            let certain = if identical.contains(&(i, j)) {
                p.identical
            } else {
                0.0
            };
            let excess =
                score - p.tau - p.length * features.length_mismatch(i..i + 1, j..j + 1) + certain;
            push(
                &mut out,
                Block::new(
                    (i as u32, i as u32),
                    (pair.right, pair.right),
                    excess,
                    pair.sim,
                ),
                p,
            );
        }
        // Several left sentences from i against right sentence j, and one
        // left sentence against several right sentences from j.
        if score >= p.tau_part {
            grow(
                &mut out,
                || Growth::new(features, Side::Left, i, j),
                i,
                free_left,
                |k| scored.find(k, j),
                p,
            );
            grow(
                &mut out,
                || Growth::new(features, Side::Right, j, i),
                j,
                free_right,
                |k| scored.find(i, k),
                p,
            );
        }
    }
    out
}

/// Grows a split or merge while the next sentence is free, relates to the
/// sentence opposite, and covers more of it; adds each size as a block.
/// `pair_with_single` is the scored pair of a run sentence and the single
/// one: a sentence that is no candidate shares too little to join.
fn grow<'a>(
    out: &mut Vec<Block>,
    start: impl FnOnce() -> Growth<'a>,
    first: usize,
    free: &[bool],
    pair_with_single: impl Fn(usize) -> Option<&'a Pair>,
    p: Params,
) {
    let can_join = |k: usize| {
        k < free.len() && free[k] && pair_with_single(k).map_or(0.0, |q| q.score) >= p.tau_part
    };
    if !can_join(first + 1) {
        return; // the common case: nothing to grow, so build nothing
    }
    let mut growth = start();
    let mut covered = growth.coverage();
    while growth.len() < p.max_merge && can_join(growth.next()) {
        growth.push();
        let grown = growth.coverage();
        if grown - covered < p.min_contribution {
            break;
        }
        covered = grown;
        let sim = growth.sim();
        if sim > p.floor {
            let (run, single) = (growth.run(), growth.single());
            let (run, single) = (
                (run.start as u32, run.end as u32 - 1),
                (single as u32, single as u32),
            );
            let (left, right) = match growth.side() {
                Side::Left => (run, single),
                Side::Right => (single, run),
            };
            push(
                out,
                Block::new(
                    left,
                    right,
                    sim - p.tau - p.length * growth.length_mismatch(),
                    sim,
                ),
                p,
            );
        }
    }
}

/// Adds a block unless no best chain can take it. Taking a block earns
/// its gain and at most two continuity bonuses (for continuing the block
/// before it and being continued by the one after); the chain without it is
/// still a chain. So a block whose gain is below minus two bonuses is in no
/// best chain, and leaving it out changes nothing but memory: at scale most
/// candidate pairs are chance matches of this kind.
fn push(out: &mut Vec<Block>, block: Block, p: Params) {
    if block.gain() >= -2.0 * f64::from(p.continuity) {
        out.push(block);
    }
}

#[cfg(test)]
mod tests;
