//! The screen's loop as an [`effects::Worker`]: a reload runs on a thread
//! of its own and sends its stages and its result to the loop's queue; the
//! terminal is lent to the editor by pausing the thread that reads it.

use std::cell::RefCell;
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::action::Outcome;
use super::effects;
use super::events::{Event, Keys};
use super::reload::Job;

/// A reload on a worker thread.
struct Running {
    thread: JoinHandle<()>,
    started: Instant,
}

pub struct Workers<'a, E> {
    sender: Sender<Event<E>>,
    keys: &'a Keys,
    reload: RefCell<Option<Running>>,
}

impl<'a, E: Send + 'static> Workers<'a, E> {
    pub fn new(sender: Sender<Event<E>>, keys: &'a Keys) -> Self {
        Workers {
            sender,
            keys,
            reload: RefCell::new(None),
        }
    }

    /// How long the reload under way has been running.
    pub fn reloading_for(&self) -> Option<Duration> {
        self.reload.borrow().as_ref().map(|r| r.started.elapsed())
    }

    /// The reload's result came: the worker is done.
    pub fn reloaded(&self) {
        self.reload.borrow_mut().take();
    }

    /// A worker that ended without sending its result panicked: the panic
    /// goes on here, so the terminal is restored and the message shown.
    /// Call it only once the queue is empty, as the result comes before
    /// the end.
    pub fn check(&self) {
        let finished = self
            .reload
            .borrow()
            .as_ref()
            .is_some_and(|r| r.thread.is_finished());
        if !finished {
            return;
        }
        if let Some(Err(panic)) = self.reload.borrow_mut().take().map(|r| r.thread.join()) {
            std::panic::resume_unwind(panic);
        }
    }
}

impl<E: Send + 'static> effects::Worker for Workers<'_, E> {
    fn reload(&self, job: Job) -> Option<Outcome> {
        let sender = self.sender.clone();
        let started = Instant::now();
        let spawned = thread::Builder::new()
            .name("tandem-reload".into())
            .spawn(move || {
                let report = |stage| {
                    let _ = sender.send(Event::Stage(stage, started.elapsed()));
                };
                let result = job.run(&report);
                let _ = sender.send(Event::Reloaded(result));
            });
        match spawned {
            Ok(thread) => {
                *self.reload.borrow_mut() = Some(Running { thread, started });
                None
            }
            Err(e) => Some(Outcome::Reloaded(super::reload::Handover::new(Err(
                format!("cannot start reading the articles again: {e}"),
            )))),
        }
    }

    fn lend_terminal(&self, f: &mut dyn FnMut()) {
        self.keys.lend(f);
    }
}
