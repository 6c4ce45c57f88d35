//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keys::TABLE;

/// The help text: every binding of the key table, then the legend.
pub fn lines() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for section in TABLE {
        out.push((section.title.to_string(), String::new()));
        for b in section.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            out.push((format!("  {}", keys.join(" / ")), b.help.to_string()));
        }
    }
    out.push(("Marks".into(), String::new()));
    for (glyph, meaning) in [
        ("  =", "aligned: same content; reworded words underlined"),
        ("  ≠", "divergent: a name, number, negation or hedge differs (bold)"),
        ("  < >", "unique: only in the left / right article (italic)"),
        ("  ↕", "moved: stands elsewhere in the other article"),
        ("  ▌", "the focused passage"),
        ("  ✎", "a passage with review notes"),
        ("  mouse", "wheel scrolls, click focuses a passage"),
    ] {
        out.push((glyph.into(), meaning.into()));
    }
    out
}

/// Rows the help needs: its lines plus the frame.
pub fn height() -> usize {
    lines().len() + 2
}

pub fn draw(frame: &mut Frame, app: &App, screen: Rect) {
    let entries = lines();
    let key_width = entries.iter().filter(|(_, d)| !d.is_empty()).map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    let text: Vec<Line> = entries
        .iter()
        .map(|(k, d)| {
            if d.is_empty() {
                Line::from(Span::styled(k.clone(), app.theme.title.add_modifier(Modifier::UNDERLINED)))
            } else {
                Line::from(vec![Span::styled(format!("{k:key_width$}"), app.theme.title), Span::raw(d.clone())])
            }
        })
        .collect();
    let width = screen.width.saturating_sub(2).min(90);
    let height = (text.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect::new(screen.x + (screen.width - width) / 2, screen.y + (screen.height - height) / 2, width, height);
    let fits = usize::from(height) >= text.len() + 2;
    let title = if fits { " tandem: keys (any key closes) " } else { " tandem: keys (j/k scroll, any other key closes) " };
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let scroll = u16::try_from(app.help_scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(text).block(block).style(app.theme.overlay).scroll((scroll, 0)), area);
}
