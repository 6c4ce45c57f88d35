//! Reading the articles again after a change on disk or an edit, driven by
//! actions with the effects carried out on this thread (the loop hands the
//! reload to a worker; what it does is the same).

use std::path::Path;

use tandem::core::Side;
use tandem::core::compare::Comparison;
use tandem::core::document::{Document, Format};
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::{Action, Effect, Outcome};
use tandem::tui::app::App;
use tandem::tui::dialog::Dialog;
use tandem::tui::effects;
use tandem::tui::mode::View;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tempfile::TempDir;

const LEFT: &str = "# The council\n\nThe council met on *Monday*. It approved 12 new homes.\n\n\
                    The mayor said the bridge would open in May.\n\n\
                    Residents asked for more buses.\n";
const RIGHT: &str = "# The council\n\nThe council met on *Monday*. It approved 15 new homes.\n\n\
                     The mayor said the bridge would open in May.\n\n\
                     Residents asked for more buses.\n";

/// The screen on a Markdown pair written to `dir`, with a notes file.
fn open(dir: &Path) -> App {
    let (l, r) = (dir.join("a.md"), dir.join("b.md"));
    std::fs::write(&l, LEFT).unwrap();
    std::fs::write(&r, RIGHT).unwrap();
    let load = |p: &Path| Document::load(p.to_str().unwrap()).unwrap();
    let cmp = Comparison::new(load(&l), load(&r));
    let book = Notebook::open(&dir.join("n.json"), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, 120, 30, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

/// Runs what `update` asked for, as the loop does, feeding each outcome
/// back; returns the effects asked for on the way.
fn run(app: &mut App, action: Action) -> Vec<Effect> {
    let mut asked = Vec::new();
    let mut queue = update(app, action);
    while let Some(effect) = queue.pop() {
        asked.push(effect.clone());
        let outcome = effects::perform(app, effect);
        queue.extend(update(app, Action::Done(outcome)));
    }
    asked
}

fn tag_focused(app: &mut App, text: &str) {
    run(app, Action::OpenTag);
    run(app, Action::PickCategory(1));
    for c in text.chars() {
        run(
            app,
            Action::EditorKey(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char(c),
                ratatui::crossterm::event::KeyModifiers::NONE,
            )),
        );
    }
    run(app, Action::Submit);
}

#[test]
fn a_markdown_file_changed_on_disk_is_read_again_as_markdown_with_its_notes() {
    let dir = TempDir::with_prefix("tandem-reload-md-").unwrap();
    let mut app = open(dir.path());
    assert_eq!(app.review.cmp.right.format, Format::Markdown);
    run(&mut app, Action::NextDifference);
    tag_focused(&mut app, "12 or 15?");
    let focused = app.viewport.focus;
    run(&mut app, Action::ToggleView);
    std::fs::write(
        dir.path().join("b.md"),
        RIGHT.replace("more buses", "a *night* tram"),
    )
    .unwrap();
    let asked = run(&mut app, Action::FilesChanged([false, true]));
    assert_eq!(
        asked,
        vec![
            Effect::Reload {
                sides: [false, true]
            },
            Effect::Save
        ]
    );
    let right = &app.review.cmp.right;
    assert_eq!(right.format, Format::Markdown, "read as it was read before");
    assert!(
        right.text.contains("a  night  tram") && !right.text.contains('*'),
        "the markup is blanked as Markdown's is: {:?}",
        right.text
    );
    assert_eq!(
        app.message.as_deref(),
        Some(
            "right article changed: 1 passage differs since the last reload; saved to ".to_string()
                + &dir.path().join("n.json").display().to_string()
        )
        .as_deref()
    );
    assert_eq!(app.viewport.view, View::Reading, "the view is kept");
    assert_eq!(
        app.viewport.focus, focused,
        "the focus stays on the tagged passage"
    );
    assert_eq!(
        app.notes.notes_of_unit[focused],
        vec![0],
        "and its note on it"
    );
    let saved = std::fs::read_to_string(dir.path().join("n.json")).unwrap();
    assert!(saved.contains("12 or 15?"));
}

#[test]
fn a_change_that_leaves_the_text_as_it_was_says_nothing() {
    let dir = TempDir::with_prefix("tandem-reload-same-").unwrap();
    let mut app = open(dir.path());
    // Touched, or written back as it was (as `e` then the watch sees it).
    std::fs::write(dir.path().join("a.md"), LEFT).unwrap();
    let asked = run(&mut app, Action::FilesChanged([true, false]));
    assert_eq!(
        asked,
        vec![Effect::Reload {
            sides: [true, false]
        }]
    );
    assert_eq!(app.message, None);
    assert!(app.reload.running.is_none() && app.reload.queued.is_none());
}

#[test]
fn a_change_while_a_dialog_is_open_waits_for_it_to_close() {
    let dir = TempDir::with_prefix("tandem-reload-dialog-").unwrap();
    let mut app = open(dir.path());
    run(&mut app, Action::NextDifference);
    run(&mut app, Action::OpenTag);
    run(&mut app, Action::PickCategory(1));
    assert!(matches!(app.input.dialog, Some(Dialog::Write { .. })));
    std::fs::write(
        dir.path().join("a.md"),
        LEFT.replace("more buses", "fewer cars"),
    )
    .unwrap();
    assert!(
        run(&mut app, Action::FilesChanged([true, false])).is_empty(),
        "the note being written is not pulled from under the reviewer"
    );
    assert!(!app.review.cmp.left.text.contains("fewer cars"));
    let asked = run(&mut app, Action::Cancel);
    assert_eq!(
        asked,
        vec![
            Effect::Reload {
                sides: [true, false]
            },
            Effect::Save
        ]
    );
    assert!(app.review.cmp.left.text.contains("fewer cars"));
}

#[test]
fn a_file_that_cannot_be_read_again_leaves_the_screen_as_it_was() {
    let dir = TempDir::with_prefix("tandem-reload-gone-").unwrap();
    let mut app = open(dir.path());
    let before = app.review.cmp.right.text.clone();
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    run(&mut app, Action::FilesChanged([false, true]));
    assert_eq!(app.review.cmp.right.text, before);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("cannot read the right article again: ")
            && message.ends_with("b.md: no such file"),
        "{message}"
    );
}

#[test]
fn a_note_whose_passage_is_gone_is_kept_and_said() {
    let dir = TempDir::with_prefix("tandem-reload-orphan-").unwrap();
    let mut app = open(dir.path());
    run(&mut app, Action::NextDifference);
    tag_focused(&mut app, "12 or 15?");
    std::fs::write(
        dir.path().join("b.md"),
        "# The council\n\nSomething else entirely happened in another town.\n",
    )
    .unwrap();
    run(&mut app, Action::FilesChanged([false, true]));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("1 note lost its passage (kept, in the notes list)"),
        "{message}"
    );
    let book = app.notes.notebook.as_ref().unwrap();
    assert_eq!(book.file.notes.len(), 1, "never lost");
    assert!(book.file.notes[0].orphaned[Side::Right.index()]);
}

/// The worker's result is taken once: a clone of the action (as a test
/// or a replay might make) finds nothing left and changes nothing.
#[test]
fn a_reload_result_is_applied_once() {
    let dir = TempDir::with_prefix("tandem-reload-once-").unwrap();
    let mut app = open(dir.path());
    std::fs::write(dir.path().join("a.md"), LEFT.replace("12", "13")).unwrap();
    let asked = update(&mut app, Action::FilesChanged([true, false]));
    let outcome = effects::perform(&mut app, asked[0].clone());
    assert!(matches!(outcome, Outcome::Reloaded(_)));
    let again = outcome.clone();
    assert_eq!(update(&mut app, Action::Done(outcome)), vec![Effect::Save]);
    assert!(update(&mut app, Action::Done(again)).is_empty());
}
