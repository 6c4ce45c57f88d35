//! Killing tandem with SIGKILL in the middle of saving notes, again and
//! again: after every kill the notes file parses and holds the notes of the
//! last completed save (the old set or the new one, never fewer, never
//! half), and the next start leaves no temporary file behind.
//!
//! The writer is this test binary itself, run again with an environment
//! variable: it opens the notes as the review screen does and saves a new
//! note as fast as it can until it is killed. `TANDEM_KILL_TRIES` sets the
//! number of kills (default 150).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::Anchor;
use tandem::core::notes::notebook::Notebook;

const LEFT: &str =
    "Putin will meet Witkoff in Moscow on Tuesday. Ukrainian officials denied the reports.";
const RIGHT: &str = "Ukraine has not confirmed their fall.";
const CHILD: &str = "TANDEM_KILL_LOOP_NOTES";

fn docs() -> (Document, Document) {
    (
        Document::parse("l.txt", LEFT),
        Document::parse("r.txt", RIGHT),
    )
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".tandem-tmp"))
        .collect()
}

/// The child's side: save notes until killed.
#[test]
#[ignore = "run by kill_9_during_saves_never_loses_or_corrupts_notes as its child"]
fn keep_saving_until_killed() {
    let Ok(path) = std::env::var(CHILD) else {
        return;
    };
    let (l, r) = docs();
    let mut book = Notebook::open(Path::new(&path), &l, &r).expect("the notes file is readable");
    for i in 0.. {
        book.add(
            Category::Other,
            format!("note {i} of pid {}", std::process::id()),
            Anchor::of_quote(LEFT, "denied"),
            None,
        );
        book.save(&l, &r).expect("saved");
    }
}

#[test]
fn kill_9_during_saves_never_loses_or_corrupts_notes() {
    let tries: usize = std::env::var("TANDEM_KILL_TRIES")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(150);
    let dir = tempfile::TempDir::with_prefix("tandem-kill-loop-").unwrap();
    let path = dir.path().join("notes.json");
    let (l, r) = docs();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let (mut mid_save, mut grew) = (0, 0);
    for attempt in 0..tries {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "keep_saving_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each time: during start-up, a write,
        // the flush or the rename.
        std::thread::sleep(Duration::from_micros(
            3000 + (attempt as u64 * 7919) % 25_000,
        ));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if !temporaries(dir.path()).is_empty() {
            mid_save += 1;
        }
        // The next start: the file parses, nothing seen before is gone,
        // and no temporary file survives.
        let book = Notebook::open(&path, &l, &r).unwrap_or_else(|e| panic!("try {attempt}: {e}"));
        let now: BTreeSet<String> = book.file.notes.iter().map(|n| n.text.clone()).collect();
        assert!(
            now.is_superset(&seen),
            "try {attempt}: notes lost: {:?}",
            seen.difference(&now).collect::<Vec<_>>()
        );
        assert!(
            book.file
                .notes
                .iter()
                .all(|n| n.text.starts_with("note ") && n.left.is_some()),
            "try {attempt}: a note is incomplete"
        );
        assert!(
            temporaries(dir.path()).is_empty(),
            "try {attempt}: temporary files survive the next start: {:?}",
            temporaries(dir.path())
        );
        grew += usize::from(now.len() > seen.len());
        seen = now;
    }
    eprintln!(
        "{tries} kills: {mid_save} left a temporary file (killed mid-save), the file grew after {grew}; {} notes, none lost, always parsed",
        seen.len()
    );
    assert!(grew > 0, "the writer never saved: the loop tested nothing");
}
