//! Opening the review screen before the articles are ready. A worker thread
//! reads, segments, aligns and compares them and lays the screen out; it
//! reports each stage through a channel, and this thread draws the progress
//! and answers the keys of the `Loading` section of the key table, so the
//! terminal is never blank and `q` is never ignored.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;
use super::mode::Mode;
use super::progress::{Progress, Step};
use super::terminal::Session;
use super::theme::Theme;
use super::view;
use crate::core::compare::Comparison;
use crate::core::notes::notebook::Notebook;
use crate::core::pipeline::{Report, Stage};

/// How often keys are looked for and the clock redrawn: short enough that
/// `q` is answered and the first frame of a small pair appears without a
/// felt delay.
const TICK: Duration = Duration::from_millis(20);

/// The work of loading: what the command line asks for, reporting stages.
pub trait Job<E>: FnOnce(Report) -> Result<(Comparison, Notebook), E> + Send + 'static {}
impl<E, F: FnOnce(Report) -> Result<(Comparison, Notebook), E> + Send + 'static> Job<E> for F {}

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

/// What the worker sends.
enum Message<E> {
    /// A stage, this long after the start of the load.
    Stage(Stage, Duration),
    LayingOut,
    Done(Result<Box<App>, E>),
}

/// Shows the progress of `job` until the screen is ready (`Some`) or the
/// reviewer quits (`None`). The job runs on its own thread; after a quit it
/// is left to finish unseen, as nothing it does writes anything.
pub fn run<E: Send + 'static>(
    session: &mut Session,
    theme: Theme,
    job: impl Job<E>,
) -> Result<Option<App>, Failure<E>> {
    let started = Instant::now();
    let size = session.terminal.size()?;
    let (tx, rx) = mpsc::channel();
    let worker_theme = theme.clone();
    let worker = thread::Builder::new()
        .name("tandem-loading".into())
        .spawn(move || {
            let report = |stage: Stage| {
                let _ = tx.send(Message::Stage(stage, started.elapsed()));
            };
            let result = job(&report).map(|(cmp, notebook)| {
                let _ = tx.send(Message::LayingOut);
                let mut app = App::new(cmp, size.width, size.height, worker_theme);
                app.set_notebook(notebook);
                Box::new(app)
            });
            let _ = tx.send(Message::Done(result));
        })?;
    let mut progress = Progress::default();
    let mut worker = Some(worker);
    loop {
        if let Some(done) = receive(&rx, &mut progress, &mut worker) {
            return finish(session, done);
        }
        let elapsed = started.elapsed();
        session
            .terminal
            .draw(|frame| view::loading::draw(frame, &progress, elapsed, &theme))?;
        if event::poll(TICK)?
            && let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
            && keymap::lookup(Mode::Loading, &key) == Some(Action::Quit)
        {
            return Ok(None);
        }
    }
}

/// Takes in every message waiting; the job's result if it came.
fn receive<E>(
    rx: &Receiver<Message<E>>,
    progress: &mut Progress,
    worker: &mut Option<thread::JoinHandle<()>>,
) -> Option<Result<Box<App>, E>> {
    loop {
        match rx.try_recv() {
            Ok(Message::Stage(stage, at)) => progress.record(stage, at),
            Ok(Message::LayingOut) => progress.step = Step::LayOut,
            Ok(Message::Done(result)) => return Some(result),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                // The worker ended without a result: it panicked. Panic here
                // too, so the terminal is restored and the message shown.
                if let Some(Err(panic)) = worker.take().map(thread::JoinHandle::join) {
                    std::panic::resume_unwind(panic);
                }
                unreachable!("the worker always sends its result before it ends");
            }
        }
    }
}

/// The ready screen, laid out again if the terminal changed size meanwhile.
fn finish<E>(session: &mut Session, done: Result<Box<App>, E>) -> Result<Option<App>, Failure<E>> {
    let mut app = *done.map_err(Failure::Loading)?;
    let size = session.terminal.size()?;
    if (size.width, size.height) != app.size {
        super::effects::apply(
            &mut app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
    }
    Ok(Some(app))
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
