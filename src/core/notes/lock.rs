//! Several sessions on one notes file take turns: an advisory lock on a
//! small file beside it (`.NAME.tandem-lock`, kept, never written), held
//! only while a session reads, merges and writes the notes, so no session
//! waits on another's screen. The lock file is separate from the notes
//! file because a save replaces the notes file by renaming, which would
//! leave a lock on the notes file itself on a file no longer there.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use super::store::{resolve, sidecar_stem};

/// How long a save waits for another session's save to finish. Saves take
/// milliseconds; a lock held longer belongs to a session that hangs.
const PATIENCE: Duration = Duration::from_secs(5);

/// The lock, released when dropped (and by the system if the process dies,
/// so a killed session never leaves the notes locked).
pub struct NotesLock {
    _file: Option<fs::File>,
}

impl NotesLock {
    /// Takes the lock for the notes file `path`. Where the system cannot
    /// lock (some network file systems) or the directory does not exist
    /// yet, saving goes on unlocked: the merge still keeps every note
    /// unless two saves meet in the same instant.
    pub fn acquire(path: &Path) -> io::Result<Self> {
        let target = resolve(path)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "notes".into());
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let Ok(file) = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(format!("{}.tandem-lock", sidecar_stem(&name))))
        else {
            return Ok(NotesLock { _file: None });
        };
        let deadline = Instant::now() + PATIENCE;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(NotesLock { _file: Some(file) }),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::other(format!(
                        "another tandem session has held the lock on {} for {} s",
                        path.display(),
                        PATIENCE.as_secs()
                    )));
                }
                Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(NotesLock { _file: None });
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_until_the_first_lets_go() -> io::Result<()> {
        let d = tempfile::TempDir::with_prefix("tandem-lock-")?;
        let path = d.path().join("notes.json");
        let first = NotesLock::acquire(&path)?;
        let (tx, rx) = std::sync::mpsc::channel();
        let p = path.clone();
        let waiter = std::thread::spawn(move || {
            let _second =
                NotesLock::acquire(&p).expect("the lock is granted once the first is released");
            tx.send(Instant::now())
                .expect("the test is still listening");
        });
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            rx.try_recv().is_err(),
            "the second waits while the first holds the lock"
        );
        let released = Instant::now();
        drop(first);
        let got = rx.recv().expect("the waiter sends before it ends");
        waiter.join().expect("the other thread did not panic");
        assert!(got >= released);
        assert!(!path.exists(), "locking never creates the notes file");
        Ok(())
    }
}
