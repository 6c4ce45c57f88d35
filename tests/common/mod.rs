//! A pseudo-terminal for end-to-end tests: runs any command (the tandem
//! binary, or git running it) on a real terminal device and reads the
//! screen it draws.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

pub struct Pty {
    writer: Writer,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, as text (for what scrolled away).
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts `program` with `args` in `dir`, with only `env` added to a
    /// minimal environment (so the user's own settings never leak in).
    pub fn spawn(program: &str, args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Self {
        Self::spawn_answering(program, args, dir, env, None)
    }

    /// Like [`Pty::spawn`], on a terminal that answers a query for its
    /// background colour (OSC 11) with `background` ("ffff/ffff/ffff"), its
    /// text colour (OSC 10) with the opposite, and the device-attributes
    /// query sent with them, as xterm does.
    pub fn spawn_answering(
        program: &str,
        args: &[&str],
        dir: &Path,
        env: &[(&str, &str)],
        background: Option<&str>,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave); // so that reading ends when the child exits
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        // The text colour is the opposite of the background, as in a real theme.
        let answer = background.map(|bg| {
            let fg = if bg.starts_with('0') {
                "ffff/ffff/ffff"
            } else {
                "0000/0000/0000"
            };
            format!("\x1b]10;rgb:{fg}\x1b\\\x1b]11;rgb:{bg}\x1b\\\x1b[?62;22c").into_bytes()
        });
        let answerer = writer.clone();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
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
                if let Some(answer) = &answer
                    && buf[..n].windows(6).any(|w| w == b"\x1b]11;?")
                {
                    let mut w = answerer.lock().unwrap();
                    w.write_all(answer).unwrap();
                    w.flush().unwrap();
                }
            }
        });
        Pty {
            writer,
            child,
            screen,
            raw,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// All output so far, escape sequences included.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    pub fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{needle:?} never appeared; screen:\n{}", self.contents());
    }

    /// Waits for `needle` at most `limit`; says how long it took.
    pub fn wait_within(&self, needle: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.contents().contains(needle) {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{needle:?} did not appear within {limit:?}; screen:\n{}",
            self.contents()
        );
    }

    pub fn press(&mut self, keys: &[u8]) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(keys).unwrap();
        w.flush().unwrap();
    }

    /// Presses `key` until `needle` is on screen (at most `tries` times).
    pub fn press_until(&mut self, key: &[u8], needle: &str, tries: usize) {
        for _ in 0..tries {
            if self.contents().contains(needle) {
                return;
            }
            self.press(key);
            std::thread::sleep(Duration::from_millis(50));
        }
        self.wait_for(needle);
    }

    pub fn process_id(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Presses `keys`, then expects a clean exit and a restored terminal.
    pub fn quit_with(&mut self, keys: &[u8]) {
        self.press(keys);
        let status = self.exit_status();
        assert!(status.success(), "{status:?}");
        self.assert_restored();
    }

    /// The terminal is as the program found it: main screen, no mouse
    /// reporting, the alternate screen left after it was last entered.
    pub fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "back on the main screen"
        );
        assert_eq!(
            parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting off"
        );
        let text = self.output();
        let entered = text
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        let left = text
            .rfind("\x1b[?1049l")
            .expect("left the alternate screen");
        assert!(left > entered);
    }

    /// Whether the program has exited, without waiting.
    pub fn exited(&mut self) -> bool {
        self.child.try_wait().unwrap().is_some()
    }

    /// Waits for the program to exit and for its last output.
    pub fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(200)); // let the reader drain
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
