//! Drawing: reads the state, never changes it.

mod dialogs;
mod help;
pub mod loading;
mod panes;
mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use crate::display::{width, wrap};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if app.viewport.too_small() {
        too_small(frame, app, area);
        return;
    }
    let g = app.viewport.geometry();
    let mut screen = Buffer::empty(Rect::new(0, 0, app.viewport.size.0, app.viewport.size.1));
    status::titles(&mut screen, app, &g);
    panes::draw(&mut screen, app, &g);
    status::suggestion_bar(&mut screen, app, g.suggestion);
    status::status_line(&mut screen, app, g.status);
    clip_into(frame.buffer_mut(), &screen);
    if app.input.dialog.is_some() {
        dialogs::draw(frame, app, area);
    }
    if app.viewport.help {
        help::draw(frame, app, Rect::new(0, 0, area.width, area.height));
    }
}

/// Copies the part of `screen` that the frame holds. The screen is laid out
/// and drawn at the size the app last heard of, and in a resize storm the
/// terminal may already have another: the one place every row of the
/// review screen reaches the frame, so nothing is written outside it
/// (rows and columns beyond it are dropped, and the next resize event
/// draws again at the new size).
fn clip_into(frame: &mut Buffer, screen: &Buffer) {
    let visible = frame.area.intersection(screen.area);
    for y in visible.top()..visible.bottom() {
        for x in visible.left()..visible.right() {
            frame[(x, y)] = screen[(x, y)].clone();
        }
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
