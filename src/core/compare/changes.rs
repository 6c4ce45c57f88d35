//! Word-level differences inside one link, computed with `similar` on the
//! link's own words only (never across whole documents, which would pair
//! words of unrelated passages).

use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::core::Side;
pub use crate::core::detect::{Change, LinkText, Op};
use crate::core::tokens::{PairTokens, Vocabulary, WordToken};

/// Time allowed for one link's diff. Pathological inputs (a single
/// 100,000-word "sentence") get a coarser but still correct diff.
const DIFF_BUDGET: Duration = Duration::from_millis(200);

/// Words on both sides below which a link's diff gets no deadline: Myers'
/// worst case for them, a few million steps, is a few milliseconds, far
/// within the budget, and a deadline costs a clock read at every step of
/// the search (a hundredth of all the work).
const NO_DEADLINE_BELOW: usize = 2000;

/// The words of both sides of a link and the changes between them. The
/// words are not copied: they are runs of the pair's token stream, which
/// every link shares.
#[derive(Debug, Clone, Default)]
pub struct WordDiff {
    tokens: Arc<PairTokens>,
    /// Per side, where the link's words stand in that side's stream.
    runs: [Range<usize>; 2],
    /// Token ranges are indices into [`Self::left`] and [`Self::right`].
    pub changes: Vec<Change>,
}

impl WordDiff {
    /// Diffs the words of the `left` sentences against those of the `right`
    /// sentences. Words are compared by their id in the shared vocabulary:
    /// the same id is the same normal form.
    pub fn new(tokens: &Arc<PairTokens>, left: Range<usize>, right: Range<usize>) -> Self {
        let runs = [tokens.left.run(left), tokens.right.run(right)];
        let ids = |stream: &[WordToken], run: &Range<usize>| {
            stream[run.clone()]
                .iter()
                .map(|t| t.word())
                .collect::<Vec<u32>>()
        };
        let (a, b) = (
            ids(tokens.left.tokens(), &runs[0]),
            ids(tokens.right.tokens(), &runs[1]),
        );
        let deadline =
            (a.len() + b.len() >= NO_DEADLINE_BELOW).then(|| Instant::now() + DIFF_BUDGET);
        let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, deadline);
        WordDiff {
            tokens: Arc::clone(tokens),
            runs,
            changes: group(&ops),
        }
    }

    /// The link's words on the left side, in order.
    pub fn left(&self) -> &[WordToken] {
        self.side(Side::Left)
    }

    pub fn right(&self) -> &[WordToken] {
        self.side(Side::Right)
    }

    pub fn side(&self, side: Side) -> &[WordToken] {
        let run = self.runs[side.index()].clone();
        &self.tokens.side(side).tokens()[run]
    }

    /// The words' normal forms, stems and flags.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.tokens.vocabulary
    }

    /// What the detectors read of the link whose sentences are `sentences`
    /// (the ranges this diff was made of).
    pub fn text<'a>(&'a self, sentences: [&'a Range<usize>; 2]) -> LinkText<'a> {
        LinkText {
            words: [self.left(), self.right()],
            runs: [&self.runs[0], &self.runs[1]],
            sentences,
            vocabulary: self.vocabulary(),
            changes: &self.changes,
        }
    }

    /// Byte span of a token range on the left side, if non-empty.
    pub fn left_span(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        span(self.left(), range)
    }

    pub fn right_span(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        span(self.right(), range)
    }
}

fn span(tokens: &[WordToken], range: &Range<usize>) -> Option<(usize, usize)> {
    (!range.is_empty()).then(|| (tokens[range.start].span().0, tokens[range.end - 1].span().1))
}

/// Joins each run of non-equal operations into one change.
fn group(ops: &[DiffOp]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    let mut open: Option<(Range<usize>, Range<usize>)> = None;
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        if matches!(op, DiffOp::Equal { .. }) {
            out.extend(open.take().map(|(l, r)| make(l, r)));
            continue;
        }
        open = Some(match open {
            None => (old, new),
            Some((l, r)) => (l.start..old.end.max(l.end), r.start..new.end.max(r.end)),
        });
    }
    out.extend(open.map(|(l, r)| make(l, r)));
    out
}

fn make(left: Range<usize>, right: Range<usize>) -> Change {
    let op = match (left.is_empty(), right.is_empty()) {
        (false, false) => Op::Replace,
        (false, true) => Op::Delete,
        _ => Op::Insert,
    };
    Change { op, left, right }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::document::Document;

    /// The diff of the last sentence of each document.
    fn diff(left: &str, right: &str) -> WordDiff {
        let (l, r) = (Document::parse("l", left), Document::parse("r", right));
        let last = |d: &Document| d.sentences.len() - 1..d.sentences.len();
        WordDiff::new(&Arc::new(PairTokens::new(&l, &r)), last(&l), last(&r))
    }

    #[test]
    fn replace_delete_insert_with_file_offsets() {
        let d = diff(
            "Shelling resumed.\nThe border town of Vovchansk fell",
            "The town of Vovshansk fell today",
        );
        let ops: Vec<_> = d
            .changes
            .iter()
            .map(|c| (c.op, d.left_span(&c.left), d.right_span(&c.right)))
            .collect();
        assert_eq!(
            ops,
            vec![
                (Op::Delete, Some((22, 28)), None),
                (Op::Replace, Some((37, 46)), Some((12, 21))),
                (Op::Insert, None, Some((27, 32))),
            ]
        );
    }

    #[test]
    fn identical_text_has_no_changes_even_with_case_and_apostrophes() {
        let d = diff("Ukraine’s sovereignty", "ukraine's Sovereignty");
        assert!(d.changes.is_empty());
    }
}
