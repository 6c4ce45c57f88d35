//! Folding what agrees: runs of aligned passages shown as one line
//! ("… 14 aligned passages …"), keeping one passage of context next to
//! each difference as `diff -U1` does. A fold is a run of items of one
//! view (units in the aligned view, a pane's passages in the reading view);
//! its first item stands for the whole run and the others take no rows.

use std::ops::Range;

use super::layout::Stack;

/// What an item of a view is, for folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Aligned and unremarkable: may be folded.
    Foldable,
    /// A difference (divergent, unique, moved): never folded, and one
    /// passage on each side of it stays as context.
    Change,
    /// Shown, but needs no context: a passage the reviewer opened, or one
    /// with notes.
    Shown,
}

/// The runs to fold among items of the kinds given, in display order: the
/// maximal runs of foldable items, less one item of context next to a
/// change, and only those at least two items long (one line for one
/// passage saves nothing worth a fold).
pub fn runs(kinds: &[Kind]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < kinds.len() {
        if kinds[i] != Kind::Foldable {
            i += 1;
            continue;
        }
        let start = i;
        while i < kinds.len() && kinds[i] == Kind::Foldable {
            i += 1;
        }
        let before = start > 0 && kinds[start - 1] == Kind::Change;
        let after = i < kinds.len() && kinds[i] == Kind::Change;
        let run = start + usize::from(before)..i.saturating_sub(usize::from(after));
        if run.end >= run.start + 2 {
            out.push(run);
        }
    }
    out
}

/// The run (among sorted `runs`) that holds `item`.
pub fn run_of(runs: &[Range<usize>], item: usize) -> Option<Range<usize>> {
    let i = runs.partition_point(|r| r.end <= item);
    runs.get(i).filter(|r| r.start <= item).cloned()
}

/// Is `item` folded away (in a run, not its first item)?
pub fn hidden(runs: &[Range<usize>], item: usize) -> bool {
    run_of(runs, item).is_some_and(|r| r.start != item)
}

/// Rows of items of the given `heights`, each run drawn as one line at its
/// first item; the other items of a run take no rows and share its top.
pub fn stack(heights: &[usize], runs: &[Range<usize>]) -> Stack {
    let mut heights = heights.to_vec();
    let mut tops = Vec::with_capacity(heights.len());
    let mut runs = runs.iter().peekable();
    let mut row = 0;
    let mut i = 0;
    while i < heights.len() {
        let run = runs
            .next_if(|r| r.start == i)
            .map_or(i..i + 1, Clone::clone);
        if run.len() > 1 {
            heights[run.start] = 1;
            heights[run.start + 1..run.end].fill(0);
        }
        tops.extend(std::iter::repeat_n(row, run.len()));
        row += heights[run.start] + 1;
        i = run.end;
    }
    Stack {
        tops,
        heights,
        total: row.saturating_sub(1),
    }
}

/// The fold line of a run of `count` passages.
pub fn label(count: usize) -> String {
    format!("… {count} aligned passages …")
}

#[cfg(test)]
mod tests {
    use super::Kind::{Change as C, Foldable as F, Shown as S};
    use super::*;

    #[test]
    fn runs_keep_one_passage_of_context_next_to_a_change() {
        assert_eq!(runs(&[F, F, F, C, F, F, F, F, C]), vec![0..2, 5..7]);
        // Next to an opened passage no context is kept; a run of one is left.
        assert_eq!(runs(&[S, F, F, F, C, F, F, F]), vec![1..3, 6..8]);
        assert_eq!(runs(&[S, F, F, C, F, F]), Vec::<Range<usize>>::new());
        assert_eq!(runs(&[C, F, F, C]), Vec::<Range<usize>>::new());
        assert_eq!(runs(&[]), Vec::<Range<usize>>::new());
    }

    proptest::proptest! {
        /// Folds hold only foldable items, never touch a change (one item of
        /// context stays between), are at least two long and sorted; every
        /// other foldable item stands next to a change or is in a run too
        /// short to fold. The folded stack gives each run one row.
        #[test]
        fn folds_keep_every_difference_and_its_context(
            kinds in proptest::collection::vec(proptest::sample::select(vec![F, F, F, C, S]), 0..60),
            heights in proptest::collection::vec(1usize..5, 60),
        ) {
            let runs = runs(&kinds);
            for (i, r) in runs.iter().enumerate() {
                proptest::prop_assert!(r.len() >= 2);
                proptest::prop_assert!(kinds[r.clone()].iter().all(|&k| k == F));
                proptest::prop_assert!(r.start == 0 || kinds[r.start - 1] != C, "no context before {r:?}");
                proptest::prop_assert!(r.end == kinds.len() || kinds[r.end] != C, "no context after {r:?}");
                proptest::prop_assert!(i == 0 || runs[i - 1].end < r.start);
            }
            for (i, &k) in kinds.iter().enumerate() {
                if k != F && run_of(&runs, i).is_some() {
                    proptest::prop_assert!(false, "item {i} ({k:?}) folded");
                }
                if k == F && run_of(&runs, i).is_none() {
                    // Left out: context of a change, or in too short a run.
                    let a = kinds[..i].iter().rposition(|&k| k != F).map_or(0, |p| p + 1);
                    let b = kinds[i..].iter().position(|&k| k != F).map_or(kinds.len(), |p| i + p);
                    let trimmed = a + usize::from(a > 0 && kinds[a - 1] == C)..b - usize::from(b < kinds.len() && kinds[b] == C);
                    proptest::prop_assert!(!trimmed.contains(&i) || trimmed.len() < 2, "item {i} could be folded");
                }
            }
            let heights = &heights[..kinds.len()];
            let s = stack(heights, &runs);
            let shown: usize = (0..kinds.len()).filter(|&i| !hidden(&runs, i)).map(|i| s.heights[i] + 1).sum();
            proptest::prop_assert_eq!(s.total, shown.saturating_sub(1));
            for i in (0..kinds.len()).filter(|&i| !hidden(&runs, i)) {
                proptest::prop_assert_eq!(s.item_at(s.tops[i]), Some(i));
            }
        }
    }

    #[test]
    fn a_folded_stack_gives_a_run_one_line() {
        let one: &[Range<usize>] = &[Range { start: 1, end: 3 }];
        let s = stack(&[2, 3, 1, 4], one);
        assert_eq!(s.tops, vec![0, 3, 3, 5]);
        assert_eq!(s.heights, vec![2, 1, 0, 4]);
        // The hidden item shares the fold line's top; lookups give the line.
        assert_eq!(s.item_at(3), Some(1));
        assert_eq!(s.item_at(5), Some(3));
        assert!(hidden(one, 2) && !hidden(one, 1) && !hidden(one, 3));
        assert_eq!(run_of(&[1..3, 5..8], 6), Some(5..8));
        assert_eq!(run_of(&[1..3, 5..8], 4), None);
    }
}
