//! The title row and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::display::{sanitize, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Geometry};
use crate::tui::keymap::{hints, keys};
use crate::tui::mode::{Mode, Side, View};

pub fn titles(buf: &mut Buffer, app: &App, g: &Geometry) {
    // One style on both panes: the full titles if both fit, else both compact.
    let fits = Side::BOTH
        .iter()
        .all(|&side| width(&app.review.titles[side.index()][0]) < usize::from(g.pane(side).width));
    for side in Side::BOTH {
        let area = g.pane(side);
        let active = app.viewport.view == View::Reading && app.viewport.pane == side;
        let style = if active {
            app.theme.title_active
        } else {
            app.theme.title
        };
        let [full, compact] = &app.review.titles[side.index()];
        let text = format!(" {}", if fits { full } else { compact });
        buf.set_style(Rect::new(area.x, g.titles.y, area.width, 1), style);
        buf.set_stringn(area.x, g.titles.y, &text, usize::from(area.width), style);
    }
}

/// "difference 3 of 17" when the focus is on one, else where it stands.
fn position(app: &App) -> String {
    if app.review.units.is_empty() {
        return "no passages".into();
    }
    let total = app.review.differences.len();
    match app.review.differences.binary_search(&app.viewport.focus) {
        Ok(i) => format!("difference {} of {total}", i + 1),
        Err(i) => format!(
            "passage {} of {} · {i} of {total} differences above",
            app.viewport.focus + 1,
            app.review.units.len()
        ),
    }
}

pub fn status_line(buf: &mut Buffer, app: &App, area: Rect) {
    let style = app.theme.status;
    buf.set_style(area, style);
    let columns = usize::from(area.width);
    if app.input.search.editing {
        let text = format!(
            " search: {}▏  ({})",
            sanitize(&app.input.search.query),
            hints(Mode::Search, &[], ": ", ", ")
        );
        buf.set_stringn(area.x, area.y, &text, columns, style);
        return;
    }
    if let Some(typed) = &app.input.command {
        let text = format!(
            " go to passage: {}▏  ({})",
            sanitize(typed),
            hints(Mode::Command, &[], ": ", ", ")
        );
        buf.set_stringn(area.x, area.y, &text, columns, style);
        return;
    }
    let unsaved = app.notes.notebook.as_ref().is_some_and(|b| b.unsaved);
    let warning = if unsaved {
        format!(
            " NOTES NOT SAVED ({}) │",
            hints(Mode::Main, &[Action::SaveElsewhere], ": ", "")
        )
    } else {
        String::new()
    };
    let count = app.input.count.map(|n| format!(" {n}")).unwrap_or_default();
    let mut left = format!("{warning}{count} {}", position(app));
    // What is folded, as much the state of the screen as the position.
    let (folds, passages) = app.viewport.folded();
    if folds > 0 {
        left.push_str(&format!(" │ {folds} folds: {passages} passages"));
    }
    if let Some(message) = &app.message {
        left.push_str(" │ ");
        left.push_str(&sanitize(message));
    }
    // What else there is to know, each part whole or not at all: the notes
    // file (its path if there is room, else its count) and the view. The
    // count matters most: a reviewer who tags a passage looks for it to
    // change.
    let notes = app.notes.notebook.as_ref().map(|book| {
        let count = book.file.notes.len();
        let count = format!("{count} note{}", if count == 1 { "" } else { "s" });
        [
            format!("{count}: {}", sanitize(&book.path.display().to_string())),
            count,
        ]
    });
    let view = match app.viewport.view {
        View::Aligned => "aligned view".to_string(),
        View::Reading => format!("reading view · {} pane", app.viewport.pane.name()),
    };
    // The hints with their words when all of that, in its shortest form,
    // still fits beside them; else their keys alone, and `?` for the words:
    // the state of the screen comes before the words of its keys.
    let state =
        width(&left) + notes.as_ref().map_or(0, |[_, count]| 3 + width(count)) + 3 + width(&view);
    let main = [
        Action::NextDifference,
        Action::PrevDifference,
        Action::ToggleView,
        Action::Fold,
        Action::StartSearch,
        Action::ToggleHelp,
        Action::Quit,
    ];
    let full = hints(Mode::Main, &main, " ", "  ") + " ";
    let shown = if app.input.selection.is_some() {
        format!("selecting words: {} ", hints(Mode::Select, &[], " ", "  "))
    } else if state + 2 + width(&full) <= columns {
        full
    } else {
        format!(
            "{}  {} ",
            keys(Mode::Main, &main[..main.len() - 2]),
            hints(Mode::Main, &main[main.len() - 2..], " ", "  ")
        )
    };
    let room = columns.saturating_sub(width(&shown) + 1);
    let mut left = cut(&left, room);
    let mut free = room.saturating_sub(width(&left));
    let mut fitting = |choices: &[String]| {
        let part = choices.iter().find(|p| 3 + width(p) <= free)?;
        free -= 3 + width(part);
        Some(format!(" │ {part}"))
    };
    let notes = notes.and_then(|choices| fitting(&choices));
    let view = fitting(&[view]);
    left.extend(view.into_iter().chain(notes));
    buf.set_stringn(area.x, area.y, &left, room, style);
    let hint_width = width(&shown);
    if hint_width <= columns {
        buf.set_stringn(
            area.x + (columns - hint_width) as u16,
            area.y,
            &shown,
            hint_width,
            style,
        );
    }
}

/// `text` in `columns` columns: whole, or cut with an ellipsis.
fn cut(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) + 1 > columns {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The focused passage's current suggestion, what the last accept or
/// reject did, or what there is to do. The keys come first, so that a
/// narrow screen cuts the text and never a key.
pub fn suggestion_bar(buf: &mut Buffer, app: &App, area: Rect) {
    let open = crate::tui::suggestions::open_suggestions(app, app.viewport.focus);
    let text = if let Some(what) = &app.input.decided {
        let left = match open.len() {
            0 => "none left here".to_string(),
            n => format!("{n} more here, next key shows them"),
        };
        format!(
            " {} │ {what} · passage {}: {left}",
            hints(Mode::Main, &[Action::Undo], " ", ""),
            app.viewport.focus + 1
        )
    } else {
        match crate::tui::suggestions::shown(app, &open) {
            Some(d) => {
                let keys: &[Action] = if open.len() > 1 {
                    &[
                        Action::AcceptSuggestion,
                        Action::RejectSuggestion,
                        Action::NextSuggestion,
                    ]
                } else {
                    &[Action::AcceptSuggestion, Action::RejectSuggestion]
                };
                format!(
                    " {} │ {}/{} {} “{}” / “{}”: {}",
                    hints(Mode::Main, keys, " ", "  "),
                    app.input.suggestion % open.len() + 1,
                    open.len(),
                    d.category.id(),
                    sanitize(&d.left_text),
                    sanitize(&d.right_text),
                    d.explanation,
                )
            }
            None => format!(
                " {} │ no open suggestion here",
                hints(Mode::Main, &[Action::OpenSummary], " ", "")
            ),
        }
    };
    let style = if open.is_empty() && app.input.decided.is_none() {
        app.theme.placeholder
    } else {
        app.theme.title
    };
    let columns = usize::from(area.width);
    buf.set_stringn(area.x, area.y, cut(&text, columns), columns, style);
}
