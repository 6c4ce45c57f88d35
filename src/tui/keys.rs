//! Terminal events to actions: keys through the key table for the mode the
//! screen is in, mouse events by where they land.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;

/// Translates a terminal event into an action.
pub fn dispatch(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(_) if app.input.dialog.is_some() => None,
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                rows: 3,
                column: m.column,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                rows: -3,
                column: m.column,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::lookup(app.mode(), key),
        _ => None,
    }
}
