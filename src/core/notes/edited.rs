//! An article edited while it is being reviewed: the notes on that side
//! are found again in the new text by their quote and context, as when a
//! notes file is opened for a changed article.

use super::anchor::Haystack;
use super::notebook::Notebook;
use crate::core::Side;

impl Notebook {
    /// Finds every note's anchor on side `side` (0 left, 1 right) again in
    /// `text`; a note whose passage is gone is kept and marked orphaned.
    pub fn reanchor(&mut self, side: Side, text: &str) {
        let hay = Haystack::new(text);
        for note in &mut self.file.notes {
            let slot = match side {
                Side::Left => &mut note.left,
                Side::Right => &mut note.right,
            };
            let Some(anchor) = slot.as_mut() else {
                continue;
            };
            match anchor.locate_in(&hay) {
                Some(found) => *anchor = found,
                None => note.orphaned[side.index()] = true,
            }
        }
    }
}
