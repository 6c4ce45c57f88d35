//! Entering and leaving the full-screen terminal. Whatever happens (quit,
//! an error, a panic), the terminal gets its normal mode back: raw mode
//! off, the main screen back, mouse reporting off.

use std::io::stdout;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct Session {
    pub terminal: DefaultTerminal,
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
        let terminal = ratatui::try_init()?;
        let session = Session { terminal };
        execute!(stdout(), EnableMouseCapture)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        let _ = ratatui::try_restore();
    }
}
