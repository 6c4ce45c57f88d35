//! The command line: parses arguments and hands off to the core and the
//! front ends. Every error leaves as one line on stderr and exit status 2.

use clap::{Parser, Subcommand, ValueEnum};

use std::path::{Path, PathBuf};

use crate::core::compare::Comparison;
use crate::core::document::{Document, LoadError};
use crate::core::notes::notebook::Notebook;
use crate::core::notes::store::{self, StoreError};
use crate::core::notes::{NotesFile, export};
use crate::report;
use crate::tui::theme::Palette;

pub mod config;
pub mod difftool;
pub mod samples;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "tandem",
    version,
    about = "Review two versions of an article side by side: aligned, divergent and unique passages",
    long_about = "Review two versions of an article side by side.\n\n\
        tandem aligns the two texts passage by passage, through paraphrase, split and merged \
        sentences and moved paragraphs, and tells which passages say the same thing (aligned), \
        which are matched but differ in a fact such as a name, number, negation or hedge \
        (divergent), and which appear in one text only (unique).\n\n\
        With no arguments, tandem uses its bundled sample pair. On the review screen, press ? \
        for the keys: moving, difference jumps, views, search, tagging notes, suggestions.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The first version (UTF-8 text or Markdown; `-` reads standard input).
    /// Omit both files to use the bundled sample pair.
    pub left: Option<String>,
    /// The second version.
    pub right: Option<String>,
    /// Colours for a dark or light terminal background (auto: TANDEM_THEME, the
    /// config file, COLORFGBG, or the terminal's answer)
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,
    /// The review notes file (default: beside the left article, named after
    /// both; in the current directory for the bundled sample)
    #[arg(long, value_name = "PATH")]
    pub notes: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

impl ThemeChoice {
    fn palette(self) -> Option<Palette> {
        match self {
            ThemeChoice::Auto => None,
            ThemeChoice::Dark => Some(Palette::Dark),
            ThemeChoice::Light => Some(Palette::Light),
        }
    }
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Align two articles and print the result (JSON for scripts, text for people)
    Align {
        /// The first version (UTF-8 text or Markdown; `-` reads standard input).
        /// Omit both files to use the bundled sample pair.
        left: Option<String>,
        /// The second version.
        right: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Width of the text report in cells (default: the terminal's, or 100 in a pipe)
        #[arg(long)]
        width: Option<usize>,
    },
    /// Export review notes as a report (Markdown), a spreadsheet (CSV), JSON
    /// or W3C Web Annotations
    Export {
        /// The notes file written by the review screen
        notes: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A review report an editor can read
    Markdown,
    /// One row per note (RFC 4180), safe to open in a spreadsheet
    Csv,
    /// The notes with their resolved quotes
    Json,
    /// A W3C Web Annotation collection (JSON-LD)
    W3c,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Markdown => export::Format::Markdown,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Json => export::Format::Json,
            ExportFormat::W3c => export::Format::W3c,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The stable JSON contract (see ALIGN-JSON.md)
    Json,
    /// A two-column report for a terminal or a pipe
    Text,
}

/// A failure to report: one line, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
    #[error(transparent)]
    Notes(#[from] StoreError),
    #[error("{0}: no such notes file")]
    NoNotes(String),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
}

/// Loads the pair named on the command line, or the bundled sample pair.
pub fn load_pair(left: Option<&str>, right: Option<&str>) -> Result<(Document, Document), CliError> {
    match (left, right) {
        (None, None) => Ok(samples::pair()),
        (Some(l), Some(r)) => {
            if l == "-" && r == "-" {
                return Err(CliError::Usage("only one of the two articles can be read from standard input".into()));
            }
            Ok((Document::load(l)?, Document::load(r)?))
        }
        _ => Err(CliError::Usage("give two articles to compare, or none for the bundled sample pair".into())),
    }
}

fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && let Ok((cols, _)) = ratatui::crossterm::terminal::size() {
        return usize::from(cols);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100)
}

fn write_stdout(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Output),
    }
}

/// Reads a notes file for export. When its articles can be read (by the
/// paths it records, as given or beside the notes file), the notes are
/// placed in their current text first, so quotes and offsets are resolved.
fn load_for_export(path: &Path) -> Result<NotesFile, CliError> {
    let file = store::load(path)?.ok_or_else(|| CliError::NoNotes(path.display().to_string()))?;
    let find = |recorded: &str| -> Option<Document> {
        let beside = path.parent().map(|d| d.join(recorded));
        [Some(PathBuf::from(recorded)), beside].into_iter().flatten().find_map(|p| Document::load(p.to_str()?).ok())
    };
    let (Some(left), Some(right)) = (find(&file.left.path), find(&file.right.path)) else {
        return Ok(file); // the stored quotes and offsets stand
    };
    Ok(Notebook::open(path, &left, &right)?.file)
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let config = config::Config::load()?;
    match cli.command {
        Some(Command::Align { left, right, format, width }) => {
            let (l, r) = load_pair(left.as_deref(), right.as_deref())?;
            let cmp = Comparison::new(l, r);
            let out = match format {
                Format::Json => report::json::render(&cmp) + "\n",
                Format::Text => report::text::render(&cmp, width.unwrap_or_else(terminal_width)),
            };
            write_stdout(&out)
        }
        Some(Command::Export { notes, format, output }) => {
            let same = |a: &Path, b: &Path| a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
            if output.as_deref().is_some_and(|o| same(o, &notes)) {
                return Err(CliError::Usage(format!("{}: an export must not replace the notes file; choose another -o", notes.display())));
            }
            let file = load_for_export(&notes)?;
            let text = export::render(&file, format.into());
            match output {
                Some(path) => store::write_temporary(&path, text.as_bytes())
                    .and_then(|temp| store::commit(&temp, &path))
                    .map_err(CliError::Output),
                None => write_stdout(&text),
            }
        }
        None => {
            use std::io::IsTerminal;
            if let Some((left, right)) = difftool::directories(&cli) {
                return difftool::review_each(&cli, &left, &right, run);
            }
            let is_sample = cli.left.is_none();
            let (mut l, mut r) = load_pair(cli.left.as_deref(), cli.right.as_deref())?;
            if let Some(git) = difftool::Git::from_env() {
                git.rename(&mut l);
                git.rename(&mut r);
            }
            let notes_path = cli.notes.clone().unwrap_or_else(|| {
                let left_is_file = !is_sample && l.name != "-";
                config.notes_path(store::default_path(&l.name, &r.name, left_is_file))
            });
            // Open the notes before anything is drawn: a notes file that
            // cannot be read stops here, untouched.
            let notebook = Notebook::open(&notes_path, &l, &r)?;
            // Asks the terminal (if it must) before the screen owns its input.
            let to_screen = std::io::stdout().is_terminal();
            let theme = if to_screen { Some(config::screen_theme(cli.theme.palette(), &config).map_err(CliError::Usage)?) } else { None };
            let bytes = l.text.len() + r.text.len();
            if bytes > 4_000_000 {
                // About a second per 2 MB: say so rather than show nothing.
                eprintln!("tandem: aligning {:.0} MB of text…", bytes as f64 / 1e6);
            }
            let cmp = Comparison::new(l, r);
            // Keys are read from the terminal itself (/dev/tty), so one
            // article may still come from a pipe: `cat a.txt | tandem - b.txt`.
            if let Some(theme) = theme {
                let screen = config.screen();
                crate::tui::run(cmp, notebook, theme, screen.reading_view, screen.fold).map_err(CliError::Terminal)
            } else {
                // No terminal to draw on (a pipe, a script): the text report.
                print!("{}", report::text::render(&cmp, terminal_width()));
                Ok(())
            }
        }
    }
}
