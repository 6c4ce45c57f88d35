//! The real binary in a pseudo-terminal: it opens the sample pair, reacts
//! to keys, quits cleanly, and leaves the terminal as it found it.

mod common;

use common::Pty;
use tempfile::TempDir;

/// The tandem binary with `args`, in a pseudo-terminal.
fn tandem(args: &[&str]) -> Pty {
    Pty::spawn(
        env!("CARGO_BIN_EXE_tandem"),
        args,
        &std::env::temp_dir(),
        &[],
    )
}

#[test]
fn opens_the_sample_reacts_to_keys_and_quits_cleanly() {
    let mut s = tandem(&[]);
    s.wait_for("kremlin-talks-original.txt");
    s.wait_for("difference 1 of");
    s.press(b"]");
    s.wait_for("difference 2 of");
    s.press(b"v");
    s.wait_for("reading view");
    s.press(b"?");
    s.wait_for("tandem: keys");
    s.press(b"x");
    s.quit_with(b"q");
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut s = tandem(&[]);
    s.wait_for("difference 1 of");
    s.press(b"/Pokrovsk\r");
    s.wait_for("match 1 of");
    s.quit_with(b"\x03");
}

#[test]
fn tagging_a_difference_writes_the_note_to_the_notes_file() {
    let dir = TempDir::with_prefix("tandem-pty-notes-").unwrap();
    let notes = dir.path().join("review.json");
    let mut s = tandem(&["--notes", notes.to_str().unwrap()]);
    s.wait_for("difference 1 of");
    s.press(b"]");
    s.wait_for("difference 2 of");
    s.press(b"t");
    s.wait_for("pick a category");
    s.press(b"2");
    s.wait_for("New note: title or role");
    s.press("son-in-law became “former President”".as_bytes());
    s.press(b"\r");
    s.wait_for("saved to");
    s.quit_with(b"q");

    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&notes).unwrap()).unwrap();
    let note = &file["notes"][0];
    assert_eq!(note["category"], "title");
    assert_eq!(note["text"], "son-in-law became “former President”");
    assert_eq!(note["status"], "open");
    // The second difference is the first divergent passage: Kushner's title.
    assert!(
        note["left"]["exact"]
            .as_str()
            .unwrap()
            .starts_with("Jared Kushner, Donald Trump’s son-in-law")
    );
    assert!(
        note["right"]["exact"]
            .as_str()
            .unwrap()
            .starts_with("Jared Kushner, a close adviser")
    );
    assert_eq!(file["left"]["path"], "kremlin-talks-original.txt");
}

#[test]
fn accepted_and_rejected_suggestions_are_in_the_notes_file_after_reopening() {
    let dir = TempDir::with_prefix("tandem-pty-suggest-").unwrap();
    let notes = dir.path().join("review.json");
    let notes_arg = notes.to_str().unwrap();

    let mut s = tandem(&["--notes", notes_arg]);
    s.wait_for("difference 1 of");
    // Walk the differences to the first passage with a suggestion.
    s.press_until(b"]", "a accept", 30);
    s.press(b"a");
    s.wait_for("New note");
    s.press(b"\r");
    s.wait_for("saved to");
    // The bar says what the accept did until the next key: then the
    // next open suggestion, on a later passage.
    s.wait_for("accepted a suggestion");
    s.press_until(b"]", "a accept", 30);
    s.press(b"r");
    s.wait_for("rejected; saved to");
    s.quit_with(b"q");

    // Reopen: the screen starts, and the file keeps both outcomes.
    let mut again = tandem(&["--notes", notes_arg]);
    again.wait_for("│ 1 note");
    again.quit_with(b"q");
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&notes).unwrap()).unwrap();
    assert_eq!(file["notes"].as_array().unwrap().len(), 1);
    assert!(
        file["notes"][0]["suggestion"].is_string(),
        "accepted from a suggestion: {}",
        file["notes"][0]
    );
    assert_eq!(file["rejected"].as_array().unwrap().len(), 1);
    assert_ne!(file["rejected"][0]["key"], file["notes"][0]["suggestion"]);
}

#[test]
fn two_screens_on_one_notes_file_keep_both_notes() {
    // A relative path (the sessions run in the temporary directory), so
    // that the status line has room for the note count.
    let dir = TempDir::with_prefix_in("tandem-pty-two-", std::env::temp_dir()).unwrap();
    let notes = format!(
        "{}/n.json",
        dir.path().file_name().unwrap().to_str().unwrap()
    );
    let mut a = tandem(&["--notes", &notes]);
    let mut b = tandem(&["--notes", &notes]);
    a.wait_for("difference 1 of");
    b.wait_for("difference 1 of");

    let tag = |s: &mut Pty, digit: &[u8], text: &str, count: &str| {
        s.press(b"t");
        s.wait_for("pick a category");
        s.press(digit);
        s.wait_for("New note");
        s.press(text.as_bytes());
        s.press(b"\r");
        s.wait_for(count);
    };
    a.press(b"]");
    a.wait_for("difference 2 of");
    tag(&mut a, b"2", "from a", "│ 1 note");
    // b never saw a's note, yet its save keeps it (and shows it).
    tag(&mut b, b"1", "from b", "│ 2 notes");
    // a's next save keeps b's note.
    a.press(b"]");
    a.wait_for("difference 3 of");
    tag(&mut a, b"3", "again from a", "│ 3 notes");
    a.quit_with(b"q");
    b.quit_with(b"q");

    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("n.json")).unwrap()).unwrap();
    let mut texts: Vec<&str> = file["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    texts.sort();
    assert_eq!(texts, ["again from a", "from a", "from b"]);
}

#[cfg(unix)]
#[test]
fn the_terminal_is_restored_on_every_signal_that_ends_the_process() {
    // SIGINT left the alternate screen and mouse reporting on (exit 130).
    for signal in [
        "INT", "TERM", "HUP", "QUIT", "ALRM", "USR1", "USR2", "VTALRM", "PROF", "XCPU", "XFSZ",
    ] {
        let mut s = tandem(&[]);
        s.wait_for("difference 1 of");
        let pid = s.process_id().expect("a child process id");
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .unwrap();
        assert!(sent.success());
        let status = s.exit_status();
        assert!(!status.success(), "SIG{signal}: {status:?}");
        s.assert_restored();
    }
}

#[test]
fn an_export_printed_to_a_terminal_carries_no_escape_sequence() {
    let dir = TempDir::with_prefix("tandem-pty-export-").unwrap();
    let notes = dir.path().join("evil.json");
    let evil = "\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m bidi\\u202e end";
    let json = format!(
        r#"{{"version": 1, "left": {{"path": "a\u001b]0;t\u0007.txt", "sha256": "0"}}, "right": {{"path": "b.txt", "sha256": "0"}},
        "notes": [{{"id": "n", "category": "other", "text": "{evil}", "status": "open", "created": "2026-11-22T08:00:00Z",
        "updated": "2026-11-22T08:00:00Z", "left": {{"exact": "{evil}", "prefix": "", "suffix": "", "start": 0, "end": 1, "char_start": 0, "char_end": 1}}, "right": null}}]}}"#
    );
    std::fs::write(&notes, json).unwrap();
    for format in ["markdown", "csv", "json", "w3c"] {
        let mut s = tandem(&["export", notes.to_str().unwrap(), "--format", format]);
        let status = s.exit_status();
        assert!(status.success(), "{format}: {status:?}\n{}", s.contents());
        let text = s.output();
        assert!(
            text.contains("bidi"),
            "{format}: the note is printed: {text}"
        );
        assert!(
            !text.contains(['\x1b', '\x07', '\u{9b}', '\u{202e}']),
            "{format}: {text:?}"
        );
    }
}

/// The text report printed to a terminal keeps its own colours (the
/// terminal sanitiser once turned them into `�`) while an article's escape
/// sequences still never reach the terminal: every escape left is a colour.
#[test]
fn the_text_report_in_a_terminal_keeps_its_colours_and_drops_the_article_s_escapes() {
    let dir = TempDir::with_prefix("tandem-pty-colour-").unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "The mayor said 12 people came.\x1b]0;pwned\x07\n").unwrap();
    std::fs::write(&b, "The mayor said 15 people came.\n").unwrap();
    let mut s = tandem(&[
        "align",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--color",
        "always",
    ]);
    assert!(s.exit_status().success(), "{}", s.contents());
    let text = s.output();
    assert!(text.contains("\x1b["), "the report is coloured: {text:?}");
    assert!(
        !text.contains("\x1b]0;") && !text.contains('\x07'),
        "the article's title sequence is dropped: {text:?}"
    );
    // Every escape left is one of the report's own colours (SGR).
    for seq in text.split('\x1b').skip(1) {
        let body = seq
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("not a colour: {seq:?}"));
        let end = body
            .find('m')
            .unwrap_or_else(|| panic!("not a colour: {seq:?}"));
        assert!(
            body[..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "not a colour: {seq:?}"
        );
    }
}

/// A pair large enough that a debug build is still aligning it seconds
/// after the screen opens.
fn write_large_pair(dir: &std::path::Path) -> (String, String) {
    let text = |shift: usize| -> String {
        (0..20_000)
            .map(|i| {
                format!(
                    "Report {i} says the mayor of town {} counted {} votes.{}",
                    i % 97,
                    i * 7 + shift,
                    if i % 5 == 4 { "\n\n" } else { " " }
                )
            })
            .collect()
    };
    let (l, r) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&l, text(0)).unwrap();
    std::fs::write(&r, text(1)).unwrap();
    (l.display().to_string(), r.display().to_string())
}

#[test]
fn q_while_loading_quits_at_once_and_restores_the_terminal() {
    let dir = TempDir::with_prefix("tandem-pty-loading-").unwrap();
    let (left, right) = write_large_pair(dir.path());
    let notes = dir.path().join("notes.json");
    let mut s = tandem(&[
        "--theme",
        "dark",
        "--notes",
        notes.to_str().unwrap(),
        &left,
        &right,
    ]);
    s.wait_for("opening the articles");
    s.wait_for("sentences");
    s.quit_with(b"q");
    let output = s.output();
    // The review screen's status line always shows its "]/[" keys.
    assert!(
        !output.contains("]/["),
        "the review screen never opened: q was answered during the loading"
    );
    assert!(!notes.exists(), "quitting while loading writes no notes");
}

#[test]
fn a_missing_file_closes_the_loading_screen_with_one_line_and_status_2() {
    let mut s = tandem(&[
        "--theme",
        "dark",
        "/nonexistent/tandem/left.txt",
        "/nonexistent/tandem/right.txt",
    ]);
    let status = s.exit_status();
    assert_eq!(status.exit_code(), 2, "{status:?}");
    s.assert_restored();
    let output = s.output();
    let restored_at = output
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        output[restored_at..].contains("tandem: /nonexistent/tandem/left.txt: no such file"),
        "the error comes after the terminal is restored:\n{output:?}"
    );
}

/// The screen follows the files: the right article saved by another
/// editor the way most save (a temporary file renamed over it) is on
/// screen within 3 s, compared again, and the note taken before is still
/// there and counted.
#[test]
fn a_file_saved_by_rename_is_shown_again_with_its_notes() {
    let dir = TempDir::with_prefix("tandem-pty-watch-").unwrap();
    let left = "The council met on Monday. It approved 12 new homes.\n\n\
                The mayor said the bridge would open in May.\n\n\
                Residents asked for more buses.\n";
    let right = "The council met on Monday. It approved 15 new homes.\n\n\
                 The mayor said the bridge would open in May.\n\n\
                 Residents asked for more buses.\n";
    std::fs::write(dir.path().join("a.txt"), left).unwrap();
    std::fs::write(dir.path().join("b.txt"), right).unwrap();
    let mut s = Pty::spawn(
        env!("CARGO_BIN_EXE_tandem"),
        &["--theme", "dark", "--notes", "n.json", "a.txt", "b.txt"],
        dir.path(),
        &[],
    );
    s.wait_for("passage 1 of 4");
    s.press(b"]");
    s.wait_for("difference 1 of");
    s.press(b"t");
    s.wait_for("pick a category");
    s.press(b"1");
    s.wait_for("New note");
    s.press(b"12 or 15 homes?");
    s.press(b"\r");
    s.wait_for("\u{2502} 1 note");

    let edited = right.replace("more buses", "a night tram");
    let temporary = dir.path().join(".b.txt.swp");
    std::fs::write(&temporary, edited).unwrap();
    std::fs::rename(&temporary, dir.path().join("b.txt")).unwrap();
    let took = s.wait_within("a night tram", std::time::Duration::from_secs(3));
    s.wait_for("right article changed: 1 passage differs");
    assert!(took < std::time::Duration::from_secs(3));
    // The next key takes the message off the status line: the count is
    // back, and the note's mark is on its passage.
    s.press(b"]");
    s.wait_for("difference 2 of 2");
    let screen = s.contents();
    assert!(screen.contains("\u{2502} 1 note"), "{screen}");
    assert!(
        screen.contains("\u{270e} It approved 12 new homes"),
        "{screen}"
    );
    s.quit_with(b"q");
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("n.json")).unwrap()).unwrap();
    assert_eq!(file["notes"].as_array().unwrap().len(), 1);
    assert_eq!(file["notes"][0]["text"], "12 or 15 homes?");
}

/// With `--no-watch`, a change on disk leaves the screen as it was.
#[test]
fn no_watch_leaves_the_screen_as_it_was() {
    let dir = TempDir::with_prefix("tandem-pty-no-watch-").unwrap();
    std::fs::write(dir.path().join("a.txt"), "It approved 12 new homes.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "It approved 15 new homes.\n").unwrap();
    let mut s = Pty::spawn(
        env!("CARGO_BIN_EXE_tandem"),
        &[
            "--theme",
            "dark",
            "--no-watch",
            "--notes",
            "n.json",
            "a.txt",
            "b.txt",
        ],
        dir.path(),
        &[],
    );
    s.wait_for("15 new homes");
    std::fs::write(dir.path().join("b.txt"), "It approved 99 new homes.\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let screen = s.contents();
    assert!(
        screen.contains("15 new homes") && !screen.contains("99 new homes"),
        "{screen}"
    );
    s.quit_with(b"q");
}

#[test]
fn five_versions_move_by_pair_and_the_history_goes_to_the_toll() {
    let dir = TempDir::with_prefix("tandem-pty-series-").unwrap();
    let files: Vec<String> = (1..=5)
        .map(|v| {
            let to = dir.path().join(format!("v{v}.txt"));
            std::fs::copy(format!("tests/fixtures/story/en/v{v}.txt"), &to).unwrap();
            to.to_str().unwrap().to_string()
        })
        .collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut s = tandem(&args);
    s.wait_for("1–2/5");
    s.press(b">");
    s.wait_for("versions 2–3 of 5");
    s.press(b"H");
    s.wait_for("12 → 19 → 19 → 23 → 23");
    s.press(b"\r");
    s.wait_for("versions 1–2 of 5");
    // The toll's passage is focused: its figure is the suggestion shown.
    s.wait_for("“12” / “19”");
    s.quit_with(b"q");
}
