//! Styles of the review screen. Meaning never rests on colour alone: every
//! state also has a glyph (gutter marks, the focus bar) or a modifier (bold,
//! underline, italic), so it survives `NO_COLOR`, 16-colour terminals and
//! colour blindness. Colours avoid a red/green contrast.

use ratatui::style::{Color, Modifier, Style};

/// The terminal's background, which decides the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Dark,
    Light,
}

impl Palette {
    /// Guesses from `COLORFGBG` ("15;0": light text on a dark background),
    /// which many terminals set; dark when unknown.
    pub fn detect() -> Self {
        let background = std::env::var("COLORFGBG").ok().and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()));
        match background {
            Some(7 | 9..=15) => Palette::Light,
            _ => Palette::Dark,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    /// Text of aligned passages.
    pub text: Style,
    /// Words that differ inside an aligned link (rewording).
    pub reworded: Style,
    /// Words that differ inside a divergent link.
    pub changed: Style,
    /// Passages found in one article only.
    pub unique: Style,
    /// Notes that are not article text.
    pub placeholder: Style,
    /// Added to every cell of the focused unit.
    pub focus: Style,
    /// The focus bar glyph at the pane's edge.
    pub focus_bar: Style,
    pub mark_aligned: Style,
    pub mark_divergent: Style,
    pub mark_unique: Style,
    pub mark_moved: Style,
    pub search_hit: Style,
    /// Words selected to narrow a note.
    pub selection: Style,
    pub title: Style,
    pub title_active: Style,
    pub status: Style,
    pub overlay: Style,
}

impl Theme {
    pub fn new(palette: Palette) -> Self {
        let (accent, changed, unique, dim, focus_bg, moved) = match palette {
            Palette::Dark => (Color::LightBlue, Color::LightYellow, Color::LightCyan, Color::DarkGray, Color::Indexed(236), Color::LightMagenta),
            Palette::Light => (Color::Blue, Color::Magenta, Color::Blue, Color::Gray, Color::Indexed(254), Color::Magenta),
        };
        Theme {
            text: Style::new(),
            reworded: Style::new().add_modifier(Modifier::UNDERLINED),
            changed: Style::new().fg(changed).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            unique: Style::new().fg(unique).add_modifier(Modifier::ITALIC),
            placeholder: Style::new().fg(dim).add_modifier(Modifier::ITALIC),
            focus: Style::new().bg(focus_bg),
            focus_bar: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            mark_aligned: Style::new().fg(accent),
            mark_divergent: Style::new().fg(changed).add_modifier(Modifier::BOLD),
            mark_unique: Style::new().fg(unique).add_modifier(Modifier::BOLD),
            mark_moved: Style::new().fg(moved).add_modifier(Modifier::BOLD),
            search_hit: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().fg(accent).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            title_active: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            overlay: Style::new(),
        }
    }
}
