//! Random sequences of everything a user can do on the review screen, over
//! the sample pair and small random articles: no action, in any mode and
//! any order, may panic, and every state must draw.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::keys::TABLE;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

fn action() -> impl Strategy<Value = Action> {
    let table: Vec<Action> = TABLE.iter().flat_map(|s| s.bindings.iter()).map(|b| b.action).collect();
    prop_oneof![
        6 => prop::sample::select(table),
        1 => (20u16..200, 5u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => (-20i32..20, 0u16..200).prop_map(|(rows, column)| Action::Scroll { rows, column }),
        1 => (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        1 => prop::char::any().prop_map(|c| Action::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => prop::char::any().prop_map(Action::SearchInput),
        1 => Just(Action::EditorKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!["Putin met Witkoff.", "Kyiv denied it.", "Talks ended on Monday.", "\n", "\n\n", "A 12% rise.", "Russia said no."]), 0..12)
        .prop_map(|v| v.join(" "))
}

fn run(cmp: Comparison, actions: &[Action], name: &str) {
    let dir = std::env::temp_dir().join(format!("tandem-fuzz-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = Notebook::open(&dir.join("notes.json"), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, 100, 30, Theme::new(Palette::Dark));
    app.set_notebook(book);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for &a in actions {
        update(&mut app, a);
        let (w, h) = app.size;
        terminal.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
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
