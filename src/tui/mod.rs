//! The review screen: both articles in synchronised panes.
//!
//! Elm-style, in floors that only look down:
//! - state: [`mode`] (view, side, mode), [`dialog`] (dialogs as data),
//!   [`layout`] (both views wrapped at the current width), [`app::App`];
//! - the key table [`keymap`] and [`keys`], which turns terminal events into
//!   [`action::Action`]s;
//! - handlers that change the state and return [`action::Effect`]s:
//!   [`navigation`], [`search`], [`notes`], [`suggestions`];
//! - [`update::update`], which routes an action to its handler (pure);
//! - [`effects`], which writes what the effects ask and feeds the outcome
//!   back as an action;
//! - [`view::draw`], which draws a frame from the state and changes nothing.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod dialog;
pub mod edit;
pub mod effects;
pub mod fold;
pub mod history;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mode;
pub mod navigation;
pub mod notes;
pub mod search;
pub mod suggestions;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use ratatui::crossterm::event;

use crate::core::compare::Comparison;
use crate::core::notes::notebook::Notebook;
use app::App;
use theme::Theme;

/// Runs the review screen until the user quits, opening in the reading
/// view and with what agrees folded if asked.
pub fn run(cmp: Comparison, notebook: Notebook, theme: Theme, reading_view: bool, fold: bool) -> std::io::Result<()> {
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    let mut app = App::new(cmp, size.width, size.height, theme);
    app.set_notebook(notebook);
    update::open_with(&mut app, reading_view, fold);
    while !app.quit {
        if std::mem::take(&mut app.repaint) {
            session.terminal.clear()?;
        }
        session.terminal.draw(|frame| view::draw(frame, &app))?;
        let event = event::read()?;
        if let Some(action) = keys::dispatch(&app, &event) {
            effects::apply(&mut app, action);
        }
    }
    Ok(())
}
