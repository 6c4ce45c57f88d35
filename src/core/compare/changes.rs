//! Word-level differences inside one link, computed with `similar` on the
//! link's own words only (never across whole documents, which would pair
//! words of unrelated passages).

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::core::tokens::{self, Token};

/// Time allowed for one link's diff. Pathological inputs (a single
/// 100,000-word "sentence") get a coarser but still correct diff.
const DIFF_BUDGET: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Delete,
    Replace,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Delete => "delete",
            Op::Replace => "replace",
        }
    }
}

/// One difference: token ranges on each side (an empty range for the side
/// that has nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: Op,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// The words of both sides of a link and the changes between them.
#[derive(Debug, Clone, Default)]
pub struct WordDiff {
    pub left: Vec<Token>,
    pub right: Vec<Token>,
    pub changes: Vec<Change>,
}

impl WordDiff {
    /// Diffs `left_text` (found at byte `left_base` of its file) against
    /// `right_text`; token offsets are file offsets.
    pub fn new(left_text: &str, left_base: usize, right_text: &str, right_base: usize) -> Self {
        let left = tokens::words(left_text, left_base);
        let right = tokens::words(right_text, right_base);
        let a: Vec<&str> = left.iter().map(|t| t.norm.as_str()).collect();
        let b: Vec<&str> = right.iter().map(|t| t.norm.as_str()).collect();
        let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DIFF_BUDGET));
        WordDiff { left, right, changes: group(&ops) }
    }

    /// Byte span of a token range on the left side, if non-empty.
    pub fn left_span(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        span(&self.left, range)
    }

    pub fn right_span(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        span(&self.right, range)
    }
}

fn span(tokens: &[Token], range: &Range<usize>) -> Option<(usize, usize)> {
    (!range.is_empty()).then(|| (tokens[range.start].start, tokens[range.end - 1].end))
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

    #[test]
    fn replace_delete_insert_with_file_offsets() {
        let d = WordDiff::new("the border town of Vovchansk fell", 100, "the town of Vovshansk fell today", 0);
        let ops: Vec<_> = d.changes.iter().map(|c| (c.op, d.left_span(&c.left), d.right_span(&c.right))).collect();
        assert_eq!(
            ops,
            vec![
                (Op::Delete, Some((104, 110)), None),
                (Op::Replace, Some((119, 128)), Some((12, 21))),
                (Op::Insert, None, Some((27, 32))),
            ]
        );
    }

    #[test]
    fn identical_text_has_no_changes_even_with_case_and_apostrophes() {
        let d = WordDiff::new("Ukraine’s sovereignty", 0, "ukraine's Sovereignty", 0);
        assert!(d.changes.is_empty());
    }
}
