//! A review session that flows, driven by key events through the key
//! table as the loop drives it: folding, undo and redo of every decision,
//! counts, going to a passage, the match counter, scrolling one pane,
//! copying, and hints that fit at 80 columns. Effects are looked at, never
//! performed; a save's outcome is fed back as the loop would.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind;
use tandem::core::compare::units::Unit;
use tandem::core::notes::notebook::Notebook;
use tandem::tui::action::{Action, Effect, Outcome};
use tandem::tui::app::App;
use tandem::tui::dialog::Dialog;
use tandem::tui::mode::View;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::{fold, keys, suggestions, view};

fn notes_path() -> PathBuf {
    PathBuf::from("/nonexistent-tandem-test/flow.json")
}

fn sample(width: u16, height: u16) -> App {
    let (l, r) = samples::pair();
    let cmp = Comparison::new(l, r);
    let book = Notebook::open(&notes_path(), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, width, height, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

/// Two versions of a long article that agree but for two numbers: long
/// runs of aligned passages around two differences.
fn mostly_agreeing(width: u16, height: u16) -> App {
    const NOUNS: [&str; 24] = [
        "harbour",
        "bridge",
        "library",
        "market",
        "orchard",
        "station",
        "chapel",
        "garden",
        "factory",
        "school",
        "tower",
        "museum",
        "theatre",
        "bakery",
        "stadium",
        "quarry",
        "mill",
        "lighthouse",
        "prison",
        "hospital",
        "castle",
        "vineyard",
        "airport",
        "forest",
    ];
    let sentence = |i: usize, years: usize| {
        format!(
            "The {} of the town stood beside the old {} for {years} years.",
            NOUNS[i],
            NOUNS[(i + 7) % NOUNS.len()]
        )
    };
    let left: Vec<String> = (0..NOUNS.len()).map(|i| sentence(i, 30 + i)).collect();
    let right: Vec<String> = (0..NOUNS.len())
        .map(|i| sentence(i, if i == 8 || i == 17 { 90 + i } else { 30 + i }))
        .collect();
    let cmp = Comparison::new(
        tandem::core::document::Document::parse("old.txt", left.join("\n\n")),
        tandem::core::document::Document::parse("new.txt", right.join("\n\n")),
    );
    let book = Notebook::open(&notes_path(), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, width, height, Theme::new(Palette::Dark));
    app.set_notebook(book);
    app
}

fn event(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// One key through the key table and `update`; the effects it asked for
/// (a save's outcome is fed back as the loop would, without writing).
fn key(app: &mut App, e: Event) -> Vec<Effect> {
    let Some(action) = keys::dispatch(app, &e) else {
        return Vec::new();
    };
    let effects = update(app, action);
    for effect in &effects {
        if *effect == Effect::Save {
            assert!(update(app, Action::Done(Outcome::Saved(Ok(notes_path())))).is_empty());
        }
    }
    effects
}

/// Types `keys` as plain characters ("5j", "/Putin"), Enter as '\n'.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        effects.extend(key(app, event(code, KeyModifiers::NONE)));
    }
    effects
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    key(app, event(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn screen(app: &App) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(app.viewport.size.0, app.viewport.size.1)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn plain_aligned(app: &App, u: usize) -> bool {
    matches!(app.review.units[u], Unit::Link(k) if app.review.cmp.links[k].kind == Kind::Aligned && !app.review.cmp.links[k].link.moved)
}

fn notes(app: &App) -> usize {
    app.notes.notebook.as_ref().unwrap().file.notes.len()
}

fn rejected(app: &App) -> usize {
    app.notes.notebook.as_ref().unwrap().file.rejected.len()
}

#[test]
fn z_folds_what_agrees_keeping_a_passage_of_context_around_each_difference() {
    let mut app = mostly_agreeing(120, 35);
    assert_eq!(app.review.differences.len(), 2, "two numbers differ");
    assert!(press(&mut app, "z").is_empty());
    assert!(
        app.viewport.fold && app.viewport.folds.aligned.len() == 3,
        "before, between and after the differences: {:?}",
        app.viewport.folds.aligned
    );
    for run in &app.viewport.folds.aligned {
        assert!(run.len() >= 2);
        for u in run.clone() {
            assert!(
                plain_aligned(&app, u),
                "only aligned passages are folded ({u})"
            );
        }
        // One passage of context next to a difference stays shown.
        for edge in [run.start.checked_sub(1), Some(run.end)]
            .into_iter()
            .flatten()
            .filter(|&u| u < app.review.units.len())
        {
            assert!(
                plain_aligned(&app, edge),
                "the fold {run:?} has no passage of context before the difference {edge}"
            );
        }
    }
    for &d in &app.review.differences {
        assert!(
            fold::run_of(&app.viewport.folds.aligned, d).is_none(),
            "difference {d} is folded"
        );
    }
    let text = screen(&app).join("\n");
    let run = app.viewport.folds.aligned[0].clone();
    assert!(
        text.contains(&fold::label(run.len())),
        "the fold line is drawn:\n{text}"
    );
    let folded: usize = app.viewport.folds.aligned.iter().map(|r| r.len()).sum();
    assert!(
        text.contains(&format!("3 folds: {folded} passages")),
        "the status line says what is folded:\n{text}"
    );
    // j walks over a fold as one line; Enter opens it.
    press(&mut app, "g");
    while app.viewport.focus != run.start {
        let before = app.viewport.focus;
        press(&mut app, "j");
        assert!(
            app.viewport.focus > before
                && !fold::hidden(&app.viewport.folds.aligned, app.viewport.focus)
        );
    }
    press(&mut app, "j");
    assert_eq!(app.viewport.focus, run.end, "one j passes the whole fold");
    press(&mut app, "k\n");
    assert!(
        fold::run_of(&app.viewport.folds.aligned, run.start).is_none(),
        "Enter opened the fold"
    );
    assert_eq!(app.viewport.focus, run.start);
    press(&mut app, "j");
    assert_eq!(
        app.viewport.focus,
        run.start + 1,
        "its passages are walked one by one"
    );
    // z on a fold opens it too; z elsewhere unfolds everything.
    let other = app.viewport.folds.aligned[0].clone();
    app.viewport.focus = other.start;
    press(&mut app, "z");
    assert!(fold::run_of(&app.viewport.folds.aligned, other.start).is_none() && app.viewport.fold);
    press(&mut app, "gz");
    assert!(!app.viewport.fold && app.viewport.folds.aligned.is_empty());
}

#[test]
fn folds_work_in_the_reading_view() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "vz");
    assert_eq!(app.viewport.view, View::Reading);
    let side = app.viewport.pane.index();
    assert!(!app.viewport.folds.panes[side].is_empty());
    let run = app.viewport.folds.panes[side][0].clone();
    let text = screen(&app).join("\n");
    assert!(text.contains(&fold::label(run.len())), "{text}");
    // The passage after the fold is one j from its line.
    let head = app.viewport.panes[side].units[run.start];
    while app.viewport.focus != head {
        press(&mut app, "j");
    }
    press(&mut app, "j");
    assert_eq!(
        app.viewport.panes[side].passage_of[app.viewport.focus],
        Some(run.end)
    );
}

#[test]
fn search_goes_into_a_fold_and_opens_it() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "z");
    // A passage folded away, and a word of it.
    let run = app
        .viewport
        .folds
        .aligned
        .iter()
        .find(|r| r.len() >= 3)
        .cloned()
        .expect("a fold of three");
    let hidden = run.start + 1;
    let Unit::Link(k) = app.review.units[hidden] else {
        unreachable!()
    };
    let sentence = app.review.cmp.links[k].link.left.start;
    let s = &app.review.cmp.left.sentences[sentence];
    let words: String = app.review.cmp.left.text[s.start..s.end]
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    press(&mut app, "g/");
    press(&mut app, &words);
    press(&mut app, "\n");
    assert!(
        app.input.search.matches.contains(&hidden),
        "“{words}” is found"
    );
    let found = app.viewport.focus;
    assert!(app.input.search.matches.contains(&found));
    assert!(
        fold::run_of(&app.viewport.folds.aligned, found).is_none(),
        "the passage found is shown, not folded"
    );
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with("match ") && message.contains(" of "),
        "{message}"
    );
}

#[test]
fn a_count_repeats_a_move_and_a_jump() {
    let mut app = sample(120, 35);
    press(&mut app, "5j");
    assert_eq!(app.viewport.focus, 5);
    press(&mut app, "2k");
    assert_eq!(app.viewport.focus, 3);
    let mut one_by_one = sample(120, 35);
    press(&mut one_by_one, "]]]");
    press(&mut app, "g3]");
    assert_eq!(app.viewport.focus, one_by_one.viewport.focus, "3] is ]]]");
    // The count waits on the status line, and goes with the next key.
    press(&mut app, "1");
    assert_eq!(app.input.count, Some(1));
    assert!(screen(&app)[34].starts_with(" 1 "), "{}", screen(&app)[34]);
    press(&mut app, "j");
    assert_eq!(app.input.count, None);
    // A count beyond the end stops there.
    press(&mut app, "9999j");
    assert_eq!(app.viewport.focus, app.review.units.len() - 1);
}

#[test]
fn twelve_g_and_colon_twelve_go_to_passage_twelve_through_folds() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "z");
    let target = app
        .viewport
        .folds
        .aligned
        .iter()
        .find(|r| r.len() >= 3)
        .map(|r| r.start + 1)
        .expect("a fold");
    let number = (target + 1).to_string();
    press(&mut app, &format!("{number}G"));
    assert_eq!(app.viewport.focus, target);
    assert!(
        fold::run_of(&app.viewport.folds.aligned, target).is_none(),
        "the fold holding it is opened"
    );
    press(&mut app, "g");
    press(&mut app, &format!(":{number}"));
    assert!(screen(&app)[34].contains(&format!("go to passage: {number}")));
    press(&mut app, "\n");
    assert_eq!(app.viewport.focus, target);
    assert_eq!(app.input.command, None);
    press(&mut app, "3g");
    assert_eq!(app.viewport.focus, 2);
    press(&mut app, ":9999\n");
    assert_eq!(app.viewport.focus, 2);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("no passage 9999")
    );
}

#[test]
fn the_match_counter_counts_matches() {
    let mut app = sample(120, 35);
    press(&mut app, "/Putin\n");
    let total = app.input.search.matches.len();
    assert!(total >= 3, "the sample names Putin often");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("match 1 of {total} “Putin”").as_str())
    );
    press(&mut app, "n");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("match 2 of {total} “Putin”").as_str())
    );
    press(&mut app, "N");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("match 1 of {total} “Putin”").as_str())
    );
    press(&mut app, "2n");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("match 3 of {total} “Putin”").as_str())
    );
}

/// Tags the focused passage with `text` through the keys.
fn tag(app: &mut App, text: &str) -> Vec<Effect> {
    press(app, "t3");
    press(app, text);
    press(app, "\n")
}

#[test]
fn undo_and_redo_a_tag_an_edit_and_a_status() {
    let mut app = sample(120, 35);
    press(&mut app, "]");
    assert_eq!(tag(&mut app, "first"), vec![Effect::Save]);
    assert_eq!(notes(&app), 1);
    let tagged_at = app.viewport.focus;
    press(&mut app, "G");
    assert_eq!(
        press(&mut app, "u"),
        vec![Effect::Save],
        "undo is saved like any decision"
    );
    assert_eq!(notes(&app), 0);
    assert_eq!(
        app.viewport.focus, tagged_at,
        "the focus goes back to where the tag was made"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("undone: tagged a number note"),
        "{:?}",
        app.message
    );
    assert_eq!(ctrl(&mut app, 'r'), vec![Effect::Save]);
    assert_eq!(notes(&app), 1);
    let id = app.notes.notebook.as_ref().unwrap().file.notes[0]
        .id
        .clone();
    // Edit in the list, then undo it.
    press(&mut app, "oe");
    press(&mut app, " and more\n");
    assert_eq!(
        app.notes.notebook.as_ref().unwrap().get(&id).unwrap().text,
        "first and more"
    );
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(
        app.notes.notebook.as_ref().unwrap().get(&id).unwrap().text,
        "first"
    );
    // Status in the list; u works there too.
    press(&mut app, "os");
    assert_eq!(
        app.notes
            .notebook
            .as_ref()
            .unwrap()
            .get(&id)
            .unwrap()
            .status
            .id(),
        "confirmed"
    );
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(
        app.notes
            .notebook
            .as_ref()
            .unwrap()
            .get(&id)
            .unwrap()
            .status
            .id(),
        "open"
    );
    assert!(
        matches!(app.input.dialog, Some(Dialog::NotesList { .. })),
        "the list stays open"
    );
    assert_eq!(ctrl(&mut app, 'r'), vec![Effect::Save]);
    assert_eq!(
        app.notes
            .notebook
            .as_ref()
            .unwrap()
            .get(&id)
            .unwrap()
            .status
            .id(),
        "confirmed"
    );
    // Nothing more to redo.
    assert!(ctrl(&mut app, 'r').is_empty());
    assert_eq!(app.message.as_deref(), Some("nothing to redo"));
}

#[test]
fn undo_a_delete_brings_the_note_back_in_its_place() {
    let mut app = sample(120, 35);
    press(&mut app, "]");
    tag(&mut app, "keep me");
    let before = app.notes.notebook.as_ref().unwrap().file.notes.clone();
    let unit = app.viewport.focus;
    press(&mut app, "od");
    assert_eq!(press(&mut app, "y"), vec![Effect::Save]);
    assert_eq!(notes(&app), 0);
    assert!(app.notes.notes_of_unit[unit].is_empty());
    assert!(
        app.message.as_deref().unwrap().contains("u undo"),
        "the delete says how to undo it"
    );
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(
        app.notes.notebook.as_ref().unwrap().file.notes,
        before,
        "the same note, same id and anchors"
    );
    assert_eq!(
        app.notes.notes_of_unit[unit],
        vec![0],
        "placed on its passage again"
    );
}

/// The first unit with at least `n` open suggestions.
fn with_suggestions(app: &App, n: usize) -> usize {
    (0..app.review.units.len())
        .find(|&u| suggestions::open_suggestions(app, u).len() >= n)
        .expect("the sample has such a passage")
}

#[test]
fn undo_an_accept_and_a_reject() {
    let mut app = sample(120, 35);
    let unit = with_suggestions(&app, 1);
    press(&mut app, &format!("{}G", unit + 1));
    let open = suggestions::open_suggestions(&app, unit).len();
    press(&mut app, "a");
    assert_eq!(press(&mut app, "\n"), vec![Effect::Save]);
    assert_eq!(notes(&app), 1);
    assert_eq!(suggestions::open_suggestions(&app, unit).len(), open - 1);
    assert!(
        screen(&app)[33].contains("accepted a suggestion"),
        "the bar says what happened: {}",
        screen(&app)[33]
    );
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(notes(&app), 0);
    assert_eq!(
        suggestions::open_suggestions(&app, unit).len(),
        open,
        "suggested again"
    );

    assert_eq!(press(&mut app, "r"), vec![Effect::Save]);
    assert_eq!(rejected(&app), 1);
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(rejected(&app), 0);
    assert_eq!(ctrl(&mut app, 'r'), vec![Effect::Save]);
    assert_eq!(rejected(&app), 1);
}

/// Issue 14: after `a`, a following `r` rejected the next suggestion, one
/// the reviewer had not seen. The key after a decision only shows it.
#[test]
fn a_second_r_does_not_reject_a_suggestion_not_yet_seen() {
    let mut app = sample(120, 35);
    let unit = with_suggestions(&app, 2);
    press(&mut app, &format!("{}G", unit + 1));
    let first = suggestions::current(&app).unwrap().key();
    assert_eq!(press(&mut app, "r"), vec![Effect::Save]);
    let bar = &screen(&app)[33];
    assert!(
        bar.starts_with(" u undo │ rejected"),
        "the bar says what happened: {bar}"
    );
    assert!(
        bar.contains(&format!("passage {}", unit + 1)),
        "and where the focus is: {bar}"
    );
    assert!(
        press(&mut app, "r").is_empty(),
        "the second r only shows the next suggestion"
    );
    assert_eq!(rejected(&app), 1);
    assert_ne!(suggestions::current(&app).unwrap().key(), first);
    assert!(
        screen(&app)[33].contains("r reject"),
        "now it is on the bar"
    );
    assert_eq!(
        press(&mut app, "r"),
        vec![Effect::Save],
        "seen: now r rejects it"
    );
    assert_eq!(rejected(&app), 2);
}

#[test]
fn rejected_suggestions_are_listed_in_the_summary_and_can_be_restored() {
    let mut app = sample(120, 35);
    let unit = with_suggestions(&app, 1);
    press(&mut app, &format!("{}G", unit + 1));
    let key = suggestions::current(&app).unwrap().key();
    press(&mut app, "r");
    press(&mut app, "i");
    let items = suggestions::summary(&app);
    let at = items
        .iter()
        .position(|i| i.rejected.as_deref() == Some(key.as_str()))
        .expect("the rejected suggestion is listed");
    assert_eq!(items[at].unit, Some(unit), "with its passage");
    assert!(screen(&app).join("\n").contains("Rejected suggestions (1)"));
    while !matches!(app.input.dialog, Some(Dialog::Summary { selected }) if selected == at) {
        let before = app
            .input
            .dialog
            .as_ref()
            .map(|d| matches!(d, Dialog::Summary { selected } if *selected < at));
        press(&mut app, "j");
        assert_eq!(before, Some(true), "j reaches the rejected item");
    }
    assert_eq!(press(&mut app, "r"), vec![Effect::Save]);
    assert_eq!(rejected(&app), 0);
    assert!(
        suggestions::open_suggestions(&app, unit)
            .iter()
            .any(|d| d.key() == key),
        "suggested again"
    );
    press(&mut app, "q");
    assert_eq!(
        press(&mut app, "u"),
        vec![Effect::Save],
        "restoring is undone like any decision"
    );
    assert_eq!(rejected(&app), 1);
}

#[test]
fn ctrl_e_scrolls_one_pane_of_the_reading_view() {
    let mut app = sample(120, 35);
    press(&mut app, "v");
    let side = app.viewport.pane.index();
    let other = app.viewport.pane_scroll[1 - side];
    ctrl(&mut app, 'e');
    ctrl(&mut app, 'e');
    assert_eq!(app.viewport.pane_scroll[side], 2);
    assert_eq!(
        app.viewport.pane_scroll[1 - side],
        other,
        "the other pane stays"
    );
    press(&mut app, "3");
    ctrl(&mut app, 'y');
    assert_eq!(
        app.viewport.pane_scroll[side], 0,
        "a count scrolls as many lines, down to the top"
    );
}

#[test]
fn y_copies_both_sides_of_the_focused_passage_sanitised() {
    let (l, r) = (
        tandem::core::document::Document::parse(
            "l.txt",
            "Alpha \u{1b}[31mred\u{7} one. Second sentence here.",
        ),
        tandem::core::document::Document::parse("r.txt", "Alpha red one. Another second sentence."),
    );
    let cmp = Comparison::new(l, r);
    let book = Notebook::open(&notes_path(), &cmp.left, &cmp.right).unwrap();
    let mut app = App::new(cmp, 100, 30, Theme::new(Palette::Dark));
    app.set_notebook(book);
    let effects = press(&mut app, "y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        text.starts_with("left: Alpha") && text.contains("\nright: Alpha red one."),
        "{text:?}"
    );
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "no control character: {text:?}"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("passage 1 copied")
    );
}

#[test]
fn y_is_bounded() {
    let long = "Word ".repeat(40_000) + ".";
    let (l, r) = (
        tandem::core::document::Document::parse("l.txt", long.as_str()),
        tandem::core::document::Document::parse("r.txt", long.as_str()),
    );
    let cmp = Comparison::new(l, r);
    let mut app = App::new(cmp, 100, 30, Theme::new(Palette::Dark));
    let effects = press(&mut app, "y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(text.len() <= tandem::tui::clipboard::LIMIT);
    assert!(app.message.as_deref().unwrap().contains("cut"));
}

/// Issue 14, item 6: at 80 columns the bar and the status line were cut
/// and the a/r/c hints hidden.
#[test]
fn every_hint_fits_at_80_columns() {
    let mut app = sample(80, 24);
    for unit in 0..app.review.units.len() {
        press(&mut app, &format!(":{}\n", unit + 1));
        let rows = screen(&app);
        let (bar, status) = (&rows[22], &rows[23]);
        let open = suggestions::open_suggestions(&app, app.viewport.focus).len();
        if open > 0 {
            assert!(
                bar.contains("a accept") && bar.contains("r reject"),
                "{bar}"
            );
            assert_eq!(bar.contains("c next"), open > 1, "{bar}");
        } else {
            assert!(bar.contains("i summary"), "{bar}");
        }
        for hint in ["]/[", "v", "z", "/", "? help", "q quit"] {
            assert!(status.contains(hint), "{hint} in {status}");
        }
    }
    // A long message shortens the words of the hints, never the keys.
    press(&mut app, "/no such words anywhere in these articles\n");
    let status = &screen(&app)[23];
    assert!(
        status.contains("no match") && status.contains("]/[ v z /") && status.contains("q quit"),
        "{status}"
    );
}

#[test]
fn both_titles_in_one_style() {
    for width in [80, 120, 200] {
        let app = sample(width, 30);
        let title = &screen(&app)[0];
        let full = title.matches(" aligned · ").count();
        let compact = title.matches(" ≠").count();
        assert!(
            (full == 2 && compact == 0) || (full == 0 && compact == 2),
            "{width}: {title}"
        );
    }
}

#[test]
fn e_asks_for_the_editor_at_the_focused_passage_line() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "]");
    let unit = app.viewport.focus;
    let Unit::Link(k) = app.review.units[unit] else {
        panic!("a link")
    };
    let sentence = app.review.cmp.links[k].link.left.start;
    let effects = press(&mut app, "e");
    let expected = Effect::Edit {
        side: tandem::tui::mode::Side::Left,
        path: PathBuf::from("old.txt"),
        line: 2 * sentence + 1,
    };
    assert_eq!(effects, vec![expected], "paragraphs are two lines apart");
}

#[test]
fn an_edited_article_is_compared_again_with_its_notes_found_again() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "]");
    tag(&mut app, "check the years");
    let note = app.notes.notebook.as_ref().unwrap().file.notes[0].clone();
    let quote = note.left.clone().unwrap().exact;
    press(&mut app, "z");
    let edited = format!(
        "A new first paragraph, written in the editor.\n\n{}",
        app.review.cmp.left.text
    );
    // The editor wrote the file; the article is read again on a worker.
    let dir = tempfile::TempDir::with_prefix("tandem-screen-flow-edit-").unwrap();
    let path = dir.path().join("old.txt");
    std::fs::write(&path, &edited).unwrap();
    app.review.cmp.left.name = path.display().to_string();
    let effects = update(
        &mut app,
        Action::Done(Outcome::Edited {
            side: tandem::tui::mode::Side::Left,
            result: Ok(()),
        }),
    );
    assert_eq!(
        effects,
        vec![Effect::Reload {
            sides: [true, false]
        }]
    );
    let outcome = tandem::tui::effects::perform(&mut app, effects[0].clone());
    let effects = update(&mut app, Action::Done(outcome));
    assert_eq!(
        effects,
        vec![Effect::Save],
        "the notes' new anchors are saved"
    );
    assert!(
        app.viewport.repaint,
        "the screen is drawn whole after the editor"
    );
    assert_eq!(app.review.cmp.left.text, edited);
    assert!(app.viewport.fold, "folding is kept");
    let moved = app.notes.notebook.as_ref().unwrap().file.notes[0]
        .left
        .clone()
        .unwrap();
    assert_eq!(
        &edited[moved.start..moved.end],
        quote,
        "the note points at the same words in the new text"
    );
    let unit = app
        .review
        .unit_at(tandem::tui::mode::Side::Left, moved.start)
        .unwrap();
    assert_eq!(
        app.notes.notes_of_unit[unit],
        vec![0],
        "and sits on their passage"
    );
    assert_eq!(
        app.viewport.focus, unit,
        "the focus stays on the passage edited around"
    );
    // Undo cannot put back anchors into the old text.
    assert!(press(&mut app, "u").is_empty());
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    // An editor that failed leaves everything as it was.
    let before = app.review.cmp.left.text.clone();
    update(
        &mut app,
        Action::Done(Outcome::Edited {
            side: tandem::tui::mode::Side::Left,
            result: Err("vi ended with exit status: 1".into()),
        }),
    );
    assert_eq!(app.review.cmp.left.text, before);
    assert_eq!(app.message.as_deref(), Some("vi ended with exit status: 1"));
}

/// Deleting the last note of a passage inside a run of aligned passages
/// must not fold the focused passage away.
#[test]
fn the_focus_is_never_folded_away() {
    let mut app = mostly_agreeing(120, 35);
    press(&mut app, "z");
    let run = app
        .viewport
        .folds
        .aligned
        .iter()
        .find(|r| r.len() >= 3)
        .cloned()
        .expect("a fold");
    let inside = run.start + 1;
    press(&mut app, &format!("{}G", inside + 1));
    tag(&mut app, "a note");
    // Folded again from scratch: the noted passage alone stays in the run.
    press(&mut app, "zz");
    assert_eq!(app.viewport.focus, inside);
    assert!(
        fold::run_of(&app.viewport.folds.aligned, inside).is_none()
            && fold::run_of(&app.viewport.folds.aligned, inside + 1).is_some()
    );
    press(&mut app, "o");
    press(&mut app, "dy");
    assert_eq!(app.viewport.focus, inside);
    assert!(
        !fold::hidden(&app.viewport.folds.aligned, inside),
        "the focused passage stays shown"
    );
}
