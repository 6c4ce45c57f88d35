//! Carrying out the effects `update` asks for: the only place in the review
//! screen that writes files. Each effect's outcome goes back to `update` as
//! an action, as gitui's components talk through a queue of events.

use std::collections::VecDeque;

use super::action::{Action, Effect, Outcome};
use super::app::App;
use super::update::update;
use crate::core::notes::export;
use crate::core::notes::store;

/// Applies `action` and every action that the effects it causes send back,
/// in order, until none is left.
pub fn apply(app: &mut App, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            queue.push_back(Action::Done(perform(app, effect)));
        }
    }
}

/// Writes what `effect` asks for and says how it went.
pub fn perform(app: &mut App, effect: Effect) -> Outcome {
    let (left, right) = (&app.cmp.left, &app.cmp.right);
    match (effect, app.notebook.as_mut()) {
        (Effect::Copy(text), _) => Outcome::Copied(osc52(&text).map(|()| text.len()).map_err(|e| format!("cannot copy: {e}"))),
        (_, None) => Outcome::Saved(Err("no notes file in this session".into())),
        (Effect::Save, Some(book)) => Outcome::Saved(book.save(left, right).map(|()| book.path.clone()).map_err(|e| e.to_string())),
        (Effect::SaveAs { path, replace }, Some(book)) => {
            if !replace && std::fs::symlink_metadata(&path).is_ok() {
                return Outcome::Exists(path);
            }
            Outcome::Saved(book.save_as(&path, left, right).map(|()| path).map_err(|e| e.to_string()))
        }
        (Effect::Export { format, path }, Some(book)) => {
            let text = export::render(&book.file, format);
            let written = store::write_temporary(&path, text.as_bytes()).and_then(|t| store::commit(&t, &path));
            Outcome::Exported(written.map(|()| path.clone()).map_err(|e| format!("cannot export to {}: {e}", path.display())))
        }
    }
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
