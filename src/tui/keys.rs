//! The key table: the one place that says which key does what. It
//! dispatches key events and generates the help overlay, so the two cannot
//! disagree.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::App;

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Alt(KeyCode),
    Code(KeyCode),
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Char(c) => !ctrl && !alt && event.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Alt(code) => alt && event.code == code,
            Key::Code(code) => !alt && event.code == code,
        }
    }

    pub fn label(self) -> String {
        let code = |c: KeyCode| match c {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            other => format!("{other:?}"),
        };
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{}", code(c)),
            Key::Code(c) => code(c),
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

/// What the screen is doing, which decides what keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Main,
    Select,
    PickCategory,
    Write,
    NotesList,
    Confirm,
    SaveAs,
    Export,
    Summary,
}

pub struct Section {
    pub title: &'static str,
    pub mode: Mode,
    pub bindings: &'static [Binding],
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

/// Every key of every mode, in the order the help shows them.
pub const TABLE: &[Section] = &[
    Section {
        title: "Move",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char('j'), Key::Code(KeyCode::Down)], Action::FocusNext, "next passage"),
            bind(&[Key::Char('k'), Key::Code(KeyCode::Up)], Action::FocusPrev, "previous passage"),
            bind(&[Key::Code(KeyCode::PageDown), Key::Char(' '), Key::Ctrl('f')], Action::PageDown, "page down"),
            bind(&[Key::Code(KeyCode::PageUp), Key::Ctrl('b')], Action::PageUp, "page up"),
            bind(&[Key::Ctrl('d')], Action::HalfPageDown, "half a page down"),
            bind(&[Key::Ctrl('u')], Action::HalfPageUp, "half a page up"),
            bind(&[Key::Char('g'), Key::Code(KeyCode::Home)], Action::Top, "first passage"),
            bind(&[Key::Char('G'), Key::Code(KeyCode::End)], Action::Bottom, "last passage"),
        ],
    },
    Section {
        title: "Review",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char(']')], Action::NextDifference, "next difference (divergent, unique or moved)"),
            bind(&[Key::Char('[')], Action::PrevDifference, "previous difference"),
            bind(&[Key::Char('m')], Action::JumpMoved, "jump between a moved passage and its old place"),
            bind(&[Key::Char('v')], Action::ToggleView, "aligned view / reading view"),
            bind(&[Key::Code(KeyCode::Tab)], Action::SwitchPane, "focus the other pane"),
        ],
    },
    Section {
        title: "Search",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char('/')], Action::StartSearch, "search both articles"),
            bind(&[Key::Char('n')], Action::NextMatch, "next match"),
            bind(&[Key::Char('N')], Action::PrevMatch, "previous match"),
        ],
    },
    Section {
        title: "Suggestions",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char('a')], Action::AcceptSuggestion, "accept the suggestion shown as a note (editable)"),
            bind(&[Key::Char('r')], Action::RejectSuggestion, "reject it (kept in the notes file)"),
            bind(&[Key::Char('c')], Action::NextSuggestion, "the passage's next suggestion"),
            bind(&[Key::Char('i')], Action::OpenSummary, "summary: counts, open suggestions, omissions"),
        ],
    },
    Section {
        title: "Notes",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char('t')], Action::OpenTag, "tag the focused passage: category, then a note"),
            bind(&[Key::Char('s')], Action::StartSelection, "select words to tag instead of the whole passage"),
            bind(&[Key::Char('o')], Action::OpenNotes, "the notes list"),
            bind(&[Key::Char('x')], Action::OpenExport, "export the notes beside the notes file"),
            bind(&[Key::Char('W')], Action::SaveElsewhere, "save the notes to another file"),
        ],
    },
    Section {
        title: "Screen",
        mode: Mode::Main,
        bindings: &[
            bind(&[Key::Char('?')], Action::ToggleHelp, "this help"),
            bind(&[Key::Char('q'), Key::Ctrl('c')], Action::Quit, "quit (asks first if notes are not saved)"),
        ],
    },
    Section {
        title: "Selecting words (s)",
        mode: Mode::Select,
        bindings: &[
            bind(&[Key::Char('l'), Key::Code(KeyCode::Right)], Action::SelectGrow(1), "one word more"),
            bind(&[Key::Char('h'), Key::Code(KeyCode::Left)], Action::SelectGrow(-1), "one word less"),
            bind(&[Key::Char('L')], Action::SelectMove(1), "move the selection right"),
            bind(&[Key::Char('H')], Action::SelectMove(-1), "move the selection left"),
            bind(&[Key::Code(KeyCode::Tab)], Action::SelectSide, "select on the other side too"),
            bind(&[Key::Char('t'), Key::Code(KeyCode::Enter)], Action::OpenTag, "tag the selected words"),
            bind(&[Key::Code(KeyCode::Esc)], Action::Cancel, "stop selecting"),
        ],
    },
    Section {
        title: "Tag dialog (t): category",
        mode: Mode::PickCategory,
        bindings: &[
            bind(&[Key::Char('1')], Action::PickCategory(1), "name spelling or identity"),
            bind(&[Key::Char('2')], Action::PickCategory(2), "title or role"),
            bind(&[Key::Char('3')], Action::PickCategory(3), "number or quantity"),
            bind(&[Key::Char('4')], Action::PickCategory(4), "date or time"),
            bind(&[Key::Char('5')], Action::PickCategory(5), "place"),
            bind(&[Key::Char('6')], Action::PickCategory(6), "quote or attribution"),
            bind(&[Key::Char('7')], Action::PickCategory(7), "certainty or hedging"),
            bind(&[Key::Char('8')], Action::PickCategory(8), "contradiction or negation"),
            bind(&[Key::Char('9')], Action::PickCategory(9), "omission or addition"),
            bind(&[Key::Char('0')], Action::PickCategory(0), "other"),
            bind(&[Key::Code(KeyCode::Esc)], Action::Cancel, "cancel"),
        ],
    },
    Section {
        title: "Tag dialog: the note",
        mode: Mode::Write,
        bindings: &[
            bind(&[Key::Code(KeyCode::Enter)], Action::Submit, "save the note"),
            bind(&[Key::Alt(KeyCode::Enter), Key::Ctrl('j')], Action::EditorNewline, "new line"),
            bind(&[Key::Code(KeyCode::Esc)], Action::Cancel, "cancel"),
        ],
    },
    Section {
        title: "Notes list (o)",
        mode: Mode::NotesList,
        bindings: &[
            bind(&[Key::Char('j'), Key::Code(KeyCode::Down)], Action::ListNext, "next note"),
            bind(&[Key::Char('k'), Key::Code(KeyCode::Up)], Action::ListPrev, "previous note"),
            bind(&[Key::Code(KeyCode::Enter)], Action::Submit, "go to the note's passage"),
            bind(&[Key::Char('e')], Action::EditNote, "edit the note"),
            bind(&[Key::Char('d')], Action::DeleteNote, "delete the note (asks first)"),
            bind(&[Key::Char('s')], Action::CycleStatus, "status: open, confirmed, dismissed"),
            bind(&[Key::Code(KeyCode::Esc), Key::Char('o'), Key::Char('q')], Action::Cancel, "close the list"),
        ],
    },
    Section {
        title: "Confirmation",
        mode: Mode::Confirm,
        bindings: &[
            bind(&[Key::Char('y')], Action::Confirm, "yes (for quitting: also q)"),
            bind(&[Key::Char('W')], Action::SaveElsewhere, "save the notes elsewhere first"),
            bind(&[Key::Code(KeyCode::Esc), Key::Char('n')], Action::Cancel, "no"),
        ],
    },
    Section {
        title: "Save elsewhere (W)",
        mode: Mode::SaveAs,
        bindings: &[
            bind(&[Key::Code(KeyCode::Enter)], Action::Submit, "save to the path typed"),
            bind(&[Key::Code(KeyCode::Esc)], Action::Cancel, "cancel"),
        ],
    },
    Section {
        title: "Summary (i)",
        mode: Mode::Summary,
        bindings: &[
            bind(&[Key::Char('j'), Key::Code(KeyCode::Down)], Action::ListNext, "next item"),
            bind(&[Key::Char('k'), Key::Code(KeyCode::Up)], Action::ListPrev, "previous item"),
            bind(&[Key::Code(KeyCode::Enter)], Action::Submit, "go to its passage"),
            bind(&[Key::Code(KeyCode::Esc), Key::Char('i'), Key::Char('q')], Action::Cancel, "close"),
        ],
    },
    Section {
        title: "Export (x)",
        mode: Mode::Export,
        bindings: &[
            bind(&[Key::Char('1')], Action::ExportAs(1), "Markdown review report"),
            bind(&[Key::Char('2')], Action::ExportAs(2), "CSV for a spreadsheet"),
            bind(&[Key::Char('3')], Action::ExportAs(3), "JSON"),
            bind(&[Key::Char('4')], Action::ExportAs(4), "W3C Web Annotations (JSON-LD)"),
            bind(&[Key::Code(KeyCode::Esc)], Action::Cancel, "cancel"),
        ],
    },
];

fn lookup(mode: Mode, event: &KeyEvent) -> Option<Action> {
    TABLE
        .iter()
        .filter(|s| s.mode == mode)
        .flat_map(|s| s.bindings.iter())
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

/// Translates a terminal event into an action, given what the screen is
/// doing (typing a search, showing help, a dialog).
pub fn dispatch(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
        Event::Mouse(_) if app.dialog.is_some() => None,
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll { rows: 3, column: m.column }),
            MouseEventKind::ScrollUp => Some(Action::Scroll { rows: -3, column: m.column }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: m.column, row: m.row }),
            _ => None,
        },
        Event::Key(key) if key.kind != KeyEventKind::Release => dispatch_key(app, key),
        _ => None,
    }
}

fn dispatch_key(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if app.search.editing {
        return match key.code {
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    if app.help {
        // j/k scroll a help taller than the screen; any other key closes it.
        return Some(match key.code {
            KeyCode::Char('j') | KeyCode::Down => Action::ScrollHelp(1),
            KeyCode::Char('k') | KeyCode::Up => Action::ScrollHelp(-1),
            _ => Action::ToggleHelp,
        });
    }
    let mode = app.mode();
    if mode == Mode::Confirm && key.code == KeyCode::Char('q') && matches!(app.dialog, Some(super::notes::Dialog::ConfirmQuit)) {
        return Some(Action::Confirm);
    }
    match (lookup(mode, key), mode) {
        (Some(action), _) => Some(action),
        // Everything else typed in a text field goes to it.
        (None, Mode::Write | Mode::SaveAs) => Some(Action::EditorKey(*key)),
        (None, Mode::Confirm) => Some(Action::Cancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_are_unique_within_a_mode() {
        for mode in [Mode::Main, Mode::Select, Mode::PickCategory, Mode::Write, Mode::NotesList, Mode::Confirm, Mode::SaveAs, Mode::Export, Mode::Summary] {
            let all: Vec<Key> = TABLE.iter().filter(|s| s.mode == mode).flat_map(|s| s.bindings.iter()).flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} is bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn lookup_respects_modifiers_and_modes() {
        assert_eq!(lookup(Mode::Main, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)), Some(Action::HalfPageDown));
        assert_eq!(lookup(Mode::Main, &key(KeyCode::Char('d'), KeyModifiers::NONE)), None);
        assert_eq!(lookup(Mode::Main, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(lookup(Mode::Main, &key(KeyCode::Char(' '), KeyModifiers::NONE)), Some(Action::PageDown));
        assert_eq!(lookup(Mode::NotesList, &key(KeyCode::Char('s'), KeyModifiers::NONE)), Some(Action::CycleStatus));
        assert_eq!(lookup(Mode::Write, &key(KeyCode::Enter, KeyModifiers::ALT)), Some(Action::EditorNewline));
        assert_eq!(lookup(Mode::Write, &key(KeyCode::Enter, KeyModifiers::NONE)), Some(Action::Submit));
        assert_eq!(lookup(Mode::Write, &key(KeyCode::Char('j'), KeyModifiers::CONTROL)), Some(Action::EditorNewline));
    }

    #[test]
    fn category_digits_follow_the_categories() {
        use crate::core::notes::Category;
        for c in Category::ALL {
            let d = c.digit();
            let action = lookup(Mode::PickCategory, &key(KeyCode::Char(d), KeyModifiers::NONE));
            assert_eq!(action, Some(Action::PickCategory(d.to_digit(10).unwrap() as u8)));
            let help = TABLE.iter().flat_map(|s| s.bindings.iter()).find(|b| b.action == action.unwrap()).unwrap().help;
            assert_eq!(help, c.label());
        }
    }
}
