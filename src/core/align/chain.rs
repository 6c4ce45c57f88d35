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

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::binary_heap::PeekMut;

use crate::core::hashing::PairMap;

/// A candidate link: a run of left sentences against a run of right ones.
/// At scale there are about as many blocks as candidate pairs, millions,
/// so a block is 20 bytes and its gain is computed when read.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The first sentence of each run, left and right.
    first: [u32; 2],
    /// The sentences in each run.
    len: [u16; 2],
    /// By how much the block's similarity clears the threshold, less its
    /// length penalty.
    excess: f32,
    /// The similarity of the two runs, in [0, 1].
    pub sim: f32,
}

impl Block {
    /// The block of `left` and `right` (first and last sentences).
    pub fn new(left: (u32, u32), right: (u32, u32), excess: f32, sim: f32) -> Self {
        let len = |(first, last): (u32, u32)| {
            u16::try_from(last - first + 1).expect("a run is at most a few sentences")
        };
        Block {
            first: [left.0, right.0],
            len: [len(left), len(right)],
            excess,
            sim,
        }
    }

    /// The first and last left sentences.
    pub fn left(&self) -> (u32, u32) {
        (self.first[0], self.first[0] + u32::from(self.len[0]) - 1)
    }

    /// The first and last right sentences.
    pub fn right(&self) -> (u32, u32) {
        (self.first[1], self.first[1] + u32::from(self.len[1]) - 1)
    }

    /// How much better taking the block is than leaving its sentences
    /// unaligned: its excess for each sentence, as a pair counts it, less
    /// 0.02 for each sentence beyond a pair (a split or merge must earn its
    /// extra parts). For a pair this is the excess itself.
    pub fn gain(&self) -> f64 {
        let size = f64::from(self.len[0] + self.len[1]);
        f64::from(self.excess) * size / 2.0 - 0.02 * (size - 2.0)
    }
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
        PrefixMax {
            tree: vec![(0.0, NONE); n + 1],
        }
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

/// How a block continues the one before it: its first sentences are these
/// many after the other's last, on the left and on the right (the next
/// sentence on both sides, or one skipped on one side).
const STEPS: [(u32, u32); 3] = [(1, 1), (2, 1), (1, 2)];

/// The search for the best chain of blocks, taken in order of their first
/// left sentence. A block that directly continues the previous one (next
/// sentence on both sides, or one skipped on one side) earns `continuity`
/// on top of its gain: in a rewrite, weakly similar sentences that sit in a
/// run of links are likely links too, while an isolated weak match is
/// likely chance.
///
/// The blocks come a part at a time: the aligner feeds each group of blocks
/// while it builds the next, so the sweep, which is sequential, runs beside
/// that work instead of after it. Parts fed in turn give the chain of
/// feeding them all at once.
pub struct Sweep {
    continuity: f64,
    /// Per block fed, the block before it in its best chain (`u32::MAX`
    /// for none). Block indices are u32: at scale there are millions of
    /// blocks, and this is the one thing kept per block.
    prev: Vec<u32>,
    tree: PrefixMax,
    /// Blocks met but not yet in the tree, which takes them once the sweep
    /// is past their last left sentence: only those of the last few rows.
    /// Each is (last left sentence, index, last right sentence, total's
    /// bits), lowest first; the first two are unique, so the order never
    /// reads the rest.
    pending: BinaryHeap<Reverse<(u32, u32, u32, u64)>>,
    best: (f64, usize),
    /// Best total of the blocks ending at each (left, right) cell. Only the
    /// cells one or two rows above the current block are ever looked up, so
    /// rows far behind the sweep are dropped from time to time.
    ending: PairMap<(f64, usize)>,
    pruned_to: usize,
    /// The first left sentence of the last block fed.
    last_start: u32,
}

impl Sweep {
    pub fn new(right_len: usize, continuity: f64) -> Self {
        Sweep {
            continuity,
            prev: Vec::new(),
            tree: PrefixMax::new(right_len),
            pending: BinaryHeap::new(),
            best: (0.0, NONE),
            ending: PairMap::default(),
            pruned_to: 0,
            last_start: 0,
        }
    }

    /// Takes the next blocks: they continue the order of those fed before.
    pub fn feed(&mut self, blocks: &[Block]) {
        let first = self.prev.len();
        let in_order = blocks.first().is_none_or(|b| b.left().0 >= self.last_start)
            && blocks.is_sorted_by_key(|b| b.left().0);
        assert!(
            in_order,
            "blocks must come in order of their first left sentence"
        );
        self.last_start = blocks.last().map_or(self.last_start, |b| b.left().0);
        // Exactly, as the aligner grows its blocks: no spare capacity.
        self.prev.reserve_exact(blocks.len());
        for (k, block) in blocks.iter().enumerate() {
            let b = first + k;
            let (left, right) = (block.left(), block.right());
            let (start, right_start) = (left.0 as usize, right.0 as usize);
            if start >= self.pruned_to + PRUNE_EVERY {
                self.ending.retain(|&(row, _), _| row + 2 >= start);
                self.pruned_to = start;
            }
            // Blocks that end before this one starts may precede it; they enter
            // the tree in order of their last left sentence, then of index.
            while let Some(done) = self.pending.peek_mut().filter(|p| p.0.0 < left.0) {
                let Reverse((_, done, right_end, total)) = PeekMut::pop(done);
                self.tree
                    .raise(right_end as usize, (f64::from_bits(total), done as usize));
            }
            let mut before = self.tree.best_before(right_start);
            for (dl, dr) in STEPS {
                let (Some(pl), Some(pr)) = (
                    start.checked_sub(dl as usize),
                    right_start.checked_sub(dr as usize),
                ) else {
                    continue;
                };
                if let Some(&(t, a)) = self.ending.get(&(pl, pr))
                    && better((t + self.continuity, a), before)
                {
                    before = (t + self.continuity, a);
                }
            }
            let total = before.0 + block.gain();
            self.prev.push(if before.1 == NONE {
                u32::MAX
            } else {
                before.1 as u32
            });
            self.pending
                .push(Reverse((left.1, b as u32, right.1, total.to_bits())));
            let slot = self
                .ending
                .entry((left.1 as usize, right.1 as usize))
                .or_insert((f64::NEG_INFINITY, NONE));
            if better((total, b), *slot) {
                *slot = (total, b);
            }
            if better((total, b), self.best) {
                self.best = (total, b);
            }
        }
    }

    /// Indices of the blocks of the best chain of all the blocks fed, in
    /// order.
    pub fn finish(self) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = self.best.1;
        while at != NONE {
            chain.push(at);
            at = if self.prev[at] == u32::MAX {
                NONE
            } else {
                self.prev[at] as usize
            };
        }
        chain.reverse();
        chain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Indices into `blocks` (in order of their first left sentence) of
    /// the best chain: the sweep fed them all at once.
    fn best_chain(blocks: &[Block], right_len: usize, continuity: f64) -> Vec<usize> {
        let mut sweep = Sweep::new(right_len, continuity);
        sweep.feed(blocks);
        sweep.finish()
    }

    fn block(l: (u32, u32), r: (u32, u32), excess: f32) -> Block {
        Block::new(l, r, excess, 0.0)
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
                .map(|&(l, dl, r, dr, g)| block((l, l + dl), (r, r + dr), g as f32 / 100.0))
                .collect();
            blocks.sort_by_key(|b| b.left().0);
            let kept: Vec<usize> = (0..blocks.len()).filter(|&b| blocks[b].gain() >= -2.0 * continuity).collect();
            let pruned: Vec<Block> = kept.iter().map(|&b| blocks[b].clone()).collect();
            let all = best_chain(&blocks, 40, continuity);
            let without: Vec<usize> = best_chain(&pruned, 40, continuity).into_iter().map(|b| kept[b]).collect();
            proptest::prop_assert_eq!(all, without);
        }
    }

    fn continues(a: &Block, b: &Block) -> bool {
        STEPS.contains(&(
            b.left().0.wrapping_sub(a.left().1),
            b.right().0.wrapping_sub(a.right().1),
        ))
    }

    /// The total of `chain` (indices into `blocks`): gains, and a bonus for
    /// each block that continues the one before it.
    fn total(blocks: &[Block], chain: &[usize], continuity: f64) -> f64 {
        let bonuses = chain
            .windows(2)
            .filter(|w| continues(&blocks[w[0]], &blocks[w[1]]))
            .count();
        chain.iter().map(|&b| blocks[b].gain()).sum::<f64>() + continuity * bonuses as f64
    }

    proptest::proptest! {
        /// The sweep finds a chain as heavy as the plain quadratic dynamic
        /// program over all blocks, and the chain it returns is one: each
        /// block strictly after the one before on both sides.
        #[test]
        fn the_sweep_finds_the_heaviest_chain(
            raw in proptest::collection::vec((0u32..25, 0u32..3, 0u32..25, 0u32..3, -30i32..60), 0..60),
        ) {
            let continuity = 0.04;
            let mut blocks: Vec<Block> = raw.iter().map(|&(l, dl, r, dr, g)| block((l, l + dl), (r, r + dr), g as f32 / 100.0)).collect();
            blocks.sort_by_key(|b| b.left().0);
            let mut best = vec![0.0f64; blocks.len()];
            for b in 0..blocks.len() {
                let before = (0..b)
                    .filter(|&a| blocks[a].left().1 < blocks[b].left().0 && blocks[a].right().1 < blocks[b].right().0)
                    .map(|a| best[a] + if continues(&blocks[a], &blocks[b]) { continuity } else { 0.0 })
                    .fold(0.0f64, f64::max);
                best[b] = before + blocks[b].gain();
            }
            let want = best.iter().copied().fold(0.0f64, f64::max);
            let chain = best_chain(&blocks, 30, continuity);
            for w in chain.windows(2) {
                proptest::prop_assert!(blocks[w[0]].left().1 < blocks[w[1]].left().0 && blocks[w[0]].right().1 < blocks[w[1]].right().0);
            }
            let got = total(&blocks, &chain, continuity);
            proptest::prop_assert!((got - want).abs() < 1e-9, "chain {got}, best {want}");
        }
    }

    proptest::proptest! {
        /// Feeding the blocks in parts, wherever they are cut, finds the
        /// chain of feeding them all at once.
        #[test]
        fn parts_fed_in_turn_find_the_chain_of_the_whole(
            raw in proptest::collection::vec((0u32..25, 0u32..3, 0u32..25, 0u32..3, -30i32..60), 0..60),
            cuts in proptest::collection::vec(0usize..60, 0..5),
        ) {
            let mut blocks: Vec<Block> = raw.iter().map(|&(l, dl, r, dr, g)| block((l, l + dl), (r, r + dr), g as f32 / 100.0)).collect();
            blocks.sort_by_key(|b| b.left().0);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(blocks.len())).chain([0, blocks.len()]).collect();
            cuts.sort_unstable();
            let mut sweep = Sweep::new(30, 0.04);
            for part in cuts.windows(2) {
                sweep.feed(&blocks[part[0]..part[1]]);
            }
            proptest::prop_assert_eq!(sweep.finish(), best_chain(&blocks, 30, 0.04));
        }
    }

    #[test]
    #[should_panic(expected = "blocks must come in order")]
    fn a_part_that_goes_back_is_refused() {
        let mut sweep = Sweep::new(5, 0.04);
        sweep.feed(&[block((2, 2), (0, 0), 0.5)]);
        sweep.feed(&[block((1, 1), (1, 1), 0.5)]);
    }

    #[test]
    fn empty_input() {
        assert!(best_chain(&[], 0, 0.0).is_empty());
    }
}
