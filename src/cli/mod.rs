//! The command line: parses arguments and hands off to the core and the
//! front ends. Every error leaves as one line on stderr and exit status 2.

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::compare::Comparison;
use crate::core::document::{Document, LoadError};
use crate::report;
use crate::tui::theme::{Palette, Theme};

pub mod samples;

#[derive(Parser, Debug)]
#[command(
    name = "tandem",
    version,
    about = "Review two versions of an article side by side: aligned, divergent and unique passages",
    long_about = "Review two versions of an article side by side.\n\n\
        tandem aligns the two texts passage by passage, through paraphrase, split and merged \
        sentences and moved paragraphs, and tells which passages say the same thing (aligned), \
        which are matched but differ in a fact such as a name, number, negation or hedge \
        (divergent), and which appear in one text only (unique).\n\n\
        With no arguments, tandem uses its bundled sample pair.",
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
    /// Colours for a dark or light terminal background (auto: from COLORFGBG)
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

impl ThemeChoice {
    fn palette(self) -> Palette {
        match self {
            ThemeChoice::Auto => Palette::detect(),
            ThemeChoice::Dark => Palette::Dark,
            ThemeChoice::Light => Palette::Light,
        }
    }
}

#[derive(Subcommand, Debug)]
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
    if std::io::stdout().is_terminal() {
        if let Ok((cols, _)) = ratatui::crossterm::terminal::size() {
            return usize::from(cols);
        }
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100)
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    use std::io::Write;
    match cli.command {
        Some(Command::Align { left, right, format, width }) => {
            let (l, r) = load_pair(left.as_deref(), right.as_deref())?;
            let cmp = Comparison::new(l, r);
            let out = match format {
                Format::Json => report::json::render(&cmp) + "\n",
                Format::Text => report::text::render(&cmp, width.unwrap_or_else(terminal_width)),
            };
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(CliError::Output),
            }
        }
        None => {
            use std::io::IsTerminal;
            let (l, r) = load_pair(cli.left.as_deref(), cli.right.as_deref())?;
            let cmp = Comparison::new(l, r);
            // Keys are read from the terminal itself (/dev/tty), so one
            // article may still come from a pipe: `cat a.txt | tandem - b.txt`.
            if std::io::stdout().is_terminal() {
                crate::tui::run(cmp, Theme::new(cli.theme.palette())).map_err(CliError::Terminal)
            } else {
                // No terminal to draw on (a pipe, a script): the text report.
                print!("{}", report::text::render(&cmp, terminal_width()));
                Ok(())
            }
        }
    }
}
