//! Two real tandem processes on one notes file, in pseudo-terminals: what
//! one session does never costs the other its notes (issue 27, breaks 1
//! and 2).

mod common;

use common::Pty;
use tempfile::TempDir;

/// The tandem binary with `args`, in a pseudo-terminal, in `dir`.
fn tandem(dir: &std::path::Path, args: &[&str]) -> Pty {
    Pty::spawn(env!("CARGO_BIN_EXE_tandem"), args, dir, &[])
}

/// Tags the focused passage in category `digit` with `text`, then waits for
/// `count` on the status line.
fn tag(s: &mut Pty, digit: &[u8], text: &str, count: &str) {
    s.press(b"t");
    s.wait_for("pick a category");
    s.press(digit);
    s.wait_for("New note");
    s.press(text.as_bytes());
    s.press(b"\r");
    s.wait_for(count);
}

/// The texts of the notes in the file, sorted.
fn texts(path: &std::path::Path) -> Vec<String> {
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("the notes file is there"))
            .expect("the notes file is JSON");
    let mut texts: Vec<String> = file["notes"]
        .as_array()
        .expect("a list of notes")
        .iter()
        .map(|n| n["text"].as_str().unwrap_or_default().to_string())
        .collect();
    texts.sort();
    texts
}

/// Break 1: screen B adds a note; screen A tags a passage (its save merges
/// B's note in) and undoes: only A's own note goes, and redo brings it back.
/// A later undo, after B added another note, again takes only A's.
#[test]
fn undo_and_redo_keep_the_notes_another_session_added() {
    let dir = TempDir::with_prefix("tandem-sessions-undo-").expect("a test directory");
    let notes = dir.path().join("n.json");
    let mut a = tandem(dir.path(), &["--notes", "n.json"]);
    let mut b = tandem(dir.path(), &["--notes", "n.json"]);
    a.wait_for("difference 1 of");
    b.wait_for("difference 1 of");

    tag(&mut b, b"1", "from b", "│ 1 note");
    a.press(b"]");
    a.wait_for("difference 2 of");
    tag(&mut a, b"2", "from a", "│ 2 notes");
    assert_eq!(texts(&notes), ["from a", "from b"]);

    a.press(b"u");
    a.wait_for("undone:");
    a.wait_for("saved to");
    assert_eq!(texts(&notes), ["from b"], "b's note survives a's undo");

    a.press(b"\x12"); // Ctrl-r
    a.wait_for("redone:");
    a.wait_for("saved to");
    assert_eq!(texts(&notes), ["from a", "from b"]);

    b.press(b"]");
    b.wait_for("difference 2 of");
    b.press(b"]");
    b.wait_for("difference 3 of");
    tag(&mut b, b"3", "again from b", "│ 3 notes");
    a.press(b"u");
    a.wait_for("undone:");
    a.wait_for("saved to");
    assert_eq!(texts(&notes), ["again from b", "from b"]);

    a.quit_with(b"q");
    b.quit_with(b"q");
    assert_eq!(texts(&notes), ["again from b", "from b"]);
}

/// Break 2: another program leaves git conflict markers in the notes file;
/// the save is refused, and `W` with the same path, then Enter, then Enter
/// again (the default answer), leaves the file as it is. Saving elsewhere
/// then keeps the session's notes.
#[test]
fn save_elsewhere_never_replaces_a_file_that_is_not_notes_without_asking() {
    let dir = TempDir::with_prefix("tandem-sessions-w-").expect("a test directory");
    let notes = dir.path().join("n.json");
    let mut a = tandem(dir.path(), &["--notes", "n.json"]);
    a.wait_for("difference 1 of");
    tag(&mut a, b"1", "mine", "│ 1 note");

    let saved = std::fs::read_to_string(&notes).expect("the notes file is there");
    let conflicted = format!(
        "<<<<<<< HEAD\n{saved}=======\n{}>>>>>>> theirs\n",
        saved.replace("mine", "another reviewer's note")
    );
    std::fs::write(&notes, &conflicted).expect("write the conflict");

    a.press(b"]");
    a.wait_for("difference 2 of");
    tag(&mut a, b"2", "second", "NOT SAVED");
    assert_eq!(
        std::fs::read_to_string(&notes).ok(),
        Some(conflicted.clone())
    );

    a.press(b"W");
    a.wait_for("Save the notes to");
    a.press(b"\r");
    a.wait_for("cannot be read as notes");
    a.wait_for("Keep this file?");
    a.wait_for("Enter: keep it, save elsewhere");
    assert_eq!(
        std::fs::read_to_string(&notes).ok(),
        Some(conflicted.clone()),
        "asked before anything is written"
    );
    a.press(b"\r");
    a.wait_for("Save the notes to");
    assert_eq!(
        std::fs::read_to_string(&notes).ok(),
        Some(conflicted.clone()),
        "Enter keeps the file"
    );
    // Elsewhere: the path field holds the old path, the cursor at its end.
    a.press(b"\x7f\x7f\x7f\x7fsaved.json\r");
    a.wait_for("saved to");
    assert_eq!(texts(&dir.path().join("n.saved.json")), ["mine", "second"]);
    a.quit_with(b"q");
    assert_eq!(std::fs::read_to_string(&notes).ok(), Some(conflicted));
}
