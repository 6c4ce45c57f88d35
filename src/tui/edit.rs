//! `e`: the focused article in `$EDITOR` at the focused passage's line,
//! then the pair read again (`reload`). Starting the editor is an effect
//! (`effects`); this module asks for it and for the reload after it.

use std::path::PathBuf;

use super::action::Effect;
use super::app::App;
use super::mode::Side;
use super::reload::{self, Cause, Request};

/// The side `e` edits: the focused pane's, or the other if the focused
/// passage has no text there.
fn side(app: &App) -> Side {
    if app
        .review
        .sentences(app.viewport.focus, app.viewport.pane)
        .is_some()
    {
        app.viewport.pane
    } else {
        app.viewport.pane.other()
    }
}

pub fn open(app: &mut App) -> Vec<Effect> {
    let side = side(app);
    let doc = app.review.doc(side);
    if doc.name == "-" {
        app.message =
            Some("this article came from standard input: there is no file to edit".into());
        return Vec::new();
    }
    let start = app
        .review
        .sentences(app.viewport.focus, side)
        .map_or(0, |r| doc.sentences[r.start].start);
    let line = 1 + doc.text.as_bytes()[..start]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    vec![Effect::Edit {
        side,
        path: PathBuf::from(&doc.name),
        line,
    }]
}

/// The editor is done with the article on `side`: it is read again, as
/// the format it was read as.
pub fn edited(app: &mut App, side: Side, result: Result<(), String>) -> Vec<Effect> {
    // The editor had the terminal: everything is drawn anew.
    app.viewport.repaint = true;
    match result {
        Ok(()) => reload::ask(app, Request::new(Cause::Edited, side)),
        Err(e) => {
            app.message = Some(e);
            Vec::new()
        }
    }
}
