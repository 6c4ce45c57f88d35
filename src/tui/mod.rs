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
//!   back as an action; a [`reload`] runs on a worker, whose result comes
//!   back through the queue;
//! - [`view::draw`], which draws a frame from the state and changes nothing.
//!
//! The loop waits on one queue ([`events`]): the terminal's events (read
//! by a thread of their own), the workers' stages and results, and the
//! files' changes on disk ([`watch`]). Before the review, [`loading`] opens
//! the screen at once and draws the [`progress`] of reading and aligning
//! the articles on a worker thread.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod dialog;
pub mod edit;
pub mod effects;
pub mod events;
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
pub mod reload;
pub mod search;
pub mod suggestions;
mod terminal;
pub mod theme;
pub mod update;
pub mod versions;
pub mod view;
pub mod watch;
mod workers;

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use ratatui::crossterm::event::KeyEventKind;

use action::Action;
use app::App;
use events::{Event, Keys, Queue};
use loading::{Failure, Job};
use mode::Mode;
use theme::Theme;
use watch::Watch;
use workers::Workers;

/// A reload shorter than this leaves the review on screen; a longer one
/// shows the loading screen's progress.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// How the review screen opens: the settings the command line and the
/// config file chose.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    pub reading_view: bool,
    /// Runs of aligned passages folded from the start.
    pub fold: bool,
    /// Who signs the exports.
    pub reviewer: Option<String>,
    /// The files to follow on disk (left, right): none for standard input,
    /// the sample, git's temporary copies, or with watching turned off.
    pub watch: [Option<PathBuf>; 2],
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
    let queue = Queue::new();
    let keys = Keys::start(queue.sender.clone())?;
    // Started before the loading, so that a save meanwhile is not missed.
    let watch = opening
        .watch
        .iter()
        .any(Option::is_some)
        .then(|| Watch::start(&opening.watch, queue.sender.clone()));
    let Some(loaded) = loading::run(&mut session, theme, job, &queue)? else {
        return Ok(());
    };
    let mut app = loaded.app;
    app.reviewer = opening.reviewer;
    update::open_with(&mut app, opening.reading_view, opening.fold);
    let watch = match watch {
        Some(Err(e)) => {
            app.message = Some(format!("the files are not followed on disk: {e}"));
            None
        }
        Some(Ok(watch)) => Some(watch),
        None => None,
    };
    let workers = Workers::new(queue.sender.clone(), &keys);
    if !loaded.changed.is_empty() {
        handle(
            &mut app,
            Event::Files(loaded.changed),
            watch.as_ref(),
            &workers,
        )?;
    }
    while !app.quit {
        if std::mem::take(&mut app.viewport.repaint) {
            session.terminal.clear()?;
        }
        let progress = workers
            .reloading_for()
            .filter(|&t| t >= SHOW_PROGRESS_AFTER)
            .zip(app.reload.running.as_ref());
        session.terminal.draw(|frame| match progress {
            Some((elapsed, (_, progress))) => {
                view::loading::draw(frame, progress, elapsed, &app.theme)
            }
            None => view::draw(frame, &app),
        })?;
        let loading_shown = progress.is_some();
        // While a worker runs, the clock of its progress is redrawn.
        let event = if workers.reloading_for().is_some() {
            match queue.receiver.recv_timeout(loading::TICK) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    workers.check();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match queue.receiver.recv() {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        handle_shown(&mut app, event, watch.as_ref(), &workers, loading_shown)?;
    }
    Ok(())
}

/// One event, with the keys of the loading screen alone while it is shown.
fn handle_shown<E: Send + 'static>(
    app: &mut App,
    event: Event<E>,
    watch: Option<&Watch>,
    workers: &Workers<E>,
    loading_shown: bool,
) -> std::io::Result<()> {
    if let (true, Event::Terminal(ratatui::crossterm::event::Event::Key(key))) =
        (loading_shown, &event)
    {
        if key.kind != KeyEventKind::Release
            && keymap::lookup(Mode::Loading, key) == Some(Action::Quit)
        {
            effects::apply_with(app, Action::Quit, workers);
        }
        return Ok(());
    }
    handle(app, event, watch, workers)
}

/// Turns an event into the action it means and applies it.
fn handle<E: Send + 'static>(
    app: &mut App,
    event: Event<E>,
    watch: Option<&Watch>,
    workers: &Workers<E>,
) -> std::io::Result<()> {
    let action = match event {
        Event::Terminal(event) => keys::dispatch(app, &event),
        Event::TerminalFailed(e) => return Err(e),
        Event::Stage(stage, at) => Some(Action::Progress(stage, at)),
        Event::Reloaded(result) => {
            workers.reloaded();
            Some(Action::Done(action::Outcome::Reloaded(
                reload::Handover::new(result),
            )))
        }
        Event::Files(paths) => watch
            .map(|w| w.sides(&paths))
            .filter(|sides| sides.iter().any(|&s| s))
            .map(Action::FilesChanged),
        // Only the loading screen waits for these.
        Event::LayingOut | Event::Loaded(_) => None,
    };
    if let Some(action) = action {
        effects::apply_with(app, action, workers);
    }
    Ok(())
}
