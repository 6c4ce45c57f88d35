//! Entering and leaving the full-screen terminal. Whatever happens (quit,
//! an error, a panic, or any signal whose default action ends the process
//! and that a process may catch: SIGINT, SIGTERM, SIGHUP, SIGQUIT and the
//! rest of [`ENDING`]), the terminal gets its normal mode back: raw mode
//! off, the main screen back, mouse reporting off.

use std::io::stdout;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct Session {
    pub terminal: DefaultTerminal,
    #[cfg(unix)]
    signals: signal_hook::iterator::Handle,
}

/// Gives the terminal its normal mode back (errors ignored: after a hang-up
/// there may be no terminal left to write to).
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
}

/// The signals whose default action ends the process and that can be
/// caught. Left out: SIGPIPE (Rust ignores it, so a write to a closed pipe
/// is an error, not an end), and the faults (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT, SIGTRAP, SIGSYS), after which no code can be trusted to
/// run, and SIGKILL and SIGSTOP, which no process can catch.
#[cfg(unix)]
const ENDING: &[std::ffi::c_int] = {
    use signal_hook::consts::signal::*;
    &[
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ]
};

/// On any of the [`ENDING`] signals: restore the terminal, then die of the
/// signal as the default action would (the exit status says which). A
/// thread of its own receives them, through signal-hook's self-pipe, so
/// nothing unsafe runs inside a signal handler. Notes need nothing here:
/// every change is already on disk. (Ctrl-C in raw mode is a key, not
/// SIGINT; SIGINT comes from `kill -INT` or a supervising program.)
#[cfg(unix)]
fn restore_on_signals() -> std::io::Result<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING)?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(handle)
}

impl Session {
    pub fn start() -> std::io::Result<Self> {
        // Our hook runs after ratatui's (which `try_init` installs around it
        // and which restores the screen), so mouse reporting is off before
        // the panic message is printed.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        #[cfg(unix)]
        let signals = restore_on_signals()?;
        let terminal = ratatui::try_init()?;
        let session = Session {
            terminal,
            #[cfg(unix)]
            signals,
        };
        execute!(stdout(), EnableMouseCapture)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.signals.close();
        restore();
    }
}
