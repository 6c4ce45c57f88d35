//! Opening the review screen before the articles are ready. A worker thread
//! reads, segments, aligns and compares them and lays the screen out; it
//! reports each stage to the loop's queue, and this thread draws the
//! progress and answers the keys of the `Loading` section of the key table,
//! so the terminal is never blank and `q` is never ignored.

use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, KeyEventKind};

use super::action::Action;
use super::app::{App, Versions};
use super::events::{Event, Queue};
use super::keymap;
use super::mode::Mode;
use super::progress::{Progress, Step};
use super::terminal::Session;
use super::theme::Theme;
use super::view;
use crate::core::compare::Comparison;
use crate::core::notes::notebook::Notebook;
use crate::core::pipeline::{Report, Stage};

/// How often the clock is redrawn: short enough that the first frame of a
/// small pair appears without a felt delay.
pub const TICK: Duration = Duration::from_millis(20);

/// What the screen opens on: a pair and its notes, and for three or more
/// versions the series' other pairs.
pub struct Start {
    pub cmp: Comparison,
    pub notebook: Notebook,
    pub versions: Option<Versions>,
}

impl From<(Comparison, Notebook)> for Start {
    fn from((cmp, notebook): (Comparison, Notebook)) -> Self {
        Start {
            cmp,
            notebook,
            versions: None,
        }
    }
}

/// The work of loading: what the command line asks for, reporting stages.
pub trait Job<E>: FnOnce(Report) -> Result<Start, E> + Send + 'static {}
impl<E, F: FnOnce(Report) -> Result<Start, E> + Send + 'static> Job<E> for F {}

/// Why the screen closed other than by the reviewer's choice.
#[derive(Debug)]
pub enum Failure<E> {
    Terminal(std::io::Error),
    /// The job's own error (a file that cannot be read, a notes file).
    Loading(E),
}

impl<E> From<std::io::Error> for Failure<E> {
    fn from(e: std::io::Error) -> Self {
        Failure::Terminal(e)
    }
}

/// The screen, ready, and the files that changed on disk while it loaded.
pub struct Loaded {
    pub app: App,
    pub changed: Vec<PathBuf>,
}

/// Shows the progress of `job` until the screen is ready (`Some`) or the
/// reviewer quits (`None`). The job runs on its own thread; after a quit it
/// is left to finish unseen, as nothing it does writes anything.
pub fn run<E: Send + 'static>(
    session: &mut Session,
    theme: Theme,
    job: impl Job<E>,
    queue: &Queue<E>,
) -> Result<Option<Loaded>, Failure<E>> {
    let started = Instant::now();
    let size = session.terminal.size()?;
    let tx = queue.sender.clone();
    let worker_theme = theme.clone();
    let worker = thread::Builder::new()
        .name("tandem-loading".into())
        .spawn(move || {
            let report = |stage: Stage| {
                let _ = tx.send(Event::Stage(stage, started.elapsed()));
            };
            let result = job(&report).map(|start| {
                let _ = tx.send(Event::LayingOut);
                let mut app = App::new(start.cmp, size.width, size.height, worker_theme);
                app.set_notebook(start.notebook);
                app.versions = start.versions;
                super::versions::retitle(&mut app);
                Box::new(app)
            });
            let _ = tx.send(Event::Loaded(result));
        })?;
    let mut progress = Progress::default();
    let mut changed = Vec::new();
    loop {
        let elapsed = started.elapsed();
        session
            .terminal
            .draw(|frame| view::loading::draw(frame, &progress, elapsed, &theme))?;
        let event = match queue.receiver.recv_timeout(TICK) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) if worker.is_finished() => {
                // The result comes before the end: a worker that ended
                // without one panicked. Panic here too, so the terminal is
                // restored and the message shown.
                match queue.receiver.try_recv() {
                    Ok(event) => event,
                    Err(_) => match worker.join() {
                        Err(panic) => std::panic::resume_unwind(panic),
                        Ok(()) => unreachable!("the worker always sends its result"),
                    },
                }
            }
            Err(_) => continue,
        };
        match event {
            Event::Stage(stage, at) => progress.record(stage, at),
            Event::LayingOut => progress.step = Step::LayOut,
            Event::Loaded(result) => {
                let app = finish(session, result)?;
                return Ok(Some(Loaded { app, changed }));
            }
            Event::Files(paths) => changed.extend(paths),
            Event::TerminalFailed(e) => return Err(Failure::Terminal(e)),
            Event::Terminal(event::Event::Key(key))
                if key.kind != KeyEventKind::Release
                    && keymap::lookup(Mode::Loading, &key) == Some(Action::Quit) =>
            {
                return Ok(None);
            }
            Event::Terminal(_) | Event::Reloaded(_) => {}
        }
    }
}

/// The ready screen, laid out again if the terminal changed size meanwhile.
fn finish<E>(session: &mut Session, done: Result<Box<App>, E>) -> Result<App, Failure<E>> {
    let mut app = *done.map_err(Failure::Loading)?;
    let size = session.terminal.size()?;
    if (size.width, size.height) != app.viewport.size {
        super::effects::apply(
            &mut app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
    }
    Ok(app)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_quitting_keys_are_answered_while_loading() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let lookup =
            |code, modifiers| keymap::lookup(Mode::Loading, &KeyEvent::new(code, modifiers));
        assert_eq!(
            lookup(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(lookup(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(lookup(KeyCode::Char('j'), KeyModifiers::NONE), None);
    }
}
