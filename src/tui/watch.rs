//! Following the articles on disk: when either file changes (an editor's
//! save in another window, including the write-to-temp-and-rename way most
//! editors save), the loop is told which, so the screen can read the pair
//! again (`reload`).
//!
//! Each file's folder is watched, not the file: a save by rename replaces
//! the file, and a watch on the old one would see nothing after it. The
//! events are debounced (notify-debouncer-full), so an editor's burst of
//! writes, renames and attribute changes is one change. Reading a file is
//! not a change: only creations, writes, renames and removals count.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::events::Event;

/// Quiet time after the last event before the change is reported: an
/// editor's save is over well within it, and the screen still follows
/// within a second.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The watch on the articles; it ends when dropped.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    /// Each side's file as the events name it (absolute, links resolved).
    files: [Option<PathBuf>; 2],
}

impl Watch {
    /// Watches the files `paths` names (left, right), sending the changed
    /// paths to `sender`. A side without a path (standard input, the
    /// sample, git's temporary copies) is not watched.
    pub fn start<E: Send + 'static>(
        paths: &[Option<PathBuf>; 2],
        sender: Sender<Event<E>>,
    ) -> notify_debouncer_full::notify::Result<Self> {
        let files = paths
            .clone()
            .map(|path| path.and_then(|p| std::fs::canonicalize(p).ok()));
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let Ok(events) = result else {
                return; // a watch error leaves the screen as it is
            };
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| changes(e.kind))
                .flat_map(|e| e.paths.iter().cloned())
                .collect();
            if !paths.is_empty() {
                let _ = sender.send(Event::Files(paths));
            }
        })?;
        let mut folders: Vec<&Path> = files.iter().flatten().filter_map(|f| f.parent()).collect();
        folders.dedup();
        for folder in folders {
            debouncer.watch(folder, RecursiveMode::NonRecursive)?;
        }
        Ok(Watch {
            _debouncer: debouncer,
            files,
        })
    }

    /// Which sides (left, right) the changed `paths` are.
    pub fn sides(&self, paths: &[PathBuf]) -> [bool; 2] {
        [0, 1].map(|side| self.files[side].as_ref().is_some_and(|f| paths.contains(f)))
    }
}

/// Whether an event can change a file's text.
fn changes(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    )
}
