//! The small words of the screen's state: which view, which side, and what
//! keys mean now. They sit below everything else in the TUI so that the
//! state, the key table and the views can all name them.

pub use crate::core::Side;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One row band per unit, both panes level, in the left article's order.
    Aligned,
    /// Each pane in its own article's order, kept in step at the focus.
    Reading,
}

/// What the screen is doing, which decides what keys mean. Each mode has
/// its own section of the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys that mean the same in every mode (Ctrl-c), looked up first.
    Everywhere,
    Main,
    /// A search query is being typed.
    Search,
    /// A passage number is being typed after `:`.
    Command,
    Help,
    Select,
    PickCategory,
    Write,
    NotesList,
    ConfirmDelete,
    ConfirmQuit,
    /// Saving elsewhere would replace an existing file.
    ConfirmReplace,
    /// Saving would replace a file that cannot be read as notes.
    KeepUnreadable,
    SaveAs,
    Export,
    Summary,
    /// The history of the facts across three or more versions.
    History,
    /// The articles are being read and aligned: only quitting.
    Loading,
}

impl Mode {
    pub const ALL: &[Mode] = &[
        Mode::Everywhere,
        Mode::Main,
        Mode::Search,
        Mode::Command,
        Mode::Help,
        Mode::Select,
        Mode::PickCategory,
        Mode::Write,
        Mode::NotesList,
        Mode::ConfirmDelete,
        Mode::ConfirmQuit,
        Mode::ConfirmReplace,
        Mode::KeepUnreadable,
        Mode::SaveAs,
        Mode::Export,
        Mode::Summary,
        Mode::History,
        Mode::Loading,
    ];
}
