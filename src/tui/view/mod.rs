//! Drawing: reads the state, never changes it.

mod dialogs;
mod help;
mod panes;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
pub use help::{height as help_height, lines as help_lines};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if app.too_small() {
        let text = format!("tandem needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})", area.width, area.height);
        let lines = crate::display::wrap(&text, usize::from(area.width));
        let top = area.height.saturating_sub(lines.len() as u16) / 2;
        for (i, line) in lines.iter().enumerate() {
            let x = area.width.saturating_sub(crate::display::width(line) as u16) / 2;
            frame.buffer_mut().set_stringn(x, top + i as u16, line, usize::from(area.width), app.theme.text);
        }
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
