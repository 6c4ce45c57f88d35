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
    /// `selected`: the category moved to with the arrows, once one is.
    PickCategory {
        target: Target,
        selected: Option<usize>,
    },
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
    /// The file at `path` cannot be read as notes (`reason`): keep it (the
    /// default) or replace it.
    KeepUnreadable {
        path: PathBuf,
        reason: String,
    },
    Export,
    Summary {
        selected: usize,
    },
    /// The facts that changed across the versions (`App::versions`).
    History {
        selected: usize,
    },
}

/// Keys that pick a category at once: the first ten categories take the
/// digits 1 to 9, then 0; any after them are picked by moving to them.
const DIGITS: [u8; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];

/// The digit that picks the category at `index` of [`Category::ALL`].
pub fn category_digit(index: usize) -> Option<u8> {
    DIGITS.get(index).copied()
}

/// The category the digit `digit` picks.
pub fn category_of_digit(digit: u8) -> Option<Category> {
    let index = DIGITS.iter().position(|&d| d == digit)?;
    Category::ALL.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_pick_the_first_ten_categories_one_to_nine_then_zero() {
        assert_eq!(category_of_digit(1), Some(Category::Name));
        assert_eq!(category_of_digit(9), Some(Category::Omission));
        assert_eq!(category_of_digit(0), Some(Category::Other));
        assert_eq!(category_of_digit(10), None);
        for (i, &c) in Category::ALL.iter().enumerate() {
            match category_digit(i) {
                Some(d) => assert_eq!(category_of_digit(d), Some(c)),
                None => assert!(i >= DIGITS.len(), "{c:?} has no digit"),
            }
        }
    }
}
