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
    Code(KeyCode),
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => !ctrl && event.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Code(code) => event.code == code,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Code(KeyCode::Down) => "↓".into(),
            Key::Code(KeyCode::Up) => "↑".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(code) => format!("{code:?}"),
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

/// Section titles and their bindings, in the order the help shows them.
pub const TABLE: &[(&str, &[Binding])] = &[
    (
        "Move",
        &[
            Binding { keys: &[Key::Char('j'), Key::Code(KeyCode::Down)], action: Action::FocusNext, help: "next passage" },
            Binding { keys: &[Key::Char('k'), Key::Code(KeyCode::Up)], action: Action::FocusPrev, help: "previous passage" },
            Binding {
                keys: &[Key::Code(KeyCode::PageDown), Key::Char(' '), Key::Ctrl('f')],
                action: Action::PageDown,
                help: "page down",
            },
            Binding { keys: &[Key::Code(KeyCode::PageUp), Key::Ctrl('b')], action: Action::PageUp, help: "page up" },
            Binding { keys: &[Key::Ctrl('d')], action: Action::HalfPageDown, help: "half a page down" },
            Binding { keys: &[Key::Ctrl('u')], action: Action::HalfPageUp, help: "half a page up" },
            Binding { keys: &[Key::Char('g'), Key::Code(KeyCode::Home)], action: Action::Top, help: "first passage" },
            Binding { keys: &[Key::Char('G'), Key::Code(KeyCode::End)], action: Action::Bottom, help: "last passage" },
        ],
    ),
    (
        "Review",
        &[
            Binding { keys: &[Key::Char(']')], action: Action::NextDifference, help: "next difference (divergent, unique or moved)" },
            Binding { keys: &[Key::Char('[')], action: Action::PrevDifference, help: "previous difference" },
            Binding { keys: &[Key::Char('m')], action: Action::JumpMoved, help: "jump between a moved passage and its old place" },
            Binding { keys: &[Key::Char('v')], action: Action::ToggleView, help: "aligned view / reading view" },
            Binding { keys: &[Key::Code(KeyCode::Tab)], action: Action::SwitchPane, help: "focus the other pane (reading view)" },
        ],
    ),
    (
        "Search",
        &[
            Binding { keys: &[Key::Char('/')], action: Action::StartSearch, help: "search both articles" },
            Binding { keys: &[Key::Char('n')], action: Action::NextMatch, help: "next match" },
            Binding { keys: &[Key::Char('N')], action: Action::PrevMatch, help: "previous match" },
        ],
    ),
    (
        "Screen",
        &[
            Binding { keys: &[Key::Char('?')], action: Action::ToggleHelp, help: "this help" },
            Binding { keys: &[Key::Char('q'), Key::Ctrl('c')], action: Action::Quit, help: "quit" },
        ],
    ),
];

fn lookup(event: &KeyEvent) -> Option<Action> {
    TABLE.iter().flat_map(|(_, bindings)| bindings.iter()).find(|b| b.keys.iter().any(|k| k.matches(event))).map(|b| b.action)
}

/// Translates a terminal event into an action, given what the screen is
/// doing (typing a search, showing help).
pub fn dispatch(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
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
    if key.code == KeyCode::Esc {
        return None;
    }
    lookup(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn table_keys_are_unique() {
        let all: Vec<Key> = TABLE.iter().flat_map(|(_, b)| b.iter()).flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }

    #[test]
    fn lookup_respects_modifiers() {
        assert_eq!(lookup(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)), Some(Action::HalfPageDown));
        assert_eq!(lookup(&key(KeyCode::Char('d'), KeyModifiers::NONE)), None);
        assert_eq!(lookup(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(lookup(&key(KeyCode::Char(' '), KeyModifiers::NONE)), Some(Action::PageDown));
    }
}
