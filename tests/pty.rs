//! The real binary in a pseudo-terminal: it opens the sample pair, reacts
//! to keys, quits cleanly, and leaves the terminal as it found it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 110;

struct Session {
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    fn start() -> Self {
        Self::start_with(&[])
    }

    fn start_with(args: &[&str]) -> Self {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("tandem starts");
        drop(pair.slave); // so that reading ends when the child exits
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(NonZeroU16::new(ROWS).unwrap(), NonZeroU16::new(COLS).unwrap(), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let _master = pair.master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { writer, child, screen, raw }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{needle:?} never appeared; screen:\n{}", self.contents());
    }

    /// Presses `key` until `needle` is on screen (at most `tries` times).
    fn press_until(&mut self, key: &[u8], needle: &str, tries: usize) {
        for _ in 0..tries {
            if self.contents().contains(needle) {
                return;
            }
            self.press(key);
            std::thread::sleep(Duration::from_millis(50));
        }
        self.wait_for(needle);
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the child to exit and for its last output.
    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(200)); // let the reader drain
                return status;
            }
            assert!(Instant::now() < deadline, "tandem did not exit; screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Presses `keys`, then expects a clean exit and a restored terminal.
    fn quit_with(&mut self, keys: &[u8]) {
        self.press(keys);
        let status = self.exit_status();
        assert!(status.success(), "{status:?}");
        self.assert_restored();
    }

    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        assert!(!parser.screen().alternate_screen(), "back on the main screen");
        assert_eq!(parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        let entered = text.rfind("\x1b[?1049h").expect("entered the alternate screen");
        let left = text.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(left > entered);
    }
}

#[test]
fn opens_the_sample_reacts_to_keys_and_quits_cleanly() {
    let mut s = Session::start();
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
    let mut s = Session::start();
    s.wait_for("difference 1 of");
    s.press(b"/Pokrovsk\r");
    s.wait_for("match 1 of");
    s.quit_with(b"\x03");
}

#[test]
fn tagging_a_difference_writes_the_note_to_the_notes_file() {
    let dir = std::env::temp_dir().join(format!("tandem-pty-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notes = dir.join("review.json");
    let mut s = Session::start_with(&["--notes", notes.to_str().unwrap()]);
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
    assert!(note["left"]["exact"].as_str().unwrap().starts_with("Russian President Vladimir Putin will meet"));
    assert!(note["right"]["exact"].as_str().unwrap().starts_with("Russian President Vladimir Putin is set to meet"));
    assert_eq!(file["left"]["path"], "kremlin-talks-original.txt");
}

#[test]
fn accepted_and_rejected_suggestions_are_in_the_notes_file_after_reopening() {
    let dir = std::env::temp_dir().join(format!("tandem-pty-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notes = dir.join("review.json");
    let notes_arg = notes.to_str().unwrap();

    let mut s = Session::start_with(&["--notes", notes_arg]);
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
    let mut again = Session::start_with(&["--notes", notes_arg]);
    again.wait_for("│ 1 note");
    again.quit_with(b"q");
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&notes).unwrap()).unwrap();
    assert_eq!(file["notes"].as_array().unwrap().len(), 1);
    assert!(file["notes"][0]["suggestion"].is_string(), "accepted from a suggestion: {}", file["notes"][0]);
    assert_eq!(file["rejected"].as_array().unwrap().len(), 1);
    assert_ne!(file["rejected"][0]["key"], file["notes"][0]["suggestion"]);
}
