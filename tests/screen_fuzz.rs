//! Random sequences of everything a user can do on the review screen, over
//! the sample pair and small random articles: no action, in any mode and
//! any order, may panic, every state must draw (down to a 1x1 terminal),
//! and after every step the state keeps its promises: the focus is inside
//! the document, every scroll is within it, and no effect is lost (a change
//! to the notes always asks for a save, and every effect is carried out).

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::{Action, Effect};
use tandem::tui::app::App;
use tandem::tui::effects;
use tandem::tui::keymap::TABLE;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

fn action() -> impl Strategy<Value = Action> {
    let table: Vec<Action> = TABLE
        .iter()
        .flat_map(|s| s.bindings.iter())
        .filter_map(|b| b.action().cloned())
        .collect();
    prop_oneof![
        6 => prop::sample::select(table),
        1 => (1u16..200, 1u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => (-20i32..20, 0u16..200).prop_map(|(rows, column)| Action::Scroll { rows, column }),
        1 => (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        1 => prop::char::any().prop_map(|c| Action::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => prop::char::any().prop_map(Action::SearchInput),
        1 => Just(Action::EditorKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Putin met Witkoff.",
            "Kyiv denied it.",
            "Talks ended on Monday.",
            "\n",
            "\n\n",
            "A 12% rise.",
            "Russia said no.",
        ]),
        0..12,
    )
    .prop_map(|v| v.join(" "))
}

/// The promises of the state between two steps.
fn check(app: &App, step: usize) {
    if app.review.units.is_empty() {
        return;
    }
    assert!(
        app.viewport.focus < app.review.units.len(),
        "step {step}: focus {} of {}",
        app.viewport.focus,
        app.review.units.len()
    );
    assert!(
        app.viewport.scroll <= app.viewport.aligned.stack.total,
        "step {step}: scroll {} past {}",
        app.viewport.scroll,
        app.viewport.aligned.stack.total
    );
    for (side, pane) in app.viewport.panes.iter().enumerate() {
        assert!(
            app.viewport.pane_scroll[side] <= pane.stack.total,
            "step {step}: pane {side} scroll {} past {}",
            app.viewport.pane_scroll[side],
            pane.stack.total
        );
    }
}

fn run(cmp: Comparison, actions: &[Action], name: &str) {
    let dir = tempfile::TempDir::with_prefix(format!("tandem-screen-fuzz-{name}-")).unwrap();
    let book = Notebook::open(&dir.path().join("notes.json"), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, 100, 30, Theme::new(Palette::Dark));
    app.set_notebook(book);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for (step, a) in actions.iter().enumerate() {
        let notes_before = app.notes.notebook.as_ref().map(|b| b.file.clone());
        let asked = update(&mut app, a.clone());
        if app.notes.notebook.as_ref().map(|b| &b.file) != notes_before.as_ref() {
            assert!(
                asked.contains(&Effect::Save),
                "step {step}: {a:?} changed the notes without asking to save them"
            );
        }
        for effect in asked {
            let outcome = effects::perform(&mut app, effect);
            assert!(
                update(&mut app, Action::Done(outcome)).is_empty(),
                "an outcome asks for nothing more"
            );
        }
        check(&app, step);
        let (w, h) = app.viewport.size;
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, w, h))
            .unwrap();
        terminal.draw(|f| view::draw(f, &app)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_on_the_sample(actions in prop::collection::vec(action(), 1..80)) {
        let (l, r) = samples::pair();
        run(Comparison::new(l, r), &actions, "sample");
    }

    #[test]
    fn any_actions_on_small_articles(left in article(), right in article(), actions in prop::collection::vec(action(), 1..60)) {
        run(Comparison::new(Document::parse("l", left), Document::parse("r", right)), &actions, "small");
    }
}
