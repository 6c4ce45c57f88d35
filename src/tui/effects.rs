//! Carrying out the effects `update` asks for: the only place in the review
//! screen that writes files. Each effect's outcome goes back to `update` as
//! an action, as gitui's components talk through a queue of events.

use std::collections::VecDeque;

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::action::{Action, Effect, Export, Outcome};
use super::app::App;
use super::mode::Side;
use super::update::update;
use crate::core::document::Document;
use crate::core::notes::export;
use crate::core::notes::{now_rfc3339, store};
use crate::report::{html, placement};

/// Applies `action` and every action that the effects it causes send back,
/// in order, until none is left.
pub fn apply(app: &mut App, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        // The clock is read here, not in `update`: decisions are stamped
        // with the time the loop hands the notebook.
        if let Some(book) = app.notebook.as_mut() {
            book.set_time(now_rfc3339());
        }
        for effect in update(app, action) {
            queue.push_back(Action::Done(perform(app, effect)));
        }
    }
}

/// Writes what `effect` asks for and says how it went.
pub fn perform(app: &mut App, effect: Effect) -> Outcome {
    let (left, right) = (&app.cmp.left, &app.cmp.right);
    match (effect, app.notebook.as_mut()) {
        (Effect::Edit { side, path, line }, _) => {
            let shown = if side == Side::Left {
                &left.text
            } else {
                &right.text
            };
            Outcome::Edited {
                side,
                text: edit(&path, line, shown),
            }
        }
        (Effect::Copy(text), _) => Outcome::Copied(
            osc52(&text)
                .map(|()| text.len())
                .map_err(|e| format!("cannot copy: {e}")),
        ),
        (_, None) => Outcome::Saved(Err("no notes file in this session".into())),
        (Effect::Save, Some(book)) => Outcome::Saved(
            book.save(left, right)
                .map(|()| book.path.clone())
                .map_err(|e| e.to_string()),
        ),
        (Effect::SaveAs { path, replace }, Some(book)) => {
            if !replace && std::fs::symlink_metadata(&path).is_ok() {
                return Outcome::Exists(path);
            }
            Outcome::Saved(
                book.save_as(&path, left, right)
                    .map(|()| path)
                    .map_err(|e| e.to_string()),
            )
        }
        (Effect::Export { what, path }, Some(book)) => {
            let header = export::Header::now(app.reviewer.clone());
            let text = match what {
                Export::Notes(format) => export::render_report(
                    &book.file,
                    format,
                    Some(&placement::of(&app.cmp, &book.file)),
                    &header,
                ),
                Export::Html => html::render(&app.cmp, Some(&book.file), &header),
            };
            let written = store::write_temporary(&path, text.as_bytes())
                .and_then(|t| store::commit(&t, &path));
            Outcome::Exported(
                written
                    .map(|()| path.clone())
                    .map_err(|e| format!("cannot export to {}: {e}", path.display())),
            )
        }
    }
}

/// Leaves the screen, runs `$VISUAL` or `$EDITOR` (else `vi`) on `path`
/// at `line` (`+LINE`, which vi, vim, nano, emacs, micro and kakoune all
/// read), comes back to the screen and reads the file again. Only a file
/// that holds the article `shown` is edited: a name may be the working-tree
/// path git gave a temporary copy of an older version.
fn edit(path: &std::path::Path, line: usize, shown: &str) -> Result<String, String> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let name = crate::display::sanitize(&path.display().to_string());
    // Read as the article was read (HTML and Markdown made text).
    let read = || Document::load(&path.to_string_lossy()).map(|d| d.text);
    match read() {
        Ok(text) if text == shown => {}
        Ok(_) => {
            return Err(format!(
                "{name} on disk is not the article shown (an older version?): not edited"
            ));
        }
        Err(e) => return Err(format!("cannot edit {name}: {e}")),
    }
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let ran = std::process::Command::new(program)
        .args(words)
        .arg(format!("+{line}"))
        .arg(path)
        .status();
    // Back to the screen whatever the editor did.
    let back = enable_raw_mode()
        .and_then(|()| execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture));
    match ran {
        Ok(status) if status.success() => {}
        Ok(status) => {
            return Err(format!(
                "{} ended with {status}: {name} not reloaded",
                crate::display::sanitize(program)
            ));
        }
        Err(e) => {
            return Err(format!(
                "cannot run {}: {e}",
                crate::display::sanitize(program)
            ));
        }
    }
    back.map_err(|e| format!("cannot return to the screen: {e}"))?;
    read().map_err(|e| format!("cannot read {name} again: {e}"))
}

/// Asks the terminal to put `text` on the clipboard (OSC 52). The text is
/// base64, so nothing in it reaches the terminal as a control character.
fn osc52(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    use std::io::Write;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
