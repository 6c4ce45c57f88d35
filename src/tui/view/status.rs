//! The title row and the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::app::{App, Geometry};
use crate::tui::keymap::hints;
use crate::tui::mode::{Mode, Side, View};

pub fn titles(buf: &mut Buffer, app: &App, g: &Geometry) {
    for side in Side::BOTH {
        let area = g.pane(side);
        let active = app.view == View::Reading && app.pane == side;
        let style = if active { app.theme.title_active } else { app.theme.title };
        let [full, compact] = &app.titles[side.index()];
        let fits = crate::display::width(full) < usize::from(area.width);
        let text = format!(" {}", if fits { full } else { compact });
        buf.set_style(Rect::new(area.x, g.titles.y, area.width, 1), style);
        buf.set_stringn(area.x, g.titles.y, &text, usize::from(area.width), style);
    }
}

/// "difference 3 of 17" when the focus is on one, else where it stands.
fn position(app: &App) -> String {
    if app.units.is_empty() {
        return "no passages".into();
    }
    let total = app.differences.len();
    match app.differences.binary_search(&app.focus) {
        Ok(i) => format!("difference {} of {total}", i + 1),
        Err(i) => format!("passage {} of {} · {i} of {total} differences above", app.focus + 1, app.units.len()),
    }
}

pub fn status_line(buf: &mut Buffer, app: &App, area: Rect) {
    let style = app.theme.status;
    buf.set_style(area, style);
    let width = usize::from(area.width);
    if app.search.editing {
        let text = format!(" search: {}▏  ({})", crate::display::sanitize(&app.search.query), hints(Mode::Search, &[], ": ", ", "));
        buf.set_stringn(area.x, area.y, &text, width, style);
        return;
    }
    let view = match app.view {
        View::Aligned => "aligned view".to_string(),
        View::Reading => format!("reading view · {} pane", app.pane.name()),
    };
    let unsaved = app.notebook.as_ref().is_some_and(|b| b.unsaved);
    let warning = if unsaved { format!(" NOTES NOT SAVED ({}) │", hints(Mode::Main, &[Action::SaveElsewhere], ": ", "")) } else { String::new() };
    let mut left = format!("{warning} {} │ {view}", position(app));
    if let Some(message) = &app.message {
        left.push_str(" │ ");
        left.push_str(message);
    }
    if app.selection.is_some() {
        left.push_str(" │ selecting words: ");
        left.push_str(&hints(Mode::Select, &[], " ", ", "));
    }
    if let Some(book) = &app.notebook {
        let count = book.file.notes.len();
        let path = crate::display::sanitize(&book.path.display().to_string());
        left.push_str(&format!(" │ {count} note{}: {path}", if count == 1 { "" } else { "s" }));
    }
    let main = [Action::NextDifference, Action::PrevDifference, Action::ToggleView, Action::StartSearch, Action::ToggleHelp, Action::Quit];
    let hints = hints(Mode::Main, &main, " ", "  ") + " ";
    buf.set_stringn(area.x, area.y, &left, width, style);
    let used = crate::display::width(&left);
    let hint_width = crate::display::width(&hints);
    if used + 2 + hint_width <= width {
        buf.set_stringn(area.x + (width - hint_width) as u16, area.y, &hints, hint_width, style);
    }
}

/// The focused passage's current suggestion, or what there is to do.
pub fn suggestion_bar(buf: &mut Buffer, app: &App, area: Rect) {
    let open = crate::tui::suggestions::open_suggestions(app, app.focus);
    let text = match crate::tui::suggestions::shown(app, &open) {
        Some(d) => {
            let keys: &[Action] = if open.len() > 1 {
                &[Action::AcceptSuggestion, Action::RejectSuggestion, Action::NextSuggestion]
            } else {
                &[Action::AcceptSuggestion, Action::RejectSuggestion]
            };
            format!(
                " suggestion {}/{}: {} “{}” / “{}”: {}  ·  {}",
                app.suggestion % open.len() + 1,
                open.len(),
                d.category.id(),
                crate::display::sanitize(&d.left_text),
                crate::display::sanitize(&d.right_text),
                d.explanation,
                hints(Mode::Main, keys, " ", "  ")
            )
        }
        None => format!(" no open suggestion here  ·  {}", hints(Mode::Main, &[Action::OpenSummary], " ", "")),
    };
    let style = if open.is_empty() { app.theme.placeholder } else { app.theme.title };
    buf.set_stringn(area.x, area.y, &text, usize::from(area.width), style);
}
