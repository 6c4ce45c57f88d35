//! The dialogs as data: what each one holds while it is open. Opening,
//! filling and closing them is the handlers' business (`notes`,
//! `suggestions`); drawing them is `view::dialogs`'.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use super::mode::Side;
use crate::core::Category;
use crate::core::notes::Anchor;

/// Where a new note points: the passage on each side it has text on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub left: Option<Anchor>,
    pub right: Option<Anchor>,
}

impl Target {
    pub fn get(&self, side: Side) -> Option<&Anchor> {
        match side {
            Side::Left => self.left.as_ref(),
            Side::Right => self.right.as_ref(),
        }
    }
}

/// Words selected in the focused unit, per side: first and last word, as
/// counted by `App::words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub unit: usize,
    pub side: Side,
    pub words: [Option<(usize, usize)>; 2],
}

// At most one dialog is open, so the size of the largest variant (a text
// editor) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Dialog {
    PickCategory(Target),
    /// The note text. `suggestion`: the key of the suggestion it accepts.
    Write {
        target: Target,
        category: Category,
        editor: TextArea<'static>,
        editing: Option<String>,
        suggestion: Option<String>,
    },
    NotesList {
        selected: usize,
    },
    ConfirmDelete {
        id: String,
        selected: usize,
    },
    ConfirmQuit,
    SaveAs {
        editor: TextArea<'static>,
    },
    /// Saving elsewhere to `path` would replace the file standing there.
    ConfirmReplace {
        path: PathBuf,
    },
    Export,
    Summary {
        selected: usize,
    },
}
