//! `update` is pure: these tests feed actions and check the state and the
//! effects it returns. Nothing is written: effects are only looked at, and
//! their outcomes are fed back by hand as the loop would.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::compare::units::Unit;
use tandem::core::document::Document;
use tandem::core::notes::export::Format;
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::{Action, Effect, Export, Outcome};
use tandem::tui::app::App;
use tandem::tui::dialog::Dialog;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

/// A notes file that is never written: these tests perform no effect.
fn notes_path() -> PathBuf {
    PathBuf::from("/nonexistent-tandem-test/review.json")
}

fn app_with(cmp: Comparison, width: u16, height: u16) -> App {
    let book = Notebook::open(&notes_path(), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, width, height, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

fn sample() -> App {
    let (l, r) = samples::pair();
    app_with(Comparison::new(l, r), 140, 40)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(
            update(
                app,
                Action::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            )
            .is_empty()
        );
    }
}

fn render(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.viewport.size.0, app.viewport.size.1)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let buf = render(app);
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn focus_divergent_link(app: &mut App) {
    while !matches!(app.review.units[app.viewport.focus], Unit::Link(_)) {
        update(app, Action::NextDifference);
    }
}

#[test]
fn tagging_asks_for_a_save_and_tells_where_it_went() {
    let mut app = sample();
    focus_divergent_link(&mut app);
    assert!(update(&mut app, Action::OpenTag).is_empty());
    assert!(update(&mut app, Action::PickCategory(2)).is_empty());
    type_text(&mut app, "former President?");
    assert_eq!(update(&mut app, Action::Submit), vec![Effect::Save]);
    assert_eq!(
        app.notes.notebook.as_ref().unwrap().file.notes.len(),
        1,
        "the note is in the notebook before it is on disk"
    );
    assert_eq!(
        app.notes.notes_of_unit[app.viewport.focus],
        vec![0],
        "and placed on its unit"
    );
    update(&mut app, Action::Done(Outcome::Saved(Ok(notes_path()))));
    assert_eq!(
        app.message.as_deref(),
        Some("saved to /nonexistent-tandem-test/review.json")
    );
}

#[test]
fn list_changes_and_rejections_ask_for_saves() {
    let mut app = sample();
    focus_divergent_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(3));
    update(&mut app, Action::Submit);
    update(&mut app, Action::OpenNotes);
    assert_eq!(update(&mut app, Action::CycleStatus), vec![Effect::Save]);
    update(&mut app, Action::DeleteNote);
    assert!(update(&mut app, Action::Cancel).is_empty(), "no is no");
    update(&mut app, Action::DeleteNote);
    assert_eq!(update(&mut app, Action::Confirm), vec![Effect::Save]);
    assert!(app.notes.notebook.as_ref().unwrap().file.notes.is_empty());

    let unit = (0..app.review.units.len())
        .find(|&u| !tandem::tui::suggestions::open_suggestions(&app, u).is_empty())
        .unwrap();
    tandem::tui::navigation::focus(&mut app, unit);
    assert_eq!(
        update(&mut app, Action::RejectSuggestion),
        vec![Effect::Save]
    );
    update(
        &mut app,
        Action::Done(Outcome::Saved(Err(
            "the notes cannot be saved: disk full".into()
        ))),
    );
    assert_eq!(
        app.message.as_deref(),
        Some("rejected; the notes cannot be saved: disk full")
    );
}

#[test]
fn export_asks_for_a_file_beside_the_notes() {
    let mut app = sample();
    focus_divergent_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(6));
    update(&mut app, Action::Submit);
    update(&mut app, Action::OpenExport);
    let expected = vec![Effect::Export {
        what: Export::Notes(Format::Csv),
        path: PathBuf::from("/nonexistent-tandem-test/review.export.csv"),
    }];
    assert_eq!(update(&mut app, Action::ExportAs(2)), expected);
    update(&mut app, Action::OpenExport);
    let expected = vec![Effect::Export {
        what: Export::Html,
        path: PathBuf::from("/nonexistent-tandem-test/review.export.html"),
    }];
    assert_eq!(
        update(&mut app, Action::ExportAs(5)),
        expected,
        "the HTML report is the fifth choice"
    );
    assert!(app.input.dialog.is_none());
    update(&mut app, Action::OpenExport);
    assert!(
        update(&mut app, Action::ExportAs(9)).is_empty(),
        "no such format"
    );
}

/// Issue 11, item 8: `W` replaced an existing file without asking.
#[test]
fn saving_elsewhere_asks_before_replacing_a_file() {
    let mut app = sample();
    update(&mut app, Action::SaveElsewhere);
    for _ in 0..60 {
        update(
            &mut app,
            Action::EditorKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    type_text(&mut app, "/data/other.json");
    let other = PathBuf::from("/data/other.json");
    assert_eq!(
        update(&mut app, Action::Submit),
        vec![Effect::SaveAs {
            path: other.clone(),
            replace: false
        }]
    );
    // The loop found a file there: the screen asks.
    update(&mut app, Action::Done(Outcome::Exists(other.clone())));
    assert!(matches!(&app.input.dialog, Some(Dialog::ConfirmReplace { path }) if *path == other));
    assert!(screen(&app).contains("Replace this file?"));
    assert!(
        update(&mut app, Action::Cancel).is_empty(),
        "no: nothing is written"
    );
    assert!(
        matches!(app.input.dialog, Some(Dialog::SaveAs { .. })),
        "back to the path, to type another"
    );
    update(&mut app, Action::Cancel);

    update(&mut app, Action::Done(Outcome::Exists(other.clone())));
    assert_eq!(
        update(&mut app, Action::Confirm),
        vec![Effect::SaveAs {
            path: other,
            replace: true
        }]
    );

    // The session's own file is not asked about, but not replaced either
    // if it cannot be read as notes (the loop finds out).
    update(&mut app, Action::SaveElsewhere);
    assert_eq!(
        update(&mut app, Action::Submit),
        vec![Effect::SaveAs {
            path: notes_path(),
            replace: false
        }]
    );
}

/// The highlighted cells of the panes' text, as text.
fn highlighted(app: &App, buf: &Buffer) -> String {
    let g = app.viewport.geometry();
    let mut out = String::new();
    for y in g.left.y..g.left.y + g.left.height {
        for x in (g.left.x..g.left.x + g.left.width).chain(g.right.x..g.right.x + g.right.width) {
            if buf[(x, y)].modifier.contains(Modifier::REVERSED) {
                out.push_str(buf[(x, y)].symbol());
            }
        }
    }
    out
}

/// Issue 11, item 7: with a no-break space (or VT, FF, NEL) between two
/// words, the screen highlighted one word and the note was anchored to
/// another. The highlight and the anchor now come from the same words.
#[test]
fn selected_words_are_the_words_tagged_whatever_the_space() {
    for space in ['\u{a0}', '\u{b}', '\u{c}', '\u{85}', ' '] {
        let left = format!("Officials said{space}12 people were killed in the strike on Kharkiv.");
        let right = "Officials said 15 people were killed in the strike on Kherson.";
        let mut app = app_with(
            Comparison::new(
                Document::parse("l.txt", left.as_str()),
                Document::parse("r.txt", right),
            ),
            120,
            20,
        );
        update(&mut app, Action::StartSelection);
        update(&mut app, Action::SelectMove(2));
        assert_eq!(highlighted(&app, &render(&app)), "12", "space {space:?}");
        update(&mut app, Action::OpenTag);
        update(&mut app, Action::PickCategory(3));
        assert_eq!(update(&mut app, Action::Submit), vec![Effect::Save]);
        let note = &app.notes.notebook.as_ref().unwrap().file.notes[0];
        assert_eq!(note.left.as_ref().unwrap().exact, "12", "space {space:?}");
    }
}

/// Issue 11, item 11: two empty articles said "passage 1 of 0".
#[test]
fn two_empty_articles_show_no_passage_count() {
    let app = app_with(
        Comparison::new(Document::parse("a.txt", ""), Document::parse("b.txt", "")),
        80,
        24,
    );
    let text = screen(&app);
    assert!(!text.contains("of 0"), "{text}");
    assert!(text.contains("no passages"), "{text}");
}

#[test]
fn outcomes_never_ask_for_more() {
    let mut app = sample();
    for outcome in [
        Outcome::Saved(Ok(notes_path())),
        Outcome::Exported(Err("cannot export".into())),
        Outcome::Exists(notes_path()),
    ] {
        assert!(update(&mut app, Action::Done(outcome)).is_empty());
    }
}

/// Issue 9: the summary says which language's rules ran on each side, and a
/// language without word lists is named with a note, never silently.
#[test]
fn the_summary_names_each_side_s_rules() {
    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    let left = Document::parse("en.txt", read("assets/samples/kremlin-talks-original.txt"));
    let right = Document::parse(
        "zh.txt",
        "北京时间周二，外交部发言人在例行记者会上表示，双方将于下周举行会谈。发言人说，会谈将在上海举行。",
    );
    let app = app_with(Comparison::new(left, right), 140, 40);
    let lines: Vec<String> = tandem::tui::suggestions::summary(&app)
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l == "rules: left English word lists (en)"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("rules: right") && l.contains("no word lists")),
        "{lines:#?}"
    );
}

/// Issue 11: a status message names files and repeats error texts; what
/// could mislead or drive the terminal in them (escape sequences, a
/// bidirectional override, which was drawn as it came) never reaches it.
#[test]
fn a_status_message_reaches_the_screen_sanitised() {
    let mut app = sample();
    app.message = Some("saved to /tmp/a\x1b]0;pwned\x07\u{202e}nosj.json".into());
    let buffer = render(&app);
    let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("saved to /tmp/a"), "the message is shown");
    assert!(
        !text.contains(['\x1b', '\x07', '\u{202e}']),
        "no control character or override is drawn"
    );
}

/// Issue 10: `update` reads no clock. A note is stamped with the time the
/// loop handed the notebook (it was read inside `Notebook::add`).
#[test]
fn update_stamps_notes_with_the_time_it_is_given() {
    let tag = || {
        let mut app = sample();
        app.notes
            .notebook
            .as_mut()
            .unwrap()
            .set_time("2000-01-02T03:04:05Z".into());
        focus_divergent_link(&mut app);
        update(&mut app, Action::OpenTag);
        update(&mut app, Action::PickCategory(3));
        update(&mut app, Action::Submit);
        let note = app.notes.notebook.as_ref().unwrap().file.notes[0].clone();
        (note.created, note.updated, note.id.len())
    };
    let (created, updated, id_len) = tag();
    assert_ne!(created, tandem::core::notes::now_rfc3339());
    assert_eq!(
        (created.as_str(), updated.as_str(), id_len),
        ("2000-01-02T03:04:05Z", "2000-01-02T03:04:05Z", 16)
    );
}

/// Every category can be picked in the tag dialog by moving to it and
/// pressing Enter, however many there are: the digits only reach ten.
#[test]
fn every_category_can_be_picked_by_moving_to_it() {
    use tandem::core::Category;
    for (i, &category) in Category::ALL.iter().enumerate() {
        let mut app = sample();
        focus_divergent_link(&mut app);
        update(&mut app, Action::OpenTag);
        assert!(
            update(&mut app, Action::Submit).is_empty() && app.input.dialog.is_some(),
            "Enter before moving picks nothing"
        );
        for _ in 0..=i {
            update(&mut app, Action::ListNext);
        }
        update(&mut app, Action::Submit);
        let Some(Dialog::Write { category: c, .. }) = &app.input.dialog else {
            panic!("{category:?}: no note dialog");
        };
        assert_eq!(*c, category);
    }
    // Moving stops at the ends.
    let mut app = sample();
    focus_divergent_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::ListPrev);
    for _ in 0..Category::ALL.len() + 3 {
        update(&mut app, Action::ListNext);
    }
    update(&mut app, Action::Submit);
    assert!(matches!(
        &app.input.dialog,
        Some(Dialog::Write { category, .. }) if category == Category::ALL.last().unwrap()
    ));
}
