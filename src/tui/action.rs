//! Everything the user can ask of the review screen. Keys and mouse events
//! become actions (see `keys`); `update` applies them to the state.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Resize { width: u16, height: u16 },
    /// Mouse wheel: rows to scroll (negative: up) over the pane at `column`.
    Scroll { rows: i32, column: u16 },
    /// Mouse click at a screen cell.
    Click { column: u16, row: u16 },
}
