//! The review screen: both articles in synchronised panes.
//!
//! Elm-style: [`app::App`] is the state, [`keys`] turns terminal events into
//! [`action::Action`]s, [`update::update`] applies them (pure, testable
//! without a terminal), and [`view::draw`] draws a frame from the state.

pub mod action;
pub mod app;
pub mod keys;
pub mod layout;
pub mod notes;
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

/// Runs the review screen until the user quits.
pub fn run(cmp: Comparison, notebook: Notebook, theme: Theme) -> std::io::Result<()> {
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    let mut app = App::new(cmp, size.width, size.height, theme);
    app.set_notebook(notebook);
    while !app.quit {
        session.terminal.draw(|frame| view::draw(frame, &app))?;
        let event = event::read()?;
        if let Some(action) = keys::dispatch(&app, &event) {
            update::update(&mut app, action);
        }
    }
    Ok(())
}
