//! Buffers lent to parallel tasks.

use std::sync::Mutex;

/// Spare buffers for parallel tasks: a task borrows one and gives it back,
/// so there are only as many as tasks ran at once. Rayon's per-task
/// initialisers (`for_each_init`) make one per task, and with small tasks
/// that is thousands of buffers as long as a document's sentences or
/// feature ids, each allocated and zeroed.
pub struct Spare<T>(Mutex<Vec<T>>);

impl<T> Spare<T> {
    pub fn new() -> Self {
        Spare(Mutex::new(Vec::new()))
    }

    /// Runs `work` with a spare buffer, or one that `make` makes when none
    /// is spare. `work` must leave the buffer as it found it.
    pub fn with<R>(&self, make: impl FnOnce() -> T, work: impl FnOnce(&mut T) -> R) -> R {
        let spare = self.0.lock().expect("no task panics").pop();
        let mut buffer = spare.unwrap_or_else(make);
        let out = work(&mut buffer);
        self.0.lock().expect("no task panics").push(buffer);
        out
    }
}
