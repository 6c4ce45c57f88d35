//! The notes' part of the state: the notebook, where its notes sit on the
//! screen, and the decisions that can be undone.

use crate::core::notes::notebook::Notebook;
use crate::tui::history::History;

pub struct Notes {
    /// The review notes, saved on every change.
    pub notebook: Option<Notebook>,
    /// For each unit, the indices of the notes anchored in it.
    pub notes_of_unit: Vec<Vec<usize>>,
    /// Decisions on the notes that `u` undoes and Ctrl-r redoes.
    pub history: History,
}

impl Notes {
    /// No notebook yet, for `units` units.
    pub fn new(units: usize) -> Self {
        Notes {
            notebook: None,
            notes_of_unit: vec![Vec::new(); units],
            history: History::default(),
        }
    }
}
