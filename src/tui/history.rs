//! The decisions on the notes the reviewer can undo and redo, as data:
//! each entry is the notebook's decisions before a change, what the change
//! was, and where the focus stood. The handlers (`notes`) record and replay
//! them; this module only keeps the two stacks.

use crate::core::notes::snapshot::Snapshot;

/// Entries kept: a day of reviewing, without growing without bound.
const LIMIT: usize = 500;

#[derive(Debug, Clone)]
pub struct Entry {
    /// What the change did, as the status line says it ("deleted a note").
    pub what: String,
    /// The decisions on the other side of the change.
    pub state: Snapshot,
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

    /// Takes the last decision to undo; `now` (the state it is undone from)
    /// becomes redoable.
    pub fn undo(&mut self, now: Snapshot) -> Option<Entry> {
        let entry = self.undo.pop()?;
        self.redo.push(Entry {
            state: now,
            ..entry.clone()
        });
        Some(entry)
    }

    pub fn redo(&mut self, now: Snapshot) -> Option<Entry> {
        let entry = self.redo.pop()?;
        self.undo.push(Entry {
            state: now,
            ..entry.clone()
        });
        Some(entry)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}
