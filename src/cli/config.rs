//! The config file, `$XDG_CONFIG_HOME/tandem/config.toml` (by default
//! `~/.config/tandem/config.toml`): choices that should stick between
//! sessions. Every key is optional; the command line wins over it.
//!
//! ```toml
//! theme = "light"            # dark | light | auto (ask the terminal)
//! reviewer = "Ada Editor"    # your name in exported notes
//! notes-dir = "~/reviews"    # where notes files go (default: beside the left article)
//! view = "reading"           # aligned | reading: the view the screen opens in
//! fold = true                # open with aligned passages folded
//! watch = false              # do not compare again when a file changes on disk
//! ```
//!
//! A file that cannot be read or parsed, an unknown key or a bad value stops
//! tandem with one line naming the file, the line and the problem.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::tui::theme::{Colours, Palette, PaletteSources, Theme};

#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub theme: Option<ThemeSetting>,
    /// The reviewer's name, for exports.
    pub reviewer: Option<String>,
    /// Where notes files go when `--notes` is not given.
    pub notes_dir: Option<PathBuf>,
    /// The view the screen opens in.
    pub view: Option<ViewSetting>,
    /// Whether the screen opens with aligned passages folded.
    pub fold: Option<bool>,
    /// Whether the screen follows the files on disk (default: it does).
    pub watch: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeSetting {
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewSetting {
    Aligned,
    Reading,
}

/// What the review screen takes from the config file when it opens, as
/// plain values (the screen knows nothing of the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScreenSettings {
    /// Open in the reading view rather than the aligned view.
    pub reading_view: bool,
    /// Open with runs of aligned passages folded.
    pub fold: bool,
    /// Compare again when either file changes on disk.
    pub watch: bool,
}

/// A config file tandem cannot use, as one line.
#[derive(Debug, thiserror::Error)]
#[error("{path}{at}: {message}")]
pub struct ConfigError {
    path: String,
    /// ":LINE:COLUMN" when the problem has a place in the file.
    at: String,
    message: String,
}

impl ConfigError {
    fn new(path: &Path, at: String, message: impl std::fmt::Display) -> Self {
        let one_line = message
            .to_string()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        ConfigError {
            path: crate::display::sanitize(&path.display().to_string()),
            at,
            message: crate::display::sanitize(&one_line),
        }
    }
}

/// Where the config file is: `$XDG_CONFIG_HOME/tandem/config.toml`, else
/// `$HOME/.config/tandem/config.toml` (the XDG rule, on every system, as
/// the issue and other terminal tools such as git and helix use it).
pub fn path_from(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    // The XDG specification ignores a relative or empty value.
    let base = match xdg_config_home.filter(|v| Path::new(v).is_absolute()) {
        Some(xdg) => PathBuf::from(xdg),
        None => Path::new(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("tandem").join("config.toml"))
}

impl Config {
    /// The user's config file, or the defaults when there is none.
    pub fn load() -> Result<Self, ConfigError> {
        let var = |name| std::env::var(name).ok();
        match path_from(var("XDG_CONFIG_HOME").as_deref(), var("HOME").as_deref()) {
            Some(path) => Self::read(&path),
            None => Ok(Config::default()),
        }
    }

    /// Reads the file at `path`; a missing file is the defaults.
    pub fn read(path: &Path) -> Result<Self, ConfigError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(ConfigError::new(path, String::new(), e)),
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            ConfigError::new(
                path,
                String::new(),
                format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
            )
        })?;
        Self::parse(&text, path)
    }

    /// Parses the text of the file at `path` (which places relative
    /// directories and names the file in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| line_column(text, s.start))
                .map(|(l, c)| format!(":{l}:{c}"))
                .unwrap_or_default();
            ConfigError::new(path, at, e.message())
        })?;
        // A value the parser accepted but tandem cannot use: the key's line.
        let at_key = |key: &str, message: String| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(String::new(), |i| format!(":{}", i + 1));
            ConfigError::new(path, line, format!("{key}: {message}"))
        };
        if let Some(name) = &config.reviewer
            && (name.trim().is_empty() || name.chars().any(char::is_control))
        {
            return Err(at_key(
                "reviewer",
                "must be a name on one line, without control characters".into(),
            ));
        }
        if let Some(dir) = config.notes_dir.take() {
            let dir = resolve_dir(&dir, path.parent(), std::env::var("HOME").ok().as_deref());
            if !dir.is_dir() {
                return Err(at_key(
                    "notes-dir",
                    format!("{}: no such directory", dir.display()),
                ));
            }
            config.notes_dir = Some(dir);
        }
        Ok(config)
    }

    /// Where a notes file goes: `default` (beside the left article), or
    /// under the same name in `notes-dir` when that is set.
    pub fn notes_path(&self, default: PathBuf) -> PathBuf {
        match (&self.notes_dir, default.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => default,
        }
    }

    pub fn screen(&self) -> ScreenSettings {
        ScreenSettings {
            reading_view: self.view == Some(ViewSetting::Reading),
            fold: self.fold.unwrap_or(false),
            watch: self.watch.unwrap_or(true),
        }
    }

    /// The palette from the config file (`auto` leaves it to the terminal).
    pub fn palette(&self) -> Option<Palette> {
        match self.theme? {
            ThemeSetting::Auto => None,
            ThemeSetting::Dark => Some(Palette::Dark),
            ThemeSetting::Light => Some(Palette::Light),
        }
    }
}

/// `~/x` under the home directory; a relative path beside the config file.
fn resolve_dir(dir: &Path, config_dir: Option<&Path>, home: Option<&str>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (dir.strip_prefix("~"), home) {
        return Path::new(home).join(rest);
    }
    match config_dir {
        Some(base) if dir.is_relative() => base.join(dir),
        _ => dir.to_path_buf(),
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The screen's theme: the palette from --theme, `TANDEM_THEME`, the config
/// file, `COLORFGBG` or the terminal itself (asked only when none of the
/// others says, and not at all without colours), and the colours the
/// terminal can show.
pub fn screen_theme(flag: Option<Palette>, config: &Config) -> Result<Theme, String> {
    let colours = Colours::detect();
    let env = std::env::var("TANDEM_THEME").ok();
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let sources = PaletteSources {
        flag,
        env: env.as_deref(),
        config: config.palette(),
        colorfgbg: colorfgbg.as_deref(),
    };
    let ask = || {
        if colours == Colours::None {
            None
        } else {
            crate::tui::theme::ask_terminal()
        }
    };
    Ok(Theme::for_terminal(sources.choose(ask)?, colours))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("/home/ada/.config/tandem/config.toml"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_key_is_read() {
        let dir = std::env::temp_dir();
        let text = format!(
            "theme = \"light\"\nreviewer = \"Ada Editor\"\nnotes-dir = {:?}\nview = \"reading\"\nfold = true\nwatch = false\n",
            dir.display().to_string()
        );
        let c = parse(&text).expect("a valid config");
        assert_eq!(c.theme, Some(ThemeSetting::Light));
        assert_eq!(c.palette(), Some(Palette::Light));
        assert_eq!(c.reviewer.as_deref(), Some("Ada Editor"));
        assert_eq!(c.notes_dir.as_deref(), Some(dir.as_path()));
        assert_eq!(c.view, Some(ViewSetting::Reading));
        assert_eq!(c.fold, Some(true));
        assert_eq!(c.watch, Some(false));
        assert_eq!(
            c.screen(),
            ScreenSettings {
                reading_view: true,
                fold: true,
                watch: false
            }
        );
        assert_eq!(
            c.notes_path(PathBuf::from("articles/a.b.tandem-notes.json")),
            dir.join("a.b.tandem-notes.json")
        );
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let c = parse("# nothing yet\n").expect("a valid config");
        assert_eq!(c, Config::default());
        assert_eq!(c.palette(), None);
        assert_eq!(
            c.screen(),
            ScreenSettings {
                reading_view: false,
                fold: false,
                watch: true
            }
        );
        assert_eq!(
            c.notes_path(PathBuf::from("x/a.b.tandem-notes.json")),
            PathBuf::from("x/a.b.tandem-notes.json")
        );
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        assert_eq!(
            Config::read(Path::new("/nonexistent/tandem/config.toml"))
                .expect("a missing config file is the default"),
            Config::default()
        );
    }

    #[test]
    fn an_unknown_key_is_reported_with_its_line() {
        let e = parse("theme = \"dark\"\ncolour = \"blue\"\n").unwrap_err();
        assert!(
            e.starts_with("/home/ada/.config/tandem/config.toml:2:1: unknown field `colour`"),
            "{e}"
        );
        assert!(e.contains("notes-dir"), "lists the known keys: {e}");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn bad_values_are_one_line_errors() {
        for (text, expected) in [
            (
                "theme = \"blue\"",
                "config.toml:1:9: unknown variant `blue`, expected one of `auto`, `dark`, `light`",
            ),
            (
                "fold = \"yes\"",
                "config.toml:1:8: invalid type: string \"yes\", expected a boolean",
            ),
            (
                "view = \"unified\"",
                "config.toml:1:8: unknown variant `unified`, expected `aligned` or `reading`",
            ),
            ("theme = ", "config.toml:1:9: "),
            ("[fold\n", "config.toml:1:"),
            ("reviewer = \"\"", "config.toml:1: reviewer: must be a name"),
            (
                "reviewer = \"Ada\\u001b[2J\"",
                "config.toml:1: reviewer: must be a name",
            ),
            (
                "\n\nnotes-dir = \"/nonexistent-tandem-dir\"",
                "config.toml:3: notes-dir: /nonexistent-tandem-dir: no such directory",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(expected), "{text:?}: {e}");
            assert!(!e.contains('\n') && !e.contains('\x1b'), "{text:?}: {e:?}");
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_or_not_readable_is_an_error() {
        let dir =
            tempfile::TempDir::with_prefix("tandem-config-").expect("create the test directory");
        let file = dir.path().join("config.toml");
        std::fs::write(&file, b"theme = \"\xff\"").expect("write the test file");
        assert!(
            Config::read(&file)
                .unwrap_err()
                .to_string()
                .contains("not UTF-8 text (byte 9)")
        );
        // A directory where the file should be.
        let e = Config::read(dir.path()).unwrap_err().to_string();
        assert!(
            e.starts_with(&dir.path().display().to_string()) && !e.contains('\n'),
            "{e}"
        );
    }

    #[test]
    fn notes_dir_takes_home_and_the_config_directory() {
        let home = std::env::temp_dir();
        assert_eq!(
            resolve_dir(Path::new("~/reviews"), None, home.to_str()),
            home.join("reviews")
        );
        assert_eq!(
            resolve_dir(Path::new("reviews"), Some(Path::new("/etc/tandem")), None),
            PathBuf::from("/etc/tandem/reviews")
        );
        assert_eq!(
            resolve_dir(Path::new("/srv/r"), Some(Path::new("/etc/tandem")), None),
            PathBuf::from("/srv/r")
        );
    }

    #[test]
    fn the_file_is_found_by_the_xdg_rule() {
        assert_eq!(
            path_from(Some("/x/conf"), Some("/home/ada")),
            Some(PathBuf::from("/x/conf/tandem/config.toml"))
        );
        assert_eq!(
            path_from(Some("relative"), Some("/home/ada")),
            Some(PathBuf::from("/home/ada/.config/tandem/config.toml"))
        );
        assert_eq!(
            path_from(Some(""), Some("/home/ada")),
            Some(PathBuf::from("/home/ada/.config/tandem/config.toml"))
        );
        assert_eq!(path_from(None, None), None);
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("a = 1\nbé = x", 10), (2, 4));
        assert_eq!(line_column("abc", 99), (1, 4));
    }
}
