//! `e`: the focused article in `$EDITOR` at the focused passage's line,
//! then the comparison made again from the edited text, with the notes
//! found again in it. Starting the editor is an effect (`effects`); this
//! module asks for it and takes the text back.

use std::path::PathBuf;

use super::action::Effect;
use super::app::App;
use super::mode::Side;
use super::navigation;
use crate::core::compare::Comparison;
use crate::core::document::Document;
use crate::core::notes::Anchor;

/// The side `e` edits: the focused pane's, or the other if the focused
/// passage has no text there.
fn side(app: &App) -> Side {
    if app.sentences(app.focus, app.pane).is_some() {
        app.pane
    } else {
        app.pane.other()
    }
}

pub fn open(app: &mut App) -> Vec<Effect> {
    let side = side(app);
    let doc = app.doc(side);
    if doc.name == "-" {
        app.message =
            Some("this article came from standard input: there is no file to edit".into());
        return Vec::new();
    }
    let start = app
        .sentences(app.focus, side)
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

/// The article on `side` now reads `text`: compared again, notes found
/// again in it, the focus kept near where it was; the new anchors are
/// saved.
pub fn reload(app: &mut App, side: Side, text: String) -> Vec<Effect> {
    if text == app.doc(side).text {
        app.message = Some("the article is unchanged".into());
        return Vec::new();
    }
    // The focused passage, to be found again in the new text as a note is.
    let focused = app.sentences(app.focus, side).map(|r| {
        let span = app.doc(side).span(&r);
        Anchor::new(&app.doc(side).text, span.start, span.end)
    });
    let edited = Document::parse(app.doc(side).name.clone(), text);
    let (left, right) = match side {
        Side::Left => (edited, app.cmp.right.clone()),
        Side::Right => (app.cmp.left.clone(), edited),
    };
    let mut fresh = App::new(
        Comparison::new(left, right),
        app.size.0,
        app.size.1,
        app.theme.clone(),
    );
    if let Some(mut book) = app.notebook.take() {
        book.reanchor(side, &fresh.doc(side).text);
        fresh.set_notebook(book);
    }
    fresh.view = app.view;
    fresh.pane = app.pane;
    fresh.fold = app.fold;
    fresh.refold();
    *app = fresh;
    // Undoing would put back anchors into the old text: history starts anew.
    app.message = Some("article reloaded, notes found again in it (undo history cleared)".into());
    let found = focused
        .and_then(|a| a.locate(&app.doc(side).text))
        .and_then(|a| app.unit_at(side, a.start));
    if let Some(unit) = found {
        navigation::go_to(app, unit);
    }
    vec![Effect::Save]
}
