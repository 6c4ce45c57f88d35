//! Carrying out the effects `update` asks for: the only place in the review
//! screen that writes files or starts work on another thread. Each
//! effect's outcome goes back to `update` as an action, as gitui's
//! components talk through a queue of events: at once, or (a reload) when
//! the worker sends it to the loop's queue.

use std::collections::VecDeque;

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::action::{Action, Effect, Export, Outcome};
use super::app::App;
use super::mode::Side;
use super::notes;
use super::reload::{Handover, Job};
use super::update::update;
use crate::core::document::Document;
use crate::core::notes::export;
use crate::core::notes::{now_rfc3339, store};
use crate::report::{html, placement};

/// Where the effects that need more than the state run: on the caller's
/// thread ([`Inline`], for tests and tools), or in the screen's loop,
/// whose reloads go to a worker and whose terminal is lent to the editor.
pub trait Worker {
    /// Does `job`: its outcome now, or `None` when it will come through
    /// the loop's queue.
    fn reload(&self, job: Job) -> Option<Outcome>;
    /// Runs `f`, which gives the terminal to another program.
    fn lend_terminal(&self, f: &mut dyn FnMut());
}

/// Every effect done on the calling thread, before `apply` returns.
pub struct Inline;

impl Worker for Inline {
    fn reload(&self, job: Job) -> Option<Outcome> {
        Some(Outcome::Reloaded(Handover::new(job.run(&|_| {}))))
    }

    fn lend_terminal(&self, f: &mut dyn FnMut()) {
        f();
    }
}

/// Applies `action` and every action that the effects it causes send back,
/// in order, until none is left, doing every effect on this thread.
pub fn apply(app: &mut App, action: Action) {
    apply_with(app, action, &Inline);
}

/// `apply`, with the slow effects handed to `worker`.
pub fn apply_with(app: &mut App, action: Action, worker: &dyn Worker) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        // The clock is read here, not in `update`: decisions are stamped
        // with the time the loop hands the notebook.
        if let Some(book) = app.notes.notebook.as_mut() {
            book.set_time(now_rfc3339());
        }
        for effect in update(app, action) {
            if let Some(outcome) = perform_with(app, effect, worker) {
                queue.push_back(Action::Done(outcome));
            }
        }
    }
}

/// Does what `effect` asks for, on this thread, and says how it went.
pub fn perform(app: &mut App, effect: Effect) -> Outcome {
    match perform_with(app, effect, &Inline) {
        Some(outcome) => outcome,
        None => unreachable!("Inline does every effect before it returns"),
    }
}

/// Does what `effect` asks for and says how it went, unless `worker`
/// took it to do elsewhere.
fn perform_with(app: &mut App, effect: Effect, worker: &dyn Worker) -> Option<Outcome> {
    if let Effect::Reload { sides } = effect {
        return worker.reload(Job::new(app, sides));
    }
    let (left, right) = (&app.review.cmp.left, &app.review.cmp.right);
    Some(match (effect, app.notes.notebook.as_mut()) {
        (Effect::Reload { .. }, _) => unreachable!("handed to the worker above"),
        (Effect::Edit { side, path, line }, _) => {
            let shown = if side == Side::Left { left } else { right };
            let mut result = None;
            worker.lend_terminal(&mut || result = Some(edit(&path, line, shown)));
            Outcome::Edited {
                side,
                result: result.unwrap_or_else(|| Err("the editor did not run".into())),
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
                .map_err(|e| notes::save_error(&e)),
        ),
        (Effect::SaveAs { path, replace }, Some(book)) => {
            // Another file there is asked about, saying what it holds.
            if !replace && book.path != path && std::fs::symlink_metadata(&path).is_ok() {
                return Some(match store::holds(&path) {
                    store::Holds::NotNotes(reason) => Outcome::NotNotes { path, reason },
                    _ => Outcome::Exists(path),
                });
            }
            match book.save_as(&path, left, right, replace) {
                Ok(()) => Outcome::Saved(Ok(path)),
                Err(store::StoreError::NotNotes { reason, .. }) => {
                    Outcome::NotNotes { path, reason }
                }
                Err(e) => Outcome::Saved(Err(notes::save_error(&e))),
            }
        }
        (Effect::Export { what, path }, Some(book)) => {
            let header = export::Header::now(app.reviewer.clone());
            let text = match what {
                Export::Notes(format) => export::render_report(
                    &book.file,
                    format,
                    Some(&placement::of(&app.review.cmp, &book.file)),
                    &header,
                ),
                Export::Html => html::render(&app.review.cmp, Some(&book.file), &header),
            };
            let written = store::write_temporary(&path, text.as_bytes())
                .and_then(|t| store::commit(&t, &path));
            Outcome::Exported(
                written
                    .map(|()| path.clone())
                    .map_err(|e| format!("cannot export to {}: {e}", path.display())),
            )
        }
    })
}

/// Leaves the screen, runs `$VISUAL` or `$EDITOR` (else `vi`) on `path`
/// at `line` (`+LINE`, which vi, vim, nano, emacs, micro and kakoune all
/// read) and comes back to the screen. Only a file that holds the article
/// `shown` is edited: a name may be the working-tree path git gave a
/// temporary copy of an older version.
fn edit(path: &std::path::Path, line: usize, shown: &Document) -> Result<(), String> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let name = crate::display::sanitize(&path.display().to_string());
    // Read as the article was read (HTML and Markdown made text).
    match Document::load_as(&path.to_string_lossy(), Some(shown.format)) {
        Ok(doc) if doc.text == shown.text => {}
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
    back.map_err(|e| format!("cannot return to the screen: {e}"))
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
