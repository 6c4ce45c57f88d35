//! The decisions on the notes the reviewer can undo and redo, as data:
//! each entry is what a decision changed (see `core::notes::change`) and
//! where the focus stood. The handlers (`notes`) record and replay them;
//! this module only keeps the two stacks.

use crate::core::notes::change::Change;

/// Entries kept: a day of reviewing, without growing without bound.
const LIMIT: usize = 500;

#[derive(Debug, Clone)]
pub struct Entry {
    /// What the change did, as the status line says it ("deleted a note").
    pub what: String,
    /// The notes and rejections it added, altered or removed.
    pub change: Change,
    /// The unit focused when the change was made.
    pub focus: usize,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

impl History {
    /// A new decision: it can be undone, and what was undone before can no
    /// longer be redone.
    pub fn record(&mut self, entry: Entry) {
        if self.undo.len() == LIMIT {
            self.undo.remove(0);
        }
        self.undo.push(entry);
        self.redo.clear();
    }

    /// Takes the last decision to undo; it becomes redoable.
    pub fn undo(&mut self) -> Option<Entry> {
        let entry = self.undo.pop()?;
        self.redo.push(entry.clone());
        Some(entry)
    }

    /// Takes the last decision undone; it becomes undoable again.
    pub fn redo(&mut self) -> Option<Entry> {
        let entry = self.redo.pop()?;
        self.undo.push(entry.clone());
        Some(entry)
    }
}
