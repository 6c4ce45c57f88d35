//! The review screen on a story's five versions (tests/fixtures/story/en):
//! `>` / `<` move between consecutive pairs keeping the passage of the
//! version both share, each pair keeps its own notebook, and the history
//! view lists the facts that changed and goes to the pair where one did.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::core::Side;
use tandem::core::document::Document;
use tandem::core::notes::notebook::Notebook;
use tandem::core::series::Series;
use tandem::tui::action::Action;
use tandem::tui::app::{App, Versions};
use tandem::tui::dialog::Dialog;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::{versions, view};

fn notes_path(pair: usize) -> PathBuf {
    PathBuf::from(format!("/nonexistent-tandem-test/series-{pair}.json"))
}

/// The five English versions on a screen of `width` × `height`.
fn story(width: u16, height: u16) -> App {
    let docs: Vec<Document> = (1..=5)
        .map(|v| Document::load(&format!("tests/fixtures/story/en/v{v}.txt")).unwrap())
        .collect();
    let series = Series::new(docs).unwrap();
    let books = series
        .pairs()
        .iter()
        .enumerate()
        .map(|(i, p)| Notebook::open(&notes_path(i), &p.left, &p.right).unwrap())
        .collect();
    let (v, cmp, book) = Versions::new(series, books).unwrap();
    let mut app = App::new(cmp, width, height, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app.versions = Some(v);
    versions::retitle(&mut app);
    app
}

/// The focused passage's text on `side`.
fn focused(app: &App, side: Side) -> String {
    let Some(r) = app.review.sentences(app.viewport.focus, side) else {
        return String::new();
    };
    let doc = app.review.doc(side);
    doc.text[doc.span(&r)].to_string()
}

fn pair(app: &App) -> usize {
    app.versions.as_ref().unwrap().current
}

/// Focuses the passage whose `side` contains `words`.
fn focus_on(app: &mut App, side: Side, words: &str) {
    update(app, Action::Top);
    for _ in 0..app.review.units.len() {
        if focused(app, side).contains(words) {
            return;
        }
        update(app, Action::FocusNext);
    }
    panic!("no passage with {words:?}");
}

#[test]
fn next_and_previous_pair_keep_the_shared_version_s_passage() {
    let mut app = story(120, 30);
    assert!(app.review.titles[0][0].starts_with("versions 1–2 of 5 · "));
    focus_on(&mut app, Side::Right, "At least 19 people");
    update(&mut app, Action::NextPair);
    assert_eq!(pair(&app), 1);
    assert!(app.review.titles[0][0].starts_with("versions 2–3 of 5 · "));
    assert!(app.review.titles[0][1].starts_with("2–3/5 "));
    // Version 2 was the right side; now it is the left one, same passage.
    assert!(focused(&app, Side::Left).contains("At least 19 people"));
    update(&mut app, Action::PrevPair);
    assert_eq!(pair(&app), 0);
    assert!(focused(&app, Side::Right).contains("At least 19 people"));
    update(&mut app, Action::PrevPair);
    assert_eq!(pair(&app), 0, "no pair before the first");
    assert_eq!(
        app.message.as_deref(),
        Some("this is the first pair of versions")
    );
    for _ in 0..6 {
        update(&mut app, Action::NextPair);
    }
    assert_eq!(pair(&app), 3, "the last pair is 4–5");
}

#[test]
fn a_passage_the_other_pair_lacks_falls_back_to_the_top() {
    let mut app = story(120, 30);
    for _ in 0..3 {
        update(&mut app, Action::NextPair);
    }
    focus_on(&mut app, Side::Right, "did not confirm");
    assert_ne!(app.viewport.focus, 0);
    update(&mut app, Action::PrevPair);
    assert_eq!(pair(&app), 2);
    assert_eq!(app.viewport.focus, 0, "version 5's denial is not in 3–4");
}

#[test]
fn each_pair_keeps_its_own_notebook() {
    let mut app = story(120, 30);
    let path = |app: &App| app.notes.notebook.as_ref().unwrap().path.clone();
    assert_eq!(path(&app), notes_path(0));
    update(&mut app, Action::NextPair);
    assert_eq!(path(&app), notes_path(1));
    update(&mut app, Action::NextPair);
    assert_eq!(path(&app), notes_path(2));
    update(&mut app, Action::PrevPair);
    update(&mut app, Action::PrevPair);
    assert_eq!(path(&app), notes_path(0));
}

#[test]
fn the_history_lists_the_toll_and_enter_goes_to_where_it_changed() {
    let mut app = story(120, 30);
    update(&mut app, Action::NextPair);
    update(&mut app, Action::NextPair);
    update(&mut app, Action::OpenHistory);
    assert!(matches!(
        app.input.dialog,
        Some(Dialog::History { selected: 0 })
    ));
    let rows: Vec<String> = app
        .versions
        .as_ref()
        .unwrap()
        .history
        .iter()
        .map(|r| r.text.clone())
        .collect();
    assert!(rows[0].contains("12 → 19 → 19 → 23 → 23"), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("Pappas → Pappas → Papas")));
    assert!(rows.iter().any(|r| r.contains("4–5 added")));
    update(&mut app, Action::Submit);
    assert!(app.input.dialog.is_none());
    assert_eq!(pair(&app), 0, "the toll first changed in 1–2");
    assert!(focused(&app, Side::Left).contains("At least 12 people"));
    // The name's correction is in 2–3.
    update(&mut app, Action::OpenHistory);
    update(&mut app, Action::ListNext);
    update(&mut app, Action::Submit);
    assert_eq!(pair(&app), 1);
    assert!(focused(&app, Side::Right).contains("Papas"));
}

#[test]
fn two_files_have_no_other_pair_and_no_history() {
    let (l, r) = tandem::cli::samples::pair();
    let cmp = tandem::core::compare::Comparison::new(l, r);
    let mut app = App::new(cmp, 120, 30, Theme::new(Palette::Dark));
    let title = app.review.titles.clone();
    update(&mut app, Action::NextPair);
    assert_eq!(
        app.message.as_deref(),
        Some("one pair of versions: nothing to move to")
    );
    update(&mut app, Action::OpenHistory);
    assert!(app.input.dialog.is_none());
    assert_eq!(app.review.titles, title);
}

#[test]
fn history_view_snapshot() {
    let mut app = story(100, 14);
    update(&mut app, Action::OpenHistory);
    update(&mut app, Action::ListNext);
    let mut terminal = Terminal::new(TestBackend::new(100, 14)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let text: String = (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect();
    insta::assert_snapshot!(text);
}
