//! What a detector reports: a suggested discrepancy inside one link.

use crate::core::Category;

/// A suggested discrepancy inside one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    pub category: Category,
    /// Byte spans in each article; `None` for a side that has nothing.
    pub left: Option<(usize, usize)>,
    pub right: Option<(usize, usize)>,
    pub left_text: String,
    pub right_text: String,
    pub explanation: String,
}

impl Discrepancy {
    /// Identifies the suggestion across sessions (for "rejected" and
    /// "accepted"): its category and the words on each side.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.category.id(),
            self.left_text,
            self.right_text
        )
    }
}
