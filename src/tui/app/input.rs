//! The input's part of the state: what the keys are building up. A dialog
//! on top of the screen, a selection of words, a search or a passage
//! number being typed, a count before a move, and which suggestion the bar
//! shows.

use crate::tui::dialog::{Dialog, Selection};

#[derive(Default)]
pub struct Input {
    /// A dialog on top of the screen, which receives the keys.
    pub dialog: Option<Dialog>,
    /// Words selected to narrow a note's anchor.
    pub selection: Option<Selection>,
    pub search: Search,
    /// A passage number being typed after `:`.
    pub command: Option<String>,
    /// A count typed before a move (`5j`), as vim reads it.
    pub count: Option<usize>,
    /// Which of the focused unit's open suggestions the bar shows.
    pub suggestion: usize,
    /// What the last accept or reject did: until the next key, the bar
    /// says so instead of showing the next suggestion.
    pub decided: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query is being typed.
    pub editing: bool,
    pub query: String,
    /// Units with a match, in order.
    pub matches: Vec<usize>,
}
