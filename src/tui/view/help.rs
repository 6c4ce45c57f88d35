//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, help_lines};
use crate::tui::mode::Mode;

pub fn draw(frame: &mut Frame, app: &App, screen: Rect) {
    let entries = help_lines();
    let key_width = entries
        .iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let text: Vec<Line> = entries
        .iter()
        .map(|(k, d)| {
            if d.is_empty() {
                Line::from(Span::styled(
                    k.clone(),
                    app.theme.title.add_modifier(Modifier::UNDERLINED),
                ))
            } else {
                Line::from(vec![
                    Span::styled(format!("{k:key_width$}"), app.theme.title),
                    Span::raw(d.clone()),
                ])
            }
        })
        .collect();
    let width = screen.width.saturating_sub(2).min(90);
    let height = (text.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let fits = usize::from(height) >= text.len() + 2;
    // Scrolling is only worth a hint when there is something to scroll.
    let hints = if fits {
        keymap::hints(Mode::Help, &[Action::ToggleHelp], " ", "")
    } else {
        keymap::hints(Mode::Help, &[], " ", ", ")
    };
    let title = format!(" tandem: keys ({hints}) ");
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let scroll = u16::try_from(app.viewport.help_scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .style(app.theme.overlay)
            .scroll((scroll, 0)),
        area,
    );
}
