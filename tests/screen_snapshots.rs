//! What the review screen looks like at 80x24, frame by frame: the reading
//! view, the help, the summary and every dialog, drawn on ratatui's
//! TestBackend and compared with the snapshots in `tests/snapshots/`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::compare::units::Unit;
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::{Action, Outcome};
use tandem::tui::app::App;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

/// The sample pair at 80x24 with a notes file that is never written (no
/// effect is performed), so that every frame is the same on every machine.
fn app() -> App {
    let (l, r) = samples::pair();
    let book = Notebook::open(
        &PathBuf::from("/nonexistent-tandem-test/review.json"),
        &l,
        &r,
    )
    .unwrap();
    let mut app = App::new(Comparison::new(l, r), 80, 24, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.viewport.size.0, app.viewport.size.1)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Action::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

/// The sample with the focus on its first divergent link and a note on it.
fn with_a_note() -> App {
    let mut app = app();
    while !matches!(app.review.units[app.viewport.focus], Unit::Link(_)) {
        update(&mut app, Action::NextDifference);
    }
    act(&mut app, &[Action::OpenTag, Action::PickCategory(2)]);
    type_text(&mut app, "former President? check the title");
    update(&mut app, Action::Submit);
    app
}

#[test]
fn reading_view() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::ToggleView,
            Action::NextDifference,
            Action::NextDifference,
        ],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn summary() {
    let mut app = app();
    update(&mut app, Action::OpenSummary);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_pick_category() {
    let mut app = app();
    act(&mut app, &[Action::NextDifference, Action::OpenTag]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_write_note() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::NextDifference,
            Action::OpenTag,
            Action::PickCategory(3),
        ],
    );
    type_text(&mut app, "12 or 15?");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_notes_list() {
    let mut app = with_a_note();
    update(&mut app, Action::OpenNotes);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_confirm_delete() {
    let mut app = with_a_note();
    act(&mut app, &[Action::OpenNotes, Action::DeleteNote]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_confirm_quit() {
    let mut app = with_a_note();
    app.notes.notebook.as_mut().unwrap().unsaved = true;
    update(&mut app, Action::Quit);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_save_elsewhere() {
    let mut app = app();
    update(&mut app, Action::SaveElsewhere);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_confirm_replace() {
    let mut app = app();
    update(
        &mut app,
        Action::Done(Outcome::Exists(PathBuf::from("/data/other.json"))),
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn dialog_export() {
    let mut app = with_a_note();
    update(&mut app, Action::OpenExport);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn selecting_words() {
    let mut app = app();
    act(
        &mut app,
        &[
            Action::NextDifference,
            Action::StartSelection,
            Action::SelectMove(1),
            Action::SelectGrow(1),
        ],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn typing_a_search() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    for c in "Pokrovsk".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    insta::assert_snapshot!(screen(&app));
}
