//! The messages of the review screen. Keys and mouse events become
//! [`Action`]s (see `keys`); `update` applies them to the state and returns
//! [`Effect`]s, the work it may not do itself (writing files, reading the
//! articles again). The loop in `tui/mod.rs` carries the effects out and
//! feeds their [`Outcome`] back as an action, so `update` never touches a
//! file, a clock or a terminal.

use std::path::PathBuf;
use std::time::Duration;

use super::mode::Side;
use super::reload::{Fresh, Handover};
use crate::core::notes::export::Format;
use crate::core::pipeline::Stage;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    FocusNext,
    FocusPrev,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextDifference,
    PrevDifference,
    /// From a moved passage to where it stands in the other article, and back.
    JumpMoved,
    ToggleView,
    SwitchPane,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchSubmit,
    SearchCancel,
    NextMatch,
    PrevMatch,
    ToggleHelp,
    /// Scrolls the help by this many lines.
    ScrollHelp(i32),
    Quit,
    /// Notes: tag the focused passage (or the selected words).
    OpenTag,
    /// The category with this digit (1-9, 0) in the tag dialog.
    PickCategory(u8),
    /// A key for the text field of a dialog.
    EditorKey(ratatui::crossterm::event::KeyEvent),
    EditorNewline,
    /// Enter in a dialog: save the note, save the file, jump to the note.
    Submit,
    /// Esc in a dialog.
    Cancel,
    OpenNotes,
    ListNext,
    ListPrev,
    EditNote,
    DeleteNote,
    CycleStatus,
    /// Place the selected (orphaned) note on the focused passage.
    ReattachNote,
    /// "Yes" in a confirmation.
    Confirm,
    SaveElsewhere,
    OpenExport,
    /// Export choice 1-5 (Markdown, CSV, JSON, W3C, HTML report).
    ExportAs(u8),
    /// Accept the focused passage's current suggestion as a note.
    AcceptSuggestion,
    /// Reject it: it is not suggested again.
    RejectSuggestion,
    /// Show the passage's next suggestion.
    NextSuggestion,
    /// The review summary.
    OpenSummary,
    /// Three or more versions: the next / previous pair.
    NextPair,
    PrevPair,
    /// The history of the facts across the versions.
    OpenHistory,
    /// Start selecting words of the focused passage.
    StartSelection,
    /// Grow or shrink the selection by words.
    SelectGrow(i32),
    /// Move the selection by words.
    SelectMove(i32),
    SelectSide,
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel: rows to scroll (negative: up) over the pane at `column`.
    Scroll {
        rows: i32,
        column: u16,
    },
    /// Mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// Fold every run of aligned passages, or open the fold focused, or
    /// unfold everything.
    Fold,
    /// Open the fold focused.
    OpenFold,
    /// Undo the last decision on the notes, or redo the last undone.
    Undo,
    Redo,
    /// A digit of a count typed before a move (`5j`).
    Count(u8),
    /// Start typing a passage number after `:`.
    StartCommand,
    CommandInput(char),
    CommandBackspace,
    CommandSubmit,
    CommandCancel,
    /// Scroll by lines (the focused pane alone in the reading view).
    ScrollLines(i32),
    /// Copy the focused passage, both sides, to the clipboard.
    Copy,
    /// Suggest again the rejected suggestion selected in the summary.
    RestoreRejected,
    /// Edit the focused article in `$EDITOR` at the focused passage.
    OpenEditor,
    /// These articles changed on disk (left, right).
    FilesChanged([bool; 2]),
    /// A reload's worker reached a stage, this long after it started.
    Progress(Stage, Duration),
    /// What became of an effect.
    Done(Outcome),
}

/// What an export writes: the notes in one of their formats, or the HTML
/// report of both articles with the notes in the margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Notes(Format),
    Html,
}

impl Export {
    /// The choices of the export dialog, in its order (keys 1-5).
    pub const ALL: [Export; 5] = [
        Export::Notes(Format::Markdown),
        Export::Notes(Format::Csv),
        Export::Notes(Format::Json),
        Export::Notes(Format::W3c),
        Export::Html,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Export::Notes(format) => format.extension(),
            Export::Html => "html",
        }
    }
}

/// Work that `update` asks of the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the notebook to its file.
    Save,
    /// Write the notebook to `path`, which becomes its file. Without
    /// `replace`, another file already standing there, or any file that
    /// cannot be read as notes (the session's own too), is left alone and
    /// reported.
    SaveAs { path: PathBuf, replace: bool },
    /// Write the notes as `what` to `path`.
    Export { what: Export, path: PathBuf },
    /// Put this text (sanitised, bounded) on the terminal's clipboard
    /// (OSC 52).
    Copy(String),
    /// Leave the screen, run `$EDITOR` on `path` at `line` and come back
    /// (the article on `side`).
    Edit {
        side: Side,
        path: PathBuf,
        line: usize,
    },
    /// Read these articles (left, right) again and compare the pair anew,
    /// on a worker (see `reload`).
    Reload { sides: [bool; 2] },
}

/// The result of an effect. Errors are the one-line messages to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Saved(Result<PathBuf, String>),
    /// `SaveAs` without `replace` found a file at this path.
    Exists(PathBuf),
    /// `SaveAs` without `replace` found a file at this path that cannot be
    /// read as notes, for this reason: it is not replaced without asking.
    NotNotes {
        path: PathBuf,
        reason: String,
    },
    Exported(Result<PathBuf, String>),
    /// Bytes put on the clipboard.
    Copied(Result<usize, String>),
    /// The editor ran on the article on `side`, or why not.
    Edited {
        side: Side,
        result: Result<(), String>,
    },
    /// The pair read again and compared, or why not.
    Reloaded(Handover<Result<Fresh, String>>),
}
