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
//!
//! Before all that, [`loading`] opens the screen at once and draws the
//! [`progress`] of reading and aligning the articles on a worker thread.

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
pub mod loading;
pub mod mode;
pub mod navigation;
pub mod notes;
pub mod progress;
pub mod search;
pub mod suggestions;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use ratatui::crossterm::event;

use loading::{Failure, Job};
use theme::Theme;

/// How the review screen opens: the settings the command line and the
/// config file chose.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    pub reading_view: bool,
    /// Runs of aligned passages folded from the start.
    pub fold: bool,
    /// Who signs the exports.
    pub reviewer: Option<String>,
}

/// Opens the screen at once, shows the progress of `job` (loading and
/// comparing the articles, see [`loading`]), then runs the review screen
/// until the user quits, opened as `opening` says. The terminal is restored
/// before an error returns.
pub fn run<E: Send + 'static>(
    theme: Theme,
    opening: Opening,
    job: impl Job<E>,
) -> Result<(), Failure<E>> {
    let mut session = terminal::Session::start()?;
    let Some(mut app) = loading::run(&mut session, theme, job)? else {
        return Ok(());
    };
    app.reviewer = opening.reviewer;
    update::open_with(&mut app, opening.reading_view, opening.fold);
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
