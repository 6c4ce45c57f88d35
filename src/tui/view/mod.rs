//! Drawing: reads the state, never changes it.

mod dialogs;
mod help;
pub mod loading;
mod panes;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use crate::display::{width, wrap};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if app.too_small() {
        too_small(frame, app, area);
        return;
    }
    let g = app.geometry();
    status::titles(frame.buffer_mut(), app, &g);
    panes::draw(frame.buffer_mut(), app, &g);
    status::suggestion_bar(frame.buffer_mut(), app, g.suggestion);
    status::status_line(frame.buffer_mut(), app, g.status);
    if app.dialog.is_some() {
        dialogs::draw(frame, app, area);
    }
    if app.help {
        help::draw(frame, app, Rect::new(0, 0, area.width, area.height));
    }
}

/// The screen is too small: the longest wording of the message that fits
/// without cutting a word, centred, down to a single cell.
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let needs = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    let wordings = [
        format!(
            "tandem needs at least {needs} (now {}×{})",
            area.width, area.height
        ),
        format!("needs {needs}"),
        needs,
        "…".into(),
    ];
    let (columns, rows) = (usize::from(area.width), usize::from(area.height));
    let lines = wordings
        .iter()
        .filter(|w| w.split_whitespace().all(|word| width(word) <= columns))
        .map(|w| wrap(w, columns))
        .find(|lines| lines.len() <= rows)
        .unwrap_or_default();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let x = area.width.saturating_sub(width(line) as u16) / 2;
        frame.buffer_mut().set_stringn(
            area.x + x,
            area.y + top + i as u16,
            line,
            usize::from(area.width - x),
            app.theme.text,
        );
    }
}
