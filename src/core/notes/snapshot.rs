//! What the reviewer decided, as one value: the notes and the rejected
//! suggestions. The review screen keeps these to undo and redo decisions
//! without knowing how each one changes the notebook.

use super::notebook::Notebook;
use super::{Note, Rejected};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    notes: Vec<Note>,
    rejected: Vec<Rejected>,
}

impl Notebook {
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            notes: self.file.notes.clone(),
            rejected: self.file.rejected.clone(),
        }
    }

    /// Puts the decisions of `snapshot` back (the file keeps its articles).
    pub fn restore(&mut self, snapshot: Snapshot) {
        self.file.notes = snapshot.notes;
        self.file.rejected = snapshot.rejected;
    }

    /// Suggests a rejected suggestion again; false if it was not rejected.
    pub fn unreject(&mut self, key: &str) -> bool {
        let before = self.file.rejected.len();
        self.file.rejected.retain(|r| r.key != key);
        self.file.rejected.len() < before
    }
}
