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
use super::terminal::Session;
use super::theme::Theme;
use super::view;
use crate::core::compare::Comparison;
use crate::core::notes::notebook::Notebook;
use crate::core::pipeline::{self, Report, Stage, Which};

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

/// What loading has reached, as the worker reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Read,
    Align,
    Compare,
    /// Wrapping both views at the screen's width.
    LayOut,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Read, Step::Align, Step::Compare, Step::LayOut];

    pub fn label(self) -> &'static str {
        match self {
            Step::Read => "read and split into sentences",
            Step::Align => "align",
            Step::Compare => "compare",
            Step::LayOut => "lay out",
        }
    }
}

/// One article as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub name: Option<String>,
    pub bytes: Option<usize>,
    pub sentences: Option<usize>,
}

/// The loading screen's state: built from the stages, drawn by
/// `view::loading`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub step: Step,
    pub articles: [Article; 2],
    /// Linked passages, once aligned.
    pub links: Option<usize>,
    /// How long the whole load is expected to take, for large pairs.
    pub expected: Option<Duration>,
    /// When reading the first side began, from the start of the load.
    began: Option<Duration>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { step: Step::Read, articles: Default::default(), links: None, expected: None, began: None }
    }
}

impl Progress {
    /// Takes in a stage the worker reported, `at` this long after the start.
    pub fn record(&mut self, stage: Stage, at: Duration) {
        let index = |side| match side {
            Which::Left => 0,
            Which::Right => 1,
        };
        match stage {
            Stage::Reading { side, name } => {
                self.began.get_or_insert(at);
                self.articles[index(side)].name = Some(name);
            }
            Stage::Read { side, bytes } => {
                self.articles[index(side)].bytes = Some(bytes);
                let total = self.articles.iter().filter_map(|a| a.bytes).sum();
                self.expected = pipeline::expected(total);
            }
            Stage::Segmented { side, sentences } => {
                self.articles[index(side)].sentences = Some(sentences);
                // Both sides done: this machine's speed is known.
                if self.expected.is_some() && self.articles.iter().all(|a| a.sentences.is_some()) {
                    self.expected = Some(pipeline::expected_after_segmenting(self.began.unwrap_or_default(), at));
                }
            }
            Stage::Aligning => self.step = Step::Align,
            Stage::Comparing { links } => {
                self.step = Step::Compare;
                self.links = Some(links);
            }
        }
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
pub fn run<E: Send + 'static>(session: &mut Session, theme: Theme, job: impl Job<E>) -> Result<Option<App>, Failure<E>> {
    let started = Instant::now();
    let size = session.terminal.size()?;
    let (tx, rx) = mpsc::channel();
    let worker_theme = theme.clone();
    let worker = thread::Builder::new().name("tandem-loading".into()).spawn(move || {
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
        session.terminal.draw(|frame| view::loading::draw(frame, &progress, elapsed, &theme))?;
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
fn receive<E>(rx: &Receiver<Message<E>>, progress: &mut Progress, worker: &mut Option<thread::JoinHandle<()>>) -> Option<Result<Box<App>, E>> {
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
        super::effects::apply(&mut app, Action::Resize { width: size.width, height: size.height });
    }
    Ok(Some(app))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_follows_the_stages_and_estimates_only_large_pairs() {
        let ms = Duration::from_millis;
        let mut p = Progress::default();
        p.record(Stage::Reading { side: Which::Left, name: "a.txt".into() }, ms(10));
        p.record(Stage::Read { side: Which::Left, bytes: 2_000_000 }, ms(20));
        p.record(Stage::Segmented { side: Which::Left, sentences: 15_000 }, ms(100));
        assert_eq!(p.articles[0], Article { name: Some("a.txt".into()), bytes: Some(2_000_000), sentences: Some(15_000) });
        assert_eq!((p.step, p.expected), (Step::Read, None), "2 MB alone gets no estimate");
        p.record(Stage::Reading { side: Which::Right, name: "b.txt".into() }, ms(100));
        p.record(Stage::Read { side: Which::Right, bytes: 3_000_000 }, ms(110));
        assert_eq!(p.expected, pipeline::expected(5_000_000), "5 MB in all gets the estimate by size");
        assert!(p.expected.is_some());
        p.record(Stage::Segmented { side: Which::Right, sentences: 20_000 }, ms(210));
        assert_eq!(p.expected, Some(pipeline::expected_after_segmenting(ms(10), ms(210))), "then the one by this machine's speed");
        p.record(Stage::Aligning, ms(210));
        assert_eq!(p.step, Step::Align);
        p.record(Stage::Comparing { links: 12_000 }, ms(2000));
        assert_eq!((p.step, p.links), (Step::Compare, Some(12_000)));
    }

    #[test]
    fn only_quitting_keys_are_answered_while_loading() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let lookup = |code, modifiers| keymap::lookup(Mode::Loading, &KeyEvent::new(code, modifiers));
        assert_eq!(lookup(KeyCode::Char('q'), KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(lookup(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(lookup(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(lookup(KeyCode::Char('j'), KeyModifiers::NONE), None);
    }
}
