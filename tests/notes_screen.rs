//! Notes on the review screen, driven by actions without a terminal, with
//! their effects carried out as the screen's loop does (files are written):
//! what reaches the disk is checked here; what `update` asks for is checked
//! in `screen_update.rs`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::cli::samples;
use tandem::core::Category;
use tandem::core::compare::Comparison;
use tandem::core::compare::units::Unit;
use tandem::core::notes::Status;
use tandem::core::notes::notebook::Notebook;
use tandem::core::notes::store;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::effects::apply as update;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::view;
use tempfile::TempDir;

fn temp_dir(name: &str) -> TempDir {
    TempDir::with_prefix(format!("tandem-notes-screen-{name}-")).unwrap()
}

fn app_with_notes(path: PathBuf) -> App {
    let (l, r) = samples::pair();
    let book = Notebook::open(&path, &l, &r).unwrap();
    let mut app = App::new(Comparison::new(l, r), 140, 40, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Action::EditorKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.viewport.size.0, app.viewport.size.1)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Focuses the first link (the opening passage of the sample).
fn focus_first_link(app: &mut App) -> usize {
    while !matches!(app.review.units[app.viewport.focus], Unit::Link(_)) {
        update(app, Action::FocusNext);
    }
    app.viewport.focus
}

#[test]
fn tagging_a_passage_saves_a_note_with_both_quotes() {
    let dir = temp_dir("tag");
    let path = dir.path().join("notes.json");
    let mut app = app_with_notes(path.clone());
    let unit = focus_first_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(2));
    type_text(&mut app, "former President?");
    update(&mut app, Action::EditorNewline);
    type_text(&mut app, "check the title");
    update(&mut app, Action::Submit);
    assert!(app.input.dialog.is_none());
    assert!(
        app.message.as_deref().unwrap().starts_with("saved to"),
        "{:?}",
        app.message
    );

    let (l, r) = samples::pair();
    let saved = Notebook::open(&path, &l, &r).unwrap();
    let note = &saved.file.notes[0];
    assert_eq!(note.category, Category::Title);
    assert_eq!(note.text, "former President?\ncheck the title");
    assert_eq!(note.status, Status::Open);
    assert!(
        note.left
            .as_ref()
            .unwrap()
            .exact
            .starts_with("Russian President Vladimir Putin will meet")
    );
    assert!(
        note.right
            .as_ref()
            .unwrap()
            .exact
            .starts_with("Russian President Vladimir Putin is set to meet")
    );
    assert_eq!(
        app.notes.notes_of_unit[unit],
        vec![0],
        "the unit carries the note"
    );
    assert!(
        screen(&app).matches('✎').count() >= 2,
        "a mark in both panes"
    );
}

/// The hints give up their words before the screen's state does: after a
/// tag, whatever the notes file is called and however wide the screen,
/// the note count is on the status line whenever the hints' words are
/// (the count went when a short file name left room for the words).
#[test]
fn the_note_count_outranks_the_words_of_the_hints() {
    let dir = temp_dir("count");
    for (k, name) in [
        "n.json",
        "review.json",
        "notes-of-the-kremlin-talks-review.json",
    ]
    .iter()
    .enumerate()
    {
        for width in [80u16, 100, 110, 120, 140, 200] {
            let path = dir.path().join(format!("{k}-{width}")).join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let mut app = app_with_notes(path);
            update(&mut app, Action::Resize { width, height: 30 });
            focus_first_link(&mut app);
            update(&mut app, Action::OpenTag);
            update(&mut app, Action::PickCategory(1));
            update(&mut app, Action::Submit);
            let status = screen(&app).lines().last().unwrap().to_string();
            assert!(
                status.contains("]/[") && status.contains("q quit"),
                "{width}: {status}"
            );
            if status.contains("difference  v") {
                assert!(
                    status.contains("│ 1 note"),
                    "{width}, {name}: the words of the hints, not the count:\n{status}"
                );
            }
            if width >= 200 {
                assert!(status.contains("│ 1 note"), "{width}, {name}: {status}");
            }
        }
    }
}

#[test]
fn a_selection_narrows_the_anchor_to_a_few_words() {
    let dir = temp_dir("select");
    let path = dir.path().join("notes.json");
    let mut app = app_with_notes(path);
    focus_first_link(&mut app);
    update(&mut app, Action::StartSelection);
    update(&mut app, Action::SelectMove(1));
    update(&mut app, Action::SelectGrow(1));
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(1));
    update(&mut app, Action::Submit);
    let note = &app.notes.notebook.as_ref().unwrap().file.notes[0];
    assert_eq!(
        note.left.as_ref().unwrap().exact,
        "President Vladimir",
        "words 2 and 3 of the left side"
    );
    assert!(
        note.right
            .as_ref()
            .unwrap()
            .exact
            .starts_with("Russian President Vladimir Putin is set"),
        "the other side keeps its passage"
    );
    assert!(app.input.selection.is_none());
}

#[test]
fn the_notes_list_edits_cycles_status_and_deletes_with_confirmation() {
    let dir = temp_dir("list");
    let path = dir.path().join("notes.json");
    let mut app = app_with_notes(path.clone());
    focus_first_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(3));
    type_text(&mut app, "first");
    update(&mut app, Action::Submit);
    update(&mut app, Action::Top);

    update(&mut app, Action::OpenNotes);
    update(&mut app, Action::CycleStatus);
    update(&mut app, Action::EditNote);
    type_text(&mut app, " and more");
    update(&mut app, Action::Submit);
    let (l, r) = samples::pair();
    let saved = Notebook::open(&path, &l, &r).unwrap();
    assert_eq!(saved.file.notes[0].status, Status::Confirmed);
    assert_eq!(saved.file.notes[0].text, "first and more");

    update(&mut app, Action::OpenNotes);
    update(&mut app, Action::Submit);
    assert_eq!(
        app.notes.notes_of_unit[app.viewport.focus],
        vec![0],
        "Enter jumps to the note's passage"
    );

    update(&mut app, Action::OpenNotes);
    update(&mut app, Action::DeleteNote);
    update(&mut app, Action::Cancel);
    assert_eq!(
        app.notes.notebook.as_ref().unwrap().file.notes.len(),
        1,
        "not deleted without a yes"
    );
    update(&mut app, Action::DeleteNote);
    update(&mut app, Action::Confirm);
    assert!(Notebook::open(&path, &l, &r).unwrap().file.notes.is_empty());
}

#[test]
fn an_unwritable_place_keeps_notes_in_memory_and_asks_before_quitting() {
    let mut app = app_with_notes(PathBuf::from("/nonexistent-dir/notes.json"));
    focus_first_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(0));
    type_text(&mut app, "keep me");
    update(&mut app, Action::Submit);
    assert!(
        app.message.as_deref().unwrap().contains("cannot be saved"),
        "{:?}",
        app.message
    );
    assert!(screen(&app).contains("NOTES NOT SAVED"));
    assert_eq!(app.notes.notebook.as_ref().unwrap().file.notes.len(), 1);

    update(&mut app, Action::Quit);
    assert!(!app.quit, "asks first");
    update(&mut app, Action::SaveElsewhere);
    let dir = temp_dir("elsewhere");
    let elsewhere = dir.path().join("saved.json");
    for _ in 0..60 {
        update(
            &mut app,
            Action::EditorKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    type_text(&mut app, elsewhere.to_str().unwrap());
    update(&mut app, Action::Submit);
    assert!(store::load(&elsewhere).unwrap().unwrap().notes[0].text == "keep me");
    update(&mut app, Action::Quit);
    assert!(app.quit, "nothing unsaved any more");
}

#[test]
fn export_from_the_screen_writes_beside_the_notes() {
    let dir = temp_dir("export");
    let path = dir.path().join("review.json");
    let mut app = app_with_notes(path.clone());
    focus_first_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(6));
    type_text(&mut app, "quote changed");
    update(&mut app, Action::Submit);
    update(&mut app, Action::OpenExport);
    update(&mut app, Action::ExportAs(1));
    let md = std::fs::read_to_string(path.with_file_name("review.export.md")).unwrap();
    assert!(md.contains("quote or attribution") && md.contains("quote changed"));
    // The screen's report places each note in the articles, as the command
    // line's does (it once exported without positions or context).
    assert!(md.contains("Left: ¶2, sentence 1"), "{md}");
    update(&mut app, Action::OpenExport);
    update(&mut app, Action::ExportAs(5));
    let html = std::fs::read_to_string(path.with_file_name("review.export.html")).unwrap();
    assert!(
        html.contains("quote changed") && html.contains("Witkoff in Moscow on Tuesday"),
        "the HTML report holds the note and the articles"
    );
    update(&mut app, Action::OpenExport);
    update(&mut app, Action::ExportAs(4));
    assert!(
        std::fs::read_to_string(path.with_file_name("review.export.jsonld"))
            .unwrap()
            .contains("AnnotationCollection")
    );
    // A JSON export sits beside the notes file, which stays a notes file.
    let notes_before = std::fs::read(&path).unwrap();
    update(&mut app, Action::OpenExport);
    update(&mut app, Action::ExportAs(3));
    assert!(
        std::fs::read_to_string(path.with_file_name("review.export.json"))
            .unwrap()
            .contains("\"quote\"")
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        notes_before,
        "the notes file is untouched"
    );
}

/// Focuses the unit whose link has a suggestion of `category`.
fn focus_suggestion(app: &mut App, category: Category) {
    let unit = (0..app.review.units.len())
        .find(|&u| {
            tandem::tui::suggestions::open_suggestions(app, u)
                .iter()
                .any(|d| d.category == category)
        })
        .expect("the sample has such a suggestion");
    tandem::tui::navigation::focus(app, unit);
    while tandem::tui::suggestions::current(app).unwrap().category != category {
        update(app, Action::NextSuggestion);
    }
}

#[test]
fn accepting_and_rejecting_suggestions_persist() {
    let dir = temp_dir("suggest");
    let path = dir.path().join("notes.json");
    let mut app = app_with_notes(path.clone());
    let open = |app: &App| -> usize {
        (0..app.review.units.len())
            .filter(|&u| !matches!(app.review.units[u], Unit::MovedHere(_)))
            .map(|u| tandem::tui::suggestions::open_suggestions(app, u).len())
            .sum()
    };
    let open_before = open(&app);

    focus_suggestion(&mut app, Category::Name);
    update(&mut app, Action::AcceptSuggestion);
    type_text(&mut app, " (check with the desk)");
    update(&mut app, Action::Submit);
    focus_suggestion(&mut app, Category::Certainty);
    update(&mut app, Action::RejectSuggestion);
    assert!(
        app.message.as_deref().unwrap().starts_with("rejected"),
        "{:?}",
        app.message
    );

    let (l, r) = samples::pair();
    let book = Notebook::open(&path, &l, &r).unwrap();
    let note = &book.file.notes[0];
    assert_eq!(note.category, Category::Name);
    assert_eq!(
        note.text,
        "the same name is spelled differently: “Vovchansk” / “Vovshansk” (check with the desk)"
    );
    assert_eq!(
        note.left.as_ref().unwrap().exact,
        "Vovchansk",
        "anchored on the suggestion's words"
    );
    assert_eq!(note.right.as_ref().unwrap().exact, "Vovshansk");
    assert!(note.suggestion.is_some());
    assert_eq!(book.file.rejected.len(), 1);
    assert_eq!(book.file.rejected[0].category, Category::Certainty);

    // Reopened, both stay handled.
    let reopened = app_with_notes(path);
    assert_eq!(open(&reopened), open_before - 2);
}

#[test]
fn the_summary_lists_suggestions_and_omissions_and_jumps() {
    let dir = temp_dir("summary");
    let mut app = app_with_notes(dir.path().join("notes.json"));
    let items = tandem::tui::suggestions::summary(&app);
    let text: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert!(
        text[0].contains("aligned") && text[1].contains("% of the left article"),
        "{text:?}"
    );
    assert!(text.iter().any(|t| t.starts_with("Open suggestions (")));
    let peskov = items
        .iter()
        .position(|i| i.text.contains("Dmitry Peskov"))
        .unwrap();
    update(&mut app, Action::OpenSummary);
    for _ in 0..items.len() {
        if matches!(app.input.dialog, Some(tandem::tui::dialog::Dialog::Summary { selected }) if selected == peskov)
        {
            break;
        }
        update(&mut app, Action::ListNext);
    }
    update(&mut app, Action::Submit);
    assert!(app.input.dialog.is_none());
    match &app.review.units[app.viewport.focus] {
        Unit::LeftOnly(r) => {
            let d = &app.review.cmp.left;
            assert!(
                d.text[d.sentences[r.start].start..d.sentences[r.end - 1].end]
                    .contains("Dmitry Peskov")
            );
        }
        other => panic!("jumped to {other:?}"),
    }
}

/// Issue 11, item 8: `W` to a path where a file stands asks first; the file
/// is replaced only after a yes. Issue 27, break 2: a file that is not
/// notes is named as such, and only `R` (never Enter) replaces it.
#[test]
fn saving_elsewhere_onto_an_existing_file_asks_first() {
    let dir = temp_dir("replace");
    let mut app = app_with_notes(dir.path().join("notes.json"));
    focus_first_link(&mut app);
    update(&mut app, Action::OpenTag);
    update(&mut app, Action::PickCategory(0));
    type_text(&mut app, "keep me");
    update(&mut app, Action::Submit);
    let other = dir.path().join("precious.txt");
    std::fs::write(&other, "not a notes file").unwrap();

    update(&mut app, Action::SaveElsewhere);
    for _ in 0..200 {
        update(
            &mut app,
            Action::EditorKey(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    type_text(&mut app, other.to_str().unwrap());
    update(&mut app, Action::Submit);
    assert!(
        matches!(
            app.input.dialog,
            Some(tandem::tui::dialog::Dialog::KeepUnreadable { .. })
        ),
        "asks"
    );
    assert!(screen(&app).contains("Keep this file?"), "{}", screen(&app));
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "not a notes file",
        "nothing written yet"
    );
    update(&mut app, Action::Cancel);
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "not a notes file",
        "no means no"
    );
    assert!(
        matches!(
            app.input.dialog,
            Some(tandem::tui::dialog::Dialog::SaveAs { .. })
        ),
        "back to the path"
    );

    update(&mut app, Action::Submit);
    update(&mut app, Action::Confirm);
    assert_eq!(
        store::load(&other).unwrap().unwrap().notes[0].text,
        "keep me",
        "yes replaces it"
    );
    assert_eq!(app.notes.notebook.as_ref().unwrap().path, other);
}

/// Issue 28, item 6: an orphaned note (its passage is not in the current
/// text) is placed on the focused passage from the notes list with `p`,
/// saved so, and `u` makes it an orphan again.
#[test]
fn an_orphan_is_placed_on_the_focused_passage_and_undone() {
    let dir = temp_dir("reattach");
    let path = dir.path().join("notes.json");
    let gone = "A sentence that is in neither article.";
    std::fs::write(
        &path,
        format!(
            r#"{{"version": 1, "left": {{"path": "l", "sha256": "0"}}, "right": {{"path": "r", "sha256": "0"}},
            "notes": [{{"id": "n", "category": "other", "text": "lost", "status": "open", "created": "2026-11-22T08:00:00Z",
            "updated": "2026-11-22T08:00:00Z", "left": {{"exact": "{gone}", "prefix": "", "suffix": "", "start": 0,
            "end": 38, "char_start": 0, "char_end": 38}}, "right": null}}]}}"#
        ),
    )
    .unwrap();
    let mut app = app_with_notes(path.clone());
    assert!(app.notes.notebook.as_ref().unwrap().file.notes[0].is_orphan());
    let unit = focus_first_link(&mut app);
    update(&mut app, Action::OpenNotes);
    assert!(screen(&app).contains("an orphan here"), "{}", screen(&app));
    update(&mut app, Action::ReattachNote);
    let note = &app.notes.notebook.as_ref().unwrap().file.notes[0];
    assert!(!note.is_orphan(), "{:?}", app.message);
    assert!(
        note.left
            .as_ref()
            .unwrap()
            .exact
            .starts_with("Russian President Vladimir Putin will meet")
    );
    assert_eq!(
        app.notes.notes_of_unit[unit],
        vec![0],
        "the passage carries it"
    );
    let (l, r) = samples::pair();
    let saved = Notebook::open(&path, &l, &r).unwrap();
    assert!(!saved.file.notes[0].is_orphan(), "placed on disk too");

    update(&mut app, Action::Undo);
    let note = &app.notes.notebook.as_ref().unwrap().file.notes[0];
    assert!(note.is_orphan(), "undone: an orphan again");
    assert_eq!(note.left.as_ref().unwrap().exact, gone);
    // A note that is not orphaned stays where it is.
    update(&mut app, Action::Redo);
    update(&mut app, Action::ReattachNote);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("not orphaned")),
        "{:?}",
        app.message
    );
}
