//! The best monotone alignment over a sparse set of scored blocks.
//!
//! A block pairs a run of left sentences with a run of right sentences and
//! carries a gain (how much better than leaving both unaligned it is). The
//! best alignment that keeps the reading order of both articles is the chain
//! of blocks, each strictly after the previous one on both sides, with the
//! largest total gain. Because skipping a sentence gains nothing, this equals
//! the thresholded dynamic program over all n x m cells, but it costs only
//! O(K log K) for K blocks: a sweep over left positions with a Fenwick tree
//! of prefix maxima over right positions.

use crate::core::hashing::PairMap;

/// A candidate link between `left` and `right` (inclusive ranges).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub left: (u32, u32),
    pub right: (u32, u32),
    pub gain: f64,
    pub sim: f32,
}

/// Prefix-maximum Fenwick tree over right positions.
struct PrefixMax {
    tree: Vec<(f64, usize)>,
}

const NONE: usize = usize::MAX;

/// Rows of the sweep between two prunings of the cells it no longer needs.
const PRUNE_EVERY: usize = 64;

impl PrefixMax {
    fn new(n: usize) -> Self {
        PrefixMax { tree: vec![(0.0, NONE); n + 1] }
    }

    /// Records `value` for position `pos` (0-based).
    fn raise(&mut self, pos: usize, value: (f64, usize)) {
        let mut i = pos + 1;
        while i < self.tree.len() {
            if better(value, self.tree[i]) {
                self.tree[i] = value;
            }
            i += i & i.wrapping_neg();
        }
    }

    /// Best value over positions `0..end`.
    fn best_before(&self, end: usize) -> (f64, usize) {
        let mut i = end;
        let mut best = (0.0, NONE);
        while i > 0 {
            if better(self.tree[i], best) {
                best = self.tree[i];
            }
            i -= i & i.wrapping_neg();
        }
        best
    }
}

/// Higher value wins; ties go to the earlier block, so results are deterministic.
fn better(a: (f64, usize), b: (f64, usize)) -> bool {
    a.0 > b.0 + 1e-12 || ((a.0 - b.0).abs() <= 1e-12 && a.1 < b.1)
}

/// Indices into `blocks` (which come in order of their first left
/// sentence) of the best chain, in order. A block that directly
/// continues the previous one (next sentence on both sides, or one skipped
/// on one side) earns `continuity` on top of its gain: in a rewrite, weakly
/// similar sentences that sit in a run of links are likely links too, while
/// an isolated weak match is likely chance.
pub fn best_chain(blocks: &[Block], right_len: usize, continuity: f64) -> Vec<usize> {
    if blocks.is_empty() {
        return Vec::new();
    }
    assert!(blocks.is_sorted_by_key(|b| b.left.0), "blocks must come in order of their first left sentence");
    // Block indices as u32: at scale there are millions of blocks.
    let mut by_end: Vec<u32> = (0..blocks.len() as u32).collect();
    by_end.sort_by_key(|&b| (blocks[b as usize].left.1, b));

    let mut total = vec![0.0f64; blocks.len()];
    let mut prev = vec![u32::MAX; blocks.len()];
    let mut tree = PrefixMax::new(right_len);
    let mut next_insert = 0;
    let mut best = (0.0, NONE);
    // Best total of the blocks ending at each (left, right) cell. Only the
    // cells one or two rows above the current block are ever looked up, so
    // rows far behind the sweep are dropped from time to time.
    let mut ending: PairMap<(f64, usize)> = PairMap::default();
    let mut pruned_to = 0;
    for (b, block) in blocks.iter().enumerate() {
        let (start, right_start) = (block.left.0 as usize, block.right.0 as usize);
        if start >= pruned_to + PRUNE_EVERY {
            ending.retain(|&(row, _), _| row + 2 >= start);
            pruned_to = start;
        }
        // Blocks that end before this one starts may precede it.
        while next_insert < by_end.len() && blocks[by_end[next_insert] as usize].left.1 < block.left.0 {
            let done = by_end[next_insert] as usize;
            tree.raise(blocks[done].right.1 as usize, (total[done], done));
            next_insert += 1;
        }
        let mut before = tree.best_before(right_start);
        for (dl, dr) in [(1, 1), (2, 1), (1, 2)] {
            let (Some(pl), Some(pr)) = (start.checked_sub(dl), right_start.checked_sub(dr)) else { continue };
            if let Some(&(t, a)) = ending.get(&(pl, pr)) && better((t + continuity, a), before) {
                before = (t + continuity, a);
            }
        }
        total[b] = before.0 + block.gain;
        prev[b] = if before.1 == NONE { u32::MAX } else { before.1 as u32 };
        let slot = ending.entry((block.left.1 as usize, block.right.1 as usize)).or_insert((f64::NEG_INFINITY, NONE));
        if better((total[b], b), *slot) {
            *slot = (total[b], b);
        }
        if better((total[b], b), best) {
            best = (total[b], b);
        }
    }
    let mut chain = Vec::new();
    let mut at = best.1;
    while at != NONE {
        chain.push(at);
        at = if prev[at] == u32::MAX { NONE } else { prev[at] as usize };
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(l: (u32, u32), r: (u32, u32), gain: f64) -> Block {
        Block { left: l, right: r, gain, sim: 0.0 }
    }

    #[test]
    fn picks_the_heaviest_non_crossing_chain() {
        let blocks = vec![
            block((0, 0), (0, 0), 1.0),
            block((1, 1), (1, 1), 1.0),
            block((2, 2), (0, 0), 1.5), // crosses both: worth less than the pair
            block((2, 3), (2, 2), 0.5),
        ];
        assert_eq!(best_chain(&blocks, 3, 0.0), vec![0, 1, 3]);
    }

    #[test]
    fn blocks_must_not_overlap_on_either_side() {
        let blocks = vec![block((0, 1), (0, 0), 1.0), block((1, 1), (1, 1), 1.0)];
        assert_eq!(best_chain(&blocks, 2, 0.0).len(), 1);
    }

    proptest::proptest! {
        /// What `blocks` in the aligner leaves out: a block whose gain is
        /// below minus two continuity bonuses is in no best chain, so the
        /// chain is the same without it.
        #[test]
        fn blocks_below_two_bonuses_never_change_the_chain(
            raw in proptest::collection::vec((0u32..30, 0u32..3, 0u32..30, 0u32..3, -40i32..40), 0..80),
        ) {
            let continuity = 0.04;
            let mut blocks: Vec<Block> = raw
                .iter()
                .map(|&(l, dl, r, dr, g)| block((l, l + dl), (r, r + dr), f64::from(g) / 100.0))
                .collect();
            blocks.sort_by_key(|b| b.left.0);
            let kept: Vec<usize> = (0..blocks.len()).filter(|&b| blocks[b].gain >= -2.0 * continuity).collect();
            let pruned: Vec<Block> = kept.iter().map(|&b| blocks[b].clone()).collect();
            let all = best_chain(&blocks, 40, continuity);
            let without: Vec<usize> = best_chain(&pruned, 40, continuity).into_iter().map(|b| kept[b]).collect();
            proptest::prop_assert_eq!(all, without);
        }
    }

    #[test]
    fn empty_input() {
        assert!(best_chain(&[], 0, 0.0).is_empty());
    }
}
