//! The review screen without a terminal: actions drive the pure update
//! function, and frames are drawn on ratatui's TestBackend, where both the
//! characters and the styles are checked.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::compare::units::Unit;
use tandem::core::document::Document;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::keymap;
use tandem::tui::mode::{Side, View};
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

fn sample(width: u16, height: u16) -> App {
    let (l, r) = samples::pair();
    App::new(
        Comparison::new(l, r),
        width,
        height,
        Theme::new(Palette::Dark),
    )
}

/// Types `/query` and Enter.
fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::SearchInput(c));
    }
    update(app, Action::SearchSubmit);
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.viewport.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// A row as a person reads it: the cells a wide character covers are skipped.
fn row_text(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
    }
    out
}

fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Position of the first cell where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let first = needle.chars().next()?.to_string();
        (0..cells.len())
            .find(|&x| cells[x] == first && cells[x..].concat().starts_with(needle))
            .map(|x| (x as u16, y))
    })
}

fn unit_text(app: &App, unit: usize) -> String {
    let text = |doc: &Document, r: &std::ops::Range<usize>| {
        doc.text[doc.sentences[r.start].start..doc.sentences[r.end - 1].end].to_string()
    };
    match &app.review.units[unit] {
        Unit::Link(k) => {
            text(&app.review.cmp.left, &app.review.cmp.links[*k].link.left)
                + " | "
                + &text(&app.review.cmp.right, &app.review.cmp.links[*k].link.right)
        }
        Unit::LeftOnly(r) => text(&app.review.cmp.left, r),
        Unit::RightOnly(r) => text(&app.review.cmp.right, r),
        Unit::MovedHere(k) => format!("moved here: {k}"),
    }
}

/// The focused unit's rows are on screen.
fn focus_visible(app: &App) -> bool {
    let rows = app.viewport.geometry().rows();
    match app.viewport.view {
        View::Aligned => {
            let span = app.viewport.aligned.stack.rows(app.viewport.focus);
            span.start >= app.viewport.scroll && span.start < app.viewport.scroll + rows
        }
        View::Reading => {
            let side = app.viewport.pane.index();
            let pane = &app.viewport.panes[side];
            let p = pane.passage_of[app.viewport.focus].unwrap();
            let top = pane.stack.tops[p];
            top >= app.viewport.pane_scroll[side] && top < app.viewport.pane_scroll[side] + rows
        }
    }
}

#[test]
fn focus_moves_and_stays_in_bounds() {
    let mut app = sample(120, 40);
    assert_eq!(app.viewport.focus, 0);
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.viewport.focus, 0, "no unit before the first");
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.viewport.focus, 2);
    update(&mut app, Action::Bottom);
    assert_eq!(app.viewport.focus, app.review.units.len() - 1);
    assert!(focus_visible(&app));
    update(&mut app, Action::FocusNext);
    assert_eq!(
        app.viewport.focus,
        app.review.units.len() - 1,
        "no unit after the last"
    );
    update(&mut app, Action::Top);
    assert_eq!((app.viewport.focus, app.viewport.scroll), (0, 0));
}

#[test]
fn paging_scrolls_and_keeps_the_focus_on_screen() {
    let mut app = sample(100, 24);
    update(&mut app, Action::PageDown);
    assert!(app.viewport.scroll > 0);
    assert!(focus_visible(&app));
    let after_one = app.viewport.scroll;
    update(&mut app, Action::HalfPageDown);
    assert!(app.viewport.scroll > after_one && focus_visible(&app));
    update(&mut app, Action::PageUp);
    update(&mut app, Action::PageUp);
    update(&mut app, Action::PageUp);
    assert_eq!(app.viewport.scroll, 0);
    assert!(focus_visible(&app));
}

#[test]
fn difference_jumps_visit_every_difference_in_order() {
    let mut app = sample(120, 40);
    let mut visited = Vec::new();
    for _ in 0..app.review.differences.len() + 2 {
        update(&mut app, Action::NextDifference);
        if visited.last() != Some(&app.viewport.focus) {
            visited.push(app.viewport.focus);
        }
        assert!(focus_visible(&app));
    }
    let expected: Vec<usize> = app
        .review
        .differences
        .iter()
        .copied()
        .filter(|&d| d > 0)
        .collect();
    assert_eq!(visited, expected);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("no difference after")
    );
    update(&mut app, Action::PrevDifference);
    assert_eq!(app.viewport.focus, expected[expected.len() - 2]);
}

#[test]
fn moved_passage_jumps_to_its_old_place_and_back() {
    let mut app = sample(120, 40);
    let moved = app
        .review
        .units
        .iter()
        .position(|u| matches!(u, Unit::Link(k) if app.review.cmp.links[*k].link.moved))
        .expect("the sample has a move");
    let here = app
        .review
        .units
        .iter()
        .position(|u| matches!(u, Unit::MovedHere(_)))
        .unwrap();
    update(&mut app, Action::JumpMoved);
    assert_eq!(app.message.as_deref(), Some("not a moved passage"));
    while app.viewport.focus != moved {
        update(&mut app, Action::FocusNext);
    }
    update(&mut app, Action::JumpMoved);
    assert_eq!(app.viewport.focus, here);
    assert!(focus_visible(&app));
    update(&mut app, Action::JumpMoved);
    assert_eq!(app.viewport.focus, moved);
}

#[test]
fn reading_view_keeps_the_counterpart_level() {
    let mut app = sample(120, 30);
    let moved = app
        .review
        .units
        .iter()
        .position(|u| matches!(u, Unit::Link(k) if app.review.cmp.links[*k].link.moved))
        .unwrap();
    update(&mut app, Action::ToggleView);
    assert_eq!(app.viewport.view, View::Reading);
    while app.viewport.focus != moved {
        update(&mut app, Action::FocusNext);
    }
    let panes = &app.viewport.panes;
    let (l, r) = (
        panes[0].passage_of[moved].unwrap(),
        panes[1].passage_of[moved].unwrap(),
    );
    let left_row = panes[0].stack.tops[l] - app.viewport.pane_scroll[0];
    let right_row = panes[1].stack.tops[r] - app.viewport.pane_scroll[1];
    assert_eq!(
        left_row, right_row,
        "the moved passage sits level with its counterpart"
    );
    // The left pane reads in the left article's order, the right one in the right's.
    assert!(
        panes[0].stack.tops[l] < panes[0].stack.total / 2,
        "Pokrovsk is near the top of the original"
    );
    assert!(
        panes[1].stack.tops[r] > panes[1].stack.total / 2,
        "and near the end of the rewrite"
    );

    update(&mut app, Action::SwitchPane);
    assert_eq!(app.viewport.pane, Side::Right);
    assert_eq!(
        app.viewport.focus, moved,
        "the focus has a counterpart, so it stays"
    );
    update(&mut app, Action::FocusNext);
    assert!(focus_visible(&app));
    update(&mut app, Action::ToggleView);
    assert_eq!(app.viewport.view, View::Aligned);
    assert!(focus_visible(&app));
}

#[test]
fn search_finds_both_articles_and_cycles() {
    let mut app = sample(120, 40);
    search(&mut app, "vovshansk");
    assert!(!app.input.search.editing);
    assert_eq!(
        app.input.search.matches.len(),
        1,
        "the misspelling is only in the rewrite"
    );
    assert!(unit_text(&app, app.viewport.focus).contains("Vovshansk"));

    update(&mut app, Action::StartSearch);
    for c in "Pokrovsk".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::SearchBackspace);
    update(&mut app, Action::SearchInput('k'));
    update(&mut app, Action::SearchSubmit);
    let matches = app.input.search.matches.clone();
    assert!(matches.len() >= 2, "{matches:?}");
    let first = app.viewport.focus;
    update(&mut app, Action::NextMatch);
    assert_ne!(app.viewport.focus, first);
    assert!(unit_text(&app, app.viewport.focus).contains("Pokrovsk"));
    for _ in 0..matches.len() - 1 {
        update(&mut app, Action::NextMatch);
    }
    assert_eq!(app.viewport.focus, first, "matches wrap around");

    search(&mut app, "zzzz");
    assert!(app.message.as_deref().unwrap().contains("no match"));
}

#[test]
fn resizing_keeps_the_focus_in_view() {
    let mut app = sample(160, 45);
    for _ in 0..15 {
        update(&mut app, Action::FocusNext);
    }
    for (w, h) in [(60, 12), (200, 50), (40, 8), (90, 20)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        assert!(focus_visible(&app), "at {w}x{h}");
        let buf = render(&app);
        assert_eq!(buf.area.width, w);
    }
}

#[test]
fn mouse_wheel_scrolls_and_click_focuses() {
    let mut app = sample(120, 30);
    update(
        &mut app,
        Action::Scroll {
            rows: 9,
            column: 10,
        },
    );
    assert_eq!(app.viewport.scroll, 9);
    assert!(focus_visible(&app), "the focus follows the scroll");
    let g = app.viewport.geometry();
    let target = app
        .viewport
        .aligned
        .stack
        .item_at(app.viewport.scroll + 5)
        .unwrap();
    update(
        &mut app,
        Action::Click {
            column: 5,
            row: g.left.y + 5,
        },
    );
    assert_eq!(app.viewport.focus, target);
}

#[test]
fn aligned_view_draws_kinds_focus_and_emphasis_with_styles() {
    let app = sample(160, 45);
    let buf = render(&app);
    let text = screen_text(&buf);
    assert!(
        row_text(&buf, 0).contains("kremlin-talks-original.txt")
            && row_text(&buf, 0).contains("kremlin-talks-rewrite.txt")
    );
    assert!(text.contains("difference 1 of"), "{text}");

    // The focused first unit: a focus bar in both panes, and a background.
    let g = app.viewport.geometry();
    assert_eq!(buf[(g.left.x, g.left.y)].symbol(), "▌");
    assert_eq!(buf[(g.right.x, g.right.y)].symbol(), "▌");
    assert_eq!(
        buf[(g.left.x + 5, g.left.y)].bg,
        app.theme.focus.bg.unwrap()
    );

    // The heading is unique: italic, marked `<` in the gutter.
    let (x, y) = find(&buf, "Critical Diplomacy").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    assert_eq!(buf[(g.gutter.x + 1, y)].symbol(), "<");

    // A differing fact is bold and underlined everywhere; a reworded word
    // only in the focused passage (underlined), plain elsewhere.
    let (x, y) = find(&buf, "President Donald").unwrap();
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{:?}",
        buf[(x, y)]
    );
    let (x, y) = find(&buf, "discussions").unwrap();
    assert!(buf[(x, y)].modifier.is_empty(), "{:?}", buf[(x, y)]);
    let mut focused = sample(160, 45);
    let unit = focused
        .viewport
        .aligned
        .stack
        .item_at(focused.viewport.scroll + usize::from(y - g.left.y))
        .unwrap();
    while focused.viewport.focus < unit {
        update(&mut focused, Action::FocusNext);
    }
    let buf_focused = render(&focused);
    let (x, y) = find(&buf_focused, "discussions").unwrap();
    assert!(
        buf_focused[(x, y)].modifier.contains(Modifier::UNDERLINED)
            && !buf_focused[(x, y)].modifier.contains(Modifier::BOLD)
    );
    // An unchanged word is plain.
    let (x, y) = find(&buf, "Florida").unwrap();
    assert!(buf[(x, y)].modifier.is_empty());

    // Divergent and aligned marks in the gutter.
    let gutter: String = (0..buf.area.height)
        .map(|y| buf[(g.gutter.x + 1, y)].symbol().to_string())
        .collect();
    assert!(gutter.contains('≠') && gutter.contains('='));
}

#[test]
fn moved_passage_is_marked_in_the_gutter() {
    let mut app = sample(160, 45);
    search(&mut app, "Meanwhile");
    let buf = render(&app);
    let (x, y) = find(&buf, "Meanwhile").expect("the moved passage is on screen");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "search hits are shown"
    );
    let g = app.viewport.geometry();
    assert_eq!(buf[(g.gutter.x + 2, y)].symbol(), "↕");
}

#[test]
fn help_is_generated_from_the_key_table() {
    let mut app = sample(120, 50);
    update(&mut app, Action::ToggleHelp);
    // Read it all, scrolling as a user would.
    let mut text = String::new();
    for _ in 0..keymap::help_lines().len() + 2 {
        text.push_str(&screen_text(&render(&app)));
        update(&mut app, Action::ScrollHelp(5));
    }
    for (keys, description) in keymap::help_lines() {
        assert!(text.contains(keys.trim()), "{keys}");
        assert!(text.contains(description.trim()), "{description}");
    }
    assert!(text.contains("Ctrl-d") && text.contains("half a page down"));
}

#[test]
fn tiny_terminal_gets_a_message() {
    let app = sample(30, 6);
    let text = screen_text(&render(&app));
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("tandem needs at least 40×8 (now 30×6)"),
        "{text}"
    );
}

#[test]
fn control_characters_and_wide_text_are_drawn_safely() {
    let left = "Breaking \x1b[31mnews\x1b[0m from 東京: the\tmarket fell 3%.\nA calm day. 🙂 Combining: e\u{301}.\n";
    let right = "Breaking news from 東京: the market fell 4%.\nA calm day.\n";
    let cmp = Comparison::new(
        Document::parse("left\x07.txt", left),
        Document::parse("right.txt", right),
    );
    let app = App::new(cmp, 60, 12, Theme::new(Palette::Light));
    let buf = render(&app);
    let text = screen_text(&buf);
    assert!(
        !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\t'),
        "{text:?}"
    );
    assert!(text.contains("東京"));
    // Nothing spills from the left pane into the gutter or the right pane.
    let g = app.viewport.geometry();
    for y in g.left.y..g.left.y + g.left.height {
        let cell = &buf[(g.gutter.x, y)];
        assert!(
            cell.symbol() == " " || cell.symbol() == "⇔",
            "row {y}: {:?}",
            row_text(&buf, y)
        );
    }
}

#[test]
fn sample_screen_at_80x24() {
    let app = sample(80, 24);
    insta::assert_snapshot!(screen_text(&render(&app)));
}

#[test]
fn jumps_leave_context_around_the_focus() {
    let mut app = sample(100, 24);
    let rows = app.viewport.geometry().rows();
    for _ in 0..app.review.differences.len() {
        update(&mut app, Action::NextDifference);
        let span = app.viewport.aligned.stack.rows(app.viewport.focus);
        let at_end = app.viewport.scroll + rows > app.viewport.aligned.stack.total;
        let tall = span.len() + rows / 2 > rows;
        assert!(
            tall || at_end || span.end + rows / 4 <= app.viewport.scroll + rows,
            "focus {span:?} scroll {}",
            app.viewport.scroll
        );
    }
}

#[test]
fn empty_articles_never_panic_whatever_the_key() {
    use tandem::tui::keymap::TABLE;
    let cmp = Comparison::new(
        Document::parse("a.txt", ""),
        Document::parse("b.txt", "\n\n"),
    );
    let mut app = App::new(cmp, 80, 24, Theme::new(Palette::Dark));
    let mut actions: Vec<Action> = TABLE
        .iter()
        .flat_map(|s| s.bindings.iter())
        .filter_map(|b| b.action().cloned())
        .collect();
    actions.extend([
        Action::Resize {
            width: 50,
            height: 10,
        },
        Action::Scroll { rows: 3, column: 5 },
        Action::Click { column: 5, row: 3 },
    ]);
    for action in actions {
        update(&mut app, action);
        let _ = render(&app);
    }
    assert!(app.quit, "q still quits");
}

/// Found by the random-session test: in the reading view, with the focus in
/// the pane of an empty article, `]` indexed past the end of that pane's
/// (empty) list of passages.
#[test]
fn next_difference_from_the_pane_of_an_empty_article() {
    let cmp = Comparison::new(
        Document::parse("a.txt", ""),
        Document::parse("b.txt", "Putin met Witkoff."),
    );
    let mut app = App::new(cmp, 80, 24, Theme::new(Palette::Dark));
    update(&mut app, Action::ToggleView);
    update(&mut app, Action::Click { column: 0, row: 1 });
    for action in [Action::NextDifference, Action::PrevDifference] {
        update(&mut app, action);
        let _ = render(&app);
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.starts_with("no difference")),
            "{:?}",
            app.message
        );
    }
}

/// Issue 11, item 5: at 10x2 (or 3x3, 1x1) the too-small message was drawn
/// below the screen's last row and panicked. It now fits any size, in the
/// longest wording that does.
#[test]
fn too_small_message_fits_any_size() {
    for (w, h, expected) in [
        (10, 2, "needs 40×8"),
        (3, 3, "…"),
        (4, 3, "40×8"),
        (1, 1, "…"),
        (39, 7, "tandem needs at least 40×8 (now 39×7)"),
        (2, 1, "…"),
        (1, 9, "…"),
        (60, 1, "tandem needs at least 40×8 (now 60×1)"),
    ] {
        let mut app = sample(120, 40);
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let text = screen_text(&render(&app));
        let joined: String = text.split_whitespace().collect();
        assert_eq!(
            joined,
            expected.split_whitespace().collect::<String>(),
            "at {w}x{h}: {text:?}"
        );
    }
}
