//! The one queue the screen's loop reads: terminal events, what the
//! workers report (loading, reloading) and changes to the articles on disk
//! all arrive here as [`Event`]s, so the loop waits on one channel and
//! never blocks on the terminal while a worker has news.
//!
//! The terminal is read by a thread of its own ([`Keys`]). While another
//! program has the terminal (`$EDITOR` after `e`) that thread is paused,
//! so that it takes none of the editor's keys.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event;

use super::app::App;
use super::reload::Fresh;
use crate::core::pipeline::Stage;

/// How long the terminal thread waits for input before it looks whether it
/// must pause: the longest a pause waits, short enough not to be felt
/// when the editor starts.
const POLL: Duration = Duration::from_millis(30);

/// Everything the loop is told. `E` is the loading job's error.
pub enum Event<E> {
    /// A key, a mouse event or a new size.
    Terminal(event::Event),
    /// The terminal could not be read.
    TerminalFailed(std::io::Error),
    /// A worker reached a stage, this long after it started.
    Stage(Stage, Duration),
    /// The first load has compared the articles and is laying them out.
    LayingOut,
    /// The first load is done.
    Loaded(Result<Box<App>, E>),
    /// A reload is done (see [`super::reload`]).
    Reloaded(Result<Fresh, String>),
    /// These files changed on disk (see [`super::watch`]).
    Files(Vec<PathBuf>),
}

/// The loop's end of the queue and the senders for its sources.
pub struct Queue<E> {
    pub sender: Sender<Event<E>>,
    pub receiver: Receiver<Event<E>>,
}

impl<E> Queue<E> {
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel();
        Queue { sender, receiver }
    }
}

impl<E> Default for Queue<E> {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    On,
    /// The loop asked the thread to stop reading; it has not yet.
    PauseAsked,
    Paused,
    Stop,
}

/// The thread that reads the terminal and sends what it reads; stopped
/// when dropped.
pub struct Keys {
    state: Arc<(Mutex<Reading>, Condvar)>,
    thread: Option<thread::JoinHandle<()>>,
}

fn lock(state: &Mutex<Reading>) -> MutexGuard<'_, Reading> {
    // The thread holds the lock only to read or set the state: a panic
    // elsewhere leaves it valid.
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Keys {
    /// Starts reading the terminal into `sender`.
    pub fn start<E: Send + 'static>(sender: Sender<Event<E>>) -> std::io::Result<Self> {
        let state = Arc::new((Mutex::new(Reading::On), Condvar::new()));
        let shared = Arc::clone(&state);
        let thread = thread::Builder::new()
            .name("tandem-terminal".into())
            .spawn(move || read(&shared, &sender))?;
        Ok(Keys {
            state,
            thread: Some(thread),
        })
    }

    /// Runs `f` while the terminal thread reads nothing, so that another
    /// program run by `f` gets every key.
    pub fn lend(&self, f: &mut dyn FnMut()) {
        let (state, changed) = &*self.state;
        {
            let mut s = lock(state);
            if *s == Reading::On {
                *s = Reading::PauseAsked;
            }
            while *s == Reading::PauseAsked {
                s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
        }
        f();
        let mut s = lock(state);
        if *s == Reading::Paused {
            *s = Reading::On;
        }
        changed.notify_all();
    }
}

impl Drop for Keys {
    /// Stops the thread and waits for it: a key typed from now on is left
    /// for whoever reads the terminal next (the next screen of a directory
    /// diff), not taken by a thread whose screen is gone.
    fn drop(&mut self) {
        let (state, changed) = &*self.state;
        *lock(state) = Reading::Stop;
        changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The terminal thread: polls briefly so that it can answer a pause, and
/// reads only when input is waiting, holding the lock, so that nothing is
/// read once a pause or a stop is asked.
fn read<E>(state: &(Mutex<Reading>, Condvar), sender: &Sender<Event<E>>) {
    let (state, changed) = state;
    loop {
        {
            let mut s = lock(state);
            if *s == Reading::PauseAsked {
                *s = Reading::Paused;
                changed.notify_all();
            }
            while *s == Reading::Paused {
                s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
            if *s == Reading::Stop {
                return;
            }
        }
        let ready = match event::poll(POLL) {
            Ok(ready) => ready,
            Err(e) => {
                let _ = sender.send(Event::TerminalFailed(e));
                return;
            }
        };
        if !ready {
            continue;
        }
        let s = lock(state);
        if *s != Reading::On {
            continue; // the waiting input is the next reader's
        }
        let sent = match event::read() {
            Ok(event) => sender.send(Event::Terminal(event)),
            Err(e) => {
                let _ = sender.send(Event::TerminalFailed(e));
                return;
            }
        };
        drop(s);
        if sent.is_err() {
            return; // the loop has ended
        }
    }
}
