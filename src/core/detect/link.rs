//! What the detectors read of one link: the words of each side, where they
//! stand in their articles, and the word-level changes between them (which
//! the comparison computes; the detectors only read them).

use std::ops::Range;

use crate::core::tokens::{Vocabulary, WordToken};

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

/// One link as the detectors read it.
#[derive(Debug, Clone, Copy)]
pub struct LinkText<'a> {
    /// Per side, the link's words in order.
    pub words: [&'a [WordToken]; 2],
    /// Per side, where those words stand in the side's token stream.
    pub runs: [&'a Range<usize>; 2],
    /// Per side, the link's sentences.
    pub sentences: [&'a Range<usize>; 2],
    pub vocabulary: &'a Vocabulary,
    /// Token ranges index [`Self::words`].
    pub changes: &'a [Change],
}
