//! Styles of the review screen. Meaning never rests on colour alone: every
//! state also has a glyph (gutter marks, the focus bar) or a modifier (bold,
//! underline, italic), so it survives `NO_COLOR`, 16-colour terminals and
//! colour blindness. Colours avoid a red/green contrast.
//!
//! Two things decide the colours: the terminal's background ([`Palette`])
//! and how many colours it shows ([`Colours`]). With 256 colours the
//! palettes use the indexed cube and grey ramp (16–255), which every
//! terminal defines the same way, so their contrast is known; with 16
//! colours they use the named colours (whose values each terminal theme
//! chooses; the contrast test assumes xterm's); without colours only
//! modifiers and glyphs remain.

use std::sync::OnceLock;
use std::time::Duration;

use ratatui::style::{Color, Modifier, Style};

/// The terminal's background, which decides the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Dark,
    Light,
}

impl Palette {
    /// Reads `COLORFGBG` ("15;0": light text on a dark background; some
    /// terminals put a third field in the middle), which rxvt, Konsole and
    /// others set. `None` when it is absent or says nothing usable.
    pub fn from_colorfgbg(value: &str) -> Option<Self> {
        let background = value.rsplit(';').next()?.trim();
        match background.parse::<u8>().ok()? {
            7 | 9..=15 => Some(Palette::Light),
            0..=6 | 8 => Some(Palette::Dark),
            _ => None,
        }
    }

    /// A theme name as written in `TANDEM_THEME` or the config file:
    /// `Ok(None)` for `auto` (or empty), an error line for anything else.
    pub fn from_name(name: &str) -> Result<Option<Self>, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => Ok(Some(Palette::Dark)),
            "light" => Ok(Some(Palette::Light)),
            "auto" | "" => Ok(None),
            _ => Err(format!(
                "unknown theme “{}” (expected dark, light or auto)",
                crate::display::sanitize(name)
            )),
        }
    }
}

/// Everything that may name the palette, strongest first. The first that
/// says something wins; the terminal is asked only when none does.
#[derive(Debug, Default, Clone, Copy)]
pub struct PaletteSources<'a> {
    /// `--theme dark|light` (`auto` is `None`).
    pub flag: Option<Palette>,
    /// The value of `TANDEM_THEME`.
    pub env: Option<&'a str>,
    /// `theme = …` in the config file (`auto` is `None`).
    pub config: Option<Palette>,
    /// The value of `COLORFGBG`.
    pub colorfgbg: Option<&'a str>,
}

impl PaletteSources<'_> {
    /// The palette: --theme, then `TANDEM_THEME`, then the config file, then
    /// `COLORFGBG`, then `ask` (the terminal's answer to OSC 11), then dark.
    /// A `TANDEM_THEME` that names no theme is an error, not a silent default.
    pub fn choose(&self, ask: impl FnOnce() -> Option<Palette>) -> Result<Palette, String> {
        let env = match self.env {
            Some(value) => Palette::from_name(value).map_err(|e| format!("TANDEM_THEME: {e}"))?,
            None => None,
        };
        Ok(self
            .flag
            .or(env)
            .or(self.config)
            .or_else(|| self.colorfgbg.and_then(Palette::from_colorfgbg))
            .or_else(ask)
            .unwrap_or(Palette::Dark))
    }
}

/// How long the terminal may take to say its background colour. A terminal
/// that cannot answer is recognised sooner (it answers the DA1 query sent
/// with it); this bounds a silent one, such as a slow remote link.
const ASK_TIMEOUT: Duration = Duration::from_millis(200);

/// Asks the terminal for its background colour (OSC 11), once per process:
/// a directory diff opens several screens and asks only for the first.
/// Must run before the screen takes over the terminal's input.
pub fn ask_terminal() -> Option<Palette> {
    static ANSWER: OnceLock<Option<Palette>> = OnceLock::new();
    *ANSWER.get_or_init(|| {
        let mut options = terminal_colorsaurus::QueryOptions::default();
        options.timeout = ASK_TIMEOUT;
        match terminal_colorsaurus::theme_mode(options).ok()? {
            terminal_colorsaurus::ThemeMode::Dark => Some(Palette::Dark),
            terminal_colorsaurus::ThemeMode::Light => Some(Palette::Light),
        }
    })
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colours {
    /// 256 colours or more.
    Full,
    /// The 16 named colours (`TERM=xterm`, the Linux console).
    Sixteen,
    /// None: `NO_COLOR` is set, or the terminal has no colours.
    None,
}

impl Colours {
    /// What standard output can show, from `NO_COLOR`, `FORCE_COLOR`, `TERM`
    /// and `COLORTERM` (the usual conventions, as the supports-color crate
    /// reads them).
    pub fn detect() -> Self {
        match supports_color::on(supports_color::Stream::Stdout) {
            None => Colours::None,
            Some(level) if level.has_256 => Colours::Full,
            Some(_) => Colours::Sixteen,
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

/// The colours a palette gives each role; `None` leaves the terminal's own.
struct Roles {
    /// The focus bar, aligned marks, selected words.
    accent: Option<Color>,
    changed: Option<Color>,
    unique: Option<Color>,
    placeholder: Option<Color>,
    moved: Option<Color>,
    focus: Option<Color>,
    /// Selected words are drawn reversed in this colour.
    selection: Option<Color>,
}

impl Roles {
    fn of(palette: Palette, colours: Colours) -> Self {
        use Color::*;
        let (accent, changed, unique, placeholder, moved, focus, selection) =
            match (colours, palette) {
                (Colours::Full, Palette::Dark) => (
                    Indexed(111),
                    Indexed(221),
                    Indexed(116),
                    Indexed(247),
                    Indexed(213),
                    Indexed(236),
                    Indexed(111),
                ),
                (Colours::Full, Palette::Light) => (
                    Indexed(25),
                    Indexed(125),
                    Indexed(23),
                    Indexed(241),
                    Indexed(91),
                    Indexed(254),
                    Indexed(25),
                ),
                // A black band on a dark terminal and a light grey one on a light
                // terminal keep every colour readable; the bar ▌ marks the focus
                // where the band is the terminal's own background. Bright blue
                // reversed is too dark under black text, so selected words are
                // simply reversed. Grey text is too faint on a grey background
                // (and on white), so placeholders are only italic.
                (Colours::Sixteen, Palette::Dark) => (
                    LightBlue,
                    LightYellow,
                    LightCyan,
                    Reset,
                    LightMagenta,
                    Black,
                    Reset,
                ),
                // Yellow, cyan and green are unreadable on white.
                (Colours::Sixteen, Palette::Light) => (Blue, Red, Blue, Reset, Magenta, Gray, Blue),
                (Colours::None, _) => (Reset, Reset, Reset, Reset, Reset, Reset, Reset),
            };
        let some = |c: Color| (c != Reset).then_some(c);
        Roles {
            accent: some(accent),
            changed: some(changed),
            unique: some(unique),
            placeholder: some(placeholder),
            moved: some(moved),
            focus: some(focus),
            selection: some(selection),
        }
    }
}

/// `style` with `colour` as its foreground, if there is one.
fn fg(style: Style, colour: Option<Color>) -> Style {
    colour.map_or(style, |c| style.fg(c))
}

impl Theme {
    /// The palette in 256 colours.
    pub fn new(palette: Palette) -> Self {
        Self::for_terminal(palette, Colours::Full)
    }

    pub fn for_terminal(palette: Palette, colours: Colours) -> Self {
        let r = Roles::of(palette, colours);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            reworded: Style::new().add_modifier(Modifier::UNDERLINED),
            changed: fg(Style::new(), r.changed)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            unique: fg(Style::new(), r.unique).add_modifier(Modifier::ITALIC),
            placeholder: fg(Style::new(), r.placeholder).add_modifier(Modifier::ITALIC),
            focus: r.focus.map_or(Style::new(), |c| Style::new().bg(c)),
            focus_bar: fg(bold, r.accent),
            mark_aligned: fg(Style::new(), r.accent),
            mark_divergent: fg(bold, r.changed),
            mark_unique: fg(bold, r.unique),
            mark_moved: fg(bold, r.moved),
            search_hit: Style::new().add_modifier(Modifier::REVERSED),
            selection: fg(Style::new(), r.selection)
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: bold,
            title_active: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            overlay: Style::new(),
        }
    }
}

#[cfg(test)]
mod tests;
